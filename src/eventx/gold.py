"""Gold documents for `eventx evaluate`: the eventx gold format, its loader and converters."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from eventx.errors import InputError
from eventx.schema import Document, EventType, Status

GoldFormat = Literal["eventx", "plover", "ace"]
GOLD_FORMATS: tuple[str, ...] = ("eventx", "plover", "ace")

TOPICS: frozenset[str] = frozenset(
    {
        "security",
        "military",
        "terrorism",
        "economy",
        "trade",
        "investment",
        "energy",
        "aid",
        "health",
        "migration",
        "environment",
        "human_rights",
        "democracy",
        "sovereignty",
        "territory",
        "nuclear",
        "peace_process",
        "diplomacy",
    }
)

_ISO3 = re.compile(r"^[A-Z]{3}$")
_WHITESPACE = re.compile(r"\s+")


def _names(value: object, what: str) -> list[str]:
    """A name or a list of alternative names, as a non-empty list of stripped strings."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ValueError(f"{what} must be a string or a non-empty list of strings")
    names: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"{what} must be non-empty strings, got {item!r}")
        names.append(item.strip())
    return names


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Named(_Gold):
    """Something gold names: one or more acceptable names and, optionally, an ISO3 country.

    Accepts the shorthand forms "Bamako", ["Nick Chicker", "Chicker"] and
    {"name": "..." | [...], ...other fields}.
    """

    what: ClassVar[str] = "name"

    names: list[str] = Field(min_length=1)
    country: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        if isinstance(value, str | list):
            return {"names": _names(value, cls.what)}
        if isinstance(value, dict) and "name" in value:
            rest = {k: v for k, v in value.items() if k != "name"}
            return {**rest, "names": _names(value["name"], cls.what)}
        return value

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        if value is not None and not _ISO3.match(value):
            raise ValueError(f"country must be an ISO3 code, got {value!r}")
        return value

    @property
    def name(self) -> str:
        """The first (preferred) name."""
        return self.names[0]


class GoldActor(_Named):
    """A gold participant: "Nick Chicker", ["Nick Chicker", "Chicker"], or
    {"name": "Nick Chicker" | [...], "country": "USA"}."""

    what: ClassVar[str] = "actor name"


class GoldPlace(_Named):
    """A gold location: acceptable names and whatever else is known (country, coordinates, id)."""

    what: ClassVar[str] = "place name"

    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    id: str | None = None


class GoldEvent(_Gold):
    """One gold event.

    Fields left out are not scored: a missing `mode`, `status`, `date` or `topics` means the
    annotator did not say. `location` is different: left out, it is not scored; given as null,
    it says the text names no place for the event, so a predicted location counts as wrong
    (check `"location" in event.model_fields_set`).
    """

    event: EventType
    mode: str | None = None
    status: Status | None = None
    sentence: str = Field(min_length=1)
    trigger: str | None = None
    actors: list[GoldActor] = Field(default_factory=list)
    recipients: list[GoldActor] = Field(default_factory=list)
    location: GoldPlace | None = None
    topics: list[str] | None = None
    date: Date | None = None
    historical: bool | None = None
    note: str | None = Field(default=None, description="Free annotator comment; not scored.")

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            unknown = sorted(set(value) - TOPICS)
            if unknown:
                raise ValueError(f"unknown topic(s) {unknown}; known: {sorted(TOPICS)}")
        return value

    @property
    def location_scored(self) -> bool:
        """Whether the gold says anything about the location (a place, or explicitly none)."""
        return "location" in self.model_fields_set


