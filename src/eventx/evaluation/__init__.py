"""Evaluation against gold events: gold formats and converters, matching, scoring, floors.

Modules depend one way: `files` -> `gold` -> `plover`, `ace` -> `formats` for reading gold;
`report` -> `names` -> `matching` -> `scoring`, and `report` -> `floors`, for scoring.
"""

from __future__ import annotations

from .ace import ACE_TYPES, from_ace
from .floors import metric_floor_failures, metric_keys, metric_value
from .formats import GOLD_FORMATS, GoldFormat, convert, detect_format
from .gold import (
    GoldActor,
    GoldDocument,
    GoldEvent,
    GoldPlace,
    dump_gold,
    find_sentence,
    load_gold,
)
from .matching import is_symmetric
from .names import (
    LOCATION_TOLERANCE_KM,
    TITLES,
    actor_matches,
    country_name_table,
    haversine_km,
    name_tokens,
    names_match,
    place_matches,
)
from .plover import PLOVER_CONTEXTS, PLOVER_TYPES, from_plover
from .report import (
    CONFIDENT,
    FIELDS,
    PRF,
    Accuracy,
    EvaluationReport,
    EventError,
    FieldError,
    Scores,
    confident_precision,
)
from .scoring import evaluate

__all__ = [
    "ACE_TYPES",
    "CONFIDENT",
    "FIELDS",
    "GOLD_FORMATS",
    "LOCATION_TOLERANCE_KM",
    "PLOVER_CONTEXTS",
    "PLOVER_TYPES",
    "PRF",
    "TITLES",
    "Accuracy",
    "EvaluationReport",
    "EventError",
    "FieldError",
    "GoldActor",
    "GoldDocument",
    "GoldEvent",
    "GoldFormat",
    "GoldPlace",
    "Scores",
    "actor_matches",
    "confident_precision",
    "convert",
    "country_name_table",
    "detect_format",
    "dump_gold",
    "evaluate",
    "find_sentence",
    "from_ace",
    "from_plover",
    "haversine_km",
    "is_symmetric",
    "load_gold",
    "metric_floor_failures",
    "metric_keys",
    "metric_value",
    "name_tokens",
    "names_match",
    "place_matches",
]
