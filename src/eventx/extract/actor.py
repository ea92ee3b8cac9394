"""Turning argument tokens into resolved actors: names, titles, countries, kinds and metonymy."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..schema import Actor
from .bloc import bloc_author
from .bodies import referred_body
from .compound import backed, heritage
from .context import DocContext
from .descriptors import country_of_phrase, title_of_phrase, title_text
from .entity_actor import ORG_KINDS, another_people, entity_actor, home_country, state_actor
from .government import leaders_country, referred_government
from .homeland import office_country
from .kinds import (
    PEOPLE_MODIFIERS,
    civilian_group,
    distinct_parties,
    names_another,
    nationals,
    phrase_group,
)
from .knowledge import name_key
from .office import appositive_person, described_person, leader_of, person_actor
from .subbody import named_sub_body

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


def _fighting_at_home(head: Token, context: DocContext) -> str | None:
    """Armed men named bare ('the rebels', 'rebel fighters') fight in the one country the
    story happens in (`DocContext.theatre`): the rebels of a story told from Aleppo are
    Syria's. Not when words before or after them say more ('foreign fighters', 'Houthi
    rebels', 'fighters from Chechnya'), which is theirs to tell."""
    armed = context.knowledge.words("armed_group_nouns")
    for child in head.children:
        armed_compound = child.dep_ == "compound" and child.lemma_.lower() in armed
        if child.dep_ in {"amod", "compound", "nmod", "poss"} and not armed_compound:
            return None
        if child.dep_ in {"prep", "appos"} and any(t.ent_type_ for t in child.subtree):
            return None  # "fighters from Chechnya"; not "the rebels of breaking the truce"
    return context.theatre


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
        if body is None or body.label_ != "ORG":
            continue
        entry = context.entry(body)
        if entry is not None and entry.kind not in NON_STATE_BODIES:
            continue
        actor = entity_actor(body, child, context, True)
        if entry is None and (actor is None or actor.kind != "organization"):
            continue  # a body the rulers do not know stays a state's when its words say so
        if actor is None:
            return None
        # the mention is the whole phrase ('RNC officials'), as a state's officials' is; for
        # a body the rulers do not know, from the country's name before it ('Kenya Tea
        # Growers Association officials')
        said = context.doc[max(head.left_edge.i, body.start) : head.i + 1]
        start = min(actor.start, said.start_char) if entry is None else said.start_char
        text = context.text[start : said.end_char]
        return actor.model_copy(update={"text": text, "start": start, "end": said.end_char})
    country = country_of_phrase(head, context) or home_country(head, context)
    words = context.knowledge.words
    armed = lemma in words("armed_group_nouns")
    backing = armed and backed(head, context.knowledge)
    if country is None and armed and not backing:
        country = _fighting_at_home(head, context)  # "the rebels" of a story from Aleppo
    if country is None and not backing:
        return None  # "Iran-backed militias" are a group all the same, of no country told
    phrase = context.doc[head.left_edge.i : head.i + 1]
    if phrase[0].dep_ == "det" and len(phrase) > 1:
        phrase = phrase[1:]
    if country is None:
        return phrase_group(phrase, None)
    outside = any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in words("non_state_modifiers")
        for c in head.children
    ) or any(heritage(t) for t in head.subtree if t.i < head.i)  # "Cuban-American leaders"
    if armed or outside or _led_by_others(head, context):
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