class GoldDocument(_Gold):
    """One gold document: its text and every event it reports.

    `exhaustive` is False for converted corpora that annotate only some events per text
    (PLOVER codes one event per record, ACE only its own event types): there, unmatched
    predictions are not counted as false positives. `unmapped` lists source event types
    the converter could not express as eventx types, for the report.
    """

    id: str = Field(min_length=1)
    title: str | None = None
    date: Date | None = None
    source: str | None = Field(default=None, description="Free note on the text's origin or style.")
    text: str = Field(min_length=1)
    events: list[GoldEvent] = Field(default_factory=list)
    exhaustive: bool = True
    unmapped: list[str] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _sentences_in_text(self) -> GoldDocument:
        for number, event in enumerate(self.events, start=1):
            if find_sentence(self.text, event.sentence) is None:
                raise ValueError(
                    f"event {number} ({event.event}): sentence is not in the text: "
                    f"{_clip(event.sentence)!r}"
                )
        return self

    def to_document(self) -> Document:
        """The document eventx extracts from: the gold text with its id, title and date."""
        return Document(doc_id=self.id, text=self.text, title=self.title, date=self.date)

    def sentence_span(self, event: GoldEvent) -> tuple[int, int]:
        """Character offsets of the event's sentence in the text."""
        span = find_sentence(self.text, event.sentence)
        if span is None:  # pragma: no cover - ruled out by validation
            raise ValueError(f"sentence not in document {self.id}")
        return span


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def find_sentence(text: str, sentence: str) -> tuple[int, int] | None:
    """Where `sentence` occurs in `text`: exact substring first, then ignoring whitespace runs.

    Gold sentences are copied by hand, so line breaks and doubled spaces in scraped text
    may not survive; the fallback compares both with every whitespace run collapsed to
    one space and maps the hit back to offsets in the original text.
    """
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    target = _WHITESPACE.sub(" ", sentence.strip())
    if not target:
        return None
    collapsed: list[str] = []
    origin: list[int] = []  # origin[i] = offset in `text` of collapsed[i]
    previous_space = False
    for offset, char in enumerate(text):
        if char.isspace():
            if previous_space:
                continue
            previous_space = True
            collapsed.append(" ")
        else:
            previous_space = False
            collapsed.append(char)
        origin.append(offset)
    at = "".join(collapsed).find(target)
    if at < 0:
        return None
    last = at + len(target) - 1
    return origin[at], origin[last] + 1


