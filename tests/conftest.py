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


def _check_records(text: str, events: list[Event]) -> None:
    """What every run must guarantee, whatever the text: each record validates and round-trips,
    its sentence, trigger, participants and place are the text at their offsets, and ids are
    unique."""
    for event in events:
        assert Event.model_validate_json(event.model_dump_json()) == event
        assert 0 <= event.start <= event.trigger_start <= event.trigger_end <= event.end
        assert event.end <= len(text)
        assert text[event.start : event.end] == event.sentence
        assert text[event.trigger_start : event.trigger_end] == event.trigger
        for actor in (*event.actors, *event.recipients):
            assert 0 <= actor.start <= actor.end <= len(text)
            assert text[actor.start : actor.end] == actor.text
        place = event.location
        if place is not None and place.start is not None and place.end is not None:
            assert text[place.start : place.end] == place.text
    assert len({event.id for event in events}) == len(events), [e.id for e in events]


@pytest.fixture(scope="session")
def check_records() -> Callable[[str, list[Event]], None]:
    """`_check_records`: what every record extracted from `text` must satisfy."""
    return _check_records


@pytest.fixture(scope="session")
def sound(extract: Callable[..., list[Event]]) -> Callable[[str], list[Event]]:
    """Extract from a text twice, check `_check_records` and that both runs give the same
    records (ids included), and return them."""

    def run(text: str) -> list[Event]:
        events = extract(text)
        _check_records(text, events)
        assert extract(text) == events
        return events

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
