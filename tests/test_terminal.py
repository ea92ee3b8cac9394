"""`eventx` run as a user runs it: a real process with a terminal on stderr or on stdout.

The progress display and the tables behave differently on a terminal, and CliRunner never
gives one, so these tests start `python -m eventx` with a pseudo-terminal where a shell would
put the user's terminal and a pipe where a shell would put `| jq` or `> out.json`.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import pytest

from eventx.schema import Event

GOOD = Path(__file__).resolve().parent / "data" / "robustness" / "good"

pytestmark = pytest.mark.slow


class Terminal:
    """A pseudo-terminal 160 columns wide; what the program draws on it is collected."""

    def __init__(self) -> None:
        self.master, self.slave = pty.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        self._chunks: list[bytes] = []
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        # Read all the time: a terminal nobody reads fills up and blocks the writer.
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: every process holding the other end has closed it
                return
            if not chunk:
                return
            self._chunks.append(chunk)

    def close_our_end(self) -> None:
        """Close the child's side in this process (the child holds its own copy)."""
        os.close(self.slave)

    def screen(self) -> str:
        """Everything drawn, once the program has exited and closed the terminal."""
        self._reader.join(timeout=60)
        os.close(self.master)
        return b"".join(self._chunks).decode("utf-8", "replace")


def run_eventx(
    *args: str | Path, tty_stdout: bool = False, tty_stderr: bool = False
) -> tuple[int, str, str]:
    """Run `python -m eventx ARGS`; return the exit code, stdout and stderr (as text)."""
    terminal = Terminal() if tty_stdout or tty_stderr else None
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    env.pop("EVENTX_MODEL", None)
    env["TERM"] = "xterm-256color"
    env.pop("NO_COLOR", None)
    env.pop("CI", None)  # rich treats some CI variables as "force a terminal"
    process = subprocess.Popen(
        [sys.executable, "-m", "eventx", *[str(arg) for arg in args]],
        stdin=subprocess.DEVNULL,
        stdout=terminal.slave if terminal and tty_stdout else subprocess.PIPE,
        stderr=terminal.slave if terminal and tty_stderr else subprocess.PIPE,
        env=env,
    )
    if terminal is not None:
        terminal.close_our_end()
    out, err = process.communicate(timeout=600)
    screen = terminal.screen() if terminal is not None else ""
    stdout = screen if tty_stdout else out.decode("utf-8")
    stderr = screen if tty_stderr else err.decode("utf-8")
    return process.returncode, stdout, stderr


def test_piped_json_lines_stay_clean_with_a_terminal_on_stderr() -> None:
    code, stdout, stderr = run_eventx("extract", GOOD, tty_stderr=True)
    assert code == 0, stderr
    events = [Event.model_validate_json(line) for line in stdout.splitlines()]
    assert {event.doc_id for event in events} == {"summit", "sanctions", "visit"}
    assert "3 document(s)" in stderr  # the summary went to the terminal, not into the data
    assert "0/3" in stderr  # the progress bar knows the total: three files in the folder


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_redirected_json_and_csv_stay_clean_with_a_terminal_on_stderr(fmt: str) -> None:
    code, stdout, stderr = run_eventx("extract", GOOD, "--format", fmt, tty_stderr=True)
    assert code == 0, stderr
    if fmt == "json":
        ids = [Event.model_validate(item).doc_id for item in json.loads(stdout)]
    else:
        ids = [row["doc_id"] for row in csv.DictReader(io.StringIO(stdout))]
    assert set(ids) == {"summit", "sanctions", "visit"}


def test_a_terminal_on_stdout_gets_the_table() -> None:
    code, stdout, stderr = run_eventx("extract", GOOD, tty_stdout=True)
    assert code == 0, stderr
    assert "SANCTION" in stdout and "William Ruto" in stdout
    assert "┃" in stdout or "│" in stdout  # drawn as a table, not JSON
    assert '"doc_id"' not in stdout
