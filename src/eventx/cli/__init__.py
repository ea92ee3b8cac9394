"""The `eventx` command line: thin Typer wrappers over the library, one module per group of
commands (importing them registers the commands, in the order `--help` lists them)."""

from __future__ import annotations

import contextlib
import errno
import io
import sys
from typing import Annotated

import typer

from eventx import __version__

# isort: off
# Importing a command module registers its commands, in the order `--help` lists them.
from eventx.cli import extract  # noqa: F401
from eventx.cli import data  # noqa: F401
from eventx.cli import report  # noqa: F401
from eventx.cli import rules  # noqa: F401

# isort: on
from eventx.cli.common import app, reader_gone, short_error

__all__ = ["app", "main", "short_error"]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"eventx {__version__}\n")
        raise typer.Exit()


MAIN_HELP = """Extract diplomatic events (who met whom, where, about what, when) from news text.

\b
Examples:
  eventx extract seeds/                 events of every article in seeds/, as a table
  eventx extract seeds/ | jq .event     the same as JSON Lines
  eventx extract news.csv -o out.json   a CSV of articles in, a JSON array out
  eventx evaluate gold.jsonl            precision and recall against gold events
  eventx report seeds/ -o report.html   an HTML review report: cards, network, map

Every command that writes data takes --format (table, jsonl, json, csv): a table on a
terminal, JSON Lines otherwise. Data goes to stdout, progress and messages to stderr.
Exit codes: 0 done, 1 some input failed or none was found, 2 usage error. 'eventx
COMMAND -h' tells more.
"""


@app.callback(help=MAIN_HELP)
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    pass


class _ClosedStream(io.TextIOBase):
    """Standing in for a closed standard output (`eventx ... >&-`): writing fails cleanly."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def main() -> None:
    """Console-script entry point."""
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    try:
        app()
    except SystemExit:
        # What is still buffered goes now, where a reader that went away is a quiet stop
        # with the run's own exit code, not an error at the interpreter's last flush.
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            reader_gone()
        raise
    except OSError as error:  # stdout or stderr gone: one line where one can still go
        with contextlib.suppress(Exception):
            sys.stderr.write(f"error: {short_error(error)}\n")
        sys.exit(1)
