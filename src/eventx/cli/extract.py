"""`eventx extract`: documents in, event records out, with resumable JSON Lines output."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Sequence
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from eventx import resume as resumable
from eventx import run
from eventx.cli.common import (
    _census,
    _closing,
    _Command,
    _connect,
    _default_model,
    _fail,
    _format,
    _guarded_output,
    _kept_note,
    _lazy,
    _load,
    _nothing_found,
    _parse_date,
    _print_data,
    _stopping_notice,
    _tally,
    app,
    reader_gone,
    stderr,
)
from eventx.cli.options import (
    BatchSizeOption,
    DateOption,
    ExtractFormatOption,
    ExtractOutputOption,
    InputsArgument,
    JobsOption,
    MinConfidenceOption,
    ModelOption,
    PatternsOption,
    TextFieldOption,
)
from eventx.defaults import DEFAULT_BATCH_SIZE
from eventx.errors import OutputError
from eventx.formats import EXTRACT_FORMATS, Format

if TYPE_CHECKING:
    from spacy.language import Language

    from eventx import render
    from eventx.io import JsonlJournal, OutputFormat


if TYPE_CHECKING:
    from eventx import render
else:
    render = _lazy("eventx.render")


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
content, and redoes the rest. A document whose extraction failed is recorded as failed, and
--resume goes on past it without retrying it. Without --resume both files start afresh; a run
that reads no input at all leaves an existing output as it was.

--jobs: every core by default; the first few documents are parsed in this process, so the
first records come at once and a small input starts no worker. A named pipe is waited on
until its writer comes; Ctrl-C or SIGTERM ends the wait.
"""


@app.command(cls=_Command, help=EXTRACT_HELP, short_help="Extract events from documents.")
def extract(
    inputs: InputsArgument,
    output_format: ExtractFormatOption = None,
    output: ExtractOutputOption = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    doc_date: DateOption = None,
    min_confidence: MinConfidenceOption = 0.0,
    batch_size: BatchSizeOption = DEFAULT_BATCH_SIZE,
    jobs: JobsOption = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Parse on this Dask cluster (tcp://HOST:8786), one pipeline per worker; "
            "needs eventx[dask].",
        ),
    ] = None,
    fast: Annotated[
        bool,
        typer.Option(
            "--fast/--full",
            help="Parse only the sentences that may hold an event and the context they need "
            "(the default; over 99% of the events come out identical), or every sentence.",
        ),
    ] = True,
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
    # The report's own reading has no warm-up batches: it keeps one process unless asked.
    report_jobs = jobs or 1
    if jobs is None:
        jobs = run.usable_cores()
    for option, number in (("--batch-size", batch_size), ("--jobs", jobs)):
        if number < 1:
            raise _fail(f"{option} must be 1 or more, got {number}")
    if output is not None and str(output) == "-":
        output = None
    fmt = _format(output_format, output, EXTRACT_FORMATS)
    if fmt is Format.html:
        from eventx.cli.report import _write_report

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
            jobs=report_jobs,
        )
    if resume and (output is None or fmt is not Format.jsonl):
        raise _fail("--resume needs --output FILE with --format jsonl")
    if output is not None and not output.parent.is_dir():
        raise _fail(f"cannot write {output}: no folder {output.parent}")
    tally = _tally(strict=strict, fail_fast=fail_fast)
    with contextlib.ExitStack() as guard:
        if output is not None:
            guard.enter_context(_guarded_output(output, fmt, inputs, patterns or []))
        cluster = _connect(scheduler) if scheduler is not None else None
        if cluster is not None:
            guard.callback(cluster.close)
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
                cluster=cluster,
                fast=fast,
                # Workers load the pipeline the client would have, not their own choice.
                model=model or (_default_model() if cluster is not None else None),
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
    tally: run.Tally,
    cluster: Any = None,
    model: str | None = None,
    fast: bool = False,
) -> int:
    from eventx import workers
    from eventx.io import KeepOutput, open_output, write_records
    from eventx.stream import warm_up_batches

    journal: JsonlJournal | None = None
    exclude: list[Path] = []
    if output is not None:
        exclude.append(output)
    if output is not None and fmt is Format.jsonl:
        try:
            journal, record = resumable.open_journal(
                output,
                nlp,
                patterns,
                min_confidence=min_confidence,
                default_date=default_date,
                text_field=text_field,
                resume=resume,
            )
        except OutputError as err:
            raise _fail(str(err)) from err
        exclude.append(record)
    # Counting the documents ahead reads the inputs twice: only worth it for a progress bar.
    total = _census(inputs, exclude) if stderr.is_terminal else None
    try:
        with contextlib.ExitStack() as running:
            running.enter_context(run.stop_on_signal(tally, _stopping_notice))
            documents = run.documents(inputs, text_field, default_date, tally, exclude)
            parsed_here = sum(warm_up_batches(batch_size))  # before any worker is needed
            if cluster is None and stderr.is_terminal and (total is None or total > parsed_here):
                # Fork the workers before the progress display starts its thread. Without
                # a display they fork when needed: a small input parses in this process.
                running.enter_context(workers.started(nlp, jobs))
            stream = run.extracted(
                nlp,
                documents,
                tally,
                batch_size=batch_size,
                jobs=jobs,
                min_confidence=min_confidence,
                skip=journal.is_done if journal is not None else lambda document: False,
                on_failed=resumable.failure_recorder(journal),
                cluster=cluster,
                model=model,
                patterns=patterns,
                fast=fast,
            )
            running.callback(stream.close)  # stops the workers first, even when stuck
            update = running.enter_context(render.run_progress(stderr, total))
            reported = run.reporting(stream, tally, update)
            if fmt is Format.table:
                rows = list(run.events(reported, tally))
                _print_data(render.events_view(rows))
            elif journal is not None:
                with journal:
                    resumable.write_journal(reported, tally, journal)
                    if tally.failed_entirely:
                        _kept_note(output)
                    elif not tally.stopping:
                        journal.finish()
            elif output is None and fmt is Format.jsonl:
                run.write_stream(reported, tally, sys.stdout)
            elif fmt is Format.geojson:
                from eventx.report.geojson import write_geojson

                with open_output(output, "json") as handle:
                    write_geojson(run.events(reported, tally), handle)
                    if output is not None and tally.failed_entirely:
                        raise KeepOutput
            else:  # json and csv (to stdout, or atomically to a file), jsonl to a file
                written = cast("OutputFormat", fmt.value)
                with open_output(output, written) as handle:
                    write_records(run.events(reported, tally), written, handle)
                    if output is not None and tally.failed_entirely:
                        raise KeepOutput
    except KeepOutput:
        _kept_note(output)
    except BrokenPipeError:
        # Caught here too, not only by the group (cli/common.py), to keep the run's own exit
        # code: 1 when a document failed before the reader went away.
        reader_gone()
        return 1 if tally.failures else 0
    except (OutputError, OSError) as err:
        render.error_line(stderr, f"cannot write the output: {err}")
        return 1
    code = _closing(tally, output, always=fmt is Format.table, resumable=journal is not None)
    if journal is not None and journal.failures_matched:
        stderr.print(
            f"--resume skipped {journal.failures_matched} document(s) that failed in the earlier "
            "run; run without --resume to retry them"
        )
    return code
