"""Parsing in several processes (`--jobs N`): workers forked early, never waited on when stuck.

Our own small pool rather than `nlp.pipe(n_process=...)`, whose workers can block forever on
a pipe when one of them fails (a parent waiting on a child waiting on the parent); here a
failure is a result like any other. Workers are forked processes that inherit the parent's
pipeline, so they start at once; `started()` forks them before a caller starts any thread
(a progress display), since a fork copies locks other threads may hold.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ExtractionError
from .schema import Document
from .stream import _parse_one, _refusal, _zone, short

_WORKER_NLP: list[Language] = []  # the pipeline a forked worker inherits
# Pools forked by `started()`, waiting for the run to use them: (pipeline, jobs, pool).
_READY: list[tuple[Language, int, ProcessPoolExecutor]] = []


def _worker_start() -> None:
    # Ctrl-C reaches the whole process group: the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _ready() -> bool:
    return True


# What a worker's Doc leaves behind on its way back: the extraction reads no token vectors
# (`doc.tensor`, the shared tok2vec's output), which were three quarters of the bytes.
_NOT_SENT = ("tensor",)


def _parse_batch(texts: list[str]) -> list[bytes | str]:
    """In a worker: each text's Doc as bytes, or why it failed."""
    nlp = _WORKER_NLP[-1]
    with _zone(nlp):
        try:
            return [doc.to_bytes(exclude=_NOT_SENT) for doc in nlp.pipe(texts)]
        except Exception:
            pass
    results: list[bytes | str] = []
    for text in texts:
        with _zone(nlp):
            try:
                results.append(nlp(text).to_bytes(exclude=_NOT_SENT))
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


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_worker_start,
    )
    # With fork, the first task forks every worker and only then starts the pool's own
    # thread: do it now, while this process may still have no other thread.
    pool.submit(_ready).result()
    return pool


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once: `shutdown(wait=True)` would wait on a stuck worker forever."""
    # The executor keeps no public handle on its processes before Python 3.14's
    # `terminate_workers()`; `_processes` has held them since 3.2.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        with contextlib.suppress(Exception):
            worker.kill()
    for worker in workers:
        with contextlib.suppress(Exception):
            worker.join(timeout=10)
    pool.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def started(nlp: Language, jobs: int) -> Iterator[None]:
    """Fork `jobs` workers for `nlp` now, for the next `parse_in_processes` on it to use.

    Call it before starting any thread; the workers are stopped (killed if busy) on leaving.
    """
    if jobs <= 1:
        yield
        return
    _WORKER_NLP.append(nlp)
    pool = _new_pool(jobs)
    entry = (nlp, jobs, pool)
    _READY.append(entry)
    try:
        yield
    finally:
        if entry in _READY:
            _READY.remove(entry)
            _kill_workers(pool)
        _WORKER_NLP.remove(nlp)


def _take_ready(nlp: Language, jobs: int) -> ProcessPoolExecutor | None:
    for entry in _READY:
        if entry[0] is nlp and entry[1] == jobs:
            _READY.remove(entry)
            return entry[2]
    return None


Batch = list[tuple[Document, ExtractionError | None]]


def parse_in_processes(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int,
    jobs: int,
    deadline: float | None = None,
) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    """`stream.parse_documents` in `jobs` processes: the same results, in input order.

    Uses the workers `started()` forked for `nlp`, else forks its own. A consumer that stops
    early (closes the stream, or an exception ends it) kills the workers instead of waiting
    for batches they may never finish.
    """
    source = iter(documents)
    in_flight: deque[tuple[Batch, Future[list[bytes | str]]]] = deque()
    _WORKER_NLP.append(nlp)
    pool = _take_ready(nlp, jobs) or _new_pool(jobs)

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
            f"the worker process parsing it did not finish within {seconds:g} s and was stopped"
        )
        return ExtractionError(document.doc_id, reason, transient=True)

    def replace_pool() -> None:
        nonlocal pool
        _kill_workers(pool)
        pool = _new_pool(jobs)

    def alone(document: Document) -> Doc | ExtractionError:
        seconds = allowed([document.text])
        try:
            [result] = pool.submit(_parse_batch, [document.text]).result(timeout=seconds)
        except TimeoutError:
            replace_pool()
            return stuck(document, seconds)
        except Exception as failure:
            replace_pool()
            reason = f"the worker process parsing it failed: {short(failure)}"
            return ExtractionError(document.doc_id, reason, transient=True)
        if isinstance(result, str):
            return ExtractionError(document.doc_id, result)
        return Doc(nlp.vocab).from_bytes(result)

    finished = False
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
                finished = True
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
                replace_pool()
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
        if finished:  # every batch came back: the workers are idle
            pool.shutdown(wait=True, cancel_futures=True)
        else:  # stopped early: a worker may be stuck on a batch nobody wants now
            _kill_workers(pool)
        _WORKER_NLP.remove(nlp)
