"""Turning argument tokens into resolved actors: names, titles, countries, kinds and metonymy."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..schema import Actor, ActorKind
from .context import DocContext, country_of_phrase, title_of_phrase, title_text
from .kinds import (
    PEOPLE_MODIFIERS,
    civilian_group,
    distinct_parties,
    ethnic,
    names_another,
    nationals,
    people_of_a_country,
    phrase_group,
    unknown_place,
    with_country_name,
)
from .knowledge import Knowledge, name_key
from .office import appositive_person, described_person, leader_of, person_actor
from .phrase import INCLUDING
from .place import dateline_city

# Names other modules import from here: the document context and the office readers moved out.
__all__ = [
    "ORG_KINDS",
    "DocContext",
    "another_people",
    "deep_actor",
    "distinct_parties",
    "leader_of",
    "named_by_modifier",
    "noun_phrase",
    "resolve_actor",
    "state_actor",
    "title_text",
]

ORG_KINDS = {
    "igo": "organization",
    "organization": "organization",
    "government": "government",
    "ministry": "government",
    "group": "group",
    "seat": "government",
}


def state_actor(iso3: str, name: str, kind: ActorKind, text: str, start: int, end: int) -> Actor:
    """A country or its government as a participant, found as `text` at `start`-`end`."""
    return Actor(text=text, name=name, country=iso3, kind=kind, id=iso3, start=start, end=end)


def _listed_under_government(head: Token, knowledge: Knowledge) -> bool:
    """'several governments ..., including Burkina Faso and Niger': the members are governments."""
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in INCLUDING:
        return head.head.head.lemma_.lower() in knowledge.words("government_nouns")
    return False


def _entity_actor(ent: Span, head: Token, context: DocContext, role_is_agent: bool) -> Actor | None:
    entry = context.entry(ent)
    label = ent.label_
    start, end = ent.start_char, ent.end_char
    words = context.knowledge.words
    governmental = head.lemma_.lower() in words("government_nouns") or (
        _listed_under_government(head, context.knowledge)
    )
    if label in {"GPE", "FAC"}:
        if entry is None:
            return None  # a place the gazetteer does not know: no basis to call it a state
        if entry.kind == "country":
            kind: ActorKind = "government" if governmental else "country"
            return state_actor(entry.id, entry.name, kind, ent.text, start, end)
        seat_of = entry.capital_of or (entry.country if entry.kind == "seat" else None)
        named_after = any(  # "Real Madrid", "Inter Milan": a club named after the city
            c.dep_ == "compound" and c.pos_ == "PROPN" and context.entity(c) is None
            for c in head.children
        )
        if seat_of and role_is_agent and not named_after:
            # Metonymy: "Washington reaffirmed ..." is the US government acting.
            return state_actor(
                seat_of, context.knowledge.country_name(seat_of), "government", ent.text, start, end
            )
        return None
    if label == "NORP":
        if another_people(head, context):
            return None
        if entry is None or entry.kind != "country" or ethnic(head, entry.id, context):
            return people_of_a_country(ent, head, context)
        if (
            entry is not None
            and entry.kind == "country"
            and head == ent.root
            and (head.tag_ in {"NNPS", "NNS"} or head.text.endswith("s"))
        ):
            # "Palestinians blamed Israel": the people of a country acting as one
            return state_actor(entry.id, entry.name, "country", ent.text, start, end)
        if entry is not None and governmental:
            return state_actor(entry.id, entry.name, "government", ent.text, start, end)
        return None
    if label == "ORG":
        if entry is not None:
            if entry.kind == "media":
                return None  # news agencies report events; they never take part
            country = entry.country or country_of_phrase(head, context, exclude=ent)
            if country is None and entry.kind in {"ministry", "government"}:
                country = home_country(head, context)  # "the foreign ministry said"
            name = entry.name
            if (
                entry.country is None
                and country is not None
                and entry.kind
                in {
                    "ministry",
                    "government",
                }
            ):
                # "Somalia's foreign ministry": the generic body, made specific
                name = f"{context.knowledge.country_name(country)} {entry.name}"
            return Actor(
                text=ent.text,
                name=name,
                country=country,
                kind=ORG_KINDS.get(entry.kind, "organization"),  # type: ignore[arg-type]
                sector=entry.sector,
                id=entry.id,
                start=start,
                end=end,
            )
        names = {t.lower_.strip(".") for t in ent}
        if names & words("corporate_words"):
            return None  # companies are not diplomatic actors
        if unknown_place(ent, head, context):
            return None
        political = bool(names & words("political_org_words"))
        country = country_of_phrase(head, context, exclude=ent)
        ent = with_country_name(ent, context)
        start = ent.start_char
        name = ent.text.removesuffix("'s").removesuffix("’s")
        if name[:4].lower() == "the ":
            name = name[4:].strip()
        if country and words("government_nouns").intersection(t.lemma_.lower() for t in ent):
            name = context.knowledge.country_name(country)  # "the Government of Venezuela"
        return Actor(
            text=ent.text,
            name=name,
            country=country,
            kind="government" if country and political else "organization",
            start=start,
            end=end,
        )
    return None


def another_people(head: Token, context: DocContext) -> bool:
    """'Carib Indians', 'Cherokee Indians': a nationality word named for another people."""
    return any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and context.entity(c) is None
        for c in head.children
    )


def _led_by_others(head: Token, context: DocContext) -> bool:
    """'Syrian Kurdish-led forces', 'Iran-backed militias', 'Kurdish fighters': the phrase
    names who the forces are beyond their country, so they are a group, not its state."""
    for token in head.subtree:
        if token.i >= head.i:
            break
        if token.lower_ in {"led", "backed", "allied", "aligned"} and token.i > head.left_edge.i:
            return True
        ent = context.entity(token)
        if ent is not None and ent.label_ == "NORP":
            entry = context.entry(ent)
            if entry is None or entry.kind != "country":
                return True
    return False


def noun_phrase(head: Token, of_verbs: frozenset[str] = frozenset()) -> Span:
    """A noun's own phrase: its left modifiers and an 'of' complement, without the
    determiner and without clauses or other prepositions ('Senegal's foreign minister', not
    '... for talks on Monday'). After one of the `of_verbs` the 'of' phrase is the verb's:
    'accused the minister of fraud'."""
    if head.dep_ == "dobj" and head.head.lemma_.lower() in of_verbs:
        return _without_of(head)
    end = head.i
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > head.i:
            end = max(end, prep.right_edge.i)
    start = head.left_edge.i
    doc = head.doc
    while start < head.i and (doc[start].dep_ == "det" or doc[start].is_punct):
        start += 1
    return doc[start : end + 1]


def _without_of(head: Token) -> Span:
    start = head.left_edge.i
    while start < head.i and (head.doc[start].dep_ == "det" or head.doc[start].is_punct):
        start += 1
    return head.doc[start : head.i + 1]


# Known groups that are not a state's own: their officials act for them, not for a country.
# (An international body's are left as they are: "EU leaders" are its members' leaders.)
NON_STATE_BODIES = frozenset({"group"})


def _group_actor(head: Token, lemma: str, context: DocContext) -> Actor | None:
    """'Moroccan diplomats', 'the US embassy', 'Ivory Coast rebels': a country's state or
    one of its armed groups; the officials of a group that is no state are that group ('Hamas
    officials', 'Taliban leaders')."""
    for child in head.children:
        body = context.entity(child) if child.dep_ in {"compound", "nmod"} else None
        entry = context.entry(body) if body is not None and body.label_ == "ORG" else None
        if body is not None and entry is not None and entry.kind in NON_STATE_BODIES:
            return _entity_actor(body, child, context, True)
    country = country_of_phrase(head, context) or home_country(head, context)
    if country is None:
        return None
    phrase = context.doc[head.left_edge.i : head.i + 1]
    if phrase[0].dep_ == "det" and len(phrase) > 1:
        phrase = phrase[1:]
    words = context.knowledge.words
    outside = any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in words("non_state_modifiers")
        for c in head.children
    )
    if lemma in words("armed_group_nouns") or outside or _led_by_others(head, context):
        return phrase_group(phrase, country)
    actor = state_actor(
        country,
        context.knowledge.country_name(country),
        "government",
        phrase.text,
        phrase.start_char,
        phrase.end_char,
    )
    military = words("military_nouns")
    if lemma in military or any(
        c.dep_ == "compound" and c.lemma_ in military for c in head.children
    ):
        # "Russian troops", "French warships", "Panamanian army officers": the state acting
        # through its military
        return actor.model_copy(update={"sector": "MIL"})
    return actor


