"""The `eventx` command line: thin Typer wrappers over the library."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date as Date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import __version__, render
from .errors import EventxError, InputError
from .schema import Document, Event

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
    """Counts for the closing summary, and the documents read so far."""

    def __init__(self) -> None:
        self.documents = 0
        self.events = 0
        self.failures = 0


def _documents(
    inputs: list[str], text_field: str | None, default_date: Date | None, tally: _Tally
) -> Iterator[Document]:
    from .io import iter_documents

    for item in iter_documents(inputs, text_field=text_field):
        if isinstance(item, InputError):
            tally.failures += 1
            render.error_line(stderr, str(item))
            continue
        tally.documents += 1
        if default_date is not None and item.date is None:
            item = item.model_copy(update={"date": default_date})
        yield item


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
        Path | None, typer.Option("--output", "-o", help="Write records to this file.")
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
) -> None:
    """Extract events from documents and print them as a table, JSON Lines, JSON or CSV."""
    from .extract import extract_events
    from .io import open_output, write_records

    default_date = _parse_date(doc_date)
    fmt = output_format or (
        Format.table if output is None and sys.stdout.isatty() else Format.jsonl
    )
    if fmt is Format.table and output is not None:
        raise _fail("--format table cannot be written to --output; use jsonl, json or csv")
    nlp = _load(model, patterns)
    tally = _Tally()
    documents = _documents(inputs, text_field, default_date, tally)
    events: Iterator[Event] = (
        event
        for event in extract_events(nlp, documents, batch_size=batch_size)
        if event.confidence >= min_confidence
    )

    def counted(stream: Iterator[Event]) -> Iterator[Event]:
        for event in stream:
            tally.events += 1
            yield event

    try:
        if fmt is Format.table:
            rows = list(counted(events))
            Console().print(render.events_table(rows))
        else:
            with open_output(output, fmt.value) as handle:
                write_records(counted(events), fmt.value, handle)
    except KeyboardInterrupt:
        render.summary_line(stderr, tally.documents, tally.events, tally.failures)
        stderr.print("interrupted; records written so far are kept")
        raise typer.Exit(130) from None
    except EventxError as err:
        raise _fail(str(err), 1) from err
    if tally.documents + tally.failures > 1 or tally.failures or fmt is Format.table:
        render.summary_line(stderr, tally.documents, tally.events, tally.failures)
    if tally.failures:
        raise typer.Exit(1)


@app.command()
def entities(
    inputs: InputsArgument,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List the actors, places and organizations found in each document, with their ids."""
    from .pipeline import knowledge_of

    nlp = _load(model, patterns)
    knowledge = knowledge_of(nlp)
    tally = _Tally()
    rows: list[tuple[str, str, str, str, str]] = []
    documents = list(_documents(inputs, text_field, None, tally))
    labels = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "TITLE"}
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        for ent in doc.ents:
            if ent.label_ not in labels:
                continue
            entry = knowledge.entry(ent.ent_id_)
            resolved = ""
            if entry is not None:
                resolved = f"{entry.name} [{entry.kind}{', ' + entry.country if entry.country else ''}]"
            rows.append((document.doc_id, ent.text, ent.label_, ent.ent_id_, resolved))
    if as_json:
        for doc_id, text, label, ent_id, resolved in rows:
            line = {"doc_id": doc_id, "text": text, "label": label, "id": ent_id or None,
                    "resolves_to": resolved or None}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    else:
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
    from .evaluation import country_name_table, evaluate as score, metric_floor_failures
    from .gold import convert
    from .pipeline import knowledge_of
    from .render_evaluation import render_report

    try:
        documents = convert(gold, None if gold_format == "auto" else gold_format)
        minimums = json.loads(floors.read_text(encoding="utf-8")) if floors else {}
    except (EventxError, OSError, ValueError) as err:
        raise _fail(str(err)) from err
    patterns_used = resources.shipped_patterns("eventx_places")
    if pred is not None:
        predicted = list(_read_predictions(pred))
        gazetteer = resources.gazetteer()
    else:
        from .extract import extract_events

        nlp = _load(model, patterns)
        gazetteer = dict(knowledge_of(nlp).gazetteer)
        predicted = list(extract_events(nlp, (d.to_document() for d in documents)))
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
