"""The `eventx` command line: thin Typer wrappers over the library."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib.util
import io
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date as Date
from pathlib import Path
from types import FrameType, ModuleType
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, cast

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .errors import EventxError, FormatError, InputError, InputWarning, OutputError
from .formats import DATA_FORMATS, EXTRACT_FORMATS, Format, choose_format, parse_format

if TYPE_CHECKING:
    from spacy.language import Language

    from . import render
    from .io import JsonlJournal, OutputFormat
    from .report.records import Analysed
    from .schema import Document, Event


def _lazy(name: str) -> ModuleType:
    """A module that is imported when first used, so `eventx --help`, `--version` and
    `schema` never pay for rich's tables, pydantic's records or spaCy."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)  # as a real import does: `eventx.render` works
    return module


if not TYPE_CHECKING:
    render = _lazy("eventx.render")

# click's base error class, whether typer vendors click (0.2x) or uses the click package.
_ClickError: type[Exception] = next(
    kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException"
)


class _Command(TyperCommand):
    """A command whose help names arguments plainly: `INPUT...`, not `{inputs}... <list[str]>`."""

    def _arguments(self) -> list[tuple[typer.core.TyperArgument, str]]:
        named = []
        for param in self.params:
            if isinstance(param, typer.core.TyperArgument):
                name = param.metavar or (param.name or "").upper()
                named.append((param, name + ("..." if param.nargs != 1 else "")))
        return named

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [name for _, name in self._arguments()]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments = [(name, param.help or "") for param, name in self._arguments()]
        options = [
            record
            for param in self.get_params(ctx)
            if not isinstance(param, typer.core.TyperArgument)
            and (record := param.get_help_record(ctx)) is not None
        ]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


