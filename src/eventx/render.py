"""Rich tables, progress and summaries for the terminal: the only library module that draws."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.measure import Measurement
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .evaluation import FIELDS, PRF, Accuracy, EvaluationReport, EventError, Scores
from .schema import Actor, Event, Place

if TYPE_CHECKING:
    from .report.summary import Summary as ReportSummary

STATUS_STYLE = {
    "occurred": "green",
    "planned": "cyan",
    "negated": "red",
    "hypothetical": "magenta",
}


def _actor(actor: Actor) -> str:
    details = ", ".join(part for part in (actor.title, actor.country) if part)
    return f"{actor.name} ({details})" if details else actor.name


def _place(place: Place | None) -> str:
    if place is None:
        return ""
    where = (
        f"{place.name}, {place.country}"
        if place.country and place.kind != "country"
        else place.name
    )
    return f"{where} (inherited)" if place.inherited else where


def events_view(events: Sequence[Event]) -> Group:
    """Per document: a table of events (type, status, who, whom, where, about, when) and,
    below it, each event's evidence sentence with the trigger underlined."""
    parts: list[RenderableType] = []
    for doc_id, group in groupby(events, key=lambda event: event.doc_id):
        rows = list(group)
        parts.append(events_table(rows, title=doc_id))
        parts.append(evidence_lines(rows))
    if not parts:
        parts.append(Text("no events found", style="dim"))
    return Group(*parts)


def events_table(events: Sequence[Event], title: str | None = None) -> Table:
    """One row per event, numbered: type and mode, status, who, whom, where, about, when."""
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("event", overflow="fold", ratio=2)
    table.add_column("status", overflow="fold", ratio=2)
    table.add_column("who", overflow="fold", ratio=3)
    table.add_column("whom", overflow="fold", ratio=3)
    table.add_column("where", overflow="fold", ratio=2)
    table.add_column("about", overflow="fold", ratio=2)
    table.add_column("when", overflow="fold", ratio=2)
    for number, event in enumerate(events, start=1):
        kind = f"{event.event}\n{event.mode}" if event.mode else event.event
        status = event.status.value + ("\nhistorical" if event.historical else "")
        when = event.date.isoformat() if event.date else (event.date_text or "")
        table.add_row(
            str(number),
            kind,
            Text(status, style=STATUS_STYLE.get(event.status.value, "")),
            "\n".join(_actor(a) for a in event.actors),
            "\n".join(_actor(a) for a in event.recipients),
            _place(event.location),
            ", ".join(event.topics) or "; ".join(event.about),
            when,
        )
    return table


def evidence_lines(events: Sequence[Event]) -> Text:
    """'#1 sentence...' with the trigger underlined, then the rule and confidence."""
    text = Text()
    for number, event in enumerate(events, start=1):
        sentence = Text(" ".join(event.sentence.split()))
        offset = event.trigger_start - event.start
        prefix = event.sentence[:offset]
        start = len(" ".join(prefix.split())) + (1 if prefix[-1:].isspace() else 0)
        sentence.stylize("bold underline", start, start + len(event.trigger))
        text.append(f"{number:>3} ", style="dim")
        text.append_text(sentence)
        text.append(f"  [{event.rule} · {event.confidence:.2f}]\n", style="dim")
    return text


