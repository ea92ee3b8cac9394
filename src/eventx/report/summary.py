"""What a set of event records is about: top actors, dyads, places, topics and event types."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from ..schema import Event
from .actors import actor_key, is_unnamed, pairs


class Count(BaseModel):
    """A name and how many events it appears in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    count: int


class Summary(BaseModel):
    """Counts over a set of events; each list is busiest first, ties by name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    documents: int
    events: int
    event_types: list[Count]
    statuses: list[Count]
    actors: list[Count]
    dyads: list[Count]
    places: list[Count]
    topics: list[Count]


def _top(counter: Counter[str], limit: int | None) -> list[Count]:
    ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return [Count(name=name, count=count) for name, count in ordered[:limit]]


def summarize(events: Iterable[Event], *, documents: int | None = None, top: int = 10) -> Summary:
    """Count each event once per actor, dyad, place and topic it names. `documents` is the
    number of documents read (by default, those with at least one event)."""
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    dyads: Counter[str] = Counter()
    places: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    doc_ids: set[str] = set()
    total = 0
    for event in events:
        total += 1
        doc_ids.add(event.doc_id)
        types[event.event + (f" ({event.mode})" if event.mode else "")] += 1
        statuses[event.status.value] += 1
        # Counted by name, so a participant only described ("his counterpart") would add
        # up across documents into one actor that never existed: left out.
        names: dict[str, str] = {}
        for actor in [*event.actors, *event.recipients]:
            if not is_unnamed(actor):
                names.setdefault(actor_key(actor, event.doc_id), actor.name)
        actors.update(set(names.values()))
        named = [(a, b) for a, b in pairs(event) if not (is_unnamed(a) or is_unnamed(b))]
        if event.recipients:
            dyads.update({f"{a.name} → {b.name}" for a, b in named})
        else:  # "A and B met": no direction
            dyads.update({" & ".join(sorted((a.name, b.name))) for a, b in named})
        if event.location is not None:
            place = event.location
            places[f"{place.name}, {place.country}" if place.country else place.name] += 1
        topics.update(set(event.topics))
    return Summary(
        documents=len(doc_ids) if documents is None else documents,
        events=total,
        event_types=_top(types, None),
        statuses=_top(statuses, None),
        actors=_top(actors, top),
        dyads=_top(dyads, top),
        places=_top(places, top),
        topics=_top(topics, top),
    )
