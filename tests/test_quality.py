"""Quality floor: extraction on the development gold set must not fall below quality/floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from eventx import resources
from eventx.evaluation import country_name_table, evaluate, load_gold, metric_floor_failures
from eventx.stream import extract_events

ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = ROOT / "tests" / "data" / "dev" / "gold.jsonl"
FLOORS = ROOT / "quality" / "floors.json"

pytestmark = pytest.mark.slow


def test_development_set_stays_above_the_quality_floors(nlp: Language) -> None:
    gold = load_gold(DEV_GOLD)
    predicted = list(extract_events(nlp, (document.to_document() for document in gold)))
    table = country_name_table(resources.gazetteer(), resources.shipped_patterns("eventx_places"))
    report = evaluate(gold, predicted, country_names=table)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert floors, "the floors file must name at least one metric"
    failures = metric_floor_failures(report, floors)
    assert not failures, "\n".join(failures)


def test_negative_documents_give_no_event(nlp: Language) -> None:
    gold = [document for document in load_gold(DEV_GOLD) if not document.events]
    assert len(gold) >= 15
    predicted = list(extract_events(nlp, (document.to_document() for document in gold)))
    offenders = sorted({(event.doc_id, event.event, event.trigger) for event in predicted})
    # A few slips are tolerated here (the floors bound precision); a flood is not.
    assert len(offenders) <= 3, offenders
