"""Resumable runs: what makes two runs comparable, and the journal of a JSON Lines output."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from spacy.language import Language

    from .errors import ExtractionError
    from .io import JsonlJournal
    from .run import Tally
    from .schema import Document, Event


def fingerprint(
    nlp: Language,
    patterns: Sequence[Path],
    *,
    min_confidence: float,
    default_date: Date | None,
    text_field: str | None,
) -> str:
    """What makes two runs' records comparable: eventx, the model, every rule file, options."""
    from . import resources

    meta = nlp.meta
    digest = hashlib.sha256()
    settings = [
        __version__,
        meta.get("lang"),
        meta.get("name"),
        meta.get("version"),
        nlp.pipe_names,
        min_confidence,
        str(default_date),
        text_field,
    ]
    digest.update(json.dumps(settings).encode("utf-8"))
    for path in [*sorted(resources.models_dir().glob("*.jsonl")), *patterns]:
        digest.update(path.name.encode("utf-8"))
        with contextlib.suppress(OSError):  # the pipeline has read it already
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def open_journal(
    output: Path,
    nlp: Language,
    patterns: Sequence[Path],
    *,
    min_confidence: float,
    default_date: Date | None,
    text_field: str | None,
    resume: bool,
) -> tuple[JsonlJournal, Path]:
    """The journal of JSON Lines output `output` for this run, and its record file, which
    the run must not read as an input. Raises `OutputError` when it cannot be resumed."""
    from .io import JsonlJournal, done_path
    from .output import resolve_target

    run = fingerprint(
        nlp,
        patterns,
        min_confidence=min_confidence,
        default_date=default_date,
        text_field=text_field,
    )
    journal = JsonlJournal(output, fingerprint=run, resume=resume)
    return journal, done_path(resolve_target(output)[0])


def write_journal(
    stream: Iterator[tuple[Document, list[Event]]], tally: Tally, journal: JsonlJournal
) -> None:
    """JSON Lines to a file, each document recorded as done once its events are in."""
    for document, found in stream:
        journal.write(document, found)
        tally.done(document, found)


def failure_recorder(
    journal: JsonlJournal | None,
) -> Callable[[Document, ExtractionError], None] | None:
    """What to do with a document whose extraction failed: record it in the journal, unless
    a worker process died or hung on it (another try may well succeed)."""
    if journal is None:
        return None

    def record(document: Document, error: ExtractionError) -> None:
        if not error.transient:
            journal.failed(document)

    return record
