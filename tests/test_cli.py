"""Tests for `eventx extract` through Typer's CliRunner: formats, exit codes, flags, resume."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from eventx.io import CSV_COLUMNS, done_path
from eventx.schema import Event

DATA = Path(__file__).resolve().parent / "data" / "robustness"
GOOD = DATA / "good"

Run = Callable[..., Result]

pytestmark = pytest.mark.slow


def events_of(text: str) -> list[Event]:
    return [Event.model_validate_json(line) for line in text.splitlines()]


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def corpus(tmp_path: Path) -> Path:
    """The three good articles, copied so a test may add files next to them."""
    target = tmp_path / "corpus"
    shutil.copytree(GOOD, target)
    return target


# ---------------------------------------------------------------------------
# Exit codes and the summary


def test_good_inputs_exit_0_with_validated_events_from_every_article(run: Run) -> None:
    result = run(GOOD)
    assert result.exit_code == 0, result.stderr
    events = events_of(result.stdout)
    assert {event.doc_id for event in events} == {"summit", "sanctions", "visit"}
    assert not error_lines(result)
    assert "3 document(s)" in result.stderr and "0 failure(s)" in result.stderr


def test_a_failed_input_exits_1_and_the_summary_counts_it(run: Run, tmp_path: Path) -> None:
    result = run(GOOD, tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {tmp_path / 'missing.txt'}: no such file or directory"]
    events = events_of(result.stdout)
    assert f"3 document(s), {len(events)} event(s), 1 failure(s)" in result.stderr


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--resume"], "--resume needs --output"),
        (["--resume", "--format", "json", "--output", "{tmp}/out.json"], "--resume needs"),
        (["--format", "table", "--output", "{tmp}/out.txt"], "--format table cannot"),
        (["--date", "5 May"], "--date must be YYYY-MM-DD"),
        (["--patterns", "{tmp}/nowhere.jsonl"], "nowhere.jsonl"),
        (["--format", "xml"], "xml"),
        (["--batch-size", "0"], "batch-size"),
    ],
    ids=["resume-stdout", "resume-json", "table-to-file", "date", "patterns", "format", "batch"],
)
def test_usage_errors_exit_2_before_anything_is_written(
    run: Run, tmp_path: Path, args: list[str], complaint: str
) -> None:
    result = run(GOOD, *[arg.replace("{tmp}", str(tmp_path)) for arg in args])
    assert result.exit_code == 2
    assert complaint in result.stderr
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_invalid_pattern_line_is_named_before_any_input_is_read(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run(
        tmp_path / "missing.txt", "--patterns", DATA / "bad_patterns.jsonl", "--output", out
    )
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {DATA / 'bad_patterns.jsonl'}:2: label")
    assert "missing.txt" not in result.stderr  # no input was looked at
    assert not out.exists()


def test_fail_fast_stops_at_the_first_failure(run: Run, tmp_path: Path) -> None:
    (tmp_path / "b_empty.txt").write_bytes(b"")
    shutil.copy(GOOD / "summit.txt", tmp_path / "a_summit.txt")
    shutil.copy(GOOD / "sanctions.md", tmp_path / "c_sanctions.md")
    everything = run(tmp_path)
    assert everything.exit_code == 1
    assert {event.doc_id for event in events_of(everything.stdout)} == {
        "a_summit",
        "c_sanctions",
    }
    result = run(tmp_path, "--fail-fast")
    assert result.exit_code == 1
    assert {event.doc_id for event in events_of(result.stdout)} == {"a_summit"}
    assert error_lines(result) == [f"error: {tmp_path / 'b_empty.txt'}: empty file"]
    assert "stopped at the first failure (--fail-fast)" in result.stderr


def test_strict_turns_warnings_into_failures(run: Run, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    (folder / "people.log").write_text("name,role\nAda,envoy\n", encoding="utf-8")
    relaxed = run(folder)
    assert relaxed.exit_code == 0
    assert f"warning: {folder / 'people.log'}: skipped: unknown file type '.log'" in (
        relaxed.stderr
    )
    assert "1 warning(s)" in relaxed.stderr
    strict = run(folder, "--strict")
    assert strict.exit_code == 1
    [line] = error_lines(strict)
    assert "people.log" in line and "--strict" in line
    assert strict.stdout == relaxed.stdout  # the good articles are still extracted


# ---------------------------------------------------------------------------
# Output files


def test_jsonl_file_matches_stdout_and_a_rerun_starts_afresh(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text('{"left over": "from an old run"}\n', encoding="utf-8")
    stdout = run(GOOD).stdout
    for _ in range(2):
        result = run(GOOD, "--output", out)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        assert out.read_text(encoding="utf-8") == stdout


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_replace_the_file_whole(run: Run, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o640)
    result = run(GOOD, "--format", fmt, "--output", out)
    assert result.exit_code == 0, result.stderr
    expected = events_of(run(GOOD).stdout)
    if fmt == "json":
        loaded = [Event.model_validate(item) for item in json.loads(out.read_text("utf-8"))]
        assert loaded == expected
    else:
        rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
        assert tuple(rows[0]) == CSV_COLUMNS
        assert [row["id"] for row in rows] == [event.id for event in expected]
    assert sorted(path.name for path in tmp_path.iterdir()) == [out.name]  # no temp file left
    assert out.stat().st_mode & 0o777 == 0o640


def test_output_inside_the_input_folder_is_not_read_back(run: Run, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    first = run(folder, "--output", folder / "events.jsonl")
    second = run(folder, "--output", folder / "events.jsonl", "--strict")
    assert first.exit_code == second.exit_code == 0, second.stderr
    assert (folder / "events.jsonl").read_text("utf-8") == run(GOOD).stdout
    (folder / "events.jsonl").unlink()
    (folder / "events.jsonl.done").unlink()
    json_out = run(folder, "--format", "json", "--output", folder / "events.json", "--strict")
    again = run(folder, "--format", "json", "--output", folder / "events.json", "--strict")
    assert json_out.exit_code == again.exit_code == 0, again.stderr


def test_same_input_gives_byte_identical_output(run: Run, tmp_path: Path) -> None:
    for fmt in ("jsonl", "json", "csv"):
        outputs = []
        for name in ("one", "two"):
            out = tmp_path / f"{name}.{fmt}"
            assert run(GOOD, DATA, "--format", fmt, "--output", out).exit_code == 1
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], fmt
        assert len(outputs[0]) > 1000


# ---------------------------------------------------------------------------
# Resume


def test_resume_appends_only_documents_not_yet_done(run: Run, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    late = folder / "visit.html"
    late_copy = tmp_path / "visit.html"
    shutil.move(late, late_copy)
    out = tmp_path / "events.jsonl"
    assert run(folder, "--output", out).exit_code == 0
    partial = out.read_bytes()
    shutil.move(late_copy, late)
    result = run(folder, "--output", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert "skipped 2 document(s) already done (--resume)" in result.stderr
    assert out.read_bytes().startswith(partial)
    assert out.read_text("utf-8") == run(folder).stdout  # as if it had run in one go
    again = run(folder, "--output", out, "--resume")
    assert "skipped 3 document(s)" in again.stderr
    assert out.read_text("utf-8") == run(folder).stdout


def test_resume_redoes_a_changed_document(run: Run, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    assert run(folder, "--output", out).exit_code == 0
    summit = folder / "summit.txt"
    summit.write_text(
        summit.read_text("utf-8").replace("on Tuesday", "on Wednesday"), encoding="utf-8"
    )
    result = run(folder, "--output", out, "--resume")
    # sanctions.md comes first and is unchanged; from summit.txt on everything is redone.
    assert "skipped 1 document(s)" in result.stderr
    days = [e.sentence for e in events_of(out.read_text("utf-8")) if e.doc_id == "summit"]
    assert not any("Tuesday" in sentence for sentence in days)  # the stale version is gone
    assert any("Wednesday" in sentence for sentence in days)
    assert out.read_text("utf-8") == run(folder).stdout


def test_resume_cuts_a_half_written_document_and_a_torn_record(run: Run, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    clean = run(folder).stdout
    assert run(folder, "--output", out).exit_code == 0
    # What a crash can leave: the last document's events written, its record line torn.
    record = done_path(out)
    lines = record.read_bytes().splitlines(keepends=True)
    record.write_bytes(b"".join(lines[:-1]) + lines[-1][:10])
    with out.open("ab") as handle:
        handle.write(b'{"schema_version": "1.0", "id": "half')
    result = run(folder, "--output", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert "skipped 2 document(s)" in result.stderr
    assert out.read_text("utf-8") == clean
    ids = [event.id for event in events_of(out.read_text("utf-8"))]
    assert len(ids) == len(set(ids))


def test_resume_refuses_records_of_another_configuration(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert run(GOOD, "--output", out).exit_code == 0
    before = out.read_bytes()
    result = run(GOOD, "--output", out, "--resume", "--min-confidence", "0.5")
    assert result.exit_code == 2
    assert "different model, rules or options" in result.stderr
    assert out.read_bytes() == before


def test_resume_refuses_an_output_without_its_record(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text('{"id": "x"}\n', encoding="utf-8")
    result = run(GOOD, "--output", out, "--resume")
    assert result.exit_code == 2
    assert "events.jsonl.done is missing" in result.stderr
    assert out.read_text("utf-8") == '{"id": "x"}\n'


def test_resume_into_a_new_file_is_a_fresh_run(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = run(GOOD, "--output", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert out.read_text("utf-8") == run(GOOD).stdout


# ---------------------------------------------------------------------------
# Interruption (Ctrl-C) and failures inside extraction


def interrupt_after(patch: pytest.MonkeyPatch, calls: int, *, hard: bool = False) -> None:
    """Press Ctrl-C (a real SIGINT) while the n-th document's events are extracted."""
    import eventx.stream

    real = eventx.stream.doc_events
    seen = []

    def doc_events(*args: Any) -> Any:
        seen.append(1)
        if len(seen) == calls:
            if hard:
                raise KeyboardInterrupt
            os.kill(os.getpid(), signal.SIGINT)
        return real(*args)

    patch.setattr(eventx.stream, "doc_events", doc_events)


