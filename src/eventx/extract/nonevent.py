"""Acts a sentence tells but nobody did: the aim of another act, the rebuttal of a claim."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import TriggerRule

# Tags of a verb or auxiliary that carries its own tense: a clause of fact ('that Turkey was
# arming the rebels'), not a proposal in the subjunctive ('that the talks resume').
TENSED = frozenset({"VBD", "VBZ", "MD"})


def aim_of_another(verb: Token) -> bool:
    """A subjectless 'to' infinitive that tells why another act was done ('gave $40 million
    to support clinics', 'filed a suit to block the order', 'a rally to show solidarity'):
    what it names is an aim, and the act that serves it is the event."""
    children = list(verb.children)
    return (
        verb.dep_ in {"advcl", "acl"}
        and verb.head != verb
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children)
    )


def claim_object(verb: Token) -> bool:
    """The verb's object is a claim, a noun with a 'that' clause of fact ('dismissed any
    notion that his government was arming the militia', 'brushed off reports that troops
    had crossed'): a rebuttal of what was said, not a refusal of a party or of a proposal."""
    for obj in verb.children:
        if obj.dep_ not in {"dobj", "nsubjpass"} or obj.pos_ != "NOUN":
            continue
        for clause in obj.children:
            if clause.dep_ not in {"acl", "ccomp"}:
                continue
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            tensed = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
            if "that" in marks and any(t.tag_ in TENSED for t in tensed):
                return True
    return False


def named_by_clause(verb: Token) -> list[Token]:
    """What a free relative object is called ('committed what the court calls genocide',
    'committed what Kyiv believes to be war crimes'): the nouns the clause names it by, so a
    sense filter on the object sees 'genocide' as it would in 'committed genocide'."""
    names: list[Token] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.left_edge.tag_ != "WP":
            continue
        if clause.left_edge.lower_ != "what":
            continue
        frontier = [clause]
        for _ in range(3):
            names += [c for t in frontier for c in t.children if c.dep_ in {"oprd", "attr"}]
            frontier = [c for t in frontier for c in t.children if c.dep_ == "xcomp"]
    return names


# Dependents that say what is agreed: "agreed to talks", "agreed that ...", "agreed a truce".
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "advcl"})


def concurring(verb: Token, rule: TriggerRule) -> bool:
    """'seemed to agree with the general', 'agrees with Kenya': a 'with' phrase and nothing
    agreed upon is a view shared, not an agreement ('agreed with Kenya on a truce', 'agreed
    with Kenya to reopen the border' are agreements)."""
    children = list(verb.children)
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in children):
        return False
    return not any(
        c.dep_ in CONTENT_DEPS or (c.dep_ == "prep" and rule.preps.get(c.lower_) == "topic")
        for c in children
    )
