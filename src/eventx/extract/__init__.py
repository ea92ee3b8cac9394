"""Pure extraction: a parsed Doc plus its document context in, validated event records out."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ExtractionError
from ..schema import Document, Event
from .event import doc_events

__all__ = ["doc_events", "extract_documents", "extract_events"]


def extract_documents(
    nlp: Language, documents: Iterable[Document], batch_size: int = 32, jobs: int = 1
) -> Iterator[tuple[Document, list[Event] | ExtractionError]]:
    """Each document with its events, in input order, streamed batch by batch.

    `jobs` > 1 parses in that many processes; the output is the same, in the same order.

    A document that cannot be processed (longer than the model accepts, or one that makes a
    pipeline component or the extraction raise) comes back with an `ExtractionError` instead
    of events, and the stream goes on with the next one.
    """
    from ..pipeline import knowledge_of

    knowledge = knowledge_of(nlp)
    source = iter(documents)
    # Documents fed to the pipe, in order; a refused one carries its error and no text.
    pending: deque[tuple[Document, ExtractionError | None]] = deque()

    def feed() -> Iterator[str]:
        for document in source:
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

    def events_of(doc: Doc, document: Document) -> list[Event] | ExtractionError:
        try:
            return doc_events(doc, document, knowledge)
        except Exception as error:  # an extraction bug on one document must not end the run
            return ExtractionError(document.doc_id, f"extraction failed: {_short(error)}")

    while True:
        try:
            for doc in nlp.pipe(feed(), batch_size=batch_size, n_process=jobs):
                yield from refused()
                document, _ = pending.popleft()
                yield document, events_of(doc, document)
            yield from refused()
            return
        except Exception:
            # A component raised somewhere in the batch: redo its unfinished documents one
            # at a time to name the one at fault, then go on with a fresh pipe.
            retry = list(pending)
            pending.clear()
            for document, error in retry:
                if error is not None:
                    yield document, error
                    continue
                try:
                    doc = nlp(document.text)
                except Exception as failure:
                    reason = f"the pipeline failed: {_short(failure)}"
                    yield document, ExtractionError(document.doc_id, reason)
                    continue
                yield document, events_of(doc, document)


def extract_events(
    nlp: Language, documents: Iterable[Document], batch_size: int = 32, jobs: int = 1
) -> Iterator[Event]:
    """Stream the events of documents through an eventx pipeline; raises ExtractionError on a
    document that cannot be processed (use `extract_documents` to carry on past it)."""
    for _document, result in extract_documents(nlp, documents, batch_size, jobs):
        if isinstance(result, ExtractionError):
            raise result
        yield from result


def _short(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:300]
