"""What kind of party a phrase names: a country's people rather than its state, a place the
NER took for a body, and one party named twice."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..schema import Actor
from .context import DocContext
from .descriptors import country_of_phrase
from .homeland import domestic_country, legislators_group_country, legislature_members
from .knowledge import Knowledge
from .phrase import opens_a_body
from .possessor import possessor_country

# Prepositions of where a people's members are: 'Kenyans in the Gulf', 'Palestinians of the
# West Bank'.
PLACE_PREPS = frozenset({"in", "of", "from", "across", "throughout"})
# Modifiers that give a people noun its country: "Syrian refugees", "Afghan asylum seekers".
PEOPLE_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def with_country_name(ent: Span, context: DocContext) -> Span:
    """'Israel Democracy Institute': the NER splits a country's name off the front of an
    organization's; a capitalized country name compounded into the name is part of it."""
    if ent.start == 0:
        return ent
    before = context.entity(ent.doc[ent.start - 1])
    if before is None or before.label_ != "GPE" or not all(t.pos_ == "PROPN" for t in before):
        return ent
    return ent.doc[before.start : ent.end] if opens_a_body(before) else ent


def unknown_place(ent: Span, head: Token, context: DocContext) -> bool:
    """'journalists at Oncupinar', 'the city of Susangerd', 'Kabul Airport': a name the
    gazetteer does not know, found where a place would be or naming a facility, is a place the
    NER took for an organization, not a party."""
    words = context.knowledge.words
    if {t.lower_ for t in ent} & words("facility_words"):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in words("locative_preps"):
        return True
    holder = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head.head
    near = holder if head.dep_ in {"pobj", "appos", "compound"} else None
    return near is not None and near.lemma_.lower() in words("place_nouns")


def ethnic(head: Token, own: str, context: DocContext) -> bool:
    """'Bosnian Serbs', 'ethnic Albanians in south Serbia', 'the Albanians of Serbia': a
    people of one country named as living in another, or as an ethnic group."""
    if _marked_ethnic(head):
        return True
    other = _own_country(head, context)
    return other is not None and other != own


def _own_country(head: Token, context: DocContext) -> str | None:
    """The country in a people noun's own modifiers and 'in'/'of' phrases, not in the nouns
    coordinated with it ('Palestinians and Israelis') nor behind a participle ('of the
    Israeli-occupied West Bank' is Palestinian land)."""
    for child in head.children:
        if child.dep_ in {"conj", "cc", "appos", "relcl", "acl", "punct"}:
            continue
        if child.dep_ == "prep" and child.lower_ not in {"in", "of", "from"}:
            continue
        for token in child.subtree:
            ent = context.entity(token)
            if ent is None or token.i != ent.start or _behind_participle(token):
                continue
            entry = context.entry(ent)
            if entry is not None and entry.kind == "country" and ent.label_ in {"GPE", "NORP"}:
                return entry.id
            if entry is not None and entry.country and ent.label_ in {"GPE", "LOC"}:
                return entry.capital_of or entry.country
    return None


def _behind_participle(token: Token) -> bool:
    """'Israeli' in 'Israeli-occupied', 'Iran' in 'Iran-backed': says who holds or backs it."""
    return token.head.tag_ == "VBN" and token.head.i > token.i


def people_of_a_country(ent: Span, head: Token, context: DocContext) -> Actor | None:
    """'Iraqi Kurds', 'Bosnian Serbs', 'ethnic Albanians in Serbia': a people named with a
    country is a group of that country, not its state."""
    if head != ent.root or not (head.tag_ in {"NNPS", "NNS"} or head.text.endswith("s")):
        return None
    country = _own_country(head, context)
    if country is None and not _marked_ethnic(head):
        return None
    # "Up to 1,000 ethnic Turks": the people, not how many of them
    named = [c.i for c in head.children if c.i < head.i and c.dep_ in PEOPLE_MODIFIERS]
    return phrase_group(context.doc[min(named, default=head.i) : head.i + 1], country)


