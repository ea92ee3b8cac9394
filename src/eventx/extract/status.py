"""Whether an event happened: occurred, planned, negated or hypothetical, read off the syntax."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Status
from .knowledge import Knowledge

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_HYPOTHETICAL = frozenset({"could", "might", "may"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "provided"})


def _chain(trigger: Token, predicate: Token) -> list[Token]:
    """The trigger, its light verb and the verbs governing them through open complements."""
    chain = [trigger]
    if predicate != trigger:
        chain.append(predicate)
    current = predicate
    for _ in range(4):
        if current.dep_ in {"xcomp", "ccomp"} and current.head != current:
            # "was scheduled to meet": follow xcomp; reported speech keeps the status of what
            # is reported, so a ccomp stops the climb.
            if current.dep_ == "ccomp":
                break
            current = current.head
            chain.append(current)
        elif current.dep_ == "conj" and not any(
            c.dep_ in {"nsubj", "aux"} for c in current.children
        ):
            current = current.head
            chain.append(current)
        else:
            break
    return chain


def _conditional(token: Token) -> bool:
    """The token heads, or sits in, a clause introduced by 'if'/'unless'."""
    for child in token.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in child.children
        ):
            return True
    return token.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in token.children
    )


def event_status(trigger: Token, predicate: Token, knowledge: Knowledge) -> Status:
    """The status of the event a trigger expresses.

    Negation beats everything ('will not meet' is negated); a condition or a modal of
    possibility makes it hypothetical; future auxiliaries and planning verbs make it planned.
    """
    chain = _chain(trigger, predicate)
    # Verbs governing a noun trigger ("cancelled the talks") or a verb ("refused to meet").
    governors = list(chain)
    if trigger.dep_ in {"dobj", "nsubjpass", "nsubj"} and trigger.head not in governors:
        governors.append(trigger.head)  # "a meeting ... was not on the agenda"
    children = [child for token in governors for child in token.children]
    lemmas = {token.lemma_.lower() for token in governors[1:]} | {
        token.lemma_.lower() for token in governors if token != trigger and token.pos_ == "VERB"
    }

    negated = any(c.dep_ == "neg" for c in children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in trigger.children
    )
    words = knowledge.words
    if negated or lemmas & words("negating_verbs") or _particle_off(governors):
        return Status.negated

    auxes = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if any(_conditional(token) for token in governors) or auxes & MODAL_HYPOTHETICAL:
        return Status.hypothetical
    if _offered(trigger, knowledge):
        return Status.hypothetical
    if auxes & FUTURE_AUX or "would" in auxes or lemmas & words("planning_verbs"):
        return Status.planned
    if _is_to(governors) or any(
        c.lower_ in words("planning_modifiers")
        for c in trigger.children
        if c.dep_ in {"amod", "compound"}
    ):
        return Status.planned
    return Status.occurred


def _particle_off(tokens: list[Token]) -> bool:
    # "called off the visit"
    return any(
        c.dep_ == "prt" and c.lower_ == "off" and t.lemma_.lower() == "call"
        for t in tokens
        for c in t.children
    )


def _is_to(tokens: list[Token]) -> bool:
    # "is to visit", "are due to meet"
    return any(t.lemma_ == "be" and any(c.dep_ == "xcomp" for c in t.children) for t in tokens)


def _offered(trigger: Token, knowledge: Knowledge) -> bool:
    """The contact is only on offer: 'open to negotiations', 'ready to resume talks',
    'Kenya's offer to host talks'. Climbs the trigger's own clause, not past a clause
    boundary, so 'said he was ready' stays with the saying."""
    current = trigger
    for _ in range(5):
        if current.head == current or current.dep_ in {"ccomp", "advcl", "relcl", "parataxis"}:
            return False
        current = current.head
        # the adjective or noun: "open to talks", not the verb in "opened the summit"
        if current.pos_ in {"ADJ", "NOUN"} and current.lemma_.lower() in knowledge.words(
            "offering_words"
        ):
            return True
    return False
