"""Scoring predicted events against gold documents: pure functions, no I/O.

Matching. Within a document, a predicted event can match a gold event when the types are
equal and the predicted sentence span overlaps the gold sentence's span in the text. Pairs
are taken greedily, one-to-one, best first: more agreeing dyads, then a trigger that falls
in the gold trigger, then the larger overlap.

Names (`names_match`). Both sides are normalized: Unicode NFKD with combining marks
removed, casefolded, possessive 's and dots dropped ("U.S." -> "us"), other punctuation
split, and titles/honorifics and the words "the", "of", "and" removed. Two names match
when their token sequences are equal or the tokens of one are all among the tokens of the
other ("Chicker" ~ "Nick Chicker", "Saddam Hussein" ~ "Iraqi President Saddam Hussein",
"Herat" ~ "province of Herat"). A gold name written as an ISO3 code ("MLI"), or one that
the optional `country_names` table resolves to a code, stands for the state itself and
matches a predicted actor of kind country or government with that country.

Dyads. An event's dyads are the (actor, recipient) pairs of its participants; with no
recipients, (actor, None). Symmetric events are compared unordered: CONSULT in modes meet
or multilateral, COOPERATE, AGREE with no recipients, and any gold event that lists two or
more actors and no recipients (the annotator gave no direction). Pairs within matched
events are aligned one-to-one; dyads of unmatched events count in the denominators only.

Fields, on matched events, each scored only where the gold says something: mode, status
and date by equality; location by name, same id, or within 25 km when both have
coordinates (a gold null expects no predicted location); countries by set equality of the
gold actors' given countries with the countries of the predicted actors aligned to them
(or aligned to nobody); topics as micro precision/recall over topic sets.

Non-exhaustive gold documents (converted PLOVER or ACE) only annotate some events, so
their unmatched predictions are neither counted nor listed as false positives.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

from eventx.gold import GoldActor, GoldDocument, GoldEvent, GoldPlace
from eventx.schema import EVENT_TYPES, Actor, Event, GazetteerEntry, PatternLine, Place

FIELDS: tuple[str, ...] = ("mode", "status", "location", "date", "countries")
"""Per-field accuracies reported for matched events, in display order."""

LOCATION_TOLERANCE_KM = 25.0

# Titles, honorifics and filler words dropped before names are compared, so that
# "President Assimi Goita" and "Goita" compare on the name alone. Deliberately short.
_TITLE_WORDS = """
    mr mrs ms miss dr prof professor sir dame lord lady sheikh shaikh emir president vice
    prime minister secretary foreign defence defense interior state general gen chancellor
    ambassador envoy special deputy senator sen rep representative governor gov mayor
    premier king queen prince princess his her he excellency majesty highness hon honourable
    honorable colonel col lt major maj captain capt admiral adm chief spokesman spokeswoman
    spokesperson leader pope cardinal the of and
"""
TITLES: frozenset[str] = frozenset(_TITLE_WORDS.split())

_T = TypeVar("_T")
_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w]+")


# ---------------------------------------------------------------------------
# Report models


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


class PRF(_Model):
    """Counts for precision/recall/F1.

    `matched_gold` gold items were found (recall's numerator); `matched_predicted` of the
    `predicted` scored items were right (precision's numerator). They differ only when
    non-exhaustive documents keep some predictions out of precision.
    """

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return _ratio(self.matched_predicted, self.predicted)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return _ratio(self.matched_gold, self.gold)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        # Undefined only with nothing on either side; no predictions (or no gold) is 0.
        if self.gold == 0 and self.predicted == 0:
            return None
        precision, recall = self.precision or 0.0, self.recall or 0.0
        if precision + recall == 0:
            return 0.0
        return 2 * precision * recall / (precision + recall)

    def add(self, other: PRF) -> None:
        """Add another count into this one."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.matched_predicted += other.matched_predicted


class Accuracy(_Model):
    """How many matched events had a field scored, and how many of those were right."""

    scored: int = 0
    correct: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.scored)


def _fields() -> dict[str, Accuracy]:
    return {name: Accuracy() for name in FIELDS}


class Scores(_Model):
    """Event detection, dyads, field accuracies and topics for one event type or overall."""

    event: PRF = Field(default_factory=PRF)
    dyad: PRF = Field(default_factory=PRF)
    fields: dict[str, Accuracy] = Field(default_factory=_fields)
    topic: PRF = Field(default_factory=PRF)


class EventError(_Model):
    """A missed gold event or a false-positive prediction, for `--show-errors`."""

    doc_id: str
    event: str
    mode: str | None = None
    sentence: str
    trigger: str | None = None
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)


