"""Reading gold files: whole JSON, JSON Lines, the first record; errors name the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from eventx import jsonl
from eventx.errors import InputError


def nonblank_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) for each non-blank line of a UTF-8 text file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise InputError(path, "no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error
    yield from jsonl.nonblank_lines(text)


def validation_reason(error: ValidationError) -> str:
    """The first three problems of a validation error, on one line."""
    parts = []
    for problem in error.errors()[:3]:
        where = ".".join(str(part) for part in problem["loc"])
        parts.append(f"{where}: {problem['msg']}" if where else problem["msg"])
    more = error.error_count() - 3
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


def read_json(path: Path) -> Any:
    """The whole file as one JSON value."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise InputError(path, "no such file") from error
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON: {error.msg}", line=error.lineno) from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error


def read_json_records(path: Path) -> list[Any]:
    """A JSON list, or JSON Lines (one object per line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise InputError(path, "no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error
    if text.lstrip().startswith("["):
        data = read_json(path)
        return list(data)
    records = []
    for number, line in jsonl.nonblank_lines(text):
        try:
            records.append(jsonl.loads(line))
        except json.JSONDecodeError as error:
            raise InputError(path, f"not valid JSON: {error.msg}", line=number) from error
    return records


def first_record(path: Path) -> dict[str, Any] | None:
    """The first JSON object of a JSON list, or of JSON Lines (reading one line only)."""
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                if line.lstrip().startswith("["):
                    break
                try:
                    record = jsonl.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(path, f"not valid JSON: {error.msg}", line=number) from error
                return record if isinstance(record, dict) else None
            else:
                return None
    except FileNotFoundError as error:
        raise InputError(path, "no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error
    records = read_json(path)
    if not isinstance(records, list):
        return None
    return next((record for record in records if isinstance(record, dict)), None)
