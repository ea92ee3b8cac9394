"""Parties joined to a named one by 'along with', 'alongside' or 'together with': 'Russia,
along with China, vetoed ...' has two actors, as 'Russia and China vetoed ...' does."""

from __future__ import annotations

from spacy.tokens import Token


def _companion(prep: Token) -> Token | None:
    """The preposition whose object is the companion: 'alongside X', 'along with X',
    'together with X'; None for any other ('talks with X' names no companion)."""
    if prep.dep_ != "prep":
        return None
    word = prep.lower_
    if word == "alongside":
        return prep
    if word == "along":
        return next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    if word == "with" and any(c.lower_ == "together" for c in prep.children):
        return prep
    return None


def companions(token: Token) -> list[Token]:
    """The companions of a party, in text order: on the party itself ('Kenya, together with
    Uganda and Tanzania, signed'), or, for a subject, on its verb between the two ('Russia and
    China, along with Iran, condemned'). A companion phrase after the verb ('met the premier
    along with the minister') is left alone: it may belong to either side."""
    preps = [c for c in token.children if c.i > token.i]
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.i > token.i:
        preps += [c for c in token.head.children if token.i < c.i < token.head.i]
    found: list[Token] = []
    for prep in preps:
        inner = _companion(prep)
        if inner is None:
            continue
        for pobj in inner.children:
            if pobj.dep_ == "pobj":
                found.extend(t for t in (pobj, *pobj.conjuncts) if t not in found)
    return sorted(found, key=lambda t: t.i)
