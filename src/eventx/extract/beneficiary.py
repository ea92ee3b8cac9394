"""Who a gift is for when the text says so only in its purpose: 'will provide $500 million to
help Ukraine repair power plants', 'sent aid to help Turkey and Syria cope'."""

from __future__ import annotations

from spacy.tokens import Token

from .knowledge import Knowledge

PARTY_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP"})
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})


def helped_parties(trigger: Token, knowledge: Knowledge) -> list[Token]:
    """The parties named right after a helping verb (`helping_verbs`) in a 'to' infinitive
    that gives the purpose of the trigger or of what it gives. The parser often makes the
    helped party a modifier of the next noun ('help [Ukraine repair power] plants'), so the
    party is read off the words after the verb: a name, or a list of names."""
    helping = knowledge.words("helping_verbs")
    for token in trigger.subtree:
        if (
            token.lemma_.lower() in helping
            and token.dep_ in PURPOSE_DEPS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        ):
            return _names_after(token)
    return []


def _names_after(verb: Token) -> list[Token]:
    doc = verb.doc
    found: list[Token] = []
    i = verb.i + 1
    while i < len(doc) and doc[i].lower_ == "the":
        i += 1
    while i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ in PARTY_LABELS:
        found.append(doc[i])
        i += 1
        while i < len(doc) and doc[i].ent_iob_ == "I":
            i += 1
        if i < len(doc) and doc[i].lower_ in {",", "and"}:
            i += 1
            if i < len(doc) and doc[i].lower_ == "and":
                i += 1
            continue
        break
    return found
