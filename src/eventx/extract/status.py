"""Whether an event happened: occurred, planned, negated or hypothetical, read off the syntax."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Status
from .knowledge import Knowledge

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_HYPOTHETICAL = frozenset({"could", "might", "may"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "provided"})
# Auxiliaries that open a condition by inversion: 'Should the truce hold, ...', 'Were the
# talks to fail, ...', 'Had they agreed, ...'.
INVERTING_AUX = frozenset({"should", "were", "had"})
# Clauses that set a time against their main clause: 'when the premier meets the emir, ...'.
TEMPORAL_MARKS = frozenset({"when", "once", "after", "before", "while", "as"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


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
        elif _purpose_clause(current):
            # "refused to travel to Kyiv to meet": the purpose shares its governor's fate
            current = current.head
            chain.append(current)
        else:
            break
    return chain


def _purpose_clause(token: Token) -> bool:
    """A subjectless 'to' infinitive adjunct: 'to meet' in 'flew to Berlin to meet Scholz'."""
    children = list(token.children)
    return (
        token.dep_ == "advcl"
        and token.head != token
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children)
    )


def _purpose_of_journey(chain: list[Token], knowledge: Knowledge) -> bool:
    """The contact is why someone is somewhere or goes there ('is in London to meet the
    prime minister', 'flew to Berlin to meet Scholz'): at the time of writing it is ahead."""
    journey = knowledge.words("journey_verbs")
    return any(
        _purpose_clause(token)
        and (token.head.lemma_ == "be" or token.head.lemma_.lower() in journey)
        for token in chain
    )


def _future_time_clause(chain: list[Token]) -> bool:
    """A present-tense contact in a time clause of a future main clause ('when the premier
    meets the emir on Friday, trade will top the agenda')."""
    for token in chain:
        if token.dep_ != "advcl" or token.tag_ not in PRESENT_TAGS:
            continue
        if not any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in TEMPORAL_MARKS for c in token.children
        ):
            continue
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.head.children):
            return True
    return False


def _conditional(token: Token) -> bool:
    """The token heads, or sits in, a clause introduced by 'if'/'unless' or by inversion."""
    for child in token.children:
        if child.dep_ == "advcl" and (
            any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in child.children)
            or _inverted_condition(child)
        ):
            return True
    return token.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in token.children
    )


def _inverted_condition(clause: Token) -> bool:
    """'Should the ceasefire hold, X and Y will meet': a fronted clause opened by an
    auxiliary before its own subject is a condition, as 'if' would be."""
    first = clause.left_edge
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return (
        first.lower_ in INVERTING_AUX
        and first.i < clause.head.i
        and (first == clause or first.head == clause)
        and any(first.i < s.i < clause.i or (first == clause and s.i > first.i) for s in subjects)
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
    if (
        any(_conditional(token) for token in governors)
        or _inside_condition(trigger)
        or auxes & MODAL_HYPOTHETICAL
    ):
        return Status.hypothetical
    if _offered(trigger, knowledge):
        return Status.hypothetical
    if auxes & FUTURE_AUX or "would" in auxes or lemmas & words("planning_verbs"):
        return Status.planned
    if _purpose_of_journey(chain, knowledge) or _future_time_clause(chain):
        return Status.planned
    if _is_to(governors) or any(
        c.lower_ in words("planning_modifiers")
        for c in trigger.children
        if c.dep_ in {"amod", "compound"}
    ):
        return Status.planned
    return Status.occurred


def _inside_condition(trigger: Token) -> bool:
    """The trigger sits anywhere inside an 'if' clause: 'if the two sides reach agreement at
    the talks' (a noun deep in the clause, not only its verb)."""
    return any(
        ancestor.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in ancestor.children)
        for ancestor in trigger.ancestors
    )


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
