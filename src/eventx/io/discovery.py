"""Finding the inputs of a run: files, directories, glob patterns and stdin, each file once."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from eventx.errors import InputError, InputWarning, printable
from eventx.io.reasons import os_reason
from eventx.schema import Document, stable_id

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

_GLOB_MAGIC = re.compile(r"[*?\[]")

Item = Document | InputError | InputWarning
STDIN = object()  # where standard input is read, in the plan of a run
Planned = Path | InputError | InputWarning | object


class Finder:
    """What one run will read: the plan of its inputs, each file once, and their ids."""

    def __init__(
        self, *, text_field: str | None, max_bytes: int, exclude: tuple[Path, ...]
    ) -> None:
        self.text_field = text_field
        self.max_bytes = max_bytes
        self.seen_files: set[tuple[int, int]] = set()
        self.seen_dirs: set[tuple[int, int]] = set()
        self.ids: dict[Path, str] = {}
        self.excluded: set[tuple[int, int]] = set()
        for path in exclude:
            with contextlib.suppress(OSError):
                info = path.stat()
                self.excluded.add((info.st_dev, info.st_ino))
        # Marking them read means a walk, a glob or an explicit name all pass them by.
        self.seen_files |= self.excluded

    def name_documents(self, paths: Iterable[Path]) -> None:
        """Document ids for the files of the run: the file stem, except that files sharing
        a stem (a/index.html and b/index.html) all but the first in sorted path order get a
        short hash of their path, so ids are unique, stable and independent of input order."""
        by_stem: dict[str, list[Path]] = {}
        for path in paths:
            by_stem.setdefault(printable(path.stem), []).append(path)
        for stem, group in by_stem.items():
            ordered = sorted(group, key=str)
            self.ids[ordered[0]] = stem
            for path in ordered[1:]:
                self.ids[path] = f"{stem}-{stable_id(printable(str(path)), length=8)}"

    def _excluded(self, path: Path) -> bool:
        if not self.excluded:
            return False
        try:
            info = path.stat()
        except OSError:
            return False
        return (info.st_dev, info.st_ino) in self.excluded

    def plan(self, inputs: Sequence[str], explicit_unknown_ok: bool) -> Iterator[Planned]:
        """What the run will read, in order: files, stdin, and the errors and warnings
        found on the way; each file once."""
        for item in inputs:
            if item == "-":
                yield STDIN
                continue
            path = Path(item)
            if path.is_dir():
                yield from self._once(self._walk(path))
            elif path.exists() or path.is_symlink():
                if path.suffix.lower() not in KNOWN_SUFFIXES and not explicit_unknown_ok:
                    yield InputError(path, f"unsupported file type {path.suffix or '(none)'!r}")
                    continue
                yield from self._once([path])
            elif _GLOB_MAGIC.search(item):
                yield from self._once(self._glob(item))
            else:
                yield InputError(path, "no such file or directory")

    def _once(self, found: Iterable[Planned]) -> Iterator[Planned]:
        """Drop files already planned (named twice, or reached by two routes)."""
        for item in found:
            if isinstance(item, Path):
                try:
                    info = item.stat()
                except OSError:
                    yield item  # read_path reports why
                    continue
                key = (info.st_dev, info.st_ino)
                if key in self.seen_files:
                    continue
                self.seen_files.add(key)
            yield item

    def _glob(self, pattern: str) -> Iterator[Planned]:
        parts = Path(pattern).parts
        first_magic = next(i for i, part in enumerate(parts) if _GLOB_MAGIC.search(part))
        base = Path(*parts[:first_magic]) if first_magic else Path(".")
        rest = parts[first_magic:]
        wants_hidden = any(part.startswith(".") for part in rest)
        # The user spelled the extension out (`notes/*.log`): read such files as text.
        wanted_suffix = Path(rest[-1]).suffix.lower()
        if _GLOB_MAGIC.search(wanted_suffix):
            wanted_suffix = ""
        # pathlib's `**` does not descend into directory symlinks, so no loops here.
        matches = sorted(base.glob("/".join(rest)))
        if not matches:
            yield InputError(pattern, "no files match this pattern")
            return
        for match in matches:
            relative = match.relative_to(base).parts
            if not wants_hidden and any(part.startswith(".") for part in relative):
                continue
            if match.is_dir():
                yield from self._walk(match)
            elif self._excluded(match):
                continue
            elif match.suffix.lower() in KNOWN_SUFFIXES or (
                wanted_suffix and match.suffix.lower() == wanted_suffix
            ):
                yield _not_regular_note(match) if _special(match) else match
            else:
                yield _skipped_note(match)

    def _walk(self, directory: Path) -> Iterator[Path | InputError | InputWarning]:
        try:
            info = directory.stat()
        except OSError as error:
            yield InputError(directory, os_reason(error))
            return
        key = (info.st_dev, info.st_ino)
        if key in self.seen_dirs:
            # Already walked: a directory symlink pointing back up, or a second route in.
            yield InputWarning(
                directory, "skipped: directory already read (a symlink loop or a second path to it)"
            )
            return
        self.seen_dirs.add(key)
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            yield InputError(directory, os_reason(error))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                yield from self._walk(path)
            elif self._excluded(path):
                continue
            elif Path(entry.name).suffix.lower() not in KNOWN_SUFFIXES:
                yield _skipped_note(path)
            elif is_file or not _special(path):
                yield path  # read_path reads it, or says why it cannot
            else:
                # A named pipe without a writer would block the run forever, and a device
                # can be endless: inside a folder only regular files are read.
                yield _not_regular_note(path)


def _special(path: Path) -> bool:
    """A named pipe, socket or device (symlinks followed); False when it cannot be told."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _not_regular_note(path: Path) -> InputWarning:
    return InputWarning(
        path, "skipped: not a regular file (a named pipe, socket or device); name it to read it"
    )


def _skipped_note(path: Path) -> InputWarning:
    suffix = path.suffix or "(none)"
    return InputWarning(
        path, f"skipped: unknown file type {suffix!r} (name the file to read it as text)"
    )
