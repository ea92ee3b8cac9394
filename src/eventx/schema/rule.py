"""Rule-file lines the extraction and the report read: triggers, topics, word lists, outlines."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .vocabulary import EventType, Role


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
    forbid_particle: tuple[str, ...] = Field(
        default=(),
        description="Do not fire with one of these particles, even one that otherwise changes "
        "nothing ('up' in 'give up weapons', which is no gift).",
    )
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
    means_targets: bool = Field(
        default=False,
        description="A one-sided pledge: when what it promises names no party, whom the "
        "means it tells acts on is its other side ('vowed to be firm in standing up to X').",
    )
    demand_only: bool = Field(
        default=False,
        description="The verb also asserts: fire only when its complement is a demand, a "
        "clause with 'must'/'should' or a bare verb ('insisted that Iran halt') or a noun "
        "('insisted on a ceasefire'), not a statement ('insisted they could win').",
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
    forbid_complement: tuple[str, ...] = Field(
        default=(),
        description="Lemmas of the verb's 'to' complement that give it another sense: "
        "'declined to comment', 'refused to say' withhold words, they reject nothing.",
    )
    forbid_aim: bool = Field(
        default=False,
        description="Do not fire on the aim of another act, a subjectless 'to' infinitive "
        "('gave $40 million to support clinics'): the act that serves it is the event.",
    )
    forbid_claim: bool = Field(
        default=False,
        description="Do not fire when the object is a claim, a noun with a 'that' clause of "
        "fact ('dismissed any notion that his government armed the militia').",
    )
    forbid_concurring: bool = Field(
        default=False,
        description="Do not fire on a 'with' phrase and nothing agreed upon ('seemed to agree "
        "with the general'): a view shared, not an agreement.",
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
    object_with_prep: dict[str, Role] = Field(
        default_factory=dict,
        description="Prepositions that change the object's role: with 'on' in 'blamed the "
        "attack on X' (not 'on Thursday'), the object is the deed, a topic.",
    )
    for_subject: Role | None = Field(
        default=None,
        description="Role of the subject of a 'for X to VERB' clause on the trigger: in "
        "'called for Israel to withdraw' Israel is who is asked.",
    )
    requires_asked: bool = Field(
        default=False,
        description="Fire only on a 'for X to VERB' clause that names who is asked ('pushing "
        "for the US to back the plan'); 'pushed for the package' names no one.",
    )
    object_preps: tuple[str, ...] = Field(
        default=(),
        description="Prepositions whose object is what the verb takes up, as a direct object "
        "would be ('agreed to any U.S. mediation'): with `deep_object`, its owner is the other "
        "side.",
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
