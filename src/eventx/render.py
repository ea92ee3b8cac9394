"""Rich tables, progress and summaries for the terminal: the only library module that draws."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .schema import Actor, Event, Place

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


def events_table(events: Sequence[Event], title: str | None = None) -> Table:
    """One row per event: type and mode, status, who, with whom, where, about what, evidence."""
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("doc", style="dim", overflow="fold", max_width=14)
    table.add_column("event", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("who", overflow="fold")
    table.add_column("with / whom", overflow="fold")
    table.add_column("where", overflow="fold")
    table.add_column("about", overflow="fold")
    table.add_column("evidence", overflow="fold", ratio=2)
    for event in events:
        kind = f"{event.event}/{event.mode}" if event.mode else event.event
        status = event.status.value + (" (historical)" if event.historical else "")
        evidence = Text(event.sentence.strip())
        start = event.trigger_start - event.start
        evidence.stylize("bold underline", start, start + len(event.trigger))
        evidence.append(f"\n{event.rule} · {event.confidence:.2f}", style="dim")
        about = ", ".join(event.topics) or "; ".join(event.about)
        table.add_row(
            event.doc_id,
            kind,
            Text(status, style=STATUS_STYLE.get(event.status.value, "")),
            "\n".join(_actor(a) for a in event.actors),
            "\n".join(_actor(a) for a in event.recipients),
            _place(event.location),
            about,
            evidence,
        )
    return table


def entities_table(rows: Iterable[tuple[str, str, str, str, str]]) -> Table:
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
