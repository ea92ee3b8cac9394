"""The machinery of a command-line run: counting, stopping, reading, extracting and scoring.

Nothing here prints: what a run has to say (a failed input, a warning, a first Ctrl-C) goes to
callbacks the CLI supplies, and results are yielded or returned for the CLI to render.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Generator, Iterator, Sequence
from datetime import date as Date
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from .errors import ExtractionError, InputError, InputWarning

if TYPE_CHECKING:
    from spacy.language import Language

    from .evaluation import EvaluationReport, GoldDocument
    from .schema import Document, Event

Say = Callable[[str], None]


def _silent(message: str) -> None:
    del message


class Tally:
    """Counts for the closing summary, and what stops a run early (--fail-fast, a signal).

    `on_failure` and `on_warning` hear each failed input and each warning, one line each.
    """

    def __init__(
        self,
        *,
        strict: bool = False,
        fail_fast: bool = False,
        on_failure: Say = _silent,
        on_warning: Say = _silent,
    ) -> None:
        self.read = 0  # documents read from the inputs
        self.documents = 0  # documents whose events were written
        self.events = 0
        self.failures = 0
        self.warnings = 0
        self.skipped = 0  # already done in an earlier run (--resume)
        self.strict = strict
        self.fail_fast = fail_fast
        self.signal: int | None = None  # the signal that asked the run to stop
        self.failed_fast = False
        self.last: Document | None = None  # the last document written
        self._on_failure = on_failure
        self._on_warning = on_warning

    @property
    def stopping(self) -> bool:
        """True once no further input should be read."""
        return self.signal is not None or self.failed_fast

    def failure(self, message: str) -> None:
        """Count one failed input and pass its line on; with --fail-fast, stop reading."""
        self.failures += 1
        self._on_failure(message)
        if self.fail_fast:
            self.failed_fast = True

    def warning(self, message: str) -> None:
        """Count something skipped or guessed; with --strict it is a failure."""
        if self.strict:
            self.failure(f"{message} (a warning; failed because of --strict)")
            return
        self.warnings += 1
        self._on_warning(message)

    def done(self, document: Document, events: Sequence[Event]) -> None:
        """A document's events are written."""
        self.documents += 1
        self.events += len(events)
        self.last = document

    @property
    def failed_entirely(self) -> bool:
        """No document could be read and something failed: keep the previous output."""
        return self.read == 0 and self.failures > 0


def documents(
    inputs: list[str],
    text_field: str | None,
    default_date: Date | None,
    tally: Tally,
    exclude: Sequence[Path] = (),
) -> Iterator[Document]:
    """The documents of the inputs, failures and warnings told to `tally`, until it stops."""
    from . import io

    items = io.iter_documents(
        inputs,
        text_field=text_field,
        notes=True,
        exclude=exclude,
        stop=lambda: tally.stopping,  # a pipe still waiting for its writer gives up
    )
    while not tally.stopping:
        item = next(items, None)
        if item is None:
            return
        if isinstance(item, InputError):
            tally.failure(str(item))
        elif isinstance(item, InputWarning):
            tally.warning(str(item))
        else:
            tally.read += 1
            if item.date is None:
                # A corpus named by date (`VOA_2016.05.20.3338580`) dates its documents: the
                # office held on that day, "on Tuesday" resolved. A date field comes first,
                # the date in the name next, `--date` last.
                dated = io.date_in_name(item.doc_id) or default_date
                if dated is not None:
                    item = item.model_copy(update={"date": dated})
            yield item


def usable_cores() -> int:
    """The processors this process may run on (its affinity), the default for `--jobs`."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # no affinity on this platform
        return max(1, os.cpu_count() or 1)


def where(document: Document) -> str:
    """The document's source, and its id when the source holds more than one."""
    source = document.source or "-"
    if source != "-" and Path(source).stem == document.doc_id:
        return source
    return f"{source} (document {document.doc_id})"


def extracted(
    nlp: Language,
    documents: Iterator[Document],
    tally: Tally,
    *,
    batch_size: int,
    jobs: int = 1,
    min_confidence: float,
    skip: Callable[[Document], bool] = lambda document: False,
    cluster: Any = None,
    model: str | None = None,
    patterns: Sequence[Path] = (),
    fast: bool = False,
    on_failed: Callable[[Document, ExtractionError], None] | None = None,
) -> Generator[tuple[Document, list[Event]], None, None]:
    """Each document with its events, in input order; documents that fail are told to `tally`.

    A document the library cannot process is one failure, and the run goes on. `skip` says
    which documents are already done (--resume). With `cluster` (a dask Client) the
    documents are parsed there, on `model` with `patterns`; `fast` parses only the sentences
    that may hold an event. `on_failed` hears each failed document in its place in the
    input order (the journal records it, so that --resume goes on past it).
    """
    from .stream import extract_documents, short, warm_up_batches

    def wanted() -> Iterator[Document]:
        while True:
            try:
                document = next(documents, None)
            except Exception as error:  # a reader bug must not pass for a pipeline failure
                tally.failure(f"reading the inputs failed: {short(error)}")
                return
            if document is None:
                return
            if skip(document):
                tally.skipped += 1
                continue
            yield document

    first = warm_up_batches(batch_size)
    if cluster is not None:
        from .distributed import extract_documents as on_cluster

        results = on_cluster(
            wanted(), cluster, model=model, patterns=patterns, batch_size=batch_size, fast=fast
        )
    elif fast:
        from .fastpath import extract_documents as fast_path

        results = fast_path(nlp, wanted(), batch_size=batch_size, jobs=jobs, first_batches=first)
    else:
        results = extract_documents(
            nlp, wanted(), batch_size=batch_size, jobs=jobs, first_batches=first
        )
    for document, result in results:
        if isinstance(result, ExtractionError):
            tally.failure(f"{where(document)}: {result.reason}")
            if on_failed is not None:
                on_failed(document, result)
            continue
        yield document, [event for event in result if event.confidence >= min_confidence]


