"""`--jobs`: every core by default, workers forked before any thread, never waited on when stuck."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.console import Console
from rich.live import _RefreshThread
from typer.testing import Result

from eventx import run as run_module

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forks worker processes")

Run = Callable[..., Result]
CAPITALS = ("Accra", "Hanoi", "Lima", "Tbilisi", "Dakar", "Oslo")


def wire_file(folder: Path, count: int) -> Path:
    """`count` short dispatches, one JSON Lines record each, every one with a meeting."""
    lines = []
    for number in range(count):
        city = CAPITALS[number % len(CAPITALS)]
        text = (
            f"{city.upper()}, May {number % 27 + 1} (Wire) - Ghana's foreign minister met "
            f"Peru's trade envoy in {city} on Tuesday, a spokesman said, in talks on fishing "
            f"rights that both sides called useful (dispatch {number})."
        )
        lines.append(json.dumps({"id": f"w{number}", "text": text}))
    path = folder / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def forks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[threading.Thread]]]:
    """The threads alive in this process at each fork of a worker."""
    seen: list[list[threading.Thread]] = []
    real = os.fork

    def fork() -> int:
        seen.append(threading.enumerate())
        return real()

    monkeypatch.setattr(os, "fork", fork)
    yield seen


def test_jobs_default_to_every_usable_core_with_the_same_output(
    run: Run, tmp_path: Path, forks: list[list[threading.Thread]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run_module, "usable_cores", lambda: 2)
    source = wire_file(tmp_path, 10)
    default = run(source, "-f", "jsonl", "--batch-size", "2")
    assert len(forks) == 2  # two workers, without asking for them
    single = run(source, "-f", "jsonl", "--batch-size", "2", "--jobs", "1")
    assert default.exit_code == single.exit_code == 0, default.stderr
    assert default.stdout.count("\n") >= 10 and default.stdout == single.stdout


def test_an_input_smaller_than_a_batch_starts_no_pool_by_default(
    run: Run, tmp_path: Path, forks: list[list[threading.Thread]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run_module, "usable_cores", lambda: 2)
    result = run(wire_file(tmp_path, 3), "-f", "jsonl", "--batch-size", "4")
    assert result.exit_code == 0 and result.stdout.count("\n") >= 3
    assert forks == []


def test_workers_are_forked_before_the_progress_display_starts_its_thread(
    run: Run, tmp_path: Path, forks: list[list[threading.Thread]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventx.cli import extract

    terminal = Console(file=io.StringIO(), force_terminal=True, width=100)
    monkeypatch.setattr(extract, "stderr", terminal)
    result = run(wire_file(tmp_path, 8), "-f", "jsonl", "--batch-size", "2", "--jobs", "2")
    assert result.exit_code == 0 and result.stdout.count("\n") >= 8
    assert len(forks) == 2
    for alive in forks:
        assert not [thread for thread in alive if isinstance(thread, _RefreshThread)]


# A consumer that stops early while a worker hangs: before the fix, closing the stream
# waited for that worker in `shutdown(wait=True)` forever.
EARLY_STOP = textwrap.dedent(
    """
    import spacy
    from spacy.language import Language
    from eventx.schema import Document
    from eventx.stream import parse_documents

    @Language.component("eventx_test_hang")
    def hang(doc):
        while "HANG" in doc.text:
            pass
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("eventx_test_hang")
    texts = ["The envoy met the minister in Rivel.", "The envoy said: HANG here."]
    texts += [f"Talks went on, report {n}." for n in range(6)]
    documents = [Document(doc_id=f"d{n}", text=text) for n, text in enumerate(texts)]
    stream = parse_documents(nlp, documents, batch_size=1, jobs=2)
    first, _ = next(stream)
    print(first.doc_id, flush=True)
    {stop}
    print("stopped", flush=True)
    """
)


@pytest.mark.parametrize(
    "stop",
    ["stream.close()", "stream.throw(KeyboardInterrupt)"],
    ids=["closed", "interrupted"],
)
def test_a_consumer_stopping_early_does_not_wait_on_a_stuck_worker(stop: str) -> None:
    script = EARLY_STOP.replace("{stop}", f"try:\n    {stop}\nexcept KeyboardInterrupt:\n    pass")
    # A session of its own, so that a failure here leaves no spinning worker behind.
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        # The worker's own deadline is ten minutes: only killing it ends the run sooner.
        out, err = process.communicate(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
    assert process.returncode == 0, err
    assert out.split() == ["d0", "stopped"]


@pytest.mark.slow
def test_two_jobs_under_a_terminal_progress_display_give_the_one_job_output(
    tmp_path: Path,
) -> None:
    from test_terminal import run_eventx

    source = wire_file(tmp_path, 12)
    outputs = []
    for jobs in ("1", "2"):
        code, stdout, stderr = run_eventx(
            "extract", source, "-f", "jsonl", "--batch-size", "2", "--jobs", jobs, tty_stderr=True
        )
        assert code == 0, stderr
        assert "12 document(s)" in stderr
        outputs.append(stdout)
    assert outputs[0].count("\n") >= 12 and outputs[0] == outputs[1]
