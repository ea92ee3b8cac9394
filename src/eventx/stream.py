"""Streaming documents through an eventx pipeline: one result per document, failures included."""

from __future__ import annotations

import contextlib
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

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
    batch_size: int = 32,
    jobs: int = 1,
    first_batches: Sequence[int] = (),
    deadline: float | None = None,
) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    """Each document with its parsed Doc, in input order, streamed batch by batch.

    `first_batches` are the sizes of the batches before the first full one (see
    `warm_up_batches()`); they are ignored with `jobs` > 1, where workers stay busy anyway.

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
    if jobs > 1:
        yield from _parse_in_processes(nlp, documents, batch_size, jobs, deadline)
        return
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


# ---------------------------------------------------------------------------
# Several processes. Our own small pool rather than `nlp.pipe(n_process=...)`, whose
# workers can block forever on a pipe when one of them fails (a parent waiting on a
# child waiting on the parent); here a failure is a result like any other.

_WORKER_NLP: list[Language] = []  # the pipeline a forked worker inherits


def _worker_start() -> None:
    # Ctrl-C reaches the whole process group: the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _parse_batch(texts: list[str]) -> list[bytes | str]:
    """In a worker: each text's Doc as bytes, or why it failed."""
    nlp = _WORKER_NLP[-1]
    with _zone(nlp):
        try:
            return [doc.to_bytes() for doc in nlp.pipe(texts)]
        except Exception:
            pass
    results: list[bytes | str] = []
    for text in texts:
        with _zone(nlp):
            try:
                results.append(nlp(text).to_bytes())
            except Exception as failure:
                results.append(f"the pipeline failed: {short(failure)}")
    return results


# Seconds a worker may take over a batch before it is taken for stuck: far beyond what
# parsing needs (thousands of characters a second), so only a hang reaches it.
BATCH_DEADLINE = 600.0
_SLOWEST_CHARS_PER_SECOND = 1_000


def batch_deadline(texts: Sequence[str]) -> float:
    """How long a worker may take over these texts before it is killed as stuck."""
    return BATCH_DEADLINE + sum(len(text) for text in texts) / _SLOWEST_CHARS_PER_SECOND


def _kill_workers(pool: Any) -> None:
    """Stop a pool whose worker hangs: `shutdown` alone would wait on it forever."""
    # The executor keeps no public handle on its processes before Python 3.14's
    # `terminate_workers()`; `_processes` has held them since 3.2.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        with contextlib.suppress(Exception):
            worker.kill()
    for worker in workers:
        with contextlib.suppress(Exception):
            worker.join(timeout=10)


def _parse_in_processes(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int,
    jobs: int,
    deadline: float | None = None,
) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from itertools import islice

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_worker_start,
        )

    Batch = list[tuple[Document, ExtractionError | None]]
    source = iter(documents)
    in_flight: deque[tuple[Batch, Future[list[bytes | str]]]] = deque()
    _WORKER_NLP.append(nlp)
    pool = new_pool()

    def submit(batch: Batch) -> None:
        texts = [document.text for document, refusal in batch if refusal is None]
        try:
            future = pool.submit(_parse_batch, texts)
        except BrokenProcessPool as broken:  # a worker died since the last result
            future = Future()
            future.set_exception(broken)
        in_flight.append((batch, future))

    def results(
        batch: Batch, parsed: list[bytes | str]
    ) -> Iterator[tuple[Document, Doc | ExtractionError]]:
        done = iter(parsed)
        for document, refusal in batch:
            if refusal is not None:
                yield document, refusal
                continue
            result = next(done)
            if isinstance(result, str):
                yield document, ExtractionError(document.doc_id, result)
            else:
                yield document, Doc(nlp.vocab).from_bytes(result)

    def allowed(texts: Sequence[str]) -> float:
        return deadline if deadline is not None else batch_deadline(texts)

    def stuck(document: Document, seconds: float) -> ExtractionError:
        reason = (
            f"the worker process parsing it did not finish within {seconds:g} s and was "
            "stopped"
        )
        return ExtractionError(document.doc_id, reason)

    def replace_pool() -> None:
        nonlocal pool
        _kill_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)
        pool = new_pool()

    def alone(document: Document) -> Doc | ExtractionError:
        nonlocal pool
        seconds = allowed([document.text])
        try:
            [result] = pool.submit(_parse_batch, [document.text]).result(timeout=seconds)
        except TimeoutError:
            replace_pool()
            return stuck(document, seconds)
        except Exception as failure:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            reason = f"the worker process parsing it failed: {short(failure)}"
            return ExtractionError(document.doc_id, reason)
        if isinstance(result, str):
            return ExtractionError(document.doc_id, result)
        return Doc(nlp.vocab).from_bytes(result)

    try:
        exhausted = False
        while True:
            while not exhausted and len(in_flight) < 2 * jobs:
                batch = [(d, _refusal(nlp, d)) for d in islice(source, batch_size)]
                if not batch:
                    exhausted = True
                    break
                submit(batch)
            if not in_flight:
                return
            batch, future = in_flight.popleft()
            texts = [document.text for document, refusal in batch if refusal is None]
            seconds = allowed(texts)
            try:
                parsed = future.result(timeout=seconds)
            except TimeoutError:
                # A worker hangs (a component in an endless loop): kill the pool, and redo
                # this batch and those queued behind it alone, so only the stuck one is lost.
                waiting = [batch, *(queued for queued, _ in in_flight)]
                in_flight.clear()
                replace_pool()
                if len(texts) == 1:  # alone already: it is the one
                    waiting = waiting[1:]
                    for document, refusal in batch:
                        yield document, refusal if refusal is not None else stuck(document, seconds)
                for queued in waiting:
                    for document, refusal in queued:
                        yield document, refusal if refusal is not None else alone(document)
                continue
            except BrokenProcessPool:
                # A worker died (killed, out of memory): its batch and those queued behind
                # it are redone one document per task, so only the culprit is lost.
                waiting = [batch, *(queued for queued, _ in in_flight)]
                in_flight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                for queued in waiting:
                    for document, refusal in queued:
                        yield document, refusal if refusal is not None else alone(document)
                continue
            except Exception:
                # The batch could not travel (a result that does not pickle, say): redo it
                # here, one document at a time.
                for document, refusal in batch:
                    yield document, refusal if refusal is not None else _parse_one(nlp, document)
                continue
            with _zone(nlp):  # as in one process: memory stays flat
                yield from results(batch, parsed)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER_NLP.remove(nlp)


Result = list[Event] | ExtractionError
# Longer texts are refused rather than cut: at about 4,000 words a second, eight million
# characters already take several minutes, and a bigger "document" is rarely one.
LONGEST_PARTS = 8


def extract_documents(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = 32,
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
    nlp: Language, documents: Iterable[Document], batch_size: int = 32, jobs: int = 1
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
