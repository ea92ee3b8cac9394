"""Parties named by what they are: 'the opposition' is a group even in the singular, and in
'accused the opposition of lying' the 'of' phrase is the deed, not part of who the group is.
Well-known armed groups and parties are known bodies with their home country.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.components.rules import shipped_knowledge
from eventx.extract import doc_events
from eventx.schema import Document, Event
from handbuilt import parse

Extract = Callable[..., list[Event]]

# Kenya accused the opposition of lying .
ACCUSED_OF = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
accused 1 ROOT VERB accuse - VBD
the 3 det DET the - DT
{noun} 1 dobj NOUN {lemma} - {tag}
of 3 prep ADP of - IN
lying 4 pobj VERB lie - VBG
. 1 punct PUNCT . - .
"""


def _accused(noun: str, lemma: str, tag: str) -> list[str]:
    doc = parse(ACCUSED_OF.format(noun=noun, lemma=lemma, tag=tag))
    events = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    (accusation,) = [e for e in events if e.event == "ACCUSE"]
    return [r.name for r in accusation.recipients]


def test_the_opposition_is_a_group_without_the_deed() -> None:
    assert _accused("opposition", "opposition", "NN") == ["opposition"]


@pytest.mark.parametrize(
    ("noun", "lemma", "tag"), [("official", "official", "NN"), ("rebels", "rebel", "NNS")]
)
def test_the_deed_is_never_part_of_a_name(noun: str, lemma: str, tag: str) -> None:
    assert [name for name in _accused(noun, lemma, tag) if "lying" in name] == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "KIGALI — Paul Kagame and his Rwandan Patriotic Front agreed to the ceasefire.",
            ("Rwandan Patriotic Front", "RWA"),
        ),
        (
            "JOHANNESBURG — The ANC accused the opposition of lying.",
            ("African National Congress", "ZAF"),
        ),
    ],
)
def test_known_parties_and_groups_through_the_parser(
    extract: Extract, text: str, party: tuple[str, str]
) -> None:
    events = [e for e in extract(text) if e.event in {"AGREE", "ACCUSE"}]
    assert party in [(a.name, a.country) for e in events for a in e.actors]
