"""Shared fixtures: the eventx pipeline loaded once per session, and an `extract` helper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from eventx.schema import Document, Event

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from eventx.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[..., list[Event]]:
    from eventx.extract import extract_events

    def run(text: str, doc_id: str = "t", date: str | dt.date | None = None) -> list[Event]:
        when = dt.date.fromisoformat(date) if isinstance(date, str) else date
        document = Document(doc_id=doc_id, text=text, date=when)
        return list(extract_events(nlp, [document]))

    return run
