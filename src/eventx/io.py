"""Documents in (txt, md, html, json, jsonl, csv, tsv, stdin) and event records out (jsonl, json,
csv)."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO, cast, overload

from eventx.errors import InputError, InputWarning, OutputError, printable
from eventx.schema import Actor, Document, Event, stable_id

OutputFormat = Literal["jsonl", "json", "csv"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
TEXT_KEYS = ("text", "body", "content")

# One column per record field. A participant's fields are one column each (actor_titles,
# recipient_countries...), with one entry per participant in order, joined by CSV_LIST_SEP
# and left empty where the participant has none, so the n-th entries of the columns of a
# role describe the same participant.
_PARTICIPANT_FIELDS = ("text", "title", "country", "kind", "sector", "id", "start", "end")
_PLURALS = {"country": "countries"}
CSV_COLUMNS = (
    "id",
    "doc_id",
    "event",
    "mode",
    "cameo",
    "status",
    "historical",
    "actors",
    *(f"actor_{_PLURALS.get(name, name + 's')}" for name in _PARTICIPANT_FIELDS),
    "recipients",
    *(f"recipient_{_PLURALS.get(name, name + 's')}" for name in _PARTICIPANT_FIELDS),
    "location",
    "location_text",
    "location_country",
    "lat",
    "lon",
    "location_kind",
    "location_id",
    "location_start",
    "location_end",
    "location_inherited",
    "topics",
    "about",
    "date",
    "date_text",
    "date_precision",
    "amount",
    "sentence",
    "start",
    "end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "confidence",
    "schema_version",
)
CSV_LIST_SEP = "; "

_GLOB_MAGIC = re.compile(r"[*?\[]")
_FLUSH_EVERY = 50
# Share of control characters above which decoded text is treated as binary data.
_CONTROL_RATIO = 0.05
_CONTROL_OK = frozenset("\t\n\r\f\v")
# A few stray NUL bytes in otherwise clean text are dropped (with a note); more mean binary data.
_NUL_RATIO = 0.001
# Whole lines that are page furniture, not article text. Matched against the stripped,
# case-folded line with trailing punctuation removed, so a sentence that merely
# mentions a newsletter is never touched.
_BOILERPLATE_LINES = re.compile(
    r"""^(?:
        leave\ a\ (?:reply|comment)
      | (?:post|submit)\ comment
      | please\ enter\ your\ (?:comment|name\ here|name|email\ address\ here|email)
      | you\ have\ entered\ an\ incorrect\ email\ address
      | save\ my\ name,?\ email,?\ and\ website\ in\ this\ browser\ for\ the\ next\ time\ i\ comment
      | notify\ me\ of\ (?:follow-up\ comments|new\ posts)\ by\ email
      | (?:name|email|website|comment)\ ?\*?
      | share(?:\ this(?:\ article|\ story|\ post)?)?
      | share\ (?:on|via)\ (?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit)
      | click\ to\ (?:share|email|print)(?:\ (?:on\ )?\S+)?(?:\ \(opens\ in\ new\ window\))?
      | (?:facebook|twitter|whatsapp|linkedin|telegram|pinterest|reddit|email|print)
      | like\ this
      | related(?:\ (?:posts|articles|stories|news))?
      | (?:read|see)\ (?:more|also)
      | (?:subscribe|sign\ up)\ (?:to|for)\ (?:our|the)\ newsletter
      | (?:accept|reject|decline)(?:\ all)?(?:\ cookies)?
      | cookie\ (?:settings|policy|preferences)
      | this\ (?:website|site)\ uses\ cookies\b.{0,250}
      | we\ use\ cookies\b.{0,250}
      | by\ continuing\ to\ (?:use|browse)\ (?:this|our)\ (?:site|website)\b.{0,200}
      | advertisement
      | loading
      | tags
    )$""",
    re.VERBOSE,
)
_NUMBER_LINE = re.compile(r"^\d+$")
_TRAILING_PUNCT = ".:!?…*- \t"


# ---------------------------------------------------------------------------
# Documents in


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
) -> Iterator[Document | InputError | InputWarning]:
    """Read every document the inputs name: files, directories, glob patterns or `-` (stdin).

    Failures are yielded as `InputError`s, not raised, so a caller can report one line
    per bad input and carry on. Directories are walked recursively in sorted order,
    skipping hidden entries and files whose extension is not a known document type;
    an explicitly named file with an unknown extension is read as plain text unless
    `explicit_unknown_ok` is False. Each file is read at most once per call, and files in
    `exclude` (an output being written, say) never. Inside directories and globs only
    regular files are read (a named pipe, socket or device is skipped with a warning); a
    pipe or device named explicitly is read like stdin, at most `max_bytes`. Document ids
    never depend on the order of `inputs` (see `_Reader.name_documents`).

    With `notes=True`, `InputWarning`s are yielded too: for files skipped because of their
    extension, directories reached a second time through a symlink, text decoded with a
    guessed encoding and stray NUL bytes dropped. A warning about a document comes just
    before it.
    """
    stream = _iter_documents(
        inputs, text_field, stdin, explicit_unknown_ok, max_bytes, tuple(exclude)
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
) -> Iterator[Document | InputError | InputWarning]:
    reader = _Reader(text_field=text_field, max_bytes=max_bytes, exclude=exclude)
    # Every path is found first (cheap: no file is opened), so a document's id can depend
    # on all the names in the run but never on the order the inputs were given in.
    planned = list(reader.plan(inputs, explicit_unknown_ok))
    reader.name_documents(item for item in planned if isinstance(item, Path))
    for item in planned:
        if item is _STDIN:
            yield from reader.read_stdin(stdin if stdin is not None else sys.stdin)
        elif isinstance(item, Path):
            yield from reader.read_path(item)
        elif isinstance(item, (InputError, InputWarning)):
            yield item


Item = Document | InputError | InputWarning
_STDIN = object()  # where standard input is read, in the plan of a run
_Planned = Path | InputError | InputWarning | object


class _Reader:
    """State for one `iter_documents` call: options and what has been read already."""

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

    def plan(self, inputs: Sequence[str], explicit_unknown_ok: bool) -> Iterator[_Planned]:
        """What the run will read, in order: files, stdin, and the errors and warnings
        found on the way; each file once."""
        for item in inputs:
            if item == "-":
                yield _STDIN
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

    def _once(self, found: Iterable[_Planned]) -> Iterator[_Planned]:
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

    def _glob(self, pattern: str) -> Iterator[_Planned]:
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
            yield InputError(directory, _os_reason(error))
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
            yield InputError(directory, _os_reason(error))
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

    def read_path(self, path: Path) -> Iterator[Item]:
        try:
            info = path.stat()
        except OSError as error:
            yield InputError(path, _os_reason(error))
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
            with path.open("rb") as handle:
                data = handle.read(self.max_bytes + 1)
        except OSError as error:
            yield InputError(path, _os_reason(error))
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
        decoded = _decode(data)
        del data
        if isinstance(decoded, _Failure):
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
                yield _html_document(text, doc_id=stem, source=source)
            elif suffix in JSON_SUFFIXES:
                yield from _json_documents(text, stem=stem, source=source, field=self.text_field)
            elif suffix in JSONL_SUFFIXES:
                yield from _jsonl_documents(text, stem=stem, source=source, field=self.text_field)
            elif suffix in CSV_SUFFIXES:
                delimiter = "\t" if suffix == ".tsv" else ","
                yield from _csv_documents(
                    text, stem=stem, source=source, field=self.text_field, delimiter=delimiter
                )
            else:
                yield _text_document(text, doc_id=stem, source=source)
        except (RecursionError, MemoryError, ValueError, TypeError) as error:
            # Parsers we call (json on absurdly nested arrays, lxml, dateparser) can fail in
            # ways no input check foresees; one bad file must not end the run.
            yield InputError(path, f"cannot parse: {type(error).__name__}: {error}"[:300])

    def read_stdin(self, stream: TextIO) -> Iterator[Item]:
        buffer = getattr(stream, "buffer", None)
        decoded: _Decoded | _Failure
        try:
            if buffer is not None:
                data = buffer.read(self.max_bytes + 1)
                if len(data) > self.max_bytes:
                    yield InputError("-", _too_big(len(data), self.max_bytes, at_least=True))
                    return
                decoded = _decode(data) if data else ("", None)
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
        if isinstance(decoded, _Failure):
            yield InputError("-", decoded.reason)
            return
        text, note = decoded
        if not text.strip():
            yield InputError("-", "no text on standard input")
            return
        if note:
            yield InputWarning("-", note)
        try:
            structured = _parse_stdin_json(text)
            if structured is None:
                yield _text_document(text, doc_id=None, source="-")
                return
            for index, (line, record) in enumerate(structured, start=1):
                if isinstance(record, InputError):
                    yield record
                elif not isinstance(record, dict):
                    where = f"item {index}" if line is None else "line"
                    yield InputError("-", f"{where} is not a JSON object", line=line)
                else:
                    yield _record_document(
                        record, default_id=None, source="-", field=self.text_field, line=line
                    )
        except (RecursionError, MemoryError, ValueError, TypeError) as error:
            # As for files: a parser failing on odd input is one failure, not the end.
            yield InputError("-", f"cannot parse: {type(error).__name__}: {error}"[:300])


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


def _json_value(line: str) -> Any:
    """One JSON value; nesting too deep or a number too long is a ValueError like bad JSON."""
    try:
        return json.loads(line)
    except RecursionError as error:
        raise ValueError("nested too deeply") from error


def _parse_stdin_json(text: str) -> list[tuple[int | None, Any]] | None:
    """Records if stdin holds JSON (an object, an array, or one object per line), else None.

    An array with at least one object is records, each other item an error of its own.
    """
    stripped = text.strip()
    if stripped[:1] in "{[":
        try:
            whole = _json_value(stripped)
        except ValueError:
            whole = None
        if isinstance(whole, dict):
            return [(None, whole)]
        if isinstance(whole, list) and any(isinstance(item, dict) for item in whole):
            return [(None, item) for item in whole]
    records: list[tuple[int | None, Any]] = []
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        try:
            value = _json_value(line)
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        records.append((number, value))
    return records or None


def _lines(text: str) -> Iterator[str]:
    """JSON Lines are split on "\\n" only: U+2028, U+0085 and friends are valid in strings."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield text[start:end].removesuffix("\r")
        start = end + 1


