"""Who a visit is to, and the local side of a meeting abroad."""

from __future__ import annotations

from spacy.tokens import Span

from ..schema import Actor, Place
from .argument import Arguments
from .context import DocContext, sentence_ents
from .discourse import DocState
from .entity_actor import state_actor
from .kinds import distinct_parties
from .participant import actors_of
from .place import country_actor_of, resolve_place


def visited_parties(
    args: Arguments,
    destination: Place | None,
    recipients: list[Actor],
    context: DocContext,
    state: DocState,
    sentence: Span,
) -> list[Actor]:
    """Who a visit is to: the person visited ('visited the minister'), else the country of
    the destination."""
    if destination is None:
        return recipients + [
            r for r in actors_of(args.get("destination"), context, state) if r.kind == "person"
        ]
    # "will visit Mauritania and Senegal": every country the trip goes to
    places = [
        destination,
        *filter(None, (resolve_place(h, context) for h in args.get("destination"))),
    ]
    found = [r for place in places for r in _visit_recipients(place, context, sentence)]
    return recipients or distinct_parties(found, context.text)


def at_home(
    actors: list[Actor], recipients: list[Actor], destination: Place | None, context: DocContext
) -> list[Actor]:
    """'Kenyan opposition leader X made a trip to Mombasa to meet party leaders': a trip at
    home visits no state, whoever the travellers meet there."""
    found = country_actor_of(destination, context) if destination is not None else None
    if found is None or {a.country for a in actors} != {found[1]}:
        return recipients
    return [
        r for r in recipients if not (r.kind in {"country", "government"} and r.country == found[1])
    ]


def _visit_recipients(destination: Place, context: DocContext, sentence: Span) -> list[Actor]:
    found = country_actor_of(destination, context)
    if found is None:
        return []
    name, iso3 = found
    # Point at the country's own mention when the sentence has one ("Mali's capital").
    for ent in sentence_ents(sentence, context):
        entry = context.entry(ent)
        if entry is not None and entry.id == iso3 and ent.label_ == "GPE":
            return [state_actor(iso3, name, "country", ent.text, ent.start_char, ent.end_char)]
    start, end = destination.start or 0, destination.end or 0
    return [state_actor(iso3, name, "country", destination.text, start, end)]


def host_country_default(recipients: list[Actor], actors: list[Actor], country: str) -> list[Actor]:
    # A person met at a venue abroad, with no affiliation given, is taken to be a local
    # official: "met ... General Assimi Goïta" in Bamako.
    visitors = {a.country for a in actors}
    if not visitors or country in visitors or visitors == {None}:
        return recipients  # only a known visitor from elsewhere makes the others local
    return [
        r.model_copy(update={"country": country}) if r.kind == "person" and r.country is None else r
        for r in recipients
    ]
