"""Who 'they' and 'both nations' are: the group subject of the clause a 'they' is joined
to, and no more members of the last group than the reference counts, one per country."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Actor

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
COUNTED = {"two": 2, "both": 2}
STATE_KINDS = frozenset({"country", "government"})


def conjoined_subject(pronoun: Token) -> list[Token]:
    """'If the rebels refuse to quit the north but they agree to quit the south': a 'they'
    that is the subject of a clause joined to another is that clause's group subject."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECTS or clause.dep_ != "conj" or clause.head.i == clause.i:
        return []
    return [
        s
        for s in clause.head.children
        if s.dep_ in SUBJECTS
        and s.i < pronoun.i
        and s.pos_ != "PRON"
        and (s.tag_ in {"NNS", "NNPS"} or bool(s.conjuncts))
    ]


def counted(head: Token, group: list[Actor]) -> list[Actor]:
    """'both nations' after a contact between a ministry, its state and another state: the
    two states, one party per country, not three."""
    wanted = next((COUNTED[c.lower_] for c in head.children if c.lower_ in COUNTED), None)
    if head.lower_ in COUNTED and head.dep_ in SUBJECTS:
        wanted = COUNTED[head.lower_]  # "The two spoke by telephone"
    if wanted is None or len(group) <= wanted:
        return group
    kept: dict[str | None, Actor] = {}
    for member in group:
        key = member.country or member.name
        held = kept.get(key)
        if held is None or (member.kind == "country" and held.kind != "country"):
            kept[key] = member
    one_each = [m for m in group if any(m is k for k in kept.values())]
    return one_each if len(one_each) == wanted else group