class _Group(TyperGroup):
    """The `eventx` group: usage errors are one plain line (`error: ...`) and exit 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except _ClickError as error:
            _usage_error(error)
        except typer.Abort:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _usage_error(error: Exception) -> NoReturn:
    message = str(getattr(error, "format_message", lambda: str(error))()).strip()
    if type(error).__name__ == "NoArgsIsHelpError":  # bare `eventx`: the help is the message
        sys.stderr.write(message + "\n")
        sys.exit(2)
    message = (message[:1].lower() + message[1:]).rstrip(".")
    context = getattr(error, "ctx", None)
    hint = f" (see '{context.command_path} -h')" if context is not None else ""
    sys.stderr.write(f"error: {message}{hint}\n")
    sys.exit(int(getattr(error, "exit_code", 2)))


app = typer.Typer(
    name="eventx",
    cls=_Group,
    help="Extract diplomatic events (who met whom, where, about what, when) from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
stderr = Console(stderr=True)

FORMAT_HELP = (
    "Output format: table, jsonl, json or csv, in any case (default: table on a terminal, "
    "JSON Lines otherwise)."
)

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        envvar="EVENTX_MODEL",
        metavar="NAME|PATH",
        help="spaCy pipeline name or path (default: the best installed en_core_web_*).",
    ),
]
PatternsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--patterns",
        metavar="FILE",
        help="Extra entity-ruler pattern file (JSONL); repeatable.",
        dir_okay=False,
    ),
]
InputsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT",
        help="Files, directories, glob patterns, or - for stdin.",
        show_default=False,
    ),
]
TextFieldOption = Annotated[
    str | None,
    typer.Option(
        "--text-field",
        metavar="NAME",
        help="JSON field or CSV column holding the text (default: text, body or content).",
    ),
]
FormatOption = Annotated[
    str | None, typer.Option("--format", "-f", metavar="FORMAT", help=FORMAT_HELP)
]


def _format(
    value: str | None,
    output: Path | None = None,
    allowed: Sequence[Format] = DATA_FORMATS,
) -> Format:
    """The output format of a data command, or a usage error (exit 2) naming the choices."""
    try:
        explicit = parse_format(value, allowed) if value is not None else None
        return choose_format(explicit, output, terminal=sys.stdout.isatty(), allowed=allowed)
    except FormatError as err:
        raise _fail(str(err)) from err


def _census(inputs: Sequence[str], exclude: Sequence[Path]) -> int | None:
    from .census import count_documents

    return count_documents(inputs, exclude=exclude)


def _print_data(renderable: Any) -> None:
    """A table on stdout: fitted to a terminal, at its full width anywhere else."""
    render.print_data(renderable, sys.stdout)


_GLOB_CHARS = frozenset("*?[")


def _nothing_found(inputs: Sequence[str], tally: _Tally) -> bool:
    """Say so when the inputs held no document and no input failed (an empty folder, or one
    of files eventx does not read); True then. A failed input has said why already."""
    if tally.read or tally.skipped or tally.failures or tally.stopping:
        return False
    places = [item for item in inputs if Path(item).is_dir() or _GLOB_CHARS & set(item)]
    where = escape(", ".join(places or inputs))
    stderr.print(f"no documents found in {where}", highlight=False, soft_wrap=True)
    return True


def _fail(message: str, code: int = 2) -> typer.Exit:
    render.error_line(stderr, message)
    return typer.Exit(code)


def _load(model: str | None, patterns: list[Path] | None):  # type: ignore[no-untyped-def]
    from .pipeline import load_pipeline

    try:
        return load_pipeline(model, patterns or ())
    except EventxError as err:
        raise _fail(str(err)) from err
    except (ValueError, TypeError, KeyError, RecursionError, re.error) as err:
        # A --patterns line spaCy's matcher refuses (an unknown token attribute, a REGEX
        # that does not compile) is a usage error like any invalid rule line.
        names = ", ".join(str(path) for path in patterns or ()) or "the rules"
        raise _fail(f"cannot load {names}: {short_error(err)}") from err


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

    results = extract_documents(
        nlp, wanted(), batch_size=batch_size, jobs=jobs, first_batches=warm_up_batches(batch_size)
    )
    for document, result in results:
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


EXTRACT_HELP = """Extract events from documents and write them as a table, JSON Lines, JSON, CSV
or GeoJSON, or as the HTML review report.

\b
Examples:
  eventx extract seeds/                     a table on a terminal
  eventx extract seeds/ | jq .event         JSON Lines when piped
  eventx extract news.csv -o events.csv     CSV rows in, CSV records out
  eventx extract 'feeds/**/*.jsonl' -o out.jsonl --resume
  eventx extract news/ -o report.html       the review report (see eventx report -h)

Inputs: .txt/.md, .html/.htm, .json (an object or an array), .jsonl (one object a line),
.csv/.tsv (one document a row; columns text/body/content, id, title, date, url), or - for
stdin. Directories are read recursively.

Format: --format wins; else the extension of --output FILE (.jsonl, .json, .csv, .geojson,
.html; JSON Lines for any other); else a table on a terminal and JSON Lines when piped. A
--format that contradicts the extension is a usage error.

A bad input (missing, unreadable, binary, undecodable, empty, malformed JSON or CSV, a
record without text, a document too long for the model) gets one line on stderr naming the
file (and line or row), and the run goes on. Warnings: files skipped for their extension in
a directory or glob, directories reached twice through symlinks, text decoded with a
guessed legacy encoding, stray NUL bytes dropped; --strict counts them as failures.

Exit codes: 0 all inputs read; 1 some inputs failed, no documents found, or the output
could not be written; 2 usage error (options, pattern file, --resume, an --output that is an
input or that another run is writing); 130 Ctrl-C; 143 SIGTERM.

