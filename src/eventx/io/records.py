"""Documents from structured records: JSON objects and arrays, JSON Lines, CSV and TSV rows."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date as Date
from datetime import datetime
from typing import Any

from eventx import jsonl
from eventx.errors import InputError
from eventx.io.discovery import DEFAULT_MAX_BYTES
from eventx.schema import Document, stable_id

TEXT_KEYS = ("text", "body", "content")


def parse_stdin_json(text: str) -> list[tuple[int | None, Any]] | None:
    """Records if stdin holds JSON (an object, an array, or one object per line), else None.

    An array with at least one object is records, each other item an error of its own.
    """
    stripped = text.strip()
    if stripped[:1] in "{[":
        try:
            whole = jsonl.loads(stripped)
        except ValueError:
            whole = None
        if isinstance(whole, dict):
            return [(None, whole)]
        if isinstance(whole, list) and any(isinstance(item, dict) for item in whole):
            return [(None, item) for item in whole]
    records: list[tuple[int | None, Any]] = []
    for number, line in jsonl.nonblank_lines(text):
        try:
            value = jsonl.loads(line)
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        records.append((number, value))
    return records or None


def _json_reason(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON: {error.msg}"
    return f"invalid JSON: {' '.join(str(error).split())[:200]}"


def json_documents(
    text: str, *, stem: str, source: str, field: str | None
) -> Iterator[Document | InputError]:
    try:
        value = jsonl.loads(text)
    except json.JSONDecodeError as error:
        yield InputError(source, f"invalid JSON: {error.msg}", line=error.lineno)
        return
    except ValueError as error:
        yield InputError(source, _json_reason(error))
        return
    if isinstance(value, dict):
        yield record_document(value, default_id=stem, source=source, field=field, line=None)
        return
    if not isinstance(value, list):
        yield InputError(source, "expected a JSON object or an array of objects")
        return
    if not value:
        yield InputError(source, "empty JSON array")
        return
    if not any(isinstance(item, dict) for item in value):
        # One line for the file, not one per item, when it holds no records at all.
        yield InputError(source, "expected a JSON object or an array of objects")
        return
    for index, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            yield InputError(source, f"item {index} is not a JSON object")
            continue
        document = record_document(
            item, default_id=f"{stem}-{index}", source=source, field=field, line=None
        )
        if isinstance(document, InputError):
            document = InputError(source, f"item {index}: {document.reason}")
        yield document


def jsonl_documents(
    text: str, *, stem: str, source: str, field: str | None
) -> Iterator[Document | InputError]:
    for number, line in jsonl.nonblank_lines(text):
        try:
            value = jsonl.loads(line)
        except ValueError as error:
            yield InputError(source, _json_reason(error), line=number)
            continue
        if not isinstance(value, dict):
            yield InputError(source, "not a JSON object", line=number)
            continue
        try:
            yield record_document(
                value, default_id=f"{stem}-{number}", source=source, field=field, line=number
            )
        except (RecursionError, ValueError, TypeError) as error:
            # A field no check foresaw (a date dateparser chokes on) spoils one line only.
            reason = f"cannot parse: {type(error).__name__}: {error}"[:300]
            yield InputError(source, reason, line=number)


def csv_documents(
    text: str, *, stem: str, source: str, field: str | None, delimiter: str
) -> Iterator[Document | InputError]:
    """One document per row of a CSV or TSV file with a header row.

    The text is in the `text`, `body` or `content` column (or `field`), compared without
    regard to case; `id`, `title`, `date` and `url` columns are used when present. Rows are
    numbered from 1 after the header: a row without its own id is `stem-ROW`, and a bad row
    is one error naming it, as a bad JSON Lines line is.
    """
    _allow_long_csv_fields()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as error:
        yield InputError(source, f"malformed CSV header: {error}")
        return
    if not header or not any(name.strip() for name in header):
        yield InputError(source, "no header row (the first row names the columns)")
        return
    columns = [name.strip().lower() for name in header]
    wanted = (field.lower(),) if field else TEXT_KEYS
    if not any(name in columns for name in wanted):
        names = repr(field) if field else "one of " + ", ".join(repr(k) for k in TEXT_KEYS)
        found = ", ".join(repr(name) for name in header[:10])
        yield InputError(source, f"no text column ({names}); the header has {found}")
        return
    row = 0
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as error:
            yield InputError(source, f"row {row + 1}: malformed CSV: {error}; the rest is skipped")
            return
        if cells is None:
            return
        if not any(cell.strip() for cell in cells):
            continue  # a blank line between rows is not a row
        row += 1
        if len(cells) != len(columns):
            reason = f"row {row}: {len(cells)} cell(s) where the header has {len(columns)}"
            yield InputError(source, reason)
            continue
        record = {name: value for name, value in zip(columns, cells, strict=True) if name}
        document = record_document(
            record,
            default_id=f"{stem}-{row}",
            source=source,
            field=field and field.lower(),
            line=None,
        )
        if isinstance(document, InputError):
            document = InputError(source, f"row {row}: {document.reason}")
        yield document


def _allow_long_csv_fields() -> None:
    # The csv module refuses fields over 128 KiB; a whole article in a cell can be longer.
    # The input's size is capped before it gets here, so the cap can go.
    if csv.field_size_limit() < DEFAULT_MAX_BYTES:
        csv.field_size_limit(DEFAULT_MAX_BYTES)


def record_document(
    record: dict[str, Any],
    *,
    default_id: str | None,
    source: str,
    field: str | None,
    line: int | None,
) -> Document | InputError:
    """A Document from one JSON object; `default_id` None means hash the text."""
    keys = (field,) if field else TEXT_KEYS
    key = next((name for name in keys if record.get(name) is not None), None)
    if key is None:
        wanted = repr(field) if field else "one of " + ", ".join(repr(k) for k in TEXT_KEYS)
        return InputError(source, f"no text field ({wanted})", line=line)
    text = record[key]
    if not isinstance(text, str):
        return InputError(source, f"field {key!r} is not a string", line=line)
    if not text.strip():
        return InputError(source, f"field {key!r} is empty", line=line)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (dict, list)) and str(raw_id).strip():
        doc_id = str(raw_id).strip()
    elif default_id is not None:
        doc_id = default_id
    else:
        doc_id = stable_id(text, length=12)
    title = record.get("title")
    url = record.get("url")
    return Document(
        doc_id=doc_id,
        text=text,
        title=(title.strip() or None) if isinstance(title, str) else None,
        date=parse_date(record.get("date")),
        url=(url.strip() or None) if isinstance(url, str) else None,
        source=source,
    )


# A date written in an id or a file name: 2016-05-20, 2016.05.20, 2016_05_20 or 20160520,
# with no digit run around it (a story number such as 3338580 is no date).
_NAMED_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([-._]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_in_name(name: str) -> Date | None:
    """The date a document's id or file name gives (`VOA_2016.05.20.3338580`,
    `2024-03-01-summit.txt`), when it gives exactly one valid date; otherwise None."""
    found: set[Date] = set()
    for year, _, month, day in _NAMED_DATE.findall(name):
        try:
            found.add(Date(int(year), int(month), int(day)))
        except ValueError:  # 2023-02-30
            continue
    return found.pop() if len(found) == 1 else None


def parse_date(value: object) -> Date | None:
    """A date from an ISO or otherwise unambiguous date string; None when it is not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser

    # Absolute dates only: "next week" must not become a date relative to today.
    parsed = dateparser.parse(
        value,
        settings={
            "STRICT_PARSING": True,
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )
    return parsed.date() if parsed is not None else None
