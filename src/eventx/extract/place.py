"""Turning locative arguments into places with gazetteer ids, countries and coordinates."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..schema import GazetteerEntry, Place, PlaceKind
from .context import DocContext

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CLAUSES = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp"})
PLACE_KINDS: frozenset[str] = frozenset({"city", "country", "region", "venue", "state"})


def _place(ent: Span, context: DocContext) -> Place:
    entry = context.entry(ent)
    if entry is None:
        return Place(text=ent.text, name=ent.text, start=ent.start_char, end=ent.end_char)
    kind: PlaceKind = entry.kind if entry.kind in PLACE_KINDS else "venue"  # type: ignore[assignment]
    country = entry.id if entry.kind == "country" else entry.country
    return Place(
        text=ent.text,
        name=entry.name,
        country=country,
        lat=entry.lat,
        lon=entry.lon,
        kind=kind,
        id=entry.id,
        start=ent.start_char,
        end=ent.end_char,
    )


def _rank(place: Place) -> int:
    # The most specific place wins: "Mali's capital, Bamako" happened in Bamako.
    return {"venue": 0, "city": 1, "state": 2, "region": 3, "country": 4}.get(place.kind, 5)


def resolve_place(head: Token, context: DocContext) -> Place | None:
    """The most specific place a locative phrase names, or None if it names none."""
    found: list[Place] = []
    seen: set[int] = set()
    # A place named inside a clause is not where the phrase is: "at a dinner given by the
    # envoy of Morocco" is not in Morocco.
    aside = {t.i for c in head.subtree if c.dep_ in CLAUSES and c != head for t in c.subtree}
    for token in head.subtree:
        if token.i in aside:
            continue
        ent = context.entity(token)
        if ent is None or ent.start in seen or ent.label_ not in PLACE_LABELS:
            continue
        seen.add(ent.start)
        found.append(_place(ent, context))
    if not found:
        return None
    return min(found, key=_rank)


def dateline_city(context: DocContext) -> Place | None:
    """The city of the story's first dateline ('BAMAKO, Mali —', 'KABUL (Reuters) -'), if the
    gazetteer knows it as a city; a dateline names where the reporter files from."""
    named = [
        ent
        for ent in context.doc.ents
        if ent.label_ in PLACE_LABELS and context.in_dateline(ent.root)
    ]
    countries = {entry.id for ent in named if (entry := context.entry(ent)) is not None}
    for span in [*named, *_capitals_run(context)]:
        entry = context.entry(span) or _city_in_capitals(span.text, countries, context)
        if entry is not None and entry.kind == "city" and entry.country is not None:
            place = _place(span, context)
            return place.model_copy(
                update={
                    "name": entry.name,
                    "country": entry.country,
                    "lat": entry.lat,
                    "lon": entry.lon,
                    "kind": "city",
                    "id": entry.id,
                }
            )
    return None


def _capitals_run(context: DocContext) -> list[Span]:
    """The first words in capitals of the first dateline ('ADDIS ABABA, Ethiopia —'): the
    model often leaves a city spelled so without an entity, or calls it an organisation or
    a person, so the dateline's own shape names it."""
    if not context.dateline:
        return []
    doc = context.doc
    first = min(context.dateline)
    for start in range(first, first + 12):
        end = start
        while end in context.dateline and _capitals(doc[end]):
            end += 1
        if end > start:
            return [doc[start:end]]
    return []


def _capitals(token: Token) -> bool:
    return token.is_upper and token.is_alpha and len(token) > 1


def _city_in_capitals(text: str, countries: set[str], context: DocContext) -> GazetteerEntry | None:
    """A city a dateline spells in capitals ('NAIROBI'), which the entity rules, matching
    the usual spelling, leave without an id; the country beside it, or a capital, decides
    between cities of one name."""
    if not text.isupper():
        return None
    cities = list(context.knowledge.cities_by_upper.get(text, ()))
    cities.sort(key=lambda e: (e.country not in countries, e.capital_of is None, e.id))
    return cities[0] if cities else None


def country_actor_of(place: Place, context: DocContext) -> tuple[str, str] | None:
    """(name, ISO3) of the country a place lies in, for the visited side of a visit."""
    if place.country is None:
        return None
    return context.knowledge.country_name(place.country), place.country
