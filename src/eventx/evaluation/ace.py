"""Converting ACE-style sentence records (Contact:Meet, Contact:Phone-Write) to eventx gold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from eventx.errors import InputError
from eventx.schema import EventType

from .files import read_json_records, validation_reason
from .gold import GoldActor, GoldDocument, GoldEvent, GoldPlace

# ACE 2005 event subtypes eventx can express. ACE does not say who called whom, so
# Phone-Write participants all become actors and are compared unordered.
ACE_TYPES: dict[str, tuple[EventType, str | None]] = {
    "contact:meet": ("CONSULT", "meet"),
    "contact:phone-write": ("CONSULT", "phone"),
}
_ACE_ACTOR_ROLES = frozenset({"entity", "agent", "giver", "recipient", "beneficiary"})


def first_key(record: dict[str, Any], *keys: str) -> Any:
    """The first present key, allowing both `_` and `-` spellings."""
    for key in keys:
        for spelling in (key, key.replace("_", "-")):
            if spelling in record:
                return record[spelling]
    return None


def from_ace(path: str | Path) -> list[GoldDocument]:
    """Convert ACE-style sentence records to gold documents, one per sentence.

    Reads a JSON list or JSON Lines of objects with `sentence` and event mentions under
    `golden_event_mentions` (or `golden-event-mentions`, `event_mentions`), each with
    `event_type`, `trigger` (a string or {"text": ...}) and `arguments` ({"role", "text"}).
    Entity arguments become actors (unordered: recipients stay empty), a Place argument the
    location. Only Contact:Meet and Contact:Phone-Write have eventx counterparts; other
    types are listed in `unmapped`. ACE covers few eventx types, so documents are not
    exhaustive.
    """
    path = Path(path)
    records = read_json_records(path)
    documents: list[GoldDocument] = []
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InputError(path, f"record {number} is not a JSON object", line=number)
        text = first_key(record, "sentence", "text")
        if isinstance(text, list):  # token lists
            text = " ".join(str(token) for token in text)
        if not isinstance(text, str) or not text.strip():
            raise InputError(path, f"record {number} has no sentence", line=number)
        doc_id = _ace_id(record, path, number)
        while doc_id in seen:
            doc_id += "+"
        seen.add(doc_id)
        events: list[GoldEvent] = []
        unmapped: list[str] = []
        for mention in first_key(record, "golden_event_mentions", "event_mentions") or []:
            kind = str(first_key(mention, "event_type") or "")
            mapped = ACE_TYPES.get(kind.lower())
            if mapped is None:
                unmapped.append(kind or "?")
                continue
            try:
                events.append(_ace_event(text, mapped, mention))
            except ValidationError as error:
                reason = f"record {number}: {validation_reason(error)}"
                raise InputError(path, reason, line=number) from error
        documents.append(
            GoldDocument(id=doc_id, text=text, events=events, exhaustive=False, unmapped=unmapped)
        )
    return documents


def _ace_id(record: dict[str, Any], path: Path, number: int) -> str:
    doc = first_key(record, "doc_id", "doc_key")
    sent = first_key(record, "sent_id")
    if sent is not None:
        return str(sent)
    if doc is not None:
        return f"{doc}-{number:04d}"
    return f"{path.stem}-{number:04d}"


def _ace_event(
    text: str, mapped: tuple[EventType, str | None], mention: dict[str, Any]
) -> GoldEvent:
    event_type, mode = mapped
    trigger = first_key(mention, "trigger")
    if isinstance(trigger, dict):
        trigger = trigger.get("text")
    actors: list[GoldActor] = []
    fields: dict[str, Any] = {}
    for argument in first_key(mention, "arguments") or []:
        role = str(argument.get("role", "")).lower()
        words = str(argument.get("text", "")).strip()
        if not words:
            continue
        if role in _ACE_ACTOR_ROLES:
            actors.append(GoldActor(names=[words]))
        elif role == "place" and "location" not in fields:
            fields["location"] = GoldPlace(names=[words])
    return GoldEvent(
        event=event_type,
        mode=mode,
        sentence=text,
        trigger=trigger if isinstance(trigger, str) and trigger.strip() else None,
        actors=actors,
        **fields,
    )
