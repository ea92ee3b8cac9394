"""The tables of `eventx evaluate`: detection and dyads, fields, calibration, errors."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..evaluation import FIELDS, PRF, Accuracy, EvaluationReport, EventError, Scores


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
