"""How far a negation, condition or tense reaches: a contrasted verb, a threat's own 'if'."""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from .knowledge import Knowledge

# Conjunctions that set a verb against the one before: "did not deny the raid but blamed the
# rebels" blames; the first verb's negation is its own.
CONTRASTING = frozenset({"but", "yet"})
# A contracted auxiliary before a bare verb is 'would' ("he'd ask"), before a participle
# 'had' ("he'd asked"); the tagger leaves the contraction as it is written.
CONTRACTED = frozenset({"'d", "’d"})
CONDITION_MARKS = frozenset({"if", "unless", "provided"})


def contrasted(chain: list[Token], siblings: set[Token]) -> set[Token]:
    """The first conjuncts in `chain` that a 'but' or 'yet' sets against the verb after them:
    they share its subject, not its negation ('did not deny X but blamed Y')."""
    found: set[Token] = set()
    for below, token in itertools.pairwise(chain):
        if token not in siblings or below.head != token or below.dep_ != "conj":
            continue
        if any(
            c.dep_ == "cc" and c.lower_ in CONTRASTING and token.i < c.i < below.i
            for c in token.children
        ):
            found.add(token)
    return found


def auxiliary_forms(children: list[Token], exclude: Token) -> set[str]:
    """The auxiliaries among `children`, with a contracted 'd before a bare verb read as
    'would' ("said he'd ask Congress" is still to come)."""
    forms: set[str] = set()
    for child in children:
        if child.dep_ not in {"aux", "auxpass"} or child == exclude:
            continue
        if child.lower_ in CONTRACTED and child.head.tag_ == "VB":
            forms.add("would")
        else:
            forms.add(child.lower_)
    return forms


def own_condition(token: Token, trigger: Token, knowledge: Knowledge) -> bool:
    """The 'if' clause hangs on a verb whose content is conditional by nature ('threatened
    sanctions if Moscow disrupts the vote', 'vowed to retaliate unless ...'): the threat or
    vow was made, the condition is what it says, so it does not make it hypothetical."""
    if token != trigger or any(
        m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in token.children
    ):
        return False  # "if Canada threatens tariffs": the threat itself is the condition
    return token.lemma_.lower() in knowledge.words("conditional_content_verbs")


def outcome_failed(trigger: Token, governor: Token, knowledge: Knowledge) -> bool:
    """A contact noun is the subject of a failing verb whose complement is an outcome ('the
    Vienna round failed to produce a deal'): the talks took place, what they did not bring is
    the news. A complement of taking place ('the meeting failed to happen') still negates."""
    if trigger.dep_ != "nsubj" or trigger.head != governor or trigger.pos_ != "NOUN":
        return False
    outcomes = [c for c in governor.children if c.dep_ == "xcomp"]
    happening = knowledge.words("happening_verbs")
    return bool(outcomes) and not any(c.lemma_.lower() in happening for c in outcomes)


def narrative_go(verb: Token) -> bool:
    """'went on to accuse', 'goes on to criticize': 'go on' tells what came next, not a plan
    ('is going to meet' is one)."""
    return verb.lemma_.lower() == "go" and any(
        c.dep_ == "prt" and c.lower_ == "on" for c in verb.children
    )


def supposed(trigger: Token) -> bool:
    """The trigger is inside an 'if' clause, as its verb or deeper ('if it does not contribute
    troops', 'if the rebels are not ready to withdraw'): a negation there is part of what is
    supposed, so the act is hypothetical, not denied."""
    return any(
        token.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in token.children)
        for token in (trigger, *trigger.ancestors)
    )


# Prepositions of a time before the verb's act: "after months of talks, X announced ...".
BEFORE_PREPS = frozenset({"after", "following"})
PAST_TAGS = frozenset({"VBD", "VBN"})


def preceding(trigger: Token) -> bool:
    """A contact noun in an 'after' phrase of a past verb ('after weeks of quiet
    negotiations, both governments announced ...', 'following talks with X, she said'): it came
    before that act, so it took place, whatever the verb plans."""
    current = trigger
    for _ in range(3):
        prep = current.head
        if current.dep_ != "pobj" or prep.dep_ != "prep":
            return False
        if prep.lower_ in BEFORE_PREPS:
            verb = prep.head
            return verb.pos_ in {"VERB", "AUX"} and verb.tag_ in PAST_TAGS
        if prep.lower_ != "of":
            return False
        current = prep.head  # "months of negotiations"
    return False
