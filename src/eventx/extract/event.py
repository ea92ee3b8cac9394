"""Assembling event records from triggers, arguments, actors, places, status, topics and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..schema import Actor, Document, Event, Place, Status, TriggerRule, stable_id
from .actor import DocContext, resolve_actor
from .addressee import address_requests, note_letters
from .argument import Arguments, find_arguments
from .attendance import join_previous
from .caption import drop_subhead_echoes, is_caption
from .context import sentence_ents
from .discourse import DocState, remember
from .duplicate import drop_echoes, one_call_each, one_contact_each
from .knowledge import Knowledge
from .mode import by_phone, enough_parties, event_mode, met_among_themselves
from .participant import find_participants, political
from .partner import contact_partners
from .salience import note_genders
from .sense import (
    another_sense,
    any_at_all,
    business_contact,
    domestic_trip,
    generic_habit,
)
from .status import dated_status, event_status
from .topic import about_phrases, phrase_topics
from .trigger import find_triggers
from .utterance import own_side
from .venue import event_location, hosting_city, nested_venue, places_of
from .visit import at_home, host_country_default, visited_parties
from .when import date_phrase, resolve_date


def _triggers(doc: Doc, knowledge: Knowledge) -> list[tuple[Token, TriggerRule]]:
    marked = doc._.eventx_triggers if doc.has_extension("eventx_triggers") else None
    if marked is None:
        return find_triggers(doc, knowledge)
    rules = knowledge.rules_by_id
    return [(doc[i], rules[rule_id]) for i, rule_id in marked if rule_id in rules]


def build_event(
    trigger: Token,
    rule: TriggerRule,
    context: DocContext,
    document: Document,
    state: DocState,
) -> Event | None:
    """One event record for a trigger, or None when the sentence names too few participants.

    The steps: find the arguments, drop other senses, resolve the participants and the
    venue, read the mode, check it is a contact at all, then read its status and place,
    and write the record with its topics and date.
    """
    args: Arguments = find_arguments(trigger, rule, context.knowledge)
    if another_sense(trigger, rule, args, context, state):
        return None
    parties = _parties(trigger, rule, args, context, state)
    if parties is None:
        return None
    actors, recipients, venue, destination = parties
    if own_side(rule, actors, recipients):
        return None
    venue = venue or nested_venue(args, context) or hosting_city(args, context)
    mode = event_mode(trigger, rule, args, actors, recipients, context.knowledge)
    if mode == "meet" and by_phone(trigger, args, actors + recipients, venue, context, state):
        mode = "phone"
    if rule.event == "CONSULT" and not enough_parties(
        rule, mode, actors, recipients, venue, met_among_themselves(args, context.knowledge)
    ):
        return None
    if domestic_trip(mode, destination, actors, recipients, args.predicate):
        return None
    status = event_status(trigger, args.predicate, context.knowledge, rule.light_verbs)
    if rule.event == "CONSULT" and status is not Status.negated and any_at_all(trigger):
        return None  # "hopes to take part in any consultations": no contact in particular
    location, recipients = event_location(rule, venue, actors, recipients, status, context, state)
    if location is not None and location.country is not None:
        # the host of a visitor from elsewhere: "X met Foreign Minister Y of Hungary in Washington"
        actors = host_country_default(actors, recipients, location.country)
    return _record(
        trigger,
        rule,
        args,
        context,
        document,
        Draft(mode=mode, status=status, actors=actors, recipients=recipients, location=location),
    )


@dataclass
class Draft:
    """What the steps of `build_event` found, for the record to carry."""

    mode: str | None
    status: Status
    actors: list[Actor]
    recipients: list[Actor]
    location: Place | None


def _parties(
    trigger: Token, rule: TriggerRule, args: Arguments, context: DocContext, state: DocState
) -> tuple[list[Actor], list[Actor], Place | None, Place | None] | None:
    """Actors, recipients, venue and destination, or None when no party takes part."""
    actors, recipients = find_participants(trigger, rule, args, context, state)
    if not recipients and rule.event.lower() in context.knowledge.words("partner_events"):
        recipients = contact_partners(trigger, actors, state)  # "met X and agreed to ..."
    venue = next(iter(places_of(args.get("venue"), context)), None)
    destination = next(iter(places_of(args.get("destination"), context)), None)
    if rule.mode == "visit":
        recipients = visited_parties(args, destination, recipients, context, state, trigger.sent)
        recipients = at_home(actors, recipients, destination, context)
        venue = venue or destination
    if not actors and rule.event == "CONSULT" and recipients and trigger.pos_ == "NOUN":
        # "... a phone call with the president of X": one side named is still the contact
        actors, recipients = recipients, []
    if not actors:
        return None
    if rule.event != "CONSULT" and not any(political(a) for a in actors + recipients):
        return None  # "she has promised her family": a private promise, not diplomacy
    knowledge, parties = context.knowledge, actors + recipients
    if rule.event == "CONSULT" and (
        business_contact(trigger, parties, knowledge)
        or generic_habit(trigger, args.predicate, parties, knowledge)
    ):
        return None  # commerce, or a habit of unnamed groups: no diplomatic contact
    return actors, recipients, venue, destination


def _record(
    trigger: Token,
    rule: TriggerRule,
    args: Arguments,
    context: DocContext,
    document: Document,
    draft: Draft,
) -> Event:
    """The event record: the draft's findings with the sentence, topics and date."""
    sentence = trigger.sent
    status, actors, recipients = draft.status, draft.actors, draft.recipients
    phrases = about_phrases(args.get("topic"))
    topics = _topics(phrases, sentence, actors + recipients, context.knowledge)
    when = date_phrase(trigger, args.predicate, context)
    resolved, precision = None, None
    if when is not None:
        resolved, precision = resolve_date(
            when.text, document.date, prefer_future=status is Status.planned
        )
        status = dated_status(status, resolved, document.date)

    return Event(
        id=stable_id(document.doc_id, rule.event, draft.mode, trigger.idx),
        historical=_historical(args.predicate, resolved, document),
        amount=_amount(trigger, args.predicate, context) if rule.event == "AID" else None,
        doc_id=document.doc_id,
        event=rule.event,
        mode=draft.mode,
        cameo=rule.cameo,
        status=status,
        actors=actors,
        recipients=recipients,
        location=draft.location,
        topics=topics,
        about=[phrase.text for phrase in phrases],
        date=resolved,
        date_text=when.text if when is not None else None,
        date_precision=precision if resolved is not None else None,
        sentence=sentence.text.strip(),
        start=sentence.start_char + len(sentence.text) - len(sentence.text.lstrip()),
        end=sentence.start_char + len(sentence.text.rstrip()),
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger),
        rule=rule.id,
        confidence=_confidence(rule, actors, recipients, status),
    )


