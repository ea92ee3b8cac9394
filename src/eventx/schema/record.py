"""The event record eventx emits, and the document it reads one from."""

from __future__ import annotations

from datetime import date as Date
from typing import Literal

from pydantic import Field

from .base import SCHEMA_VERSION, FrozenRecord
from .party import Actor, Place
from .vocabulary import EventType, Status


class Event(FrozenRecord):
    """One event: who did what to whom, where, about what, when, and the sentence that says so."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Stable hash of doc_id, type, mode and trigger offset.")
    doc_id: str
    event: EventType
    mode: str | None = Field(default=None, description="PLOVER mode, e.g. meet, visit, host.")
    cameo: str | None = Field(default=None, description="CAMEO code alongside the PLOVER type.")
    status: Status
    historical: bool = Field(
        default=False, description="The text places the event well before the document date."
    )
    actors: list[Actor] = Field(default_factory=list)
    recipients: list[Actor] = Field(default_factory=list)
    location: Place | None = None
    topics: list[str] = Field(default_factory=list)
    about: list[str] = Field(default_factory=list, description="Raw topic phrases.")
    date: Date | None = Field(default=None, description="Resolved date of the event, if known.")
    date_text: str | None = Field(default=None, description="The raw date expression.")
    date_precision: Literal["day", "week", "month", "year"] | None = Field(
        default=None, description="How much of `date` the text gives: 'next month' is a month."
    )
    sentence: str
    start: int = Field(ge=0, description="Character offset of the sentence in the document.")
    end: int = Field(ge=0)
    trigger: str
    trigger_start: int = Field(ge=0)
    trigger_end: int = Field(ge=0)
    rule: str = Field(description="Id of the rule that fired, e.g. 'consult.meet.with.v1'.")
    confidence: float = Field(ge=0.0, le=1.0)
    amount: str | None = Field(default=None, description="Money or quantity, for AID events.")


class Document(FrozenRecord):
    """A document to extract from: its text and what is known about it."""

    doc_id: str
    text: str
    title: str | None = None
    date: Date | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="Path or '-' it was read from.")