--output FILE.json/.csv is written to a temporary file renamed at the end. --output
FILE.jsonl grows document by document: each document's events are flushed, then the
document is recorded in FILE.jsonl.done (doc_id, content hash, byte offset). A stopped or
killed run leaves whole lines, and --resume gives what a fresh run over the current inputs
would: it skips recorded documents while they come in the same order with the same
content, and redoes the rest. Without --resume both files start afresh; a run that reads no
input at all leaves an existing output as it was.
"""


@app.command(cls=_Command, help=EXTRACT_HELP, short_help="Extract events from documents.")
def extract(
    inputs: InputsArgument,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Output format: table, jsonl, json, csv, geojson or html, in any case "
            "(default: table on a terminal, JSON Lines otherwise).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write records to FILE; its extension (.jsonl, .json, .csv) sets the format. "
            "JSON and CSV appear whole when the run ends; JSON Lines grow document by document.",
            dir_okay=False,
        ),
    ] = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    doc_date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="Document date (YYYY-MM-DD) when the input gives none."
        ),
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            metavar="SCORE",
            show_default=False,
            help="Drop events less certain than SCORE, from 0 to 1 (default: 0, keep all).",
        ),
    ] = 0.0,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size",
            metavar="N",
            show_default=False,
            help="Documents parsed together (default: 32); the first batches are smaller, so "
            "the first records come out at once.",
        ),
    ] = 32,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            show_default=False,
            help="Parse in N processes (default: 1); the output is the same whatever N.",
        ),
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
    default_date = _parse_date(doc_date)
    if not 0.0 <= min_confidence <= 1.0:
        raise _fail(f"--min-confidence must be from 0 to 1, got {min_confidence:g}")
    for option, number in (("--batch-size", batch_size), ("--jobs", jobs)):
        if number < 1:
            raise _fail(f"{option} must be 1 or more, got {number}")
    if output is not None and str(output) == "-":
        output = None
    fmt = _format(output_format, output, EXTRACT_FORMATS)
    if fmt is Format.html:
        _write_report(
            inputs,
            output,
            None,
            model=model,
            patterns=patterns,
            text_field=text_field,
            default_date=default_date,
            min_confidence=min_confidence,
            batch_size=batch_size,
            jobs=jobs,
        )
    if resume and (output is None or fmt is not Format.jsonl):
        raise _fail("--resume needs --output FILE with --format jsonl")
    if output is not None and not output.parent.is_dir():
        raise _fail(f"cannot write {output}: no folder {output.parent}")
    tally = _Tally(strict=strict, fail_fast=fail_fast)
    with contextlib.ExitStack() as guard:
        if output is not None:
            guard.enter_context(_guarded_output(output, fmt, inputs, patterns or []))
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
            # A second Ctrl-C, or one while the model loads: JSON Lines keep every whole
            # line, JSON and CSV keep the previous file.
            if tally.signal is None:
                tally.signal = int(signal.SIGINT)
            kept = fmt is Format.jsonl or output is None
            code = _closing(
                tally,
                output,
                always=True,
                resumable=fmt is Format.jsonl and output is not None,
                replaced=kept,
            )
    if code in (0, 1) and _nothing_found(inputs, tally):
        code = 1
    raise typer.Exit(code)


@contextlib.contextmanager
def _guarded_output(
    output: Path, fmt: Format, inputs: Sequence[str], patterns: Sequence[Path]
) -> Iterator[None]:
    """Refuse an output that is an input (exit 2); hold its lock for the whole run."""
    from .io import done_path
    from .output import check_not_an_input, check_not_inside_inputs, locked

    written = [output, done_path(output)] if fmt is Format.jsonl else [output]
    try:
        check_not_an_input(written, inputs, patterns)
        check_not_inside_inputs(output, inputs)
        lock = locked(output)
        lock.__enter__()
    except OutputError as err:
        raise _fail(str(err)) from err
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def _kept_note(output: Path | None) -> None:
    message = f"{output} was left as it was: no input could be read"
    stderr.print(escape(message), highlight=False, soft_wrap=True)


def _failed_entirely(tally: _Tally) -> bool:
    """No document could be read and something failed: keep the previous output."""
    return tally.read == 0 and tally.failures > 0


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
    from .io import JsonlJournal, KeepOutput, done_path, open_output, write_records

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
        from .output import resolve_target

        exclude.append(done_path(resolve_target(output)[0]))
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
    # Counting the documents ahead reads the inputs twice: only worth it for a progress bar.
    total = _census(inputs, exclude) if stderr.is_terminal else None
    try:
        with _stop_on_signal(tally), render.run_progress(stderr, total) as update:
            stream = _reporting(stream, tally, update)
            if fmt is Format.table:
                rows = list(_events(stream, tally))
                _print_data(render.events_view(rows))
            elif journal is not None:
                with journal:
                    _write_journal(stream, tally, journal)
                    if _failed_entirely(tally):
                        _kept_note(output)
                    elif not tally.stopping:
                        journal.finish()
            elif output is None and fmt is Format.jsonl:
                _write_stream(stream, tally, sys.stdout)
            elif fmt is Format.geojson:
                from .report.geojson import write_geojson

                with open_output(output, "json") as handle:
                    write_geojson(_events(stream, tally), handle)
                    if output is not None and _failed_entirely(tally):
                        raise KeepOutput
            else:  # json and csv (to stdout, or atomically to a file), jsonl to a file
                written = cast("OutputFormat", fmt.value)
                with open_output(output, written) as handle:
                    write_records(_events(stream, tally), written, handle)
                    if output is not None and _failed_entirely(tally):
                        raise KeepOutput
    except KeepOutput:
        _kept_note(output)
    except BrokenPipeError:
        # The reader went away (`eventx extract ... | head`): stop quietly, as `cat` does.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1 if tally.failures else 0
    except (OutputError, OSError) as err:
        render.error_line(stderr, f"cannot write the output: {err}")
        return 1
    return _closing(tally, output, always=fmt is Format.table, resumable=journal is not None)


class _Rows:
    """Rows of a data command written in the chosen format: JSON Lines and CSV as they come,
    JSON and the table once all are in."""

    def __init__(self, fmt: Format, keys: Sequence[str], out: TextIO) -> None:
        self.fmt = fmt
        self.keys = tuple(keys)
        self.out = out
        self.kept: list[tuple[str, ...]] = []
        self._csv: Any = None
        if fmt is Format.csv:
            import csv

            self._csv = csv.writer(out, lineterminator="\n")
            self._csv.writerow(self.keys)

    def add(self, row: tuple[str, ...]) -> None:
        if self.fmt is Format.jsonl:
            self.out.write(json.dumps(self._object(row), ensure_ascii=False) + "\n")
        elif self._csv is not None:
            self._csv.writerow(row)
        else:
            self.kept.append(row)

    def flush(self) -> None:
        self.out.flush()

    def close(self, table: Callable[[list[tuple[str, ...]]], Any]) -> None:
        if self.fmt is Format.json:
            items = [self._object(row) for row in self.kept]
            self.out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        elif self.fmt is Format.table:
            _print_data(table(self.kept))
        self.out.flush()

    def _object(self, row: tuple[str, ...]) -> dict[str, str | None]:
        return {key: value or None for key, value in zip(self.keys, row, strict=True)}


ENTITIES_HELP = """List the actors, places and organizations found in each document, with their ids.