def described_people(head: Token) -> bool:
    """'Somalis fleeing the drought', 'Kenyans who live abroad', 'Kenyans in the Gulf',
    'refused entry to Ghanaians': a people noun with a clause that tells what its members do
    or undergo, or a place they are at, names those people, not their state acting; so does
    one that an act reaches through a preposition."""
    if head.dep_ == "pobj":
        return True
    for child in head.children:
        if child.dep_ in {"acl", "relcl"}:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in PLACE_PREPS
            and any(
                c.dep_ == "pobj" and c.ent_type_ in {"GPE", "LOC", "FAC"} for c in child.children
            )
        ):
            return True
    return False


def phrase_group(phrase: Span, country: str | None, sector: str | None = None) -> Actor:
    """A group named by a phrase, which is its text and name: 'Afghan rebel leaders'."""
    return Actor(
        text=phrase.text,
        name=phrase.text,
        country=country,
        kind="group",
        sector=sector,
        start=phrase.start_char,
        end=phrase.end_char,
    )


def distinct_parties(parties: list[Actor], text: str) -> list[Actor]:
    """One entry per party in a role: the same knowledge id twice, or an abbreviation in
    brackets after its name ('the Islamic Salvation Front (FIS)'), is one party."""
    kept: list[Actor] = []
    for party in parties:
        if all(not _same_party(party, other, text) for other in kept):
            kept.append(party)
    return kept


def _same_party(party: Actor, other: Actor, text: str) -> bool:
    if party.id is not None and party.id == other.id:
        return True
    if (party.start, party.end, party.name) == (other.start, other.end, other.name):
        return True  # one phrase found twice (as an object and deep in it)
    between = text[other.end : party.start]
    return between.strip() == "(" and party.text.isupper() and party.kind != "person"


def civilian_group(head: Token, context: DocContext) -> Actor | None:
    """'Syrian refugees', 'Afghan migrants', 'Eritrean workers in Israel', 'Kenyan senators',
    'South Korean media sites': people of a country who are not its government are a group
    of that country (PLOVER's REF, MED, CVL or LEG), not the state."""
    words = context.knowledge.words
    # the noun itself, or what it is of: "a Cambodian refugee camp", "Syrian migrant boats"
    kinds = {head.lemma_.lower(), head.lower_} | {
        w for c in head.children if c.dep_ == "compound" for w in (c.lemma_.lower(), c.lower_)
    }
    if kinds & words("opposition_words") and (
        head.tag_ in {"NNS", "NNPS"} or head.lemma_.lower() in words("opposition_words")
    ):
        # "opposition leaders", "opposition protesters", "the opposition"; one "opposition
        # leader Jane Doe" is a person
        sector = "OPP"
    elif kinds & words("refugee_nouns"):
        sector = "REF"
    elif kinds & words("media_nouns") and head.tag_ in {"NNS", "NNPS"}:
        # "South Korean media sites", "Iranian journalists": the press, not the state; one
        # "Ugandan journalist" is a person told of by their job
        sector = "MED"
    elif {head.lemma_.lower(), head.lower_} & words("civilian_nouns"):
        sector = "CVL"
    elif {head.lemma_.lower(), head.lower_} & words("legislator_nouns") or legislature_members(
        head, context
    ):
        sector = "LEG"
    else:
        return None
    if head.pos_ not in {"NOUN", "PROPN"} or context.entity(head) is not None:
        return None
    modifiers = [c for c in head.children if c.i < head.i and c.dep_ in PEOPLE_MODIFIERS]
    country = next(
        (found for m in modifiers if (found := country_of_phrase(m, context)) is not None), None
    )
    if country is None and sector in {"REF", "CVL"}:
        # "refugees from Liberia", "fleeing Sudan"; "urged its citizens": the state's own
        country = _fled_from(head, context) or possessor_country(head, context)
        modifiers = modifiers or [head]
    if country is None and sector == "LEG":
        # "right-wing lawmakers" with no nationality: the story's own legislators
        country = legislators_group_country(head, context)
        modifiers = modifiers or [head]
    if sector == "OPP":
        # an opposition is one whoever's it is, named by its whole phrase ("several
        # opposition parties")
        country = country or domestic_country(head, context)
        phrase = context.doc[head.left_edge.i : head.i + 1]
    elif country is None:
        return None
    else:
        # "the largest Cambodian refugee camp": the people named, not how they are described
        named = [m for m in modifiers if m.ent_type_ or m.dep_ == "compound"]
        phrase = context.doc[min(m.left_edge.i for m in named or modifiers) : head.i + 1]
    if len(phrase) > 1 and (
        (phrase[0].dep_ == "det" and phrase[0].lower_ == "the") or phrase[0].tag_ == "PRP$"
    ):
        phrase = phrase[1:]  # "the opposition" as "the government" is "government"; "its citizens"
    return phrase_group(phrase, country, sector)


