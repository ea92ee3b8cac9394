"""A bloc of states named by an adjective on what it says, asks or offers: 'Western
accusations' are the West's, a group of no one country."""

from __future__ import annotations

from spacy.tokens import Token


def bloc_author(token: Token, blocs: frozenset[str], authored: frozenset[str]) -> bool:
    """An adjective of `blocs` right on a noun of `authored` ('Western' in 'Western
    accusations of atrocities') names a bloc of states as the author; on other nouns
    ('Western values'), or hung elsewhere ('Western-style democracy'), it only describes."""
    return (
        token.dep_ == "amod"
        and token.lower_ in blocs
        and token.i < token.head.i
        and token.head.lemma_.lower() in authored
    )