\b
Examples:
  eventx entities seeds/
  eventx entities article.txt -f jsonl | jq -c 'select(.label == "GPE")'
  eventx entities news.csv --text-field story -f csv > entities.csv
"""


@app.command(cls=_Command, help=ENTITIES_HELP, short_help="List the entities found in documents.")
def entities(
    inputs: InputsArgument,
    output_format: FormatOption = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", hidden=True, help="Old spelling of --format jsonl.")
    ] = False,
) -> None:
    from .errors import ExtractionError
    from .extract.actor import title_text
    from .pipeline import knowledge_of
    from .stream import parse_documents

    if as_json and output_format is None:
        output_format = Format.jsonl.value
    fmt = _format(output_format)
    nlp = _load(model, patterns)
    knowledge = knowledge_of(nlp)
    tally = _Tally()
    labels = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "TITLE"}
    rows = _Rows(fmt, ("doc_id", "text", "label", "id", "resolves_to"), sys.stdout)
    for document, doc in parse_documents(nlp, _documents(inputs, text_field, None, tally)):
        if isinstance(doc, ExtractionError):
            tally.failure(f"{_where(document)}: {doc.reason}")
            continue
        tally.documents += 1
        for ent in doc.ents:
            if ent.label_ not in labels:
                continue
            entry = knowledge.entry(ent.ent_id_)
            resolved = ""
            if entry is not None:
                name = title_text(ent, entry) if ent.label_ == "TITLE" else entry.name
                where = f", {entry.country}" if entry.country else ""
                resolved = f"{name} [{entry.kind}{where}]"
            rows.add((document.doc_id, ent.text, ent.label_, ent.ent_id_, resolved))
        rows.flush()
    rows.close(render.entities_table)
    if _nothing_found(inputs, tally) or tally.failures:
        raise typer.Exit(1)


EVALUATE_FORMATS = (Format.table, Format.jsonl, Format.json)

EVALUATE_HELP = """Score extraction against gold events: detection, dyads, fields and topics.

