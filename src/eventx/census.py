"""How many documents the inputs hold, counted cheaply before a run, for the progress bar."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import jsonl
from .io import CSV_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES, KNOWN_SUFFIXES

# Past this size a .json file is counted as one document rather than parsed twice.
_JSON_PARSE_LIMIT = 20 * 1024 * 1024


def count_documents(inputs: Sequence[str], exclude: Sequence[Path] = ()) -> int | None:
    """The documents the inputs hold: files in directories, lines of JSON Lines files, rows
    of CSV files, items of JSON arrays. None when it cannot be known ahead (stdin, globs).

    An estimate for a progress bar, never a promise: unreadable files count as one, and
    what the reader later rejects still counts.
    """
    skipped: set[tuple[int, int]] = set()
    for path in exclude:
        with contextlib.suppress(OSError):
            info = path.stat()
            skipped.add((info.st_dev, info.st_ino))
    total = 0
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files: Iterator[Path] = _walk(path)
        elif path.is_file():
            files = iter([path])
        elif item == "-" or path.exists() or set(item) & set("*?["):
            return None  # stdin, a FIFO, a glob: known only once read
        else:
            continue  # missing: the reader will say so
        for file in files:
            with contextlib.suppress(OSError):
                info = file.stat()
                if (info.st_dev, info.st_ino) in skipped:
                    continue
            total += _documents_in(file)
    return total


def _walk(root: Path) -> Iterator[Path]:
    """Files `iter_documents` reads in a directory: known extensions, hidden entries left out."""
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_SUFFIXES:
                yield Path(folder, name)


def _documents_in(path: Path) -> int:
    if not path.is_file():
        return 0  # a named pipe or device in a folder: the reader skips it, never opens it
    suffix = path.suffix.lower()
    if suffix not in JSONL_SUFFIXES | CSV_SUFFIXES | JSON_SUFFIXES:
        return 1
    try:
        if suffix in JSON_SUFFIXES and path.stat().st_size > _JSON_PARSE_LIMIT:
            return 1
        data = path.read_bytes()
    except OSError:
        return 1
    if suffix in JSONL_SUFFIXES:
        return max(1, sum(1 for _ in jsonl.nonblank_lines(data.decode("utf-8", "replace"))))
    text = data.decode("utf-8", "replace")
    if suffix in JSON_SUFFIXES:
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return 1
        return len(value) if isinstance(value, list) and value else 1
    delimiter = "\t" if suffix == ".tsv" else ","
    try:
        rows = sum(1 for row in csv.reader(io.StringIO(text), delimiter=delimiter) if row)
    except csv.Error:
        return 1
    return max(1, rows - 1)  # the header row is not a document
