"""Quality floors: metric keys, their values in a report, and which fall below a floor."""

from __future__ import annotations

from collections.abc import Mapping

from eventx.schema import EVENT_TYPES

from .report import FIELDS, PRF, EvaluationReport, confident_precision

_PRF_METRICS = ("precision", "recall", "f1")
_GROUPS = ("event", "dyad", "topic")


def metric_keys() -> list[str]:
    """Every overall metric key `metric_floor_failures` understands.

    "event.precision", "event.recall", "event.f1", the same for "dyad" and "topic", and
    "<field>.accuracy" for each of FIELDS ("mode", "status", "location", "date",
    "countries"). Prefix a key with an event type ("CONSULT.event.f1") for that type only.
    "confident.precision" is the share of predictions with confidence >= 0.8 that were right.
    """
    keys = [f"{group}.{metric}" for group in _GROUPS for metric in _PRF_METRICS]
    return [*keys, *(f"{name}.accuracy" for name in FIELDS), "confident.precision"]


def metric_value(report: EvaluationReport, key: str) -> float | None:
    """The value of one metric key (see `metric_keys`); None when nothing was scored.

    Raises KeyError for a key that names no metric.
    """
    if key == "confident.precision":
        return confident_precision(report)
    parts = key.split(".")
    scores = report.overall
    if len(parts) == 3:
        event_type, *parts = parts
        if event_type not in EVENT_TYPES:
            raise KeyError(key)
        if event_type not in report.per_type:
            return None
        scores = report.per_type[event_type]
    if len(parts) != 2:
        raise KeyError(key)
    group, metric = parts
    if group in _GROUPS and metric in _PRF_METRICS:
        prf: PRF = getattr(scores, group)
        value: float | None = getattr(prf, metric)
        return value
    if group in FIELDS and metric == "accuracy":
        return scores.fields[group].accuracy
    raise KeyError(key)


def metric_floor_failures(report: EvaluationReport, floors: Mapping[str, float]) -> list[str]:
    """One message per metric below its floor, unmeasured, or unknown (sorted by key).

    A metric that could not be measured (no gold or no predictions for it) fails, since its
    floor cannot be shown to hold.
    """
    failures = []
    for key in sorted(floors):
        floor = floors[key]
        try:
            value = metric_value(report, key)
        except KeyError:
            failures.append(f"{key}: unknown metric (known: {', '.join(metric_keys())})")
            continue
        if value is None:
            failures.append(f"{key}: not measured (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{key}: {value:.3f} is below the floor {floor:.3f}")
    return failures
