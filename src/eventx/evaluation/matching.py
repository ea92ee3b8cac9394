"""Pairing predicted events with gold events, and their participants as dyads.

Matching. Within a document, a predicted event can match a gold event when the types are
equal and the predicted sentence span overlaps the gold sentence's span in the text. Pairs
are taken greedily, one-to-one, best first: more agreeing dyads, then a trigger that falls
in the gold trigger, then the larger overlap.

Dyads. An event's dyads are the (actor, recipient) pairs of its participants; with no
recipients, (actor, None). Symmetric events are compared unordered: CONSULT in modes meet
or multilateral, COOPERATE, AGREE with no recipients, and any gold event that lists two or
more actors and no recipients (the annotator gave no direction). Pairs within matched
events are aligned one-to-one; dyads of unmatched events count in the denominators only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from eventx.schema import Actor, Event

from .gold import GoldActor, GoldDocument, GoldEvent
from .names import actor_matches
from .report import PRF

_T = TypeVar("_T")

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
class ActorMatcher:
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


def own_dyads(event: Event) -> int:
    symmetric = is_symmetric(event.event, event.mode, len(event.recipients))
    return len(_pairs(event.actors, event.recipients, symmetric))


def gold_dyads(event: GoldEvent) -> int:
    return len(_pairs(event.actors, event.recipients, _gold_symmetric(event)))


def _span_overlap(span: tuple[int, int], event: Event) -> int:
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


def pair_events(
    document: GoldDocument, events: Sequence[Event], matcher: ActorMatcher
) -> tuple[dict[int, int], dict[int, PRF]]:
    """Gold event index -> predicted event index for the matched pairs (see the module
    docstring for the order), and the dyad counts of each matched gold event."""
    spans = [document.sentence_span(event) for event in document.events]
    candidates: list[tuple[tuple[int, int, int], int, int, PRF]] = []
    for g_index, gold_event in enumerate(document.events):
        for p_index, event in enumerate(events):
            if event.event != gold_event.event:
                continue
            overlap = _span_overlap(spans[g_index], event)
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
    return gold_taken, pair_dyads
