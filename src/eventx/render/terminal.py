"""The terminal side of a run: data tables at the right width, progress, one-line messages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

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
