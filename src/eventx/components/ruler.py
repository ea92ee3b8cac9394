"""The `eventx_ruler` component: an entity ruler for thousands of names that builds in milliseconds.

spaCy's entity_ruler tokenizes every phrase pattern when it is built, creating a lexeme for
each unseen word: about 0.7 s for eventx's place names alone. This ruler instead indexes
the names by their first characters and matches them against the document text at token
boundaries, so it needs no tokenization at build time. It reads the same pattern lines
(`label`, `pattern`, `id`); token patterns (lists of dicts) go to a spaCy Matcher. Within a
ruler the longest match wins; a ruler never overrides entities already set, so rulers
placed earlier take precedence, as with spaCy's own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resources
from ..schema import PatternLine

PREFIX = 3


# Prepositions after which an ambiguous name ("Nice", "Split") is a place: "talks in Nice".
LOCATIVE = frozenset({"in", "to", "from", "at", "near", "outside", "around", "toward", "towards"})


@Language.factory(
    "eventx_ruler",
    default_config={"family": None, "after_preposition": False},
    assigns=["doc.ents"],
    requires=[],
)
def make_ruler(
    nlp: Language, name: str, family: str | None, after_preposition: bool
) -> EntityRuler:
    """A ruler loaded with one shipped family of rules ('eventx_places', ...) or empty.

    With `after_preposition`, a match counts only right after a locative preposition.
    """
    ruler = EntityRuler(nlp, name, after_preposition=after_preposition)
    if family:
        ruler.add_patterns(resources.shipped_patterns(family))
    return ruler


class PhraseIndex:
    """Phrase patterns indexed by their first characters, then by their length.

    Adding is constant time (no re-sorting per pattern: 100,000 names sharing a prefix load
    in a second), and a match attempt costs one lookup per distinct pattern length in the
    bucket, not one comparison per pattern.
    """

    def __init__(self) -> None:
        # prefix -> length -> pattern -> (label, id) of the first line with that pattern
        self.by_prefix: dict[str, dict[int, dict[str, tuple[str, str]]]] = {}
        self._lengths: dict[str, list[int]] = {}
        self.initials: set[str] = set()  # the first character of some pattern

    def add(self, pattern: str, label: str, entity_id: str) -> None:
        prefix = pattern[:PREFIX]
        self.initials.add(pattern[:1])
        by_length = self.by_prefix.setdefault(prefix, {})
        if len(pattern) not in by_length:
            by_length[len(pattern)] = {}
            self._lengths.pop(prefix, None)
        by_length[len(pattern)].setdefault(pattern, (label, entity_id))

    def _longest_first(self, prefix: str) -> list[int]:
        lengths = self._lengths.get(prefix)
        if lengths is None:
            lengths = self._lengths[prefix] = sorted(self.by_prefix[prefix], reverse=True)
        return lengths

    def spans(self, doc: Doc) -> list[Span]:
        """Every match that starts and ends on token boundaries, longest first at each token."""
        text = doc.text
        # Offsets as integers, without a Token object per token: this runs on every token
        # of every document, once per ruler.
        offsets: list[list[int]] = doc.to_array([IDX, LENGTH]).tolist()
        ends = {start + length: i + 1 for i, (start, length) in enumerate(offsets)}
        initials = self.initials
        found: list[Span] = []
        for i, (start, _) in enumerate(offsets):
            if text[start] not in initials:
                continue
            for width in range(PREFIX, 0, -1):
                prefix = text[start : start + width]
                by_length = self.by_prefix.get(prefix)
                if by_length is None:
                    continue
                for length in self._longest_first(prefix):
                    end = ends.get(start + length)
                    if end is None:
                        continue
                    hit = by_length[length].get(text[start : start + length])
                    if hit is not None:
                        found.append(Span(doc, i, end, label=hit[0], span_id=hit[1]))
        return found


class EntityRuler:
    """Sets entities from pattern lines; see the module docstring for how it matches."""

    def __init__(self, nlp: Language, name: str, *, after_preposition: bool = False) -> None:
        self.name = name
        self.after_preposition = after_preposition
        self.vocab = nlp.vocab
        self.lines: list[PatternLine] = []
        self.phrases = PhraseIndex()
        self.matcher = Matcher(nlp.vocab)
        self.token_keys: dict[str, tuple[str, str]] = {}

    def add_patterns(self, lines: Iterable[PatternLine]) -> None:
        for line in lines:
            self.lines.append(line)
            if isinstance(line.pattern, str):
                self.phrases.add(line.pattern, line.label, line.id)
            else:
                key = f"{line.label}|{line.id}"
                self.token_keys[key] = (line.label, line.id)
                self.matcher.add(key, [line.pattern])  # type: ignore[list-item]

    def __len__(self) -> int:
        return len(self.lines)

    def __call__(self, doc: Doc) -> Doc:
        found = self.phrases.spans(doc)
        matches = self.matcher(doc) if self.token_keys else []
        for key, start, end in matches:
            label, entity_id = self.token_keys[self.vocab.strings[key]]
            found.append(Span(doc, start, end, label=label, span_id=entity_id))
        if self.after_preposition:
            found = [s for s in found if s.start > 0 and doc[s.start - 1].lower_ in LOCATIVE]
        if not found:
            return doc
        kept = list(doc.ents)
        if self.after_preposition:
            # After "in"/"to", our place beats the statistical NER's guess ("to Split" is
            # not a person), but never another ruler's entity (those carry an id).
            covered = {i for span in filter_spans(found) for i in range(span.start, span.end)}
            kept = [
                ent for ent in kept if ent.ent_id_ or covered.isdisjoint(range(ent.start, ent.end))
            ]
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        fresh = [s for s in filter_spans(found) if not taken.intersection(range(s.start, s.end))]
        if fresh or len(kept) != len(doc.ents):
            doc.ents = sorted([*kept, *fresh], key=lambda span: span.start)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> None:
        directory = Path(path)
        directory.mkdir(parents=True, exist_ok=True)
        with (directory / "patterns.jsonl").open("w", encoding="utf-8") as handle:
            for line in self.lines:
                data = line.model_dump(exclude_none=True)
                handle.write(json.dumps(data, ensure_ascii=False) + "\n")

    def from_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> EntityRuler:
        self.lines = []
        self.phrases = PhraseIndex()
        self.matcher = Matcher(self.vocab)
        self.token_keys = {}
        self.add_patterns(resources.read_patterns(Path(path) / "patterns.jsonl"))
        return self
