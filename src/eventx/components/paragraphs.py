"""The `eventx_paragraphs` component: a blank line always ends a sentence.

Scraped news keeps subheadings and headlines on lines of their own without a full stop;
the statistical parser would glue "US conditions for renewed engagement" to the next
paragraph's first sentence. The parser respects sentence starts set before it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d


@Language.factory("eventx_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Paragraphs:
    """Build the paragraph-boundary component."""
    return Paragraphs(name)


class Paragraphs:
    """Marks the first token after a blank line as a sentence start."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        starts = [
            token.i + 1
            for token in doc[:-1]
            if ("\n\n" in token.whitespace_ or (token.is_space and "\n\n" in token.text))
            and not doc[token.i + 1].is_space
        ]
        mark_sentence_starts(doc, starts)
        return doc

    # Stateless: nothing to save.
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> Paragraphs:
        return self


def mark_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """Set sentence starts before the parser, all at once: setting `is_sent_start` token by
    token checks the whole Doc each time, which is quadratic on a long text."""
    if not starts:
        return
    values = doc.to_array([SENT_START]).reshape(-1, 1)
    values[starts, 0] = 1
    doc.from_array([SENT_START], cast("Ints2d", values))
