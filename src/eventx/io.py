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
from typing import Any, BinaryIO, Literal, TextIO, overload

from eventx.errors import InputError, InputWarning, OutputError
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
    `exclude` (an output being written, say) never.

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
    for item in inputs:
        if item == "-":
            yield from reader.read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        path = Path(item)
        if path.is_dir():
            yield from reader.read_tree(path)
        elif path.exists() or path.is_symlink():
            if path.suffix.lower() not in KNOWN_SUFFIXES and not explicit_unknown_ok:
                yield InputError(path, f"unsupported file type {path.suffix or '(none)'!r}")
                continue
            yield from reader.read_path(path)
        elif _GLOB_MAGIC.search(item):
            yield from reader.read_glob(item)
        else:
            yield InputError(path, "no such file or directory")


Item = Document | InputError | InputWarning


class _Reader:
    """State for one `iter_documents` call: options and what has been read already."""

    def __init__(
        self, *, text_field: str | None, max_bytes: int, exclude: tuple[Path, ...]
    ) -> None:
        self.text_field = text_field
        self.max_bytes = max_bytes
        self.seen_files: set[tuple[int, int]] = set()
        self.seen_dirs: set[tuple[int, int]] = set()
        self.stems: set[str] = set()
        self.excluded: set[tuple[int, int]] = set()
        for path in exclude:
            with contextlib.suppress(OSError):
                info = path.stat()
                self.excluded.add((info.st_dev, info.st_ino))
        # Marking them read means a walk, a glob or an explicit name all pass them by.
        self.seen_files |= self.excluded

    def _stem(self, path: Path) -> str:
        """The file stem as document id; a stem already used in this run (a/index.html and
        b/index.html) gets a short hash of the path, so ids stay unique and stable."""
        stem = path.stem
        if stem in self.stems:
            stem = f"{stem}-{stable_id(str(path), length=8)}"
        self.stems.add(stem)
        return stem

    def _excluded(self, path: Path) -> bool:
        if not self.excluded:
            return False
        try:
            info = path.stat()
        except OSError:
            return False
        return (info.st_dev, info.st_ino) in self.excluded

    def read_tree(self, root: Path) -> Iterator[Item]:
        for found in self._walk(root):
            if isinstance(found, Path):
                yield from self.read_path(found)
            else:
                yield found

    def read_glob(self, pattern: str) -> Iterator[Item]:
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
                yield from self.read_tree(match)
            elif match.suffix.lower() in KNOWN_SUFFIXES or (
                wanted_suffix and match.suffix.lower() == wanted_suffix
            ):
                yield from self.read_path(match)
            elif not self._excluded(match):
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
            except OSError:
                is_dir = False
            if is_dir:
                yield from self._walk(path)
            elif Path(entry.name).suffix.lower() in KNOWN_SUFFIXES:
                yield path
            elif not self._excluded(path):
                yield _skipped_note(path)

    def read_path(self, path: Path) -> Iterator[Item]:
        try:
            info = path.stat()
        except OSError as error:
            yield InputError(path, _os_reason(error))
            return
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            yield InputError(path, "not a regular file")
            return
        key = (info.st_dev, info.st_ino)
        if key in self.seen_files:
            return
        self.seen_files.add(key)
        if info.st_size > self.max_bytes:
            yield InputError(path, _too_big(info.st_size, self.max_bytes))
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            yield InputError(path, _os_reason(error))
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
        source = str(path)
        stem = self._stem(path)
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
                if not isinstance(record, dict):
                    yield InputError("-", f"item {index} is not a JSON object", line=line)
                    continue
                yield _record_document(
                    record, default_id=None, source="-", field=self.text_field, line=line
                )
        except (RecursionError, MemoryError, ValueError, TypeError) as error:
            # As for files: a parser failing on odd input is one failure, not the end.
            yield InputError("-", f"cannot parse: {type(error).__name__}: {error}"[:300])


def _parse_stdin_json(text: str) -> list[tuple[int | None, Any]] | None:
    """Records if stdin holds JSON (an object, an array, or one object per line), else None."""
    stripped = text.strip()
    if stripped[:1] in "{[":
        try:
            whole = json.loads(stripped)
        except (ValueError, RecursionError):
            whole = None
        if isinstance(whole, dict):
            return [(None, whole)]
        if isinstance(whole, list) and whole and all(isinstance(item, dict) for item in whole):
            return [(None, item) for item in whole]
    records: list[tuple[int | None, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if not isinstance(value, dict):
            return None
        records.append((number, value))
    return records or None


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
    return f"input is {more}{size / 1e6:.1f} MB, above the {limit / 1e6:.1f} MB limit"


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
        value = json.loads(text)
    except json.JSONDecodeError as error:
        yield InputError(source, f"invalid JSON: {error.msg}", line=error.lineno)
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
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(source, f"invalid JSON: {error.msg}", line=number)
            continue
        if not isinstance(value, dict):
            yield InputError(source, "not a JSON object", line=number)
            continue
        yield _record_document(
            value, default_id=f"{stem}-{number}", source=source, field=field, line=number
        )


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

    JSON and CSV go to a temporary file in the same directory that replaces `path`
    only when the block finishes without error, so a failed run never leaves half a
    file. JSON Lines goes line-buffered straight to `path`, truncated first unless
    `append`, so an interrupted run leaves every record written so far intact.
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(path)
    if fmt == "jsonl":
        with path.open("a" if append else "w", encoding="utf-8", buffering=1) as handle:
            if handle.tell() > 0 and not _ends_with_newline(path):
                handle.write("\n")  # never glue a new record onto an unterminated line
            yield handle
        return
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _target_mode(path))
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


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
_JOURNAL_FORMAT = "eventx-done/1"


def document_key(document: Document) -> str:
    """A hash of what extraction reads from a document: its id, text, title and date."""
    digest = hashlib.sha256()
    for part in (document.doc_id, document.text, document.title, document.date):
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:20]


