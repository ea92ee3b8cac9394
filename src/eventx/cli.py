"""The `eventx` command line: thin Typer wrappers over the library."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date as Date
from enum import Enum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__, render
from .errors import EventxError, InputError, InputWarning, OutputError
from .schema import Document, Event

if TYPE_CHECKING:
    from spacy.language import Language

    from .io import JsonlJournal

app = typer.Typer(
    name="eventx",
    help="Extract diplomatic events (who met whom, where, about what, when) from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        envvar="EVENTX_MODEL",
        help="spaCy pipeline name or path (default: best installed en_core_web_*).",
    ),
]
PatternsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--patterns", help="Extra entity-ruler pattern file (JSONL); repeatable.", dir_okay=False
    ),
]
InputsArgument = Annotated[
    list[str], typer.Argument(help="Files, directories, glob patterns, or - for stdin.")
]
TextFieldOption = Annotated[
    str | None, typer.Option("--text-field", help="JSON field holding the text.")
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    render.error_line(stderr, message)
    return typer.Exit(code)


def _load(model: str | None, patterns: list[Path] | None):  # type: ignore[no-untyped-def]
    from .pipeline import load_pipeline

    try:
        return load_pipeline(model, patterns or ())
    except EventxError as err:
        raise _fail(str(err)) from err


class _Tally:
    """Counts for the closing summary, and what stops a run early (--fail-fast, Ctrl-C)."""

    def __init__(self, *, strict: bool = False, fail_fast: bool = False) -> None:
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

    @property
    def stopping(self) -> bool:
        """True once no further input should be read."""
        return self.signal is not None or self.failed_fast

    def failure(self, message: str) -> None:
        """Report one failed input (one stderr line); with --fail-fast, stop reading."""
        self.failures += 1
        render.error_line(stderr, message)
        if self.fail_fast:
            self.failed_fast = True

    def warning(self, message: str) -> None:
        """Report something skipped or guessed; with --strict it is a failure."""
        if self.strict:
            self.failure(f"{message} (a warning; failed because of --strict)")
            return
        self.warnings += 1
        render.warning_line(stderr, message)


def _documents(
    inputs: list[str],
    text_field: str | None,
    default_date: Date | None,
    tally: _Tally,
    exclude: Sequence[Path] = (),
) -> Iterator[Document]:
    from .io import iter_documents

    items = iter_documents(inputs, text_field=text_field, notes=True, exclude=exclude)
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
            if default_date is not None and item.date is None:
                item = item.model_copy(update={"date": default_date})
            yield item


def _where(document: Document) -> str:
    source = document.source or "-"
    if source != "-" and Path(source).stem == document.doc_id:
        return source
    return f"{source} (document {document.doc_id})"


def _extracted(
    nlp: Language,
    documents: Iterator[Document],
    tally: _Tally,
    *,
    batch_size: int,
    jobs: int = 1,
    min_confidence: float,
    skip: Callable[[Document], bool] = lambda document: False,
) -> Iterator[tuple[Document, list[Event]]]:
    """Each document with its events, in input order; documents that fail are reported.

    A document the library cannot process is one failure line, and the run goes on. `skip`
    says which documents are already done (--resume).
    """
    from .errors import ExtractionError
    from .stream import extract_documents, short

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

    for document, result in extract_documents(nlp, wanted(), batch_size=batch_size, jobs=jobs):
        if isinstance(result, ExtractionError):
            tally.failure(f"{_where(document)}: {result.reason}")
            continue
        yield document, [event for event in result if event.confidence >= min_confidence]


def _reporting(
    stream: Iterator[tuple[Document, list[Event]]],
    tally: _Tally,
    update: Callable[[int, int, int], None],
) -> Iterator[tuple[Document, list[Event]]]:
    """Pass the stream through, telling the progress display how far the run has got."""
    for item in stream:
        yield item
        update(tally.documents, tally.events, tally.failures)


def _fingerprint(
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


@contextlib.contextmanager
def _stop_on_signal(tally: _Tally) -> Iterator[None]:
    """Ctrl-C (or SIGTERM) once: stop reading, finish the documents in progress, keep
    what was written. A second Ctrl-C stops at once."""

    def stop(signum: int, frame: FrameType | None) -> None:
        if tally.signal is not None:
            raise KeyboardInterrupt
        tally.signal = signum
        sys.stderr.write(
            "\nstopping: finishing the documents in progress (Ctrl-C again to stop now)\n"
        )

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


def _write_stream(
    stream: Iterator[tuple[Document, list[Event]]], tally: _Tally, out: TextIO
) -> None:
    """JSON Lines to a stream (stdout), flushed after every document."""
    from .io import jsonl_line

    for document, events in stream:
        out.write("".join(jsonl_line(event) for event in events))
        out.flush()
        tally.documents += 1
        tally.events += len(events)
        tally.last = document


def _write_journal(
    stream: Iterator[tuple[Document, list[Event]]], tally: _Tally, journal: JsonlJournal
) -> None:
    for document, events in stream:
        journal.write(document, events)
        tally.documents += 1
        tally.events += len(events)
        tally.last = document


def _events(stream: Iterator[tuple[Document, list[Event]]], tally: _Tally) -> Iterator[Event]:
    for document, events in stream:
        yield from events
        tally.documents += 1
        tally.events += len(events)
        tally.last = document


def _closing(
    tally: _Tally,
    output: Path | None,
    *,
    always: bool,
    resumable: bool,
    replaced: bool = True,
) -> int:
    """Print the closing lines; return the exit code."""
    if tally.skipped:
        stderr.print(f"skipped {tally.skipped} document(s) already done (--resume)")
    if always or tally.read + tally.failures > 1 or tally.failures or tally.warnings:
        render.summary_line(stderr, tally.documents, tally.events, tally.failures)
    if tally.warnings:
        stderr.print(f"{tally.warnings} warning(s); --strict counts them as failures")
    if tally.failed_fast:
        stderr.print("stopped at the first failure (--fail-fast)")
    if tally.signal is None:
        return 1 if tally.failures else 0
    last = f" (the last: {_where(tally.last)})" if tally.last else ""
    message = f"interrupted after {tally.documents} document(s){last}"
    if output is None:
        message += "; their events are written"
    elif replaced:
        message += f"; their events are in {output}"
    else:
        message += f"; {output} was not replaced"
    if resumable:
        message += "; run the same command with --resume to continue"
    stderr.print(escape(message), highlight=False, soft_wrap=True)
    return 128 + tally.signal


def _parse_date(value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError as err:
        raise _fail(f"--date must be YYYY-MM-DD, got {value!r}") from err


@app.command()
def extract(
    inputs: InputsArgument,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", help="Output format (default: table on a terminal, else jsonl)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write records to this file: JSON and CSV appear whole when the run ends "
            "(temporary file, then rename); JSON Lines grow document by document.",
            dir_okay=False,
        ),
    ] = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    doc_date: Annotated[
        str | None,
        typer.Option("--date", help="Document date (YYYY-MM-DD) when the input gives none."),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop less certain events.")
    ] = 0.0,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 32,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Parse in this many processes.")
    ] = 1,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="With --output FILE.jsonl: skip documents an earlier run finished (listed in "
            "FILE.jsonl.done) and append the rest.",
        ),
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Count warnings (skipped files, guessed encodings) as failures."
        ),
    ] = False,
) -> None:
    """Extract events from documents and print them as a table, JSON Lines, JSON or CSV.

    A bad input (missing, unreadable, binary, undecodable, empty, malformed JSON,
    a record without text, a document too long for the model) gets one line on
    stderr naming the file (and line), and the run goes on. Warnings: files
    skipped for their extension in a directory or glob, directories reached
    twice through symlinks, text decoded with a guessed legacy encoding, stray
    NUL bytes dropped; --strict counts them as failures.

    Exit codes: 0 all inputs read; 1 some inputs failed; 2 usage error (options,
    pattern file, --resume); 130 Ctrl-C; 143 SIGTERM.

    --output FILE.json/.csv is written to a temporary file renamed at the end.
    --output FILE.jsonl grows document by document: each document's events are
    flushed, then the document is recorded in FILE.jsonl.done (doc_id, content
    hash, byte offset). A stopped or killed run leaves whole lines, and --resume
    skips the documents recorded, redoes a half-written one and appends the
    rest, with no duplicates. Without --resume both files start afresh.
    """
    default_date = _parse_date(doc_date)
    fmt = output_format or (
        Format.table if output is None and sys.stdout.isatty() else Format.jsonl
    )
    if output is not None and str(output) == "-":
        output = None
    if fmt is Format.table and output is not None:
        raise _fail("--format table cannot be written to --output; use jsonl, json or csv")
    if resume and (output is None or fmt is not Format.jsonl):
        raise _fail("--resume needs --output FILE with --format jsonl")
    if output is not None and not output.parent.is_dir():
        raise _fail(f"cannot write {output}: no folder {output.parent}")
    tally = _Tally(strict=strict, fail_fast=fail_fast)
    try:
        code = _run_extract(
            inputs,
            fmt=fmt,
            output=output,
            nlp=_load(model, patterns),
            patterns=patterns or [],
            text_field=text_field,
            default_date=default_date,
            min_confidence=min_confidence,
            batch_size=batch_size,
            jobs=jobs,
            resume=resume,
            tally=tally,
        )
    except KeyboardInterrupt:
        # A second Ctrl-C, or one while the model loads: JSON Lines keep every whole line,
        # JSON and CSV keep the previous file.
        tally.signal = int(signal.SIGINT)
        kept = fmt is Format.jsonl or output is None
        code = _closing(
            tally,
            output,
            always=True,
            resumable=fmt is Format.jsonl and output is not None,
            replaced=kept,
        )
    raise typer.Exit(code)


def _run_extract(
    inputs: list[str],
    *,
    fmt: Format,
    output: Path | None,
    nlp: Language,
    patterns: Sequence[Path],
    text_field: str | None,
    default_date: Date | None,
    min_confidence: float,
    batch_size: int,
    jobs: int,
    resume: bool,
    tally: _Tally,
) -> int:
    from .io import JsonlJournal, done_path, open_output, write_records

    journal: JsonlJournal | None = None
    exclude: list[Path] = []
    if output is not None:
        exclude.append(output)
    if output is not None and fmt is Format.jsonl:
        fingerprint = _fingerprint(
            nlp,
            patterns,
            min_confidence=min_confidence,
            default_date=default_date,
            text_field=text_field,
        )
        try:
            journal = JsonlJournal(output, fingerprint=fingerprint, resume=resume)
        except OutputError as err:
            raise _fail(str(err)) from err
        exclude.append(done_path(output))
    documents = _documents(inputs, text_field, default_date, tally, exclude)
    stream = _extracted(
        nlp,
        documents,
        tally,
        batch_size=batch_size,
        jobs=jobs,
        min_confidence=min_confidence,
        skip=journal.is_done if journal is not None else lambda document: False,
    )
    try:
        with _stop_on_signal(tally), render.run_progress(stderr) as update:
            stream = _reporting(stream, tally, update)
            if fmt is Format.table:
                rows = list(_events(stream, tally))
                Console().print(render.events_view(rows))
            elif journal is not None:
                with journal:
                    _write_journal(stream, tally, journal)
            elif output is None and fmt is Format.jsonl:
                _write_stream(stream, tally, sys.stdout)
            else:  # json and csv (to stdout, or atomically to a file), jsonl to a file
                with open_output(output, fmt.value) as handle:
                    write_records(_events(stream, tally), fmt.value, handle)
    except BrokenPipeError:
        # The reader went away (`eventx extract ... | head`): stop quietly, as `cat` does.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1 if tally.failures else 0
    except (OutputError, OSError) as err:
        render.error_line(stderr, f"cannot write the output: {err}")
        return 1
    return _closing(tally, output, always=fmt is Format.table, resumable=journal is not None)


@app.command()
def entities(
    inputs: InputsArgument,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List the actors, places and organizations found in each document, with their ids."""
    from .errors import ExtractionError
    from .extract.actor import title_text
    from .pipeline import knowledge_of
    from .stream import parse_documents

    nlp = _load(model, patterns)
    knowledge = knowledge_of(nlp)
    tally = _Tally()
    labels = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "TITLE"}
    rows: list[tuple[str, str, str, str, str]] = []
    for document, doc in parse_documents(nlp, _documents(inputs, text_field, None, tally)):
        if isinstance(doc, ExtractionError):
            tally.failure(f"{_where(document)}: {doc.reason}")
            continue
        for ent in doc.ents:
            if ent.label_ not in labels:
                continue
            entry = knowledge.entry(ent.ent_id_)
            resolved = ""
            if entry is not None:
                name = title_text(ent, entry) if ent.label_ == "TITLE" else entry.name
                where = f", {entry.country}" if entry.country else ""
                resolved = f"{name} [{entry.kind}{where}]"
            row = (document.doc_id, ent.text, ent.label_, ent.ent_id_, resolved)
            if as_json:
                keys = ("doc_id", "text", "label", "id", "resolves_to")
                line = {key: value or None for key, value in zip(keys, row, strict=True)}
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if not as_json:
        Console().print(render.entities_table(rows))
    if tally.failures:
        raise typer.Exit(1)


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file: eventx JSONL, PLOVER JSON or ACE JSON.")],
    pred: Annotated[
        Path | None,
        typer.Option("--pred", help="Score these predictions (JSONL) instead of extracting."),
    ] = None,
    gold_format: Annotated[
        str, typer.Option("--gold-format", help="auto, eventx, plover or ace.")
    ] = "auto",
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ReportFormat.table,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List each miss and false positive.")
    ] = False,
    floors: Annotated[
        Path | None,
        typer.Option("--floors", help="JSON of per-metric minimums; exit 1 when any is missed."),
    ] = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
) -> None:
    """Score extraction against gold events: detection, dyads, fields and topics."""
    from . import resources
    from .evaluation import convert, country_name_table, metric_floor_failures
    from .evaluation import evaluate as score
    from .pipeline import knowledge_of
    from .render import render_report

    try:
        documents = convert(gold, None if gold_format == "auto" else gold_format)
        minimums = json.loads(floors.read_text(encoding="utf-8")) if floors else {}
    except (EventxError, OSError, ValueError) as err:
        raise _fail(str(err)) from err
    if not isinstance(minimums, dict) or not all(
        isinstance(value, int | float) and not isinstance(value, bool)
        for value in minimums.values()
    ):
        raise _fail(f"{floors}: must be a JSON object of metric names to numbers")
    patterns_used = resources.shipped_patterns("eventx_places")
    if pred is not None:
        predicted = list(_read_predictions(pred))
        gazetteer = resources.gazetteer()
    else:
        from .errors import ExtractionError
        from .stream import extract_documents

        nlp = _load(model, patterns)
        gazetteer = dict(knowledge_of(nlp).gazetteer)
        predicted = []
        failed = 0
        for document, result in extract_documents(nlp, (d.to_document() for d in documents)):
            if isinstance(result, ExtractionError):
                failed += 1
                render.error_line(stderr, f"{gold}: document {document.doc_id}: {result.reason}")
            else:
                predicted.extend(result)
        if failed:
            render.warning_line(stderr, f"{failed} gold document(s) could not be processed")
    report = score(documents, predicted, country_names=country_name_table(gazetteer, patterns_used))
    if output_format is ReportFormat.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        render_report(report, Console(), show_errors=show_errors)
    failures = metric_floor_failures(report, minimums)
    for failure in failures:
        render.error_line(stderr, f"quality floor: {failure}")
    if failures:
        raise typer.Exit(1)


