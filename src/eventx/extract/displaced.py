"""Parties the small parser hangs away from their trigger, found where the text puts them.

An editor's brackets cut a name off its title, a possessor before a hyphenated compound is
hung elsewhere, a partner named once serves two coordinated verbs, and a long object moved
after an 'as' phrase becomes an apposition.
"""

from __future__ import annotations

from spacy.tokens import Token

from .phrase import entity_from
from .trigger import OBJECT_DEPS


def past_brackets(title: Token) -> Token:
    """'with President [Barack] Obama': an editor's bracketed insertion cuts a name off its
    title, and the parser hangs the name elsewhere; the name past the brackets is meant."""
    doc = title.doc
    bracket = title.i + 1
    if title.ent_type_ != "TITLE" or bracket >= len(doc) or doc[bracket].text != "[":
        return title
    if doc[bracket].ent_type_ == "TITLE" or any(t.ent_type_ == "PERSON" for t in title.subtree):
        return title
    for token in doc[bracket + 1 : min(bracket + 6, len(doc) - 1)]:
        if token.text == "]":
            name = doc[token.i + 1]
            named = name.ent_iob_ == "B" and name.ent_type_ == "PERSON"
            return entity_from(name).root if named else title
    return title


def stray_possessor(noun: Token) -> list[Token]:
    """'Cuba and Iran-Obama's earlier video call with X': a name with its ''s' right before
    the noun's phrase, which the parser hung elsewhere, is still the noun's possessor."""
    if noun.pos_ not in {"NOUN", "PROPN"} or any(c.dep_ == "poss" for c in noun.children):
        return []
    start = noun.left_edge.i
    if start == 0 or noun.doc[start - 1].dep_ != "case":
        return []
    owner = noun.doc[start - 1].head
    if owner.i != start - 2 or owner.ent_type_ not in {"PERSON", "GPE", "ORG", "NORP"}:
        return []
    return [owner]


def conjoined_objects(verb: Token) -> list[Token]:
    """The objects of the verbs coordinated after a verb: in 'cut ties or downgraded their
    relations with Iran' the partner named once serves both."""
    return [
        obj
        for conj in verb.children
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > verb.i
        for obj in conj.children
        if obj.dep_ == "dobj"
    ]


def shifted_objects(verb: Token) -> list[Token]:
    """'condemned as a grave violation Serbia's treatment of ...': a long object moved after
    an 'as' phrase, which the parser hangs on that phrase as an apposition."""
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return []
    return [
        appos
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for appos in pobj.children
        if appos.dep_ == "appos"
    ]
