"""Resumable JSON Lines output: events written document by document, with a record of those done."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from eventx.errors import OutputError
from eventx.io.reasons import os_reason
from eventx.io.writer import jsonl_line
from eventx.schema import Document, Event

DONE_SUFFIX = ".done"
_JOURNAL_FORMAT = "eventx-done/2"
_CHUNK = 1 << 20
# One entry of the record: doc_id, key, events, end, record bytes up to it, failed.
_Entry = tuple[str, str, int, int, int, bool]


def document_key(document: Document) -> str:
    """A hash of what extraction reads from a document: its id, text, title, date and url."""
    digest = hashlib.sha256()
    for part in (document.doc_id, document.text, document.title, document.date, document.url):
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:20]


def done_path(path: Path) -> Path:
    """Where the record of completed documents for JSON Lines output `path` lives."""
    return path.with_name(path.name + DONE_SUFFIX)


class JsonlJournal:
    """JSON Lines output written one document at a time, with a record of the documents done.

    After a document's events are written, one line `{"doc_id", "key", "events", "end"}` is
    appended to `FILE.done` (see `done_path`), `key` being a hash of the document's content
    and `end` the output's size in bytes after its events. A document whose extraction
    failed (see `failed`) gets an entry too, with `"failed": true` and no events, so that
    a resumed run goes on past it instead of redoing everything after it. The first line
    holds the run's `fingerprint` (model, rules and options). Symlinks are followed; a
    device or named pipe is written in place, without a record.

    Nothing is opened for writing until the first document is written (or `finish` is
    called), so a run in which every input fails leaves an existing output as it was.

    With `resume=True`, the record is checked against the output first (each entry's event
    count against the lines it spans; whatever follows the last entry must be one
    unfinished document). Then `is_done`, asked for the documents in input order, is true
    while they match the record entry by entry (same id, same content); at the first
    difference, or at `finish` when the record lists more documents than the inputs gave,
    both files are cut back to the last match. So a resumed run gives exactly the output
    of a fresh run over the current inputs. Raises `OutputError` when the files cannot be
    opened or written, or do not belong together or to this fingerprint. A failed write
    cuts the output back to the last whole document before raising.
    """

    def __init__(self, path: Path, *, fingerprint: str, resume: bool = False) -> None:
        from eventx.output import resolve_target

        self.path = Path(path)
        self.done_file = done_path(self.path)
        self.fingerprint = fingerprint
        self.events_written = 0
        self.documents_written = 0
        self.documents_matched = 0
        self.failures_matched = 0  # of those, documents the earlier run failed on
        self._target, self._regular = resolve_target(self.path)
        self._record_path = done_path(self._target)
        self._out: int | None = None
        self._record: int | None = None
        self._end = 0  # output bytes that belong to finished documents
        self._kept = 0  # record bytes that belong to them
        self._pending: Iterator[_Entry] | None = None
        self._reader: BinaryIO | None = None
        if not resume:
            return
        if not self._regular:
            raise OutputError(self.path, "cannot resume: not a regular file")
        try:
            if self._record_path.exists():
                self._check_record()
            elif self._target.exists() and self._target.stat().st_size > 0:
                raise OutputError(
                    self.path,
                    f"cannot resume: {self.done_file.name} is missing, so which documents are "
                    "done is unknown; run without --resume to start over",
                )
        except OSError as error:
            raise OutputError(self.path, os_reason(error)) from error

    @property
    def documents_done(self) -> int:
        """Documents whose events are in the output: matched from the record, or written."""
        return self.documents_matched + self.documents_written

    def is_done(self, document: Document) -> bool:
        """Whether this document, the next in input order, is already in the output."""
        if self._pending is None:
            return False
        entry = next(self._pending, None)
        if entry is not None and entry[:2] == (document.doc_id, document_key(document)):
            _, _, _, self._end, self._kept, failed = entry
            self.documents_matched += 1
            self.failures_matched += failed
            return True
        self._stop_matching()
        return False

    def write(self, document: Document, events: Sequence[Event]) -> None:
        """Append a document's events, then record the document as done."""
        self._append(document, events, failed=False)
        self.events_written += len(events)
        self.documents_written += 1

    def failed(self, document: Document) -> None:
        """Record that extraction failed on this document: the same document (same id and
        content) fails the same way under the same fingerprint, so --resume skips it."""
        self._append(document, (), failed=True)

    def _append(self, document: Document, events: Sequence[Event], *, failed: bool) -> None:
        data = "".join(jsonl_line(event) for event in events).encode("utf-8")
        self._open()
        key = document_key(document)
        entry: dict[str, object] = {"doc_id": document.doc_id, "key": key, "events": len(events)}
        if failed:
            entry["failed"] = True
        try:
            assert self._out is not None
            _write_all(self._out, data)
            end = self._end + len(data)
            if self._record is not None:
                line = json.dumps({**entry, "end": end}, ensure_ascii=False) + "\n"
                raw = line.encode("utf-8", "backslashreplace")
                _write_all(self._record, raw)
                self._kept += len(raw)
            self._end = end
        except OSError as error:
            self._cut_back()
            done = self.documents_done
            raise OutputError(
                self.path,
                f"write failed ({os_reason(error)}); it keeps the whole records of the "
                f"{done} document(s) before",
            ) from error

    def finish(self) -> None:
        """The run read every input: drop recorded documents the inputs no longer gave, and
        create the (empty) files when nothing was written."""
        self._stop_matching()
        self._open()

    def close(self) -> None:
        """Close both files."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        for fd in (self._out, self._record):
            if fd is not None:
                os.close(fd)
        self._out = self._record = None

    def __enter__(self) -> JsonlJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals

    def _header(self) -> bytes:
        header = {"format": _JOURNAL_FORMAT, "fingerprint": self.fingerprint}
        return (json.dumps(header) + "\n").encode("utf-8")

    def _stop_matching(self) -> None:
        self._pending = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _open(self) -> None:
        """Open both files for appending after the last finished document (once)."""
        if self._out is not None:
            return
        self._stop_matching()
        flags = os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC
        try:
            if not self._regular:
                self._out = os.open(self._target, flags)
                return
            self._out = os.open(self._target, flags, 0o666)
            os.ftruncate(self._out, self._end)
            os.lseek(self._out, self._end, os.SEEK_SET)
            self._record = os.open(self._record_path, flags, 0o666)
            if self._kept == 0:
                os.ftruncate(self._record, 0)
                header = self._header()
                _write_all(self._record, header)
                self._kept = len(header)
            else:
                os.ftruncate(self._record, self._kept)
                os.lseek(self._record, self._kept, os.SEEK_SET)
        except OSError as error:
            raise OutputError(self.path, os_reason(error)) from error

    def _cut_back(self) -> None:
        """After a failed write: both files end at the last whole document again."""
        with contextlib.suppress(OSError):
            if self._out is not None and self._regular:
                os.ftruncate(self._out, self._end)
                os.lseek(self._out, self._end, os.SEEK_SET)
            if self._record is not None:
                os.ftruncate(self._record, self._kept)
                os.lseek(self._record, self._kept, os.SEEK_SET)

    def _entries(self, handle: BinaryIO) -> Iterator[_Entry]:
        """(doc_id, key, events, end, record bytes so far, failed) for each whole entry after
        the header."""
        kept = len(handle.readline())
        for raw in handle:
            entry = _done_entry(raw.rstrip(b"\n")) if raw.endswith(b"\n") else None
            if entry is None:
                return  # a line cut short by a crash ends the record; what follows is redone
            kept += len(raw)
            doc_id, key, events, end, failed = entry
            yield doc_id, key, events, end, kept, failed

    def _check_record(self) -> None:
        """Refuse a record that does not belong to this output or run, then start matching."""
        with self._record_path.open("rb") as handle:
            first = handle.readline()
            try:
                header = json.loads(first)
            except (ValueError, RecursionError):
                header = None
            if not isinstance(header, dict) or header.get("format") != _JOURNAL_FORMAT:
                raise OutputError(
                    self.done_file, "cannot resume: not an eventx record of done documents"
                )
            if header.get("fingerprint") != self.fingerprint:
                raise OutputError(
                    self.done_file,
                    "cannot resume: the earlier run used a different model, rules or options; "
                    "run without --resume to start over",
                )
            handle.seek(0)
            size = self._target.stat().st_size if self._target.exists() else 0
            with _OutputScan(self._target) as scan:
                end = 0
                for _doc_id, _key, events, entry_end, _kept, _failed in self._entries(handle):
                    if entry_end < end or entry_end > size or scan.lines(end, entry_end) != events:
                        raise self._mismatch()
                    end = entry_end
                if not scan.one_document_after(end, size):
                    raise self._mismatch()
        self._reader = self._record_path.open("rb")
        self._pending = self._entries(self._reader)
        self._kept = 0

    def _mismatch(self) -> OutputError:
        return OutputError(
            self.path,
            f"cannot resume: the file does not match {self.done_file.name} (edited or "
            "replaced?); run without --resume to start over",
        )


class _OutputScan:
    """Reads an output file front to back once, counting whole lines between offsets."""

    def __init__(self, path: Path) -> None:
        self._handle: BinaryIO | None = path.open("rb") if path.exists() else None
        self._at = 0

    def __enter__(self) -> _OutputScan:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            self._handle.close()

    def lines(self, start: int, end: int) -> int:
        """Newlines in bytes [start, end), or -1 when the span does not end with one."""
        if end == start:
            return 0
        assert self._handle is not None and start == self._at
        count, last = 0, b""
        while self._at < end:
            chunk = self._handle.read(min(_CHUNK, end - self._at))
            if not chunk:
                return -1
            count += chunk.count(b"\n")
            last = chunk[-1:]
            self._at += len(chunk)
        return count if last == b"\n" else -1

    def one_document_after(self, start: int, size: int) -> bool:
        """Whether the bytes after the last finished document are one document's whole
        records (plus perhaps a torn last line): what a crash leaves, never more."""
        if size <= start or self._handle is None:
            return True
        self._handle.seek(start)
        doc_ids: set[object] = set()
        for raw in self._handle:
            if not raw.endswith(b"\n"):
                break
            try:
                record = json.loads(raw)
            except (ValueError, RecursionError):
                return False
            if not isinstance(record, dict):
                return False
            doc_ids.add(record.get("doc_id"))
            if len(doc_ids) > 1:
                return False
        return True


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _done_entry(raw: bytes) -> tuple[str, str, int, int, bool] | None:
    try:
        entry = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict):
        return None
    doc_id, key, events, end = (entry.get(name) for name in ("doc_id", "key", "events", "end"))
    failed = entry.get("failed", False)
    if not (
        isinstance(doc_id, str)
        and isinstance(key, str)
        and isinstance(events, int)
        and isinstance(end, int)
        and isinstance(failed, bool)
    ):
        return None
    return doc_id, key, events, end, failed
