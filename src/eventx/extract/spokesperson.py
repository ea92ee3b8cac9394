"""Who speaks for others: spokespeople and aides report what others do and take no part."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from .knowledge import Knowledge


def speaks_for_others(subject: Token, knowledge: Knowledge) -> bool:
    """'White House spokesman Ken Dale', 'a press secretary', 'an aide to the minister':
    the subject's phrase names a job of reporting what others do (`spokesperson_words`)."""
    words = knowledge.words("spokesperson_words")
    phrase = [subject, *own_phrase(subject)]
    phrase.sort(key=lambda token: token.i)
    lowered = [token.lower_ for token in phrase]
    pairs = [f"{a} {b}" for a, b in pairwise(lowered)]
    return any(word in words for word in lowered + pairs) or any(
        token.lemma_.lower() in words for token in phrase
    )


def own_phrase(head: Token) -> list[Token]:
    """The words of a noun phrase, without the clauses hung on it ('who met ...')."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ not in {"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj"}:
            found.extend([child, *own_phrase(child)])
    return found
