"""`eventx report`, `graph`, `summary` and `extract -o *.html|*.geojson` through CliRunner."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from spacy.language import Language
from typer.testing import CliRunner, Result

from eventx.schema import Event

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.slow

Invoke = Callable[..., Result]


@pytest.fixture(scope="module")
def cli(nlp: Language) -> Iterator[Invoke]:
    """Any eventx command in-process, with the session's pipeline instead of a reload."""
    from eventx import pipeline
    from eventx.cli import app

    real = pipeline.load_pipeline

    def load(model: str | None = None, patterns: Any = ()) -> Language:
        return nlp if model is None and not patterns else real(model, patterns)

    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(app, [str(arg) for arg in args])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "load_pipeline", load)
        patch.delenv("EVENTX_MODEL", raising=False)
        yield invoke


@pytest.fixture(scope="module")
def seed_records(cli: Invoke, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("records") / "events.jsonl"
    result = cli("extract", SEEDS, "-o", path)
    assert result.exit_code == 0, result.stderr
    return path


def _embedded(html: str) -> dict[str, Any]:
    script = r'<script type="application/json" id="eventx-data">(.*?)</script>'
    found = re.search(script, html, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_report_from_documents_holds_texts_and_every_event(
    cli: Invoke, seed_records: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = cli("report", SEEDS, "-o", out)
    assert result.exit_code == 0, result.stderr
    data = _embedded(out.read_text(encoding="utf-8"))
    expected = [json.loads(line)["id"] for line in seed_records.read_text().splitlines()]
    assert [event["id"] for event in data["events"]] == expected
    (doc,) = data["docs"]
    assert doc["text"] and doc["title"] and len(doc["mentions"]) > 10
    assert "1 document(s), 8 event(s), 0 failure(s)" in result.stderr


def test_extract_to_an_html_file_writes_the_same_report(cli: Invoke, tmp_path: Path) -> None:
    result = cli("extract", SEEDS, "-o", tmp_path / "seed.html")
    assert result.exit_code == 0, result.stderr
    assert len(_embedded((tmp_path / "seed.html").read_text(encoding="utf-8"))["events"]) == 8


def test_report_from_records_shows_the_events_without_the_text(
    cli: Invoke, seed_records: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = cli("report", seed_records, "-o", out, "--title", "Mali & the US")
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h1>Mali &amp; the US</h1>" in html
    data = _embedded(html)
    assert len(data["events"]) == 8 and data["docs"][0]["text"] is None


def test_a_bad_record_is_one_error_line_and_the_rest_is_reported(
    cli: Invoke, seed_records: Path, tmp_path: Path
) -> None:
    lines = seed_records.read_text().splitlines()
    broken = tmp_path / "events.jsonl"
    broken.write_text("\n".join([lines[0], '{"schema_version": "1.0"', *lines[1:]]) + "\n")
    result = cli("report", broken, "-o", tmp_path / "r.html")
    assert result.exit_code == 1
    assert f"error: {broken}:2: malformed JSON" in result.stderr
    assert len(_embedded((tmp_path / "r.html").read_text(encoding="utf-8"))["events"]) == 8


def test_report_into_a_missing_folder_is_a_usage_error(cli: Invoke, tmp_path: Path) -> None:
    result = cli("report", SEEDS, "-o", tmp_path / "nowhere" / "r.html")
    assert result.exit_code == 2
    assert "no folder" in result.stderr


@pytest.mark.parametrize("suffix", ["graphml", "gexf", "json"])
def test_graph_format_follows_the_output_extension(
    cli: Invoke, seed_records: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"network.{suffix}"
    result = cli("graph", seed_records, "-o", out)
    assert result.exit_code == 0, result.stderr
    if suffix == "graphml":
        graph = nx.read_graphml(out)
    elif suffix == "gexf":
        graph = nx.read_gexf(out)
    else:
        graph = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
    names = {data.get("name") or data.get("label") for _, data in graph.nodes(data=True)}
    assert {"Nick Chicker", "Mali", "Abdoulaye Diop", "Russia"} <= names
    events = {data["event"] for _, _, data in graph.edges(data=True)}
    assert {"CONSULT", "SANCTION", "COOPERATE"} <= events


def test_graph_from_documents_to_stdout_is_node_link_json(cli: Invoke) -> None:
    result = cli("graph", SEEDS)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["directed"] and data["multigraph"]
    people = {node["name"] for node in data["nodes"] if node["kind"] == "person"}
    assert "Nick Chicker" in people


def test_graph_with_an_unknown_extension_asks_for_a_format(cli: Invoke, tmp_path: Path) -> None:
    result = cli("graph", SEEDS, "-o", tmp_path / "net.bin")
    assert result.exit_code == 2
    assert "give --format" in result.stderr


def test_summary_as_json(cli: Invoke, seed_records: Path) -> None:
    result = cli("summary", seed_records, "--top", "2")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["events"] == 8 and summary["documents"] == 1
    assert [actor["name"] for actor in summary["actors"]] == ["Mali", "Nick Chicker"]
    assert summary["places"] == [{"name": "Bamako, MLI", "count": 3}]


def test_summary_as_tables(cli: Invoke) -> None:
    result = cli("summary", SEEDS, "--format", "table")
    assert result.exit_code == 0, result.stderr
    for heading in ("event types", "top actors", "top dyads", "top places", "top topics"):
        assert heading in result.stdout
    assert "Nick Chicker → Abdoulaye Diop" in result.stdout


def test_extract_geojson_by_extension_and_by_format(cli: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = cli("extract", SEEDS, "-o", out)
    assert result.exit_code == 0, result.stderr
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 8
    located = [f for f in collection["features"] if f["geometry"] is not None]
    assert located and all(
        f["geometry"]["coordinates"]
        == [f["properties"]["location"]["lon"], f["properties"]["location"]["lat"]]
        for f in located
    )
    Event.model_validate(collection["features"][0]["properties"])
    streamed = cli("extract", SEEDS, "--format", "geojson")
    assert json.loads(streamed.stdout) == collection


def test_a_report_written_among_its_inputs_is_not_read_back(cli: Invoke, tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "seed.txt").write_text(next(SEEDS.glob("*.txt")).read_text(encoding="utf-8"))
    for _ in range(2):
        result = cli("report", news, "-o", news / "report.html")
        assert result.exit_code == 0, result.stderr
    data = _embedded((news / "report.html").read_text(encoding="utf-8"))
    assert [doc["id"] for doc in data["docs"]] == ["seed"]


def test_a_format_contradicting_geojson_or_html_is_a_usage_error(
    cli: Invoke, tmp_path: Path
) -> None:
    for name in ("events.geojson", "report.html"):
        result = cli("extract", SEEDS, "-f", "csv", "-o", tmp_path / name)
        assert result.exit_code == 2
        assert "contradicts the extension" in result.stderr
        assert not (tmp_path / name).exists()


def test_extract_writes_the_report_to_stdout_with_format_html(cli: Invoke) -> None:
    result = cli("extract", SEEDS, "-f", "HTML")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert len(_embedded(result.stdout)["events"]) == 8


def test_graph_format_and_extension_must_agree(cli: Invoke, tmp_path: Path) -> None:
    result = cli("graph", SEEDS, "-f", "gexf", "-o", tmp_path / "net.graphml")
    assert result.exit_code == 2
    assert "contradicts the extension" in result.stderr


@pytest.mark.parametrize("name", ["report.txt", "events.jsonl", "report"])
def test_report_to_a_file_not_named_html_is_a_usage_error(
    cli: Invoke, seed_records: Path, tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    result = cli("report", seed_records, "-o", out)
    assert result.exit_code == 2
    assert str(out) in result.stderr and ".html" in result.stderr
    assert not out.exists()


def test_report_with_format_html_writes_any_file_name(
    cli: Invoke, seed_records: Path, tmp_path: Path
) -> None:
    out = tmp_path / "review.txt"
    result = cli("report", seed_records, "-f", "HTML", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert len(_embedded(out.read_text(encoding="utf-8"))["events"]) == 8


def test_report_refuses_a_format_it_does_not_write(cli: Invoke, seed_records: Path) -> None:
    result = cli("report", seed_records, "-f", "jsonl")
    assert result.exit_code == 2
    assert "unknown format 'jsonl' (choose html)" in result.stderr
