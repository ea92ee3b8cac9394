"""Assembling event records from triggers, arguments, actors, places, status, topics and dates."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..schema import Actor, Document, Event, Place, Status, TriggerRule, stable_id
from .actor import DocContext, another_people, leader_of, resolve_actor, state_actor
from .argument import Arguments, entities_within, find_arguments
from .knowledge import Knowledge
from .place import country_actor_of, resolve_place
from .status import event_status
from .topic import about_phrases, phrase_topics
from .trigger import find_triggers
from .when import date_phrase, resolve_date

PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
# Modes whose participants are peers or meet face to face somewhere.
VENUE_MODES = frozenset({"meet", "host", "multilateral", "visit"})


@dataclass
class DocState:
    """What earlier sentences established: the last person subject and where visitors are."""

    last_person: Actor | None = None
    last_group: list[Actor] = field(default_factory=list)
    last_state: Actor | None = None
    last_by_type: dict[str, Event] = field(default_factory=dict)
    visits: dict[str, Place] = field(default_factory=dict)


def _triggers(doc: Doc, knowledge: Knowledge) -> list[tuple[Token, TriggerRule]]:
    marked = doc._.eventx_triggers if doc.has_extension("eventx_triggers") else None
    if marked is None:
        return find_triggers(doc, knowledge)
    rules = knowledge.rules_by_id
    return [(doc[i], rules[rule_id]) for i, rule_id in marked if rule_id in rules]


def _actors(heads: list[Token], context: DocContext, state: DocState) -> list[Actor]:
    actors: list[Actor] = []
    heads = _past_datelines(heads, context)
    for head in heads:
        if _plural_reference(head, context.knowledge) and len(state.last_group) > 1:
            phrase = head.doc[head.left_edge.i : head.i + 1]
            for member in state.last_group:
                if member.kind != "person" and member.country and head.lemma_.lower() == "leader":
                    member = leader_of(member.country, head, context) or member
                if all(a.name != member.name for a in actors):
                    actors.append(
                        member.model_copy(
                            update={
                                "text": phrase.text,
                                "start": phrase.start_char,
                                "end": phrase.end_char,
                            }
                        )
                    )
            continue
        actor = resolve_actor(head, context)
        if actor is None and head.ent_type_ == "NORP":
            actor = next(iter(_deep_actors([head], context)), None)  # "Russian negotiators"
        if actor is None and head.lower_ in PRONOUNS and state.last_person is not None:
            actor = state.last_person.model_copy(
                update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
            )
        if actor is None and head.lower_ == "it":
            antecedent = _reporter(head, context) or state.last_state
            if antecedent is not None:
                actor = antecedent.model_copy(
                    update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
                )
        if actor is not None and all(a.name != actor.name for a in actors):
            actors.append(actor)
    return actors


def _aid_mode(predicate: Token, knowledge: Knowledge) -> str | None:
    """PLOVER's AID mode from what is given: weapons are military, food humanitarian."""
    words = {t.lemma_.lower() for t in predicate.subtree} | {t.lower_ for t in predicate.subtree}
    modes = (
        ("military", knowledge.words("aid_mode_military")),
        ("humanitarian", knowledge.words("aid_mode_humanitarian")),
        ("economic", knowledge.words("aid_mode_economic")),
    )
    return next((mode for mode, listed in modes if words & listed), None)


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
            return governing.event != rule.event
    return False


def _collective(heads: list[Token], knowledge: Knowledge) -> bool:
    """A plural group of officials as the subject: 'the foreign ministers of the G7'."""
    officials = knowledge.words("collective_officials")
    return any(h.tag_ == "NNS" and h.lemma_.lower() in officials for h in heads)


def _past_datelines(heads: list[Token], context: DocContext) -> list[Token]:
    """'NAIROBI, May 20 — Kenyan President X hosted ...' says where the story was filed; the
    parser often makes the city the subject and hangs the real one on it."""
    found: list[Token] = []
    for head in heads:
        if not context.in_dateline(head):
            found.append(head)
            continue
        for child in head.children:
            if child.dep_ == "appos" and not context.in_dateline(child):
                if resolve_actor(child, context) is not None:
                    found.append(child)
                else:
                    found.extend(entities_within(child))
    return found


