"""A corpus named by date dates its documents: the date in an id or a file name."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from eventx.io import date_in_name

Run = Callable[..., Result]
WIRE = (
    "NAIROBI, Kenya (Newswire) — Kenyan President William Ruto met Ghana's President "
    "John Mahama in Nairobi on Tuesday to discuss regional trade, officials said.\n"
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("VOA_EN_NW_2016.05.20.3338580", date(2016, 5, 20)),
        ("2024-03-07-summit-talks", date(2024, 3, 7)),
        ("wire_2019_11_30", date(2019, 11, 30)),
        ("20160520-ap", date(2016, 5, 20)),
        ("story-3338580", None),  # a story number is no date
        ("120160520", None),  # nor eight digits inside a longer number
        ("2016-13-01", None),
        ("2023-02-30", None),
        ("2016-05-20_to_2016-05-27", None),  # two dates: which one the story is from is unknown
        ("2016-05-20-2016-05-20", date(2016, 5, 20)),
    ],
)
def test_the_date_a_name_gives(name: str, expected: date | None) -> None:
    assert date_in_name(name) == expected


def _dates(result: Result) -> list[str | None]:
    assert result.exit_code == 0, result.output
    return [json.loads(line)["date"] for line in result.stdout.splitlines() if line.strip()]


def test_a_file_named_by_date_resolves_the_weekday_against_that_date(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "2024-03-07-ruto-mahama.txt").write_text(WIRE, encoding="utf-8")
    assert _dates(run(tmp_path, "-f", "jsonl")) == ["2024-03-05"]  # the Tuesday before


def test_the_name_comes_before_date_and_a_date_field_before_the_name(
    run: Run, tmp_path: Path
) -> None:
    named = tmp_path / "named"
    named.mkdir()
    (named / "2024-03-07-ruto-mahama.txt").write_text(WIRE, encoding="utf-8")
    (named / "undated.txt").write_text(WIRE, encoding="utf-8")
    dates = _dates(run(named, "-f", "jsonl", "--date", "2024-06-14"))
    assert sorted(dates) == ["2024-03-05", "2024-06-11"]
    fielded = tmp_path / "wire.jsonl"
    record = {"id": "2024-03-07-ruto-mahama", "date": "2024-10-03", "text": WIRE}
    fielded.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert _dates(run(fielded, "-f", "jsonl")) == ["2024-10-01"]
