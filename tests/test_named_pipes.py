"""A named pipe given as an input never hangs a run: its writer is awaited, a signal ends that."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from eventx.io import iter_documents
from eventx.io.pipes import read_stream
from eventx.schema import Event

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

WIRE = (
    "ACCRA, March 3 (Wire) - Zorbia's foreign minister met Ghana's President in Accra on "
    "Monday, officials said, to discuss trade and a border dispute."
)


def finishes(work: Callable[[], object], seconds: float = 30) -> object:
    """What `work` returns, or a test failure when it is still blocked after `seconds`."""
    box: list[object] = []
    worker = threading.Thread(target=lambda: box.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert box, f"still blocked after {seconds} s"
    return box[0]


def test_reading_a_pipe_without_writer_ends_when_the_run_stops(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    asked: list[bool] = []

    def stop() -> bool:
        asked.append(True)
        return len(asked) > 3  # the run is asked to stop while the pipe waits

    assert finishes(lambda: read_stream(fifo, 1000, stop)) is None
    items = finishes(lambda: list(iter_documents([str(fifo)], stop=lambda: True)))
    assert items == []


def _start(command: str, fifo: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "eventx", command, str(fifo), "-f", "jsonl"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_until_open(process: subprocess.Popen[str], fifo: Path) -> None:
    """Return once `process` holds `fifo` open (it is waiting for a writer)."""
    fds = Path(f"/proc/{process.pid}/fd")
    ready = threading.Event()
    # Nothing signals "opened" to us: look at the process's open files until it shows
    # (a blocking open, as before the fix, never shows: it has no descriptor yet).
    for _ in range(1200):
        if ready.wait(0.1):
            return
        assert process.poll() is None, process.communicate()
        for fd in list(fds.iterdir()) if fds.exists() else []:
            try:
                if os.readlink(fd) == str(fifo):
                    ready.set()
            except OSError:
                continue
    raise AssertionError(f"{fifo} was not opened within two minutes")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
@pytest.mark.parametrize("command", ["extract", "entities"])
def test_one_sigterm_ends_a_run_waiting_on_a_pipe_without_writer(
    tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    process = _start(command, fifo)
    try:
        _wait_until_open(process, fifo)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)  # before the fix: blocked for good
    finally:
        process.kill()
    assert process.returncode == 143, err
    assert "stopping" in err and "Traceback" not in err
    assert out == ""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_a_pipe_whose_writer_comes_later_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    process = _start("extract", fifo)
    try:
        _wait_until_open(process, fifo)
        with fifo.open("w", encoding="utf-8") as writer:
            writer.write(WIRE)
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 0, err
    events = [Event.model_validate_json(line) for line in out.splitlines()]
    assert events and {event.doc_id for event in events} == {"feed"}