\b
Examples:
  eventx evaluate tests/data/dev/gold.jsonl
  eventx evaluate gold.json --gold-format plover --show-errors
  eventx evaluate gold.jsonl --pred events.jsonl -f json | jq .overall
  eventx evaluate gold.jsonl --floors quality/floors.json   (exit 1 below a floor)

The report is a set of tables on a terminal and one JSON object otherwise (--format
table, jsonl or json).
"""


@app.command(cls=_Command, help=EVALUATE_HELP, short_help="Score extraction against gold events.")
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD",
            help="Gold file: eventx JSONL, PLOVER JSON or ACE JSON.",
            show_default=False,
        ),
    ],
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred", metavar="FILE", help="Score these predictions (JSONL) instead of extracting."
        ),
    ] = None,
    gold_format: Annotated[
        str,
        typer.Option("--gold-format", metavar="KIND", help="auto, eventx, plover or ace."),
    ] = "auto",
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Report format: table, jsonl or json (default: table on a terminal, jsonl "
            "otherwise).",
        ),
    ] = None,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List each miss and false positive.")
    ] = False,
    floors: Annotated[
        Path | None,
        typer.Option(
            "--floors",
            metavar="FILE",
            help="JSON of per-metric minimums; exit 1 when any is missed.",
        ),
    ] = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
) -> None:
    from . import resources
    from .evaluation import convert, country_name_table, metric_floor_failures
    from .evaluation import evaluate as score
    from .pipeline import knowledge_of

    fmt = _format(output_format, allowed=EVALUATE_FORMATS)
    try:
        documents = convert(gold, None if gold_format == "auto" else gold_format)
        minimums = json.loads(floors.read_text(encoding="utf-8")) if floors else {}
    except RecursionError as err:
        raise _fail(f"{gold}: cannot read: JSON nested too deeply") from err
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
    if fmt is Format.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif fmt is Format.jsonl:
        sys.stdout.write(report.model_dump_json() + "\n")
    else:
        _print_data(render.report_view(report, show_errors=show_errors))
    failures = metric_floor_failures(report, minimums)
    for failure in failures:
        render.error_line(stderr, f"quality floor: {failure}")
    if failures:
        raise typer.Exit(1)


def _read_predictions(path: Path) -> Iterator[Event]:
    from .schema import Event

    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as err:
        raise _fail(f"{path}: not UTF-8 text (byte {err.start}); expected JSON Lines") from err
    except OSError as err:
        raise _fail(f"{path}: cannot read: {err.strerror}") from err
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield Event.model_validate_json(line)
            except (ValueError, RecursionError) as err:
                raise _fail(f"{path}:{number}: not an event record") from err


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of the event records.

    \b
    Example:
      eventx schema | jq '.properties | keys'
    """
    from .schema import Event

    sys.stdout.write(json.dumps(Event.model_json_schema(), indent=2) + "\n")


