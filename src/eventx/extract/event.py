"""Assembling event records from triggers, arguments, actors, places, status, topics and dates."""

from __future__ import annotations

import itertools
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..schema import Actor, Document, Event, Place, Status, TriggerRule, stable_id
from .actor import (
    DocContext,
    another_people,
    leader_of,
    noun_phrase,
    resolve_actor,
    state_actor,
)
from .argument import Arguments, entities_within, find_arguments
from .discourse import (
    PLURAL_PRONOUNS,
    PRONOUNS,
    DocState,
    clause_subject,
    context_parties,
    coordinated_subject_before,
    plural_reference,
    refers_back,
    remember,
    reporter,
)
from .knowledge import Knowledge
from .place import country_actor_of, dateline_city, resolve_place
from .status import event_status
from .topic import about_phrases, phrase_topics
from .trigger import find_triggers
from .when import date_phrase, resolve_date

# Modes whose participants are peers or meet face to face somewhere.
VENUE_MODES = frozenset({"meet", "host", "multilateral", "visit"})


def _bound_possessive(pronoun: Token, context: DocContext) -> Actor | None:
    """'Mali has strengthened its partnership with X': a possessive pronoun on a noun of a
    clause with a named subject of the right kind is that subject, not an earlier party."""
    wanted = {"its": False, "his": True, "her": True}.get(pronoun.lower_)
    if pronoun.dep_ != "poss" or wanted is None:
        return None
    verb = pronoun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head
    for subject in verb.children:
        if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.pos_ == "PRON":
            continue
        actor = resolve_actor(subject, context)
        if actor is not None and (actor.kind == "person") == wanted:
            end = pronoun.idx + len(pronoun)
            return actor.model_copy(update={"text": pronoun.text, "start": pronoun.idx, "end": end})
    return None


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
        if head.lower_ in PLURAL_PRONOUNS:
            # "X and Y ..., after which they will", "the envoys said they had"
            named = coordinated_subject_before(head, context, state)
            if len(named) < 2:
                named = _reporters(head, context)
            if named:
                actors.extend(a for a in named if all(a.name != b.name for b in actors))
                continue
        if plural_reference(head, context.knowledge) and len(state.last_group) > 1:
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
        if actor is None:
            actor = _bound_possessive(head, context)
        if actor is None and head.ent_type_ == "NORP":
            actor = next(iter(_deep_actors([head], context)), None)  # "Russian negotiators"
        if actor is None and head.lower_ in PRONOUNS:
            # "Turnbull said he had spoken with ...": the one who said so, else the last
            antecedent = (
                reporter(head, context, person=True)
                or clause_subject(head, context)
                or state.last_person
            )
            if antecedent is not None:
                actor = antecedent.model_copy(
                    update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
                )
        if actor is None and head.lower_ in {"it", "its"}:
            antecedent = reporter(head, context) or state.last_state
            if antecedent is not None:
                actor = antecedent.model_copy(
                    update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
                )
        if actor is None:
            actor = group_actor(head, context.knowledge)
        if actor is not None and all(a.name != actor.name for a in actors):
            actors.append(actor)
    return actors


def _reporters(pronoun: Token, context: DocContext) -> list[Actor]:
    """'the envoys said they had negotiated ...': 'they' are the group that said so."""
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in context.knowledge.words(
        "speech_verbs"
    ):
        return []
    subjects = [c for c in clause.head.children if c.dep_ == "nsubj"]
    found = [group_actor(s, context.knowledge) or resolve_actor(s, context) for s in subjects]
    return [a for a in found if a is not None]


def group_actor(head: Token, knowledge: Knowledge) -> Actor | None:
    """A party named by what it is, not by name: 'several opposition parties', 'Western
    envoys', 'the leaders of ten Balkan states'. The phrase is the participant."""
    if head.lemma_.lower() not in knowledge.words("group_participants"):
        return None
    if head.tag_ not in {"NNS", "NNPS"} and not any(
        c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in head.children
    ):
        return None  # "the official" is one unknown person, not a group
    phrase = noun_phrase(head)
    return Actor(
        text=phrase.text,
        name=phrase.text,
        kind="group",
        start=phrase.start_char,
        end=phrase.end_char,
    )


