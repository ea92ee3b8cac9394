"""Gold file formats: telling them apart and reading any of them as eventx gold documents."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from eventx.errors import InputError

from .ace import first_key, from_ace
from .files import first_record
from .gold import GoldDocument, load_gold
from .plover import from_plover

GoldFormat = Literal["eventx", "plover", "ace"]
GOLD_FORMATS: tuple[str, ...] = ("eventx", "plover", "ace")


def detect_format(path: str | Path) -> GoldFormat:
    """Guess a gold file's format from its first record.

    PLOVER: a JSON list whose records carry `event` and `text` (or the "DOCUMENT" header).
    ACE: records with `sentence` and event mentions. eventx: records with `text` and
    `events`. Raises InputError when none fits.
    """
    path = Path(path)
    first = first_record(path)
    if first is None:
        raise InputError(path, "no JSON object to tell the gold format from")
    if "events" in first and "text" in first:
        return "eventx"
    if (
        first_key(first, "golden_event_mentions", "event_mentions") is not None
        or "sentence" in first
    ):
        return "ace"
    if "event" in first and ("text" in first or first.get("event") == "DOCUMENT"):
        return "plover"
    raise InputError(
        path, f"cannot tell the gold format (keys {sorted(first)[:8]}); give one of {GOLD_FORMATS}"
    )


def convert(path: str | Path, fmt: str | None = None) -> list[GoldDocument]:
    """Read gold documents from `path` in `fmt`: "eventx", "plover", "ace", or None to detect."""
    chosen = detect_format(path) if fmt is None or fmt == "auto" else fmt
    if chosen == "eventx":
        return load_gold(path)
    if chosen == "plover":
        return from_plover(path)
    if chosen == "ace":
        return from_ace(path)
    raise InputError(path, f"unknown gold format {fmt!r}; use one of {GOLD_FORMATS}")