def _confidence(
    rule: TriggerRule, actors: list[Actor], recipients: list[Actor], status: Status
) -> float:
    score = rule.confidence
    if not recipients and len(actors) < 2:
        score *= 0.8
    if any(
        a.kind == "person" and a.title and a.title.lower() in a.name.lower()
        for a in actors + recipients
    ):
        score *= 0.9  # a role without a name ("the minister") is less certain
    if status is not Status.occurred:
        score *= 0.95
    if not all(political(a) for a in actors + recipients):
        score *= 0.85  # private people meet too; news introduces officials with their office
    return round(min(max(score, 0.0), 1.0), 2)


def _topics(
    phrases: list[Span], sentence: Span, participants: list[Actor], knowledge: Knowledge
) -> list[str]:
    topics: list[str] = []
    for phrase in phrases:
        topics += [t for t in phrase_topics(phrase, knowledge) if t not in topics]
    if topics:
        return topics
    # No 'on/about' phrase: the sentence's other words, outside the participants' names
    # ("arrived ... for consultations on regional security"). News sentences rarely mix
    # subjects; on the development set, keeping to the event's own clause lost a fifth
    # of the topics for no gain in precision.
    spans = [(a.start, a.end) for a in participants]
    words = [
        t
        for t in sentence
        if t.ent_type_ != "TITLE"  # "Trade Minister" is an office, not a topic
        and not any(start <= t.idx < end for start, end in spans)
    ]
    return phrase_topics(words, knowledge)


def _historical(predicate: Token, when: date | None, document: Document) -> bool:
    """The text puts the event well before the document: a past perfect ('had suspended')
    or a date more than half a year earlier."""
    if any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in predicate.children) and (
        predicate.tag_ == "VBN"
    ):
        return True
    return when is not None and document.date is not None and (document.date - when).days > 180


def _amount(trigger: Token, predicate: Token, context: DocContext) -> str | None:
    for head in (predicate, trigger):
        for token in head.subtree:
            ent = context.entity(token)
            if ent is not None and ent.label_ == "MONEY":
                return ent.text
    return None


def doc_events(doc: Doc, document: Document, knowledge: Knowledge) -> list[Event]:
    """All events in a parsed document, in text order, one per trigger and participant set."""
    context = DocContext.build(doc, knowledge, document.date)
    state = DocState()
    events: list[Event] = []
    seen: set[tuple[object, ...]] = set()
    by_sentence: dict[int, list[tuple[Token, TriggerRule]]] = {}
    for trigger, rule in _triggers(doc, knowledge):
        by_sentence.setdefault(trigger.sent.start, []).append((trigger, rule))
        context.trigger_at[trigger.i] = rule
    story = state
    for sentence in doc.sents:
        # a photo caption is read aside: its people are no antecedents for the story's
        state = story.aside() if is_caption(sentence, knowledge) else story
        first = len(events)
        for trigger, rule in sorted(by_sentence.get(sentence.start, []), key=lambda p: p[0].i):
            event = build_event(trigger, rule, context, document, state)
            if event is None:
                continue
            key = (
                event.start,
                event.event,
                event.mode,
                event.status,
                frozenset(a.name for a in event.actors + event.recipients),
            )
            if key not in seen:
                seen.add(key)
                events.extend(one_call_each(event))
                remember(event, state, doc)
        address_requests(sentence, events, first, context, state)
        join_previous(sentence, events, context, state)
        note_letters(sentence, context, state)
        note_genders(sentence, context, state)
        _remember_subject(sentence, context, state)
        if state is not story:
            story.after_aside(state)
    return drop_subhead_echoes(drop_echoes(one_contact_each(events, doc)), doc)


def _remember_subject(sentence: Span, context: DocContext, state: DocState) -> None:
    """The sentence's subjects, for 'he'/'she' and 'it' in the sentences that follow."""
    for ent in sentence_ents(sentence, context):
        if ent.root.dep_ not in {"nsubj", "nsubjpass"} or context.in_dateline(ent.root):
            continue
        if ent.label_ == "PERSON":
            actor = resolve_actor(ent.root, context)
            if actor is not None:
                state.last_person = actor
        elif ent.label_ in {"GPE", "ORG", "FAC"}:
            actor = resolve_actor(ent.root, context)
            if actor is not None and actor.kind != "person":
                state.last_state = actor