def done_path(path: Path) -> Path:
    """Where the record of completed documents for JSON Lines output `path` lives."""
    return path.with_name(path.name + DONE_SUFFIX)


class JsonlJournal:
    """JSON Lines output written one document at a time, with a record of the documents done.

    After a document's events are written and flushed, one line
    `{"doc_id", "key", "events", "end"}` is appended to `FILE.done` (see `done_path`),
    `end` being the output's size in bytes after those events. The first line of the
    record holds the run's `fingerprint` (model, rules and options).

    Opened with `resume=True`, the output is cut back to the last recorded `end` (dropping
    events of a document the previous run did not finish), and `is_done` is true for the
    documents recorded, so a restarted run neither repeats nor loses events. Without
    `resume` both files start empty. Raises `OutputError` when the files cannot be opened,
    or do not belong together or to this fingerprint.
    """

    def __init__(self, path: Path, *, fingerprint: str, resume: bool = False) -> None:
        self.path = Path(path)
        self.done_file = done_path(self.path)
        self.fingerprint = fingerprint
        self.events_written = 0
        self.documents_written = 0
        self._done: set[tuple[str, str]] = set()
        self._end = 0
        try:
            if resume and self.done_file.exists():
                self._out, self._record = self._reopen()
            elif resume and self.path.exists() and self.path.stat().st_size > 0:
                raise OutputError(
                    self.path,
                    f"cannot resume: {self.done_file.name} is missing, so which documents are "
                    "done is unknown; run without --resume to start over",
                )
            else:
                self._out, self._record = self._create()
        except OSError as error:
            raise OutputError(self.path, _os_reason(error)) from error

    @property
    def documents_done(self) -> int:
        """Documents recorded as done, by this run or an earlier one."""
        return len(self._done)

    def is_done(self, document: Document) -> bool:
        """Whether this document's events are already in the output."""
        return (document.doc_id, document_key(document)) in self._done

    def write(self, document: Document, events: Sequence[Event]) -> None:
        """Append a document's events, flush, then record the document as done."""
        data = "".join(jsonl_line(event) for event in events).encode("utf-8")
        try:
            if data:
                self._out.write(data)
                self._out.flush()
            self._end += len(data)
            key = document_key(document)
            entry = {"doc_id": document.doc_id, "key": key, "events": len(events), "end": self._end}
            self._record.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
            self._record.flush()
        except OSError as error:
            raise OutputError(self.path, _os_reason(error)) from error
        self._done.add((document.doc_id, key))
        self.events_written += len(events)
        self.documents_written += 1

    def close(self) -> None:
        """Close both files."""
        self._out.close()
        self._record.close()

    def __enter__(self) -> JsonlJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _header(self) -> bytes:
        header = {"format": _JOURNAL_FORMAT, "fingerprint": self.fingerprint}
        return (json.dumps(header) + "\n").encode("utf-8")

    def _create(self) -> tuple[BinaryIO, BinaryIO]:
        out = self.path.open("wb")
        record = self.done_file.open("wb")
        record.write(self._header())
        record.flush()
        return out, record

    def _reopen(self) -> tuple[BinaryIO, BinaryIO]:
        with self.done_file.open("rb") as handle:
            lines = handle.read().split(b"\n")
        try:
            header = json.loads(lines[0])
        except ValueError:
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
        kept = len(lines[0]) + 1
        for raw in lines[1:]:
            entry = _done_entry(raw)
            if entry is None:
                break  # a line cut short by a crash ends the record; what follows is redone
            doc_id, key, end = entry
            self._done.add((doc_id, key))
            self._end = end
            kept += len(raw) + 1
        size = self.path.stat().st_size if self.path.exists() else 0
        if size < self._end:
            raise OutputError(
                self.path,
                f"cannot resume: the file is shorter than {self.done_file.name} records "
                "(edited or replaced?); run without --resume to start over",
            )
        out = self.path.open("r+b" if self.path.exists() else "wb")
        out.truncate(self._end)  # drop events of a document the crashed run did not finish
        out.seek(self._end)
        record = self.done_file.open("r+b")
        record.truncate(kept)
        record.seek(kept)
        return out, record


def _done_entry(raw: bytes) -> tuple[str, str, int] | None:
    try:
        entry = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(entry, dict):
        return None
    doc_id, key, end = entry.get("doc_id"), entry.get("key"), entry.get("end")
    if not isinstance(doc_id, str) or not isinstance(key, str) or not isinstance(end, int):
        return None
    return doc_id, key, end