def _named_craft(head: Token, context: DocContext) -> Actor | None:
    """'the aircraft carrier USS Carl Vinson': a craft named in apposition by a navy's ship
    prefix is that navy, with its state."""
    if head.lemma_.lower() not in context.knowledge.words("craft_nouns"):
        return None
    for child in head.children:
        ship = context.entity(child) if child.dep_ == "appos" else None
        entry = context.entry(ship) if ship is not None and ship.label_ == "ORG" else None
        if ship is not None and entry is not None and entry.sector == "MIL" and entry.country:
            return entity_actor(ship, child, context, True)
    return None


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
    plural people itself ('the welfare of 2,000 Libyans'). A bloc adjective on an object noun
    (`bloc.bloc_author`) is the bloc, a group of no one country: 'Western'."""
    words = context.knowledge.words
    ent = context.entity(head)
    if bloc_author(head, words("bloc_adjectives"), words("authored_nouns")):
        return phrase_group(head.doc[head.i : head.i + 1], None)  # "Western accusations"
    craft = head.head.lemma_.lower() in words("craft_nouns")
    unknown = ent is not None and ent.label_ == "ORG" and context.entry(ent) is None
    if unknown and head.dep_ == "compound" and craft:
        return None  # "downing a Lufthansa jet": whose craft it is ("UN planes" are the UN)
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


def _after_title(ent: Span | None, context: DocContext) -> Span | None:
    """'Director of National Intelligence Dan Coats': the person right after a title the
    parser made the head of their phrase (the name hung on its 'of')."""
    if ent is None or ent.label_ != "TITLE" or ent.end >= len(context.doc):
        return None
    person = context.entity(context.doc[ent.end])
    if person is None or person.label_ != "PERSON" or person.start != ent.end:
        return None
    return person if ent.start <= person.root.head.i < ent.end else None


def resolve_actor(head: Token, context: DocContext, role_is_agent: bool = True) -> Actor | None:
    """The actor an argument head refers to, or None when it is not a political actor.

    `role_is_agent` is False for places in locative roles, where a capital stays a city.
    """
    member = partitive_member(head)  # "One of the factions, Hamas," (a CARDINAL 'One')
    if member is not None:
        return resolve_actor(member, context, role_is_agent)
    ent = context.entity(head)
    if ent is not None and ent.label_ == "PERSON":
        return person_actor(ent, ent, context)
    if ent is None and head.pos_ == "PROPN" and name_key(head.text) in context.persons:
        # A surname the NER missed but the document introduced earlier: "Doe met ...".
        return person_actor(head.doc[head.i : head.i + 1], head.doc[head.i : head.i + 1], context)
    if ent is not None and ent.label_ != "TITLE":
        return entity_actor(ent, head, context, role_is_agent)
    person = appositive_person(head, context) or _after_title(ent, context)
    if person is not None:
        return person_actor(person, person, context)
    described = described_person(head, ent, context)
    if described is not None:
        return described
    sub_body = named_sub_body(head, context) if ent is None else None
    if sub_body is not None:
        return sub_body  # "the UN Mission in South Sudan" is neither the UN nor South Sudan
    # A named entity inside the phrase: "the government of Mali", "Mali's foreign ministry".
    lemma = head.lemma_.lower()
    words = context.knowledge.words
    roles, governments = words("role_nouns"), words("government_nouns")
    people = civilian_group(head, context)
    if people is not None:
        return people
    craft = _named_craft(head, context) if ent is None else None
    if craft is not None:
        return craft
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
                return entity_actor(inner, child, context, role_is_agent)
    body = referred_body(head, context)  # "the bloc" after ASEAN, as this mention
    actor = entity_actor(body, body.root, context, role_is_agent) if body is not None else None
    if actor is not None:
        said = head.doc[head.left_edge.i : head.i + 1]
        where = {"text": said.text, "start": said.start_char, "end": said.end_char}
        return actor.model_copy(update=where)
    if lemma in governments or lemma in roles or (ent is not None):
        country = country_of_phrase(head, context) or referred_government(head, context)
        if lemma in governments:  # "President X's government", "the Castro administration"
            country = country or leaders_country(head, context)
        country = country or home_country(head, context)  # the government named, else the home
        title = title_of_phrase(head, context)
        if country is None and title is None:
            return None
        # "the majority leader": a role with no country is the story's own office
        country = country or office_country(title, context)
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


def partitive_member(head: Token) -> Token | None:
    """'One of the rival factions, Hamas, said ...': the one named in apposition to the
    group it is one of."""
    if head.lower_ != "one":
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        # the parser may hang the name deep in the group's phrase ('One of the two rival
        # cabinets in Tripoli, the Government of National Accord,'): the last one
        named = [t for t in prep.subtree if t.dep_ == "appos" and t.ent_type_]
        if named:
            return named[-1]
    return None
