"""Whether an event happened: occurred, planned, negated or hypothetical, read off the syntax."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from ..schema import Status
from .knowledge import Knowledge
from .scope import (
    auxiliary_forms,
    contrasted,
    narrative_go,
    outcome_failed,
    own_condition,
    preceding,
    supposed,
)

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_HYPOTHETICAL = frozenset({"could", "might", "may"})
# 'Congress must agree', 'the envoy should meet': what is owed has not happened yet.
MODAL_OBLIGATION = frozenset({"must", "should", "ought"})
# Prepositions of an adjunct that sets a contact noun as the scene of its clause ('was not
# discussed in the call'): the clause's negation is about what was said, not the contact.
SCENE_PREPS = frozenset({"in", "during", "at"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "provided"})
# Auxiliaries that open a condition by inversion: 'Should the truce hold, ...', 'Were the
# talks to fail, ...', 'Had they agreed, ...'.
INVERTING_AUX = frozenset({"should", "were", "had"})
# Clauses that set a time against their main clause: 'when the premier meets the emir, ...'.
TEMPORAL_MARKS = frozenset({"when", "once", "after", "before", "while", "as"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _chain_and_siblings(trigger: Token, predicate: Token) -> tuple[list[Token], set[Token]]:
    """The trigger, its light verb and the verbs governing them through open complements,
    and the verbs in that chain reached as a coordinated verb's first conjunct: those share
    its subject and auxiliaries, but their own meaning is a sibling event ('denies the
    charges and accuses X' is no denied accusation)."""
    chain = [trigger]
    siblings: set[Token] = set()
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
        elif (
            current.dep_ == "acomp"
            and current.pos_ in {"ADJ", "VERB"}
            and current.head.lemma_ == "be"
        ):
            # "must be prepared to impose", "will be ready to talk": the copula's auxiliaries
            current = current.head
            chain.append(current)
        elif current.dep_ == "conj" and not any(
            c.dep_ in {"nsubj", "aux"} for c in current.children
        ):
            current = current.head
            chain.append(current)
            siblings.add(current)
        elif _purpose_clause(current):
            # "refused to travel to Kyiv to meet": the purpose shares its governor's fate
            current = current.head
            chain.append(current)
        else:
            break
    return chain, siblings


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
        and not narrative_go(token.head)
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


def _open_question(clause: Token) -> bool:
    """'did not say whether the ministers discussed ...', 'would not say if X met Y', 'it was
    unclear whether they would meet': a clause that a question opens is not told as fact."""
    if clause.dep_ not in {"ccomp", "csubj"}:
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return "whether" in marks or (clause.dep_ == "ccomp" and "if" in marks)


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


def event_status(
    trigger: Token, predicate: Token, knowledge: Knowledge, light_verbs: tuple[str, ...] = ()
) -> Status:
    """The status of the event a trigger expresses.

    Negation beats everything ('will not meet' is negated); a condition or a modal of
    possibility or obligation makes it hypothetical; future auxiliaries, planning verbs and
    a contact that something is ahead of or prepares make it planned. `light_verbs` are the
    rule's verbs that carry a noun trigger ('took part in talks'), whose negation is the
    contact's.
    """
    chain, siblings = _chain_and_siblings(trigger, predicate)
    contrast = contrasted(chain, siblings)
    # Verbs governing a noun trigger ("cancelled the talks") or a verb ("refused to meet").
    governors = list(chain)
    if trigger.dep_ in {"dobj", "nsubjpass", "nsubj"} and trigger.head not in governors:
        governors.append(trigger.head)  # "a meeting ... was not on the agenda"
    children = [child for token in governors for child in token.children]
    lemmas = {form for token in governors[1:] if token not in siblings for form in _forms(token)}
    lemmas |= {
        form
        for token in governors
        if token != trigger and token.pos_ == "VERB" and token not in siblings
        for form in _forms(token)
    }
    lemmas -= {form for token in governors if narrative_go(token) for form in _forms(token)}
    # "the issue was not discussed in the call": the call took place
    taking_part = knowledge.words("participation_verbs") | frozenset(light_verbs)
    deniable = [
        t
        for t in governors
        if not _scene_of(trigger, t, taking_part)
        and t not in contrast
        and not outcome_failed(trigger, t, knowledge)
    ]
    negated = any(c.dep_ == "neg" for t in deniable for c in t.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in trigger.children
    )
    words = knowledge.words
    denied = {f for t in deniable for f in _forms(t)} & lemmas & words("negating_verbs")
    if (negated or denied) and supposed(trigger):
        return Status.hypothetical  # "if it does not contribute troops": supposed, not denied
    if negated or denied - words("deferring_verbs") or _particle_off(governors):
        return Status.negated
    if denied:
        return Status.planned  # "delaying his meeting with X": put off, still to come
    if preceding(trigger):
        return Status.occurred  # "after weeks of talks, they announced": the talks came first

    # the trigger itself may be the modal: "said Sudan must return" is a request made
    auxes = auxiliary_forms(children, trigger)
    if (
        any(
            (_conditional(token) and not own_condition(token, trigger, knowledge))
            or _open_question(token)
            for token in governors
        )
        or _inside_condition(trigger)
        or auxes & (MODAL_HYPOTHETICAL | MODAL_OBLIGATION)
    ):
        return Status.hypothetical
    if _offered(trigger, knowledge):
        return Status.hypothetical
    # A verb that plans what it governs does not plan where it happens: 'agreed the
    # measures at a meeting' is an agreement made at a meeting that took place.
    planning = {f for t in governors if t not in deniable for f in _forms(t)} - {
        f for t in deniable for f in _forms(t)
    }
    if auxes & FUTURE_AUX or "would" in auxes or (lemmas - planning) & words("planning_verbs"):
        return Status.planned
    if _purpose_of_journey(chain, knowledge) or _future_time_clause(chain):
        return Status.planned
    if _awaited(trigger, words("awaiting_words")):
        return Status.planned
    if _is_to(governors) or any(
        c.lower_ in words("planning_modifiers")
        for c in trigger.children
        if c.dep_ in {"amod", "compound"}
    ):
        return Status.planned
    return Status.occurred


def _forms(verb: Token) -> set[str]:
    """The verb's lemma and the lemma its inflection gives when the lemmatizer cut a final
    'e' ('hopes', 'hoped', 'hoping' come out as 'hop'; 'slated' as 'slat')."""
    word = verb.lower_
    forms = {verb.lemma_.lower()}
    for ending, stem in (("es", "e"), ("ed", "e"), ("ing", "e"), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)] + stem)
    return forms


