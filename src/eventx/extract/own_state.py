"""Whose 'the government' a national actor addresses: its own, when the text names no other.

'Kenyan senators urged the government to ...', 'Ruto praised government ministers': a
state body named bare, on the other side of an act by people of one country, is that
country's. Contacts are left alone: a visiting minister who 'met the president' met the
host's.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Actor
from .context import DocContext
from .descriptors import country_of_phrase
from .entity_actor import state_actor
from .government import leaders_country, referred_government
from .homeland import countries_named, story_country

# Sides that speak for one country: a state, its government, an official, its legislators.
NATIONAL_KINDS = frozenset({"country", "government"})


def own_country(actors: list[Actor]) -> str | None:
    """The one country the acting side belongs to, when every party of it has one."""
    countries = {
        a.country
        for a in actors
        if a.kind in NATIONAL_KINDS or a.title is not None or a.sector == "LEG"
    }
    if not actors or None in countries or len(countries) != 1:
        return None
    return countries.pop()


def _body(head: Token, context: DocContext) -> bool:
    """'the government', 'the ministry', 'government officials': a state body by its noun."""
    words = context.knowledge.words
    bodies = words("home_body_nouns")
    if head.lemma_.lower() in bodies:
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    officials = words("collective_officials")
    return head.lemma_.lower() in officials and any(
        c.dep_ == "compound" and c.lemma_.lower() in bodies for c in head.children
    )


def _other_state_named(head: Token, own: str, context: DocContext) -> bool:
    """The sentence names another country or its capital ('accused the government of
    harbouring rebels from Somalia'): whose government is meant is not clear."""
    return any(c != own for c in countries_named(head.sent, context, places_only=True))


def _dateline_only(head: Token, recipient: Actor, context: DocContext) -> bool:
    """The body has its country from the story's dateline alone ('WASHINGTON — Kenyan
    senators urged the government ...'): the text names neither its country nor a
    government before it, so the actors' own country is the better guess."""
    story = story_country(context)
    return (
        story is not None
        and recipient.country == story
        and country_of_phrase(head, context) is None
        and referred_government(head, context) is None
        and leaders_country(head, context) is None  # "the Castro government" is Cuba's
    )


def own_bodies(
    heads: list[Token], recipients: list[Actor], actors: list[Actor], context: DocContext
) -> list[Actor]:
    """Recipients with the state bodies named bare given the actors' country: those that
    resolved to a countryless body, and the `heads` that resolved to nothing."""
    own = own_country(actors)
    if own is None or (heads and _other_state_named(heads[0], own, context)):
        return recipients
    name = context.knowledge.country_name(own)

    def state(text: str, start: int, end: int) -> Actor:
        return state_actor(own, name, "government", text, start, end)

    kept: list[Actor] = []
    for recipient in recipients:
        span = context.doc.char_span(recipient.start, recipient.end, alignment_mode="expand")
        bare = recipient.country is None and recipient.id is None
        if span is not None and not bare:
            bare = _dateline_only(span.root, recipient, context)
        if bare and span is not None and _body(span.root, context):
            recipient = state(recipient.text, recipient.start, recipient.end)
        kept.append(recipient)
    added = []
    for head in heads:
        if not _body(head, context) or context.entity(head) is not None:
            continue
        if any(r.start <= head.idx < r.end for r in kept):
            continue  # resolved already: 'the Syrian government', 'government officials'
        phrase = context.doc[head.left_edge.i : head.i + 1]
        if phrase[0].dep_ == "det":
            phrase = phrase[1:]
        added.append(state(phrase.text, phrase.start_char, phrase.end_char))
    return sorted(kept + added, key=lambda r: r.start) if added else kept
