"""Who an actor is for counting and drawing: one node per person, organization or state."""

from __future__ import annotations

from itertools import combinations

from ..schema import Actor, Event

# A country and its government stand for one state: "Mali" visited and "the Malian
# government" urged are the same node.
STATE_KINDS = frozenset({"country", "government"})


def actor_key(actor: Actor) -> str:
    """The node an actor belongs to: a state by its country code, anyone else by id or name."""
    if actor.kind in STATE_KINDS and actor.country:
        return f"state:{actor.country}"
    if actor.id:
        return f"{actor.kind}:{actor.id}"
    # Not the country too: a later mention often lacks it, and two namesakes in one
    # dataset are rarer than one person seen with and without a country.
    return f"{actor.kind}:{actor.name.casefold()}"


def pairs(event: Event) -> list[tuple[Actor, Actor]]:
    """Who met (asked, backed...) whom: actors to recipients, or actors among themselves
    when "A and B met" names no recipient. Never an actor with itself."""
    if event.recipients:
        found = [(a, r) for a in event.actors for r in event.recipients]
    else:
        found = list(combinations(event.actors, 2))
    return [(a, b) for a, b in found if actor_key(a) != actor_key(b)]
