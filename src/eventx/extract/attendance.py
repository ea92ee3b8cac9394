"""Parties of a contact told in the sentence after it: 'Russia hosted talks on X. Delegations
from A, B and C attended.', 'The briefing will be given by P and Q.'

News often reports a contact first and lists who took part in the next sentence. Such a
sentence is read as a list of that contact's parties when its main clause is a verb of
taking part (`attendance_verbs`: attend, take part, be invited, be represented, send a
delegation ...) or of running the contact (`conducting_verbs`: be given, led, chaired by ...),
and it refers back to the contact: its only contact noun is a definite one ('the talks', 'the
meeting') or it names none at all. Bounded: only the contact events of the sentence just
before, and never a sentence that tells a new contact ('a separate meeting', 'the next talks').
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..schema import Actor, Event
from .actor import DocContext
from .discourse import DEFINITE, DocState
from .participant import actors_of
from .phrase import members

# Entities that may follow 'in', 'at' or 'to' without naming something else taken part in:
# "took part in Geneva", "attended on Friday".
_SETTINGS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Attendance:
    """What a sentence of taking part says: the party heads, the side they join, and the
    definite contact noun it refers back with, if any."""

    heads: tuple[Token, ...]
    side: str  # "actors" or "recipients"
    noun: Token | None


def join_previous(
    sentence: Span, events: list[Event], context: DocContext, state: DocState
) -> None:
    """Add the parties a sentence of taking part names to the contact of the sentence just
    before (in `events`, in place), and drop the sentence's own record of that contact."""
    target = _previous_contact(sentence, events, context)
    if target is None:
        return
    found = attendance(sentence, context)
    if found is None:
        return
    event = events[target]
    names = {a.name for a in event.actors + event.recipients}
    added = [a for a in actors_of(list(found.heads), context, state) if a.name not in names]
    unique = [a for i, a in enumerate(added) if all(a.name != b.name for b in added[:i])]
    if not unique and found.noun is None:
        return
    sides = {"actors": list(event.actors), "recipients": list(event.recipients)}
    for party in unique:
        sides[_side_of(party, event, found.side)].append(party)
    events[target] = event.model_copy(update=sides)
    if found.noun is not None:
        noun = found.noun
        events[:] = [
            e for e in events if not (e.event == "CONSULT" and e.trigger_start == noun.idx)
        ]


def _side_of(party: Actor, event: Event, default: str) -> str:
    """'Kenyatta met Odinga. The talks were attended by Kenya's deputy president': a party
    of the same country as one side only, and not the other, is with that side."""
    if party.country is None:
        return default
    actors = {a.country for a in event.actors}
    recipients = {a.country for a in event.recipients}
    if party.country in actors and party.country not in recipients:
        return "actors"
    if party.country in recipients and party.country not in actors:
        return "recipients"
    return default


def _previous_contact(sentence: Span, events: list[Event], context: DocContext) -> int | None:
    """The index of the last contact event told in the sentence just before, if any."""
    if sentence.start == 0:
        return None
    previous = context.doc[sentence.start - 1].sent
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if event.event == "CONSULT" and previous.start_char <= event.start < previous.end_char:
            return index
    return None


def attendance(sentence: Span, context: DocContext) -> Attendance | None:
    """The parties a sentence's main clause says took part in a contact told before, or
    None when the sentence is no such list."""
    root = sentence.root
    clauses = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    heads: list[Token] = []
    side, noun = "recipients", None
    # "Jordan and Iraq were represented by their ministers, and Kuwait sent a delegation"
    for index, clause in enumerate(clauses):
        found = _clause(clause, context)
        if found is None:
            if index == 0:
                return None
            continue
        if noun is not None and found.noun is not None and found.noun.i != noun.i:
            return None
        heads.extend(h for h in found.heads if h not in heads)
        if index == 0:
            side = found.side
        noun = noun or found.noun
    return Attendance(tuple(heads), side, noun) if heads else None


