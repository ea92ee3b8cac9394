"""The model's attribute ruler and lemmatizer by lookup: its own annotations, for less.

spaCy's `AttributeRuler` (tag to part of speech and morphology, and the model's exceptions)
runs a `Matcher` over its ~180 patterns, trying each one at each token: about an eighth of the
model's time, as much as its parser. Nearly all of those patterns are one token with a `TAG`
and perhaps a `LOWER` value; those are looked up per token in a table instead, and only the
rest (dependencies, regular expressions, several tokens) go through a `Matcher`. The matches,
and their order (later patterns win), are exactly the ruler's own, so its `set_annotations`
applies them unchanged. The rule-based lemmatizer spends most of its time in Python calls per
token; its answer depends only on a token's form, part of speech and morphology, so answers are
kept by those and only new ones are asked of it. Nothing is saved with a pipeline, and
`eventx.pipeline` installs both again on every load.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc

Match = tuple[int, int, int, int]  # (pattern number, match id, start, end)
Token = tuple[int, int, int, int]  # (TAG, LOWER, DEP, IS_SPACE) of one token
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
Test = tuple[int, str, frozenset[int]]  # (field, "IN" or "NOT_IN", values)


def _tests(token: dict[str, Any], strings: StringStore) -> list[Test] | None:
    """A one-token pattern as tests on a token's fields, or None when it is not that plain
    (a regular expression, an operator, another attribute)."""
    tests: list[Test] = []
    for name, value in token.items():
        field = _FIELDS.get(name.upper())
        if field is None:
            return None
        if field == 3:
            if not isinstance(value, bool):
                return None
            tests.append((field, "IN", frozenset({int(value)})))
            continue
        if isinstance(value, str):
            value = {"IN": [value]}
        if not isinstance(value, dict) or len(value) != 1:
            return None
        ((kind, items),) = value.items()
        if kind not in ("IN", "NOT_IN") or not all(isinstance(item, str) for item in items):
            return None
        # The empty string is hash 0, an attribute not set: 'NOT_IN [""]' means "has one".
        tests.append((field, kind, frozenset(strings.add(item) if item else 0 for item in items)))
    return tests


def _passes(tests: list[Test], token: Token) -> bool:
    return all((token[field] in values) == (kind == "IN") for field, kind, values in tests)


class IndexedMatch:
    """`AttributeRuler.match`, with one-token patterns tested per token and the answers kept."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.plain: list[tuple[int, int, list[Test]]] = []  # (number, match id, tests)
        self.rest = Matcher(ruler.vocab)
        lowers: set[int] = set()
        entries: list[dict[str, Any]] = ruler.patterns  # type: ignore[assignment]
        for number, entry in enumerate(entries):
            key = strings.add(str(number))
            others = []
            for pattern in entry["patterns"]:
                tests = _tests(pattern[0], strings) if len(pattern) == 1 else None
                if tests is None:
                    others.append(pattern)
                    continue
                self.plain.append((number, key, tests))
                lowers |= {v for field, _, values in tests if field == 1 for v in values}
            if others:
                self.rest.add(key, others)
        # A word no pattern names answers as any such word: the answers stay few and the
        # cache stays small however many words a corpus brings.
        self.lowers = frozenset(lowers)
        self.answers: dict[Token, tuple[tuple[int, int], ...]] = {}

    def _answer(self, token: Token) -> tuple[tuple[int, int], ...]:
        found: list[tuple[int, int]] = []
        for number, key, tests in self.plain:
            if _passes(tests, token) and (number, key) not in found:
                found.append((number, key))  # the Matcher gives a span once per key
        return tuple(found)

    def __call__(self, doc: Doc) -> list[Match]:
        matches: set[Match] = set()
        answers, lowers = self.answers, self.lowers
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        for i, (tag, lower, dep, space) in enumerate(rows):
            token = (tag, lower if lower in lowers else 1, dep, space)
            found = answers.get(token)
            if found is None:
                found = answers[token] = self._answer(token)
            for number, key in found:
                matches.add((number, key, i, i + 1))
        for key, start, end in self.rest(doc, allow_missing=True, as_spans=False):
            matches.add((int(self.strings[key]), key, start, end))
        return sorted(matches)


def index_attribute_ruler(ruler: AttributeRuler) -> None:
    """Make `ruler` match by lookup (see the module docstring); its output does not change."""
    ruler.match = IndexedMatch(ruler)  # type: ignore[method-assign]


# Kept answers past this many are dropped, so that a long run's memory stays flat.
MOST_LEMMAS = 200_000


def _kept_call(self: Lemmatizer, doc: Doc) -> Doc:
    """`Lemmatizer.__call__` in the rule mode, with the answers kept by form, POS and morphology."""
    kept: dict[tuple[int, int, int], str] = self._eventx_kept  # type: ignore[attr-defined]
    if len(kept) > MOST_LEMMAS:
        kept.clear()
        self.cache.clear()
    strings = doc.vocab.strings
    rows: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
    changed = False
    for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
        if lemma and not self.overwrite:
            continue
        key = (orth, pos, morph)
        found = kept.get(key)
        if found is None:
            # Strings, not hashes: a memory zone forgets the strings it added when it closes.
            found = kept[key] = self.lemmatize(doc[i])[0]
        rows[i, 3] = strings.add(found)
        changed = True
    if changed:
        doc.from_array([LEMMA], rows[:, 3:4])
    return doc


@functools.cache
def _kept_class(base: type) -> type:
    # spaCy calls a component through its type, so the method is a subclass's, not the object's.
    return type(f"Kept{base.__name__}", (base,), {"__call__": _kept_call})


def index_lemmatizer(lemmatizer: Lemmatizer) -> None:
    """Make a rule-mode `lemmatizer` keep its answers (see the module docstring)."""
    if lemmatizer.mode == "rule" and not hasattr(lemmatizer, "_eventx_kept"):
        lemmatizer._eventx_kept = {}  # type: ignore[attr-defined]
        base: type = type(lemmatizer)
        lemmatizer.__class__ = _kept_class(base)