def _plural_reference(head: Token, knowledge: Knowledge) -> bool:
    """'they', 'the two sides', 'both leaders': a reference back to a group of participants."""
    if head.lower_ in PLURAL_PRONOUNS:
        return True
    if head.tag_ != "NNS" or head.lemma_.lower() not in knowledge.words("plural_referents"):
        return False
    if any(t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for t in head.subtree):
        return False  # "three Colombian diplomats" are new people, not the last group
    return any(c.lower_ in {"two", "both"} for c in head.children) or any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"the", "both", "their"} for c in head.children
    )


def _reporter(pronoun: Token, context: DocContext) -> Actor | None:
    """'Switzerland said it had expelled ...': 'it' is the state that said so."""
    clause = pronoun.head
    while clause.dep_ in {"xcomp", "conj"} and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    for subject in clause.head.children:
        if subject.dep_ == "nsubj":
            actor = resolve_actor(subject, context)
            if actor is not None and actor.kind != "person":
                return actor
    return None


def _answered(args: Arguments, state: DocState, knowledge: Knowledge) -> list[Actor]:
    """The authors of the earlier event an object noun refers back to ('rejected the
    accusation' answers the accuser), if any."""
    # Only these types have nouns that name them ('the accusation'), in EVENT_TYPES order.
    event_nouns = {
        "REQUEST": knowledge.words("event_nouns_request"),
        "SANCTION": knowledge.words("event_nouns_sanction"),
        "ACCUSE": knowledge.words("event_nouns_accuse"),
        "THREATEN": knowledge.words("event_nouns_threaten"),
    }
    for head in args.get("recipients") + args.get("topic"):
        lemma = head.lemma_.lower()
        kind = next((kind for kind, nouns in event_nouns.items() if lemma in nouns), None)
        if kind is None or not any(
            c.lower_ in {"the", "this", "these", "that"} for c in head.children
        ):
            continue
        earlier = state.last_by_type.get(kind)
        if earlier is not None:
            return [
                a.model_copy(
                    update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
                )
                for a in earlier.actors
            ]
    return []


def _remember(event: Event, state: DocState) -> None:
    """Participants of an event, for 'they', 'he' and 'it' in later sentences."""
    state.last_by_type[event.event] = event
    states = [a for a in event.actors if a.kind != "person"]
    if states:
        state.last_state = states[0]
    people = event.actors + event.recipients
    if len(people) > 1:
        state.last_group = list(people)
    persons = [a for a in people if a.kind == "person"]
    if persons:
        state.last_person = persons[0]


def _places(heads: list[Token], context: DocContext) -> list[Place]:
    places = [resolve_place(head, context) for head in heads]
    return [place for place in places if place is not None]


def _visit_recipients(destination: Place, context: DocContext, sentence: Span) -> list[Actor]:
    found = country_actor_of(destination, context)
    if found is None:
        return []
    name, iso3 = found
    # Point at the country's own mention when the sentence has one ("Mali's capital").
    for ent in _sentence_ents(sentence, context):
        entry = context.entry(ent)
        if entry is not None and entry.id == iso3 and ent.label_ == "GPE":
            return [state_actor(iso3, name, "country", ent.text, ent.start_char, ent.end_char)]
    start, end = destination.start or 0, destination.end or 0
    return [state_actor(iso3, name, "country", destination.text, start, end)]


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
    if not all(_political(a) for a in actors + recipients):
        score *= 0.85  # private people meet too; news introduces officials with their office
    return round(min(max(score, 0.0), 1.0), 2)


