"""Converting PLOVER gold-standard records (PLOVER 0.5 names) to eventx gold documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from eventx.errors import InputError
from eventx.schema import EventType

from .files import read_json, validation_reason
from .gold import ISO3, GoldActor, GoldDocument, GoldEvent, GoldPlace

# PLOVER 0.5 types and what eventx calls them now. Later PLOVER versions renamed DEMAND to
# REQUEST and folded DISAPPROVE and INVESTIGATE into ACCUSE (as modes). Types with no eventx
# counterpart (PROTEST, COERCE, FIGHT, ASSAULT, RETREAT, CONCEDE, MOBILIZE) are reported as
# unmapped, not guessed.
PLOVER_TYPES: dict[str, tuple[EventType, str | None]] = {
    "AGREE": ("AGREE", None),
    "CONSULT": ("CONSULT", None),
    "SUPPORT": ("SUPPORT", None),
    "COOPERATE": ("COOPERATE", None),
    "AID": ("AID", None),
    "SANCTION": ("SANCTION", None),
    "REJECT": ("REJECT", None),
    "THREATEN": ("THREATEN", None),
    "ACCUSE": ("ACCUSE", None),
    "REQUEST": ("REQUEST", None),
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
}

# PLOVER 0.5 contexts that have an eventx topic; the rest (legal, political, election...)
# have no one-to-one topic and are dropped rather than stretched.
PLOVER_CONTEXTS: dict[str, str] = {
    "military": "military",
    "diplomatic": "diplomacy",
    "economic": "economy",
    "terrorism": "terrorism",
    "refugee": "migration",
    "refugees": "migration",
    "rights": "human_rights",
    "election": "democracy",
}

# Codes in PLOVER actor records that are not states (CAMEO's international and non-state
# actor codes), and legacy CAMEO country codes that differ from ISO 3166-1 alpha-3.
_NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "REB", "INS", "OPP", "SPY"})
_LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA"}


def _plover_country(code: object) -> str | None:
    if not isinstance(code, str):
        return None
    code = _LEGACY_CODES.get(code.strip().upper(), code.strip().upper())
    if code in _NON_STATE_CODES or not ISO3.match(code):
        return None
    return code


def _plover_actors(value: object) -> list[GoldActor]:
    """PLOVER source/target lists; empty strings and null mean nobody."""
    if not isinstance(value, list):
        return []
    actors = []
    for item in value:
        if not isinstance(item, dict) or not str(item.get("actorText", "")).strip():
            continue
        country = _plover_country(item.get("code"))
        names = [str(item["actorText"]).strip()]
        # PLOVER codes an actor as country + sector; a state or its government (no sector,
        # or GOV) is also named by its ISO3 code, which matches a predicted state actor.
        if country is not None and item.get("sector") in (None, "", "GOV"):
            names.append(country)
        actors.append(GoldActor(names=names, country=country))
    return actors


def _plover_topics(context: object) -> list[str] | None:
    if not isinstance(context, str) or not context.strip():
        return None
    topics = []
    for part in context.split(","):
        topic = PLOVER_CONTEXTS.get(part.strip().lower())
        if topic is not None and topic not in topics:
            topics.append(topic)
    return topics or None


def from_plover(path: str | Path) -> list[GoldDocument]:
    """Convert a PLOVER gold-standard file (a JSON list of event records) to gold documents.

    Each record's `text` becomes one document holding that record's event, with id the
    record's id. The first record of the OEDA file describes the file (event "DOCUMENT") and
    is skipped. Source actors become `actors`, target actors `recipients` (in CONSULT host
    records both PLOVER and eventx put the host first). Records whose type has no eventx
    counterpart give a document with no event and the type in `unmapped`. PLOVER codes one
    event per text, so documents are not exhaustive.
    """
    path = Path(path)
    records = read_json(path)
    if not isinstance(records, list):
        raise InputError(path, "a PLOVER file must be a JSON list of records")
    documents: list[GoldDocument] = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InputError(path, f"record {number} is not a JSON object")
        kind = str(record.get("event", "")).strip().upper()
        if kind == "DOCUMENT":
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(path, f"record {number} ({record.get('id')}) has no text")
        doc_id = str(record.get("id") or f"{path.stem}-{number:04d}")
        try:
            documents.append(_plover_document(doc_id, text, kind, record))
        except ValidationError as error:
            reason = f"record {number} ({doc_id}): {validation_reason(error)}"
            raise InputError(path, reason) from error
    return documents


def _plover_document(doc_id: str, text: str, kind: str, record: dict[str, Any]) -> GoldDocument:
    mapped = PLOVER_TYPES.get(kind)
    if mapped is None:
        return GoldDocument(id=doc_id, text=text, exhaustive=False, unmapped=[kind or "?"])
    event_type, implied_mode = mapped
    mode = record.get("mode") if isinstance(record.get("mode"), str) else None
    mode = (mode or "").strip() or implied_mode
    actors = _plover_actors(record.get("source"))
    recipients = _plover_actors(record.get("target"))
    fields: dict[str, Any] = {}
    place = record.get("eventLoc")
    if isinstance(place, dict) and str(place.get("name", "")).strip():
        fields["location"] = GoldPlace(names=[str(place["name"]).strip()])
    event = GoldEvent(
        event=event_type,
        mode=mode,
        sentence=text,
        trigger=None,
        actors=actors,
        recipients=recipients,
        topics=_plover_topics(record.get("context")),
        **fields,
    )
    return GoldDocument(id=doc_id, text=text, events=[event], exhaustive=False)