# ---------------------------------------------------------------------------
# The eventx gold format


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read an eventx gold file (JSON Lines, one GoldDocument per line; blank lines skipped).

    Raises InputError naming the file and line for unreadable JSON, invalid documents and
    duplicate ids.
    """
    path = Path(path)
    documents: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for number, line in _lines(path):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(path, f"not valid JSON: {error.msg}", line=number) from error
        try:
            document = GoldDocument.model_validate(data)
        except ValidationError as error:
            raise InputError(path, _validation_reason(error), line=number) from error
        if document.id in seen:
            raise InputError(
                path,
                f"duplicate document id {document.id!r} (first on line {seen[document.id]})",
                line=number,
            )
        seen[document.id] = number
        documents.append(document)
    return documents


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise InputError(path, "no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


def _validation_reason(error: ValidationError) -> str:
    parts = []
    for problem in error.errors()[:3]:
        where = ".".join(str(part) for part in problem["loc"])
        parts.append(f"{where}: {problem['msg']}" if where else problem["msg"])
    more = error.error_count() - 3
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


def _contract_names(names: list[str]) -> str | list[str]:
    return names[0] if len(names) == 1 else names


def dump_gold(documents: list[GoldDocument]) -> str:
    """The documents as eventx gold JSON Lines (what `convert` output is saved as)."""
    lines = []
    for document in documents:
        data = document.model_dump(mode="json", exclude_defaults=True)
        for event, source in zip(data.get("events", []), document.events, strict=True):
            for actor in event.get("actors", []) + event.get("recipients", []):
                actor["name"] = _contract_names(actor.pop("names"))
            if event.get("location") is not None:
                event["location"]["name"] = _contract_names(event["location"].pop("names"))
            if source.location_scored and source.location is None:
                event["location"] = None
        lines.append(json.dumps(data, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")


# ---------------------------------------------------------------------------
# PLOVER gold-standard records (PLOVER 0.5 names)

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
    if code in _NON_STATE_CODES or not _ISO3.match(code):
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
    records = _read_json(path)
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
            reason = f"record {number} ({doc_id}): {_validation_reason(error)}"
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


# ---------------------------------------------------------------------------
# ACE-style sentence records

# ACE 2005 event subtypes eventx can express. ACE does not say who called whom, so
# Phone-Write participants all become actors and are compared unordered.
ACE_TYPES: dict[str, tuple[EventType, str | None]] = {
    "contact:meet": ("CONSULT", "meet"),
    "contact:phone-write": ("CONSULT", "phone"),
}
_ACE_ACTOR_ROLES = frozenset({"entity", "agent", "giver", "recipient", "beneficiary"})


def _get(record: dict[str, Any], *keys: str) -> Any:
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
    records = _read_json_records(path)
    documents: list[GoldDocument] = []
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InputError(path, f"record {number} is not a JSON object", line=number)
        text = _get(record, "sentence", "text")
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
        for mention in _get(record, "golden_event_mentions", "event_mentions") or []:
            kind = str(_get(mention, "event_type") or "")
            mapped = ACE_TYPES.get(kind.lower())
            if mapped is None:
                unmapped.append(kind or "?")
                continue
            try:
                events.append(_ace_event(text, mapped, mention))
            except ValidationError as error:
                reason = f"record {number}: {_validation_reason(error)}"
                raise InputError(path, reason, line=number) from error
        documents.append(
            GoldDocument(id=doc_id, text=text, events=events, exhaustive=False, unmapped=unmapped)
        )
    return documents


def _ace_id(record: dict[str, Any], path: Path, number: int) -> str:
    doc = _get(record, "doc_id", "doc_key")
    sent = _get(record, "sent_id")
    if sent is not None:
        return str(sent)
    if doc is not None:
        return f"{doc}-{number:04d}"
    return f"{path.stem}-{number:04d}"


def _ace_event(
    text: str, mapped: tuple[EventType, str | None], mention: dict[str, Any]
) -> GoldEvent:
    event_type, mode = mapped
    trigger = _get(mention, "trigger")
    if isinstance(trigger, dict):
        trigger = trigger.get("text")
    actors: list[GoldActor] = []
    fields: dict[str, Any] = {}
    for argument in _get(mention, "arguments") or []:
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


# ---------------------------------------------------------------------------
# Reading and format detection


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise InputError(path, "no such file") from error
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON: {error.msg}", line=error.lineno) from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error


def _read_json_records(path: Path) -> list[Any]:
    """A JSON list, or JSON Lines (one object per line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise InputError(path, "no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error
    if text.lstrip().startswith("["):
        data = _read_json(path)
        return list(data)
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise InputError(path, f"not valid JSON: {error.msg}", line=number) from error
    return records


def _first_record(path: Path) -> dict[str, Any] | None:
    """The first JSON object of a JSON list, or of JSON Lines (reading one line only)."""
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                if line.lstrip().startswith("["):
                    break
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(path, f"not valid JSON: {error.msg}", line=number) from error
                return record if isinstance(record, dict) else None
            else:
                return None
    except FileNotFoundError as error:
        raise InputError(path, "no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error
    records = _read_json(path)
    if not isinstance(records, list):
        return None
    return next((record for record in records if isinstance(record, dict)), None)


def detect_format(path: str | Path) -> GoldFormat:
    """Guess a gold file's format from its first record.

    PLOVER: a JSON list whose records carry `event` and `text` (or the "DOCUMENT" header).
    ACE: records with `sentence` and event mentions. eventx: records with `text` and
    `events`. Raises InputError when none fits.
    """
    path = Path(path)
    first = _first_record(path)
    if first is None:
        raise InputError(path, "no JSON object to tell the gold format from")
    if "events" in first and "text" in first:
        return "eventx"
    if _get(first, "golden_event_mentions", "event_mentions") is not None or "sentence" in first:
        return "ace"
    if "event" in first and ("text" in first or first.get("event") == "DOCUMENT"):
        return "plover"
    raise InputError(
        path, f"cannot tell the gold format (keys {sorted(first)[:8]}); give one of {GOLD_FORMATS}"
    )


def convert(path: str | Path, fmt: str | None = None) -> list[GoldDocument]:
    """Read gold documents from `path` in `fmt`: "eventx", "plover", "ace", or None to detect."""
    chosen = detect_format(path) if fmt is None or fmt == "auto" else fmt
    if chosen == "eventx":
        return load_gold(path)
    if chosen == "plover":
        return from_plover(path)
    if chosen == "ace":
        return from_ace(path)
    raise InputError(path, f"unknown gold format {fmt!r}; use one of {GOLD_FORMATS}")