def _private_people(heads: list[Token], knowledge: Knowledge) -> bool:
    """A participant is named as someone outside politics: a reporter, relatives, voters,
    a bombing suspect. Their meetings and travels are not diplomatic contacts."""
    private = knowledge.words("private_people")
    for head in heads:
        words = [head, *(c for c in head.children if c.dep_ in {"compound", "amod", "appos"})]
        if any(t.lemma_.lower() in private or t.lower_ in private for t in words):
            return True
    return False


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


def _collective(heads: list[Token], knowledge: Knowledge) -> bool:
    """A plural group of officials as the subject: 'the foreign ministers of the G7'."""
    officials = knowledge.words("collective_officials")
    return any(h.tag_ == "NNS" and h.lemma_.lower() in officials for h in heads)


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


def _past_datelines(heads: list[Token], context: DocContext) -> list[Token]:
    """'NAIROBI, May 20 — Kenyan President X hosted ...' says where the story was filed; the
    parser often makes the city the subject and hangs the real one on it."""
    found: list[Token] = []
    for head in heads:
        if not context.in_dateline(head):
            found.append(head)
            continue
        before = len(found)
        for child in head.children:
            if child.dep_ == "appos" and not context.in_dateline(child):
                if resolve_actor(child, context) is not None:
                    found.append(child)
                else:
                    found.extend(entities_within(child))
        if len(found) == before:
            # "BRASILIA, Aug 30 — Brazilian President X and Argentine President Y spoke":
            # the names after the dash, wherever the parser hung them in the dateline
            found.extend(
                t
                for t in entities_within(head)
                if not context.in_dateline(t) and t.ent_type_ in {"PERSON", "GPE", "ORG"}
            )
    return found


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
    """One event record for a trigger, or None when the sentence names too few participants.

    The steps: find the arguments, drop other senses, resolve the participants, place the
    event, check it has its parties, then read its mode, status, topics and date.
    """
    args: Arguments = find_arguments(trigger, rule, context.knowledge)
    sentence = trigger.sent
    if _another_sense(trigger, rule, args, context, state):
        return None
    actors, recipients = _participants(trigger, rule, args, context, state)
    venue = next(iter(_places(args.get("venue"), context)), None)
    destination = next(iter(_places(args.get("destination"), context)), None)
    if rule.mode == "visit":
        recipients = _visited(args, destination, recipients, context, state, sentence)
        venue = venue or destination
    if not actors and rule.event == "CONSULT" and recipients and trigger.pos_ == "NOUN":
        # "... a phone call with the president of X": one side named is still the contact
        actors, recipients = recipients, []
    if not actors:
        return None
    if rule.event != "CONSULT" and not any(_political(a) for a in actors + recipients):
        return None  # "she has promised her family": a private promise, not diplomacy
    venue = venue or _nested_venue(args, context) or _hosting_city(args, context)
    mode = _mode(trigger, rule, args, actors, recipients, context.knowledge)
    if mode == "meet" and _by_phone(trigger, args, actors + recipients, venue, context, state):
        mode = "phone"
    if rule.event == "CONSULT" and not _enough_parties(rule, mode, actors, recipients, venue):
        return None
    if (
        mode == "visit"
        and destination is not None
        and _domestic(actors, destination)
        and not _to_meet(args.predicate, recipients)
    ):
        return None  # "plans to visit Dallas": a trip at home, not to a counterpart

    status = event_status(trigger, args.predicate, context.knowledge)
    if rule.event == "CONSULT" and status is not Status.negated and _any_at_all(trigger):
        return None  # "hopes to take part in any consultations": no contact in particular
    location, recipients = _location(rule, venue, actors, recipients, status, context, state)
    if location is not None and location.country is not None:
        # the host of a visitor from elsewhere: "X met Foreign Minister Y of Hungary in Washington"
        actors = _host_country_default(actors, recipients, location.country)
    phrases = about_phrases(args.get("topic"))
    topics = _topics(phrases, sentence, actors + recipients, context.knowledge)
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


