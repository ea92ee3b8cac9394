"""A document that failed is in the `.done` journal: --resume goes on past it, not from it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from eventx.io import done_path

Run = Callable[..., Result]


def dispatches(folder: Path) -> Path:
    """Six short dispatches; the third holds a lone surrogate, which extraction refuses."""
    lines = []
    for number, city in enumerate(("Accra", "Lima", "Hanoi", "Oslo", "Dakar", "Tbilisi")):
        text = (
            f"{city.upper()} (Wire) - The foreign minister of Ghana met Peru's envoy in {city} "
            f"on Monday, an aide said, to talk about fishing rights (item {number})."
        )
        lines.append(json.dumps({"id": f"n{number}", "text": text}))
    lines[2] = '{"id": "n2", "text": "The envoy met \\ud800 the minister in Hanoi."}'
    path = folder / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counting_extraction(patch: pytest.MonkeyPatch) -> list[int]:
    import eventx.stream

    real = eventx.stream.doc_events
    calls: list[int] = []

    def doc_events(*args: Any) -> Any:
        calls.append(1)
        return real(*args)

    patch.setattr(eventx.stream, "doc_events", doc_events)
    return calls


def test_resume_goes_on_past_a_failed_document(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = dispatches(tmp_path)
    out = tmp_path / "events.jsonl"
    clean = run(feed, "-f", "jsonl")
    assert clean.exit_code == 1 and "surrogate" in clean.stderr
    first = run(feed, "-o", out)
    assert first.exit_code == 1
    record = [json.loads(line) for line in done_path(out).read_text("utf-8").splitlines()[1:]]
    assert [entry["doc_id"] for entry in record] == [f"n{number}" for number in range(6)]
    assert [entry.get("failed", False) for entry in record] == [False, False, True] + [False] * 3
    with monkeypatch.context() as patch:
        calls = counting_extraction(patch)
        resumed = run(feed, "-o", out, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert calls == []  # nothing was extracted again, neither n2 nor the documents after it
    assert "skipped 6 document(s)" in resumed.stderr
    assert "skipped 1 document(s) that failed in the earlier run" in resumed.stderr
    assert out.read_text("utf-8") == clean.stdout


def test_resume_after_a_stop_behind_a_failure_redoes_only_the_rest(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = dispatches(tmp_path)
    out = tmp_path / "events.jsonl"
    clean = run(feed, "-f", "jsonl").stdout
    first = run(feed, "-o", out, "--fail-fast", "--jobs", "1")  # stops at n2
    assert first.exit_code == 1
    with monkeypatch.context() as patch:
        calls = counting_extraction(patch)
        resumed = run(feed, "-o", out, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert out.read_text("utf-8") == clean
    assert len(calls) == 3  # n3, n4 and n5: not n0 and n1, and not the failed n2
