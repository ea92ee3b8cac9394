"""eventx: extract diplomatic events from news text as validated records.

    import eventx
    nlp = eventx.load()                                   # spaCy pipeline with eventx's rules
    for event in eventx.extract_events(nlp, ["Mali's foreign minister met ..."]):
        print(event.event, [a.name for a in event.actors])

The heavy parts (spaCy, the rule files, even pydantic and the record types) load on first
use, so `import eventx` stays fast and `eventx --help` never waits for them.
The function is `extract_events`, not `extract`: `eventx.extract` is the package of pure
extraction functions, and a submodule import would shadow a function of that name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from .schema import SCHEMA_VERSION, Actor, Document, Event, Place, Status

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Document",
    "Event",
    "Place",
    "Status",
    "__version__",
    "extract_events",
    "load",
]


_FROM_SCHEMA = frozenset({"SCHEMA_VERSION", "Actor", "Document", "Event", "Place", "Status"})


def __getattr__(name: str) -> Any:
    # The record types live in `schema` (pydantic); import it when one is first asked for.
    if name in _FROM_SCHEMA:
        from . import schema

        return getattr(schema, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load(model: str | None = None, patterns: Iterable[str] = ()) -> Language:
    """The eventx pipeline on `model` (default: the best installed English pipeline), with
    extra pattern files if given."""
    from pathlib import Path

    from .pipeline import load_pipeline

    return load_pipeline(model, [Path(path) for path in patterns])


def extract_events(nlp: Language, texts: Iterable[str | Document]) -> Iterator[Event]:
    """Events from texts or Documents, streamed; a plain text gets a hash of itself as id."""
    from .schema import Document
    from .stream import extract_events as stream_events

    def documents() -> Iterator[Document]:
        for item in texts:
            if isinstance(item, Document):
                yield item
            else:
                from .schema import stable_id

                yield Document(doc_id=stable_id(item, length=12), text=item)

    return stream_events(nlp, documents())
