"""A definite title stands for a person the text has already named, never for one it names
only later: 'The prime minister refused ...' at the top of a story is not the prime minister
of another country introduced further down."""

from __future__ import annotations

import datetime as dt

import pytest

from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import parse, small_knowledge

ENTRIES = [
    GazetteerEntry(id="ETH", label="GPE", name="Ethiopia", kind="country", country="ETH"),
    GazetteerEntry(
        id="title.prime_minister",
        label="TITLE",
        name="Prime Minister",
        kind="title",
        title="Prime Minister",
        sector="GOV",
    ),
]

# [Ethiopian Prime Minister Abiy Ahmed arrived .]  The prime minister met Kagame .
#   [Ethiopian Prime Minister Abiy Ahmed arrived .]
INTRODUCTION = """
Ethiopian 3 amod ADJ ethiopian NORP:ETH JJ
Prime 2 compound PROPN Prime TITLE:title.prime_minister NNP
Minister 3 compound PROPN Minister +TITLE NNP
Abiy 4 compound PROPN Abiy PERSON NNP
Ahmed 5 nsubj PROPN Ahmed +PERSON NNP
arrived 5 ROOT VERB arrive - VBD
. 5 punct PUNCT . - .
"""
MEETING = """
The 2 det DET the - DT
prime 2 compound ADJ prime TITLE:title.prime_minister JJ
minister 3 nsubj NOUN minister +TITLE NN
met 3 ROOT VERB meet - VBD
Kagame 3 dobj PROPN Kagame PERSON NNP
. 3 punct PUNCT . - .
"""


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(ENTRIES)


def meeting(spec: str, knowledge: Knowledge) -> Event:
    doc = parse(spec, relative_heads=True)
    found = doc_events(
        doc, Document(doc_id="t", text=doc.text, date=dt.date(2023, 5, 1)), knowledge
    )
    (event,) = [e for e in found if e.event == "CONSULT"]
    return event


def test_a_title_after_its_holder_is_that_person(knowledge: Knowledge) -> None:
    event = meeting(INTRODUCTION + MEETING, knowledge)
    assert [(a.name, a.country) for a in event.actors] == [("Abiy Ahmed", "ETH")]


def test_a_title_before_anyone_holds_it_stays_a_role(knowledge: Knowledge) -> None:
    event = meeting(MEETING + INTRODUCTION, knowledge)
    (actor,) = event.actors
    assert (actor.title, actor.country) == ("Prime Minister", None)
    assert actor.name != "Abiy Ahmed"