def test_ctrl_c_keeps_whole_lines_says_how_far_and_resume_finishes(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    clean = run(folder).stdout
    with monkeypatch.context() as patch:
        interrupt_after(patch, 2)
        # One process: with workers, the documents already sent to them are finished too.
        result = run(folder, "--output", out, "--batch-size", "1", "--jobs", "1")
    assert result.exit_code == 130
    assert "interrupted after 2 document(s)" in result.stderr
    assert "--resume" in result.stderr
    written = out.read_text("utf-8")
    assert clean.startswith(written) and written.endswith("\n")
    assert {event.doc_id for event in events_of(written)} == {"sanctions", "summit"}
    resumed = run(folder, "--output", out, "--resume")
    assert resumed.exit_code == 0
    assert out.read_text("utf-8") == clean


def test_ctrl_c_with_json_output_writes_a_valid_file_of_what_was_done(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "events.json"
    with monkeypatch.context() as patch:
        interrupt_after(patch, 1)
        result = run(GOOD, "-f", "json", "--output", out, "--batch-size", "1", "--jobs", "1")
    assert result.exit_code == 130
    loaded = [Event.model_validate(item) for item in json.loads(out.read_text("utf-8"))]
    assert loaded and {event.doc_id for event in loaded} == {"sanctions"}


def test_second_ctrl_c_stops_at_once_and_keeps_the_previous_json(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "events.json"
    out.write_text("[]\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        interrupt_after(patch, 2, hard=True)
        result = run(GOOD, "--format", "json", "--output", out)
    assert result.exit_code == 130
    assert "was not replaced" in result.stderr
    assert out.read_text("utf-8") == "[]\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.json"]


def test_a_document_that_breaks_extraction_is_one_failure(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventx.stream

    real = eventx.stream.doc_events

    def doc_events(doc: Any, document: Any, knowledge: Any) -> Any:
        if document.doc_id == "summit":
            raise IndexError("simulated bug")
        return real(doc, document, knowledge)

    monkeypatch.setattr(eventx.stream, "doc_events", doc_events)
    result = run(GOOD)
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"error: {GOOD / 'summit.txt'}: extraction failed: IndexError: simulated bug"
    ]
    assert {event.doc_id for event in events_of(result.stdout)} == {"sanctions", "visit"}


def test_a_document_that_breaks_a_pipeline_component_is_one_failure(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventx.components.events import EventsComponent

    real = EventsComponent.__call__

    def call(self: EventsComponent, doc: Any) -> Any:
        if "Belarus" in doc.text:
            raise ValueError("simulated component bug")
        return real(self, doc)

    monkeypatch.setattr(EventsComponent, "__call__", call)
    result = run(GOOD, "--batch-size", "8")
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line.startswith(f"error: {GOOD / 'sanctions.md'}: the pipeline failed: ValueError")
    assert {event.doc_id for event in events_of(result.stdout)} == {"summit", "visit"}


def test_table_format_prints_a_table_and_the_summary(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # a wide terminal, so cells are not folded
    result = run(GOOD, tmp_path / "missing.txt", "--format", "table")
    assert result.exit_code == 1
    for cell in ("summit", "William Ruto", "SANCTION", "restrict", "Japan"):
        assert cell in result.stdout
    assert "3 document(s)" in result.stderr and "1 failure(s)" in result.stderr


def test_file_names_with_brackets_are_printed_verbatim(run: Run, tmp_path: Path) -> None:
    (tmp_path / "[bold]draft [red].txt").write_bytes(b"")
    result = run(tmp_path)
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {tmp_path / '[bold]draft [red].txt'}: empty file"]


def test_output_is_identical_whatever_the_number_of_jobs(run: Run) -> None:
    single = run(GOOD, "--format", "jsonl")
    parallel = run(GOOD, "--format", "jsonl", "--jobs", "2")
    assert single.exit_code == parallel.exit_code == 0
    assert single.stdout and single.stdout == parallel.stdout


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_go_to_stdout_in_their_own_format(run: Run, fmt: str) -> None:
    result = run(GOOD, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        records = [Event.model_validate(item) for item in json.loads(result.stdout)]
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        records = [Event.model_validate_json(line) for line in run(GOOD).stdout.splitlines()]
        assert [row["id"] for row in rows] == [record.id for record in records]
    assert records