class FieldError(_Model):
    """A matched event whose field disagrees with the gold."""

    doc_id: str
    event: str
    field: str
    sentence: str
    gold: str
    predicted: str


class EvaluationReport(_Model):
    """Everything `eventx evaluate` reports. Per-type scores are keyed by gold/predicted type."""

    documents: int = 0
    overall: Scores = Field(default_factory=Scores)
    per_type: dict[str, Scores] = Field(default_factory=dict)
    misses: list[EventError] = Field(default_factory=list)
    false_positives: list[EventError] = Field(default_factory=list)
    field_errors: list[FieldError] = Field(default_factory=list)
    unscored_predictions: int = Field(
        default=0, description="Unmatched predictions in non-exhaustive documents."
    )
    unknown_documents: int = Field(
        default=0, description="Predictions whose doc_id is not in the gold; ignored."
    )
    unmapped: dict[str, int] = Field(
        default_factory=dict, description="Source event types the converter left out."
    )
    calibration: dict[str, Accuracy] = Field(
        default_factory=dict,
        description="Scored predictions by confidence band ('0.8-0.9'): how many were right "
        "(matched a gold event of their type in their sentence).",
    )


# ---------------------------------------------------------------------------
# Names and places


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """A name as comparable tokens: no diacritics, casefolded, no titles or punctuation."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _POSSESSIVE.sub("", plain.casefold()).replace(".", "")
    return tuple(token for token in _NON_WORD.split(plain) if token and token not in TITLES)


def names_match(first: str, second: str) -> bool:
    """Whether two names can denote the same entity (equal, or one's tokens within the other's)."""
    a, b = name_tokens(first), name_tokens(second)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return set(shorter) <= set(longer)


def _is_iso3(name: str) -> bool:
    return len(name) == 3 and name.isalpha() and name.isupper()


def actor_matches(
    gold: GoldActor, predicted: Actor, country_names: Mapping[str, str] | None = None
) -> bool:
    """Whether a predicted actor is the gold actor (see the module docstring for the rules)."""
    candidates = [predicted.name, predicted.text]
    for name in gold.names:
        if any(names_match(name, candidate) for candidate in candidates):
            return True
        if predicted.country is None or predicted.kind not in ("country", "government"):
            continue
        code = name if _is_iso3(name) else None
        if code is None and country_names is not None:
            code = country_names.get(" ".join(name_tokens(name)))
        if code is not None and code == predicted.country:
            return True
    return False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _bare_id(value: str) -> str:
    return value.strip().casefold().removeprefix("geonames:")


def place_matches(gold: GoldPlace, predicted: Place) -> bool:
    """Same place: a name match, the same id, or within 25 km when both have coordinates."""
    if (
        gold.id is not None
        and predicted.id is not None
        and _bare_id(gold.id) == _bare_id(predicted.id)
    ):
        return True
    for name in gold.names:
        if names_match(name, predicted.name) or names_match(name, predicted.text):
            return True
    if (
        gold.lat is not None
        and gold.lon is not None
        and predicted.lat is not None
        and predicted.lon is not None
    ):
        distance = haversine_km(gold.lat, gold.lon, predicted.lat, predicted.lon)
        return distance <= LOCATION_TOLERANCE_KM
    return False


# ---------------------------------------------------------------------------
# Dyads

_SYMMETRIC_CONSULT_MODES = frozenset({"meet", "multilateral"})


def is_symmetric(event_type: str, mode: str | None, recipients: int) -> bool:
    """Whether an event's participants are compared unordered, by type and mode alone."""
    if event_type == "COOPERATE":
        return True
    if event_type == "CONSULT":
        return mode in _SYMMETRIC_CONSULT_MODES
    return event_type == "AGREE" and recipients == 0


def _gold_symmetric(event: GoldEvent) -> bool:
    if is_symmetric(event.event, event.mode, len(event.recipients)):
        return True
    return not event.recipients and len(event.actors) >= 2


def _pairs(
    actors: Sequence[_T], recipients: Sequence[_T], symmetric: bool
) -> list[tuple[_T | None, _T | None]]:
    if symmetric:
        everyone = [*actors, *recipients]
        if len(everyone) == 1:
            return [(everyone[0], None)]
        return [
            (everyone[i], everyone[j])
            for i in range(len(everyone))
            for j in range(i + 1, len(everyone))
        ]
    if not recipients:
        return [(actor, None) for actor in actors]
    if not actors:
        return [(None, recipient) for recipient in recipients]
    return [(actor, recipient) for actor in actors for recipient in recipients]