def _clause(verb: Token, context: DocContext) -> Attendance | None:
    words = context.knowledge.words
    lemma = verb.lemma_.lower()
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    if passive and agents and subjects and lemma in words("conducting_verbs") | {"attend"}:
        # "The briefing will be given by P and Q", "The talks were attended by A and B"
        if not _refers_back(subjects[0], context):
            return None
        side = "recipients" if lemma == "attend" else "actors"
        return Attendance(_listed(agents), side, subjects[0])
    inner = _taking_part(verb, context)
    if inner is None:
        return None
    # "Also attending were the ministers of A and B": the copula's attribute is who attends
    subjects += [c for c in verb.children if c.dep_ == "attr"]
    if not subjects or any(_contact(s, context) for s in subjects):
        return None  # "The talks involved ...": a contact noun takes no part in itself
    if inner.lemma_.lower() == "take" and not any(
        c.dep_ == "dobj" and c.lower_ == "part" for c in inner.children
    ):
        return None  # "took part", not "took the floor"
    taken, noun = _taken_part_in(inner, context)
    if not taken:
        return None
    return Attendance(_listed(subjects), "recipients", noun)


def _taking_part(verb: Token, context: DocContext) -> Token | None:
    """The word of taking part a main clause turns on: its verb ('attended'), the verb of
    taking part that a verb of planning governs ('are expected to attend'), or after a
    copula, an adjective or participle ('were present', 'also attending were', 'among those
    taking part were')."""
    words = context.knowledge.words
    attending = words("attendance_verbs")
    lemma = verb.lemma_.lower()
    if lemma in attending:
        return verb
    if lemma in words("planning_verbs"):
        return next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in attending), None
        )
    if lemma != "be":
        return None
    for child in verb.children:
        if child.dep_ in {"acomp", "csubj"} and child.lemma_.lower() in attending:
            return child
        if child.dep_ == "prep" and child.lower_ == "among":
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                clause = [c for c in pobj.children if c.dep_ in {"acl", "relcl"}]
                if clause and clause[0].lemma_.lower() in attending:
                    return clause[0]
    return None


def _taken_part_in(verb: Token, context: DocContext) -> tuple[bool, Token | None]:
    """Whether the clause takes part in the contact told before, and the definite contact
    noun it names it with: (True, None) when it names nothing ('attended', 'took part',
    'sent a delegation'), (False, None) when it names something else ('attended a funeral',
    'took part in a protest')."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "xcomp"}]
    noun: Token | None = None
    for obj in objects:
        if obj.dep_ == "xcomp":
            if obj.lemma_.lower() not in context.knowledge.words("attendance_verbs"):
                return False, None  # "were invited to condemn ...": no taking part
            taken, inner = _taken_part_in(obj, context)
            if not taken:
                return False, None
            noun = noun or inner
            continue
        if obj.lemma_.lower() in {"part", "it", "them"}:
            continue  # "took part", "attended it"
        if obj.lemma_.lower() in context.knowledge.words("delegation_nouns"):
            continue  # "Kuwait sent a delegation"
        if not _refers_back(obj, context):
            return False, None
        noun = obj
    parts = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "part"]
    for holder in [verb, *parts]:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "at", "to"}:
                continue
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                if _refers_back(pobj, context):
                    noun = noun or pobj
                elif pobj.ent_type_ not in _SETTINGS:
                    return False, None
    return True, noun


def _contact(token: Token, context: DocContext) -> bool:
    rule = context.trigger_at.get(token.i)
    return rule is not None and rule.event == "CONSULT" and token.pos_ in {"NOUN", "PROPN"}


def _refers_back(noun: Token, context: DocContext) -> bool:
    """'the talks', 'the meeting': a definite contact noun that tells no new contact."""
    if not _contact(noun, context):
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    fresh = context.knowledge.words("new_contact_modifiers")
    return not any(c.lower_ in fresh for c in noun.children)


def _listed(heads: list[Token]) -> tuple[Token, ...]:
    return tuple(m for head in heads for m in members(head))
