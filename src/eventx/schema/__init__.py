"""Pydantic v2 models: the event records eventx emits, the documents it reads, its rule files.

Every name is importable from `eventx.schema`; the modules split them by job.
"""

from __future__ import annotations

from .base import SCHEMA_VERSION, FrozenRecord, check_iso3, stable_id
from .entity import GazetteerEntry, OfficeHolder, OfficeTerm, PatternLine
from .party import Actor, Place
from .record import Document, Event
from .rule import (
    BoilerplateRule,
    ExclusionRule,
    LexiconRule,
    OutlineLine,
    TopicRule,
    TriggerRule,
)
from .vocabulary import EVENT_TYPES, ActorKind, EventType, Label, PlaceKind, Role, Status

__all__ = [
    "EVENT_TYPES",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "BoilerplateRule",
    "Document",
    "Event",
    "EventType",
    "ExclusionRule",
    "FrozenRecord",
    "GazetteerEntry",
    "Label",
    "LexiconRule",
    "OfficeHolder",
    "OfficeTerm",
    "OutlineLine",
    "PatternLine",
    "Place",
    "PlaceKind",
    "Role",
    "Status",
    "TopicRule",
    "TriggerRule",
    "check_iso3",
    "stable_id",
]
