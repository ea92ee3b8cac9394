"""Contacts told by a noun that counts them: 'Lula's latest round of calls to X'."""

from __future__ import annotations

from spacy.tokens import Token


def series_possessor(noun: Token, series: frozenset[str]) -> list[Token]:
    """'Lula's latest round of calls to X', 'Kerry's series of meetings with Y': the
    possessor of a noun of `series` that counts contacts holds them."""
    counter = noun.head
    if noun.dep_ != "pobj" or counter.lower_ != "of" or counter.head.lemma_.lower() not in series:
        return []
    return [c for c in counter.head.children if c.dep_ == "poss"]
