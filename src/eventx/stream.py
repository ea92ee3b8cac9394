"""Streaming documents through an eventx pipeline: one result per document, failures included."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ExtractionError
from .extract import doc_events
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
) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    """Each document with its parsed Doc, in input order, streamed batch by batch.

    `first_batches` are the sizes of the batches before the first full one (see
    `warm_up_batches()`); they are ignored with `jobs` > 1, where each batch would start
    its processes anew.

    A document the pipeline cannot process (longer than the model accepts, or one that
    makes a component raise) comes back with an `ExtractionError` instead, and the stream
    goes on. An error raised by `documents` itself is not a document's failure: it ends
    the stream and reaches the caller. `jobs` > 1 parses in that many processes.
    """
    source = iter(documents)
    # Documents fed to the pipe, in order; a refused one carries its error and no text.
    pending: deque[tuple[Document, ExtractionError | None]] = deque()
    source_error: list[BaseException] = []
    exhausted: list[bool] = []
    schedule = iter(first_batches if jobs == 1 else ())

    def feed() -> Iterator[str]:
        while True:
            try:
                document = next(source)
            except StopIteration:
                exhausted.append(True)
                return
            except Exception as error:  # the caller's input failed, not the pipeline
                source_error.append(error)
                return
            if len(document.text) > nlp.max_length:
                reason = (
                    f"document is {len(document.text):,} characters, above the model's limit "
                    f"of {nlp.max_length:,}; split it into smaller documents"
                )
                pending.append((document, ExtractionError(document.doc_id, reason)))
                continue
            pending.append((document, None))
            yield document.text

    def refused() -> Iterator[tuple[Document, ExtractionError]]:
        while pending and pending[0][1] is not None:
            document, error = pending.popleft()
            assert error is not None
            yield document, error

    while True:
        # A small batch is one pipe over that many documents; then one pipe for the rest.
        size = next(schedule, None)
        texts = feed() if size is None else islice(feed(), size)
        try:
            for doc in nlp.pipe(texts, batch_size=size or batch_size, n_process=jobs):
                yield from refused()
                document, _ = pending.popleft()
                yield document, doc
            yield from refused()
            if size is None or exhausted or source_error:
                break
        except Exception:
            # A component raised somewhere in the batch: redo its unfinished documents one
            # at a time to name the one at fault, then go on with a fresh pipe.
            retry = list(pending)
            pending.clear()
            for document, refusal in retry:
                if refusal is not None:
                    yield document, refusal
                    continue
                try:
                    yield document, nlp(document.text)
                except Exception as failure:
                    reason = f"the pipeline failed: {short(failure)}"
                    yield document, ExtractionError(document.doc_id, reason)
            if source_error:
                break
    if source_error:
        raise source_error[0]


def extract_documents(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = 32,
    jobs: int = 1,
    first_batches: Sequence[int] = (),
) -> Iterator[tuple[Document, list[Event] | ExtractionError]]:
    """Each document with its events (or the error that stopped it), in input order."""
    knowledge = knowledge_of(nlp)
    for document, parsed in parse_documents(nlp, documents, batch_size, jobs, first_batches):
        if isinstance(parsed, ExtractionError):
            yield document, parsed
            continue
        try:
            yield document, doc_events(parsed, document, knowledge)
        except Exception as error:  # an extraction bug on one document must not end the run
            yield document, ExtractionError(document.doc_id, f"extraction failed: {short(error)}")


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
