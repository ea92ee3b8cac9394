"""Hostile inputs and messages: per-line JSON errors, pipes, odd names, one-line failures."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from eventx.cli import app
from eventx.errors import InputError, InputWarning
from eventx.io import DEFAULT_MAX_BYTES, iter_documents
from eventx.schema import Document

GOOD = Path(__file__).resolve().parent / "data" / "robustness" / "good"
WIRE = "The foreign minister of Zorbia met his counterpart in Rivel on Monday to discuss trade."

Run = Callable[..., Result]


def read(*inputs: str | Path, **options: Any) -> list[Document | InputError | InputWarning]:
    return list(iter_documents([str(item) for item in inputs], notes=True, **options))


def documents(items: list[Any]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def problems(items: list[Any]) -> list[str]:
    return [str(item) for item in items if isinstance(item, (InputError, InputWarning))]


# ---------------------------------------------------------------------------
# 7. JSON Lines: every bad line is its own error, with its number


def test_a_deeply_nested_line_is_that_lines_error_and_later_lines_are_read(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"text": WIRE}),
        '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"text": "x", "n": ' + "7" * 5000 + "}",
        json.dumps({"text": WIRE + " Again."}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(source)
    assert [doc.doc_id for doc in documents(items)] == ["wire-1", "wire-4"]
    assert [message.split(": ")[0] for message in problems(items)] == [
        f"{source}:2",
        f"{source}:3",
    ]
    assert all("invalid JSON" in message for message in problems(items))


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_unicode_line_separators_inside_a_string_keep_the_record_whole(
    tmp_path: Path, separator: str
) -> None:
    source = tmp_path / "wire.jsonl"
    record = json.dumps({"text": f"{WIRE}{separator}Talks went on."}, ensure_ascii=False)
    source.write_text(record + "\n" + json.dumps({"text": WIRE}) + "\n", encoding="utf-8")
    items = read(source)
    assert problems(items) == []
    assert [doc.doc_id for doc in documents(items)] == ["wire-1", "wire-2"]
    assert separator in documents(items)[0].text


def test_a_json_array_on_stdin_with_a_non_object_gives_a_per_item_error() -> None:
    stream = io.StringIO(json.dumps([{"text": WIRE}, 5, {"text": WIRE + " More."}]))
    items = read("-", stdin=stream)
    assert len(documents(items)) == 2
    assert problems(items) == ["-: item 2 is not a JSON object"]


# ---------------------------------------------------------------------------
# 9. Named pipes, devices and endless streams


def finishes(work: Callable[[], Any]) -> Any:
    """Run `work` in a thread; fail (instead of hanging the suite) if it blocks."""
    box: list[Any] = []
    worker = threading.Thread(target=lambda: box.append(work()), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "blocked"
    return box[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_without_writer_inside_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(WIRE + " Later.", encoding="utf-8")
    items = finishes(lambda: read(tmp_path))
    assert [doc.doc_id for doc in documents(items)] == ["a", "c"]
    assert problems(items) == [
        f"{tmp_path / 'b.txt'}: skipped: not a regular file (a named "
        "pipe, socket or device); name it to read it"
    ]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_extract_on_a_folder_with_a_pipe_finishes_with_a_warning(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text((GOOD / "summit.txt").read_text("utf-8"), encoding="utf-8")
    os.mkfifo(tmp_path / "feed.jsonl")  # counted for the progress bar and read: neither blocks
    result = finishes(lambda: run(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "feed.jsonl: skipped: not a regular file" in result.stderr
    assert result.stdout.count("\n") > 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_endless_named_pipe_is_cut_at_the_size_limit_and_the_next_input_read(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)
    after = tmp_path / "after.txt"
    after.write_text(WIRE, encoding="utf-8")

    def flood() -> None:
        chunk = (WIRE + "\n").encode() * 1000
        try:
            with fifo.open("wb") as pipe:
                while True:
                    pipe.write(chunk)
        except (BrokenPipeError, OSError):
            pass  # eventx stopped reading: as intended

    threading.Thread(target=flood, daemon=True).start()
    items = finishes(lambda: read(fifo, after, max_bytes=1_000_000))
    assert [doc.doc_id for doc in documents(items)] == ["after"]
    [message] = problems(items)
    assert message.startswith(f"{fifo}: input is more than ") and message.endswith("limit")


def test_the_size_limit_message_says_50_mb_as_the_readme_does(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: nothing large is written to disk
        handle.truncate(DEFAULT_MAX_BYTES + 1)
    assert problems(read(big)) == [f"{big}: input is 50.0 MB, above the 50 MB limit"]


# ---------------------------------------------------------------------------
# 15. Encodings and names


def test_utf8_with_a_few_bad_bytes_is_read_as_utf8_with_a_warning(tmp_path: Path) -> None:
    text = "Mali’s foreign minister met the Ghanaian envoy in Bamako on Friday. " * 8
    source = tmp_path / "mali.txt"
    source.write_bytes(text.encode("utf-8") + b"\xff\xfe\x80\x81\x82\x83 End.")
    items = read(source)
    assert "Mali’s" in documents(items)[0].text
    [warning] = problems(items)
    assert "not valid UTF-8: 6 bad byte sequence(s) replaced" in warning


def test_utf16_without_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    source = tmp_path / "wide.txt"
    source.write_bytes(WIRE.encode("utf-16-be"))
    items = read(source)
    assert documents(items)[0].text == WIRE
    assert "no byte order mark; decoded as UTF-16-BE" in problems(items)[0]


@pytest.mark.skipif(sys.platform != "linux", reason="file names of arbitrary bytes")
def test_undecodable_and_multi_line_file_names_give_one_printable_line(tmp_path: Path) -> None:
    odd = tmp_path / os.fsdecode(b"bad\xff\nname.txt")
    odd.write_bytes(b"")
    good = tmp_path / os.fsdecode(b"wire\xff.txt")
    good.write_text(WIRE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(odd), "--model", "/nonexistent-model"])
    assert result.exit_code == 2  # only the model is missing: names are not the problem
    items = read(odd, good)
    [message] = problems(items)
    assert message == f"{tmp_path}/bad\\xff\\nname.txt: empty file"
    assert documents(items)[0].doc_id == "wire\\xff"
    message.encode("utf-8")  # printable anywhere


# ---------------------------------------------------------------------------
# 14. Tracebacks become one line with the right exit code


def one_line(result: Result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_evaluate_on_binary_predictions_or_nested_gold_is_one_line(tmp_path: Path) -> None:
    gold = Path(__file__).resolve().parent / "data" / "eval" / "gold_sample.jsonl"
    binary = tmp_path / "pred.jsonl"
    binary.write_bytes(bytes(range(256)) * 4)
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(binary)])
    assert result.exit_code == 2
    assert one_line(result).startswith(f"error: {binary}: not UTF-8 text")
    nested = tmp_path / "gold.json"
    nested.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(nested)])
    assert result.exit_code == 2
    assert one_line(result) == f"error: {nested}: cannot read: JSON nested too deeply"


def test_a_closed_standard_output_is_one_line_not_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "eventx", "schema"],
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: OSError: [Errno 9] standard output is closed"
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "line",
    [
        '{"label": "ORG", "pattern": [{"COLOUR": "red"}], "id": "org.zorbia.v1"}',
        '{"label": "ORG", "pattern": [{"TEXT": {"REGEX": "("}}], "id": "org.zorbia.v1"}',
        '{"label": "ORG", "pattern": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"label": "ORG", "pattern": "Zorbia", "id": ' + "9" * 5000 + "}",
    ],
    ids=["unknown attribute", "bad regex", "100k deep", "5000 digits"],
)
def test_a_bad_patterns_file_is_one_line_and_exit_2(run: Run, tmp_path: Path, line: str) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_text(line + "\n", encoding="utf-8")
    for command in (["extract", str(GOOD)], ["info"]):
        result = CliRunner().invoke(app, [*command, "--patterns", str(mine)])
        assert result.exit_code == 2, result.stderr
        assert one_line(result).startswith("error: ") and "mine.jsonl" in result.stderr


@pytest.mark.slow
def test_two_sigterms_exit_143(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import eventx.stream

    real = eventx.stream.doc_events

    def doc_events(*args: Any) -> Any:
        os.kill(os.getpid(), signal.SIGTERM)  # asks to stop after this document
        os.kill(os.getpid(), signal.SIGTERM)  # stops now
        return real(*args)

    monkeypatch.setattr(eventx.stream, "doc_events", doc_events)
    result = run(GOOD, "--batch-size", "1")
    assert result.exit_code == 143, result.stderr
