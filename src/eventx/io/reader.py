"""Reading documents: every input of a run, decoded and turned into Documents or errors."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, TextIO, overload

from eventx.errors import InputError, InputWarning, printable
from eventx.io.boilerplate import text_document
from eventx.io.discovery import (
    CSV_SUFFIXES,
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    STDIN,
    Finder,
    Item,
)
from eventx.io.encoding import Decoded, DecodeFailure, decode
from eventx.io.html import html_document
from eventx.io.pipes import never, read_stream
from eventx.io.reasons import os_reason
from eventx.io.records import (
    csv_documents,
    json_documents,
    jsonl_documents,
    parse_stdin_json,
    record_document,
)
from eventx.schema import Document


@overload
def iter_documents(
    inputs: Sequence[str],
    *,
    text_field: str | None = ...,
    stdin: TextIO | None = ...,
    explicit_unknown_ok: bool = ...,
    max_bytes: int = ...,
    notes: Literal[False] = ...,
    exclude: Iterable[Path] = ...,
    stop: Callable[[], bool] = ...,
) -> Iterator[Document | InputError]: ...


@overload
def iter_documents(
    inputs: Sequence[str],
    *,
    text_field: str | None = ...,
    stdin: TextIO | None = ...,
    explicit_unknown_ok: bool = ...,
    max_bytes: int = ...,
    notes: bool,
    exclude: Iterable[Path] = ...,
    stop: Callable[[], bool] = ...,
) -> Iterator[Document | InputError | InputWarning]: ...


def iter_documents(
    inputs: Sequence[str],
    *,
    text_field: str | None = None,
    stdin: TextIO | None = None,
    explicit_unknown_ok: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    notes: bool = False,
    exclude: Iterable[Path] = (),
    stop: Callable[[], bool] = never,
) -> Iterator[Document | InputError | InputWarning]:
    """Read every document the inputs name: files, directories, glob patterns or `-` (stdin).

    Failures are yielded as `InputError`s, not raised, so a caller can report one line
    per bad input and carry on. Directories are walked recursively in sorted order,
    skipping hidden entries and files whose extension is not a known document type;
    an explicitly named file with an unknown extension is read as plain text unless
    `explicit_unknown_ok` is False. Each file is read at most once per call, and files in
    `exclude` (an output being written, say) never. Inside directories and globs only
    regular files are read (a named pipe, socket or device is skipped with a warning); a
    pipe or device named explicitly is read like stdin, at most `max_bytes`, without blocking
    the run: a pipe waits for its writer (however long it takes) while `stop()` is false, and
    once it is true the reading ends there, yielding nothing more. Document ids
    never depend on the order of `inputs` (see `_Reader.name_documents`).

    With `notes=True`, `InputWarning`s are yielded too: for files skipped because of their
    extension, directories reached a second time through a symlink, text decoded with a
    guessed encoding and stray NUL bytes dropped. A warning about a document comes just
    before it.
    """
    stream = _iter_documents(
        inputs, text_field, stdin, explicit_unknown_ok, max_bytes, tuple(exclude), stop
    )
    for item in stream:
        if notes or not isinstance(item, InputWarning):
            yield item


def _iter_documents(
    inputs: Sequence[str],
    text_field: str | None,
    stdin: TextIO | None,
    explicit_unknown_ok: bool,
    max_bytes: int,
    exclude: tuple[Path, ...],
    stop: Callable[[], bool],
) -> Iterator[Document | InputError | InputWarning]:
    reader = _Reader(text_field=text_field, max_bytes=max_bytes, exclude=exclude)
    reader.stop = stop
    # Every path is found first (cheap: no file is opened), so a document's id can depend
    # on all the names in the run but never on the order the inputs were given in.
    planned = list(reader.plan(inputs, explicit_unknown_ok))
    reader.name_documents(item for item in planned if isinstance(item, Path))
    for item in planned:
        if item is STDIN:
            yield from reader.read_stdin(stdin if stdin is not None else sys.stdin)
        elif isinstance(item, Path):
            yield from reader.read_path(item)
        elif isinstance(item, (InputError, InputWarning)):
            yield item


class _Reader(Finder):
    """State for one `iter_documents` call: options and what has been read already."""

    stop: Callable[[], bool]  # set by `_iter_documents`: whether the run is stopping

    def read_path(self, path: Path) -> Iterator[Item]:
        try:
            info = path.stat()
        except OSError as error:
            yield InputError(path, os_reason(error))
            return
        if not (
            stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)
        ):
            yield InputError(path, "not a regular file")
            return
        if stat.S_ISREG(info.st_mode) and info.st_size > self.max_bytes:
            yield InputError(path, _too_big(info.st_size, self.max_bytes))
            return
        try:
            # Never more than the limit, even from a pipe, a device or a file still growing.
            if stat.S_ISREG(info.st_mode):
                with path.open("rb") as handle:
                    data = handle.read(self.max_bytes + 1)
            else:
                streamed = read_stream(path, self.max_bytes + 1, self.stop)
                if streamed is None:
                    return  # the run is stopping: nothing more is read
                data = streamed
        except OSError as error:
            yield InputError(path, os_reason(error))
            return
        except MemoryError:
            yield InputError(path, "not enough memory to read it")
            return
        if len(data) > self.max_bytes:
            yield InputError(path, _too_big(len(data), self.max_bytes, at_least=True))
            return
        if not data:
            yield InputError(path, "empty file")
            return
        decoded = decode(data)
        del data
        if isinstance(decoded, DecodeFailure):
            yield InputError(path, decoded.reason)
            return
        text, note = decoded
        if not text.strip():
            yield InputError(path, "no text (whitespace only)")
            return
        if note:
            yield InputWarning(path, note)
        suffix = path.suffix.lower()
        source = printable(str(path))
        stem = self.ids.get(path) or printable(path.stem)
        try:
            if suffix in HTML_SUFFIXES:
                yield html_document(text, doc_id=stem, source=source)
            elif suffix in JSON_SUFFIXES:
                yield from json_documents(text, stem=stem, source=source, field=self.text_field)
            elif suffix in JSONL_SUFFIXES:
                yield from jsonl_documents(text, stem=stem, source=source, field=self.text_field)
            elif suffix in CSV_SUFFIXES:
                delimiter = "\t" if suffix == ".tsv" else ","
                yield from csv_documents(
                    text, stem=stem, source=source, field=self.text_field, delimiter=delimiter
                )
            else:
                yield text_document(text, doc_id=stem, source=source)
        except (RecursionError, MemoryError, ValueError, TypeError) as error:
            # Parsers we call (json on absurdly nested arrays, lxml, dateparser) can fail in
            # ways no input check foresees; one bad file must not end the run.
            yield InputError(path, f"cannot parse: {type(error).__name__}: {error}"[:300])

    def read_stdin(self, stream: TextIO) -> Iterator[Item]:
        buffer = getattr(stream, "buffer", None)
        decoded: Decoded | DecodeFailure
        try:
            if buffer is not None:
                data = buffer.read(self.max_bytes + 1)
                if len(data) > self.max_bytes:
                    yield InputError("-", _too_big(len(data), self.max_bytes, at_least=True))
                    return
                decoded = decode(data) if data else ("", None)
            else:
                read = stream.read(self.max_bytes + 1)
                if len(read) > self.max_bytes:
                    yield InputError("-", _too_big(len(read), self.max_bytes, at_least=True))
                    return
                decoded = (read, None)
        except (OSError, UnicodeDecodeError) as error:
            yield InputError("-", f"cannot read standard input: {error}")
            return
        except MemoryError:
            yield InputError("-", "not enough memory to read standard input")
            return
        if isinstance(decoded, DecodeFailure):
            yield InputError("-", decoded.reason)
            return
        text, note = decoded
        if not text.strip():
            yield InputError("-", "no text on standard input")
            return
        if note:
            yield InputWarning("-", note)
        try:
            structured = parse_stdin_json(text)
            if structured is None:
                yield text_document(text, doc_id=None, source="-")
                return
            for index, (line, record) in enumerate(structured, start=1):
                if isinstance(record, InputError):
                    yield record
                elif not isinstance(record, dict):
                    where = f"item {index}" if line is None else "line"
                    yield InputError("-", f"{where} is not a JSON object", line=line)
                else:
                    yield record_document(
                        record, default_id=None, source="-", field=self.text_field, line=line
                    )
        except (RecursionError, MemoryError, ValueError, TypeError) as error:
            # As for files: a parser failing on odd input is one failure, not the end.
            yield InputError("-", f"cannot parse: {type(error).__name__}: {error}"[:300])


def _too_big(size: int, limit: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"input is {more}{_megabytes(size)}, above the {_megabytes(limit)} limit"


def _megabytes(size: int) -> str:
    """Sizes in MB of 2**20 bytes, as the README states the limit ("50 MB")."""
    value = size / 2**20
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"
