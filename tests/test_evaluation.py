"""Scoring: event matching, names and dyads, field accuracies, floors and the rendered report."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from rich.console import Console

from eventx.evaluation import (
    EvaluationReport,
    GoldDocument,
    evaluate,
    metric_floor_failures,
    metric_keys,
    metric_value,
    names_match,
)
from eventx.render import render_report
from eventx.schema import Actor, ActorKind, Event, Place, Status, stable_id

TEXT = (
    "Bamako, March 4 — U.S. Assistant Secretary Nick Chicker met Malian Foreign Minister "
    "Abdoulaye Diop on Tuesday in Bamako. "
    "The two sides discussed security and trade. "
    "Later, Chicker telephoned Senegal's President Bassirou Faye to discuss the crisis."
)
MEET = (
    "U.S. Assistant Secretary Nick Chicker met Malian Foreign Minister Abdoulaye Diop "
    "on Tuesday in Bamako."
)
CALL = "Later, Chicker telephoned Senegal's President Bassirou Faye to discuss the crisis."
TOPICS = "The two sides discussed security and trade."


def gold_document(events: list[dict[str, Any]], **extra: Any) -> GoldDocument:
    return GoldDocument.model_validate({"id": "d1", "text": TEXT, "events": events, **extra})


def meet_gold(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event": "CONSULT",
        "mode": "meet",
        "status": "occurred",
        "sentence": MEET,
        "trigger": "met",
        "actors": [
            {"name": "Nick Chicker", "country": "USA"},
            {"name": "Abdoulaye Diop", "country": "MLI"},
        ],
        "recipients": [],
        "location": {"name": "Bamako", "country": "MLI", "lat": 12.65, "lon": -8.0},
        "topics": ["security", "trade"],
        "date": "2025-03-04",
    }
    event.update(overrides)
    return event


def call_gold(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event": "CONSULT",
        "mode": "phone",
        "status": "occurred",
        "sentence": CALL,
        "trigger": "telephoned",
        "actors": [{"name": "Nick Chicker", "country": "USA"}],
        "recipients": [{"name": "Bassirou Faye", "country": "SEN"}],
    }
    event.update(overrides)
    return event


def actor(
    name: str, country: str | None = None, kind: ActorKind = "person", text: str = ""
) -> Actor:
    at = max(TEXT.find(text or name), 0)
    words = text or name
    return Actor(text=words, name=name, country=country, kind=kind, start=at, end=at + len(words))


def predicted(
    sentence: str,
    trigger: str,
    event: str = "CONSULT",
    doc_id: str = "d1",
    **fields: Any,
) -> Event:
    start = TEXT.find(sentence)
    assert start >= 0, sentence
    trigger_start = TEXT.find(trigger, start)
    values: dict[str, Any] = {
        "id": stable_id(doc_id, start, trigger, event),
        "doc_id": doc_id,
        "event": event,
        "status": Status.occurred,
        "sentence": sentence,
        "start": start,
        "end": start + len(sentence),
        "trigger": trigger,
        "trigger_start": trigger_start,
        "trigger_end": trigger_start + len(trigger),
        "rule": "test.rule.v1",
        "confidence": 0.9,
    }
    values.update(fields)
    return Event(**values)


def good_meet(**overrides: Any) -> Event:
    fields: dict[str, Any] = {
        "mode": "meet",
        "actors": [actor("Nick Chicker", "USA")],
        "recipients": [actor("Abdoulaye Diop", "MLI")],
        "location": Place(text="Bamako", name="Bamako", country="MLI", lat=12.65, lon=-8.0),
        "topics": ["security", "trade"],
        "date": date(2025, 3, 4),
    }
    fields.update(overrides)
    return predicted(MEET, "met", **fields)


def good_call(**overrides: Any) -> Event:
    fields: dict[str, Any] = {
        "mode": "phone",
        "actors": [actor("Nick Chicker", "USA", text="Chicker")],
        "recipients": [actor("Bassirou Faye", "SEN")],
    }
    fields.update(overrides)
    return predicted(CALL, "telephoned", **fields)


# ---------------------------------------------------------------------------
# event detection


def test_perfect_predictions_score_one_everywhere() -> None:
    report = evaluate([gold_document([meet_gold(), call_gold()])], [good_meet(), good_call()])
    overall = report.overall
    assert (overall.event.precision, overall.event.recall, overall.event.f1) == (1.0, 1.0, 1.0)
    assert overall.dyad.f1 == 1.0
    assert {name: acc.accuracy for name, acc in overall.fields.items()} == {
        "mode": 1.0,
        "status": 1.0,
        "location": 1.0,
        "date": 1.0,
        "countries": 1.0,
    }
    assert overall.topic.precision == overall.topic.recall == 1.0
    assert report.misses == report.false_positives == report.field_errors == []


def test_a_miss_and_a_false_positive_are_counted_and_listed() -> None:
    extra = predicted(TOPICS, "discussed", event="COOPERATE")
    report = evaluate([gold_document([meet_gold(), call_gold()])], [good_meet(), extra])
    assert report.overall.event.model_dump(include={"gold", "predicted", "matched_gold"}) == {
        "gold": 2,
        "predicted": 2,
        "matched_gold": 1,
    }
    assert report.overall.event.precision == report.overall.event.recall == 0.5
    assert [(e.doc_id, e.event, e.sentence) for e in report.misses] == [("d1", "CONSULT", CALL)]
    assert [(e.event, e.sentence) for e in report.false_positives] == [("COOPERATE", TOPICS)]
    assert report.per_type["COOPERATE"].event.precision == 0.0
    assert report.per_type["CONSULT"].event.recall == 0.5


def test_wrong_type_or_wrong_sentence_does_not_match() -> None:
    gold = [gold_document([meet_gold()])]
    wrong_type = predicted(MEET, "met", event="AGREE")
    wrong_sentence = predicted(CALL, "telephoned", mode="meet")
    report = evaluate(gold, [wrong_type, wrong_sentence])
    assert report.overall.event.matched_gold == 0
    assert len(report.false_positives) == 2 and len(report.misses) == 1


def test_document_without_events_makes_every_prediction_false() -> None:
    quiet = GoldDocument(id="quiet", text="Markets were calm on Friday.", events=[])
    event = predicted(MEET, "met", doc_id="quiet").model_copy(
        update={"sentence": "Markets were calm on Friday.", "start": 0, "end": 28}
    )
    report = evaluate([quiet], [event])
    assert report.overall.event.precision == 0.0
    assert report.overall.event.recall is None  # nothing to find
    assert report.overall.event.f1 == 0.0


def test_predictions_for_unknown_documents_are_ignored_and_counted() -> None:
    report = evaluate(
        [gold_document([meet_gold()])], [good_meet(), predicted(MEET, "met", doc_id="zz")]
    )
    assert report.unknown_documents == 1
    assert report.overall.event.precision == 1.0


def test_partially_annotated_documents_do_not_count_false_positives() -> None:
    partial = gold_document([meet_gold()], exhaustive=False)
    extra = predicted(TOPICS, "discussed", event="COOPERATE")
    report = evaluate([partial], [good_meet(), extra])
    assert report.false_positives == []
    assert report.unscored_predictions == 1
    assert report.overall.event.precision == 1.0


def test_matching_prefers_the_prediction_with_the_right_dyad() -> None:
    # Two gold CONSULT events in one sentence; the predictions arrive in the "wrong" order.
    gold = gold_document(
        [
            meet_gold(actors=["Nick Chicker", "Abdoulaye Diop"], mode=None),
            meet_gold(actors=["Nick Chicker", "Bassirou Faye"], mode=None),
        ]
    )
    first = good_meet(recipients=[actor("Bassirou Faye", "SEN")])
    second = good_meet(recipients=[actor("Abdoulaye Diop", "MLI")])
    report = evaluate([gold], [first, second])
    assert report.overall.event.f1 == 1.0
    assert report.overall.dyad.f1 == 1.0


def test_unmapped_source_types_are_summed_in_the_report() -> None:
    docs = [
        GoldDocument(id="a", text="x", unmapped=["FIGHT"], exhaustive=False),
        GoldDocument(id="b", text="y", unmapped=["FIGHT", "PROTEST"], exhaustive=False),
    ]
    assert evaluate(docs, []).unmapped == {"FIGHT": 2, "PROTEST": 1}


# ---------------------------------------------------------------------------
# names and dyads


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Nick Chicker", "Chicker", True),
        ("Assimi Goïta", "President Assimi Goita", True),
        ("Mr. Diop", "Abdoulaye Diop", True),
        ("Iraqi President Saddam Hussein", "Saddam Hussein", True),
        ("Taiwan's Vice Foreign Minister", "Taiwan", True),
        ("North Korea", "South Korea", False),
        ("Nick Chicker", "Nick Chickering", False),
        ("President", "Foreign Minister", False),  # titles alone name nobody
    ],
)
def test_names_match(first: str, second: str, same: bool) -> None:
    assert names_match(first, second) is same
    assert names_match(second, first) is same


def test_symmetric_meeting_ignores_who_is_actor_and_who_recipient() -> None:
    swapped = good_meet(
        actors=[actor("Abdoulaye Diop", "MLI")], recipients=[actor("Nick Chicker", "USA")]
    )
    report = evaluate([gold_document([meet_gold()])], [swapped])
    assert report.overall.dyad.f1 == 1.0


def test_directed_call_is_wrong_when_reversed() -> None:
    reversed_call = good_call(
        actors=[actor("Bassirou Faye", "SEN")],
        recipients=[actor("Nick Chicker", "USA", text="Chicker")],
    )
    report = evaluate([gold_document([call_gold()])], [reversed_call])
    assert report.overall.event.f1 == 1.0
    assert report.overall.dyad.matched_gold == 0
    assert report.overall.dyad.f1 == 0.0


def test_iso3_gold_name_matches_a_state_actor() -> None:
    gold = call_gold(recipients=[{"name": "SEN", "country": "SEN"}])
    as_state = good_call(recipients=[actor("Senegal", "SEN", kind="country")])
    as_person = good_call(recipients=[actor("Bassirou Faye", "SEN")])
    assert evaluate([gold_document([gold])], [as_state]).overall.dyad.f1 == 1.0
    assert evaluate([gold_document([gold])], [as_person]).overall.dyad.f1 == 0.0


def test_country_names_table_lets_a_country_name_match_a_state_actor() -> None:
    gold = call_gold(recipients=[{"name": "Senegal", "country": "SEN"}])
    state = good_call(recipients=[actor("Senegalese government", "SEN", kind="government")])
    assert evaluate([gold_document([gold])], [state]).overall.dyad.f1 == 0.0
    report = evaluate([gold_document([gold])], [state], country_names={"senegal": "SEN"})
    assert report.overall.dyad.f1 == 1.0


def test_no_predictions_scores_zero_not_undefined() -> None:
    report = evaluate([gold_document([meet_gold()])], [])
    assert report.overall.event.precision is None
    assert report.overall.event.f1 == 0.0
    assert metric_floor_failures(report, {"event.f1": 0.1}) == [
        "event.f1: 0.000 is below the floor 0.100"
    ]


def test_dyads_of_unmatched_events_count_against_recall() -> None:
    report = evaluate([gold_document([meet_gold(), call_gold()])], [good_meet()])
    assert report.overall.dyad.gold == 2
    assert report.overall.dyad.recall == 0.5


# ---------------------------------------------------------------------------
# fields


def test_location_within_25_km_counts_but_farther_does_not() -> None:
    gold = [gold_document([meet_gold()])]
    near = Place(text="Kati", name="Kati", lat=12.74, lon=-8.07)  # ~12 km away
    far = Place(text="Koulikoro", name="Koulikoro", lat=12.86, lon=-7.56)  # ~53 km away
    assert evaluate(gold, [good_meet(location=near)]).overall.fields["location"].accuracy == 1.0
    report = evaluate(gold, [good_meet(location=far)])
    assert report.overall.fields["location"].accuracy == 0.0
    (error,) = report.field_errors
    assert (error.field, error.gold, error.predicted) == ("location", "Bamako", "Koulikoro")


def test_location_matches_by_geonames_id() -> None:
    gold = [gold_document([meet_gold(location={"name": "Bamako", "id": "geonames:2460596"})])]
    place = Place(text="the capital", name="Malian capital", id="geonames:2460596")
    assert evaluate(gold, [good_meet(location=place)]).overall.fields["location"].correct == 1


def test_null_gold_location_expects_none_and_absent_is_not_scored() -> None:
    somewhere = Place(text="Dakar", name="Dakar")
    with_null = evaluate(
        [gold_document([call_gold(location=None)])], [good_call(location=somewhere)]
    )
    assert with_null.overall.fields["location"].model_dump() == {
        "scored": 1,
        "correct": 0,
        "accuracy": 0.0,
    }
    absent = evaluate([gold_document([call_gold()])], [good_call(location=somewhere)])
    assert absent.overall.fields["location"].scored == 0


def test_mode_status_and_date_mismatches() -> None:
    wrong = good_meet(mode="visit", status=Status.planned, date=date(2025, 3, 5))
    report = evaluate([gold_document([meet_gold()])], [wrong])
    fields = report.overall.fields
    assert fields["mode"].correct == fields["status"].correct == fields["date"].correct == 0
    assert {error.field for error in report.field_errors} == {"mode", "status", "date"}


def test_actor_countries_compare_as_sets() -> None:
    gold = [gold_document([meet_gold()])]
    wrong = good_meet(recipients=[actor("Abdoulaye Diop", "SEN")])
    extra = good_meet(recipients=[actor("Abdoulaye Diop", "MLI"), actor("Bassirou Faye", "SEN")])
    assert evaluate(gold, [wrong]).overall.fields["countries"].accuracy == 0.0
    assert evaluate(gold, [extra]).overall.fields["countries"].accuracy == 0.0
    # a gold actor without a country puts no constraint on its predicted counterpart
    loose = meet_gold(actors=["Nick Chicker", {"name": "Abdoulaye Diop", "country": "MLI"}])
    other = good_meet(actors=[actor("Nick Chicker", "GBR")])
    assert evaluate([gold_document([loose])], [other]).overall.fields["countries"].accuracy == 1.0


def test_topic_precision_and_recall() -> None:
    report = evaluate([gold_document([meet_gold()])], [good_meet(topics=["security", "energy"])])
    assert report.overall.topic.precision == 0.5
    assert report.overall.topic.recall == 0.5


# ---------------------------------------------------------------------------
# floors, JSON and rendering


def test_metric_floor_failures_reports_low_unknown_and_unmeasured_metrics() -> None:
    report = evaluate(
        [gold_document([meet_gold(), call_gold()])],
        [good_meet(), predicted(TOPICS, "discussed", event="COOPERATE")],
    )
    failures = metric_floor_failures(
        report,
        {
            "event.f1": 0.6,
            "event.recall": 0.5,
            "CONSULT.event.recall": 0.4,
            "status.accuracy": 0.9,
            "AID.event.f1": 0.5,
            "dyads.f1": 0.5,
        },
    )
    assert failures == [
        "AID.event.f1: not measured (floor 0.500)",
        f"dyads.f1: unknown metric (known: {', '.join(metric_keys())})",
        "event.f1: 0.500 is below the floor 0.600",
    ]


def test_every_documented_metric_key_resolves() -> None:
    report = evaluate([gold_document([meet_gold()])], [good_meet()])
    for key in metric_keys():
        assert metric_value(report, key) == 1.0, key
    with pytest.raises(KeyError):
        metric_value(report, "CONSULTS.event.f1")


def test_report_json_carries_computed_scores() -> None:
    report = evaluate([gold_document([meet_gold(), call_gold()])], [good_meet()])
    data = json.loads(report.model_dump_json())
    assert data["overall"]["event"]["recall"] == 0.5
    assert data["per_type"]["CONSULT"]["fields"]["mode"]["accuracy"] == 1.0
    assert data["misses"][0]["sentence"] == CALL
    assert (
        EvaluationReport.model_validate(
            {k: v for k, v in data.items() if k not in ("overall", "per_type", "calibration")}
        )
        .misses[0]
        .sentence
        == CALL
    )


def test_render_report_shows_scores_and_errors_on_request() -> None:
    report = evaluate(
        [gold_document([meet_gold(), call_gold()])],
        [good_meet(), predicted(TOPICS, "discussed", event="COOPERATE")],
    )
    console = Console(record=True, width=160, color_system=None)
    render_report(report, console, show_errors=False)
    summary = console.export_text()
    assert "CONSULT" in summary and "COOPERATE" in summary and "0.500" in summary
    assert "telephoned Senegal" not in summary

    console = Console(record=True, width=160, color_system=None)
    render_report(report, console, show_errors=True)
    detailed = console.export_text()
    assert "Missed gold events (1)" in detailed
    assert "False positives (1)" in detailed
    assert "telephoned" in detailed and "Bassirou Faye" in detailed


def test_calibration_counts_right_and_wrong_predictions_by_confidence() -> None:
    from eventx.evaluation import confident_precision, metric_value

    right = good_meet(confidence=0.85)
    wrong = good_call(confidence=0.83)  # no gold call in this document: a false positive
    unsure = good_call(confidence=0.42, trigger_start=right.trigger_start + 1)
    report = evaluate([gold_document([meet_gold()])], [right, wrong, unsure])
    assert report.calibration["0.8-0.9"].scored == 2
    assert report.calibration["0.8-0.9"].correct == 1
    assert report.calibration["0.4-0.5"].correct == 0
    assert confident_precision(report) == 0.5
    assert metric_value(report, "confident.precision") == 0.5