INFO_FORMATS = (Format.table, Format.jsonl, Format.json)


@app.command(cls=_Command, short_help="Show the model, versions and rule counts.")
def info(
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, jsonl or json (default: table on a terminal, jsonl otherwise).",
        ),
    ] = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
) -> None:
    """Show the model, versions and how many rules of each kind are loaded.

    \b
    Examples:
      eventx info
      eventx info -m en_core_web_md -f json
    """
    import pydantic
    import spacy

    from . import resources
    from .pipeline import knowledge_of

    fmt = _format(output_format, allowed=INFO_FORMATS)
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
    if fmt is Format.table:
        _print_data(render.info_table(facts))
        return
    indent = 2 if fmt is Format.json else None
    sys.stdout.write(json.dumps(dict(facts), ensure_ascii=False, indent=indent) + "\n")


# ---------------------------------------------------------------------------
# Seeing the records: report, graph, summary (and `extract -o report.html`)


def _analysed(
    inputs: list[str],
    *,
    model: str | None,
    patterns: list[Path] | None,
    text_field: str | None,
    default_date: Date | None,
    min_confidence: float,
    batch_size: int,
    jobs: int,
    tally: _Tally,
    exclude: Sequence[Path] = (),
) -> list[Analysed]:
    """Every input as documents with their events: a JSON Lines (or JSON) file of eventx
    records is read as it is, anything else is extracted (the model loads only then)."""
    from .errors import ExtractionError
    from .report.records import (
        Analysed,
        analyse,
        group_records,
        is_records_file,
        read_records,
    )

    items: list[Analysed] = []
    records: list[Event] = []
    texts = [item for item in inputs if item == "-" or not is_records_file(Path(item))]
    for item in inputs:
        if item in texts:
            continue
        for record in read_records(Path(item)):
            if isinstance(record, InputError):
                tally.failure(str(record))
            elif record.confidence >= min_confidence:
                records.append(record)
        tally.read += 1
    if texts:
        nlp = _load(model, patterns)
        documents = _documents(texts, text_field, default_date, tally, exclude)
        found = 0
        with render.run_progress(stderr) as update:
            for document, result in analyse(nlp, documents, batch_size=batch_size, jobs=jobs):
                if isinstance(result, ExtractionError):
                    tally.failure(f"{_where(document)}: {result.reason}")
                    continue
                kept = tuple(e for e in result.events if e.confidence >= min_confidence)
                items.append(Analysed(result.doc_id, kept, result.document, result.mentions))
                found += len(kept)
                update(len(items), found, tally.failures)
    items.extend(group_records(records))
    tally.documents = len(items)
    tally.events = sum(len(item.events) for item in items)
    return items


DateOption = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="DATE", help="Document date (YYYY-MM-DD) when the input gives none."
    ),
]
MinConfidenceOption = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        metavar="SCORE",
        show_default=False,
        help="Drop events less certain than SCORE, from 0 to 1 (default: 0, keep all).",
    ),
]


def _seeing_options(doc_date: str | None, min_confidence: float) -> dict[str, Any]:
    """The options `report`, `graph` and `summary` share, checked as `extract` checks them."""
    if not 0.0 <= min_confidence <= 1.0:
        raise _fail(f"--min-confidence must be from 0 to 1, got {min_confidence:g}")
    return {"default_date": _parse_date(doc_date), "min_confidence": min_confidence}