def reporting(
    stream: Iterator[tuple[Document, list[Event]]],
    tally: Tally,
    update: Callable[[int, int, int], None],
) -> Iterator[tuple[Document, list[Event]]]:
    """Pass the stream through, telling a progress display how far the run has got."""
    for item in stream:
        yield item
        update(tally.documents, tally.events, tally.failures)


@contextlib.contextmanager
def stop_on_signal(tally: Tally, notice: Callable[[], None]) -> Iterator[None]:
    """Ctrl-C (or SIGTERM) once: stop reading, finish the documents in progress, keep what
    was written; `notice` tells the user so. A second Ctrl-C stops at once."""

    def stop(signum: int, frame: FrameType | None) -> None:
        if tally.signal is not None:
            raise KeyboardInterrupt
        tally.signal = signum
        notice()

    previous: dict[int, Any] = {}
    try:
        for wanted in (signal.SIGINT, signal.SIGTERM):
            previous[wanted] = signal.signal(wanted, stop)
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def events(stream: Iterator[tuple[Document, list[Event]]], tally: Tally) -> Iterator[Event]:
    """The events of the stream, each document counted once its events are taken."""
    for document, found in stream:
        yield from found
        tally.done(document, found)


def write_stream(stream: Iterator[tuple[Document, list[Event]]], tally: Tally, out: TextIO) -> None:
    """JSON Lines to a stream (stdout), flushed after every document."""
    from . import io

    for document, found in stream:
        out.write("".join(io.jsonl_line(event) for event in found))
        out.flush()
        tally.done(document, found)


# ---------------------------------------------------------------------------
# entities

ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "TITLE"})
ENTITY_COLUMNS = ("doc_id", "text", "label", "id", "resolves_to")


def entity_rows(
    nlp: Language, documents: Iterator[Document], tally: Tally
) -> Iterator[list[tuple[str, ...]]]:
    """For each document parsed, a row (ENTITY_COLUMNS) per entity: its text, label, id and
    what the id resolves to; a document that cannot be parsed is a failure told to `tally`."""
    from .errors import ExtractionError
    from .extract.descriptors import title_text
    from .pipeline import knowledge_of
    from .stream import parse_documents

    knowledge = knowledge_of(nlp)
    for document, doc in parse_documents(nlp, documents):
        if isinstance(doc, ExtractionError):
            tally.failure(f"{where(document)}: {doc.reason}")
            continue
        tally.documents += 1
        rows: list[tuple[str, ...]] = []
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            entry = knowledge.entry(ent.ent_id_)
            resolved = ""
            if entry is not None:
                name = title_text(ent, entry) if ent.label_ == "TITLE" else entry.name
                country = f", {entry.country}" if entry.country else ""
                resolved = f"{name} [{entry.kind}{country}]"
            rows.append((document.doc_id, ent.text, ent.label_, ent.ent_id_, resolved))
        yield rows


# ---------------------------------------------------------------------------
# evaluate


def read_predictions(path: Path) -> list[Event]:
    """Event records from a JSON Lines file; an unreadable file or a line that is not an
    event record is an `InputError` naming the file (and line)."""
    from . import jsonl
    from .schema import Event

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        reason = f"not UTF-8 text (byte {err.start}); expected JSON Lines"
        raise InputError(path, reason) from err
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror}") from err
    predicted: list[Event] = []
    for number, line in jsonl.nonblank_lines(text):
        try:
            predicted.append(Event.model_validate_json(line))
        except (ValueError, RecursionError) as err:
            raise InputError(path, "not an event record", line=number) from err
    return predicted


def score_gold(
    gold: Path,
    documents: list[GoldDocument],
    *,
    predicted: list[Event] | None = None,
    nlp: Language | None = None,
    on_failure: Say = _silent,
) -> tuple[EvaluationReport, int]:
    """Score `predicted` events, or those `nlp` extracts from the gold texts, against the
    gold documents read from `gold`; return the report and how many gold documents could
    not be processed (each told to `on_failure`)."""
    from . import resources
    from .errors import ExtractionError
    from .evaluation import country_name_table, evaluate
    from .pipeline import knowledge_of
    from .stream import extract_documents

    patterns_used = resources.shipped_patterns("eventx_places")
    failed = 0
    if predicted is not None:
        gazetteer = resources.gazetteer()
    else:
        assert nlp is not None, "score_gold needs predictions or a pipeline"
        gazetteer = dict(knowledge_of(nlp).gazetteer)
        predicted = []
        for document, result in extract_documents(nlp, (d.to_document() for d in documents)):
            if isinstance(result, ExtractionError):
                failed += 1
                on_failure(f"{gold}: document {document.doc_id}: {result.reason}")
            else:
                predicted.extend(result)
    names = country_name_table(gazetteer, patterns_used)
    return evaluate(documents, predicted, country_names=names), failed
