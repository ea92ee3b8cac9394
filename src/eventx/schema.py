"""Pydantic v2 models: the event records eventx emits, the documents it reads, its rule files."""

from __future__ import annotations

import hashlib
from datetime import date as Date
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.0"

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


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Actor(_Record):
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


class Place(_Record):
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


class Event(_Record):
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


class Document(_Record):
    """A document to extract from: its text and what is known about it."""

    doc_id: str
    text: str
    title: str | None = None
    date: Date | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="Path or '-' it was read from.")


def check_iso3(value: str | None) -> str | None:
    """Three upper-case letters (ISO 3166-1 alpha-3, or a user's own code like 'FRD')."""
    if value is not None and not (
        len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()
    ):
        raise ValueError(f"country must be a three-letter upper-case code, got {value!r}")
    return value


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts, stable across runs and machines."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


# ---------------------------------------------------------------------------
# Rule-file lines


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


Role = Literal["actors", "recipients", "venue", "destination", "topic", "deep", "none"]


class TriggerRule(BaseModel):
    """One line of `models/triggers.jsonl`: a trigger word and how its arguments map to roles.

    A verb trigger fires on its lemma; a noun trigger ("talks", "summit") fires alone or as
    the object of one of `light_verbs` ("held talks"), whose subject then acts.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z_]+(\.[a-z0-9_]+)+\.v\d+$")
    event: EventType
    mode: str | None = None
    cameo: str | None = Field(default=None, pattern=r"^\d{2,4}$")
    lemma: str = Field(min_length=1, description="Lower-case lemma of the trigger word.")
    pos: tuple[Literal["VERB", "NOUN", "ADJ"], ...] = ("VERB",)
    particle: str | None = Field(default=None, description="Phrasal particle: 'off' in 'call off'.")
    requires_prep: tuple[str, ...] = Field(
        default=(), description="Fire only when one of these prepositions attaches to the trigger."
    )
    requires_word: tuple[str, ...] = Field(
        default=(), description="Fire only when one of these lemmas is a child of the trigger."
    )
    forbid_prep: tuple[str, ...] = Field(
        default=(),
        description="Do not fire when one of these attaches ('called for', 'called on').",
    )
    forbid_word: tuple[str, ...] = Field(
        default=(), description="Do not fire when one of these lemmas is in the trigger's phrase."
    )
    requires_object: Literal["", "phrase", "head"] = Field(
        default="",
        description="Fire only when the object names an actor or place: anywhere in its "
        "phrase ('visited the Malian capital') or as its head ('welcomed Doe').",
    )
    deep_object: bool = Field(
        default=False,
        description="When the object is not itself an actor, look inside its phrase: "
        "'condemned Russia's attack' targets Russia.",
    )
    absorbs: bool = Field(
        default=False,
        description="What the trigger governs is this event's content, not an event of its "
        "own: 'refused to sign', 'urged X to meet', 'agreed to restore ties'.",
    )
    reported: bool = Field(
        default=False,
        description="The trigger is a modal in reported speech ('Russia said Sudan must return "
        "the helicopter'): the reporter acts, the clause's subject is the recipient.",
    )
    standalone: bool = Field(
        default=True,
        description="For nouns: fire without a light verb when the noun names participants.",
    )
    light_verbs: tuple[str, ...] = Field(
        default=(), description="For nouns: verbs whose subject acts ('hold' talks, 'pay' a visit)."
    )
    anywhere: bool = Field(
        default=False,
        description="For nouns: fire in any position, as the object of any verb or in an "
        "adjunct ('during a visit to Juba', 'revealed his phone call with X').",
    )
    min_parties: int = Field(
        default=2,
        ge=1,
        le=2,
        description="Named participants the record needs: 1 for contacts one party can hold "
        "('opposition parties are holding talks', 'a meeting of EU ministers').",
    )
    forbid_object: tuple[str, ...] = Field(
        default=(),
        description="Object lemmas that give the trigger another sense ('meet a need').",
    )
    plural: bool = Field(
        default=False,
        description="For nouns: only the plural is a contact ('held talks', not 'loose talk').",
    )
    forbid_governor: tuple[str, ...] = Field(
        default=(),
        description="Lemmas of the verb carrying the trigger that give it another sense: "
        "'recalled its ambassador for consultations'.",
    )
    forbid_dep: tuple[str, ...] = Field(
        default=(),
        description="Dependents that give the trigger another sense: an 'oprd' in 'called "
        "Pakistan a terrorist state'.",
    )
    forbid_modifier: tuple[str, ...] = Field(
        default=(),
        description="Modifier lemmas that give a noun another sense ('news conference').",
    )
    subject: Role = "actors"
    object: Role = "recipients"
    preps: dict[str, Role] = Field(default_factory=dict)
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)

    @field_validator("lemma", "particle")
    @classmethod
    def _lower(cls, value: str | None) -> str | None:
        if value is not None and value != value.lower():
            raise ValueError("must be lower case")
        return value


class TopicRule(BaseModel):
    """One line of `models/topics.jsonl`: a topic of the controlled vocabulary and its terms."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^topic\.[a-z_]+\.v\d+$")
    topic: str = Field(pattern=r"^[a-z_]+$")
    description: str
    terms: tuple[str, ...] = Field(min_length=1, description="Lower-case lemmas or phrases.")


class ExclusionRule(BaseModel):
    """One line of `models/exclusions.jsonl`: words that mark a sentence as not diplomatic.

    "Real Madrid will meet Bayern Munich in the semi-finals" is sport, not a meeting.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^exclude\.[a-z_]+\.v\d+$")
    description: str
    terms: tuple[str, ...] = Field(min_length=1, description="Lower-case lemmas or phrases.")
    events: tuple[EventType, ...] = Field(min_length=1, description="Event types it blocks.")


class LexiconRule(BaseModel):
    """One line of `models/lexicons.jsonl`: a named word list the extraction rules consult."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^lexicon\.[a-z_]+\.v\d+$")
    name: str = Field(pattern=r"^[a-z_]+$")
    description: str
    words: tuple[str, ...] = Field(min_length=1, description="Lower-case lemmas or words.")

    @field_validator("words")
    @classmethod
    def _lower(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        if any(word != word.lower() for word in words):
            raise ValueError("words must be lower case")
        return words


class BoilerplateRule(BaseModel):
    """One line of `models/boilerplate.jsonl`: a whole line of page furniture, not article text.

    `pattern` is a regex matched against the whole line, case-folded, with runs of spaces made
    one and trailing punctuation removed, so a sentence that merely mentions a newsletter is
    never touched. `examples` are lines it must strip.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^boilerplate\.[a-z_]+\.v\d+$")
    description: str
    pattern: str = Field(min_length=1)
    examples: tuple[str, ...] = Field(min_length=1)


class OutlineLine(BaseModel):
    """One line of `models/world_outline.jsonl`: a country's outline for the report's map."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    iso3: str = Field(min_length=2, description="ADM0_A3 code from Natural Earth.")
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...] = Field(
        min_length=1, description="Closed rings of (longitude, latitude) points."
    )

    @field_validator("rings")
    @classmethod
    def _on_earth(
        cls, rings: tuple[tuple[tuple[float, float], ...], ...]
    ) -> tuple[tuple[tuple[float, float], ...], ...]:
        for ring in rings:
            if any(not (-180 <= lon <= 180 and -90 <= lat <= 90) for lon, lat in ring):
                raise ValueError("points must be (longitude, latitude) within range")
        return rings
