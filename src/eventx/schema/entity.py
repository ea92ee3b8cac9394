"""Rule-file lines about entities: ruler patterns, gazetteer entries, office holders."""

from __future__ import annotations

from datetime import date as Date

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .base import check_iso3
from .vocabulary import Label


class PatternLine(BaseModel):
    """One entity-ruler line, in spaCy's pattern format plus optional eventx metadata.

    Shipped files carry `label`, `pattern` and `id` only and keep metadata in the
    gazetteer; a user's `--patterns` file may carry the metadata inline.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Label
    pattern: str | list[dict[str, object]]
    id: str = Field(min_length=1)
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    title: str | None = None
    sector: str | None = None

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        return check_iso3(value)

    @field_validator("pattern")
    @classmethod
    def _non_empty(cls, value: str | list[dict[str, object]]) -> str | list[dict[str, object]]:
        if not value or (isinstance(value, str) and not value.strip()):
            raise ValueError("pattern must not be empty")
        return value

    def entry(self) -> GazetteerEntry | None:
        """The gazetteer entry this line defines inline, if it carries metadata."""
        if self.name is None and self.kind is None and self.country is None:
            return None
        name = self.name or (self.pattern if isinstance(self.pattern, str) else self.id)
        return GazetteerEntry(
            id=self.id,
            label=self.label,
            name=name,
            kind=self.kind or _DEFAULT_KIND[self.label],
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            title=self.title,
            sector=self.sector,
        )


_DEFAULT_KIND = {
    "GPE": "country",
    "LOC": "region",
    "ORG": "organization",
    "NORP": "demonym",
    "PERSON": "person",
    "TITLE": "title",
    "FAC": "venue",
}


class GazetteerEntry(BaseModel):
    """What eventx knows about one entity id: the line format of `models/gazetteer.jsonl`.

    kind is one of: country, city, region, state, venue (places); seat (a building or
    district that stands for a government: the Kremlin); government, ministry,
    organization, igo, group, media (organizations); demonym; person; title.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    label: Label
    name: str
    kind: str
    country: str | None = Field(default=None, description="ISO3 of the country it belongs to.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geonames_id: int | None = None
    capital_of: str | None = Field(default=None, description="ISO3, for a seat of government.")
    title: str | None = None
    sector: str | None = Field(default=None, description="PLOVER sector code: GOV, MIL, ...")

    @field_validator("country", "capital_of")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        return check_iso3(value)


class OfficeTerm(BaseModel):
    """One term of office: what a person held, for which country or organisation, and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    office: str = Field(min_length=1, description="Canonical title: 'Foreign Minister'.")
    country: str | None = Field(default=None, description="ISO3 of the state served.")
    org: str | None = Field(default=None, description="Id of the organisation served: 'org.un'.")
    sector: str = Field(default="GOV", description="PLOVER sector code of the office.")
    start: Date
    end: Date | None = Field(default=None, description="None while the term runs.")
    checked: Date | None = Field(
        default=None, description="For a running term: the day the list last confirmed it."
    )

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        return check_iso3(value)

    @model_validator(mode="after")
    def _one_body(self) -> OfficeTerm:
        if (self.country is None) == (self.org is None):
            raise ValueError("a term serves either a country or an organisation")
        if self.end is not None and self.end < self.start:
            raise ValueError("end must not be before start")
        return self

    def covers(self, when: Date) -> bool:
        """Whether the term ran on that day, as far as the list knows: a running term is
        known only up to the day it was last checked."""
        last = self.end if self.end is not None else self.checked
        return self.start <= when and (last is None or when <= last)


class OfficeHolder(BaseModel):
    """One line of `models/office_holders.jsonl`: a person who held offices news is about."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^person\.[a-z0-9_]+$")
    name: str = Field(min_length=1)
    names: tuple[str, ...] = Field(default=(), description="Other full forms of the name.")
    surnames: tuple[str, ...] = Field(
        default=(), description="Short forms that stand for the person alone: 'Putin'."
    )
    country: str | None = Field(default=None, description="ISO3 of the state they served.")
    terms: tuple[OfficeTerm, ...] = Field(min_length=1)

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        return check_iso3(value)

    def term_on(self, when: Date | None) -> OfficeTerm | None:
        """The office held on that day (the latest begun, if two overlap); without a day,
        the latest term."""
        if when is None:
            return max(self.terms, key=lambda term: term.start)
        running = [term for term in self.terms if term.covers(when)]
        return max(running, key=lambda term: term.start) if running else None
