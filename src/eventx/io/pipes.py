"""Reading a named pipe or device without blocking the run: a missing writer is waited for,
but a run that is asked to stop stops."""

from __future__ import annotations

import os
import select
from collections.abc import Callable
from pathlib import Path

# How often a wait for a pipe's writer looks whether the run is stopping, in milliseconds:
# a signal handler only sets a flag, and the wait must notice it without a writer coming.
_LOOK_MS = 200
_CHUNK = 1 << 20


def never() -> bool:
    """A stop flag that is never raised."""
    return False


def read_stream(path: Path, limit: int, stop: Callable[[], bool] = never) -> bytes | None:
    """Up to `limit` bytes from a named pipe or device, or None once `stop()` is true.

    Opened non-blocking, so a pipe without a writer does not hang `open`; the reads wait
    in `poll` for data or the writer's end, looking at `stop` every fraction of a second. A
    pipe whose writer has not come yet is waited for (Linux reports its end only after a
    writer has come and gone), so `mkfifo p; eventx extract p` reads what is later written.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLPRI)
        chunks: list[bytes] = []
        size = 0
        while size < limit:
            if stop():
                return None
            if not poller.poll(_LOOK_MS):
                continue
            try:
                chunk = os.read(fd, min(_CHUNK, limit - size))
            except BlockingIOError:  # woken without data (another reader took it)
                continue
            if not chunk:
                break  # the writer closed its end
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