@dataclass
class _Matcher:
    country_names: Mapping[str, str] | None = None
    cache: dict[tuple[int, int], bool] = field(default_factory=dict)

    def same(self, gold: GoldActor | None, predicted: Actor | None) -> bool:
        if gold is None or predicted is None:
            return gold is None and predicted is None
        key = (id(gold), id(predicted))
        if key not in self.cache:
            self.cache[key] = actor_matches(gold, predicted, self.country_names)
        return self.cache[key]

    def dyads(self, gold: GoldEvent, predicted: Event) -> PRF:
        """Dyad counts for a matched pair, compared in the gold event's orientation."""
        symmetric = _gold_symmetric(gold)
        gold_pairs = _pairs(gold.actors, gold.recipients, symmetric)
        predicted_pairs = _pairs(predicted.actors, predicted.recipients, symmetric)
        used: set[int] = set()
        matched = 0
        for g_first, g_second in gold_pairs:
            for index, (p_first, p_second) in enumerate(predicted_pairs):
                if index in used:
                    continue
                straight = self.same(g_first, p_first) and self.same(g_second, p_second)
                crossed = (
                    symmetric and self.same(g_first, p_second) and self.same(g_second, p_first)
                )
                if straight or crossed:
                    used.add(index)
                    matched += 1
                    break
        return PRF(
            gold=len(gold_pairs),
            predicted=len(predicted_pairs),
            matched_gold=matched,
            matched_predicted=matched,
        )


def _own_dyads(event: Event) -> int:
    symmetric = is_symmetric(event.event, event.mode, len(event.recipients))
    return len(_pairs(event.actors, event.recipients, symmetric))


def _gold_dyads(event: GoldEvent) -> int:
    return len(_pairs(event.actors, event.recipients, _gold_symmetric(event)))


# ---------------------------------------------------------------------------
# Fields


def _describe_place(place: GoldPlace | Place | None) -> str:
    if place is None:
        return "none"
    if isinstance(place, GoldPlace):
        return " | ".join(place.names)
    return place.name


