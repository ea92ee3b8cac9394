"""A description set before a name, an indefinite noun and a comma ('A Ghanaian-American,
Senator Jane Doe has criticized ...'), says who the subject is: it gives the subject a country
and is no party of its own, though the parser makes it a second subject of the verb
(extract.subject.described_by).

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.components.rules import shipped_knowledge
from eventx.extract import doc_events
from eventx.extract.subject import described_by
from eventx.schema import Document, Event
from handbuilt import parse

Extract = Callable[..., list[Event]]

# A Ghanaian diplomat, Jane Doe has criticized Togo .  ({det} 'A' or 'The')
PREPOSED = """
{det} 2 det DET {lemma} - DT
Ghanaian 2 amod ADJ ghanaian NORP:GHA JJ
diplomat 7 nsubj NOUN diplomat - NN
, 7 punct PUNCT , - ,
Jane 5 compound PROPN Jane PERSON NNP
Doe 7 nsubj PROPN Doe +PERSON NNP
has 7 aux AUX have - VBZ
criticized 7 ROOT VERB criticize - VBN
Togo 7 dobj PROPN Togo GPE:TGO NNP
. 7 punct PUNCT . - .
"""


def _accusation(spec: str) -> Event:
    doc = parse(spec)
    events = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    (accusation,) = [e for e in events if e.event == "ACCUSE"]
    return accusation


def test_an_indefinite_description_before_the_name_is_no_second_subject() -> None:
    doc = parse(PREPOSED.format(det="A", lemma="a"))
    assert described_by(doc[5]) == doc[2]
    accusation = _accusation(PREPOSED.format(det="A", lemma="a"))
    assert [(a.name, a.country) for a in accusation.actors] == [("Jane Doe", "GHA")]


def test_a_definite_subject_before_a_comma_is_left_alone() -> None:
    doc = parse(PREPOSED.format(det="The", lemma="the"))
    assert described_by(doc[5]) is None


@pytest.mark.parametrize(
    "text, country",
    [
        ("A Cuban-American, Senator Ana Ruiz has criticized the thaw in U.S.-Cuban ties.", "USA"),
        ("A veteran Kenyan diplomat, Grace Achieng met Ugandan officials on Monday.", "KEN"),
    ],
)
def test_wire_copy_a_preposed_description(extract: Extract, text: str, country: str) -> None:
    (event,) = extract(text)
    assert len(event.actors) == 1
    assert event.actors[0].kind == "person" and event.actors[0].country == country
