"""A `--patterns` file teaches eventx new countries and people; a bad line is named precisely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from eventx.cli import app
from eventx.errors import RuleFileError
from eventx.pipeline import load_pipeline
from eventx.resources import read_patterns
from eventx.schema import Actor, Document, Event
from eventx.stream import extract_events

FREEDONIA = Path(__file__).resolve().parent / "data" / "patterns" / "freedonia.jsonl"
EXAMPLE = "President Rufus Firefly of Freedonia met Sylvanian Ambassador Trentino in Geneva."

GOOD_LINE = {"label": "GPE", "pattern": "Freedonia", "id": "FRD", "name": "Freedonia"}
# What can go wrong on a line, each after one good line, so the error must say "line 2".
BAD_LINES = {
    "not_json": '{"label": "GPE", "pattern": "Sylvania", "id": "SYL"',
    "unknown_label": json.dumps({"label": "COUNTRY", "pattern": "Sylvania", "id": "SYL"}),
    "missing_id": json.dumps({"label": "GPE", "pattern": "Sylvania"}),
    "empty_pattern": json.dumps({"label": "GPE", "pattern": " ", "id": "SYL"}),
    "unknown_field": json.dumps(
        {"label": "GPE", "pattern": "Sylvania", "id": "SYL", "capital": "Sylvania City"}
    ),
    "latitude_out_of_range": json.dumps(
        {"label": "GPE", "pattern": "Sylvania", "id": "SYL", "lat": 123.0}
    ),
    "not_an_object": json.dumps(["GPE", "Sylvania", "SYL"]),
    "unknown_token_attribute": json.dumps(
        {"label": "TITLE", "pattern": [{"LOWR": "grand"}, {"LOWER": "vizier"}], "id": "t.gv"}
    ),
    "unknown_extension": json.dumps(
        {"label": "TITLE", "pattern": [{"_": {"vizierish": True}}], "id": "t.gv"}
    ),
    "bad_operator": json.dumps(
        {"label": "TITLE", "pattern": [{"LOWER": "vizier", "OP": "++"}], "id": "t.gv"}
    ),
    "regex_does_not_compile": json.dumps(
        {"label": "PERSON", "pattern": [{"TEXT": {"REGEX": "("}}], "id": "p.x"}
    ),
    "regex_nested_quantifiers": json.dumps(
        {"label": "PERSON", "pattern": [{"TEXT": {"REGEX": "^(a+)+$"}}], "id": "p.x"}
    ),
    "regex_repeated_alternatives": json.dumps(
        {
            "label": "PERSON",
            "pattern": [{"LOWER": {"NOT_IN": ["x"], "REGEX": "^(ab|a)*$"}}],
            "id": "p",
        }
    ),
    "regex_spelled_lowercase": json.dumps(
        {"label": "PERSON", "pattern": [{"TEXT": {"regex": "(\\w+\\s?)+"}}], "id": "p"}
    ),
    "deeply_nested": "[" * 100_000 + "]" * 100_000,
    "number_of_5000_digits": '{"label": "GPE", "pattern": "Sylvania", "id": "SYL", "lat": '
    + "9" * 5000
    + "}",
}
SAFE_REGEXES = ["^(?:Mr|Dr)\\.?$", "^[A-Z][a-z]+-[A-Z][a-z]+$", "^(\\d{3})+$", "(a|b)+", "^x*$"]


@pytest.fixture(scope="module")
def freedonia_nlp() -> Language:
    return load_pipeline(patterns=[FREEDONIA])


def _events(nlp: Language, text: str) -> list[Event]:
    return list(extract_events(nlp, [Document(doc_id="t", text=text)]))


def _participant(events: list[Event], name: str) -> Actor:
    found = [a for e in events for a in (*e.actors, *e.recipients) if a.name == name]
    assert found, [e.model_dump(include={"actors", "recipients"}) for e in events]
    return found[0]


def _bad_file(directory: Path, line: str) -> Path:
    path = directory / "bad.jsonl"
    path.write_text(json.dumps(GOOD_LINE) + "\n" + line + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_user_patterns_name_new_entities(freedonia_nlp: Language) -> None:
    doc = freedonia_nlp(EXAMPLE)
    found = {(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents}
    assert ("Freedonia", "GPE", "FRD") in found
    assert ("Rufus Firefly", "PERSON", "person.firefly") in found
    assert ("Sylvanian", "NORP", "SYL") in found
    # Shipped entities still work alongside the user's.
    assert ("Geneva", "GPE", "geonames:2660646") in found


@pytest.mark.slow
def test_user_patterns_do_not_leak_into_the_default_pipeline(nlp: Language) -> None:
    doc = nlp(EXAMPLE)
    assert not any(ent.ent_id_ in {"FRD", "SYL", "person.firefly"} for ent in doc.ents)


@pytest.mark.slow
def test_example_sentence_gives_a_meeting_in_geneva(freedonia_nlp: Language) -> None:
    events = _events(freedonia_nlp, EXAMPLE)
    assert [e.event for e in events] == ["CONSULT"]
    assert events[0].location is not None and events[0].location.name == "Geneva"
    firefly = _participant(events, "Rufus Firefly")
    assert (firefly.kind, firefly.title) == ("person", "President")
    trentino = _participant(events, "Trentino")
    assert (trentino.title, trentino.country) == ("Ambassador", "SYL")


@pytest.mark.slow
def test_example_sentence_gives_firefly_his_country(freedonia_nlp: Language) -> None:
    firefly = _participant(_events(freedonia_nlp, EXAMPLE), "Rufus Firefly")
    assert firefly.country == "FRD"


@pytest.mark.slow
def test_user_demonyms_and_possessives_give_countries(freedonia_nlp: Language) -> None:
    for text in (
        "Freedonian President Rufus Firefly met Sylvanian Ambassador Luigi Trentino in Geneva.",
        "Freedonia's President Rufus Firefly met Sylvania's ambassador, Luigi Trentino, in Geneva.",
    ):
        events = _events(freedonia_nlp, text)
        assert _participant(events, "Rufus Firefly").country == "FRD", text
        assert _participant(events, "Luigi Trentino").country == "SYL", text


@pytest.mark.slow
def test_user_country_acts_with_its_inline_name(freedonia_nlp: Language) -> None:
    events = _events(freedonia_nlp, "Freedonia hosted Sylvania's foreign minister for talks.")
    host = _participant(events, "Freedonia")
    assert (host.country, host.id) == ("FRD", "FRD")
    assert any(r.country == "SYL" for e in events for r in e.recipients)


@pytest.mark.slow
def test_person_pattern_metadata_reaches_the_actor(freedonia_nlp: Language) -> None:
    events = _events(freedonia_nlp, "Rufus Firefly met Sylvanian Ambassador Luigi Trentino.")
    firefly = _participant(events, "Rufus Firefly")
    assert (firefly.id, firefly.country, firefly.title) == ("person.firefly", "FRD", "President")


@pytest.mark.parametrize("line", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_invalid_pattern_line_names_file_and_line(tmp_path: Path, line: str) -> None:
    path = _bad_file(tmp_path, line)
    with pytest.raises(RuleFileError) as caught:
        load_pipeline(patterns=[path])
    assert caught.value.path == str(path)
    assert caught.value.line == 2
    assert f"{path}:2" in str(caught.value)


def test_missing_pattern_file_is_a_rule_file_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.jsonl"
    with pytest.raises(RuleFileError) as caught:
        load_pipeline(patterns=[path])
    assert caught.value.path == str(path)


@pytest.mark.parametrize("regex", SAFE_REGEXES)
def test_regexes_that_cannot_backtrack_for_ever_are_accepted(tmp_path: Path, regex: str) -> None:
    line = {
        "label": "PERSON",
        "pattern": [{"TEXT": {"REGEX": regex}}, {"IS_TITLE": True}],
        "id": "p",
    }
    path = _bad_file(tmp_path, json.dumps(line))
    assert [line.id for line in read_patterns(path)] == ["FRD", "p"]


@pytest.mark.parametrize(
    "kind",
    [
        "unknown_label",
        "not_json",
        "unknown_token_attribute",
        "regex_does_not_compile",
        "regex_nested_quantifiers",
        "deeply_nested",
        "number_of_5000_digits",
    ],
)
def test_cli_rejects_a_bad_pattern_file(tmp_path: Path, kind: str) -> None:
    path = _bad_file(tmp_path, BAD_LINES[kind])
    text = tmp_path / "article.txt"
    text.write_text(EXAMPLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--patterns", str(path), str(text)])
    assert result.exit_code == 2, result.output
    assert f"{path}:2" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("unknown_token_attribute", "token pattern, token 1: unknown attribute LOWR"),
        ("unknown_extension", "token pattern: unknown extension _.vizierish"),
        ("regex_does_not_compile", "REGEX '(' does not compile: missing ), unterminated"),
        ("regex_nested_quantifiers", "REGEX '^(a+)+$' has a quantifier inside a repeated group"),
        ("regex_repeated_alternatives", "has a choice of alternatives inside a repeated group"),
        ("deeply_nested", "invalid JSON: nested too deeply"),
        ("number_of_5000_digits", "invalid JSON: number too long"),
    ],
)
def test_a_bad_token_pattern_says_what_is_wrong(tmp_path: Path, kind: str, reason: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        read_patterns(_bad_file(tmp_path, BAD_LINES[kind]))
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)
