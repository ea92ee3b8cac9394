"""Guarding an output file: never an input, one writer at a time, symlinks and devices respected."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventx.errors import OutputError

LOCK_PREFIX = "."
LOCK_SUFFIX = ".lock"
TEMP_SUFFIX = ".tmp"
# tempfile.mkstemp's random part; a leftover is `.{name}.{8 characters}.tmp`.
_TEMP_RANDOM = 8


def check_not_an_input(
    written: Iterable[Path], inputs: Iterable[str | Path], rules: Iterable[Path] = ()
) -> None:
    """Raise OutputError when a file about to be written is also an input or a rule file.

    Compared by device and inode, so a symlink or a hard link to an input is caught too.
    Directories and glob patterns are not compared: an output inside an input folder is
    excluded from reading instead. Called before anything is opened for writing.
    """
    keys = {}
    for path in written:
        key = _file_key(Path(path))
        if key is not None:
            keys[key] = Path(path)
    if not keys:
        return
    for name, what in [
        *((item, "an input") for item in inputs),
        *((r, "a --patterns file") for r in rules),
    ]:
        if str(name) == "-":
            continue
        key = _file_key(Path(name))
        if key is not None and key in keys:
            shown = keys[key]
            alias = "" if str(name) == str(shown) else f" ({name})"
            raise OutputError(
                shown,
                f"is also {what}{alias}; writing it would destroy it, choose another --output",
            )


def check_not_inside_inputs(output: Path, inputs: Iterable[str | Path]) -> None:
    """Raise OutputError when `output` is an existing document inside an input folder.

    Such a file is left out of the reading (an earlier run's output is expected there), so
    writing it must not destroy a document: unless it is empty or looks like eventx's own
    records (JSON Lines, a JSON array or CSV of events), it is refused.
    """
    from eventx.io import CSV_COLUMNS, KNOWN_SUFFIXES

    real = Path(os.path.realpath(output))
    if real.suffix.lower() not in KNOWN_SUFFIXES or not real.is_file():
        return
    for item in inputs:
        folder = Path(item)
        if str(item) == "-" or not folder.is_dir():
            continue
        root = Path(os.path.realpath(folder))
        if not real.is_relative_to(root):
            continue
        if any(part.startswith(".") for part in real.relative_to(root).parts):
            continue  # hidden: never read as a document
        try:
            with real.open("rb") as handle:
                start = handle.read(512)
        except OSError:
            return
        header = ",".join(CSV_COLUMNS).encode()
        compact = b"".join(start.split())
        if (
            not start.strip()
            or compact.startswith((b'{"schema_version"', b'[{"schema_version"', b"[]"))
            or start[: len(header)] == header[: len(start)]  # a CSV of events
            or b'<metaname="generator"content="eventx' in compact  # `eventx report`
            or compact.startswith(b'{"directed":')  # `eventx graph` node-link JSON
        ):
            return
        raise OutputError(
            output,
            f"is a document in the input folder {item}; writing it would destroy it, "
            "choose another --output",
        )


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    if stat.S_ISDIR(info.st_mode):
        return None
    return info.st_dev, info.st_ino


def resolve_target(path: Path) -> tuple[Path, bool]:
    """The file a write to `path` really reaches (symlinks followed) and whether it is (or
    will be) a regular file; devices and pipes are written in place, never replaced."""
    try:
        # The path itself first: /dev/stdout on a pipe resolves to /proc/PID/fd/pipe:[N],
        # a name that exists nowhere, while opening the path reaches the pipe.
        info = path.stat()
    except FileNotFoundError:
        return Path(os.path.realpath(path)), True
    except OSError as error:
        raise OutputError(path, error.strerror or str(error)) from error
    if not stat.S_ISREG(info.st_mode):
        return path, False
    return Path(os.path.realpath(path)), True


class OutputLock:
    """An exclusive lock on one output file, held for a whole run.

    The lock is `flock` on a hidden `.NAME.lock` beside the (resolved) output, removed when
    released; a lock file left by a killed run is harmless, since the kernel drops the lock
    with the process. While holding it, the temporary files a killed run left are removed.
    """

    def __init__(self, target: Path, *, shown: Path | None = None) -> None:
        self.target = target
        self.shown = shown if shown is not None else target
        self.path = target.with_name(f"{LOCK_PREFIX}{target.name}{LOCK_SUFFIX}")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise OutputError at once when another run holds it."""
        import fcntl

        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError as error:
                raise OutputError(self.shown, _reason(error)) from error
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                os.close(fd)
                raise OutputError(
                    self.shown,
                    "another eventx run is writing this file; wait for it to finish or "
                    "choose another --output",
                ) from error
            # The holder before us may have removed the lock file after we opened it:
            # then our lock is on a dead inode and we must take the new one.
            try:
                current = os.stat(self.path)
            except FileNotFoundError:
                os.close(fd)
                continue
            mine = os.fstat(fd)
            if (current.st_dev, current.st_ino) != (mine.st_dev, mine.st_ino):
                os.close(fd)
                continue
            self._fd = fd
            remove_leftover_temporaries(self.target)
            return

    def release(self) -> None:
        """Remove the lock file and drop the lock."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def remove_leftover_temporaries(target: Path) -> list[Path]:
    """Delete `.NAME.xxxxxxxx.tmp` files beside `target`, left by a killed run; return them.

    Only safe while holding the target's `OutputLock`, when no other run can be writing one.
    """
    prefix = f".{target.name}."
    removed: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(target.parent) as scan:
        for entry in scan:
            name = entry.name
            middle = name[len(prefix) : -len(TEMP_SUFFIX)]
            if (
                name.startswith(prefix)
                and name.endswith(TEMP_SUFFIX)
                and len(middle) == _TEMP_RANDOM
                and "." not in middle
                and entry.is_file(follow_symlinks=False)
            ):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def locked(path: Path) -> Iterator[Path]:
    """Hold the lock for writing `path` (resolved; no lock for devices and pipes)."""
    target, regular = resolve_target(path)
    if not regular:
        yield target
        return
    with OutputLock(target, shown=path):
        yield target


@contextlib.contextmanager
def guarded(
    output: Path,
    inputs: Iterable[str | Path],
    rules: Iterable[Path] = (),
    *,
    also: Iterable[Path] = (),
) -> Iterator[Path]:
    """Everything a command writing `output` must do first, held for its whole run.

    Refuse (OutputError) an output that is an input or a rule file, or a document inside an
    input folder, then hold the output's lock; `also` names files written beside it (a JSON
    Lines journal), checked the same way. Yields the resolved target. Errors raised inside
    the block pass through untouched, so a caller can tell a refusal from a failed write.
    """
    inputs = list(inputs)
    check_not_an_input([output, *also], inputs, rules)
    check_not_inside_inputs(output, inputs)
    with locked(output) as target:
        yield target


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)
