"""Texts longer than the model accepts: parts cut at paragraph breaks, offsets into the whole.

spaCy refuses a text over `nlp.max_length` characters (its parser and NER would need about a
gigabyte per 100,000 characters). Such a document is cut into parts no longer than the limit,
at a blank line where there is one, else at a line break, else after a sentence's full stop,
else at a space, else anywhere; each part is extracted on its own and its events are moved
back into the whole text's offsets, with the ids a whole-text run would give them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .errors import ExtractionError
from .schema import Document, Event, stable_id

# Where a part may end, best first: after a blank line, a line break, a full stop, a space.
BREAKS = ("\n\n", "\n", ". ", " ")


def cut_points(text: str, limit: int) -> list[int]:
    """Offsets where the parts of `text` start: 0, then one per cut, each part <= limit."""
    starts = [0]
    while len(text) - starts[-1] > limit:
        start = starts[-1]
        window = text[start : start + limit]
        end = limit
        for mark in BREAKS:
            found = window.rfind(mark, limit // 2)
            if found > 0:
                end = found + len(mark)
                break
        starts.append(start + end)
    return starts


def _moved(event: Event, offset: int) -> Event:
    """The event as the whole document has it: offsets shifted, id from the whole's offset."""

    def shift(value: int | None) -> int | None:
        return None if value is None else value + offset

    update: dict[str, object] = {
        "start": event.start + offset,
        "end": event.end + offset,
        "trigger_start": event.trigger_start + offset,
        "trigger_end": event.trigger_end + offset,
        "id": stable_id(event.doc_id, event.event, event.mode, event.trigger_start + offset),
        "actors": [
            a.model_copy(update={"start": a.start + offset, "end": a.end + offset})
            for a in event.actors
        ],
        "recipients": [
            a.model_copy(update={"start": a.start + offset, "end": a.end + offset})
            for a in event.recipients
        ],
    }
    if event.location is not None:
        update["location"] = event.location.model_copy(
            update={"start": shift(event.location.start), "end": shift(event.location.end)}
        )
    return event.model_copy(update=update)


Extractor = Callable[[Iterable[Document]], Iterator[tuple[Document, list[Event] | ExtractionError]]]


def extract_in_parts(
    documents: Iterable[Document], limit: int, extract: Extractor, longest: int | None = None
) -> Iterator[tuple[Document, list[Event] | ExtractionError]]:
    """`extract` over documents, a document over `limit` characters cut into parts and put
    back together: one result per document given, in order. A part that fails fails its
    document, with the reason and where the part starts. A document over `longest`
    characters goes to `extract` whole, to be refused there."""
    plan: list[tuple[Document, int, bool]] = []  # (original, part offset, last part)

    def parts() -> Iterator[Document]:
        for document in documents:
            size = len(document.text)
            if size <= limit or (longest is not None and size > longest):
                plan.append((document, 0, True))
                yield document
                continue
            starts = cut_points(document.text, limit)
            for number, start in enumerate(starts):
                end = starts[number + 1] if number + 1 < len(starts) else len(document.text)
                plan.append((document, start, number + 1 == len(starts)))
                yield document.model_copy(update={"text": document.text[start:end]})

    events: list[Event] = []
    failure: ExtractionError | None = None
    step = 0
    for _, result in extract(parts()):
        original, offset, last = plan[step]
        step += 1
        if isinstance(result, ExtractionError):
            if failure is None:
                reason = result.reason if offset == 0 else f"{result.reason} (part at {offset:,})"
                failure = ExtractionError(original.doc_id, reason)
        elif failure is None:
            events += [_moved(event, offset) for event in result] if offset else result
        if last:
            yield original, failure if failure is not None else events
            events, failure = [], None
        if step > 1024:  # the plan only needs what is still in flight
            del plan[:step]
            step = 0