def _by_phone(
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


def _hosting_city(args: Arguments, context: DocContext) -> Place | None:
    """'Nairobi hosted a round of peace talks': a capital that hosts is also where."""
    if args.predicate.lemma_.lower() not in context.knowledge.words("hosting_verbs"):
        return None
    for head in args.get("actors"):
        place = resolve_place(head, context)
        if place is not None and place.kind == "city":
            return place
    return None


def _another_sense(
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


def _any_at_all(trigger: Token) -> bool:
    # "would not join any talks" is a negated contact; "any consultations" alone is none
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"any", "every"} for c in trigger.children
    )


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


def _participants(
    trigger: Token, rule: TriggerRule, args: Arguments, context: DocContext, state: DocState
) -> tuple[list[Actor], list[Actor]]:
    """Actors and recipients: the argument heads resolved, then, where none resolve, the
    actors inside the object phrase, the authors of an answered event, or the document
    context."""
    actors = _actors(args.get("actors"), context, state)

    def new(found: list[Actor]) -> list[Actor]:
        return [r for r in found if all(r.name != a.name for a in actors)]

    recipients = new(_actors(args.get("recipients"), context, state))
    if not recipients and args.get("recipients") and rule.event != "CONSULT":
        # "sanctions on Iranian shipping firms": the nationality inside names the target;
        # a contact's object is its party or nothing ("spoke ..., their first conversation
        # since a row over Mercosur tariffs" is not with Mercosur)
        inner = [t for h in args.get("recipients") for t in entities_within(h)]
        recipients = new(_deep_actors(inner, context))
    if not recipients and rule.event in {"REJECT", "ACCUSE", "SUPPORT", "AGREE"}:
        # "rejected the accusation": the target is whoever made it
        recipients = new(_answered(args, state, context.knowledge))
    if not recipients and args.get("deep"):
        recipients = new(_deep_actors(args.get("deep"), context))
    if rule.event == "CONSULT" and not actors and not recipients:
        actors = context_parties(trigger, args.predicate, context, state, _actors)
    return actors, recipients


def _visited(
    args: Arguments,
    destination: Place | None,
    recipients: list[Actor],
    context: DocContext,
    state: DocState,
    sentence: Span,
) -> list[Actor]:
    """Who a visit is to: the person visited ('visited the minister'), else the country of
    the destination."""
    if destination is None:
        return recipients + [
            r for r in _actors(args.get("destination"), context, state) if r.kind == "person"
        ]
    return recipients or _visit_recipients(destination, context, sentence)


def _mode(
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


def _location(
    rule: TriggerRule,
    venue: Place | None,
    actors: list[Actor],
    recipients: list[Actor],
    status: Status,
    context: DocContext,
    state: DocState,
) -> tuple[Place | None, list[Actor]]:
    """Where the event is (its venue, else where a participant is visiting) and the
    recipients' countries that the place implies; remembers where visitors now are."""
    location = venue
    if location is None and rule.mode in VENUE_MODES:
        location = _inherited_venue(actors, recipients, state)
    if location is None and rule.event == "CONSULT" and status is not Status.hypothetical:
        venue = location = _dateline_venue(rule, actors, recipients, context)
    if location is not None and location.country is not None:
        recipients = _host_country_default(recipients, actors, location.country)
    recipients = _bodies_of_their_country(recipients, context)
    if rule.mode in {"visit", "multilateral"} and venue is not None and status is Status.occurred:
        for actor in actors:  # they are there now: later meetings happen there too
            state.visits[actor.name] = venue
    return location, recipients


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


def _enough_parties(
    rule: TriggerRule,
    mode: str | None,
    actors: list[Actor],
    recipients: list[Actor],
    venue: Place | None,
) -> bool:
    """A contact needs two sides, unless its rule allows one ('a meeting of EU ministers'),
    it is multilateral, or it is a visit to a named place."""
    if mode == "multilateral" or (mode == "visit" and venue is not None):
        return True
    return len(actors) + len(recipients) >= rule.min_parties


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


def _dateline_venue(
    rule: TriggerRule, actors: list[Actor], recipients: list[Actor], context: DocContext
) -> Place | None:
    """The dateline city, when the contact's parties plausibly are there: a host from that
    country receives, or a visitor from elsewhere calls on that country or arrives. A meeting
    or a call says nothing of where it is held, so the dateline is not its venue."""
    city = dateline_city(context)
    if city is None:
        return None
    local = city.country
    if rule.mode == "host":
        there = any(a.country == local for a in actors)
    elif rule.mode == "visit":
        visitors_from_elsewhere = all(a.country != local for a in actors)
        there = visitors_from_elsewhere and (
            any(r.country == local for r in recipients) or rule.lemma == "arrive"
        )
    else:
        there = False
    if not there:
        return None
    return city.model_copy(update={"inherited": True, "start": None, "end": None})


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
                event.status,
                frozenset(a.name for a in event.actors + event.recipients),
            )
            if key not in seen:
                seen.add(key)
                events.extend(_one_call_each(event))
                remember(event, state)
        _remember_subject(sentence, context, state)
    return _drop_echoes(_one_contact_each(events, doc))