def _state_craft(head: Token, context: DocContext) -> bool:
    """'a Chinese coast guard vessel', 'Russian warships', 'naval ships': a craft of a state's
    own, not a 'fishing boat' or 'cargo ship'."""
    words = context.knowledge.words
    lemma = head.lemma_.lower()
    if lemma not in words("craft_nouns") or context.entity(head) is not None:
        return False
    modifiers = {c.lemma_.lower() for c in head.subtree if c.i < head.i}
    return lemma in words("military_nouns") or bool(modifiers & words("state_craft_modifiers"))


def home_country(head: Token, context: DocContext) -> str | None:
    """'NAIROBI — ... The ministry said': a state body the story names with 'the' alone is
    the body of the country of its dateline (`home_body_nouns`); elsewhere it has none."""
    words = context.knowledge.words
    names_body = head.lemma_.lower() in words("home_body_nouns") or any(
        c.dep_ == "compound" and c.lemma_.lower() in words("home_body_nouns") for c in head.children
    )
    if not names_body or not any(c.lower_ == "the" for c in head.children):
        return None
    own = context.entity(head)
    if any(context.entity(c) not in (None, own) or c.dep_ == "poss" for c in head.children):
        return None  # "the Castro administration", "the Kim Jong Un government": someone's
    city = dateline_city(context)
    return city.country if city is not None else None


