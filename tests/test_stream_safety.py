"""--jobs never hangs: a worker's failure, or its death, is one document's error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventx.errors import ExtractionError
from eventx.schema import Document
from eventx.stream import parse_documents

GOOD = Path(__file__).resolve().parent / "data" / "robustness" / "good"


@Language.component("eventx_test_saboteur")
def _saboteur(doc: Doc) -> Doc:
    if "KILL-THE-WORKER" in doc.text:
        os._exit(3)  # a worker dying, as the out-of-memory killer would leave it
    if "RAISE-IN-A-COMPONENT" in doc.text:
        raise ValueError("a component gave up")
    while "LOOP-FOREVER" in doc.text:
        pass  # a component that never returns: only killing its worker ends it
    return doc


def blank_with_saboteur() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("eventx_test_saboteur")
    return nlp


def wire(number: int) -> Document:
    text = f"The foreign minister met the envoy in Rivel on Monday, dispatch number {number}."
    return Document(doc_id=f"d{number}", text=text)


@pytest.mark.skipif(sys.platform != "linux", reason="forks worker processes")
@pytest.mark.parametrize(
    "poison",
    ["KILL-THE-WORKER now", "RAISE-IN-A-COMPONENT now", "a lone surrogate \ud800 here"],
    ids=["worker dies", "component raises", "lone surrogate"],
)
def test_two_jobs_give_every_document_and_one_error_for_the_bad_one(poison: str) -> None:
    documents = [wire(number) for number in range(12)]
    documents.insert(5, Document(doc_id="bad", text=f"The envoy said: {poison}."))
    # A Doc is valid until the next one is asked for (a spaCy memory zone): read it at once.
    results = [
        (document.doc_id, parsed if isinstance(parsed, ExtractionError) else parsed.text)
        for document, parsed in parse_documents(
            blank_with_saboteur(), documents, batch_size=2, jobs=2
        )
    ]
    assert [doc_id for doc_id, _ in results] == [d.doc_id for d in documents]
    failed = [doc_id for doc_id, parsed in results if isinstance(parsed, ExtractionError)]
    assert failed == ["bad"]
    texts = [parsed for _, parsed in results if isinstance(parsed, str)]
    assert texts == [d.text for d in documents if d.doc_id != "bad"]


@pytest.mark.skipif(sys.platform != "linux", reason="forks worker processes")
@pytest.mark.parametrize("batch_size", [1, 3])
def test_a_worker_stuck_forever_is_stopped_and_its_document_is_the_error(
    batch_size: int,
) -> None:
    documents = [wire(number) for number in range(8)]
    documents.insert(4, Document(doc_id="stuck", text="The envoy said: LOOP-FOREVER."))
    results = [
        (document.doc_id, parsed if isinstance(parsed, ExtractionError) else parsed.text)
        for document, parsed in parse_documents(
            blank_with_saboteur(), documents, batch_size=batch_size, jobs=2, deadline=3.0
        )
    ]
    assert [doc_id for doc_id, _ in results] == [d.doc_id for d in documents]
    failed = {doc_id: str(parsed) for doc_id, parsed in results if not isinstance(parsed, str)}
    assert list(failed) == ["stuck"]
    assert "did not finish within 3 s and was stopped" in failed["stuck"]
    texts = [parsed for _, parsed in results if isinstance(parsed, str)]
    assert texts == [d.text for d in documents if d.doc_id != "stuck"]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="forks worker processes")
def test_a_lone_surrogate_beside_twenty_articles_never_hangs_two_jobs(tmp_path: Path) -> None:
    texts = [path.read_text("utf-8") for path in sorted(GOOD.glob("*.*")) if path.suffix != ".html"]
    lines = [json.dumps({"text": texts[n % len(texts)], "id": f"a{n}"}) for n in range(20)]
    lines.insert(5, '{"id": "odd", "text": "The minister met \\ud800 envoys in Rivel."}')
    source = tmp_path / "wire.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        command = [sys.executable, "-m", "eventx", "extract", str(source), "--jobs", jobs]
        done = subprocess.run(
            [*command, "--batch-size", "4"],
            capture_output=True,
            text=True,
            timeout=300,  # before the fix --jobs 2 waited forever
            check=False,
        )
        assert done.returncode == 1, done.stderr
        errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
        assert len(errors) == 1 and "document odd" in errors[0] and "surrogate" in errors[0]
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 20
