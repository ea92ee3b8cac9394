"""Old home of the gold format, kept so that code written against it still imports.

New code imports from `eventx.evaluation` (the format itself is `eventx.evaluation.gold`).
"""

from __future__ import annotations

from .evaluation.ace import ACE_TYPES, from_ace
from .evaluation.formats import GOLD_FORMATS, GoldFormat, convert, detect_format
from .evaluation.gold import (
    GoldActor,
    GoldDocument,
    GoldEvent,
    GoldPlace,
    dump_gold,
    find_sentence,
    load_gold,
)
from .evaluation.plover import PLOVER_CONTEXTS, PLOVER_TYPES, from_plover

__all__ = [
    "ACE_TYPES",
    "GOLD_FORMATS",
    "PLOVER_CONTEXTS",
    "PLOVER_TYPES",
    "GoldActor",
    "GoldDocument",
    "GoldEvent",
    "GoldFormat",
    "GoldPlace",
    "convert",
    "detect_format",
    "dump_gold",
    "find_sentence",
    "from_ace",
    "from_plover",
    "load_gold",
]
