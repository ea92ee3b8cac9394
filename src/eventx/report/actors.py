"""Who an actor is for counting and drawing: one node per person, organization or state."""

from __future__ import annotations

from functools import cache
from itertools import combinations

from .. import resources
from ..schema import Actor, Event

# A country and its government stand for one state: "Mali" visited and "the Malian
# government" urged are the same node.
STATE_KINDS = frozenset({"country", "government"})


def actor_key(actor: Actor, doc_id: str) -> str:
    """The node an actor belongs to: a state by its country code, anyone else by id or name.

    A participant described rather than named ("his counterpart", "lawmakers", "the Prime
    Minister", a group) is a different one in every document, so its key holds `doc_id`:
    otherwise every "his counterpart" of a dataset would be one node.
    """
    if actor.kind in STATE_KINDS and actor.country:
        return f"state:{actor.country}"
    if actor.id:
        return f"{actor.kind}:{actor.id}"
    # Not the country too: a later mention often lacks it, and two namesakes in one
    # dataset are rarer than one person seen with and without a country.
    if is_unnamed(actor):
        return f"{actor.kind}@{doc_id}:{actor.name.casefold()}"
    return f"{actor.kind}:{actor.name.casefold()}"


def is_unnamed(actor: Actor) -> bool:
    """Whether a participant without an id is described, not named: a group, a name in
    lower case or opened by a determiner, possessive or number ("his counterpart",
    "several opposition parties", "four leaders"), or one that is only its title
    ("Prime Minister", "U.S. President")."""
    if actor.id or (actor.kind in STATE_KINDS and actor.country):
        return False
    name = actor.name.strip()
    if actor.kind == "group" or not name or not name[0].isupper():
        return True
    first = name.split()[0].casefold()
    if first in _openers() or first[0].isdigit():
        return True
    title = (actor.title or "").strip().casefold()
    return bool(title) and name.casefold().endswith(title)


@cache
def _openers() -> frozenset[str]:
    from ..extract.knowledge import Knowledge

    lists = Knowledge(gazetteer={}, triggers=(), topics=(), lexicons=resources.lexicon_rules())
    return lists.words("unnamed_openers")


def pairs(event: Event) -> list[tuple[Actor, Actor]]:
    """Who met (asked, backed...) whom: actors to recipients, or actors among themselves
    when "A and B met" names no recipient. Never an actor with itself."""
    if event.recipients:
        found = [(a, r) for a in event.actors for r in event.recipients]
    else:
        found = list(combinations(event.actors, 2))
    doc = event.doc_id
    return [(a, b) for a, b in found if actor_key(a, doc) != actor_key(b, doc)]