def _write_report(
    inputs: list[str], output: Path | None, title: str | None, **options: Any
) -> NoReturn:
    from .io import open_output
    from .report.html import write_report

    if output is not None and not output.parent.is_dir():
        raise _fail(f"cannot write {output}: no folder {output.parent}")
    tally = _Tally()
    items = _analysed(inputs, tally=tally, exclude=[output] if output else [], **options)
    try:
        with open_output(output, "json") as handle:  # a temporary file, renamed when whole
            write_report(items, handle, title=title or "eventx report")
    except (OutputError, OSError) as err:
        raise _fail(f"cannot write the output: {err}", 1) from err
    code = _closing(tally, output, always=True, resumable=False)
    raise typer.Exit(1 if code == 0 and _nothing_found(inputs, tally) else code)


REPORT_HELP = """Write a self-contained HTML review report: an overview, the who-met-whom network, a
map of venues, a document index filterable by event type, status, country, actor and place,
and each document's text with its actors, places and organizations highlighted beside its
event cards (evidence sentence, trigger, a link to its place in the text). One file, nothing
fetched: it opens offline in any browser.

\b
Examples:
  eventx report news/ -o report.html
  eventx extract news/ -o events.jsonl && eventx report events.jsonl -o report.html

INPUT is documents (as for extract) or JSON Lines / JSON files of eventx records, told
apart by their fields; a report made from records shows the events but not the full texts.
"""


@app.command(cls=_Command, help=REPORT_HELP, short_help="Write an HTML review report.")
def report(
    inputs: InputsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The HTML file (default: stdout).",
            dir_okay=False,
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="The report's heading.")
    ] = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    doc_date: DateOption = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    options = _seeing_options(doc_date, min_confidence)
    if output is not None and str(output) == "-":
        output = None
    _write_report(
        inputs,
        output,
        title,
        model=model,
        patterns=patterns,
        text_field=text_field,
        batch_size=32,
        jobs=1,
        **options,
    )


GRAPH_HELP = """Export the who-met-whom network for Gephi (GEXF, GraphML), networkx or Cytoscape
(node-link JSON): a node per actor (name, kind, country, events), an edge per event and pair
of participants (event, mode, status, date, doc_id, event_id, confidence, weight).

\b
Examples:
  eventx graph events.jsonl -o network.gexf
  eventx graph news/ -f graphml > network.graphml

The format is --format (graphml, gexf or json), else the extension of --output FILE, else
json. INPUT is documents or JSON Lines / JSON files of eventx records.
"""


def _graph_format(value: str | None, output: Path | None) -> str:
    choices = ("graphml", "gexf", "json")
    implied = output.suffix.lower().lstrip(".") if output is not None else None
    implied = "graphml" if implied == "xml" else implied
    if value is not None:
        wanted = value.strip().lower()
        if wanted not in choices:
            raise _fail(f"unknown graph format {value!r} (choose {', '.join(choices)})")
        if implied in choices and implied != wanted:
            raise _fail(f"--format {wanted} contradicts the extension of {output}")
        return wanted
    if implied is None:
        return "json"
    if implied not in choices:
        raise _fail(f"cannot tell the graph format of {output}; give --format")
    return implied


@app.command(cls=_Command, help=GRAPH_HELP, short_help="Export the actor network.")
def graph(
    inputs: InputsArgument,
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="graphml, gexf or json."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write here (default: stdout).", dir_okay=False
        ),
    ] = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    doc_date: DateOption = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    from .io import open_output
    from .report.network import event_graph, write_graph

    options = _seeing_options(doc_date, min_confidence)
    if output is not None and str(output) == "-":
        output = None
    fmt = _graph_format(output_format, output)
    if output is not None and not output.parent.is_dir():
        raise _fail(f"cannot write {output}: no folder {output.parent}")
    tally = _Tally()
    items = _analysed(
        inputs,
        model=model,
        patterns=patterns,
        text_field=text_field,
        batch_size=32,
        jobs=1,
        tally=tally,
        exclude=[output] if output is not None else [],
        **options,
    )
    network = event_graph(event for item in items for event in item.events)
    try:
        with open_output(output, "json") as handle:
            write_graph(network, fmt, handle)  # type: ignore[arg-type]
    except (OutputError, OSError) as err:
        raise _fail(f"cannot write the output: {err}", 1) from err
    stderr.print(f"{network.number_of_nodes()} actor(s), {network.number_of_edges()} edge(s)")
    code = _closing(tally, output, always=False, resumable=False)
    raise typer.Exit(1 if code == 0 and _nothing_found(inputs, tally) else code)


