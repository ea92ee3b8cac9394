"""A group whose members meet among themselves is a contact with one named side: 'rival
factions met in Cairo', 'opposition parties met on Tuesday'. A pair ('both parties') needs
what it refers to, and plural officials meeting stay a multilateral meeting.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.extract.knowledge import Knowledge
from eventx.schema import Event, GazetteerEntry
from handbuilt import consults, small_knowledge

Extract = Callable[..., list[Event]]

ENTRIES = [
    GazetteerEntry(id="geonames:360630", label="GPE", name="Cairo", kind="city", country="EGY"),
]

# {Det} {noun} met in Cairo.
MET_IN_CAIRO = """
{det} 1 {dep} {pos} {det_lemma} - {tag}
{noun} 2 nsubj NOUN {lemma} - NNS
met 2 ROOT VERB meet - VBD
in 2 prep ADP in - IN
Cairo 3 pobj PROPN Cairo GPE:geonames:360630 NNP
. 2 punct PUNCT . - .
"""


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(ENTRIES)


def _met(knowledge: Knowledge, det: str, noun: str, lemma: str) -> list[tuple[str, ...]]:
    dep, pos, tag = ("nummod", "NUM", "CD") if det == "two" else ("amod", "ADJ", "JJ")
    spec = MET_IN_CAIRO.format(
        det=det, dep=dep, pos=pos, det_lemma=det.lower(), tag=tag, noun=noun, lemma=lemma
    )
    return [(e.mode or "", *(a.name for a in e.actors)) for e in consults(spec, knowledge)]


def test_factions_meeting_among_themselves_are_a_contact(knowledge: Knowledge) -> None:
    assert _met(knowledge, "Rival", "factions", "faction") == [("meet", "Rival factions")]


def test_a_pair_with_nothing_to_refer_to_is_no_contact(knowledge: Knowledge) -> None:
    assert _met(knowledge, "two", "parties", "party") == []


def test_a_crowd_meeting_is_no_contact(knowledge: Knowledge) -> None:
    assert _met(knowledge, "Angry", "fans", "fan") == []


@pytest.mark.parametrize(
    "text",
    [
        "GAZA — Rival Palestinian factions met in Cairo on Tuesday to discuss a truce.",
        "NAIROBI — Kenya's opposition parties met on Sunday to choose a joint candidate.",
    ],
)
def test_groups_meeting_among_themselves_through_the_parser(extract: Extract, text: str) -> None:
    (meeting,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert len(meeting.actors) == 1 and meeting.recipients == []
    assert meeting.actors[0].kind == "group"
