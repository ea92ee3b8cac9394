"""Tests for eventx.io: documents from files, directories, globs and stdin; records out."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventx.errors import InputError
from eventx.io import (
    CSV_COLUMNS,
    clean_text,
    iter_documents,
    open_output,
    write_records,
)
from eventx.schema import Actor, Document, Event, Place, Status, stable_id

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "io"
SEEDS = ROOT / "seeds"


def read(*inputs: str | Path, **options: object) -> list[Document | InputError]:
    return list(iter_documents([str(item) for item in inputs], **options))  # type: ignore[arg-type]


def documents(items: Iterable[Document | InputError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items: Iterable[Document | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def only_error(items: list[Document | InputError]) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


# ---------------------------------------------------------------------------
# Plain text and boilerplate cleaning


def test_seed_article_is_cleaned_of_repeated_title_counter_and_comment_form() -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    [document] = read(seed)
    assert isinstance(document, Document)
    assert document.title == "Washington Seeks to Rebuild Trust with Mali Authorities"
    assert document.text.startswith("Africa-Press. The head of African Affairs")
    assert "LEAVE A REPLY" not in document.text
    assert "Please enter" not in document.text
    assert document.title not in document.text
    assert document.doc_id == seed.stem
    assert document.source == str(seed)


def test_scraped_text_drops_whole_line_furniture_but_keeps_sentences() -> None:
    [document] = read(DATA / "scraped.txt")
    assert isinstance(document, Document)
    assert document.title == "Harbour Talks Resume Between Ostrava Delegation and Port Authority"
    assert document.text.startswith("Coastline Wire. A trade delegation")
    # A sentence that happens to contain "share this" is article text and stays.
    assert "would share this week's draft" in document.text
    for furniture in ("Share this:", "Related posts", "Subscribe", "LEAVE A REPLY", "email"):
        assert furniture not in document.text
    assert "12" not in document.text.split()
    assert document.text.count("\n\n") == 1  # two paragraphs, one blank line between


def test_clean_text_normalises_line_endings_and_keeps_paragraphs() -> None:
    raw = (
        "Ceasefire Talks Open\r\n\r\n"
        "First paragraph line one.\r\nLine two.\r\n\r\n\r\n7\r\nSecond one.\r"
    )
    text, title = clean_text(raw, None)
    assert title == "Ceasefire Talks Open"
    assert text == "First paragraph line one.\nLine two.\n\nSecond one."


def test_clean_text_keeps_a_first_line_ending_in_a_period_as_text() -> None:
    raw = "The mayors met on Monday.\n\nThey agreed on a shared bus line."
    text, title = clean_text(raw, None)
    assert title is None
    assert text == raw


def test_clean_text_uses_a_given_title_instead_of_guessing() -> None:
    raw = "Summit Ends\n\nSummit Ends\nLeaders left the coastal town of Brisa on Sunday."
    text, title = clean_text(raw, "Summit Ends")
    assert title == "Summit Ends"
    assert text == "Leaders left the coastal town of Brisa on Sunday."


def test_markdown_heading_becomes_the_title() -> None:
    [document] = read(DATA / "heading.md")
    assert isinstance(document, Document)
    assert document.title == "Ministers Agree on River Survey"
    assert document.text.startswith("The two water ministers agreed")
    assert "#" not in document.text


# ---------------------------------------------------------------------------
# HTML


def test_html_gives_main_text_title_and_date_without_scripts_or_styles() -> None:
    [document] = read(DATA / "page.html")
    assert isinstance(document, Document)
    assert document.title == "Envoy Opens Fisheries Dialogue in Port Selby"
    assert document.date == date(2024, 5, 2)
    assert "met the fisheries minister of Lantria" in document.text
    assert "A second meeting is planned" in document.text
    assert "TOKEN_IN" not in document.text
    assert "Home | World" not in document.text
    assert document.doc_id == "page"


def test_html_date_comes_from_metadata_never_from_the_body(tmp_path: Path) -> None:
    html = (DATA / "page.html").read_text(encoding="utf-8")
    meta = '<meta property="article:published_time" content="2024-05-02T09:30:00Z">'
    assert meta in html
    html = html.replace(meta, "")
    html = html.replace("on Thursday", "on 3 March 2021")
    path = tmp_path / "undated.html"
    path.write_text(html, encoding="utf-8")
    [document] = read(path)
    assert isinstance(document, Document)
    assert "3 March 2021" in document.text
    assert document.date is None


def test_html_falls_back_to_plain_markup_text_when_trafilatura_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("trafilatura.bare_extraction", lambda *args, **kwargs: None)
    [document] = read(DATA / "page.html")
    assert isinstance(document, Document)
    assert document.title == "Envoy Opens Fisheries Dialogue in Port Selby"
    assert "met the fisheries minister of Lantria" in document.text
    assert "TOKEN_IN" not in document.text


# ---------------------------------------------------------------------------
# JSON and JSON Lines


def test_jsonl_broken_middle_line_gives_two_documents_and_an_error_on_line_2() -> None:
    items = read(DATA / "records.jsonl")
    docs, errs = documents(items), errors(items)
    assert [doc.doc_id for doc in docs] == ["wire-101", "records-3"]
    assert len(errs) == 1
    assert errs[0].line == 2
    assert errs[0].source == str(DATA / "records.jsonl")
    assert "records.jsonl:2" in str(errs[0])
    first = docs[0]
    assert first.title == "Border crossing reopens"
    assert first.date == date(2024, 3, 5)
    assert first.url == "https://example.org/wire-101"
    assert docs[1].text.startswith("Customs officials")  # taken from "body"


def test_json_array_ids_are_stem_and_index_or_the_record_id() -> None:
    docs = read(DATA / "array.json")
    assert [doc.doc_id for doc in documents(docs)] == ["array-1", "77"]
    assert not errors(docs)
    first, second = documents(docs)
    assert first.text.startswith("The council of the Aldern League")  # from "content"
    assert first.date == date(2024, 3, 5)  # "5 March 2024"
    assert second.date is None  # "sometime soon" is not a date


def test_json_single_object_uses_the_file_stem_and_an_iso_datetime() -> None:
    [document] = read(DATA / "single.json")
    assert isinstance(document, Document)
    assert document.doc_id == "single"
    assert document.title == "Mediators arrive"
    assert document.date == date(2023, 11, 20)


def test_text_field_option_and_errors_name_the_line() -> None:
    items = read(DATA / "fields.jsonl", text_field="article")
    assert [doc.doc_id for doc in documents(items)] == ["f-1"]
    missing, not_string = errors(items)
    assert missing.line == 2 and "'article'" in missing.reason
    assert not_string.line == 3 and "not a string" in not_string.reason


def test_record_without_any_text_field_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notext.jsonl"
    path.write_text('{"id": "x", "headline": "Only a headline"}\n', encoding="utf-8")
    error = only_error(read(path))
    assert error.line == 1
    assert "text" in error.reason and "body" in error.reason


def test_invalid_json_file_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "text": "A minister spoke",\n  oops\n}\n', encoding="utf-8")
    error = only_error(read(path))
    assert error.line == 3
    assert "invalid JSON" in error.reason


# ---------------------------------------------------------------------------
# Expanding inputs


def test_directory_walk_is_recursive_sorted_and_skips_hidden_and_unknown_files() -> None:
    items = read(DATA / "tree")
    assert not errors(items)
    sources = [Path(doc.source or "").relative_to(DATA / "tree").as_posix() for doc in items]
    assert sources == ["a.txt", "sub/b.md", "sub/c.text"]
    assert read(DATA / "tree") == items  # same order every run


def test_explicit_unknown_extension_is_read_as_text_unless_refused() -> None:
    [document] = read(DATA / "tree" / "people.log")
    assert isinstance(document, Document)
    assert "Ada,minister" in document.text
    error = only_error(read(DATA / "tree" / "people.log", explicit_unknown_ok=False))
    assert "unsupported" in error.reason


def test_glob_patterns_including_double_star() -> None:
    flat = documents(read(f"{DATA / 'tree'}/*.txt"))
    assert [doc.doc_id for doc in flat] == ["a"]
    deep = documents(read(f"{DATA / 'tree'}/**/*.md"))
    assert [doc.doc_id for doc in deep] == ["b"]
    error = only_error(read(f"{DATA / 'tree'}/*.pdf"))
    assert "no files match" in error.reason


def test_missing_path_is_reported_and_the_next_input_still_read(tmp_path: Path) -> None:
    items = read(tmp_path / "nowhere.txt", DATA / "single.json")
    assert isinstance(items[0], InputError)
    assert items[0].source == str(tmp_path / "nowhere.txt")
    assert "no such file" in items[0].reason
    assert isinstance(items[1], Document) and items[1].doc_id == "single"


def test_the_same_file_named_twice_is_read_once() -> None:
    items = read(DATA / "single.json", DATA / "single.json", f"{DATA}/single.*")
    assert [doc.doc_id for doc in documents(items)] == ["single"]


def test_directory_symlink_loop_is_not_followed_twice(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "inner").mkdir(parents=True)
    (corpus / "one.txt").write_text("The envoy returned home.", encoding="utf-8")
    (corpus / "inner" / "two.txt").write_text("The talks resumed.", encoding="utf-8")
    (corpus / "inner" / "back").symlink_to(corpus, target_is_directory=True)
    (corpus / "alias").symlink_to(corpus / "inner", target_is_directory=True)
    items = read(corpus)
    assert not errors(items)
    assert sorted(doc.doc_id for doc in documents(items)) == ["one", "two"]


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated, because the test suite may run as root, who can read anything.
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret cable.", encoding="utf-8")
    original = Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    error = only_error(read(locked))
    assert error.reason == "permission denied"
    assert error.source == str(locked)


# ---------------------------------------------------------------------------
# Bad content and encodings


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n   \n", "whitespace"),
        (b"PK\x03\x04\x00\x00\x08\x00binary\x00payload", "binary file"),
        (bytes(range(1, 9)) * 40 + b"some text", "binary file"),
        (bytes(range(128, 256)) * 3, "encoding could not be determined"),
    ],
    ids=["empty", "whitespace", "nul-bytes", "control-chars", "undecodable"],
)
def test_unreadable_content_is_reported(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    error = only_error(read(path))
    assert reason in error.reason


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeffLes ministres se sont réunis à Genève.".encode(),
        "Les ministres se sont réunis à Genève.".encode("utf-16"),
        "Les ministres se sont réunis à Genève pour une réunion décisive avec leurs "
        "homologues, et l’accord a été signé après deux jours de négociations.".encode("cp1252"),
    ],
    ids=["utf8-bom", "utf16-bom", "cp1252"],
)
def test_text_in_other_encodings_is_decoded(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(encoded)
    [document] = read(path)
    assert isinstance(document, Document)
    assert document.text.startswith("Les ministres se sont réunis à Genève")
    assert "\ufeff" not in document.text


def test_files_above_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("The delegation arrived. " * 100, encoding="utf-8")
    error = only_error(read(path, max_bytes=1000))
    assert "limit" in error.reason
    assert isinstance(read(path)[0], Document)  # under the default limit


# ---------------------------------------------------------------------------
# Standard input


def test_stdin_plain_text_gets_a_hash_id() -> None:
    stream = io.StringIO("Talks in Rivel\n\nThe two foreign ministers met in Rivel.\n")
    [document] = read("-", stdin=stream)
    assert isinstance(document, Document)
    assert document.title == "Talks in Rivel"
    assert document.text == "The two foreign ministers met in Rivel."
    assert document.doc_id == stable_id(document.text, length=12)
    assert document.source == "-"


def test_stdin_jsonl_is_read_as_records() -> None:
    stream = io.StringIO(
        '{"id": "s1", "text": "The envoy met the prime minister."}\n'
        "\n"
        '{"text": "The council approved new sanctions."}\n'
    )
    docs = read("-", stdin=stream)
    assert [doc.doc_id for doc in documents(docs)] == [
        "s1",
        stable_id("The council approved new sanctions.", length=12),
    ]


def test_stdin_with_one_non_json_line_is_plain_text() -> None:
    stream = io.StringIO('{"text": "looks like JSON"}\nbut this line is prose.\n')
    [document] = read("-", stdin=stream)
    assert isinstance(document, Document)
    assert document.text.startswith('{"text"')


# ---------------------------------------------------------------------------
# Records out


def person(name: str, country: str) -> Actor:
    return Actor(text=name, name=name, country=country, kind="person", start=0, end=len(name))


def make_event(number: int) -> Event:
    sentence = f"The envoy met the minister in Bamako, meeting {number}."
    return Event(
        id=f"ev{number}",
        doc_id="doc-1",
        event="CONSULT",
        mode="meet",
        cameo="040",
        status=Status.occurred,
        actors=[person("Nora Vale", "USA"), person("Tamsin Oke", "USA")],
        recipients=[person("Amadou Sy", "MLI")],
        location=Place(text="Bamako", name="Bamako", country="MLI", lat=12.65, lon=-8.0),
        topics=["security", "diplomacy"],
        date=date(2025, 3, 4),
        sentence=sentence,
        start=0,
        end=len(sentence),
        trigger="met",
        trigger_start=10,
        trigger_end=13,
        rule="consult.meet.v1",
        confidence=0.8,
    )


def test_jsonl_output_round_trips_through_the_model() -> None:
    out = io.StringIO()
    events = [make_event(1), make_event(2)]
    assert write_records(iter(events), "jsonl", out) == 2
    lines = out.getvalue().splitlines()
    assert [Event.model_validate_json(line) for line in lines] == events


def test_json_output_is_one_array() -> None:
    out = io.StringIO()
    assert write_records([make_event(1), make_event(2)], "json", out) == 2
    loaded = json.loads(out.getvalue())
    assert [Event.model_validate(item) for item in loaded] == [make_event(1), make_event(2)]
    empty = io.StringIO()
    assert write_records([], "json", empty) == 0
    assert json.loads(empty.getvalue()) == []


def test_csv_output_has_flat_columns() -> None:
    out = io.StringIO()
    assert write_records([make_event(1)], "csv", out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    row = rows[0]
    assert row["actors"] == "Nora Vale; Tamsin Oke"
    assert row["actor_countries"] == "USA; USA"  # one per actor, lined up with the names
    assert row["recipients"] == "Amadou Sy"
    assert row["recipient_countries"] == "MLI"
    assert row["location"] == "Bamako" and row["location_country"] == "MLI"
    assert float(row["lat"]) == 12.65 and float(row["lon"]) == -8.0
    assert row["topics"] == "security; diplomacy"
    assert row["status"] == "occurred" and row["date"] == "2025-03-04"
    assert row["sentence"] == make_event(1).sentence


def test_atomic_output_leaves_the_old_file_when_a_run_fails(tmp_path: Path) -> None:
    target = tmp_path / "events.json"
    target.write_text("[]\n", encoding="utf-8")

    def failing() -> Iterable[Event]:
        yield make_event(1)
        raise RuntimeError("pipeline crashed")

    with pytest.raises(RuntimeError), open_output(target, "json") as handle:
        write_records(failing(), "json", handle)
    assert target.read_text(encoding="utf-8") == "[]\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.json"]

    with open_output(target, "csv") as handle:
        write_records([make_event(1)], "csv", handle)
    assert target.read_text(encoding="utf-8").startswith("id,doc_id,event")


def test_jsonl_output_appends_whole_lines_when_resuming(tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    target.write_text(make_event(1).model_dump_json(), encoding="utf-8")  # no final newline
    with open_output(target, "jsonl", append=True) as handle:
        write_records([make_event(2)], "jsonl", handle)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [Event.model_validate_json(line).id for line in lines] == ["ev1", "ev2"]


def test_output_without_a_path_goes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    with open_output(None, "jsonl") as handle:
        write_records([make_event(1)], "jsonl", handle)
    assert Event.model_validate_json(capsys.readouterr().out).id == "ev1"


def test_files_with_the_same_name_in_two_folders_get_distinct_stable_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(
            f"The envoy of {folder} met the minister.", encoding="utf-8"
        )
    first = [doc.doc_id for doc in documents(read(tmp_path))]
    again = [doc.doc_id for doc in documents(read(tmp_path))]
    assert first[0] == "index" and first[1].startswith("index-")
    assert len(set(first)) == 2 and first == again


def test_deeply_nested_json_on_stdin_is_one_failure_and_later_inputs_are_read(
    tmp_path: Path,
) -> None:
    after = tmp_path / "after.txt"
    after.write_text("The two foreign ministers met in Rivel.", encoding="utf-8")
    stream = io.StringIO("[" * 100_000 + "]" * 100_000)
    items = read("-", after, stdin=stream)
    assert "after" in [doc.doc_id for doc in documents(items)]
    assert all(error.source != str(after) for error in errors(items))