SUMMARY_FORMATS = (Format.table, Format.jsonl, Format.json)

SUMMARY_HELP = """Top actors, dyads, places, topics and event types of documents or of JSON Lines
files of eventx records: tables on a terminal, one JSON object otherwise.

\b
Examples:
  eventx summary events.jsonl
  eventx summary news/ --top 20 -f json | jq '.dyads[:5]'
"""


@app.command(cls=_Command, help=SUMMARY_HELP, short_help="Count actors, dyads, places, topics.")
def summary(
    inputs: InputsArgument,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, jsonl or json (default: table on a terminal, jsonl otherwise).",
        ),
    ] = None,
    top: Annotated[
        int,
        typer.Option(
            "--top", metavar="N", show_default=False, help="How many of each (default: 10)."
        ),
    ] = 10,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    doc_date: DateOption = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    from .report.summary import summarize

    fmt = _format(output_format, allowed=SUMMARY_FORMATS)
    if top < 1:
        raise _fail(f"--top must be 1 or more, got {top}")
    options = _seeing_options(doc_date, min_confidence)
    tally = _Tally()
    items = _analysed(
        inputs,
        model=model,
        patterns=patterns,
        text_field=text_field,
        batch_size=32,
        jobs=1,
        tally=tally,
        **options,
    )
    events = [event for item in items for event in item.events]
    counts = summarize(events, documents=len(items), top=top)
    if fmt is Format.json:
        sys.stdout.write(counts.model_dump_json(indent=2) + "\n")
    elif fmt is Format.jsonl:
        sys.stdout.write(counts.model_dump_json() + "\n")
    else:
        _print_data(render.summary_view(counts))
    raise typer.Exit(1 if tally.failures or _nothing_found(inputs, tally) else 0)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"eventx {__version__}\n")
        raise typer.Exit()


MAIN_HELP = """Extract diplomatic events (who met whom, where, about what, when) from news text.

\b
Examples:
  eventx extract seeds/                 events of every article in seeds/, as a table
  eventx extract seeds/ | jq .event     the same as JSON Lines
  eventx extract news.csv -o out.json   a CSV of articles in, a JSON array out
  eventx evaluate gold.jsonl            precision and recall against gold events
  eventx report seeds/ -o report.html   an HTML review report: cards, network, map

Every command that writes data takes --format (table, jsonl, json, csv): a table on a
terminal, JSON Lines otherwise. Data goes to stdout, progress and messages to stderr.
Exit codes: 0 done, 1 some input failed or none was found, 2 usage error. 'eventx
COMMAND -h' tells more.
"""


@app.callback(help=MAIN_HELP)
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    pass


def short_error(error: BaseException) -> str:
    """One line about an error, whatever its message holds."""
    return " ".join(f"{type(error).__name__}: {error}".split())[:300]


class _ClosedStream(io.TextIOBase):
    """Standing in for a closed standard output (`eventx ... >&-`): writing fails cleanly."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def main() -> None:
    """Console-script entry point."""
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    try:
        app()
    except OSError as error:  # stdout or stderr gone: one line where one can still go
        with contextlib.suppress(Exception):
            sys.stderr.write(f"error: {short_error(error)}\n")
        sys.exit(1)
