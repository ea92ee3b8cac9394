"""The tables of `eventx entities` and `eventx info`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table


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
