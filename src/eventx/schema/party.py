"""Who takes part in an event and where it happens: `Actor` and `Place`."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from .base import FrozenRecord, check_iso3
from .vocabulary import ActorKind, PlaceKind


class Actor(FrozenRecord):
    """A participant in an event, resolved to a name, an office and a country."""

    text: str = Field(description="The text the actor was found as, in the sentence.")
    name: str = Field(description="The fullest name the document gives this actor.")
    title: str | None = Field(default=None, description="Office or role, e.g. 'Foreign Minister'.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 affiliation.")
    kind: ActorKind
    sector: str | None = Field(default=None, description="PLOVER sector code, e.g. GOV, MIL.")
    id: str | None = Field(default=None, description="Canonical entity id from the rule files.")
    start: int = Field(ge=0, description="Character offset of `text` in the document.")
    end: int = Field(ge=0)

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        return check_iso3(value)

    @model_validator(mode="after")
    def _offsets(self) -> Actor:
        if self.end < self.start:
            raise ValueError("end must not be before start")
        return self


class Place(FrozenRecord):
    """Where an event happened, resolved to a gazetteer entry when possible."""

    text: str = Field(description="The text the place was found as.")
    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 code.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    kind: PlaceKind = "other"
    id: str | None = Field(
        default=None, description="Canonical id, e.g. 'geonames:2460596' or an ISO3."
    )
    start: int | None = Field(default=None, ge=0, description="Offset of `text` in the document.")
    end: int | None = Field(default=None, ge=0)
    inherited: bool = Field(
        default=False, description="True when the venue comes from an earlier sentence."
    )