def _read_predictions(path: Path) -> Iterator[Event]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise _fail(f"{path}: cannot read: {err.strerror}") from err
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield Event.model_validate_json(line)
            except ValueError as err:
                raise _fail(f"{path}:{number}: not an event record") from err


@app.command()
def schema() -> None:
    """Print the JSON Schema of the event records."""
    sys.stdout.write(json.dumps(Event.model_json_schema(), indent=2) + "\n")


@app.command()
def info(model: ModelOption = None, patterns: PatternsOption = None) -> None:
    """Show the model, versions and how many rules of each kind are loaded."""
    import pydantic
    import spacy

    from . import resources
    from .pipeline import knowledge_of

    nlp = _load(model, patterns)
    knowledge = knowledge_of(nlp)
    meta = nlp.meta
    facts = [
        ("eventx", __version__),
        ("spaCy", spacy.__version__),
        ("pydantic", pydantic.VERSION),
        ("model", f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"),
        ("pipeline", ", ".join(nlp.pipe_names)),
        ("rules", str(resources.models_dir())),
    ]
    for name in resources.RULER_FILES:
        facts.append((f"{name} patterns", str(len(resources.shipped_patterns(name)))))
    facts += [
        ("gazetteer entries", str(len(knowledge.gazetteer))),
        ("trigger rules", str(len(knowledge.triggers))),
        ("topics", str(len(knowledge.topics))),
    ]
    Console().print(render.info_table(facts))


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"eventx {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Extract diplomatic events (who met whom, where, about what, when) from news text."""


def main() -> None:
    """Console-script entry point."""
    app()