def _one_call_each(event: Event) -> list[Event]:
    """'She spoke on Monday to A, B and C': a phone call has two ends, so a call
    to several people named apart is one call with each."""
    people = [r for r in event.recipients if r.kind == "person"]
    if event.mode != "phone" or len(people) < 2 or len(people) != len(event.recipients):
        return [event]
    return [
        event.model_copy(
            update={
                "recipients": [person],
                "id": stable_id(event.id, person.name),
            }
        )
        for person in people
    ]


# When two records in a sentence tell one contact, the more specific mode is kept.
MODE_ORDER = ("phone", "host", "visit", "multilateral", "mediate", "meet")


def _one_contact_each(events: list[Event], doc: Doc) -> list[Event]:
    """One record per contact in a sentence: 'discussed X in a phone call', 'trip to
    Washington to meet Y', 'held talks ... the negotiations' tell one contact twice.

    Two CONSULT records are one when one's parties are among the other's, or when one
    trigger is the purpose of the other ('travelled to Juba to consult'); the purpose's
    parties join the record kept.
    """
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if _same_contact(k, event, doc)), None)
        if twin is None:
            kept.append(event)
            continue
        better, other = _preferred(twin, event)
        names = {a.name for a in better.actors + better.recipients}
        extra = [r for r in other.actors + other.recipients if r.name not in names]
        update: dict[str, object] = {"recipients": better.recipients + extra}
        if better.date is None and other.date is not None:
            update.update(date=other.date, date_text=other.date_text)
            update.update(date_precision=other.date_precision)
        if better.location is None and other.location is not None:
            update["location"] = other.location
        merged = better.model_copy(update=update)
        kept[kept.index(twin)] = merged
    return kept


def _same_contact(a: Event, b: Event, doc: Doc) -> bool:
    if a.event != "CONSULT" or b.event != "CONSULT" or a.start != b.start:
        return False
    if _purpose(doc, a.trigger_start, b.trigger_start):
        return True
    if a.status != b.status:
        return False  # "after meeting X, Y said they would meet again": two contacts
    if a.mode == "phone" and b.mode == "phone" and a.recipients != b.recipients:
        return False  # one call with each person
    if a.location is not None and b.location is not None and a.location.name != b.location.name:
        # "after their meeting in Beijing during the President's visit to China": a
        # meeting somewhere else is a contact of its own, whoever took part
        return False
    names_a = {x.name for x in a.actors + a.recipients}
    names_b = {x.name for x in b.actors + b.recipients}
    return names_a <= names_b or names_b <= names_a


def _purpose(doc: Doc, first: int, second: int) -> bool:
    """One trigger is an infinitive of purpose on the other: 'flew to Berlin to meet'."""
    tokens = {t.idx: t for t in doc if t.idx in (first, second)}
    if len(tokens) != 2:
        return False
    x, y = tokens[first], tokens[second]
    for verb, head in ((x, y), (y, x)):
        # the purpose may hang on the noun's verb: 'plans a trip to Rome to meet'
        on_head = verb.head == head or (head.pos_ == "NOUN" and verb.head == head.head)
        if (
            verb.dep_ in {"advcl", "xcomp", "acl"}
            and on_head
            and verb.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            return True
    return False


def _preferred(a: Event, b: Event) -> tuple[Event, Event]:
    rank = {mode: i for i, mode in enumerate(MODE_ORDER)}
    key_a = (rank.get(a.mode or "", len(rank)), -len(a.actors + a.recipients))
    key_b = (rank.get(b.mode or "", len(rank)), -len(b.actors + b.recipients))
    return (a, b) if key_a <= key_b else (b, a)


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
