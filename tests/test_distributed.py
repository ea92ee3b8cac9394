"""Extraction on a Dask cluster of worker processes gives the events a local run gives, in order."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import Result

from eventx.errors import ExtractionError
from eventx.schema import Document, Event

ROOT = Path(__file__).resolve().parent.parent
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")

pytestmark = pytest.mark.slow


def _generated(count: int) -> list[Document]:
    """Articles from the benchmark's own seeded generator: diplomatic and other news."""
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return [
        Document(doc_id=record.pop("id"), **record) for record in module.articles(count, seed=7)
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    documents = _generated(14)
    # One document refused (over eight times the model's limit, so not cut into parts): its
    # failure comes back in its place, the rest go on.
    documents.insert(5, Document(doc_id="huge", text="Talks. " * 1_200_000))
    return documents


def _local(nlp: Language, documents: list[Document]) -> list[tuple[str, list[Event] | str]]:
    from eventx.stream import extract_documents

    return [
        (document.doc_id, result.reason if isinstance(result, ExtractionError) else result)
        for document, result in extract_documents(nlp, documents)
    ]


def test_cluster_run_gives_the_local_events_in_input_order(
    nlp: Language, client: object, documents: list[Document]
) -> None:
    from eventx.distributed import extract_documents

    # Small chunks, several in flight, so that chunks can finish out of order.
    remote = [
        (document.doc_id, result.reason if isinstance(result, ExtractionError) else result)
        for document, result in extract_documents(documents, client, chunk_size=2, in_flight=5)
    ]
    local = _local(nlp, documents)
    assert [doc_id for doc_id, _ in remote] == [document.doc_id for document in documents]
    assert remote == local
    assert sum(len(result) for _, result in local if isinstance(result, list)) > 10
    assert isinstance(dict(remote)["huge"], str)


def test_user_patterns_travel_to_the_workers(nlp: Language, client: object, tmp_path: Path) -> None:
    from eventx.distributed import extract_events

    patterns = tmp_path / "mine.jsonl"
    line = {
        "label": "GPE",
        "pattern": "Freedonia",
        "id": "FRD",
        "name": "Freedonia",
        "kind": "country",
        "country": "FRD",
    }
    patterns.write_text(json.dumps(line) + "\n", encoding="utf-8")
    text = "Freedonia's foreign minister met his Kenyan counterpart in Nairobi on Tuesday."
    document = Document(doc_id="f", text=text)
    plain = list(extract_events([document], client))
    events = list(extract_events([document], client, patterns=[patterns]))
    assert not any(actor.country == "FRD" for event in plain for actor in event.actors)
    assert any(actor.country == "FRD" for event in events for actor in event.actors)


def test_a_bad_pattern_file_fails_on_the_client_naming_it(client: object, tmp_path: Path) -> None:
    from eventx.distributed import extract_documents
    from eventx.errors import RuleFileError

    patterns = tmp_path / "broken.jsonl"
    patterns.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"broken\.jsonl"):
        list(extract_documents([], client, patterns=[patterns]))


def test_cli_scheduler_option_writes_what_a_local_run_writes(
    run: Callable[..., Result], client: object, documents: list[Document], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": document.doc_id, "text": document.text}) + "\n"
            for document in documents[:8]
        ),
        encoding="utf-8",
    )
    address = client.scheduler.address  # type: ignore[attr-defined]
    local = run(corpus, "-f", "jsonl")
    remote = run(corpus, "-f", "jsonl", "--scheduler", address)
    # The document too long for the model fails in both runs, and both go on past it.
    assert remote.exit_code == local.exit_code == 1, remote.output
    assert remote.stdout == local.stdout
    assert "document huge" in remote.stderr
    assert len(remote.stdout.splitlines()) > 5
