"""Event records out: JSON Lines, a JSON array or flat CSV, to stdout or a file replaced whole."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, TextIO, cast

from eventx.errors import OutputError
from eventx.io.reasons import os_reason
from eventx.schema import Actor, Event

OutputFormat = Literal["jsonl", "json", "csv"]

# One column per record field. A participant's fields are one column each (actor_titles,
# recipient_countries...), with one entry per participant in order, joined by CSV_LIST_SEP
# and left empty where the participant has none, so the n-th entries of the columns of a
# role describe the same participant.
_PARTICIPANT_FIELDS = ("text", "title", "country", "kind", "sector", "id", "start", "end")
_PLURALS = {"country": "countries"}
CSV_COLUMNS = (
    "id",
    "doc_id",
    "event",
    "mode",
    "cameo",
    "status",
    "historical",
    "actors",
    *(f"actor_{_PLURALS.get(name, name + 's')}" for name in _PARTICIPANT_FIELDS),
    "recipients",
    *(f"recipient_{_PLURALS.get(name, name + 's')}" for name in _PARTICIPANT_FIELDS),
    "location",
    "location_text",
    "location_country",
    "lat",
    "lon",
    "location_kind",
    "location_id",
    "location_start",
    "location_end",
    "location_inherited",
    "topics",
    "about",
    "date",
    "date_text",
    "date_precision",
    "amount",
    "sentence",
    "start",
    "end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "confidence",
    "schema_version",
)
CSV_LIST_SEP = "; "

_FLUSH_EVERY = 50


def write_records(records: Iterable[Event], fmt: OutputFormat, out: TextIO) -> int:
    """Stream events to `out` as JSON Lines, a JSON array or flat CSV; return how many."""
    if fmt == "jsonl":
        return _write_jsonl(records, out)
    if fmt == "json":
        return _write_json(records, out)
    if fmt == "csv":
        return _write_csv(records, out)
    raise ValueError(f"unknown output format {fmt!r}; expected jsonl, json or csv")


def jsonl_line(record: Event) -> str:
    """One event as a JSON Lines line, newline included: the same bytes on every run."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n"


def _write_jsonl(records: Iterable[Event], out: TextIO) -> int:
    count = 0
    for record in records:
        # One write per complete line, so an interrupted run leaves whole lines.
        out.write(jsonl_line(record))
        count += 1
        if count % _FLUSH_EVERY == 0:
            out.flush()
    out.flush()
    return count


def _write_json(records: Iterable[Event], out: TextIO) -> int:
    count = 0
    for record in records:
        item = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)
        # JSON strings cannot hold a raw newline, so indenting line by line is safe.
        out.write(("[\n" if count == 0 else ",\n") + "  " + item.replace("\n", "\n  "))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    out.flush()
    return count


def _write_csv(records: Iterable[Event], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
        if count % _FLUSH_EVERY == 0:
            out.flush()
    out.flush()
    return count


def csv_row(record: Event) -> list[str]:
    """The flat CSV cells for one event, in `CSV_COLUMNS` order."""
    place = record.location

    def each(values: Iterable[object]) -> str:
        return CSV_LIST_SEP.join(_csv_cell(value) for value in values)

    def role(actors: Sequence[Actor]) -> list[str]:
        names = [each(actor.name for actor in actors)]
        return names + [
            each(getattr(actor, name) for actor in actors) for name in _PARTICIPANT_FIELDS
        ]

    cells: list[object] = [
        record.id,
        record.doc_id,
        record.event,
        record.mode,
        record.cameo,
        record.status.value,
        record.historical,
        *role(record.actors),
        *role(record.recipients),
        *(
            (
                place.name,
                place.text,
                place.country,
                place.lat,
                place.lon,
                place.kind,
                place.id,
                place.start,
                place.end,
                place.inherited,
            )
            if place
            else (None,) * 10
        ),
        each(record.topics),
        each(record.about),
        record.date.isoformat() if record.date else None,
        record.date_text,
        record.date_precision,
        record.amount,
        record.sentence,
        record.start,
        record.end,
        record.trigger,
        record.trigger_start,
        record.trigger_end,
        record.rule,
        record.confidence,
        record.schema_version,
    ]
    return [_csv_cell(cell) for cell in cells]


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@contextlib.contextmanager
def open_output(path: Path | None, fmt: OutputFormat, *, append: bool = False) -> Iterator[TextIO]:
    """A text stream for `write_records`: stdout when `path` is None or `-`.

    Symlinks are followed: the file they point to is written. JSON and CSV to a regular
    file go to a temporary file in the same directory that replaces it only when the block
    finishes without error, so a failed run never leaves half a file; raise `KeepOutput`
    in the block to leave the old file as it was. JSON Lines goes line-buffered straight to
    the file, truncated first unless `append`. Devices and named pipes (`/dev/null`, a FIFO)
    are written in place, never replaced. A write error is an `OutputError` naming `path`.
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    from eventx.output import resolve_target

    path = Path(path)
    target, regular = resolve_target(path)
    try:
        if fmt == "jsonl" or not regular:
            mode = "a" if append and regular else "w"
            with target.open(mode, encoding="utf-8", buffering=1, newline="") as handle:
                if regular and handle.tell() > 0 and not _ends_with_newline(target):
                    handle.write("\n")  # never glue a new record onto an unterminated line
                yield cast(TextIO, handle)
            return
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, _target_mode(target))
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    except BrokenPipeError:
        raise  # the reader of a pipe went away (`-o /dev/stdout | head`): not a write failure
    except OSError as error:
        raise OutputError(path, os_reason(error)) from error


class KeepOutput(Exception):
    """Raised inside `open_output`'s block: discard what was written, keep the old file."""


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def _target_mode(path: Path) -> int:
    """Keep an existing file's permissions; otherwise what `open` would give a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
