"""JSON Lines: the one reader of one-value-a-line text (rule files, gold, records, inputs)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


class NestedTooDeeply(ValueError):
    """A JSON value nested deeper than the parser can follow; bad JSON like any other."""


def lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) for every line, a trailing "\\r" dropped.

    Lines are split on "\\n" only: U+2028, U+0085 and friends are valid inside JSON strings,
    so `str.splitlines` would cut a record in two.
    """
    start, number = 0, 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        number += 1
        yield number, text[start:end].removesuffix("\r")
        start = end + 1


def nonblank_lines(text: str) -> Iterator[tuple[int, str]]:
    """`lines` without the blank ones, which JSON Lines readers skip."""
    for number, line in lines(text):
        if line.strip():
            yield number, line


def loads(line: str) -> Any:
    """One JSON value. Bad JSON is a `json.JSONDecodeError`, nesting too deep a
    `NestedTooDeeply`, a number too long to convert another `ValueError`: all ValueErrors."""
    try:
        return json.loads(line)
    except RecursionError as error:
        raise NestedTooDeeply("nested too deeply") from error