def entities_table(rows: Iterable[tuple[str, ...]]) -> Table:
    """Entities found per document: doc, text, label, id, what the id resolves to."""
    table = Table(show_lines=False, expand=True)
    for column in ("doc", "text", "label", "id", "resolves to"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def info_table(facts: Sequence[tuple[str, str]]) -> Table:
    """Two columns: what and its value."""
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key, value in facts:
        table.add_row(key, value)
    return table


def print_data(renderable: RenderableType, file: TextIO) -> None:
    """Print a table (or a group of them) to `file`, stdout in the CLI.

    On a terminal it fits the window. Anywhere else (a file, `| cat`, `| less -S`) it is
    drawn at its natural width, however wide: a cell is never cut (`ACCU…`) or wrapped.
    """
    console = Console(file=file)
    if not console.is_terminal:
        _at_natural_width(renderable)
        wide = Console(file=file, width=_UNBOUNDED)
        width = Measurement.get(wide, wide.options, renderable).maximum
        console = Console(file=file, width=max(width, 20))
    console.print(renderable)


# Wide enough for any table's natural width; only used to measure it.
_UNBOUNDED = 1_000_000


def _at_natural_width(renderable: RenderableType) -> None:
    # An expanding table shares the width out by column ratios and wraps a cell longer than
    # its share; at its natural width every column is as wide as its longest cell.
    if isinstance(renderable, Table):
        renderable.expand = False
    elif isinstance(renderable, Group):
        for part in renderable.renderables:
            _at_natural_width(part)


@contextmanager
def run_progress(
    console: Console, total: int | None = None
) -> Iterator[Callable[[int, int, int], None]]:
    """A live progress line on a terminal's stderr while a run goes on; a no-op when stderr
    is not a terminal (a log file or a pipe gets only the summary).

    With `total` (the documents the inputs hold, when that is known beforehand) it is a bar
    with the percentage and the time left; without, a spinner with the counts. It never
    touches stdout: rich would otherwise redirect stdout into the display, and records piped
    to `jq` or redirected to a file would land on the terminal instead.
    """
    if not console.is_terminal:
        yield lambda documents, events, failures: None
        return
    columns: list[ProgressColumn] = [SpinnerColumn()]
    if total is not None:
        columns += [
            BarColumn(),
            TaskProgressColumn(),
            MofNCompleteColumn(),
            TextColumn(
                "documents, {task.fields[events]:,} event(s), {task.fields[failures]:,} failure(s)"
            ),
            TextColumn("•"),
            TimeRemainingColumn(),
        ]
    else:
        columns += [TextColumn("{task.description}"), TimeElapsedColumn()]
    with Progress(
        *columns,
        console=console,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    ) as progress:
        task = progress.add_task("reading documents", total=total, events=0, failures=0)

        def update(documents: int, events: int, failures: int) -> None:
            text = f"{documents:,} document(s), {events:,} event(s), {failures:,} failure(s)"
            done = documents + failures
            if total is not None:
                done = min(done, total)  # a JSON array or a bad line can make the count off
            progress.update(
                task, description=text, completed=done, events=events, failures=failures
            )

        yield update


def error_line(console: Console, message: str) -> None:
    """One line on stderr for one failed input; no traceback. The message is plain text:
    brackets in file names are printed as written."""
    console.print(f"[bold red]error[/]: {escape(message)}", highlight=False, soft_wrap=True)


def warning_line(console: Console, message: str) -> None:
    """One line on stderr for something skipped or guessed."""
    console.print(f"[yellow]warning[/]: {escape(message)}", highlight=False, soft_wrap=True)


def summary_line(console: Console, documents: int, events: int, failures: int) -> None:
    """The closing line of a run: how many documents, events and failures."""
    style = "red" if failures else "green"
    console.print(
        f"[{style}]{documents} document(s), {events} event(s), {failures} failure(s)[/]",
        highlight=False,
    )


# ---------------------------------------------------------------------------
# Evaluation reports


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _prf_cells(prf: PRF) -> list[str]:
    return [_number(prf.precision), _number(prf.recall), _number(prf.f1)]


def _accuracy_cell(accuracy: Accuracy) -> str:
    if accuracy.scored == 0:
        return "–"
    return f"{accuracy.accuracy:.2f} ({accuracy.correct}/{accuracy.scored})"


def _rows(report: EvaluationReport) -> list[tuple[str, Scores]]:
    return [*report.per_type.items(), ("all", report.overall)]


def detection_table(report: EvaluationReport) -> Table:
    """Events and dyads: counts and precision/recall/F1 per type, then overall."""
    table = Table(title="Event detection and dyads", title_justify="left")
    table.add_column("type")
    for name in ("gold", "pred", "found"):
        table.add_column(name, justify="right")
    for name in ("event P", "event R", "event F1", "dyad P", "dyad R", "dyad F1"):
        table.add_column(name, justify="right")
    rows = _rows(report)
    for index, (name, scores) in enumerate(rows):
        table.add_row(
            name,
            str(scores.event.gold),
            str(scores.event.predicted),
            str(scores.event.matched_gold),
            *_prf_cells(scores.event),
            *_prf_cells(scores.dyad),
            style="bold" if index == len(rows) - 1 else None,
            end_section=index == len(rows) - 2,
        )
    return table


def field_table(report: EvaluationReport) -> Table:
    """Accuracy of each field on matched events, and topic precision/recall, per type."""
    table = Table(title="On matched events", title_justify="left")
    table.add_column("type")
    for name in FIELDS:
        table.add_column(name, justify="right")
    table.add_column("topic P", justify="right")
    table.add_column("topic R", justify="right")
    rows = _rows(report)
    for index, (name, scores) in enumerate(rows):
        table.add_row(
            name,
            *(_accuracy_cell(scores.fields[field]) for field in FIELDS),
            _number(scores.topic.precision),
            _number(scores.topic.recall),
            style="bold" if index == len(rows) - 1 else None,
            end_section=index == len(rows) - 2,
        )
    return table


def _who(error: EventError) -> str:
    actors = ", ".join(error.actors) or "?"
    if not error.recipients:
        return actors
    return f"{actors} → {', '.join(error.recipients)}"


def error_table(title: str, errors: list[EventError]) -> Table:
    """Missed gold events or false positives, each with its sentence."""
    table = Table(title=f"{title} ({len(errors)})", title_justify="left", show_lines=True)
    table.add_column("document", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("who")
    table.add_column("sentence", ratio=1)
    for error in errors:
        event = error.event if error.mode is None else f"{error.event}/{error.mode}"
        sentence = Text(error.sentence)
        if error.trigger:
            sentence.highlight_words([error.trigger], style="bold underline", case_sensitive=True)
        table.add_row(error.doc_id, event, _who(error), sentence)
    return table


def field_error_table(report: EvaluationReport) -> Table:
    """Matched events whose fields disagree with the gold."""
    errors = report.field_errors
    table = Table(title=f"Field errors ({len(errors)})", title_justify="left", show_lines=True)
    for name in ("document", "type", "field", "gold", "predicted"):
        table.add_column(name, no_wrap=name in ("document", "type", "field"))
    table.add_column("sentence", ratio=1)
    for error in errors:
        table.add_row(
            error.doc_id, error.event, error.field, error.gold, error.predicted, error.sentence
        )
    return table


def calibration_table(report: EvaluationReport) -> Table:
    """Scored predictions per confidence band and the share of them that were right."""
    table = Table(title="Confidence calibration", title_justify="left")
    table.add_column("confidence")
    table.add_column("predicted", justify="right")
    table.add_column("right", justify="right")
    table.add_column("share right", justify="right")
    for band, accuracy in report.calibration.items():
        share = "–" if accuracy.accuracy is None else f"{accuracy.accuracy:.2f}"
        table.add_row(band, str(accuracy.scored), str(accuracy.correct), share)
    return table


def render_report(report: EvaluationReport, console: Console, show_errors: bool = False) -> None:
    """Print the report's tables; with `show_errors`, every miss, false positive and field error."""
    console.print(report_view(report, show_errors=show_errors))


def report_view(report: EvaluationReport, show_errors: bool = False) -> Group:
    """The report's tables, and with `show_errors` every miss, false positive and field error."""
    parts: list[RenderableType] = [detection_table(report), field_table(report)]
    if report.calibration:
        parts.append(calibration_table(report))
    notes = [f"{report.documents} gold documents"]
    if report.unscored_predictions:
        notes.append(
            f"{report.unscored_predictions} predictions in partially annotated documents not scored"
        )
    if report.unknown_documents:
        notes.append(f"{report.unknown_documents} predictions for documents not in the gold")
    if report.unmapped:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(report.unmapped.items()))
        notes.append(f"gold events of types eventx does not extract, left out: {kinds}")
    parts.append(Text("; ".join(notes) + ".", style="dim"))
    if show_errors:
        parts.append(error_table("Missed gold events", report.misses))
        parts.append(error_table("False positives", report.false_positives))
        parts.append(field_error_table(report))
    return Group(*parts)


# ---------------------------------------------------------------------------
# Summaries of event records (`eventx summary`)


def summary_view(summary: ReportSummary) -> Group:
    """A headline, then one small table per list: event types, statuses, actors, dyads,
    places and topics."""
    head = Text(f"{summary.documents:,} document(s), {summary.events:,} event(s)", style="bold")
    parts: list[RenderableType] = [head]
    sections = [
        ("event types", "event type", summary.event_types),
        ("statuses", "status", summary.statuses),
        ("top actors", "actor", summary.actors),
        ("top dyads", "dyad", summary.dyads),
        ("top places", "place", summary.places),
        ("top topics", "topic", summary.topics),
    ]
    for title, name, counts in sections:
        table = Table(title=title, title_justify="left")
        table.add_column(name, overflow="fold")
        table.add_column("events", justify="right")
        for count in counts:
            table.add_row(escape(count.name), str(count.count))
        if not counts:
            table.add_row(Text("none", style="dim"), "")
        parts.append(table)
    return Group(*parts)
