"""Never lose a user's file: -o an input, links and pipes, failed runs, locks, disk full, resume."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner, Result

from eventx.io import done_path
from eventx.output import OutputLock
from eventx.schema import Event

DATA = Path(__file__).resolve().parent / "data" / "robustness"
GOOD = DATA / "good"

Run = Callable[..., Result]

pytestmark = pytest.mark.slow


def events_of(text: str) -> list[Event]:
    return [Event.model_validate_json(line) for line in text.splitlines()]


def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(GOOD, target)
    return target


# ---------------------------------------------------------------------------
# 1. An output that is an input is refused before anything is opened


def test_output_naming_the_input_text_file_is_refused_and_the_file_kept(
    run: Run, tmp_path: Path
) -> None:
    source = tmp_path / "s.txt"
    shutil.copy(GOOD / "summit.txt", source)
    before = source.read_bytes()
    result = run(source, "-f", "jsonl", "-o", source)
    assert result.exit_code == 2
    assert "is also an input" in result.stderr and str(source) in result.stderr
    assert source.read_bytes() == before


@pytest.mark.parametrize("how", ["hard link", "symlink"])
def test_output_reaching_an_input_through_a_link_is_refused(
    run: Run, tmp_path: Path, how: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": (GOOD / "summit.txt").read_text("utf-8")}) + "\n",
        encoding="utf-8",
    )
    before = source.read_bytes()
    link = tmp_path / "out.csv"
    if how == "hard link":
        os.link(source, link)
    else:
        link.symlink_to(source)
    result = run(source, "-f", "csv", "-o", link)
    assert result.exit_code == 2, result.stderr
    assert "is also an input" in result.stderr
    assert source.read_bytes() == before


def test_output_naming_a_patterns_file_is_refused(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_text('{"label": "ORG", "pattern": "Zorbia Trade Council"}\n', encoding="utf-8")
    before = mine.read_bytes()
    result = run(GOOD, "--patterns", mine, "-o", mine)
    assert result.exit_code == 2
    assert "is also a --patterns file" in result.stderr
    assert mine.read_bytes() == before


def test_output_naming_a_document_inside_the_input_folder_is_refused(
    run: Run, tmp_path: Path
) -> None:
    folder = corpus(tmp_path)
    before = (folder / "summit.txt").read_bytes()
    result = run(folder, "-f", "jsonl", "-o", folder / "summit.txt")
    assert result.exit_code == 2
    assert "is a document in the input folder" in result.stderr
    assert (folder / "summit.txt").read_bytes() == before
    # An earlier run's records in that folder may be written again.
    for fmt in ("jsonl", "json", "csv"):
        fresh = corpus(tmp_path / fmt)
        out = fresh / f"events.{fmt}"
        assert run(fresh, "-f", fmt, "-o", out).exit_code == 0
        again = run(fresh, "-f", fmt, "-o", out)
        assert again.exit_code == 0, again.stderr


@pytest.fixture(scope="module")
def command(nlp: Language) -> Iterator[Run]:
    """Any eventx command in-process (`report`, `graph`...), with the session's pipeline."""
    from eventx import pipeline
    from eventx.cli import app

    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "load_pipeline", lambda model=None, patterns=(): nlp)
        patch.delenv("EVENTX_MODEL", raising=False)
        yield lambda *args: runner.invoke(app, [str(arg) for arg in args])


def test_report_to_its_own_input_text_is_refused_and_the_text_kept(
    command: Run, tmp_path: Path
) -> None:
    source = tmp_path / "in.txt"
    shutil.copy(GOOD / "summit.txt", source)
    before = source.read_bytes()
    result = command("report", source, "-f", "html", "-o", source)
    assert result.exit_code == 2
    assert "is also an input" in result.stderr
    assert source.read_bytes() == before


