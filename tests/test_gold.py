"""Gold format: loading, validation errors, and the PLOVER and ACE converters."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from eventx.errors import InputError
from eventx.evaluation import (
    GoldActor,
    GoldDocument,
    GoldPlace,
    convert,
    detect_format,
    dump_gold,
    find_sentence,
    from_ace,
    from_plover,
    load_gold,
)
from eventx.schema import EVENT_TYPES, Document

DATA = Path(__file__).parent / "data" / "eval"
REPO = Path(__file__).resolve().parents[1]
PLOVER_GSR = REPO.parent / "shared" / "eval" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"


# ---------------------------------------------------------------------------
# the eventx gold format


def test_load_gold_parses_every_actor_and_place_form() -> None:
    first, second = load_gold(DATA / "gold_sample.jsonl")
    meet, call = first.events
    assert meet.actors == [
        GoldActor(names=["Dana Whitcombe", "Whitcombe"], country="USA"),
        GoldActor(names=["Issoufou Gandah"], country="NER"),
    ]
    assert meet.location == GoldPlace(
        names=["Niamey"], country="NER", lat=13.51, lon=2.11, id="geonames:2440485"
    )
    assert meet.date == date(2025, 2, 11)
    assert call.actors == [GoldActor(names=["Whitcombe"])]
    assert call.recipients == [GoldActor(names=["BEN"], country="BEN")]
    # null location is an explicit "no place"; an absent one is simply not annotated
    assert call.location is None and call.location_scored
    assert second.events == [] and second.exhaustive


def test_gold_document_becomes_an_extraction_document() -> None:
    document = load_gold(DATA / "gold_sample.jsonl")[0].to_document()
    assert isinstance(document, Document)
    assert document.doc_id == "ev-001"
    assert document.title == "Envoy in Niamey"
    assert document.date == date(2025, 2, 11)
    assert document.text.startswith("Niamey, Feb. 11")


def test_sentence_missing_from_text_names_file_and_line() -> None:
    with pytest.raises(InputError) as caught:
        load_gold(DATA / "gold_bad_sentence.jsonl")
    assert caught.value.line == 2
    assert "gold_bad_sentence.jsonl:2" in str(caught.value)
    assert "Cotonou" in str(caught.value)


def test_broken_json_line_names_its_line() -> None:
    with pytest.raises(InputError) as caught:
        load_gold(DATA / "gold_bad_json.jsonl")
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ({"event": "MEET", "sentence": "We met."}, "event"),
        ({"event": "CONSULT", "sentence": "We met.", "topics": ["securty"]}, "securty"),
        (
            {"event": "CONSULT", "sentence": "We met.", "actors": [{"name": "A", "country": "us"}]},
            "ISO3",
        ),
        ({"event": "CONSULT", "sentence": "We met.", "colour": "red"}, "colour"),
    ],
    ids=["unknown-type", "unknown-topic", "bad-country", "unknown-key"],
)
def test_invalid_events_are_rejected_with_a_reason(
    tmp_path: Path, event: dict[str, object], expected: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "We met.", "events": [event]}) + "\n")
    with pytest.raises(InputError) as caught:
        load_gold(path)
    assert caught.value.line == 1
    assert expected in caught.value.reason


def test_duplicate_document_ids_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    line = json.dumps({"id": "same", "text": "Quiet day.", "events": []})
    path.write_text(f"{line}\n{line}\n")
    with pytest.raises(InputError, match="duplicate document id") as caught:
        load_gold(path)
    assert caught.value.line == 2


def test_find_sentence_tolerates_reflowed_whitespace() -> None:
    text = "Talks ended.  The envoy\nflew home   on Sunday. Nothing else."
    span = find_sentence(text, "The envoy flew home on Sunday.")
    assert span is not None
    assert text[span[0] : span[1]] == "The envoy\nflew home   on Sunday."
    assert find_sentence(text, "The envoy stayed.") is None


def test_dump_gold_round_trips_in_the_contract_shape() -> None:
    documents = load_gold(DATA / "gold_sample.jsonl")
    dumped = dump_gold(documents)
    first = json.loads(dumped.splitlines()[0])
    assert first["events"][0]["actors"][0]["name"] == ["Dana Whitcombe", "Whitcombe"]
    assert first["events"][1]["location"] is None
    again = [GoldDocument.model_validate(json.loads(line)) for line in dumped.splitlines()]
    assert again == documents
    assert again[0].events[1].location_scored


# ---------------------------------------------------------------------------
# PLOVER


def test_plover_records_become_documents_with_current_type_names() -> None:
    documents = {document.id: document for document in from_plover(DATA / "plover_sample.json")}
    assert "SAMPLE-DOCUMENT-0001" not in documents  # the header record
    assert len(documents) == 4

    demand = documents["SAMPLE-DEMAND-0001"].events[0]
    assert demand.event == "REQUEST"
    assert demand.mode is None
    assert demand.actors[0].country == "EST"
    assert demand.recipients[0].names[0] == "Belarus"
    assert demand.topics == ["diplomacy", "military"]
    assert not documents["SAMPLE-DEMAND-0001"].exhaustive


def test_plover_host_keeps_the_host_first_and_fixes_legacy_codes() -> None:
    documents = {document.id: document for document in from_plover(DATA / "plover_sample.json")}
    host = documents["SAMPLE-CONSULT-0001"].events[0]
    assert host.mode == "host"
    assert host.actors[0].names[0] == "Japanese Prime Minister Haruto Saeki"
    assert host.actors[0].country == "JPN"  # CAMEO's JAP
    assert host.recipients[0].names[0] == "Chilean President Inés Robledo"
    assert host.location is not None and host.location.names == ["Tokyo"]


def test_plover_non_state_codes_and_unmapped_types() -> None:
    documents = {document.id: document for document in from_plover(DATA / "plover_sample.json")}
    agree = documents["SAMPLE-AGREE-0001"].events[0]
    assert [actor.country for actor in agree.actors] == ["KEN", None]  # IGO is no country
    assert agree.recipients == []
    fight = documents["SAMPLE-FIGHT-0001"]
    assert fight.events == [] and fight.unmapped == ["FIGHT"]


def test_real_plover_gold_standard_converts_every_record() -> None:
    if not PLOVER_GSR.exists():
        pytest.skip(f"{PLOVER_GSR} not present")
    documents = convert(PLOVER_GSR)
    assert len(documents) == 322
    mapped = sum(len(document.events) for document in documents)
    unmapped = sum(len(document.unmapped) for document in documents)
    assert mapped + unmapped == 322
    assert all(event.event in EVENT_TYPES for document in documents for event in document.events)
    # every event's sentence is its record's text
    assert all(
        document.sentence_span(event) == (0, len(document.text))
        for document in documents
        for event in document.events
    )


# ---------------------------------------------------------------------------
# ACE


def test_ace_meet_and_phone_mentions_become_consult_events() -> None:
    documents = from_ace(DATA / "ace_sample.json")
    assert len(documents) == 4
    meet = documents[0].events[0]
    assert (meet.event, meet.mode, meet.trigger) == ("CONSULT", "meet", "met")
    assert [actor.names for actor in meet.actors] == [["The two foreign ministers"]]
    assert meet.location is not None and meet.location.names == ["Accra"]
    phone = documents[2].events[0]
    assert (phone.mode, phone.trigger) == ("phone", "telephoned")
    assert [actor.name for actor in phone.actors] == ["Ms. Okonkwo", "Kwesi Boateng"]
    assert phone.recipients == []


def test_ace_other_types_are_unmapped_and_empty_sentences_kept() -> None:
    documents = from_ace(DATA / "ace_sample.json")
    assert documents[1].events == [] and documents[1].unmapped == ["Conflict:Attack"]
    assert documents[3].events == [] and documents[3].unmapped == []
    assert not any(document.exhaustive for document in documents)


def test_ace_json_lines_with_sentence_ids() -> None:
    (document,) = from_ace(DATA / "ace_sample.jsonl")
    assert document.id == "wire-17-3"
    assert document.events[0].location is not None
    assert document.events[0].location.names == ["Lusaka"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gold_sample.jsonl", "eventx"),
        ("plover_sample.json", "plover"),
        ("ace_sample.json", "ace"),
        ("ace_sample.jsonl", "ace"),
    ],
)
def test_format_is_detected_from_content(name: str, expected: str) -> None:
    assert detect_format(DATA / name) == expected
    assert convert(DATA / name) == convert(DATA / name, expected)


def test_unknown_format_and_missing_file_are_input_errors(tmp_path: Path) -> None:
    path = tmp_path / "other.jsonl"
    path.write_text('{"headline": "x"}\n')
    with pytest.raises(InputError, match="cannot tell the gold format"):
        convert(path)
    with pytest.raises(InputError, match="unknown gold format"):
        convert(DATA / "gold_sample.jsonl", "brat")
    with pytest.raises(InputError, match="no such file"):
        convert(tmp_path / "absent.jsonl")


def test_gold_topics_follow_the_shipped_topic_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = tmp_path / "models"
    shutil.copytree(REPO / "models", models)
    fisheries = {
        "id": "topic.fisheries.v1",
        "topic": "fisheries",
        "description": "Fishing rights and quotas.",
        "terms": ["fishery", "fishing quota"],
    }
    with (models / "topics.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(fisheries) + "\n")
    monkeypatch.setenv("EVENTX_MODELS_DIR", str(models))
    path = tmp_path / "gold.jsonl"
    event = {"event": "CONSULT", "sentence": "We met.", "topics": ["fisheries"]}
    path.write_text(json.dumps({"id": "x", "text": "We met.", "events": [event]}) + "\n")
    (document,) = load_gold(path)
    assert document.events[0].topics == ["fisheries"]
