"""Senses of a trigger that are not its event: absorbed content, other domains, the press."""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from ..schema import Actor, Place, TriggerRule
from .actor import DocContext
from .argument import Arguments
from .discourse import DocState, refers_back
from .knowledge import Knowledge


def another_sense(
    trigger: Token, rule: TriggerRule, args: Arguments, context: DocContext, state: DocState
) -> bool:
    """The trigger fired but the sentence tells something else: the content of another
    event, a domain that is not diplomacy, an earlier contact referred to again, a summons
    home, people outside politics."""
    if _absorbed(args.predicate, rule, context):
        return True  # "called on Israel to agree", "refused to sign": the content of another
    if context.knowledge.excluded(_words(trigger.sent), rule.event):
        return True
    if rule.forbid_governor and args.predicate.lemma_.lower() in rule.forbid_governor:
        return True  # "recalled its ambassador for consultations": a summons home
    if rule.event != "CONSULT":
        return False
    return (
        _purpose_of_contact(trigger, context)
        or refers_back(trigger, rule, args, state, context.knowledge)
        or _private_people(args.get("actors") + args.get("recipients"), context.knowledge)
        or _a_body_that_speaks(trigger, context)
        or _said_to_the_press(trigger, args, context.knowledge)
    )


def _absorbed(predicate: Token, rule: TriggerRule, context: DocContext) -> bool:
    """The event is what another event is about: its clause hangs on a trigger whose rule
    `absorbs` its complement, such as a request, agreement, refusal or threat ('agreed to
    restore relations' is one AGREE)."""
    current = predicate
    for _ in range(3):
        if current.dep_ not in {"xcomp", "ccomp"} or current.head == current:
            return False
        current = current.head
        governing = context.trigger_at.get(current.i)
        if governing is not None and governing.absorbs:
            # "agreed to hold a meeting": the agreement and the planned contact are both news
            if rule.event == "CONSULT" and governing.event == "AGREE":
                return False
            # "refused to meet": the refusal and the negated contact are both news
            if rule.event == "CONSULT" and current.lemma_.lower() in context.knowledge.words(
                "negating_verbs"
            ):
                return False
            return governing.event != rule.event
    return False


def _words(sentence: Span) -> list[str]:
    lemmas = [t.lemma_.lower() for t in sentence]
    lowers = [t.lower_ for t in sentence]
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(lowers)]
    return lemmas + lowers + pairs


def _private_people(heads: list[Token], knowledge: Knowledge) -> bool:
    """A participant is named as someone outside politics: a reporter, relatives, voters,
    a bombing suspect. Their meetings and travels are not diplomatic contacts."""
    private = knowledge.words("private_people")
    for head in heads:
        words = [head, *(c for c in head.children if c.dep_ in {"compound", "amod", "appos"})]
        if any(t.lemma_.lower() in private or t.lower_ in private for t in words):
            return True
    return False


def _purpose_of_contact(trigger: Token, context: DocContext) -> bool:
    """'visit Djibouti for talks with X', 'convene a meeting of the Council': the noun is
    what another contact trigger of the clause is for, and that one event carries it."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.dep_ == "prep":
        head = head.head
    elif trigger.dep_ not in {"dobj", "nsubjpass", "compound"}:
        return False  # "compound": the conference in "a conference call" is the call
    governing = context.trigger_at.get(head.i)
    return governing is not None and governing.event == "CONSULT" and head != trigger


def _a_body_that_speaks(trigger: Token, context: DocContext) -> bool:
    """The contact noun is inside the name of an organisation that reports or says
    something ('the Northern Conference of City Mayors reports'): a body, not a
    meeting."""
    ent = context.entity(trigger)
    if ent is None or ent.label_ != "ORG" or len(ent) < 2 or trigger.i == ent.end - 1:
        return False
    root = ent.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in context.knowledge.words(
        "speech_verbs"
    )


def _said_to_the_press(trigger: Token, args: Arguments, knowledge: Knowledge) -> bool:
    """A one-sided 'call' or 'talk' made at a news conference ('the appeal came from X, made at
    a news conference'): the press is the audience, no counterpart takes part."""
    if args.get("recipients"):
        return False
    press = knowledge.words("press_words")
    settings = knowledge.words("press_settings")
    for head in {trigger, args.predicate}:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"at", "during", "in"}:
                continue
            for noun in prep.children:
                modifiers = {
                    c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"}
                }
                if noun.lemma_.lower() in settings and modifiers & press:
                    return True
    return False


def any_at_all(trigger: Token) -> bool:
    # "would not join any talks" is a negated contact; "any consultations" alone is none
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"any", "every"} for c in trigger.children
    )


def _to_meet(predicate: Token, recipients: list[Actor]) -> bool:
    """A trip at home made to meet someone ('flew to the capital to see the president', 'a
    visit to Ottawa to meet provincial premiers') is still a contact: now that office holders
    carry their country, such trips look domestic."""
    if any(r.kind == "person" for r in recipients):
        return True
    return any(
        t.lemma_.lower() == "meet" and t.dep_ in {"xcomp", "advcl", "acl", "relcl"}
        for t in predicate.subtree
    )


def _domestic(actors: list[Actor], destination: Place) -> bool:
    """Every traveller is of the destination's own country."""
    countries = {a.country for a in actors}
    return destination.country is not None and countries == {destination.country}


def domestic_trip(
    mode: str | None,
    destination: Place | None,
    actors: list[Actor],
    recipients: list[Actor],
    predicate: Token,
) -> bool:
    """'plans to visit Dallas': a trip at home, not to a counterpart."""
    return (
        mode == "visit"
        and destination is not None
        and _domestic(actors, destination)
        and not _to_meet(predicate, recipients)
    )
