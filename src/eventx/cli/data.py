"""`eventx entities`, `evaluate`, `schema` and `info`: the commands that print data about the
rules, the entities found and the scores against gold."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from eventx import __version__, run
from eventx.cli.common import (
    _Command,
    _fail,
    _format,
    _lazy,
    _load,
    _nothing_found,
    _print_data,
    _stopping_notice,
    _tally,
    app,
    stderr,
)
from eventx.cli.options import (
    DataFormatOption,
    InputsArgument,
    ModelOption,
    PatternsOption,
    ResultFormatOption,
    ScoresFormatOption,
    TextFieldOption,
)
from eventx.errors import EventxError, InputError
from eventx.formats import RESULT_FORMATS, Format

if TYPE_CHECKING:
    from eventx import render


if TYPE_CHECKING:
    from eventx import render
else:
    render = _lazy("eventx.render")


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
    output_format: DataFormatOption = None,
    model: ModelOption = None,
    patterns: PatternsOption = None,
    text_field: TextFieldOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", hidden=True, help="Old spelling of --format jsonl.")
    ] = False,
) -> None:
    if as_json and output_format is None:
        output_format = Format.jsonl.value
    fmt = _format(output_format)
    nlp = _load(model, patterns)
    tally = _tally()
    rows = _Rows(fmt, run.ENTITY_COLUMNS, sys.stdout)
    # As `extract`: a signal stops reading (a pipe waiting for its writer too), rows kept.
    try:
        with run.stop_on_signal(tally, _stopping_notice):
            documents = run.documents(inputs, text_field, None, tally)
            for found in run.entity_rows(nlp, documents, tally):
                for row in found:
                    rows.add(row)
                rows.flush()
    except KeyboardInterrupt:  # a second signal: stop now, with the first one's exit code
        raise typer.Exit(128 + (tally.signal or 2)) from None
    rows.close(render.entities_table)
    if tally.signal is not None:
        raise typer.Exit(128 + tally.signal)
    if _nothing_found(inputs, tally) or tally.failures:
        raise typer.Exit(1)


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
    output_format: ScoresFormatOption = None,
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
    from eventx.evaluation import convert, metric_floor_failures

    fmt = _format(output_format, allowed=RESULT_FORMATS)
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
    if pred is not None:
        try:
            predicted = run.read_predictions(pred)
        except InputError as err:
            raise _fail(str(err)) from err
        report, failed = run.score_gold(gold, documents, predicted=predicted)
    else:
        report, failed = run.score_gold(
            gold,
            documents,
            nlp=_load(model, patterns),
            on_failure=lambda message: render.error_line(stderr, message),
        )
    if failed:
        render.warning_line(stderr, f"{failed} gold document(s) could not be processed")
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


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of the event records.

    \b
    Example:
      eventx schema | jq '.properties | keys'
    """
    from eventx.schema import Event

    sys.stdout.write(json.dumps(Event.model_json_schema(), indent=2) + "\n")


@app.command(cls=_Command, short_help="Show the model, versions and rule counts.")
def info(
    output_format: ResultFormatOption = None,
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

    from eventx import resources
    from eventx.pipeline import knowledge_of

    fmt = _format(output_format, allowed=RESULT_FORMATS)
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
