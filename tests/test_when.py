"""Resolving date phrases against the document date: days, weeks, months, and no guesses."""

from __future__ import annotations

from datetime import date

import pytest

from eventx.extract.when import resolve_date

FRIDAY = date(2025, 4, 4)


@pytest.mark.parametrize(
    ("phrase", "planned", "expected", "precision"),
    [
        ("on Friday", False, date(2025, 4, 4), "day"),  # the document's own day
        ("Monday", False, date(2025, 3, 31), "day"),
        ("Monday", True, date(2025, 4, 7), "day"),  # a planned event looks ahead
        ("last Friday", False, date(2025, 3, 28), "day"),
        ("next Friday", True, date(2025, 4, 11), "day"),
        ("Thursday morning", False, date(2025, 4, 3), "day"),
        ("yesterday", False, date(2025, 4, 3), "day"),
        ("next month", True, date(2025, 5, 1), "month"),
        ("last week", False, date(2025, 3, 24), "week"),
        ("in March 2024", False, date(2024, 3, 1), "month"),
        ("in 2023", False, date(2023, 1, 1), "year"),
        ("12 March 2024", False, date(2024, 3, 12), "day"),
    ],
)
def test_phrases_resolve_against_the_document_date(
    phrase: str, planned: bool, expected: date, precision: str
) -> None:
    assert resolve_date(phrase, FRIDAY, prefer_future=planned) == (expected, precision)


@pytest.mark.parametrize(
    "phrase",
    ["recent years", "between 2020 and 2023", "the past decade", "the 12th", "March 0000"],
)
def test_vague_or_impossible_phrases_stay_unknown(phrase: str) -> None:
    assert resolve_date(phrase, FRIDAY, prefer_future=False) == (None, None)


@pytest.mark.parametrize("phrase", ["on Tuesday", "next month", "yesterday"])
def test_relative_phrases_need_a_document_date(phrase: str) -> None:
    assert resolve_date(phrase, None, prefer_future=False) == (None, None)


def test_dates_at_the_end_of_the_calendar_do_not_overflow() -> None:
    assert resolve_date("tomorrow", date(9999, 12, 31), prefer_future=True) == (None, None)