def _fled_from(people: Token, context: DocContext) -> str | None:
    """The country people come or flee from: 'refugees from Liberia', 'civilians fleeing
    the fighting in South Sudan'."""
    origins = [
        p for c in people.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
    ]
    fled = [c for c in people.children if c.dep_ == "acl" and c.lemma_.lower() == "flee"]
    for token in (t for o in origins + fled for t in o.subtree):
        ent = context.entity(token)
        entry = context.entry(ent) if ent is not None and token.i == ent.start else None
        if entry is not None and ent is not None and entry.kind == "country":
            return entry.id if ent.label_ in {"GPE", "NORP"} else None
    return None


def nationals(ent: Span, country: str) -> Actor | None:
    """'investigated the welfare of 2,000 Libyans': a people named by a plural nationality
    inside what is acted on are that country's people, not its state."""
    root = ent.root
    if ent.label_ != "NORP" or root.tag_ not in {"NNPS", "NNS"} or root.dep_ in PEOPLE_MODIFIERS:
        return None
    return phrase_group(ent, country, "CVL")


def names_another(token: Token, ent: Span, context: DocContext) -> bool:
    """'Iraqi' in 'Iraqi Kurds': a nationality on another named people describes them."""
    owner = context.entity(token.head)
    people = token.head.tag_ in {"NNS", "NNPS"}  # not "the Israeli-Palestinian talks"
    return token.dep_ in PEOPLE_MODIFIERS and people and owner not in (None, ent)


def deep_acts(knowledge: Knowledge, event: str) -> dict[str, frozenset[str]]:
    """What `phrase.owner_entities` leaves out for an event type: the one an act of custody or
    harm is done to, for help or refusal the side a phrase is 'against', and the texts and
    plans whose subject matter names no party; and what it keeps in: the bloc adjectives that
    name the author of what is said, asked or offered."""
    against = event.lower() in knowledge.words("against_aside_events")
    return {
        "custody": knowledge.words("custody_nouns"),
        "harm": knowledge.words("harm_nouns"),
        "asides": frozenset({"against"}) if against else frozenset(),
        "documents": knowledge.words("document_nouns"),
        "affairs": knowledge.words("affairs_nouns"),
        "extent": knowledge.words("extent_preps"),
        "blocs": knowledge.words("bloc_adjectives"),
        "authored": knowledge.words("authored_nouns"),
    }


def bodies_of_their_country(recipients: list[Actor], context: DocContext) -> list[Actor]:
    """'its respect for Mali's sovereignty and ... trust with the transitional authorities':
    a state body with no country named, beside one country, belongs to that country, and the
    two are one party."""
    countries = {r.country for r in recipients if r.country is not None}
    if len(countries) != 1:
        return recipients
    (country,) = countries
    owner = context.knowledge.country_name(country)
    bodies = [r for r in recipients if r.kind == "government" and r.country is None]
    if not bodies:
        return recipients
    # the country beside them is the state they belong to: one party, in its body's entry
    return [
        r.model_copy(update={"country": country, "name": f"{owner} {r.name}"}) if r in bodies else r
        for r in recipients
        if r in bodies or r.kind not in {"country", "government"} or r.id != country
    ]


def _marked_ethnic(head: Token) -> bool:
    """'ethnic Albanians': named as an ethnic group, whatever country they live in."""
    return any(c.lower_ == "ethnic" for c in head.children)
