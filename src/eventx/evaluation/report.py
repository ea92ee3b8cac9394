"""The evaluation report: precision/recall counts, field accuracies, errors and calibration."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, computed_field

FIELDS: tuple[str, ...] = ("mode", "status", "location", "date", "countries")
"""Per-field accuracies reported for matched events, in display order."""

# Predictions at or above this confidence are the confident ones (`confident.precision`).
CONFIDENT = 0.8


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


class PRF(_Model):
    """Counts for precision/recall/F1.

    `matched_gold` gold items were found (recall's numerator); `matched_predicted` of the
    `predicted` scored items were right (precision's numerator). They differ only when
    non-exhaustive documents keep some predictions out of precision.
    """

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return _ratio(self.matched_predicted, self.predicted)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return _ratio(self.matched_gold, self.gold)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        # Undefined only with nothing on either side; no predictions (or no gold) is 0.
        if self.gold == 0 and self.predicted == 0:
            return None
        precision, recall = self.precision or 0.0, self.recall or 0.0
        if precision + recall == 0:
            return 0.0
        return 2 * precision * recall / (precision + recall)

    def add(self, other: PRF) -> None:
        """Add another count into this one."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.matched_predicted += other.matched_predicted


class Accuracy(_Model):
    """How many matched events had a field scored, and how many of those were right."""

    scored: int = 0
    correct: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.scored)


def _fields() -> dict[str, Accuracy]:
    return {name: Accuracy() for name in FIELDS}


class Scores(_Model):
    """Event detection, dyads, field accuracies and topics for one event type or overall."""

    event: PRF = Field(default_factory=PRF)
    dyad: PRF = Field(default_factory=PRF)
    fields: dict[str, Accuracy] = Field(default_factory=_fields)
    topic: PRF = Field(default_factory=PRF)


class EventError(_Model):
    """A missed gold event or a false-positive prediction, for `--show-errors`."""

    doc_id: str
    event: str
    mode: str | None = None
    sentence: str
    trigger: str | None = None
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)


class FieldError(_Model):
    """A matched event whose field disagrees with the gold."""

    doc_id: str
    event: str
    field: str
    sentence: str
    gold: str
    predicted: str


class EvaluationReport(_Model):
    """Everything `eventx evaluate` reports. Per-type scores are keyed by gold/predicted type."""

    documents: int = 0
    overall: Scores = Field(default_factory=Scores)
    per_type: dict[str, Scores] = Field(default_factory=dict)
    misses: list[EventError] = Field(default_factory=list)
    false_positives: list[EventError] = Field(default_factory=list)
    field_errors: list[FieldError] = Field(default_factory=list)
    unscored_predictions: int = Field(
        default=0, description="Unmatched predictions in non-exhaustive documents."
    )
    unknown_documents: int = Field(
        default=0, description="Predictions whose doc_id is not in the gold; ignored."
    )
    unmapped: dict[str, int] = Field(
        default_factory=dict, description="Source event types the converter left out."
    )
    calibration: dict[str, Accuracy] = Field(
        default_factory=dict,
        description="Scored predictions by confidence band ('0.8-0.9'): how many were right "
        "(matched a gold event of their type in their sentence).",
    )


def confidence_band(confidence: float) -> str:
    """The tenth a confidence falls in, as the calibration table keys it ('0.8-0.9')."""
    low = min(int(confidence * 10), 9) / 10
    return f"{low:.1f}-{low + 0.1:.1f}"


def confident_precision(report: EvaluationReport, threshold: float = CONFIDENT) -> float | None:
    """Share of scored predictions with confidence >= threshold that were right."""
    bands = [acc for band, acc in report.calibration.items() if float(band[:3]) >= threshold]
    return _ratio(sum(a.correct for a in bands), sum(a.scored for a in bands))
