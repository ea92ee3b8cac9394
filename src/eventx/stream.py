"""Streaming documents through an eventx pipeline: one result per document, failures included."""

from __future__ import annotations

import contextlib
import itertools
from collections import deque
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .defaults import DEFAULT_BATCH_SIZE
from .errors import ExtractionError
from .extract import doc_events
from .longtext import extract_in_parts
from .pipeline import knowledge_of
from .schema import Document, Event


def warm_up_batches(batch_size: int) -> tuple[int, ...]:
    """Sizes of the first batches before full ones: 1, 2, 4, ... below `batch_size`, so the
    first document's results come out as soon as it is parsed, not after a whole batch."""
    sizes: list[int] = []
    size = 1
    while size < batch_size:
        sizes.append(size)
        size *= 2
    return tuple(sizes)


def parse_documents(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
    first_batches: Sequence[int] = (),
    deadline: float | None = None,
) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    """Each document with its parsed Doc, in input order, streamed batch by batch.

    `first_batches` are the sizes of the batches before the first full one (see
    `warm_up_batches()`). With `jobs` > 1 they are parsed in this process, so the first
    results come out at once and an input no longer than they are never starts workers;
    the documents after them go to the workers (see `eventx.workers`).

    A document the pipeline cannot process (longer than the model accepts, text that is
    not valid Unicode, or one that makes a component raise) comes back with an
    `ExtractionError` instead, and the stream goes on. An error raised by `documents`
    itself is not a document's failure: it ends the stream and reaches the caller.
    `jobs` > 1 parses in that many processes; a worker that fails or dies costs the
    documents it was given (each retried alone), never the run. A worker that does not
    finish a batch within `deadline` seconds (by default a generous `batch_deadline()`) is
    killed: the batch is retried one document at a time, and the document that is stuck
    alone too comes back as an error naming it.

    Docs are made in spaCy memory zones, so memory stays flat over any number of
    documents: use each Doc before asking for the next; it is invalid afterwards.
    """
    if jobs <= 1:
        yield from _parse_here(nlp, documents, batch_size, first_batches)
        return
    from .workers import parse_in_processes

    source = iter(documents)
    if first_batches:
        head = itertools.islice(source, sum(first_batches))
        yield from _parse_here(nlp, head, batch_size, first_batches)
        following = next(source, None)
        if following is None:
            return  # a small input: no worker was needed
        source = itertools.chain([following], source)
    yield from parse_in_processes(nlp, source, batch_size, jobs, deadline)


def _parse_here(
    nlp: Language, documents: Iterable[Document], batch_size: int, first_batches: Sequence[int]
) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    """`parse_documents` in this process."""
    source = iter(documents)
    source_error: list[BaseException] = []
    exhausted: list[bool] = []

    def chunk(size: int) -> Iterator[Document]:
        for _ in range(size):
            try:
                yield next(source)
            except StopIteration:
                exhausted.append(True)
                return
            except Exception as error:  # the caller's input failed, not the pipeline
                source_error.append(error)
                return

    schedule = iter(first_batches)
    while not exhausted and not source_error:
        # A small first batch is one pipe over that many documents, so the first results
        # come out at once. Strings and lexemes of a chunk's documents are freed when its
        # zone closes, so memory stays flat; each Doc is used before the next comes.
        size = next(schedule, None)
        documents_here = size or max(_ZONE_DOCUMENTS, batch_size)
        with _zone(nlp):
            yield from _parse_chunk(nlp, chunk(documents_here), size or batch_size)
    if source_error:
        raise source_error[0]


# Documents parsed in one spaCy memory zone: a bound on what the vocabulary holds.
_ZONE_DOCUMENTS = 256


@contextlib.contextmanager
def _zone(nlp: Language) -> Iterator[None]:
    """A spaCy memory zone that keeps the labels components learn inside it.

    The entity recognizer adds a label it meets in preset entities (our rulers' TITLE, a
    user's own labels) to its actions for good; a string first seen in a zone is freed
    with it, so such labels are added to the vocabulary again, outside the zone.
    """
    known = _labels(nlp)
    learned: set[str] = set()
    with nlp.memory_zone():
        try:
            yield
        finally:
            learned = _labels(nlp) - known
    for label in learned:
        nlp.vocab.strings.add(label)


