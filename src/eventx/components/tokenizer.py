"""A tokenizer guard that keeps spaCy's tokenizer linear on runs of punctuation.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free chunk one at a time,
copying the rest of the chunk each time, so a chunk of thousands of punctuation marks
("*****...", "?!?!...", "'s's's...") takes time quadratic in its length: 20 KB of `*` took
37 s. The guard leaves ordinary text to the wrapped tokenizer untouched (one call, same
tokens) and only when the text holds a hazard does it split the work:

- a run of marks (anything but letters, digits and spaces) longer than `max_run` becomes a
  single token: a rule of `*` or `=`, a wall of `?!`;
- a whitespace-free chunk longer than `max_chunk` is tokenized in pieces of at most
  `max_chunk` characters, which bounds the tokenizer's work per character.

The document text is never changed, so every offset still points into the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

GUARD = "eventx.GuardedTokenizer.v1"
MAX_RUN = 16
MAX_CHUNK = 200

_CHUNKS = re.compile(r"\S+")

Stretch = tuple[int, int, bool]  # start, end, and whether it is one token as it stands


@spacy.registry.tokenizers(GUARD)
def create_guarded_tokenizer(
    inner: Callable[[Language], Callable[[str], Doc]],
    max_run: int = MAX_RUN,
    max_chunk: int = MAX_CHUNK,
) -> Callable[[Language], GuardedTokenizer]:
    """The guard around the tokenizer `inner` builds (spaCy's own, in saved pipelines)."""

    def make(nlp: Language) -> GuardedTokenizer:
        return GuardedTokenizer(inner(nlp), nlp.vocab, max_run=max_run, max_chunk=max_chunk)

    return make


def guard_tokenizer(nlp: Language) -> None:
    """Put the guard around `nlp`'s tokenizer, in the pipeline and in its config, so that a
    pipeline saved with `to_disk` loads with the guard under plain `spacy.load`."""
    if isinstance(nlp.tokenizer, GuardedTokenizer):
        return
    inner_config = nlp.config["nlp"]["tokenizer"]
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer, nlp.vocab)
    nlp.config["nlp"]["tokenizer"] = {
        "@tokenizers": GUARD,
        "inner": inner_config,
        "max_run": MAX_RUN,
        "max_chunk": MAX_CHUNK,
    }


class GuardedTokenizer:
    """Calls the wrapped tokenizer, splitting out the hazards the module docstring names."""

    def __init__(
        self,
        tokenizer: Callable[[str], Doc],
        vocab: Vocab,
        *,
        max_run: int = MAX_RUN,
        max_chunk: int = MAX_CHUNK,
    ) -> None:
        if max_run < 1 or max_chunk < 1:
            raise ValueError("max_run and max_chunk must be positive")
        self.tokenizer = tokenizer
        self.vocab = vocab
        self.max_run = max_run
        self.max_chunk = max_chunk
        # Marks: anything but letters, digits and spaces (the underscore counts as a mark).
        self._run = re.compile(rf"(?:[^\w\s]|_){{{max_run + 1},}}")
        # Anchored at a chunk's first character, so short chunks are not rescanned.
        self._chunk = re.compile(rf"(?<!\S)\S{{{max_chunk + 1},}}")

    def __call__(self, text: str) -> Doc:
        if self._run.search(text) is None and self._chunk.search(text) is None:
            return self.tokenizer(text)
        docs = [self._tokens(text, start, end, whole) for start, end, whole in self.plan(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def plan(self, text: str) -> list[Stretch]:
        """The stretches the text is tokenized in, in order, covering it exactly."""
        stretches: list[Stretch] = []
        position = 0
        for run in self._run.finditer(text):
            stretches += self._pieces(text, position, run.start())
            stretches.append((run.start(), _past_one_space(text, run.end()), True))
            position = stretches[-1][1]
        stretches += self._pieces(text, position, len(text))
        return stretches

    def _pieces(self, text: str, start: int, end: int) -> list[Stretch]:
        """Ordinary stretches, with over-long chunks cut into pieces of `max_chunk`."""
        pieces: list[Stretch] = []
        position = start
        for chunk in _CHUNKS.finditer(text, start, end):
            if chunk.end() - chunk.start() <= self.max_chunk:
                continue
            if position < chunk.start():
                pieces.append((position, chunk.start(), False))
            for cut in range(chunk.start(), chunk.end(), self.max_chunk):
                piece_end = min(cut + self.max_chunk, chunk.end())
                if piece_end == chunk.end():
                    piece_end = min(_past_one_space(text, piece_end), end)
                pieces.append((cut, piece_end, False))
            position = pieces[-1][1]
        if position < end:
            pieces.append((position, end, False))
        return pieces

    def _tokens(self, text: str, start: int, end: int, whole: bool) -> Doc:
        if not whole:
            return self.tokenizer(text[start:end])
        word = text[start:end].removesuffix(" ")
        return Doc(self.vocab, words=[word], spaces=[len(word) < end - start])

    # spaCy saves and loads the tokenizer's own settings (exceptions, affix rules).
    def to_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> None:
        self.tokenizer.to_disk(path, exclude=exclude)  # type: ignore[attr-defined]

    def from_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> GuardedTokenizer:
        self.tokenizer.from_disk(path, exclude=exclude)  # type: ignore[attr-defined]
        return self

    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return self.tokenizer.to_bytes(exclude=exclude)  # type: ignore[attr-defined,no-any-return]

    def from_bytes(self, data: bytes, *, exclude: Sequence[str] = ()) -> GuardedTokenizer:
        self.tokenizer.from_bytes(data, exclude=exclude)  # type: ignore[attr-defined]
        return self

    def __getattr__(self, name: str) -> Any:
        # Everything else (explain, rules, memory_zone, ...) is the wrapped tokenizer's.
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _past_one_space(text: str, end: int) -> int:
    """`end`, moved past one following space: a token's trailing space belongs to it."""
    return end + 1 if text.startswith(" ", end) else end
