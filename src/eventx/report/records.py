"""What the report, graph and summary commands read: eventx records, or documents to extract."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import ValidationError

from .. import jsonl
from ..defaults import DEFAULT_BATCH_SIZE
from ..errors import ExtractionError, InputError
from ..schema import Document, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Fields every eventx record carries and no document does: how a records file is told apart.
RECORD_FIELDS = frozenset({"schema_version", "event", "doc_id", "trigger", "sentence"})
MentionKind = Literal["actor", "place", "org"]
# Entity labels the report highlights, and the class each gets.
MENTION_CLASSES: dict[str, MentionKind] = {
    "PERSON": "actor",
    "NORP": "actor",
    "TITLE": "actor",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "org",
}


@dataclass(frozen=True)
class Mention:
    """An entity to highlight in a document's text."""

    start: int
    end: int
    kind: MentionKind
    label: str


@dataclass(frozen=True)
class Analysed:
    """One document with its events; `document` is None when only its records were read."""

    doc_id: str
    events: tuple[Event, ...]
    document: Document | None = None
    mentions: tuple[Mention, ...] = field(default=())


def is_records_file(path: Path) -> bool:
    """True when `path` is a JSON Lines (or JSON array) file of eventx records."""
    if path.suffix.lower() not in {".jsonl", ".json", ".ndjson"} or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(1 << 16)
    except (OSError, UnicodeDecodeError):
        return False
    stripped = head.lstrip()
    if stripped.startswith("["):
        stripped = stripped[1:].lstrip()
        first = _first_object(stripped)
    else:
        first = _first_object(stripped.split("\n", 1)[0])
    return isinstance(first, dict) and first.keys() >= RECORD_FIELDS


def _first_object(text: str) -> object:
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return None
    return value


def read_records(path: Path) -> Iterator[Event | InputError]:
    """The records of a JSON Lines or JSON array file; a bad record is an InputError naming
    its line, and reading goes on."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        yield InputError(path, f"cannot read: {reason}")
        return
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except ValueError as error:
            yield InputError(path, f"malformed JSON: {error}")
            return
        for number, item in enumerate(items if isinstance(items, list) else [items], start=1):
            yield _record(path, item, f"record {number}", None)
        return
    for number, line in jsonl.nonblank_lines(text):
        try:
            item = jsonl.loads(line)
        except ValueError:
            yield InputError(path, "malformed JSON", line=number)
            continue
        yield _record(path, item, "line", number)


def _record(path: Path, item: object, what: str, line: int | None) -> Event | InputError:
    try:
        return Event.model_validate(item)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or what
        reason = f"not an eventx record ({where}: {first['msg']})"
        if line is None:
            reason = f"{what}: {reason}"
        return InputError(path, reason, line=line)


def group_records(events: Iterable[Event]) -> list[Analysed]:
    """Records grouped by document, in order of first appearance."""
    grouped: dict[str, list[Event]] = {}
    for event in events:
        grouped.setdefault(event.doc_id, []).append(event)
    return [Analysed(doc_id=doc_id, events=tuple(rows)) for doc_id, rows in grouped.items()]


def doc_mentions(doc: Doc) -> tuple[Mention, ...]:
    """The entities of a parsed Doc worth highlighting, in text order."""
    return tuple(
        Mention(ent.start_char, ent.end_char, MENTION_CLASSES[ent.label_], ent.label_)
        for ent in doc.ents
        if ent.label_ in MENTION_CLASSES
    )


def analyse(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
) -> Iterator[tuple[Document, Analysed | ExtractionError]]:
    """Each document with its events and entity mentions, or the error that stopped it."""
    from ..extract import doc_events
    from ..pipeline import knowledge_of
    from ..stream import parse_documents, short

    knowledge = knowledge_of(nlp)
    for document, parsed in parse_documents(nlp, documents, batch_size, jobs):
        if isinstance(parsed, ExtractionError):
            yield document, parsed
            continue
        try:
            events = tuple(doc_events(parsed, document, knowledge))
        except Exception as error:  # one document's extraction bug must not end the run
            reason = f"extraction failed: {short(error)}"
            yield document, ExtractionError(document.doc_id, reason)
            continue
        yield document, Analysed(document.doc_id, events, document, doc_mentions(parsed))
