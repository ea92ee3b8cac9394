"""Typed errors raised by the library; the CLI turns them into one-line messages and exit codes."""

from __future__ import annotations

import os
from pathlib import Path


def printable(name: str) -> str:
    """A file name fit for a one-line message or an id: undecodable bytes as `\\xff`,
    control characters (a newline in a name would split the line) as escapes."""
    if name.isprintable():
        return name
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a lone surrogate that no file system byte made
        raw = name.encode("utf-8", "backslashreplace")
    name = raw.decode("utf-8", "backslashreplace")
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in name
    )


class EventxError(Exception):
    """Base class of every error eventx raises on purpose."""


class _AtSource(EventxError):
    """A message about one input, naming the source and, when known, the line."""

    def __init__(self, source: str | Path, reason: str, line: int | None = None) -> None:
        self.source = printable(str(source))
        self.reason = reason
        self.line = line
        where = f"{self.source}:{line}" if line is not None else self.source
        super().__init__(f"{where}: {reason}")


class InputError(_AtSource):
    """A document could not be read or parsed. Names the source and, when known, the line."""


class InputWarning(_AtSource):
    """An input was skipped on purpose or read with a guess (e.g. its encoding) worth telling.

    Yielded, never raised, by `eventx.io.iter_documents(..., notes=True)`; `extract --strict`
    counts these as failures.
    """


class OutputError(EventxError):
    """The output file (or its resume record) cannot be written or resumed."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = printable(str(path))
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class RuleFileError(EventxError):
    """A rule or pattern file is missing or has an invalid line."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = printable(str(path))
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class ModelNotFoundError(EventxError):
    """No usable spaCy pipeline is installed or the one asked for cannot be loaded."""


class ExtractionError(EventxError):
    """One document could not be processed: too long for the model, or a component failed."""

    def __init__(self, doc_id: str, reason: str, *, transient: bool = False) -> None:
        self.doc_id = doc_id
        self.reason = reason
        # A worker process died or hung on it: another try may succeed (not one to remember).
        self.transient = transient
        super().__init__(f"{doc_id}: {reason}")


class DaskMissingError(EventxError):
    """Extraction on a cluster was asked for, but dask.distributed is not installed."""


class FormatError(EventxError):
    """An output format name or a file extension that is not one eventx writes, or the two
    contradict each other."""
