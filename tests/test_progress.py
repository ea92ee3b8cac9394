"""What a long run shows while it goes: the first records at once, a progress bar with a total
when the input size is known, and a clear word when there is nothing to read."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from spacy.language import Language
from typer.testing import Result

from eventx import io as eventx_io
from eventx.census import count_documents
from eventx.render import run_progress
from eventx.schema import Document
from eventx.stream import parse_documents, warm_up_batches

Run = Callable[..., Result]

SENTENCE = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi."


def article(number: int) -> str:
    return f"{SENTENCE} They held talks on the port corridor, officials said in statement {number}."


# ---------------------------------------------------------------------------
# The first records come out at once


def test_first_batches_grow_to_the_batch_size() -> None:
    assert warm_up_batches(32) == (1, 2, 4, 8, 16)
    assert warm_up_batches(1) == ()


@pytest.mark.slow
def test_the_first_document_is_parsed_before_a_whole_batch_is_read(nlp: Language) -> None:
    pulled: list[int] = []

    def documents() -> Iterator[Document]:
        for number in range(40):
            pulled.append(number)
            yield Document(doc_id=f"d{number}", text=article(number))

    results = parse_documents(nlp, documents(), batch_size=32, first_batches=warm_up_batches(32))
    first, _ = next(results)
    assert first.doc_id == "d0"
    assert len(pulled) <= 2  # not the 32 of a full first batch
    rest = [document.doc_id for document, _ in results]
    assert rest == [f"d{number}" for number in range(1, 40)]  # in order, none lost


@pytest.mark.slow
def test_extract_writes_the_first_records_before_reading_on(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"a{n}", "text": article(n)}) for n in range(40)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read: list[object] = []
    read_when_written: list[int] = []
    real_read, real_line = eventx_io.iter_documents, eventx_io.jsonl_line

    def counting(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for item in real_read(*args, **kwargs):
            read.append(item)
            yield item

    def line(record: Any) -> str:
        read_when_written.append(len(read))
        return real_line(record)

    monkeypatch.setattr(eventx_io, "iter_documents", counting)
    monkeypatch.setattr(eventx_io, "jsonl_line", line)
    result = run(feed)
    assert result.exit_code == 0, result.stderr
    assert read_when_written and read_when_written[0] <= 2
    assert len(result.stdout.splitlines()) == len(read_when_written)


# ---------------------------------------------------------------------------
# How many documents there are


def test_census_counts_files_lines_rows_and_array_items(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(f"<p>{SENTENCE}</p>", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    (tmp_path / "rows.csv").write_text('text\n"one,\nstill one"\ntwo\n', encoding="utf-8")
    (tmp_path / "list.json").write_text('[{"text": "a"}, {"text": "b"}]', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "notes.log").write_text(SENTENCE, encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 1 + 1 + 3 + 2 + 2
    assert count_documents([str(tmp_path / "feed.jsonl"), str(tmp_path / "a.txt")]) == 4
    assert count_documents([str(tmp_path)], exclude=[tmp_path / "feed.jsonl"]) == 6


def test_census_does_not_guess_for_stdin_or_globs(tmp_path: Path) -> None:
    assert count_documents(["-"]) is None
    assert count_documents([f"{tmp_path}/*.txt"]) is None


def test_progress_with_a_total_shows_the_share_done_and_the_count() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with run_progress(console, total=4) as update:
        for done in range(1, 5):
            update(done, done * 2, 0)
    drawn = screen.getvalue()
    assert "100%" in drawn and "4/4" in drawn and "8 event(s)" in drawn


def test_progress_without_a_total_is_a_spinner_with_counts() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with run_progress(console) as update:
        update(3, 5, 1)
    drawn = screen.getvalue()
    assert "3 document(s), 5 event(s), 1 failure(s)" in drawn and "%" not in drawn


def test_no_progress_off_a_terminal() -> None:
    screen = io.StringIO()
    with run_progress(Console(file=screen), total=3) as update:
        update(3, 1, 0)
    assert screen.getvalue() == ""


# ---------------------------------------------------------------------------
# Nothing to read


@pytest.mark.slow
def test_an_empty_folder_says_so_and_exits_1(run: Run, tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"no documents found in {tmp_path}" in result.stderr


@pytest.mark.slow
def test_a_folder_of_unreadable_types_says_so_and_exits_1(run: Run, tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = run(tmp_path)
    assert result.exit_code == 1
    assert "skipped: unknown file type '.jpg'" in result.stderr
    assert f"no documents found in {tmp_path}" in result.stderr
