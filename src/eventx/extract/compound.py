"""Names inside hyphenated compounds that name no party of their own: the backer in
'Russia-backed rebels', the pair in 'criticized the U.S.-Cuban thaw', the heritage in 'a
Cuban-American senator'."""

from __future__ import annotations

from spacy.tokens import Token

from .knowledge import Knowledge
from .phrase import entity_from_inside

HYPHENS = frozenset({"-", "–"})
_NAMES = frozenset({"GPE", "NORP"})
_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _after_hyphen(token: Token) -> Token | None:
    """The word after a hyphen that follows the entity `token` is in ('Russia-backed')."""
    ent = entity_from_inside(token)
    doc = token.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text not in HYPHENS:
        return None
    return doc[ent.end + 1]


def backer(token: Token, knowledge: Knowledge) -> bool:
    """'Russia-backed rebels', 'a UN-brokered truce', 'US-designated groups': the name before
    a participle of `backing_participles` is whoever backs the thing, neither the thing's
    owner nor its country."""
    after = _after_hyphen(token)
    return after is not None and after.lower_ in knowledge.words("backing_participles")


def paired(token: Token) -> bool:
    """'the U.S.-Cuban thaw', 'Russia-U.S. cooperation', 'the Israeli-Palestinian talks': a
    state joined by a hyphen to another in a modifier names what is between the two (their
    relations, their talks). Whether that is a party depends on the noun (`relation_of`)."""
    if token.ent_type_ not in _NAMES:
        return False
    ent = entity_from_inside(token)
    doc = token.doc
    following = _after_hyphen(token)
    after = following is not None and following.ent_type_ in _NAMES
    before = ent.start >= 2 and doc[ent.start - 1].text in HYPHENS
    before = before and doc[ent.start - 2].ent_type_ in _NAMES
    return (after or before) and ent.root.dep_ in _MODIFIERS


def heritage(token: Token) -> bool:
    """'a Cuban-American senator', 'Turkish-German voters': the first of two nationalities
    joined by a hyphen is where the person's family came from; the last is their country."""
    if token.ent_type_ != "NORP":
        return False
    after = _after_hyphen(token)
    return after is not None and after.ent_type_ == "NORP"


def relation_of(token: Token, knowledge: Knowledge) -> bool:
    """A paired name on a noun of `relation_nouns` ('the U.S.-Cuban thaw', 'U.S.-Russia
    ties'): the two states' relations, not something they do ('the U.S.-South Korea drills'
    are the pair's, and an act on them targets the pair)."""
    if not paired(token):
        return False
    noun = token
    for _ in range(4):
        if noun.head == noun:
            return False
        noun = noun.head
        if noun.pos_ == "NOUN":
            return noun.lemma_.lower() in knowledge.words("relation_nouns")
    return False


def backed(head: Token, knowledge: Knowledge) -> bool:
    """'Iran-backed militias': a backer is named among the noun's modifiers."""
    return any(backer(t, knowledge) for t in head.subtree if t.i < head.i and t.ent_type_)


def not_aside(heads: list[Token], knowledge: Knowledge) -> list[Token]:
    """The names inside what an act is done to, without those that stand in a compound as
    backer or one of a pair on a relation ('condemned the Russia-backed truce', 'criticized
    the U.S.-Cuban thaw'): no target of the act."""
    return [h for h in heads if not (backer(h, knowledge) or relation_of(h, knowledge))]
