"""The closed vocabularies records and rules use: event types, kinds, labels, status, roles."""

from __future__ import annotations

from enum import Enum
from typing import Literal

EventType = Literal[
    "CONSULT",
    "AGREE",
    "REQUEST",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "SANCTION",
    "REJECT",
    "ACCUSE",
    "THREATEN",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

ActorKind = Literal["person", "government", "country", "organization", "group"]
PlaceKind = Literal["city", "country", "region", "venue", "state", "other"]
Label = Literal["GPE", "LOC", "ORG", "NORP", "PERSON", "TITLE", "FAC"]


class Status(str, Enum):
    """Whether the event happened, according to the text."""

    occurred = "occurred"
    planned = "planned"
    negated = "negated"
    hypothetical = "hypothetical"


Role = Literal["actors", "recipients", "venue", "destination", "topic", "deep", "none"]
