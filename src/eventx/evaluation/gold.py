"""The eventx gold format: gold documents, events and names, with their loader and writer."""

from __future__ import annotations

import json
import re
from datetime import date as Date
from pathlib import Path
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from eventx import jsonl, resources
from eventx.errors import InputError
from eventx.schema import Document, EventType, Status

from .files import nonblank_lines, validation_reason

ISO3 = re.compile(r"^[A-Z]{3}$")
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

    Accepts the shorthand forms "Bamako", ["Jane Doe", "Doe"] and
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
        if value is not None and not ISO3.match(value):
            raise ValueError(f"country must be an ISO3 code, got {value!r}")
        return value

    @property
    def name(self) -> str:
        """The first (preferred) name."""
        return self.names[0]


class GoldActor(_Named):
    """A gold participant: "Jane Doe", ["Jane Doe", "Doe"], or
    {"name": "Jane Doe" | [...], "country": "USA"}."""

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
            known = resources.topic_names()
            unknown = sorted(set(value) - known)
            if unknown:
                raise ValueError(f"unknown topic(s) {unknown}; known: {sorted(known)}")
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


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read an eventx gold file (JSON Lines, one GoldDocument per line; blank lines skipped).

    Raises InputError naming the file and line for unreadable JSON, invalid documents and
    duplicate ids.
    """
    path = Path(path)
    documents: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for number, line in nonblank_lines(path):
        try:
            data = jsonl.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(path, f"not valid JSON: {error.msg}", line=number) from error
        try:
            document = GoldDocument.model_validate(data)
        except ValidationError as error:
            raise InputError(path, validation_reason(error), line=number) from error
        if document.id in seen:
            raise InputError(
                path,
                f"duplicate document id {document.id!r} (first on line {seen[document.id]})",
                line=number,
            )
        seen[document.id] = number
        documents.append(document)
    return documents


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
