"""One output convention for every data command: --format names, -o extensions, tables off a
terminal, CSV columns, help and usage errors."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner, Result

from eventx.errors import FormatError
from eventx.formats import EXTRACT_FORMATS, Format, choose_format, parse_format
from eventx.io import CSV_COLUMNS, CSV_LIST_SEP, csv_row, write_records
from eventx.render import print_data
from eventx.schema import Actor, Event, Place

DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "robustness" / "good"
GOLD = DATA / "eval" / "gold_sample.jsonl"

Cli = Callable[..., Result]


@pytest.fixture(scope="module")
def cli(nlp: Language) -> Iterator[Cli]:
    """Any `eventx` command in-process, with the session's pipeline instead of a reload."""
    from eventx import pipeline
    from eventx.cli import app

    real = pipeline.load_pipeline

    def load(model: str | None = None, patterns: Any = ()) -> Language:
        return nlp if model is None and not patterns else real(model, patterns)

    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "load_pipeline", load)
        patch.delenv("EVENTX_MODEL", raising=False)
        yield lambda *args: runner.invoke(app, [str(arg) for arg in args])


def event(**changes: Any) -> Event:
    """A hand-built record; `changes` override its fields."""
    fields: dict[str, Any] = {
        "id": "e1",
        "doc_id": "d1",
        "event": "CONSULT",
        "mode": "meet",
        "status": "occurred",
        "actors": [
            Actor(
                text="Ruto",
                name="William Ruto",
                title="President",
                country="KEN",
                kind="person",
                start=0,
                end=4,
            ),
        ],
        "recipients": [],
        "sentence": "Ruto met the envoys.",
        "start": 0,
        "end": 20,
        "trigger": "met",
        "trigger_start": 5,
        "trigger_end": 8,
        "rule": "consult.meet.v1",
        "confidence": 0.85,
    }
    fields.update(changes)
    return Event(**fields)


# ---------------------------------------------------------------------------
# Choosing the format


@pytest.mark.parametrize("value", ["jsonl", "JSONL", "Json", " csv "])
def test_format_names_are_case_insensitive(value: str) -> None:
    assert parse_format(value).value == value.strip().lower()


def test_an_unknown_format_names_the_choices() -> None:
    with pytest.raises(FormatError) as caught:
        parse_format("xml")
    assert str(caught.value) == "unknown format 'xml' (choose table, jsonl, json, csv)"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.json", Format.json),
        ("a.CSV", Format.csv),
        ("a.jsonl", Format.jsonl),
        ("a.NDJSON", Format.jsonl),
    ],
)
def test_the_output_extension_chooses_the_format(name: str, expected: Format) -> None:
    assert choose_format(None, Path(name), terminal=True) is expected


@pytest.mark.parametrize("name", ["x.txt", "x.tsv", "x.md", "noext", "x.jsonl.bak", "x.geojson"])
def test_an_output_extension_that_implies_no_format_is_refused_without_format(name: str) -> None:
    # x.geojson: a format the data commands other than extract do not write.
    with pytest.raises(FormatError) as caught:
        choose_format(None, Path(name), terminal=False)
    message = str(caught.value)
    assert "\n" not in message
    if name != "x.geojson":
        assert message.startswith(f"cannot tell the output format of {name}")
        assert ".jsonl, .ndjson, .json, .csv, or give --format" in message


def test_extract_lists_its_own_extensions_when_refusing_one() -> None:
    with pytest.raises(FormatError, match=r"\.csv, \.geojson, \.html, \.htm, or give --format"):
        choose_format(None, Path("x.txt"), terminal=False, allowed=EXTRACT_FORMATS)


@pytest.mark.parametrize("name", ["x.jsonl.gz", "x.csv.bz2", "x.json.xz", "x.zst"])
@pytest.mark.parametrize("explicit", [None, Format.jsonl])
def test_a_compressed_output_is_refused_even_with_a_format(
    name: str, explicit: Format | None
) -> None:
    with pytest.raises(FormatError, match="compressed output is not supported"):
        choose_format(explicit, Path(name), terminal=False)


def test_a_device_needs_no_extension(tmp_path: Path) -> None:
    assert choose_format(None, Path(os.devnull), terminal=False) is Format.jsonl
    fifo = tmp_path / "pipe"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        assert choose_format(None, fifo, terminal=False) is Format.jsonl


def test_an_explicit_format_wins_and_a_contradiction_is_refused() -> None:
    assert choose_format(Format.csv, Path("a.txt"), terminal=False) is Format.csv
    assert choose_format(Format.json, Path("a.json"), terminal=False) is Format.json
    with pytest.raises(FormatError, match="contradicts"):
        choose_format(Format.csv, Path("a.json"), terminal=False)


