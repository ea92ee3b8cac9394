"""One record per contact: a call per person, twin records merged, echoes dropped."""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Actor, Event, Status, stable_id


def one_call_each(event: Event) -> list[Event]:
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


def one_contact_each(events: list[Event], doc: Doc) -> list[Event]:
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
        recipients = better.recipients + extra
        if "visit" in (twin.mode, event.mode):
            recipients = _met_in_person(recipients)
        update: dict[str, object] = {"recipients": recipients}
        if better.date is None and other.date is not None:
            update.update(date=other.date, date_text=other.date_text)
            update.update(date_precision=other.date_precision)
        if better.location is None and other.location is not None:
            update["location"] = other.location
        purpose = _purpose(doc, twin.trigger_start, event.trigger_start)
        aim = next((e for e in (twin, event) if e.trigger_start == purpose), None)
        if aim is not None and aim.status is Status.planned:
            # "flew to Berlin on Monday to meet Scholz": the trip is made, the contact it is
            # made for is still ahead when the story is written
            update["status"] = Status.planned
        merged = better.model_copy(update=update)
        kept[kept.index(twin)] = merged
    return kept


def _met_in_person(recipients: list[Actor]) -> list[Actor]:
    """'flew to Moscow to meet President Putin', 'drove to the Elysee to see Macron': the
    person the trip is made to meet is the other side; the country it goes to is only where
    they are."""
    met = {r.country for r in recipients if r.kind == "person" and r.country is not None}
    return [r for r in recipients if not (r.kind == "country" and r.id in met)]


def _same_contact(a: Event, b: Event, doc: Doc) -> bool:
    if a.event != "CONSULT" or b.event != "CONSULT" or a.start != b.start:
        return False
    if _purpose(doc, a.trigger_start, b.trigger_start) is not None:
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


def _purpose(doc: Doc, first: int, second: int) -> int | None:
    """Where the trigger that is an infinitive of purpose on the other starts ('to meet' in
    'flew to Berlin to meet'), if one is."""
    tokens = {t.idx: t for t in doc if t.idx in (first, second)}
    if len(tokens) != 2:
        return None
    x, y = tokens[first], tokens[second]
    for aim, head in ((x, y), (y, x)):
        # the purpose may be a noun's light verb: 'flew to Sochi to hold talks with Putin'
        verb = aim.head if aim.pos_ == "NOUN" and aim.dep_ == "dobj" else aim
        # the purpose may hang on the noun's verb: 'plans a trip to Rome to meet'
        on_head = verb.head == head or (head.pos_ == "NOUN" and verb.head == head.head)
        if (
            verb.dep_ in {"advcl", "xcomp", "acl"}
            and on_head
            and verb.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            return aim.idx
    return None


def _preferred(a: Event, b: Event) -> tuple[Event, Event]:
    rank = {mode: i for i, mode in enumerate(MODE_ORDER)}
    key_a = (rank.get(a.mode or "", len(rank)), -len(a.actors + a.recipients))
    key_b = (rank.get(b.mode or "", len(rank)), -len(b.actors + b.recipients))
    return (a, b) if key_a <= key_b else (b, a)


def drop_echoes(events: list[Event]) -> list[Event]:
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
            other is not event
            and names < {a.name for a in other.actors + other.recipients}
            and not _elsewhere(event, other)
            for other in alike[(event.start, event.event, event.status)]
        )
        if not echoed:
            kept.append(event)
    return kept


def _elsewhere(a: Event, b: Event) -> bool:
    """'after their meeting in Beijing during the President's visit to China': a contact
    held somewhere else is one of its own, though its parties are among the other's."""
    return a.location is not None and b.location is not None and a.location.name != b.location.name
