"""The country of people and bodies a story names without one: its own legislators and officials.

A wire story names its own country's office holders bare ('Senator Jane Doe', 'Deputy Prime
Minister X', 'lawmakers'): the reader takes them for officials of the legislature the story
names, or of the country it is filed from. Only the offices in `home_office_words` are read so;
a visitor's office is written with its country ('Chinese Premier X').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import DocContext, sentence_ents
from .place import dateline_city


def legislature_country(context: DocContext) -> str | None:
    """The one country whose legislature the document names ('Congress', 'the Knesset'),
    or None when it names none or the legislatures of several."""
    countries = {
        entry.country
        for ent in context.doc.ents
        if ent.label_ == "ORG"
        and (entry := context.entry(ent)) is not None
        and entry.sector == "LEG"
        and entry.country is not None
    }
    return countries.pop() if len(countries) == 1 else None


# What a dateline may name besides a city: a seat of government ('WHITE HOUSE —') or a
# state's own body ('PENTAGON —', 'STATE DEPARTMENT —'), both of one country.
DATELINE_BODIES = frozenset({"seat", "government", "ministry"})


def story_country(context: DocContext) -> str | None:
    """The country of the story's dateline city, if it has one the gazetteer knows, else of
    the seat or national body it is filed from ('CAPITOL HILL —')."""
    city = dateline_city(context)
    if city is not None:
        return city.country
    if not context.dateline:
        return None  # most calls: no dateline, no entity to look through
    for ent in context.doc.ents:
        if not context.in_dateline(ent.root):
            continue
        entry = context.entry(ent)
        if entry is not None and entry.kind in DATELINE_BODIES and entry.country:
            return entry.country
    seat = context.knowledge.seats_by_upper.get(_dateline_capitals(context))
    return seat.country if seat is not None else None


def _dateline_capitals(context: DocContext) -> str:
    """The dateline's first run of words in capitals ('CAPITOL HILL'), which the entity
    rules, matching the usual spelling, leave without an id."""
    words: list[str] = []
    for i in sorted(context.dateline):
        token = context.doc[i]
        if token.is_upper and token.is_alpha and len(token) > 1:
            words.append(token.text)
        elif words:
            break
    return " ".join(words)


def legislators_country(context: DocContext) -> str | None:
    """Whose legislators a story's bare 'lawmakers' or 'Senator X' are: those of the
    legislature it names, else those of the country it is filed from."""
    return legislature_country(context) or story_country(context)


def office_country(title: str | None, context: DocContext) -> str | None:
    """The country of a person whose title is one of a country's own offices and who has no
    country in the text: a legislator's (any office of PLOVER sector LEG) is the
    legislature's; a minister's or governor's, the dateline's."""
    if not title:
        return None
    words = set(title.casefold().replace("-", " ").split())
    if words & context.knowledge.words("legislator_nouns") or (
        context.knowledge.sector_of(title) == "LEG"  # 'Speaker', 'Majority Leader'
    ):
        return legislators_country(context)
    if not words & context.knowledge.words("home_office_words"):
        return None
    return story_country(context)


def legislators_group_country(head: Token, context: DocContext) -> str | None:
    """'Right-wing lawmakers', 'the legislators': members of a legislature named by their
    noun alone are those of the seat they are at, else the story's own."""
    words = context.knowledge.words("legislator_nouns")
    if {head.lemma_.lower(), head.lower_} & words or legislature_members(head, context):
        return seat_country(head, context) or legislators_country(context)
    return None


def seat_country(head: Token, context: DocContext) -> str | None:
    """'lawmakers on Capitol Hill', 'MPs in Westminster': legislators found at a seat of
    government or a capital are that state's, as the body that sits there is."""
    locative = context.knowledge.words("seat_preps")
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in locative or prep.i < head.i:
            continue
        for pobj in prep.children:
            place = context.entity(pobj) if pobj.dep_ == "pobj" else None
            entry = context.entry(place) if place is not None else None
            if entry is None:
                continue
            if entry.kind == "seat" and entry.country:
                return entry.country
            if entry.capital_of:
                return entry.capital_of
    return None


def legislature_members(head: Token, context: DocContext) -> bool:
    """'House members', 'two New York State Assembly members': members of a body whose
    name ends in a legislature word are legislators."""
    if head.lemma_.lower() != "member":
        return False
    words = context.knowledge.words("legislature_words")
    return any(
        c.dep_ == "compound" and c.i < head.i and c.lemma_.lower() in words for c in head.children
    )


def domestic_country(head: Token, context: DocContext) -> str | None:
    """Whose a body or group named without a country is ('the opposition', 'Ministry of
    National Defense spokesman X'): the one country its sentence names ('Ruto met opposition
    leaders', Kenya's; 'talks between Caracas and the opposition'), else the story's when
    the sentence names none; with two ('Mali and Senegal met the opposition') it is not
    clear."""
    named = countries_named(head.sent, context)
    if len(named) == 1:
        return named.pop()
    return story_country(context) if not named else None


def countries_named(sentence: Span, context: DocContext, *, places_only: bool = False) -> set[str]:
    """The countries a sentence's entities name outside its dateline (which says where the
    story is filed, not whose anything is): a country's, a capital's, or the country of any
    other entry but an organisation's; with `places_only`, of countries and capitals alone."""
    found: set[str] = set()
    for ent in sentence_ents(sentence, context):
        entry = context.entry(ent)
        if entry is None or context.in_dateline(ent[0]):
            continue
        if entry.kind == "country":
            country: str | None = entry.id
        elif places_only:
            country = entry.capital_of
        elif entry.kind == "organization":
            continue
        else:
            country = entry.capital_of or entry.country
        if country is not None and (ent.label_ in {"GPE", "NORP"} or not places_only):
            found.add(country)
    return found
