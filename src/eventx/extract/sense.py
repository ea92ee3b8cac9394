"""Senses of a trigger that are not its event: absorbed content, other domains, the press."""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from ..schema import Actor, Place, TriggerRule
from .actor import DocContext
from .argument import Arguments
from .discourse import DocState, refers_back
from .embedded import alleged_act, first_gerund
from .knowledge import Knowledge
from .trigger import for_clauses
from .utterance import no_demand


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
    if no_demand(trigger, rule):
        return True  # "declined to comment", "insisted they could win", "we must do more"
    if _kept_from(trigger, args.predicate, context.knowledge.words("preventing_verbs")):
        return True  # "barred them from travelling to the EU": the bar is the news
    if rule.forbid_governor and args.predicate.lemma_.lower() in rule.forbid_governor:
        return True  # "recalled its ambassador for consultations": a summons home
    if _officers_of_private_bodies(args.get("actors"), context.knowledge):
        return True
    if rule.event != "CONSULT":
        return False
    return (
        _judged_contact(trigger, rule, args, context)
        or _purpose_of_contact(trigger, context)
        or refers_back(trigger, rule, args, state, context.knowledge)
        or _private_people(args.get("actors") + args.get("recipients"), context.knowledge)
        or _a_body_that_speaks(trigger, context)
        or _said_to_the_press(trigger, args, context.knowledge)
    )


def _kept_from(trigger: Token, predicate: Token, preventing: frozenset[str]) -> bool:
    """What someone is kept from ('barred them from travelling to the EU', 'excluded from
    the talks') does not happen and is the content of the act that keeps them, not an
    event of its own."""
    return any(
        token.dep_ in {"pcomp", "pobj"}
        and token.head.dep_ == "prep"
        and token.head.lower_ == "from"
        and token.head.head.lemma_.lower() in preventing
        for token in {trigger, predicate}
    )


# Events whose actor judges what it is about from outside: "Moscow condemned the visit".
JUDGING_EVENTS = frozenset({"ACCUSE", "SUPPORT"})


def _judged_contact(
    trigger: Token, rule: TriggerRule, args: Arguments, context: DocContext
) -> bool:
    """'Moscow condemned the visit to Kyiv', 'Kenya welcomed the talks': a contact noun that a
    judgement is about, with no party of its own in its phrase, has only the judge for a
    party, and the judge does not take part in what it condemns or welcomes."""
    governor = args.predicate
    if trigger.pos_ != "NOUN" or governor == trigger or governor.lemma_ in rule.light_verbs:
        return False
    if trigger.head != governor or trigger.dep_ not in {"dobj", "nsubjpass"}:
        return False  # "Ruto, during his call with Abiy, faulted ...": he was on the call
    judging = context.trigger_at.get(governor.i)
    if judging is None or judging.event not in JUDGING_EVENTS:
        return False
    own = set(trigger.subtree)
    return not any(head in own for head in args.get("actors"))


def _officers_of_private_bodies(heads: list[Token], knowledge: Knowledge) -> bool:
    """'The club's president called on fans to ...', 'the president of the team': officers
    of a club, team or company act for it, not for a state, so it is no diplomatic event."""
    bodies = knowledge.words("private_bodies")

    def owner(head: Token) -> Token | None:
        for child in head.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((p for p in child.children if p.dep_ == "pobj"), None)
        return None

    owners = [owner(head) for head in heads]
    return bool(heads) and all(
        o is not None and o.ent_type_ == "" and o.lemma_.lower() in bodies for o in owners
    )


def generic_habit(
    trigger: Token, predicate: Token, parties: list[Actor], knowledge: Knowledge
) -> bool:
    """'lawmakers often receive briefings', 'foreign ministers meet regularly with their
    counterparts': a habit of unnamed groups is a general statement, no contact. A habit of
    named parties is kept, as the contacts do take place ('the two countries' delegations
    confer every few months', which a reader of real news counts)."""
    if not parties or not all(_unnamed(a) for a in parties):
        return False
    return _habitual(trigger, predicate, knowledge)


def _unnamed(party: Actor) -> bool:
    # a group ("lawmakers") or people named by their role only ("envoys", "Diplomats ...")
    role = party.title is not None and party.title.lower() == party.name.lower()
    lowered = party.name[:1].islower() or role
    return party.kind == "group" or (party.kind == "person" and party.id is None and lowered)


