"""Saving a component's rule knowledge with the pipeline, so `spacy.load` restores what it used.

A component that consults `Knowledge` writes every rule it holds (gazetteer entries, a user's
inline entities among them, triggers, topics, exclusions, word lists) into its directory of a
saved pipeline, one JSONL file per field. Loading reads those files back, validated, instead of
the installed `models/`: a saved pipeline keeps its user's entities under plain `spacy.load`
and does not change when the package's rules do.

The files follow the fields of `Knowledge` (a tuple of rule models, or a mapping of id to
model), so a field added there is saved without a change here; one of another type is refused
when saving rather than silently left out.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel

from .. import resources
from ..errors import RuleFileError
from ..extract.knowledge import Knowledge

FORMAT_FILE = "knowledge.json"
FORMAT = 1


@cache
def _layout() -> tuple[tuple[str, bool, type[BaseModel]], ...]:
    """(field name, is a mapping by id, rule model) for each field `Knowledge` is built from."""
    hints = typing.get_type_hints(Knowledge)
    layout = []
    for item in dataclasses.fields(Knowledge):
        if not item.init:
            continue
        hint = hints[item.name]
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        model = (args[-1] if origin is Mapping else args[0]) if args else None
        if origin not in (tuple, Mapping) or not (
            isinstance(model, type) and issubclass(model, BaseModel)
        ):
            raise TypeError(f"Knowledge.{item.name} ({hint}) has no saved form")
        layout.append((item.name, origin is Mapping, model))
    return tuple(layout)


def save_knowledge(knowledge: Knowledge, directory: Path) -> None:
    """Write every rule `knowledge` holds into `directory` (created if missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, by_id, _ in _layout():
        value = getattr(knowledge, name)
        items = list(value.values()) if by_id else list(value)
        with (directory / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for item in items:
                data = item.model_dump(mode="json", exclude_defaults=True)
                handle.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
    marker = {"format": FORMAT, "fields": [name for name, _, _ in _layout()]}
    (directory / FORMAT_FILE).write_text(json.dumps(marker) + "\n", encoding="utf-8")


def load_knowledge(directory: Path) -> Knowledge | None:
    """The knowledge saved in `directory`, or None when it holds none (a pipeline saved before
    components saved their rules). A damaged or missing file is a RuleFileError naming it."""
    marker = directory / FORMAT_FILE
    if not marker.is_file():
        return None
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise RuleFileError(marker, f"cannot read the saved rules: {err}") from err
    if not isinstance(saved, dict) or saved.get("format") != FORMAT:
        raise RuleFileError(marker, f"saved rules are not in format {FORMAT}")
    values: dict[str, object] = {}
    listed = saved.get("fields")
    for name, by_id, model in _layout():
        if isinstance(listed, list) and name not in listed:
            continue  # saved before Knowledge had this field (office_holders): its default
        path = directory / f"{name}.jsonl"
        if not path.is_file():
            raise RuleFileError(path, "missing from the saved pipeline")
        items = tuple(resources.iter_jsonl(path, model))
        if by_id:
            values[name] = MappingProxyType({getattr(item, "id"): item for item in items})  # noqa: B009
        else:
            values[name] = items
    return Knowledge(**values)  # type: ignore[arg-type]