def test_the_default_is_a_table_on_a_terminal_and_json_lines_otherwise() -> None:
    assert choose_format(None, None, terminal=True) is Format.table
    assert choose_format(None, None, terminal=False) is Format.jsonl


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_output_extension_sets_the_format_and_leaves_no_journal(
    cli: Cli, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"events{suffix}"
    result = cli("extract", GOOD, "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    if suffix == ".json":
        ids = {Event.model_validate(item).doc_id for item in json.loads(text)}
    else:
        ids = {row["doc_id"] for row in csv.DictReader(io.StringIO(text))}
    assert ids == {"summit", "sanctions", "visit"}
    assert not (tmp_path / f"events{suffix}.done").exists()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["x.txt", "x.tsv", "x.jsonl.gz", "noext"])
def test_an_unknown_output_extension_is_a_usage_error_and_writes_nothing(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    result = cli("extract", GOOD, "-o", tmp_path / name)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())  # no output, no .done journal


@pytest.mark.slow
def test_an_explicit_format_writes_that_format_under_any_name(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "events.txt"
    result = cli("extract", GOOD, "-f", "csv", "-o", out)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {row["doc_id"] for row in rows} == {"summit", "sanctions", "visit"}
    assert not (tmp_path / "events.txt.done").exists()


@pytest.mark.slow
def test_a_format_that_contradicts_the_extension_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("extract", GOOD, "-f", "csv", "-o", tmp_path / "events.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --format csv contradicts the extension")
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_format_values_are_case_insensitive_on_the_command_line(cli: Cli) -> None:
    result = cli("extract", GOOD, "-f", "JSONL")
    assert result.exit_code == 0, result.stderr
    assert {Event.model_validate_json(line).doc_id for line in result.stdout.splitlines()}


@pytest.mark.slow
@pytest.mark.parametrize("command", ["extract", "entities", "evaluate", "info"])
def test_a_bad_format_is_one_plain_line_and_exit_2(cli: Cli, command: str) -> None:
    args = [] if command == "info" else [GOLD if command == "evaluate" else GOOD]
    result = cli(command, *args, "--format", "xml")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: unknown format 'xml' (choose table, ")
    assert "Value error" not in line and "╭" not in result.stderr


# ---------------------------------------------------------------------------
# Every data command: the same --format, JSON Lines when piped


@pytest.mark.slow
def test_entities_default_to_json_lines_when_piped_and_take_every_format(cli: Cli) -> None:
    piped = cli("entities", GOOD)
    assert piped.exit_code == 0, piped.stderr
    lines = [json.loads(line) for line in piped.stdout.splitlines()]
    assert lines and {"doc_id", "text", "label", "id", "resolves_to"} <= set(lines[0])
    assert cli("entities", GOOD, "--json").stdout == piped.stdout  # the old spelling
    as_json = json.loads(cli("entities", GOOD, "-f", "json").stdout)
    assert as_json == lines
    rows = list(csv.DictReader(io.StringIO(cli("entities", GOOD, "-f", "CSV").stdout)))
    assert [row["text"] for row in rows] == [line["text"] for line in lines]
    table = cli("entities", GOOD, "-f", "table").stdout
    assert "resolves to" in table and lines[0]["text"] in table


@pytest.mark.slow
def test_info_writes_json_when_piped(cli: Cli) -> None:
    result = cli("info")
    assert result.exit_code == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["eventx"] and "trigger rules" in facts
    assert "trigger rules" in cli("info", "-f", "table").stdout


def test_evaluate_writes_one_json_report_when_piped(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "pred.jsonl"
    empty.write_text("", encoding="utf-8")
    piped = cli("evaluate", GOLD, "--pred", empty)
    assert piped.exit_code == 0, piped.stderr
    [line] = piped.stdout.splitlines()
    report = json.loads(line)
    assert report["overall"]["event"]["gold"] > 0
    assert json.loads(cli("evaluate", GOLD, "--pred", empty, "-f", "json").stdout) == report


# ---------------------------------------------------------------------------
# Tables off a terminal


def test_tables_off_a_terminal_are_never_cut_or_wrapped() -> None:
    from eventx.render import events_view

    sentence = (
        "Kenyan President William Ruto met the visiting delegations of the Intergovernmental "
        "Authority on Development in Nairobi on Tuesday to discuss the ceasefire monitoring "
        "mission, the reopening of the border crossings and the return of refugees."
    )
    record = event(
        sentence=sentence,
        end=len(sentence),
        trigger_start=30,
        trigger_end=33,
        trigger="met",
        about=["the ceasefire monitoring mission and the crossings"],
    )
    out = io.StringIO()
    print_data(events_view([record]), out)
    drawn = out.getvalue()
    assert sentence in drawn  # on one line, whole
    assert "the ceasefire monitoring mission and the crossings" in drawn
    assert "…" not in drawn


def test_a_narrow_terminal_never_breaks_a_type_or_a_status_in_two() -> None:
    from rich.console import Console

    from eventx.render import events_table

    records = [
        event(status="hypothetical", mode="multilateral"),
        event(id="e2", event="COOPERATE", mode=None, status="occurred"),
    ]
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(events_table(records))
    words = out.getvalue().split()
    for word in ("hypothetical", "occurred", "multilateral", "COOPERATE"):
        assert word in words


def test_evaluate_tables_in_a_file_keep_every_header(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "pred.jsonl"
    empty.write_text("", encoding="utf-8")
    result = cli("evaluate", GOLD, "--pred", empty, "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "…" not in result.stdout
    for header in ("event F1", "dyad F1", "topic P", "topic R"):
        assert header in result.stdout


# ---------------------------------------------------------------------------
# CSV records


def test_every_record_field_has_a_csv_column() -> None:
    columns = set(CSV_COLUMNS)
    for name in Event.model_fields:
        if name in ("actors", "recipients", "location"):
            continue
        assert name in columns, name
    plural = {"country": "countries"}
    for name in Actor.model_fields:
        if name == "name":
            continue  # the `actors` and `recipients` columns themselves
        for role in ("actor", "recipient"):
            assert f"{role}_{plural.get(name, name + 's')}" in columns, name
    for name in Place.model_fields:
        assert f"location_{name}" in columns or name in ("name", "lat", "lon"), name
    assert len(csv_row(event())) == len(CSV_COLUMNS)


def test_csv_list_columns_keep_one_entry_per_participant_in_order() -> None:
    recipients = [
        Actor(text="Abiy", name="Abiy Ahmed", country="ETH", kind="person", start=30, end=34),
        Actor(text="the envoy", name="the envoy", kind="person", start=40, end=49),
        Actor(
            text="Redwan",
            name="Redwan Hussien",
            country="ETH",
            title="Foreign Minister",
            kind="person",
            start=55,
            end=61,
        ),
    ]
    place = Place(
        text="Addis Ababa",
        name="Addis Ababa",
        country="ETH",
        lat=9.02,
        lon=38.75,
        kind="city",
        id="344979",
        start=70,
        end=81,
    )
    record = event(
        recipients=recipients,
        location=place,
        historical=True,
        amount="$5 million",
        about=["security"],
        date_text="on Tuesday",
        date_precision="day",
    )
    out = io.StringIO()
    write_records([record], "csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    split = CSV_LIST_SEP.join
    assert row["recipients"] == split(["Abiy Ahmed", "the envoy", "Redwan Hussien"])
    assert row["recipient_countries"] == split(["ETH", "", "ETH"])  # not deduplicated
    assert row["recipient_titles"] == split(["", "", "Foreign Minister"])
    assert row["recipient_starts"] == split(["30", "40", "55"])
    assert row["actor_titles"] == "President"
    assert (row["historical"], row["amount"], row["about"]) == ("true", "$5 million", "security")
    assert (row["date_text"], row["date_precision"]) == ("on Tuesday", "day")
    assert (row["location"], row["location_kind"], row["location_id"]) == (
        "Addis Ababa",
        "city",
        "344979",
    )
    assert row["location_inherited"] == "false"


# ---------------------------------------------------------------------------
# Help and usage errors


def test_help_answers_to_h_with_plain_metavars_help_and_examples(cli: Cli) -> None:
    for args in (
        ["-h"],
        ["--help"],
        ["extract", "-h"],
        ["entities", "-h"],
        ["evaluate", "-h"],
        ["info", "-h"],
        ["schema", "-h"],
    ):
        result = cli(*args)
        assert result.exit_code == 0, args
        assert result.stdout.startswith("Usage: ")
        assert "<" not in result.stdout.split("Options:")[1], args  # no <bool>, <list[Path]>
        assert "{" not in result.stdout.splitlines()[0], args  # no {inputs}...
        assert "Example" in result.stdout, args
    extract = cli("extract", "-h").stdout
    assert "Usage: eventx extract [OPTIONS] INPUT..." in extract
    for metavar in (
        "-o, --output FILE",
        "-m, --model NAME|PATH",
        "--batch-size N",
        "--date DATE",
        "-f, --format FORMAT",
        "--text-field NAME",
    ):
        assert metavar in extract, metavar


def test_every_option_has_help_text() -> None:
    import typer.main

    from eventx.cli import app

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            assert getattr(param, "help", None) or param.param_type_name == "argument", (
                f"{name} {param.name}"
            )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "--bogus", "x"], "error: no such option: --bogus"),
        (["extract"], "error: missing argument 'INPUT'"),
        (["nonsense"], "error: no such command 'nonsense'"),
    ],
)
def test_usage_errors_are_one_plain_line_and_exit_2(
    cli: Cli, args: list[str], message: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(message) and "-h" in line


def test_bare_eventx_prints_the_help_not_an_error(cli: Cli) -> None:
    result = cli()
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: eventx [OPTIONS] COMMAND")
    assert "error:" not in result.stderr and "Commands:" in result.stderr