def _json_reason(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON: {error.msg}"
    return f"invalid JSON: {' '.join(str(error).split())[:200]}"


class _Failure:
    """Why bytes could not be decoded (kept apart from str so callers can tell)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


_Decoded = tuple[str, str | None]  # the text, and a note when it took a guess or a repair


def _decode(data: bytes) -> _Decoded | _Failure:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else a confident guess.

    A guessed legacy encoding and dropped stray NUL bytes come back with a note.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data, "utf-16")
    note: str | None = None
    nuls = data.count(b"\x00")
    utf16 = _bomless_utf16(data) if nuls else None
    if utf16 is not None:
        return utf16
    if nuls:
        if nuls > max(1, len(data) * _NUL_RATIO):
            return _Failure("binary file (contains NUL bytes)")
        data = data.replace(b"\x00", b"")
        note = f"dropped {nuls} NUL byte(s)"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _Failure("binary file") if _looks_binary(text) else (text, note)
    repaired = _mostly_utf8(data)
    if repaired is not None:
        text, repair = repaired
        if not _looks_binary(text):
            return text, f"{note}; {repair}" if note else repair
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Without a BOM a UTF-16/32 guess is almost always wrong for news text.
    if best is None or best.encoding.startswith(("utf_16", "utf_32")) or best.chaos > 0.1:
        return _Failure("not valid UTF-8 and the encoding could not be determined")
    text = str(best)
    if _looks_binary(text):
        return _Failure("binary file")
    guessed = f"not UTF-8; decoded as {best.encoding} (a guess)"
    return text, f"{note}; {guessed}" if note else guessed


def _bomless_utf16(data: bytes) -> _Decoded | None:
    """UTF-16 text saved without a byte order mark: NUL bytes in nearly every other place
    (the high byte of Latin characters), and the decoded text is clean."""
    sample = data[:65536]
    if len(sample) < 4:
        return None
    halves = len(sample) // 2
    for encoding, offset in (("utf-16-le", 1), ("utf-16-be", 0)):
        if sample[offset::2].count(0) < 0.6 * halves or sample[1 - offset :: 2].count(0) > 0:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            name = encoding.upper()
            return text, f"no byte order mark; decoded as {name} (save it as UTF-8 to be sure)"
    return None


# Below this share of bad bytes, text with valid multi-byte UTF-8 is UTF-8 with a few
# damaged bytes (a cut, a stray Latin-1 character), not text in a legacy encoding.
_UTF8_DAMAGE_RATIO = 0.01


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """Text that is UTF-8 but for a few bad bytes: decoded with U+FFFD in their place.

    Guessing a legacy code page for the whole file instead would garble every correct
    character (a curly quote in "Mali’s" read as cp775 becomes "MaliŌĆÖs").
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    if wide == 0 or bad > max(16, len(data) * _UTF8_DAMAGE_RATIO) or bad > wide:
        return None
    return text, f"not valid UTF-8: {bad} bad byte sequence(s) replaced by U+FFFD"


def _checked(data: bytes, encoding: str) -> _Decoded | _Failure:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        return _Failure(f"invalid {encoding.removesuffix('-sig').upper()} at byte {error.start}")
    return _Failure("binary file") if _looks_binary(text) else (text, None)


def _skipped_note(path: Path) -> InputWarning:
    suffix = path.suffix or "(none)"
    return InputWarning(
        path, f"skipped: unknown file type {suffix!r} (name the file to read it as text)"
    )


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(
        1 for char in sample if char not in _CONTROL_OK and unicodedata.category(char) == "Cc"
    )
    return "\x00" in sample or controls / len(sample) > _CONTROL_RATIO


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    return str(error)


def _too_big(size: int, limit: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"input is {more}{_megabytes(size)}, above the {_megabytes(limit)} limit"


def _megabytes(size: int) -> str:
    """Sizes in MB of 2**20 bytes, as the README states the limit ("50 MB")."""
    value = size / 2**20
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


# ---------------------------------------------------------------------------
# Plain text


def clean_text(text: str, title: str | None) -> tuple[str, str | None]:
    """Strip page furniture from scraped plain text; return the cleaned text and the title.

    Normalises line endings, drops whole lines that repeat the title, lines that are only
    a number (stray counters) and comment-form, share and cookie-banner lines, and keeps
    paragraphs separated by one blank line. When `title` is None, a short first line set
    off by a blank line and not ending in a period is taken as the title. Real sentences
    are never edited, so offsets into the returned text are offsets into the document.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    if title is None:
        title = _detect_title(lines)
    title_key = _line_key(title) if title else None

    paragraphs: list[list[str]] = [[]]
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        key = _line_key(stripped)
        if key == title_key or _is_furniture(stripped, key):
            continue
        paragraphs[-1].append(line)
    cleaned = "\n\n".join("\n".join(paragraph) for paragraph in paragraphs if paragraph)
    return cleaned, title


def _detect_title(lines: list[str]) -> str | None:
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or _is_furniture(stripped, _line_key(stripped)):
            continue
        candidate = stripped.lstrip("#").strip()  # a Markdown heading
        followed_by_blank = index + 1 < len(lines) and not lines[index + 1].strip()
        rest_has_text = any(other.strip() for other in lines[index + 1 :])
        if (
            followed_by_blank
            and rest_has_text
            and len(candidate) < 200
            and not candidate.endswith(".")
            and any(char.isalpha() for char in candidate)
        ):
            return candidate
        return None
    return None


def _line_key(line: str) -> str:
    return " ".join(line.lstrip("#").split()).casefold()


def _is_furniture(stripped: str, key: str) -> bool:
    if _NUMBER_LINE.match(stripped):
        return True
    return bool(_BOILERPLATE_LINES.match(key.rstrip(_TRAILING_PUNCT)))


def _text_document(text: str, *, doc_id: str | None, source: str) -> Document | InputError:
    cleaned, title = clean_text(text, None)
    if not cleaned.strip():
        return InputError(source, "no text left after removing boilerplate")
    return Document(
        doc_id=doc_id if doc_id is not None else stable_id(cleaned, length=12),
        text=cleaned,
        title=title,
        source=source,
    )


# ---------------------------------------------------------------------------
# HTML


def _html_document(html: str, *, doc_id: str, source: str) -> Document | InputError:
    import trafilatura

    body: str | None = None
    title: str | None = None
    published: Date | None = None
    url: str | None = None
    try:
        # Conservative date search: metadata only, never a date guessed from the body.
        result = trafilatura.bare_extraction(
            _without_noscript(html),
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura raises assorted parser errors on odd markup
        result = None
    if result is not None and not isinstance(result, dict):
        body = result.text
        title = result.title or None
        published = _parse_date(result.date)
        url = result.url or None
    if not body or not body.strip():
        body, fallback_title = _lxml_text(html)
        title = title or fallback_title
    if not body or not body.strip():
        return InputError(source, "no text found in the HTML")
    # trafilatura gives one block per line; make each a paragraph.
    blocks = [line.strip() for line in body.replace("\r\n", "\n").split("\n") if line.strip()]
    cleaned, title = clean_text("\n\n".join(blocks), title.strip() if title else None)
    if not cleaned.strip():
        return InputError(source, "no text left after removing boilerplate")
    return Document(
        doc_id=doc_id, text=cleaned, title=title, date=published, url=url, source=source
    )


_NOSCRIPT = re.compile(r"<noscript\b", re.IGNORECASE)


def _without_noscript(html: str) -> str:
    """The page without <noscript> blocks ("enable JavaScript..."), which trafilatura keeps.

    Scripts and styles are left for trafilatura, which never runs or keeps them and reads
    JSON-LD metadata from scripts.
    """
    if not _NOSCRIPT.search(html):
        return html
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for element in tree.xpath("//noscript"):
        element.drop_tree()
    return str(lxml_html.tostring(tree, encoding="unicode"))


def _lxml_text(html: str) -> tuple[str | None, str | None]:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None, None
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    titles = tree.xpath("//title/text()")
    title = " ".join(str(titles[0]).split()) if titles else None
    bodies = tree.xpath("//body")
    root = bodies[0] if bodies else tree
    blocks = [" ".join(chunk.split()) for chunk in root.itertext()]
    text = "\n".join(block for block in blocks if block)
    return text or None, title or None


# ---------------------------------------------------------------------------
# JSON and JSON Lines


def _json_documents(
    text: str, *, stem: str, source: str, field: str | None
) -> Iterator[Document | InputError]:
    try:
        value = _json_value(text)
    except json.JSONDecodeError as error:
        yield InputError(source, f"invalid JSON: {error.msg}", line=error.lineno)
        return
    except ValueError as error:
        yield InputError(source, _json_reason(error))
        return
    if isinstance(value, dict):
        yield _record_document(value, default_id=stem, source=source, field=field, line=None)
        return
    if not isinstance(value, list):
        yield InputError(source, "expected a JSON object or an array of objects")
        return
    if not value:
        yield InputError(source, "empty JSON array")
        return
    if not any(isinstance(item, dict) for item in value):
        # One line for the file, not one per item, when it holds no records at all.
        yield InputError(source, "expected a JSON object or an array of objects")
        return
    for index, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            yield InputError(source, f"item {index} is not a JSON object")
            continue
        document = _record_document(
            item, default_id=f"{stem}-{index}", source=source, field=field, line=None
        )
        if isinstance(document, InputError):
            document = InputError(source, f"item {index}: {document.reason}")
        yield document


def _jsonl_documents(
    text: str, *, stem: str, source: str, field: str | None
) -> Iterator[Document | InputError]:
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        try:
            value = _json_value(line)
        except ValueError as error:
            yield InputError(source, _json_reason(error), line=number)
            continue
        if not isinstance(value, dict):
            yield InputError(source, "not a JSON object", line=number)
            continue
        try:
            yield _record_document(
                value, default_id=f"{stem}-{number}", source=source, field=field, line=number
            )
        except (RecursionError, ValueError, TypeError) as error:
            # A field no check foresaw (a date dateparser chokes on) spoils one line only.
            reason = f"cannot parse: {type(error).__name__}: {error}"[:300]
            yield InputError(source, reason, line=number)


def _csv_documents(
    text: str, *, stem: str, source: str, field: str | None, delimiter: str
) -> Iterator[Document | InputError]:
    """One document per row of a CSV or TSV file with a header row.

    The text is in the `text`, `body` or `content` column (or `field`), compared without
    regard to case; `id`, `title`, `date` and `url` columns are used when present. Rows are
    numbered from 1 after the header: a row without its own id is `stem-ROW`, and a bad row
    is one error naming it, as a bad JSON Lines line is.
    """
    _allow_long_csv_fields()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as error:
        yield InputError(source, f"malformed CSV header: {error}")
        return
    if not header or not any(name.strip() for name in header):
        yield InputError(source, "no header row (the first row names the columns)")
        return
    columns = [name.strip().lower() for name in header]
    wanted = (field.lower(),) if field else TEXT_KEYS
    if not any(name in columns for name in wanted):
        names = repr(field) if field else "one of " + ", ".join(repr(k) for k in TEXT_KEYS)
        found = ", ".join(repr(name) for name in header[:10])
        yield InputError(source, f"no text column ({names}); the header has {found}")
        return
    row = 0
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as error:
            yield InputError(source, f"row {row + 1}: malformed CSV: {error}; the rest is skipped")
            return
        if cells is None:
            return
        if not any(cell.strip() for cell in cells):
            continue  # a blank line between rows is not a row
        row += 1
        if len(cells) != len(columns):
            reason = f"row {row}: {len(cells)} cell(s) where the header has {len(columns)}"
            yield InputError(source, reason)
            continue
        record = {name: value for name, value in zip(columns, cells, strict=True) if name}
        document = _record_document(
            record,
            default_id=f"{stem}-{row}",
            source=source,
            field=field and field.lower(),
            line=None,
        )
        if isinstance(document, InputError):
            document = InputError(source, f"row {row}: {document.reason}")
        yield document


def _allow_long_csv_fields() -> None:
    # The csv module refuses fields over 128 KiB; a whole article in a cell can be longer.
    # The input's size is capped before it gets here, so the cap can go.
    if csv.field_size_limit() < DEFAULT_MAX_BYTES:
        csv.field_size_limit(DEFAULT_MAX_BYTES)


def _record_document(
    record: dict[str, Any],
    *,
    default_id: str | None,
    source: str,
    field: str | None,
    line: int | None,
) -> Document | InputError:
    """A Document from one JSON object; `default_id` None means hash the text."""
    keys = (field,) if field else TEXT_KEYS
    key = next((name for name in keys if record.get(name) is not None), None)
    if key is None:
        wanted = repr(field) if field else "one of " + ", ".join(repr(k) for k in TEXT_KEYS)
        return InputError(source, f"no text field ({wanted})", line=line)
    text = record[key]
    if not isinstance(text, str):
        return InputError(source, f"field {key!r} is not a string", line=line)
    if not text.strip():
        return InputError(source, f"field {key!r} is empty", line=line)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (dict, list)) and str(raw_id).strip():
        doc_id = str(raw_id).strip()
    elif default_id is not None:
        doc_id = default_id
    else:
        doc_id = stable_id(text, length=12)
    title = record.get("title")
    url = record.get("url")
    return Document(
        doc_id=doc_id,
        text=text,
        title=(title.strip() or None) if isinstance(title, str) else None,
        date=_parse_date(record.get("date")),
        url=(url.strip() or None) if isinstance(url, str) else None,
        source=source,
    )


def _parse_date(value: object) -> Date | None:
    """A date from an ISO or otherwise unambiguous date string; None when it is not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser

    # Absolute dates only: "next week" must not become a date relative to today.
    parsed = dateparser.parse(
        value,
        settings={
            "STRICT_PARSING": True,
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )
    return parsed.date() if parsed is not None else None


# ---------------------------------------------------------------------------
# Records out


def write_records(records: Iterable[Event], fmt: OutputFormat, out: TextIO) -> int:
    """Stream events to `out` as JSON Lines, a JSON array or flat CSV; return how many."""
    if fmt == "jsonl":
        return _write_jsonl(records, out)
    if fmt == "json":
        return _write_json(records, out)
    if fmt == "csv":
        return _write_csv(records, out)
    raise ValueError(f"unknown output format {fmt!r}; expected jsonl, json or csv")


def jsonl_line(record: Event) -> str:
    """One event as a JSON Lines line, newline included: the same bytes on every run."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n"


def _write_jsonl(records: Iterable[Event], out: TextIO) -> int:
    count = 0
    for record in records:
        # One write per complete line, so an interrupted run leaves whole lines.
        out.write(jsonl_line(record))
        count += 1
        if count % _FLUSH_EVERY == 0:
            out.flush()
    out.flush()
    return count


def _write_json(records: Iterable[Event], out: TextIO) -> int:
    count = 0
    for record in records:
        item = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)
        # JSON strings cannot hold a raw newline, so indenting line by line is safe.
        out.write(("[\n" if count == 0 else ",\n") + "  " + item.replace("\n", "\n  "))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    out.flush()
    return count


def _write_csv(records: Iterable[Event], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
        if count % _FLUSH_EVERY == 0:
            out.flush()
    out.flush()
    return count


def csv_row(record: Event) -> list[str]:
    """The flat CSV cells for one event, in `CSV_COLUMNS` order."""
    place = record.location

    def each(values: Iterable[object]) -> str:
        return CSV_LIST_SEP.join(_csv_cell(value) for value in values)

    def role(actors: Sequence[Actor]) -> list[str]:
        names = [each(actor.name for actor in actors)]
        return names + [
            each(getattr(actor, name) for actor in actors) for name in _PARTICIPANT_FIELDS
        ]

    cells: list[object] = [
        record.id,
        record.doc_id,
        record.event,
        record.mode,
        record.cameo,
        record.status.value,
        record.historical,
        *role(record.actors),
        *role(record.recipients),
        *(
            (
                place.name,
                place.text,
                place.country,
                place.lat,
                place.lon,
                place.kind,
                place.id,
                place.start,
                place.end,
                place.inherited,
            )
            if place
            else (None,) * 10
        ),
        each(record.topics),
        each(record.about),
        record.date.isoformat() if record.date else None,
        record.date_text,
        record.date_precision,
        record.amount,
        record.sentence,
        record.start,
        record.end,
        record.trigger,
        record.trigger_start,
        record.trigger_end,
        record.rule,
        record.confidence,
        record.schema_version,
    ]
    return [_csv_cell(cell) for cell in cells]


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@contextlib.contextmanager
def open_output(path: Path | None, fmt: OutputFormat, *, append: bool = False) -> Iterator[TextIO]:
    """A text stream for `write_records`: stdout when `path` is None or `-`.

    Symlinks are followed: the file they point to is written. JSON and CSV to a regular
    file go to a temporary file in the same directory that replaces it only when the block
    finishes without error, so a failed run never leaves half a file; raise `KeepOutput`
    in the block to leave the old file as it was. JSON Lines goes line-buffered straight to
    the file, truncated first unless `append`. Devices and named pipes (`/dev/null`, a FIFO)
    are written in place, never replaced. A write error is an `OutputError` naming `path`.
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    from eventx.output import resolve_target

    path = Path(path)
    target, regular = resolve_target(path)
    try:
        if fmt == "jsonl" or not regular:
            mode = "a" if append and regular else "w"
            with target.open(mode, encoding="utf-8", buffering=1, newline="") as handle:
                if regular and handle.tell() > 0 and not _ends_with_newline(target):
                    handle.write("\n")  # never glue a new record onto an unterminated line
                yield cast(TextIO, handle)
            return
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, _target_mode(target))
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutputError(path, _os_reason(error)) from error


class KeepOutput(Exception):
    """Raised inside `open_output`'s block: discard what was written, keep the old file."""


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def _target_mode(path: Path) -> int:
    """Keep an existing file's permissions; otherwise what `open` would give a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# ---------------------------------------------------------------------------
# Resumable JSON Lines

DONE_SUFFIX = ".done"
_JOURNAL_FORMAT = "eventx-done/2"
_CHUNK = 1 << 20


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
    and `end` the output's size in bytes after its events. The first line holds the run's
    `fingerprint` (model, rules and options). Symlinks are followed; a device or named pipe
    is written in place, without a record.

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
        self._target, self._regular = resolve_target(self.path)
        self._record_path = done_path(self._target)
        self._out: int | None = None
        self._record: int | None = None
        self._end = 0  # output bytes that belong to finished documents
        self._kept = 0  # record bytes that belong to them
        self._pending: Iterator[tuple[str, str, int, int, int]] | None = None
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
            raise OutputError(self.path, _os_reason(error)) from error

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
            _, _, _, self._end, self._kept = entry
            self.documents_matched += 1
            return True
        self._stop_matching()
        return False

    def write(self, document: Document, events: Sequence[Event]) -> None:
        """Append a document's events, then record the document as done."""
        data = "".join(jsonl_line(event) for event in events).encode("utf-8")
        self._open()
        key = document_key(document)
        entry = {"doc_id": document.doc_id, "key": key, "events": len(events)}
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
                f"write failed ({_os_reason(error)}); it keeps the whole records of the "
                f"{done} document(s) before",
            ) from error
        self.events_written += len(events)
        self.documents_written += 1

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
            raise OutputError(self.path, _os_reason(error)) from error

    def _cut_back(self) -> None:
        """After a failed write: both files end at the last whole document again."""
        with contextlib.suppress(OSError):
            if self._out is not None and self._regular:
                os.ftruncate(self._out, self._end)
                os.lseek(self._out, self._end, os.SEEK_SET)
            if self._record is not None:
                os.ftruncate(self._record, self._kept)
                os.lseek(self._record, self._kept, os.SEEK_SET)

    def _entries(self, handle: BinaryIO) -> Iterator[tuple[str, str, int, int, int]]:
        """(doc_id, key, events, end, record bytes so far) for each whole entry after the header."""
        kept = len(handle.readline())
        for raw in handle:
            entry = _done_entry(raw.rstrip(b"\n")) if raw.endswith(b"\n") else None
            if entry is None:
                return  # a line cut short by a crash ends the record; what follows is redone
            kept += len(raw)
            doc_id, key, events, end = entry
            yield doc_id, key, events, end, kept

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
                for _doc_id, _key, events, entry_end, _kept in self._entries(handle):
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


def _done_entry(raw: bytes) -> tuple[str, str, int, int] | None:
    try:
        entry = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict):
        return None
    doc_id, key, events, end = (entry.get(name) for name in ("doc_id", "key", "events", "end"))
    if not (
        isinstance(doc_id, str)
        and isinstance(key, str)
        and isinstance(events, int)
        and isinstance(end, int)
    ):
        return None
    return doc_id, key, events, end