def _countries(
    gold: GoldEvent, predicted: Event, matcher: _Matcher
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
    matcher: _Matcher,
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


# ---------------------------------------------------------------------------
# Matching and the report


def _overlaps(span: tuple[int, int], event: Event) -> int:
    return min(span[1], event.end) - max(span[0], event.start)


def _trigger_hit(
    document: GoldDocument, span: tuple[int, int], gold: GoldEvent, event: Event
) -> bool:
    if gold.trigger is None:
        return False
    sentence = document.text[span[0] : span[1]]
    at = sentence.find(gold.trigger)
    while at >= 0:
        start = span[0] + at
        end = start + len(gold.trigger)
        if event.trigger_start < end and start < event.trigger_end:
            return True
        at = sentence.find(gold.trigger, at + 1)
    return False


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
    matcher = _Matcher(country_names)

    def scores_for(event_type: str) -> list[Scores]:
        if event_type not in report.per_type:
            report.per_type[event_type] = Scores()
        return [report.overall, report.per_type[event_type]]

    for document in gold:
        for kind in document.unmapped:
            report.unmapped[kind] = report.unmapped.get(kind, 0) + 1
        events = sorted(by_doc.get(document.id, []), key=lambda e: (e.start, e.trigger_start))
        spans = [document.sentence_span(event) for event in document.events]
        candidates: list[tuple[tuple[int, int, int], int, int, PRF]] = []
        for g_index, gold_event in enumerate(document.events):
            for p_index, event in enumerate(events):
                if event.event != gold_event.event:
                    continue
                overlap = _overlaps(spans[g_index], event)
                if overlap <= 0:
                    continue
                dyads = matcher.dyads(gold_event, event)
                trigger = _trigger_hit(document, spans[g_index], gold_event, event)
                rank = (dyads.matched_gold, int(trigger), overlap)
                candidates.append((rank, g_index, p_index, dyads))
        candidates.sort(key=lambda item: (-item[0][0], -item[0][1], -item[0][2], item[1], item[2]))
        gold_taken: dict[int, int] = {}
        predicted_taken: set[int] = set()
        pair_dyads: dict[int, PRF] = {}
        for _rank, g_index, p_index, dyads in candidates:
            if g_index in gold_taken or p_index in predicted_taken:
                continue
            gold_taken[g_index] = p_index
            predicted_taken.add(p_index)
            pair_dyads[g_index] = dyads

        for g_index, gold_event in enumerate(document.events):
            scores = scores_for(gold_event.event)
            taken = gold_taken.get(g_index)
            if taken is None:
                for score in scores:
                    score.event.add(PRF(gold=1))
                    score.dyad.add(PRF(gold=_gold_dyads(gold_event)))
                report.misses.append(_gold_error(document, gold_event))
                continue
            for score in scores:
                score.event.add(PRF(gold=1, predicted=1, matched_gold=1, matched_predicted=1))
                score.dyad.add(pair_dyads[g_index])
            _score_fields(document, gold_event, events[taken], matcher, scores, report.field_errors)

        for p_index, event in enumerate(events):
            if p_index in predicted_taken or document.exhaustive:
                band = report.calibration.setdefault(_band(event.confidence), Accuracy())
                band.scored += 1
                band.correct += int(p_index in predicted_taken)
            if p_index in predicted_taken:
                continue
            if not document.exhaustive:
                report.unscored_predictions += 1
                continue
            for score in scores_for(event.event):
                score.event.add(PRF(predicted=1))
                score.dyad.add(PRF(predicted=_own_dyads(event)))
            report.false_positives.append(_predicted_error(event))
    report.per_type = dict(sorted(report.per_type.items()))
    report.calibration = dict(sorted(report.calibration.items()))
    return report


CONFIDENT = 0.8


def _band(confidence: float) -> str:
    low = min(int(confidence * 10), 9) / 10
    return f"{low:.1f}-{low + 0.1:.1f}"


def confident_precision(report: EvaluationReport, threshold: float = CONFIDENT) -> float | None:
    """Share of scored predictions with confidence >= threshold that were right."""
    bands = [acc for band, acc in report.calibration.items() if float(band[:3]) >= threshold]
    return _ratio(sum(a.correct for a in bands), sum(a.scored for a in bands))


# ---------------------------------------------------------------------------
# Floors

_PRF_METRICS = ("precision", "recall", "f1")
_GROUPS = ("event", "dyad", "topic")


def metric_keys() -> list[str]:
    """Every overall metric key `metric_floor_failures` understands.

    "event.precision", "event.recall", "event.f1", the same for "dyad" and "topic", and
    "<field>.accuracy" for each of FIELDS ("mode", "status", "location", "date",
    "countries"). Prefix a key with an event type ("CONSULT.event.f1") for that type only.
    "confident.precision" is the share of predictions with confidence >= 0.8 that were right.
    """
    keys = [f"{group}.{metric}" for group in _GROUPS for metric in _PRF_METRICS]
    return [*keys, *(f"{name}.accuracy" for name in FIELDS), "confident.precision"]


def metric_value(report: EvaluationReport, key: str) -> float | None:
    """The value of one metric key (see `metric_keys`); None when nothing was scored.

    Raises KeyError for a key that names no metric.
    """
    if key == "confident.precision":
        return confident_precision(report)
    parts = key.split(".")
    scores = report.overall
    if len(parts) == 3:
        event_type, *parts = parts
        if event_type not in EVENT_TYPES:
            raise KeyError(key)
        if event_type not in report.per_type:
            return None
        scores = report.per_type[event_type]
    if len(parts) != 2:
        raise KeyError(key)
    group, metric = parts
    if group in _GROUPS and metric in _PRF_METRICS:
        prf: PRF = getattr(scores, group)
        value: float | None = getattr(prf, metric)
        return value
    if group in FIELDS and metric == "accuracy":
        return scores.fields[group].accuracy
    raise KeyError(key)


def metric_floor_failures(report: EvaluationReport, floors: Mapping[str, float]) -> list[str]:
    """One message per metric below its floor, unmeasured, or unknown (sorted by key).

    A metric that could not be measured (no gold or no predictions for it) fails, since its
    floor cannot be shown to hold.
    """
    failures = []
    for key in sorted(floors):
        floor = floors[key]
        try:
            value = metric_value(report, key)
        except KeyError:
            failures.append(f"{key}: unknown metric (known: {', '.join(metric_keys())})")
            continue
        if value is None:
            failures.append(f"{key}: not measured (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{key}: {value:.3f} is below the floor {floor:.3f}")
    return failures


def country_name_table(
    gazetteer: Mapping[str, GazetteerEntry], patterns: Iterable[PatternLine] = ()
) -> dict[str, str]:
    """Normalized names -> ISO3 for `evaluate`: every country's name and aliases, and the
    capitals and seats that stand for governments ('Washington', 'the Kremlin')."""
    table: dict[str, str] = {}
    for entry in gazetteer.values():
        code = entry.id if entry.kind == "country" else entry.capital_of
        if code is None and entry.kind == "seat":
            code = entry.country
        if code is not None:
            table.setdefault(" ".join(name_tokens(entry.name)), code)
    for line in patterns:
        country = gazetteer.get(line.id)
        if isinstance(line.pattern, str) and country is not None and country.kind == "country":
            table.setdefault(" ".join(name_tokens(line.pattern)), country.id)
    return table