def test_report_to_a_document_in_its_input_folder_is_refused(command: Run, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    notes = folder / "notes.txt"
    notes.write_text("Call the embassy about the visa on Monday.\n", encoding="utf-8")
    result = command("report", folder, "-f", "html", "-o", notes)
    assert result.exit_code == 2
    assert "is a document in the input folder" in result.stderr
    assert notes.read_text("utf-8") == "Call the embassy about the visa on Monday.\n"


def test_report_to_its_own_records_file_is_refused(run: Run, command: Run, tmp_path: Path) -> None:
    records = tmp_path / "rec.jsonl"
    assert run(GOOD, "-o", records).exit_code == 0
    before = records.read_bytes()
    # A report is HTML: a records file is refused for its extension before the input guard.
    result = command("report", records, "-o", records)
    assert result.exit_code == 2
    assert f"cannot write {records}" in result.stderr
    assert records.read_bytes() == before


def test_graph_to_its_own_input_is_refused(command: Run, tmp_path: Path) -> None:
    network = tmp_path / "g.json"
    assert command("graph", GOOD, "-f", "json", "-o", network).exit_code == 0
    before = network.read_bytes()
    assert b'"nodes"' in before
    result = command("graph", network, "-f", "json", "-o", network)
    assert result.exit_code == 2
    assert "is also an input" in result.stderr
    assert network.read_bytes() == before
    # A graph written among its inputs may be written again.
    folder = corpus(tmp_path)
    for _ in range(2):
        again = command("graph", folder, "-o", folder / "g.json")
        assert again.exit_code == 0, again.stderr


@pytest.mark.parametrize(("name", "args"), [("r.html", ["report"]), ("g.json", ["graph"])])
def test_report_and_graph_keep_the_old_file_when_nothing_was_read(
    command: Run, tmp_path: Path, name: str, args: list[str]
) -> None:
    out = tmp_path / name
    out.write_text("previous\n", encoding="utf-8")
    result = command(*args, tmp_path / "nonexistent", "-o", out)
    assert result.exit_code == 1
    assert "was left as it was" in result.stderr
    assert out.read_text("utf-8") == "previous\n"


def test_report_on_a_locked_output_fails_at_once(command: Run, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    with OutputLock(out):
        result = command("report", GOOD, "-o", out)
    assert result.exit_code == 2
    assert "another eventx run is writing this file" in result.stderr
    assert not out.exists()


# ---------------------------------------------------------------------------
# 2. Symlinks are followed; pipes are written in place


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(
    run: Run, tmp_path: Path
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "events.json"
    link.symlink_to(real / "events.json")
    result = run(GOOD, "-f", "json", "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert len(json.loads((real / "events.json").read_text("utf-8"))) > 3
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.json", "real"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_output_to_a_named_pipe_writes_into_the_pipe(run: Run, tmp_path: Path, fmt: str) -> None:
    fifo = tmp_path / f"events.{fmt}"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as pipe:
            received.append(pipe.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = run(GOOD, "-f", fmt, "-o", fifo)
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a pipe, not replaced by a file
    text = received[0].decode("utf-8")
    count = len(json.loads(text)) if fmt == "json" else len(events_of(text))
    assert count > 3
    assert sorted(path.name for path in tmp_path.iterdir()) == [fifo.name]


# ---------------------------------------------------------------------------
# 3. A run in which every input fails leaves the previous output alone


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_a_run_where_every_input_fails_keeps_the_previous_output(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"keep.{fmt}"
    assert run(GOOD, "-f", fmt, "-o", out).exit_code == 0
    before = out.read_bytes()
    result = run(tmp_path / "nonexistent", "-f", fmt, "-o", out)
    assert result.exit_code == 1
    assert "was left as it was" in result.stderr
    assert out.read_bytes() == before
    if fmt == "jsonl":  # and it can still be resumed
        again = run(GOOD, "-o", out, "--resume")
        assert "skipped 3 document(s)" in again.stderr


# ---------------------------------------------------------------------------
# 4. One writer at a time; 15. leftovers of a killed run are removed


def test_a_second_run_on_a_locked_output_fails_at_once_and_changes_nothing(
    run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "events.jsonl"
    out.write_bytes(b"")
    with OutputLock(out):  # what a run in progress holds
        result = run(GOOD, "-o", out)
    assert result.exit_code == 2
    assert "another eventx run is writing this file" in result.stderr
    assert out.read_bytes() == b"" and not done_path(out).exists()
    assert run(GOOD, "-o", out).exit_code == 0  # free again once released
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.jsonl", "events.jsonl.done"]


def test_temporary_files_left_by_a_killed_run_are_cleaned_up(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    (tmp_path / ".events.json.k9x2_q7a.tmp").write_text('[{"half', encoding="utf-8")
    (tmp_path / ".other.json.k9x2_q7a.tmp").write_text("not ours", encoding="utf-8")
    assert run(GOOD, "-f", "json", "-o", out).exit_code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".other.json.k9x2_q7a.tmp",
        "events.json",
    ]


# ---------------------------------------------------------------------------
# 5. Disk full: the output stays a valid prefix and the error names the file

LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
sys.argv = ["eventx", *sys.argv[1:]]
from eventx.cli import main
main()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="needs RLIMIT_FSIZE and SIGXFSZ")
@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_a_full_disk_keeps_a_valid_prefix_and_names_the_file(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    clean = run(GOOD).stdout
    lines = clean.splitlines(keepends=True)
    first_doc = [
        line
        for line in lines
        if Event.model_validate_json(line).doc_id == Event.model_validate_json(lines[0]).doc_id
    ]
    first_bytes = len("".join(first_doc).encode("utf-8"))
    out = tmp_path / f"events.{fmt}"
    out.write_text("previous\n", encoding="utf-8")
    # Room for the first document and half a record of the second: the write fails mid-line.
    limit = first_bytes + len(lines[len(first_doc)].encode("utf-8")) // 2
    command = [sys.executable, "-c", LIMITED.format(limit=limit), "extract", str(GOOD)]
    done = subprocess.run(
        [*command, "-f", fmt, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"cannot write the output: {out}: " in done.stderr
    written = out.read_text("utf-8")
    if fmt == "json":
        assert written == "previous\n"  # never half a JSON file
        assert [p.name for p in tmp_path.iterdir()] == [out.name]
    else:
        assert written == "".join(first_doc)  # cut back to the last whole document
        assert "keeps the whole records of the 1 document(s) before" in done.stderr


# ---------------------------------------------------------------------------
# 6. --resume gives what a clean run over the current inputs gives, or refuses


def test_resume_after_a_record_changed_drops_its_stale_events(run: Run, tmp_path: Path) -> None:
    text = (GOOD / "summit.txt").read_text("utf-8")
    source = tmp_path / "in.jsonl"
    records = [
        {"id": f"r{n}", "text": text.replace("Tuesday", day)}
        for n, day in enumerate(["Monday", "Tuesday", "Friday"])
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert run(source, "-o", out).exit_code == 0
    records[1]["text"] = text.replace("Tuesday", "Wednesday")
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run(source, "-o", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert "skipped 1 document(s)" in result.stderr
    assert out.read_text("utf-8") == run(source).stdout


def test_resume_with_the_inputs_in_another_order_gives_a_clean_runs_output(
    run: Run, tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
    shutil.copy(GOOD / "summit.txt", first / "index.txt")
    shutil.copy(GOOD / "sanctions.md", second / "index.txt")
    out = tmp_path / "events.jsonl"
    forward = run(first, second).stdout
    backward = run(second, first).stdout
    # Ids do not depend on the order in which the folders are named.
    assert {e.doc_id for e in events_of(forward)} == {e.doc_id for e in events_of(backward)}
    assert sorted(forward.splitlines()) == sorted(backward.splitlines())
    assert run(first, second, "-o", out).exit_code == 0
    assert run(second, first, "-o", out, "--resume").exit_code == 0
    assert out.read_text("utf-8") == backward
    ids = [event.id for event in events_of(out.read_text("utf-8"))]
    assert len(ids) == len(set(ids))


def test_resume_drops_documents_whose_input_is_gone(run: Run, tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    assert run(folder, "-o", out).exit_code == 0
    (folder / "visit.html").unlink()
    result = run(folder, "-o", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert out.read_text("utf-8") == run(folder).stdout


@pytest.mark.parametrize("edit", ["end zero", "fewer events", "end past the file", "no entries"])
def test_resume_refuses_a_record_that_does_not_match_the_output(
    run: Run, tmp_path: Path, edit: str
) -> None:
    out = tmp_path / "events.jsonl"
    assert run(GOOD, "-o", out).exit_code == 0
    before = out.read_bytes()
    record = done_path(out)
    header, *entries = [json.loads(line) for line in record.read_text("utf-8").splitlines()]
    if edit == "end zero":
        entries = [{**entry, "end": 0} for entry in entries]
    elif edit == "fewer events":
        entries[0]["events"] = max(0, entries[0]["events"] - 1)
    elif edit == "end past the file":
        entries[-1]["end"] += 1000
    else:
        entries = []  # the whole output would be one unfinished document: it is not
    record.write_text("".join(json.dumps(x) + "\n" for x in [header, *entries]), encoding="utf-8")
    result = run(GOOD, "-o", out, "--resume")
    assert result.exit_code == 2, result.stderr
    assert "cannot resume" in result.stderr and "does not match" in result.stderr
    assert out.read_bytes() == before


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
def test_output_to_dev_stdout_on_a_pipe_writes_into_the_pipe(tmp_path: Path) -> None:
    # /dev/stdout on a pipe resolves to /proc/PID/fd/pipe:[N], a name that exists nowhere
    done = subprocess.run(
        [sys.executable, "-m", "eventx", "extract", str(GOOD), "-f", "jsonl", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert len(events_of(done.stdout)) > 3
    assert list(tmp_path.iterdir()) == []
