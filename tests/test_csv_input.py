"""CSV and TSV files as input: one document per row, with the same per-row errors as JSON Lines."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from eventx.errors import InputError
from eventx.io import iter_documents
from eventx.schema import Document

ARTICLES = [
    (
        "wire-101",
        "Ruto hosts Abiy",
        "2025-03-04",
        "Kenyan President William Ruto hosted Ethiopian Prime Minister Abiy Ahmed in Nairobi on "
        "Tuesday for talks on the Lamu port corridor.",
    ),
    (
        "",
        "Sisi meets the emir",
        "March 5, 2025",
        "Egyptian President Abdel Fattah el-Sisi met Qatari Emir Tamim bin Hamad Al Thani in "
        'Cairo on Wednesday.\n\nA second round\nof talks, "the decisive one", is due next week.',
    ),
]


def write_table(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def read(*inputs: Path, **options: object) -> list[Document | InputError]:
    return list(iter_documents([str(path) for path in inputs], **options))  # type: ignore[arg-type]


def test_each_row_is_a_document_with_its_id_title_date_and_url(tmp_path: Path) -> None:
    rows = [["id", "title", "date", "url", "text"]]
    rows += [
        [doc_id, title, day, f"https://example.test/{n}", text]
        for n, (doc_id, title, day, text) in enumerate(ARTICLES)
    ]
    items = read(write_table(tmp_path / "feed.csv", rows))
    assert all(isinstance(item, Document) for item in items)
    first, second = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.doc_id, first.title, first.date) == (
        "wire-101",
        "Ruto hosts Abiy",
        date(2025, 3, 4),
    )
    assert first.url == "https://example.test/0"
    assert second.doc_id == "feed-2"  # no id of its own: stem-ROW
    assert second.date == date(2025, 3, 5)
    assert second.text == ARTICLES[1][3]  # quoted newlines and quotes survive


def test_tsv_and_other_text_columns_are_read(tmp_path: Path) -> None:
    path = write_table(tmp_path / "notes.tsv", [["Body", "Headline"], [ARTICLES[0][3], "x"]], "\t")
    [item] = read(path)
    assert isinstance(item, Document) and item.text == ARTICLES[0][3]
    assert item.doc_id == "notes-1"


def test_text_field_names_the_column(tmp_path: Path) -> None:
    path = write_table(tmp_path / "feed.csv", [["text", "story"], ["ignored", ARTICLES[0][3]]])
    [item] = read(path, text_field="story")
    assert isinstance(item, Document) and item.text == ARTICLES[0][3]


def test_a_bad_row_is_one_error_naming_the_row_and_the_rest_is_read(tmp_path: Path) -> None:
    rows = [
        ["id", "text"],
        ["a", ARTICLES[0][3]],
        ["b", "   "],
        ["c", "x", "extra"],
        ["d", ARTICLES[1][3]],
    ]
    items = read(write_table(tmp_path / "feed.csv", rows))
    assert [item.doc_id for item in items if isinstance(item, Document)] == ["a", "d"]
    errors = [str(item) for item in items if isinstance(item, InputError)]
    assert errors == [
        f"{tmp_path / 'feed.csv'}: row 2: field 'text' is empty",
        f"{tmp_path / 'feed.csv'}: row 3: 3 cell(s) where the header has 2",
    ]


def test_a_table_without_a_text_column_is_one_error(tmp_path: Path) -> None:
    [item] = read(write_table(tmp_path / "people.csv", [["name", "role"], ["Ada", "envoy"]]))
    assert isinstance(item, InputError)
    assert "no text column" in item.reason and "'name', 'role'" in item.reason


def test_rows_longer_than_the_csv_module_default_are_read(tmp_path: Path) -> None:
    long_text = " ".join([ARTICLES[0][3]] * 1500)  # about 200 kB in one cell
    [item] = read(write_table(tmp_path / "big.csv", [["text"], [long_text]]))
    assert isinstance(item, Document) and item.text == long_text


def test_csv_and_tsv_inside_a_directory_are_read(tmp_path: Path) -> None:
    write_table(tmp_path / "a.csv", [["text"], [ARTICLES[0][3]], [ARTICLES[1][3]]])
    write_table(tmp_path / "b.tsv", [["content"], [ARTICLES[0][3]]], "\t")
    items = read(tmp_path)
    assert [item.doc_id for item in items if isinstance(item, Document)] == ["a-1", "a-2", "b-1"]


@pytest.mark.slow
def test_extract_reads_a_csv_row_by_row(run: object, tmp_path: Path) -> None:
    from eventx.schema import Event

    rows = [
        ["id", "date", "text"],
        ["r1", "2025-03-04", ARTICLES[0][3]],
        ["r2", "2025-03-05", ARTICLES[1][3]],
    ]
    path = write_table(tmp_path / "feed.csv", rows)
    result = run(path)  # type: ignore[operator]
    assert result.exit_code == 0, result.stderr
    events = [Event.model_validate_json(line) for line in result.stdout.splitlines()]
    assert {event.doc_id for event in events} == {"r1", "r2"}
    hosted = next(event for event in events if event.doc_id == "r1")
    assert hosted.date == date(2025, 3, 4)  # "on Tuesday" resolved against the row's date
    assert "2 document(s)" in result.stderr
