"""The one place that knows where `models/` lives and how to read its rule files."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .errors import RuleFileError
from .schema import (
    ExclusionRule,
    GazetteerEntry,
    LexiconRule,
    OfficeHolder,
    PatternLine,
    TopicRule,
    TriggerRule,
)

M = TypeVar("M", bound=BaseModel)

# Entity-ruler files, in the order their rulers run: earlier rulers win overlaps.
RULER_FILES: dict[str, str] = {
    "eventx_actors": "actors.jsonl",
    "eventx_orgs": "organizations.jsonl",
    "eventx_places": "places.jsonl",
}
# Names that are also common words ("Nice", "Split"): matched after the NER, and only after a
# locative preposition ("talks in Nice").
CONTEXT_RULER_FILES: dict[str, str] = {"eventx_places_ambiguous": "places_ambiguous.jsonl"}
GAZETTEER_FILE = "gazetteer.jsonl"
TRIGGER_FILE = "triggers.jsonl"
TOPIC_FILE = "topics.jsonl"
EXCLUSION_FILE = "exclusions.jsonl"
LEXICON_FILE = "lexicons.jsonl"
OFFICE_HOLDERS_FILE = "office_holders.jsonl"


def models_dir() -> Path:
    """Where the rule files are: `EVENTX_MODELS_DIR`, else the checkout's `models/` when run
    from source, else the copy inside the installed package."""
    if override := os.environ.get("EVENTX_MODELS_DIR"):
        return Path(override)
    package = Path(__file__).resolve().parent
    checkout = package.parent.parent / "models"
    if (checkout / TRIGGER_FILE).is_file():
        return checkout
    return package / "models"


def iter_jsonl(path: Path, model: type[M]) -> Iterator[M]:
    """Validate each non-blank line of a JSONL file; errors name the file and the line."""
    for _, item in iter_numbered(path, model):
        yield item


def json_objects(path: Path) -> Iterator[tuple[int, dict[str, object]]]:
    """(line number, object) for each non-blank line of a JSONL file; a line that cannot be
    read or is not a JSON object is a RuleFileError naming the file and the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise RuleFileError(path, f"not UTF-8 text (byte {err.start})") from err
    except OSError as err:
        raise RuleFileError(path, f"cannot read: {err.strerror or err}") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise RuleFileError(path, f"invalid JSON: {err.msg}", line=number) from err
        if not isinstance(data, dict):
            raise RuleFileError(path, "expected a JSON object", line=number)
        yield number, data


def iter_numbered(path: Path, model: type[M]) -> Iterator[tuple[int, M]]:
    """Like `iter_jsonl`, with each line's number."""
    for number, data in json_objects(path):
        try:
            validated = model.model_validate(data)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "line"
            raise RuleFileError(path, f"{where}: {first['msg']}", line=number) from err
        yield number, validated


def read_patterns(path: Path) -> tuple[PatternLine, ...]:
    """Read an entity-ruler pattern file (shipped or a user's `--patterns` file).

    Lines sharing an id must not describe it differently: a second, different `name`,
    `kind` or `country` for the same id is an error naming the line.
    """
    lines: list[PatternLine] = []
    described: dict[str, object] = {}
    for number, line in iter_numbered(path, PatternLine):
        entry = line.entry()
        if entry is not None:
            earlier = described.setdefault(line.id, entry)
            if earlier != entry:
                raise RuleFileError(
                    path, f"id {line.id!r} is described differently on an earlier line", number
                )
        lines.append(line)
    return tuple(lines)


@cache
def _shipped_patterns(directory: Path, name: str) -> tuple[PatternLine, ...]:
    return read_patterns(directory / name)


def shipped_patterns(ruler: str) -> tuple[PatternLine, ...]:
    """The shipped pattern lines of one ruler (see RULER_FILES and CONTEXT_RULER_FILES)."""
    return _shipped_patterns(models_dir(), {**RULER_FILES, **CONTEXT_RULER_FILES}[ruler])


def _unique_ids(path: Path, model: type[M]) -> tuple[M, ...]:
    """Every line of a rule file, each id used once; a repeated id names its line."""
    seen: set[str] = set()
    items: list[M] = []
    for number, item in iter_numbered(path, model):
        item_id = getattr(item, "id")  # noqa: B009 - every rule model has an id
        if item_id in seen:
            raise RuleFileError(path, f"duplicate id {item_id!r}", line=number)
        seen.add(item_id)
        items.append(item)
    return tuple(items)


@cache
def _rule_file(directory: Path, name: str, model: type[M]) -> tuple[M, ...]:
    return _unique_ids(directory / name, model)


def gazetteer() -> dict[str, GazetteerEntry]:
    """Metadata for every entity id the shipped rulers use (a fresh dict; entries are frozen)."""
    entries = _rule_file(models_dir(), GAZETTEER_FILE, GazetteerEntry)
    return {entry.id: entry for entry in entries}


def trigger_rules() -> tuple[TriggerRule, ...]:
    """The event trigger lexicon and its argument rules."""
    return _rule_file(models_dir(), TRIGGER_FILE, TriggerRule)


def topic_rules() -> tuple[TopicRule, ...]:
    """The controlled topic vocabulary with the terms that signal each topic."""
    return _rule_file(models_dir(), TOPIC_FILE, TopicRule)


def topic_names() -> frozenset[str]:
    """The topics of the controlled vocabulary: the one list gold files and tests check against."""
    return frozenset(rule.topic for rule in topic_rules())


def exclusion_rules() -> tuple[ExclusionRule, ...]:
    """Context words that mark a sentence as sport, business or private life."""
    return _rule_file(models_dir(), EXCLUSION_FILE, ExclusionRule)


def lexicon_rules() -> tuple[LexiconRule, ...]:
    """Named word lists the extraction rules consult (role nouns, planning verbs, ...)."""
    return _rule_file(models_dir(), LEXICON_FILE, LexiconRule)


def office_holders(path: Path | None = None) -> tuple[OfficeHolder, ...]:
    """The dated office holders (shipped, or from another file such as a test's)."""
    if path is not None:
        return _unique_ids(path, OfficeHolder)
    return _rule_file(models_dir(), OFFICE_HOLDERS_FILE, OfficeHolder)