def _scene_of(trigger: Token, governor: Token, taking_part: frozenset[str]) -> bool:
    """The noun trigger is where its governor's act happens ('was not discussed in the
    call', 'failed to agree at the talks'), so the act's negation is not the contact's;
    a verb of taking part negates it ('did not take part in the talks', 'did not
    participate in the summit')."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SCENE_PREPS:
        return False
    verb = prep.head
    return (
        verb.pos_ in {"VERB", "AUX"}
        and verb.lemma_.lower() not in taking_part
        and (governor == verb or governor in verb.ancestors)
    )


def _awaited(trigger: Token, awaiting: frozenset[str]) -> bool:
    """A contact noun that something is ahead of or prepares for ('ahead of talks with X',
    'on the eve of the summit', 'the date and venue for a meeting', 'preparing for the
    visit'): at the time of writing it is still to come."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"of", "for", "to"}:
        return False
    holder = prep.head
    holders = [holder, *(c for c in holder.children if c.dep_ == "conj")]
    if holder.dep_ == "conj":
        holders.append(holder.head)  # "the date and venue for": 'for' hangs on 'venue'
    return any(h.lemma_.lower() in awaiting or h.lower_ in awaiting for h in holders)


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


def dated_status(status: Status, when: date | None, written: date | None) -> Status:
    """An event the text dates after the day it was written is still to come, whatever the
    tense ('their meeting next week', 'talks on Monday' in Saturday's paper)."""
    if status is Status.occurred and when is not None and written is not None and when > written:
        return Status.planned
    return status
