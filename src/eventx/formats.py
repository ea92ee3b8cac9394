"""Output formats: their names, the file extensions that imply them, and choosing one."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from .errors import FormatError


class Format(str, Enum):
    """What a data command can write. A new format gets a member here, an extension in
    `EXTENSIONS` when a file name implies it, and a writer where the records are written."""

    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    geojson = "geojson"  # extract only: events as an RFC 7946 FeatureCollection
    html = "html"  # extract only: the review report (`eventx.report.html`)


# The extension of `--output FILE` chooses the format when --format is not given. GeoJSON
# and the HTML report are written by `extract` only (`EXTRACT_FORMATS`).
EXTENSIONS: dict[str, Format] = {
    ".jsonl": Format.jsonl,
    ".ndjson": Format.jsonl,
    ".json": Format.json,
    ".csv": Format.csv,
    ".geojson": Format.geojson,
    ".html": Format.html,
    ".htm": Format.html,
}

# A compressed output is never written: plain text under such a name would break every
# tool that opens it, and a later `eventx extract` would not read it back either.
COMPRESSED_SUFFIXES = frozenset({".gz", ".bz2", ".xz", ".zst", ".lz4", ".zip", ".tgz", ".z"})

DATA_FORMATS: tuple[Format, ...] = (Format.table, Format.jsonl, Format.json, Format.csv)
EXTRACT_FORMATS: tuple[Format, ...] = (*DATA_FORMATS, Format.geojson, Format.html)
# What `summary`, `info` and `evaluate` write: one result, not rows of records.
RESULT_FORMATS: tuple[Format, ...] = (Format.table, Format.jsonl, Format.json)
REPORT_FORMATS: tuple[Format, ...] = (Format.html,)


def parse_format(value: str, allowed: Sequence[Format] = DATA_FORMATS) -> Format:
    """The format a `--format` value names, in any case: 'JSONL' is `Format.jsonl`."""
    wanted = value.strip().lower()
    for member in allowed:
        if member.value == wanted:
            return member
    choices = ", ".join(member.value for member in allowed)
    raise FormatError(f"unknown format {value!r} (choose {choices})")


def format_of(path: Path) -> Format | None:
    """The format a file name implies by its extension, or None for any other extension."""
    return EXTENSIONS.get(path.suffix.lower())


def choose_format(
    explicit: Format | None,
    output: Path | None,
    *,
    terminal: bool,
    allowed: Sequence[Format] = DATA_FORMATS,
    fallback: Format | None = None,
) -> Format:
    """The format to write: an explicit --format, else the one the output's extension implies,
    else `fallback` if given (`report` writes HTML), else a table on a terminal and JSON Lines
    anywhere else.

    Raises `FormatError` when --format and the extension disagree (`-f csv -o a.json`), when
    the extension implies a format this command does not write, when a compression suffix
    ends the name (`a.jsonl.gz`), and, without --format, when the extension is not one of
    `EXTENSIONS` (`a.txt`, `a.tsv`, no extension): such a file would be taken for a document
    by a later run. A device or named pipe (`/dev/stdout`) needs no extension: JSON Lines.
    """
    if output is not None and output.suffix.lower() in COMPRESSED_SUFFIXES:
        raise FormatError(
            f"cannot write {output}: compressed output is not supported; write "
            f"{output.with_suffix('')} and compress it afterwards"
        )
    implied = format_of(output) if output is not None else None
    if explicit is None and output is not None and implied is None and not _is_stream(output):
        known = ", ".join(ext for ext, member in EXTENSIONS.items() if member in allowed)
        suffix = f"extension {output.suffix!r}" if output.suffix else "no extension"
        raise FormatError(
            f"cannot tell the output format of {output} ({suffix}): name it with one of "
            f"{known}, or give --format"
        )
    if explicit is not None and implied is not None and implied is not explicit:
        raise FormatError(
            f"--format {explicit.value} contradicts the extension of {output} "
            f"({implied.value}); drop one, or name the file {_renamed(output, explicit)}"
        )
    if explicit is not None:
        chosen = explicit
    elif implied is not None:
        chosen = implied
    elif fallback is not None:
        chosen = fallback
    elif output is not None:
        chosen = Format.jsonl  # a device or a named pipe
    else:
        chosen = Format.table if terminal else Format.jsonl
    if chosen not in allowed:
        choices = ", ".join(member.value for member in allowed)
        if explicit is None and implied is not None:
            known = ", ".join(ext for ext, member in EXTENSIONS.items() if member in allowed)
            raise FormatError(
                f"cannot write {output}: this command does not write {chosen.value} "
                f"(choose {choices}); name it with one of {known}, or give --format"
            )
        raise FormatError(f"this command does not write {chosen.value} (choose {choices})")
    if chosen is Format.table and output is not None:
        raise FormatError("--format table cannot be written to --output; use jsonl, json or csv")
    return chosen


def _is_stream(path: Path) -> bool:
    """An existing device or named pipe: written in place, so its name says nothing."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _renamed(output: Path | None, fmt: Format) -> str:
    suffix = next((ext for ext, member in EXTENSIONS.items() if member is fmt), None)
    if output is None or suffix is None:
        return "without that extension"
    return str(output.with_suffix(suffix))