def named_by_modifier(token: Token, context: DocContext) -> Actor | None:
    """What a nationality or country names as the modifier of a people noun ('Syrian' in 'let
    in Syrian refugees', 'Russia' in 'the right of Russia troops'): the civilian group, or the
    state's military, where the bare modifier would stand for the state."""
    head = token.head
    if token.dep_ not in PEOPLE_MODIFIERS or head.i < token.i:
        return None
    lemma = head.lemma_.lower()
    if lemma in context.knowledge.words("military_nouns") and context.entity(head) is None:
        return _group_actor(head, lemma, context)
    return civilian_group(head, context)


def deep_actor(head: Token, context: DocContext) -> Actor | None:
    """The actor an entity inside an object phrase names; there a nationality stands for its
    country ('expelled two Russian diplomats' targets Russia), unless it names a people noun's
    group or a military (`named_by_modifier`), another named people ('Iraqi Kurds'), or is a
    plural people itself ('the welfare of 2,000 Libyans')."""
    ent = context.entity(head)
    craft = head.head.lemma_.lower() in context.knowledge.words("craft_nouns")
    unknown = ent is not None and ent.label_ == "ORG" and context.entry(ent) is None
    if unknown and head.dep_ == "compound" and craft:
        return None  # "blowing up a Pan Am plane": whose craft it is ("UN planes" are the UN)
    actor = named_by_modifier(head, context) or resolve_actor(head, context)
    if ent is None:
        return actor
    if actor is not None:
        country = actor.country if actor.kind == "country" else None
        return (nationals(ent, country) if country else None) or actor
    entry = context.entry(ent)
    if (
        ent.label_ != "NORP"
        or entry is None
        or entry.kind != "country"
        or another_people(head, context)
        or names_another(head, ent, context)
    ):
        return None
    return state_actor(entry.id, entry.name, "country", ent.text, ent.start_char, ent.end_char)


def resolve_actor(head: Token, context: DocContext, role_is_agent: bool = True) -> Actor | None:
    """The actor an argument head refers to, or None when it is not a political actor.

    `role_is_agent` is False for places in locative roles, where a capital stays a city.
    """
    ent = context.entity(head)
    if ent is not None and ent.label_ == "PERSON":
        return person_actor(ent, ent, context)
    if ent is None and head.pos_ == "PROPN" and name_key(head.text) in context.persons:
        # A surname the NER missed but the document introduced earlier: "Doe met ...".
        return person_actor(head.doc[head.i : head.i + 1], head.doc[head.i : head.i + 1], context)
    if ent is not None and ent.label_ != "TITLE":
        return _entity_actor(ent, head, context, role_is_agent)
    person = appositive_person(head, context)
    if person is not None:
        return person_actor(person, person, context)
    described = described_person(head, ent, context)
    if described is not None:
        return described
    # A named entity inside the phrase: "the government of Mali", "Mali's foreign ministry".
    lemma = head.lemma_.lower()
    words = context.knowledge.words
    roles, governments = words("role_nouns"), words("government_nouns")
    people = civilian_group(head, context)
    if people is not None:
        return people
    if _state_craft(head, context):
        craft = _group_actor(head, lemma, context)  # "a Chinese coast guard vessel"
        return craft.model_copy(update={"sector": "MIL"}) if craft is not None else None
    if lemma in words("state_group_nouns") | words("armed_group_nouns") and (
        head.tag_ == "NNS" or lemma not in roles
    ):
        group = _group_actor(head, lemma, context)
        if group is not None:
            return group
    if lemma in {"group", "team", "delegation", "number", "pair", "coalition", "bloc"}:
        # "a group of Moroccan diplomats"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (found := resolve_actor(pobj, context)):
                        return found
    if ent is None and lemma not in roles and lemma not in governments:
        # "al-Qaeda's terror network", "the Hamas leadership": the named body it belongs to
        for child in head.children:
            inner = context.entity(child)
            if (
                child.dep_ in {"compound", "poss", "nmod"}
                and inner is not None
                and (inner.label_ in {"ORG", "FAC"} and context.entry(inner) is not None)
            ):
                return _entity_actor(inner, child, context, role_is_agent)
    if lemma in governments or lemma in roles or (ent is not None):
        country = country_of_phrase(head, context) or home_country(head, context)
        title = title_of_phrase(head, context)
        if country is None and title is None:
            return None
        phrase = noun_phrase(head, words("of_verbs"))
        if lemma in governments and country:
            return state_actor(
                country,
                context.knowledge.country_name(country),
                "government",
                phrase.text,
                phrase.start_char,
                phrase.end_char,
            )
        return Actor(
            text=phrase.text,
            name=phrase.text,
            title=title,
            country=country,
            kind="person",
            start=phrase.start_char,
            end=phrase.end_char,
        )
    return None
