"""The one JSON Lines reader: every reader of one-object-a-line files splits lines alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventx import jsonl, resources
from eventx.errors import RuleFileError
from eventx.evaluation.files import read_json_records

# U+2028 and U+0085 are valid unescaped inside JSON strings: they must not end a line.
ODD = "Talks ended\u2028late in Rivel\u0085on Monday."


def test_lines_split_on_newline_only_and_drop_a_carriage_return() -> None:
    text = '{"a": 1}\r\n\n' + json.dumps({"text": ODD}, ensure_ascii=False) + "\n   \n[2]"
    assert list(jsonl.nonblank_lines(text)) == [
        (1, '{"a": 1}'),
        (3, json.dumps({"text": ODD}, ensure_ascii=False)),
        (5, "[2]"),
    ]


def test_a_rule_file_line_holding_a_line_separator_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.jsonl"
    lines = [{"id": "x.one.v1", "note": ODD}, {"id": "x.two.v1"}]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n")
    assert [(number, data["id"]) for number, data in resources.json_objects(path)] == [
        (1, "x.one.v1"),
        (2, "x.two.v1"),
    ]


def test_gold_records_holding_a_line_separator_are_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": ODD}, ensure_ascii=False) + "\n")
    assert read_json_records(path) == [{"id": "d1", "text": ODD}]


def test_nesting_too_deep_is_bad_json_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.jsonl"
    path.write_text('{"id": "x.one.v1"}\n' + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(RuleFileError, match="nested too deeply") as caught:
        list(resources.json_objects(path))
    assert caught.value.line == 2