def build_event(
    trigger: Token,
    rule: TriggerRule,
    context: DocContext,
    document: Document,
    state: DocState,
) -> Event | None:
    """One event record for a trigger, or None when the sentence names too few participants."""
    args: Arguments = find_arguments(trigger, rule, context.knowledge)
    sentence = trigger.sent
    if _absorbed(args.predicate, rule, context):
        return None  # "called on Israel to agree", "refused to sign": the content of another
    if context.knowledge.excluded(_words(sentence), rule.event):
        return None
    actors = _actors(args.get("actors"), context, state)
    recipients = [
        r
        for r in _actors(args.get("recipients"), context, state)
        if all(r.name != a.name for a in actors)
    ]
    if not recipients and args.get("recipients"):
        # "sanctions on Iranian shipping firms": the nationality inside names the target
        inner = [t for h in args.get("recipients") for t in entities_within(h)]
        recipients = [
            r for r in _deep_actors(inner, context) if all(r.name != a.name for a in actors)
        ]
    if not recipients and rule.event in {"REJECT", "ACCUSE", "SUPPORT", "AGREE"}:
        # "rejected the accusation": the target is whoever made it
        recipients = [
            r
            for r in _answered(args, state, context.knowledge)
            if all(r.name != a.name for a in actors)
        ]
    if not recipients and args.get("deep"):
        recipients = [
            r
            for r in _deep_actors(args.get("deep"), context)
            if all(r.name != a.name for a in actors)
        ]
    venue = next(iter(_places(args.get("venue"), context)), None)
    destination = next(iter(_places(args.get("destination"), context)), None)

    if rule.mode == "visit":
        if destination is None:
            # "visited the minister": a person or body visited, not a place
            recipients += [
                r for r in _actors(args.get("destination"), context, state) if r.kind == "person"
            ]
        elif not recipients:
            recipients = _visit_recipients(destination, context, sentence)
        venue = venue or destination
    if not actors:
        return None
    if rule.event != "CONSULT" and not any(_political(a) for a in actors + recipients):
        return None  # "she has promised her family": a private promise, not diplomacy
    if venue is None:
        venue = _nested_venue(args, context)
    mode = rule.mode
    if rule.event == "AID" and mode is None:
        mode = _aid_mode(args.predicate, context.knowledge)
    if (
        rule.event == "CONSULT"
        and mode == "meet"
        and not recipients
        and len(actors) == 1
        and _collective(args.get("actors"), context.knowledge)
    ):
        mode = "multilateral"  # "the foreign ministers of the Nordic-Baltic Eight met"
    if (
        rule.event == "CONSULT"
        and mode != "multilateral"
        and not recipients
        and (len(actors) < 2 and not (mode == "visit" and venue is not None))
    ):
        return None

    status = event_status(trigger, args.predicate, context.knowledge)
    location = venue
    if location is None and rule.mode in VENUE_MODES:
        location = _inherited_venue(actors, recipients, state)
    if location is not None and location.country is not None:
        recipients = _host_country_default(recipients, actors, location.country)
        # and the other way round: "X met Foreign Minister Y of Hungary in Washington"
        actors = _host_country_default(actors, recipients, location.country)
    recipients = _bodies_of_their_country(recipients, context)
    if rule.mode in {"visit", "multilateral"} and venue is not None and status is Status.occurred:
        for actor in actors:  # they are there now: later meetings happen there too
            state.visits[actor.name] = venue

    phrases = about_phrases(args.get("topic"))
    topics: list[str] = []
    for phrase in phrases:
        topics += [t for t in phrase_topics(phrase, context.knowledge) if t not in topics]
    if not topics:
        # No 'on/about' phrase: the sentence's other words, outside the participants' names
        # ("arrived ... for consultations on regional security"). News sentences rarely mix
        # subjects; on the development set, keeping to the event's own clause lost a fifth
        # of the topics for no gain in precision.
        participants = [(a.start, a.end) for a in actors + recipients]
        words = [
            t
            for t in sentence
            if t.ent_type_ != "TITLE"  # "Trade Minister" is an office, not a topic
            and not any(start <= t.idx < end for start, end in participants)
        ]
        topics = phrase_topics(words, context.knowledge)
    when = date_phrase(trigger, args.predicate, context)
    resolved, precision = None, None
    if when is not None:
        resolved, precision = resolve_date(
            when.text, document.date, prefer_future=status is Status.planned
        )

    return Event(
        id=stable_id(document.doc_id, rule.event, mode, trigger.idx),
        historical=_historical(args.predicate, resolved, document),
        amount=_amount(trigger, args.predicate, context) if rule.event == "AID" else None,
        doc_id=document.doc_id,
        event=rule.event,
        mode=mode,
        cameo=rule.cameo,
        status=status,
        actors=actors,
        recipients=recipients,
        location=location,
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


def _deep_actors(heads: list[Token], context: DocContext) -> list[Actor]:
    """Actors named inside an object phrase; a nationality stands for its country there
    ('expelled two Russian diplomats' targets Russia)."""
    found: list[Actor] = []
    for head in heads:
        actor = resolve_actor(head, context)
        ent = context.entity(head)
        if (
            actor is None
            and ent is not None
            and ent.label_ == "NORP"
            and not another_people(head, context)
        ):
            entry = context.entry(ent)
            if entry is not None and entry.kind == "country":
                actor = state_actor(
                    entry.id, entry.name, "country", ent.text, ent.start_char, ent.end_char
                )
        if actor is not None and all(actor.name != a.name for a in found):
            found.append(actor)
    return found


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


def _words(sentence: Span) -> list[str]:
    lemmas = [t.lemma_.lower() for t in sentence]
    lowers = [t.lower_ for t in sentence]
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(lowers)]
    return lemmas + lowers + pairs


