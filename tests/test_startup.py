"""`eventx --help`, `--version` and `schema` answer at once: they never import spaCy.

Checked by what a fresh interpreter has imported once the command is done, not by timing.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CHILD = """
import contextlib, io, json, sys
sys.argv = ["eventx", *json.loads(sys.argv[1])]
from eventx.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    try:
        main()
    except SystemExit as stop:
        code = stop.code
heavy = ["spacy", "thinc", "pydantic", "rich.table", "rich.progress", "trafilatura", "dateparser"]
print(json.dumps({"code": code, "out": out.getvalue(),
                  "imported": [name for name in heavy if name in sys.modules]}))
"""


def run_child(*args: str) -> dict[str, object]:
    finished = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(finished.stdout)
    return result


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["--version"]])
def test_help_and_version_import_neither_spacy_nor_pydantic(args: list[str]) -> None:
    result = run_child(*args)
    assert result["code"] in (0, None)
    assert result["out"]
    assert result["imported"] == []


def test_a_command_help_does_not_load_spacy() -> None:
    # Typer itself may use pydantic to read option values; spaCy stays out.
    result = run_child("extract", "--help")
    assert "Usage: eventx extract" in str(result["out"])
    assert not {"spacy", "thinc", "rich.table"} & set(result["imported"])  # type: ignore[arg-type]


def test_schema_needs_pydantic_but_not_spacy() -> None:
    result = run_child("schema")
    assert json.loads(str(result["out"]))["title"] == "Event"
    assert result["imported"] == ["pydantic"]


def test_import_eventx_stays_light() -> None:
    code = "import sys, eventx; print(sorted(m for m in ('spacy', 'pydantic') if m in sys.modules))"
    finished = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert finished.stdout.strip() == "[]"
