"""Pure extraction: a parsed Doc plus its document context in, validated event records out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from ..schema import Document, Event
from .event import doc_events

__all__ = ["doc_events", "extract_events"]


def extract_events(
    nlp: Language, documents: Iterable[Document], batch_size: int = 32
) -> Iterator[Event]:
    """Stream events from documents through an eventx pipeline, batch by batch."""
    from ..pipeline import knowledge_of

    knowledge = knowledge_of(nlp)
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield from doc_events(doc, document, knowledge)
