"""A people named by its plural ('Kenyans') acts as its state ('Palestinians blamed Israel')
unless a clause on it tells what its members do or undergo ('Kenyans living in Nigeria',
'Palestinians who lost their homes'): then it names those people, a group of that country.
So are its activists and dissidents ('Russian activists'), as its civilians are.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.components.rules import shipped_knowledge
from eventx.extract import doc_events
from eventx.schema import Document, Event
from handbuilt import parse

Extract = Callable[..., list[Event]]

# Kenyans [living in Nigeria] accused Uganda.
KENYANS_ACCUSED = """
Kenyans {verb} nsubj PROPN Kenyans NORP:KEN NNPS
{clause}accused {verb} ROOT VERB accuse - VBD
Uganda {verb} dobj PROPN Uganda GPE:UGA NNP
. {verb} punct PUNCT . - .
"""
LIVING_IN_NIGERIA = """living 0 acl VERB live - VBG
in 1 prep ADP in - IN
Nigeria 2 pobj PROPN Nigeria GPE:NGA NNP
"""


def _accusers(spec: str) -> list[tuple[str, str | None, str]]:
    doc = parse(spec)
    events = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    (accusation,) = [e for e in events if e.event == "ACCUSE"]
    return [(a.name, a.country, a.kind) for a in accusation.actors]


def test_a_people_acting_as_one_is_its_state() -> None:
    spec = KENYANS_ACCUSED.format(verb=1, clause="")
    assert _accusers(spec) == [("Kenya", "KEN", "country")]


def test_a_people_a_clause_describes_is_a_group_of_its_country() -> None:
    spec = KENYANS_ACCUSED.format(verb=4, clause=LIVING_IN_NIGERIA)
    assert _accusers(spec) == [("Kenyans", "KEN", "group")]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "LAGOS — Ghanaians working in Nigeria met the Ghanaian high commissioner on Friday.",
            ("Ghanaians", "GHA", "group"),
        ),
        (
            "GAZA — Palestinians whose homes were destroyed accused Israel of the shelling.",
            ("Palestinians", "PSE", "group"),
        ),
    ],
)
def test_described_people_through_the_parser(
    extract: Extract, text: str, party: tuple[str, str, str]
) -> None:
    events = [e for e in extract(text) if e.event in {"CONSULT", "ACCUSE"}]
    assert events
    assert party in [(a.name, a.country, a.kind) for e in events for a in e.actors]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("MOSCOW — Russian activists accused the Kremlin of rigging the vote.", "RUS"),
        ("BEIJING — Chinese dissidents met the U.S. ambassador on Friday.", "CHN"),
    ],
)
def test_activists_and_dissidents_are_a_group_of_their_country(
    extract: Extract, text: str, actor: str
) -> None:
    (event,) = [e for e in extract(text) if e.event in {"ACCUSE", "CONSULT"}]
    assert [(a.country, a.kind, a.sector) for a in event.actors] == [(actor, "group", "CVL")]
