"""Scoring predicted events against gold documents: detection, dyads, fields and topics.

Fields, on matched events, each scored only where the gold says something: mode, status
and date by equality; location by name, same id, or within 25 km when both have
coordinates (a gold null expects no predicted location); countries by set equality of the
gold actors' given countries with the countries of the predicted actors aligned to them
(or aligned to nobody); topics as micro precision/recall over topic sets. How events are
paired is in `matching`, how names compare in `names`.

Non-exhaustive gold documents (converted PLOVER or ACE) only annotate some events, so
their unmatched predictions are neither counted nor listed as false positives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from eventx.schema import Event, Place

from .gold import GoldDocument, GoldEvent, GoldPlace
from .matching import ActorMatcher, gold_dyads, own_dyads, pair_events
from .names import place_matches
from .report import PRF, Accuracy, EvaluationReport, EventError, FieldError, Scores, confidence_band


def _describe_place(place: GoldPlace | Place | None) -> str:
    if place is None:
        return "none"
    if isinstance(place, GoldPlace):
        return " | ".join(place.names)
    return place.name


def _countries(
    gold: GoldEvent, predicted: Event, matcher: ActorMatcher
) -> tuple[set[str], set[str]] | None:
    gold_actors = gold.actors + gold.recipients
    expected = {actor.country for actor in gold_actors if actor.country is not None}
    if not expected:
        return None
    found: set[str] = set()
    for actor in predicted.actors + predicted.recipients:
        if actor.country is None:
            continue
        aligned = [g for g in gold_actors if matcher.same(g, actor)]
        if not aligned or any(g.country is not None for g in aligned):
            found.add(actor.country)
    return expected, found


def _score_fields(
    document: GoldDocument,
    gold: GoldEvent,
    predicted: Event,
    matcher: ActorMatcher,
    scores: list[Scores],
    errors: list[FieldError],
) -> None:
    def record(name: str, correct: bool, expected: str, got: str) -> None:
        for score in scores:
            score.fields[name].scored += 1
            score.fields[name].correct += int(correct)
        if not correct:
            errors.append(
                FieldError(
                    doc_id=document.id,
                    event=gold.event,
                    field=name,
                    sentence=gold.sentence,
                    gold=expected,
                    predicted=got,
                )
            )

    if gold.mode is not None:
        record("mode", gold.mode == predicted.mode, gold.mode, str(predicted.mode))
    if gold.status is not None:
        record("status", gold.status == predicted.status, gold.status.value, predicted.status.value)
    if gold.location_scored:
        if gold.location is None:
            correct = predicted.location is None
        else:
            correct = predicted.location is not None and place_matches(
                gold.location, predicted.location
            )
        record(
            "location",
            correct,
            _describe_place(gold.location),
            _describe_place(predicted.location),
        )
    if gold.date is not None:
        record("date", gold.date == predicted.date, gold.date.isoformat(), str(predicted.date))
    countries = _countries(gold, predicted, matcher)
    if countries is not None:
        expected, found = countries
        record(
            "countries",
            expected == found,
            ",".join(sorted(expected)),
            ",".join(sorted(found)) or "none",
        )
    if gold.topics is not None:
        expected_topics, found_topics = set(gold.topics), set(predicted.topics)
        hits = len(expected_topics & found_topics)
        for score in scores:
            score.topic.add(
                PRF(
                    gold=len(expected_topics),
                    predicted=len(found_topics),
                    matched_gold=hits,
                    matched_predicted=hits,
                )
            )


def _gold_error(document: GoldDocument, event: GoldEvent) -> EventError:
    return EventError(
        doc_id=document.id,
        event=event.event,
        mode=event.mode,
        sentence=event.sentence,
        trigger=event.trigger,
        actors=[actor.name for actor in event.actors],
        recipients=[actor.name for actor in event.recipients],
    )


def _predicted_error(event: Event) -> EventError:
    return EventError(
        doc_id=event.doc_id,
        event=event.event,
        mode=event.mode,
        sentence=event.sentence,
        trigger=event.trigger,
        actors=[actor.name for actor in event.actors],
        recipients=[actor.name for actor in event.recipients],
    )


def evaluate(
    gold: list[GoldDocument],
    predicted: Iterable[Event],
    *,
    country_names: Mapping[str, str] | None = None,
) -> EvaluationReport:
    """Score predicted events against gold documents (see the module docstring for the rules).

    `country_names` optionally maps normalized country names (as `name_tokens` joined by
    spaces, e.g. "mali") to ISO3 codes, so a gold actor "Mali" matches a predicted state actor
    with country "MLI". Predictions for documents not in the gold are counted and ignored.
    """
    report = EvaluationReport(documents=len(gold))
    by_doc: dict[str, list[Event]] = defaultdict(list)
    known = {document.id for document in gold}
    for event in predicted:
        if event.doc_id in known:
            by_doc[event.doc_id].append(event)
        else:
            report.unknown_documents += 1
    matcher = ActorMatcher(country_names)

    def scores_for(event_type: str) -> list[Scores]:
        if event_type not in report.per_type:
            report.per_type[event_type] = Scores()
        return [report.overall, report.per_type[event_type]]

    for document in gold:
        for kind in document.unmapped:
            report.unmapped[kind] = report.unmapped.get(kind, 0) + 1
        events = sorted(by_doc.get(document.id, []), key=lambda e: (e.start, e.trigger_start))
        gold_taken, pair_dyads = pair_events(document, events, matcher)
        predicted_taken = set(gold_taken.values())

        for g_index, gold_event in enumerate(document.events):
            scores = scores_for(gold_event.event)
            taken = gold_taken.get(g_index)
            if taken is None:
                for score in scores:
                    score.event.add(PRF(gold=1))
                    score.dyad.add(PRF(gold=gold_dyads(gold_event)))
                report.misses.append(_gold_error(document, gold_event))
                continue
            for score in scores:
                score.event.add(PRF(gold=1, predicted=1, matched_gold=1, matched_predicted=1))
                score.dyad.add(pair_dyads[g_index])
            _score_fields(document, gold_event, events[taken], matcher, scores, report.field_errors)

        for p_index, event in enumerate(events):
            if p_index in predicted_taken or document.exhaustive:
                band = report.calibration.setdefault(confidence_band(event.confidence), Accuracy())
                band.scored += 1
                band.correct += int(p_index in predicted_taken)
            if p_index in predicted_taken:
                continue
            if not document.exhaustive:
                report.unscored_predictions += 1
                continue
            for score in scores_for(event.event):
                score.event.add(PRF(predicted=1))
                score.dyad.add(PRF(predicted=own_dyads(event)))
            report.false_positives.append(_predicted_error(event))
    report.per_type = dict(sorted(report.per_type.items()))
    report.calibration = dict(sorted(report.calibration.items()))
    return report
