"""The tables of `eventx summary`: counts of event types, statuses, actors, dyads, places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from ..report.summary import Summary as ReportSummary


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
