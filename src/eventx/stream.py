"""Streaming documents through an eventx pipeline: one result per document, failures included."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ExtractionError
from .extract import doc_events
from .pipeline import knowledge_of
from .schema import Document, Event


def parse_documents(
    nlp: Language, documents: Iterable[Document], batch_size: int = 32, jobs: int = 1
) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    """Each document with its parsed Doc, in input order, streamed batch by batch.

    A document the pipeline cannot process (longer than the model accepts, or one that
    makes a component raise) comes back with an `ExtractionError` instead, and the stream
    goes on. An error raised by `documents` itself is not a document's failure: it ends
    the stream and reaches the caller. `jobs` > 1 parses in that many processes.
    """
    source = iter(documents)
    # Documents fed to the pipe, in order; a refused one carries its error and no text.
    pending: deque[tuple[Document, ExtractionError | None]] = deque()
    source_error: list[BaseException] = []

    def feed() -> Iterator[str]:
        while True:
            try:
                document = next(source)
            except StopIteration:
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
        try:
            for doc in nlp.pipe(feed(), batch_size=batch_size, n_process=jobs):
                yield from refused()
                document, _ = pending.popleft()
                yield document, doc
            yield from refused()
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
    nlp: Language, documents: Iterable[Document], batch_size: int = 32, jobs: int = 1
) -> Iterator[tuple[Document, list[Event] | ExtractionError]]:
    """Each document with its events (or the error that stopped it), in input order."""
    knowledge = knowledge_of(nlp)
    for document, parsed in parse_documents(nlp, documents, batch_size, jobs):
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