def _political(actor: Actor) -> bool:
    """Countries, governments and known bodies are political; a person is known to be when
    the document gives an office or a country."""
    if actor.kind != "person":
        return True
    return actor.title is not None or actor.country is not None


def _nested_venue(args: Arguments, context: DocContext) -> Place | None:
    """A city hung on a participant by the parser: 'with X in New Delhi'."""
    for head in args.get("recipients") + args.get("actors"):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
                for pobj in prep.children:
                    place = resolve_place(pobj, context) if pobj.dep_ == "pobj" else None
                    if place is not None and place.kind in {"city", "venue"}:
                        return place
    return None


def _inherited_venue(actors: list[Actor], recipients: list[Actor], state: DocState) -> Place | None:
    """Where an actor was visiting, when the other side can be there too.

    "arrived in Bamako ... met with Doe" happened in Bamako; planned consultations with
    other countries' governments did not.
    """
    for actor in actors + recipients:
        place = state.visits.get(actor.name)
        if place is None:
            continue
        others = [a for a in actors + recipients if a.name != actor.name]
        if all(o.country in {None, place.country} or o.name in state.visits for o in others):
            return place.model_copy(update={"inherited": True, "start": None, "end": None})
    return None


def _bodies_of_their_country(recipients: list[Actor], context: DocContext) -> list[Actor]:
    """'its respect for Mali's sovereignty and ... trust with the transitional authorities':
    a state body with no country named, beside one country, belongs to that country."""
    countries = {r.country for r in recipients if r.country is not None}
    if len(countries) != 1:
        return recipients
    (country,) = countries
    owner = context.knowledge.country_name(country)
    return [
        r.model_copy(update={"country": country, "name": f"{owner} {r.name}"})
        if r.kind == "government" and r.country is None
        else r
        for r in recipients
    ]


def _host_country_default(
    recipients: list[Actor], actors: list[Actor], country: str
) -> list[Actor]:
    # A person met at a venue abroad, with no affiliation given, is taken to be a local
    # official: "met ... General Assimi Goïta" in Bamako.
    visitors = {a.country for a in actors}
    if country in visitors or visitors == {None}:
        return recipients  # only a known visitor from elsewhere makes the others local
    return [
        r.model_copy(update={"country": country}) if r.kind == "person" and r.country is None else r
        for r in recipients
    ]


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
    for sentence in doc.sents:
        for trigger, rule in sorted(by_sentence.get(sentence.start, []), key=lambda p: p[0].i):
            event = build_event(trigger, rule, context, document, state)
            if event is None:
                continue
            key = (
                event.start,
                event.event,
                event.mode,
                frozenset(a.name for a in event.actors + event.recipients),
            )
            if key not in seen:
                seen.add(key)
                events.append(event)
                _remember(event, state)
        _remember_subject(sentence, context, state)
    return _drop_echoes(events)


def _drop_echoes(events: list[Event]) -> list[Event]:
    """One event per sentence and type when one only repeats part of another: 'summoned the
    ambassador to lodge a protest' is one protest."""
    # Compared within their sentence, type and status only: all pairs is quadratic.
    alike: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        alike.setdefault((event.start, event.event, event.status), []).append(event)
    kept: list[Event] = []
    for event in events:
        names = {a.name for a in event.actors + event.recipients}
        echoed = any(
            other is not event and names < {a.name for a in other.actors + other.recipients}
            for other in alike[(event.start, event.event, event.status)]
        )
        if not echoed:
            kept.append(event)
    return kept


def _sentence_ents(sentence: Span, context: DocContext) -> list[Span]:
    """The entities inside a sentence, as `sentence.ents` gives them, in time linear in the
    sentence: `Span.ents` walks all of `doc.ents` on every call, quadratic on long texts."""
    found: list[Span] = []
    for token in sentence:
        ent = context.entity(token)
        if ent is not None and ent.start == token.i and ent.end <= sentence.end:
            found.append(ent)
    return found


def _remember_subject(sentence: Span, context: DocContext, state: DocState) -> None:
    """The sentence's subjects, for 'he'/'she' and 'it' in the sentences that follow."""
    for ent in _sentence_ents(sentence, context):
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
