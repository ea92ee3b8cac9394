"""A named entity as a participant: a country or its capital, a people, a known body."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..schema import Actor, ActorKind
from .context import DocContext
from .descriptors import country_of_phrase
from .government import leader_named_government
from .homeland import legislators_country, story_country
from .kinds import (
    described_people,
    ethnic,
    people_of_a_country,
    phrase_group,
    unknown_place,
    with_country_name,
)
from .knowledge import Knowledge
from .phrase import INCLUDING

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
    for _ in range(len(head.doc)):
        if head.dep_ != "conj" or head.head == head:
            break
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in INCLUDING:
        return head.head.head.lemma_.lower() in knowledge.words("government_nouns")
    return False


def entity_actor(ent: Span, head: Token, context: DocContext, role_is_agent: bool) -> Actor | None:
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
            if described_people(head):
                return phrase_group(ent, entry.id)  # "Kenyans living in Nigeria"
            # "Palestinians blamed Israel": the people of a country acting as one
            return state_actor(entry.id, entry.name, "country", ent.text, start, end)
        if entry is not None and governmental:
            return state_actor(entry.id, entry.name, "government", ent.text, start, end)
        return None
    if label == "ORG":
        if entry is not None:
            if entry.kind == "media":
                return None  # news agencies report events; they never take part
            # an international body belongs to no state, whatever state its phrase names
            # ("the GCC and Iran", "aid from the IMF to Ukraine")
            international = entry.kind == "igo"
            country = entry.country or (
                None if international else country_of_phrase(head, context, exclude=ent)
            )
            if country is None and entry.kind in {"ministry", "government"}:
                country = home_country(head, context)  # "the foreign ministry said"
            if country is None and entry.kind == "government" and entry.sector == "LEG":
                country = legislators_country(context)  # "the Senate" of a Nairobi story
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
        if country is None and (country := leader_named_government(ent, context)):
            political = True  # "the Obama Administration": that leader's state
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
    return story_country(context)
