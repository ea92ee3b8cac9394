"""Where an event is: its own venue, a city hosting it, the dateline, or where a visitor is."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Actor, Place, Status, TriggerRule
from .actor import DocContext
from .argument import Arguments
from .discourse import DocState
from .kinds import bodies_of_their_country
from .place import dateline_city, resolve_place
from .visit import host_country_default

# Modes whose participants are peers or meet face to face somewhere.
VENUE_MODES = frozenset({"meet", "host", "multilateral", "visit"})


def places_of(heads: list[Token], context: DocContext) -> list[Place]:
    places = [resolve_place(head, context) for head in heads]
    return [place for place in places if place is not None]


def hosting_city(args: Arguments, context: DocContext) -> Place | None:
    """'Nairobi hosted a round of peace talks': a capital that hosts is also where."""
    if args.predicate.lemma_.lower() not in context.knowledge.words("hosting_verbs"):
        return None
    for head in args.get("actors"):
        place = resolve_place(head, context)
        if place is not None and place.kind == "city":
            return place
    return None


def nested_venue(args: Arguments, context: DocContext) -> Place | None:
    """A city hung on a participant by the parser: 'with X in New Delhi'."""
    for head in args.get("recipients") + args.get("actors"):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
                for pobj in prep.children:
                    place = resolve_place(pobj, context) if pobj.dep_ == "pobj" else None
                    if place is not None and place.kind in {"city", "venue"}:
                        return place
    return None


def event_location(
    rule: TriggerRule,
    venue: Place | None,
    actors: list[Actor],
    recipients: list[Actor],
    status: Status,
    context: DocContext,
    state: DocState,
) -> tuple[Place | None, list[Actor]]:
    """Where the event is (its venue, else where a participant is visiting) and the
    recipients' countries that the place implies; remembers where visitors now are."""
    location = venue
    if location is None and rule.mode in VENUE_MODES:
        location = _inherited_venue(actors, recipients, state)
    if location is None and rule.event == "CONSULT" and status is not Status.hypothetical:
        venue = location = _dateline_venue(rule, actors, recipients, context)
    if location is not None and location.country is not None:
        recipients = host_country_default(recipients, actors, location.country)
    recipients = bodies_of_their_country(recipients, context)
    if rule.mode in {"visit", "multilateral"} and venue is not None and status is Status.occurred:
        for actor in actors:  # they are there now: later meetings happen there too
            state.visits[actor.name] = venue
    return location, recipients


def _inherited_venue(actors: list[Actor], recipients: list[Actor], state: DocState) -> Place | None:
    """Where an actor was visiting, when the other side can be there too.

    "arrived in Bamako ... met with Doe" happened in Bamako; planned consultations with
    other countries' governments did not.
    """
    for actor in actors + recipients:
        place = state.visits.get(actor.name)
        if place is None:
            continue
        others = [a for a in actors + recipients if a.name != actor.name]
        if all(o.country in {None, place.country} or o.name in state.visits for o in others):
            return place.model_copy(update={"inherited": True, "start": None, "end": None})
    return None


def _dateline_venue(
    rule: TriggerRule, actors: list[Actor], recipients: list[Actor], context: DocContext
) -> Place | None:
    """The dateline city, when the contact's parties plausibly are there: a host from that
    country receives, or a visitor from elsewhere calls on that country or arrives. A meeting
    or a call says nothing of where it is held, so the dateline is not its venue."""
    city = dateline_city(context)
    if city is None:
        return None
    local = city.country
    if rule.mode == "host":
        there = any(a.country == local for a in actors)
    elif rule.mode == "visit":
        visitors_from_elsewhere = all(a.country != local for a in actors)
        there = visitors_from_elsewhere and (
            any(r.country == local for r in recipients) or rule.lemma == "arrive"
        )
    else:
        there = False
    if not there:
        return None
    return city.model_copy(update={"inherited": True, "start": None, "end": None})