def _habitual(trigger: Token, predicate: Token, knowledge: Knowledge) -> bool:
    """'meets regularly with', 'used to meet', 'meet every month': a habit, not one contact."""
    adverbs = knowledge.words("habitual_adverbs")
    for head in {trigger, predicate}:
        for child in head.children:
            if child.dep_ == "advmod" and child.lower_ in adverbs:
                return True
            if child.dep_ in {"npadvmod", "advmod"} and any(
                d.dep_ == "det" and d.lower_ in {"every", "each"} for d in child.children
            ):
                return True
        used = head.head
        if (
            head.dep_ == "xcomp"
            and used.lower_ == "used"
            and not any(c.dep_ in {"auxpass", "aux"} for c in used.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        ):
            return True  # "used to meet", not "is used to meeting" nor "was used to talk"
    return False


def _absorbed(predicate: Token, rule: TriggerRule, context: DocContext) -> bool:
    """The event is what another event is about: its clause hangs on a trigger whose rule
    `absorbs` its complement, such as a request, agreement, refusal or threat ('agreed to
    restore relations' is one AGREE), or an accusation ('accused Rwanda of sending troops':
    the troops are alleged, not reported); or it is what a reported obligation asks ('said
    Kenya must be willing to host talks' is one REQUEST)."""
    current = first_gerund(predicate)
    if _obliged(current, rule, context):
        return True
    for _ in range(3):
        if alleged_act(current):
            current = current.head  # the preposition; its verb is the next head
        elif current.head == current or not _complement(current):
            return False
        current = current.head
        if _obliged(current, rule, context):
            return True
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


def _complement(clause: Token) -> bool:
    """A clause that tells what its head is about: a complement ('agreed to restore'), a
    'for X to VERB' clause ('called for Israel to withdraw'), or what one must be ready or
    willing to do ('must be willing to host talks')."""
    if clause.dep_ in {"xcomp", "ccomp"}:
        return True
    if clause.dep_ == "acomp" and clause.head.lemma_ == "be":
        return True
    return any(clause == asked_to for _, asked_to in for_clauses(clause.head))


def _obliged(verb: Token, rule: TriggerRule, context: DocContext) -> bool:
    """The verb is what a reported obligation of another type asks: its modal is a trigger
    that `absorbs` ('said Washington must mediate': the mediation is only demanded)."""
    for aux in verb.children:
        governing = context.trigger_at.get(aux.i) if aux.dep_ == "aux" else None
        if governing is not None and governing.absorbs and governing.event != rule.event:
            return True
    return False


def _words(sentence: Span) -> list[str]:
    # a known actor's own words are its name, not the domain: "the Arab League" is no
    # sports league, "the Kenyatta National Hospital" may still be aided
    words = [t for t in sentence if not (t.ent_type_ and t.ent_id_)]
    lemmas = [t.lemma_.lower() for t in words]
    lowers = [t.lower_ for t in words]
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(lowers)]
    return lemmas + lowers + pairs


def _private_people(heads: list[Token], knowledge: Knowledge) -> bool:
    """A participant is named as someone outside politics: a reporter, relatives, voters,
    a bombing suspect. Their meetings and travels are not diplomatic contacts."""
    private = knowledge.words("private_people")
    people = knowledge.words("people_nouns")
    for head in heads:
        words = [head]
        if head.pos_ != "NOUN" or head.lemma_.lower() in people:
            # "student leaders", "the bombing suspect"; in "refugee quotas were not discussed
            # in the call" the modifier tells what the thing is about, not who takes part
            words += [c for c in head.children if c.dep_ in {"compound", "amod", "appos"}]
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
    if _told_to_outsiders(trigger, knowledge):
        return True
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


def _told_to_outsiders(trigger: Token, knowledge: Knowledge) -> bool:
    """'told reporters in a briefing', 'stood with X briefing reporters': the contact noun's
    own object, or the object of the verb whose phrase holds it, is people outside politics
    (`private_people`), so they are its audience and no counterpart takes part."""
    private = knowledge.words("private_people")
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in private:
        return True  # "briefing reporters" parsed as one noun phrase
    holder = trigger.head.head if trigger.dep_ == "pobj" else None
    for head in (trigger, holder):
        if head is None:
            continue
        for child in head.children:
            if child.dep_ in {"dobj", "dative"} and child.lemma_.lower() in private:
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


def business_contact(trigger: Token, parties: list[Actor], knowledge: Knowledge) -> bool:
    """'Toyota said it would visit suppliers to negotiate prices': every party is an
    organisation the gazetteer does not know and the sentence speaks of commerce, so it is
    a business contact, not diplomacy; a government, state, known body or person taking
    part makes it one ('Volkswagen held talks with the German government')."""
    if not parties or not all(a.kind == "organization" and a.id is None for a in parties):
        return False
    words = knowledge.words("business_words")
    return any(t.lemma_.lower() in words for t in trigger.sent)
