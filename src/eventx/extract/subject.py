"""The subject of a verb, followed up through the clauses that share it, and a passive's agent."""

from __future__ import annotations

from spacy.tokens import Token

from .phrase import members

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Clauses that share their head's subject: "was scheduled to meet", "met ... and held talks".
SUBJECT_SHARING = frozenset({"xcomp", "conj", "advcl", "acl", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# A gerund after one of these on a verb with an object is the object's doing: "accused X of
# blocking", "thanked X for hosting", "kept X from visiting".
OBJECT_CONTROL_PREPS = frozenset({"of", "for", "from", "against", "on", "with"})


def subject_of(verb: Token, controllers: frozenset[str] = frozenset()) -> tuple[list[Token], bool]:
    """The subject heads of a verb and whether it is passive, following shared subjects up.
    Under one of the `controllers` ('left X to hold talks') the governing verb's object is
    the subject."""
    current = verb
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if (
            subjects
            and current.dep_ == "relcl"
            and all(s.lower_ in RELATIVE_PRONOUNS for s in subjects)
        ):
            named = current.head
            if named.dep_ == "attr" and named.head.lemma_ == "be":
                # "Hunter ... is a former Marine who visited": the one the Marine is
                copula = [c for c in named.head.children if c.dep_ in SUBJECT_DEPS]
                named = copula[0] if copula else named
            return members(named), False  # "Doe, who arrived in Nairobi"
        if subjects:
            return [m for s in subjects for m in members(s)], False
        passive = [c for c in current.children if c.dep_ == "nsubjpass"]
        if passive:
            # Only the verb's own passive subject is its object: in "X was scheduled to
            # meet Y", X is the one who meets.
            return [m for s in passive for m in members(s)], current == verb
        if current.dep_ == "relcl":  # "the minister, who met ..." -> the minister
            return members(current.head), False
        rootless = current.head.dep_ == "ROOT" and current.head.pos_ in {"NOUN", "PROPN"}
        if current.dep_ == "acl" and (current.tag_ == "VBD" or rootless):
            # a finite verb the parser hung on its own subject: "The director ..., Jane van
            # der Doe, called on Iran" (an 'acl' participle, "a move described as", is VBN)
            return members(current.head), False
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            prep, governor = current.head, current.head.head
            done_by = [
                c
                for c in governor.children
                if c.dep_ == "dobj" and c.i < prep.i and c.pos_ != "PRON"
            ]
            if prep.lower_ in OBJECT_CONTROL_PREPS and done_by:
                # "accused Ukraine of blocking", "thanked Uganda for hosting": the one
                # accused or thanked does it ("bar them from travelling": whom 'them' is
                # the clause does not say, so not the last group)
                return [m for c in done_by for m in members(c)], False
            # "after meeting with X, Y said": the clause the phrase hangs on has the subject
            current = governor
            continue
        if current.dep_ not in SUBJECT_SHARING or current.head == current:
            break
        controller = [c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i]
        if current.dep_ == "xcomp" and controller and current.head.lemma_.lower() in controllers:
            # "leaving the adviser to hold talks", "invited Diop to visit": the object of
            # the governing verb does it, not its subject
            return [m for c in controller for m in members(c)], False
        if (
            current.dep_ == "advcl"
            and current.tag_ not in {"VBG", "VBN"}
            and any(c.dep_ == "mark" for c in current.children)
        ):
            break  # "before X met Y": a new clause with its own subject
        current = current.head
    return [], False


def agent(verb: Token) -> list[Token]:
    return [
        member
        for prep in verb.children
        if prep.dep_ == "agent"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for member in members(pobj)
    ]
