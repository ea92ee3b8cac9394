"""An event's mode: the rule's, refined by the sentence (multilateral, by phone, kind of aid)."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Actor, Place, TriggerRule
from .actor import DocContext
from .argument import Arguments
from .discourse import DocState
from .knowledge import Knowledge
from .when import date_phrase


def event_mode(
    trigger: Token,
    rule: TriggerRule,
    args: Arguments,
    actors: list[Actor],
    recipients: list[Actor],
    knowledge: Knowledge,
) -> str | None:
    """The rule's mode, refined: AID by what is given, a meeting of a group multilateral."""
    mode = rule.mode
    if rule.event == "AID" and mode is None:
        return _aid_mode(args.predicate, knowledge)
    if rule.event != "CONSULT" or mode != "meet":
        return mode
    group = not recipients and len(actors) == 1 and _collective(args.get("actors"), knowledge)
    if group or _collective(_of_phrase(trigger), knowledge):
        return "multilateral"  # "the foreign ministers of the Nordic-Baltic Eight met"
    if _many_sided(trigger, args, knowledge):
        return "multilateral"
    return mode


def _aid_mode(predicate: Token, knowledge: Knowledge) -> str | None:
    """PLOVER's AID mode from what is given: weapons are military, food humanitarian."""
    words = {t.lemma_.lower() for t in predicate.subtree} | {t.lower_ for t in predicate.subtree}
    modes = (
        ("military", knowledge.words("aid_mode_military")),
        ("humanitarian", knowledge.words("aid_mode_humanitarian")),
        ("economic", knowledge.words("aid_mode_economic")),
    )
    return next((mode for mode, listed in modes if words & listed), None)


def _collective(heads: list[Token], knowledge: Knowledge) -> bool:
    """A plural group of officials as the subject: 'the foreign ministers of the G7'. A
    group counted as two ('the two leaders', 'both ministers') is a pair, so a meeting."""
    officials = knowledge.words("collective_officials")
    return any(h.tag_ == "NNS" and h.lemma_.lower() in officials and not _a_pair(h) for h in heads)


def _a_pair(noun: Token) -> bool:
    return any(
        c.dep_ in {"nummod", "det", "predet"} and c.lower_ in {"two", "2", "both"}
        for c in noun.children
    )


def _of_phrase(noun: Token) -> list[Token]:
    """Heads of a noun's 'of' complement: the ministers in 'a meeting of EU ministers'."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _many_sided(trigger: Token, args: Arguments, knowledge: Knowledge) -> bool:
    """'international negotiations', 'a meeting of the five states' envoys', 'the
    nine nations met': a contact of many states, told by a modifier or a number."""
    if trigger.pos_ == "NOUN" and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in knowledge.words("multilateral_modifiers")
        for c in trigger.children
    ):
        return True
    states = knowledge.words("state_nouns")
    phrases = [trigger] if trigger.pos_ == "NOUN" else args.get("actors") + args.get("recipients")
    for phrase in phrases:
        for token in phrase.subtree:
            if token.lemma_.lower() not in states:
                continue
            for number in token.children:
                if number.dep_ == "nummod" and _at_least_three(number.lower_):
                    return True
    return False


def _at_least_three(word: str) -> bool:
    # "four", "six", "28", "several"; not "two" or "both", which make a bilateral contact
    if word.isdigit():
        return int(word) >= 3
    return word.isalpha() and word not in {"one", "two", "both", "a"}


def by_phone(
    trigger: Token,
    args: Arguments,
    parties: list[Actor],
    venue: Place | None,
    context: DocContext,
    state: DocState,
) -> bool:
    """'In a long-awaited call, the chancellor also spoke with X', 'the two leaders discussed
    ... in a phone call', 'they discussed' after the call: a conversation told next to a
    phone call, or going on with the parties of the last one, is that call."""
    knowledge = context.knowledge
    if trigger.lemma_.lower() not in knowledge.words("conversation_verbs"):
        return False
    phone = knowledge.words("phone_words")
    if any(t.lemma_.lower() in phone for t in trigger.sent):
        return True
    return _goes_on_with_the_call(trigger, args, parties, venue, context, state)


def _goes_on_with_the_call(
    trigger: Token,
    args: Arguments,
    parties: list[Actor],
    venue: Place | None,
    context: DocContext,
    state: DocState,
) -> bool:
    """'They also discussed Sudan' right after the call is more of that call. A contact
    noun ('held talks', 'the Jeddah talks'), a conversation somewhere or on a day of its own
    ('on Thursday, they talked in Riyadh'), or one told sentences later is a new contact:
    parties who phoned on Monday may well meet on Thursday."""
    if trigger.pos_ != "VERB" or venue is not None:
        return False
    last = state.last_by_type.get("CONSULT")
    if last is None or last.mode != "phone":
        return False
    sentence = trigger.sent
    before = sentence.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    if not before.start_char <= last.start < sentence.end_char:
        return False  # not in this sentence or the one before
    names = {a.name for a in parties}
    if not names or not names <= {a.name for a in last.actors + last.recipients}:
        return False
    return date_phrase(trigger, args.predicate, context) is None


def enough_parties(
    rule: TriggerRule,
    mode: str | None,
    actors: list[Actor],
    recipients: list[Actor],
    venue: Place | None,
    among: bool = False,
) -> bool:
    """A contact needs two sides, unless its rule allows one ('a meeting of EU ministers'),
    it is multilateral, it is a visit to a named place, or its one side is a group whose
    members met among themselves (`among`: 'rival factions met in Cairo')."""
    if mode == "multilateral" or (mode == "visit" and venue is not None):
        return True
    if among and len(actors) == 1 and not recipients:
        return True
    return len(actors) + len(recipients) >= rule.min_parties


def met_among_themselves(args: Arguments, knowledge: Knowledge) -> bool:
    """'Rival factions met in Cairo', 'opposition parties met on Tuesday': the subject of a
    contact verb with no other side is a plural of `group_participants` (parties,
    factions, rebels), so its members are the sides. Plural officials meeting
    ('the ministers met') are a multilateral meeting already (`_collective`)."""
    if args.predicate.pos_ != "VERB" or args.get("recipients"):
        return False
    return any(
        head.tag_ in {"NNS", "NNPS"}
        and head.lemma_.lower() in knowledge.words("group_participants")
        and not _a_pair(head)
        for head in args.get("actors")
    )
