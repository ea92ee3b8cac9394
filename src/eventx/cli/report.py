"""Seeing the records: `eventx report`, `graph` and `summary` (and `extract -o report.html`)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from eventx import run
from eventx.cli.common import (
    _closing,
    _Command,
    _fail,
    _format,
    _guarded_output,
    _kept_note,
    _lazy,
    _load,
    _nothing_found,
    _parse_date,
    _print_data,
    _tally,
    app,
    stderr,
)
from eventx.cli.options import (
    GRAPH_FORMATS,
    DateOption,
    GraphFormatOption,
    GraphOutputOption,
    InputsArgument,
    MinConfidenceOption,
    ModelOption,
    PatternsOption,
    ReportFormatOption,
    ReportOutputOption,
    ResultFormatOption,
    TextFieldOption,
)
from eventx.defaults import DEFAULT_BATCH_SIZE
from eventx.errors import InputError, OutputError
from eventx.formats import REPORT_FORMATS, RESULT_FORMATS, Format

if TYPE_CHECKING:
    from eventx import render
    from eventx.report.records import Analysed
    from eventx.schema import Event


if TYPE_CHECKING:
    from eventx import render
else:
    render = _lazy("eventx.render")


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
    tally: run.Tally,
    exclude: Sequence[Path] = (),
) -> list[Analysed]:
    """Every input as documents with their events: a JSON Lines (or JSON) file of eventx
    records is read as it is, anything else is extracted (the model loads only then)."""
    from eventx.errors import ExtractionError
    from eventx.report.records import (
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
        documents = run.documents(texts, text_field, default_date, tally, exclude)
        found = 0
        with render.run_progress(stderr) as update:
            for document, result in analyse(nlp, documents, batch_size=batch_size, jobs=jobs):
                if isinstance(result, ExtractionError):
                    tally.failure(f"{run.where(document)}: {result.reason}")
                    continue
                kept = tuple(e for e in result.events if e.confidence >= min_confidence)
                items.append(Analysed(result.doc_id, kept, result.document, result.mentions))
                found += len(kept)
                update(len(items), found, tally.failures)
    items.extend(group_records(records))
    tally.documents = len(items)
    tally.events = sum(len(item.events) for item in items)
    return items


def _seeing_options(doc_date: str | None, min_confidence: float) -> dict[str, Any]:
    """The options `report`, `graph` and `summary` share, checked as `extract` checks them."""
    if not 0.0 <= min_confidence <= 1.0:
        raise _fail(f"--min-confidence must be from 0 to 1, got {min_confidence:g}")
    return {"default_date": _parse_date(doc_date), "min_confidence": min_confidence}


def _write_report(
    inputs: list[str], output: Path | None, title: str | None, **options: Any
) -> NoReturn:
    from eventx.io import KeepOutput, open_output
    from eventx.report.html import write_report

    if output is not None and not output.parent.is_dir():
        raise _fail(f"cannot write {output}: no folder {output.parent}")
    tally = _tally()
    with contextlib.ExitStack() as guard:
        if output is not None:
            rules = options.get("patterns") or []
            guard.enter_context(_guarded_output(output, Format.html, inputs, rules))
        items = _analysed(inputs, tally=tally, exclude=[output] if output else [], **options)
        try:
            with open_output(output, "json") as handle:  # a temporary file, renamed when whole
                write_report(items, handle, title=title or "eventx report")
                if output is not None and tally.failed_entirely:
                    raise KeepOutput
        except KeepOutput:
            _kept_note(output)
        except BrokenPipeError:
            raise  # the reader went away: a quiet stop (cli/common.py), not a failure
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

The report goes to stdout, or to --output FILE named .html or .htm; any other name needs
--format html.
"""


@app.command(cls=_Command, help=REPORT_HELP, short_help="Write an HTML review report.")
def report(
    inputs: InputsArgument,
    output: ReportOutputOption = None,
    output_format: ReportFormatOption = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="The report's heading.")
    ] = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    doc_date: DateOption = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    if output is not None and str(output) == "-":
        output = None
    # As for `extract`: an output whose name says nothing of HTML is a usage error, so a
    # report never lands in `events.jsonl` or `notes.txt` by a slip of the extension.
    _format(output_format, output, REPORT_FORMATS, fallback=Format.html)
    options = _seeing_options(doc_date, min_confidence)
    _write_report(
        inputs,
        output,
        title,
        model=model,
        patterns=patterns,
        text_field=text_field,
        batch_size=DEFAULT_BATCH_SIZE,
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
    choices = GRAPH_FORMATS
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
    output_format: GraphFormatOption = None,
    output: GraphOutputOption = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    doc_date: DateOption = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    from eventx.io import KeepOutput, open_output
    from eventx.report.network import event_graph, write_graph

    options = _seeing_options(doc_date, min_confidence)
    if output is not None and str(output) == "-":
        output = None
    fmt = _graph_format(output_format, output)
    if output is not None and not output.parent.is_dir():
        raise _fail(f"cannot write {output}: no folder {output.parent}")
    tally = _tally()
    with contextlib.ExitStack() as guard:
        if output is not None:
            guard.enter_context(_guarded_output(output, Format.json, inputs, patterns or []))
        items = _analysed(
            inputs,
            model=model,
            patterns=patterns,
            text_field=text_field,
            batch_size=DEFAULT_BATCH_SIZE,
            jobs=1,
            tally=tally,
            exclude=[output] if output is not None else [],
            **options,
        )
        network = event_graph(event for item in items for event in item.events)
        try:
            with open_output(output, "json") as handle:
                write_graph(network, fmt, handle)  # type: ignore[arg-type]
                if output is not None and tally.failed_entirely:
                    raise KeepOutput
        except KeepOutput:
            _kept_note(output)
        except BrokenPipeError:
            raise  # the reader went away: a quiet stop (cli/common.py), not a failure
        except (OutputError, OSError) as err:
            raise _fail(f"cannot write the output: {err}", 1) from err
    stderr.print(f"{network.number_of_nodes()} actor(s), {network.number_of_edges()} edge(s)")
    code = _closing(tally, output, always=False, resumable=False)
    raise typer.Exit(1 if code == 0 and _nothing_found(inputs, tally) else code)


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
    output_format: ResultFormatOption = None,
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
    from eventx.report.summary import summarize

    fmt = _format(output_format, allowed=RESULT_FORMATS)
    if top < 1:
        raise _fail(f"--top must be 1 or more, got {top}")
    options = _seeing_options(doc_date, min_confidence)
    tally = _tally()
    items = _analysed(
        inputs,
        model=model,
        patterns=patterns,
        text_field=text_field,
        batch_size=DEFAULT_BATCH_SIZE,
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
