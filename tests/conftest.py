"""Shared fixtures: the eventx pipeline loaded once per session, and an `extract` helper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner, Result

from eventx.schema import Document, Event

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from eventx.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[..., list[Event]]:
    from eventx.stream import extract_events

    def run(text: str, doc_id: str = "t", date: str | dt.date | None = None) -> list[Event]:
        when = dt.date.fromisoformat(date) if isinstance(date, str) else date
        document = Document(doc_id=doc_id, text=text, date=when)
        return list(extract_events(nlp, [document]))

    return run


@pytest.fixture(scope="module")
def run(nlp: Language) -> Iterator[Callable[..., Result]]:
    """Invoke `eventx extract ...` in-process, with the session's pipeline instead of a reload."""
    from eventx import pipeline
    from eventx.cli import app

    real = pipeline.load_pipeline

    def load(model: str | None = None, patterns: Any = ()) -> Language:
        return nlp if model is None and not patterns else real(model, patterns)

    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(app, ["extract", *[str(arg) for arg in args]])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "load_pipeline", load)
        patch.delenv("EVENTX_MODEL", raising=False)
        yield invoke