def _labels(nlp: Language) -> set[str]:
    labels: set[str] = set()
    for _, pipe in nlp.pipeline:
        try:
            found = getattr(pipe, "labels", ())
            labels.update(label for label in found if isinstance(label, str))
        except Exception:  # a component whose labels cannot be listed has none to lose
            continue
    return labels


def _parse_chunk(
    nlp: Language, source: Iterator[Document], batch_size: int
) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    # Documents fed to the pipe, in order; a refused one carries its error and no text.
    pending: deque[tuple[Document, ExtractionError | None]] = deque()

    def feed() -> Iterator[str]:
        for document in source:
            refusal = _refusal(nlp, document)
            pending.append((document, refusal))
            if refusal is None:
                yield document.text

    def refused() -> Iterator[tuple[Document, ExtractionError]]:
        while pending and pending[0][1] is not None:
            document, error = pending.popleft()
            assert error is not None
            yield document, error

    while True:
        try:
            for doc in nlp.pipe(feed(), batch_size=batch_size):
                yield from refused()
                document, _ = pending.popleft()
                yield document, doc
            yield from refused()
            return
        except Exception:
            # A component raised somewhere in the batch: redo its unfinished documents one
            # at a time to name the one at fault, then go on with a fresh pipe.
            retry = list(pending)
            pending.clear()
            for document, refusal in retry:
                if refusal is not None:
                    yield document, refusal
                    continue
                yield document, _parse_one(nlp, document)


def _refusal(nlp: Language, document: Document) -> ExtractionError | None:
    """Why a document is not given to the pipeline at all, if it is not."""
    if len(document.text) > nlp.max_length:
        reason = (
            f"document is {len(document.text):,} characters, above the model's limit "
            f"of {nlp.max_length:,}; split it into smaller documents"
        )
        return ExtractionError(document.doc_id, reason)
    if not document.text.isascii():
        try:
            document.text.encode("utf-8")
        except UnicodeEncodeError as error:
            # A lone surrogate (JSON "\ud800") cannot be written out or sent to a worker.
            code = ord(document.text[error.start])
            reason = f"text holds an unpaired surrogate (U+{code:04X}) at character {error.start}"
            return ExtractionError(document.doc_id, reason)
    return None


def _parse_one(nlp: Language, document: Document) -> Doc | ExtractionError:
    try:
        return nlp(document.text)
    except Exception as failure:
        return ExtractionError(document.doc_id, f"the pipeline failed: {short(failure)}")


Result = list[Event] | ExtractionError
# Longer texts are refused rather than cut: at about 4,000 words a second, eight million
# characters already take several minutes, and a bigger "document" is rarely one.
LONGEST_PARTS = 8


def extract_documents(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
    first_batches: Sequence[int] = (),
) -> Iterator[tuple[Document, list[Event] | ExtractionError]]:
    """Each document with its events (or the error that stopped it), in input order.

    A document longer than the model accepts, up to `LONGEST_PARTS` times that, is cut into
    parts at paragraph breaks (see `eventx.longtext`); its events point into the whole text.
    """
    knowledge = knowledge_of(nlp)

    def whole(parts: Iterable[Document]) -> Iterator[tuple[Document, Result]]:
        for document, parsed in parse_documents(nlp, parts, batch_size, jobs, first_batches):
            if isinstance(parsed, ExtractionError):
                yield document, parsed
                continue
            try:
                yield document, doc_events(parsed, document, knowledge)
            except Exception as error:  # an extraction bug on one document must not end the run
                reason = f"extraction failed: {short(error)}"
                yield document, ExtractionError(document.doc_id, reason)

    yield from extract_in_parts(documents, nlp.max_length, whole, LONGEST_PARTS * nlp.max_length)


def extract_events(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
) -> Iterator[Event]:
    """Stream the events of documents; raises ExtractionError on a document that cannot be
    processed (use `extract_documents` to carry on past it)."""
    for _document, result in extract_documents(nlp, documents, batch_size, jobs):
        if isinstance(result, ExtractionError):
            raise result
        yield from result


def short(error: BaseException) -> str:
    """One line about an error: its type and message, whitespace collapsed, at most 300 chars."""
    return " ".join(f"{type(error).__name__}: {error}".split())[:300]
