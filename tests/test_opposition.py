"""Whose opposition 'the opposition' is (extract.kinds.domestic_country): a group of PLOVER
sector OPP, of the one country its sentence names, else of the story's; with two countries
named it has none. Hand-built parses with the shipped knowledge, then wire copy through the
parser."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.components.rules import shipped_knowledge
from eventx.extract import doc_events
from eventx.schema import Actor, Document, Event
from handbuilt import parse

Extract = Callable[..., list[Event]]

# Ruto met opposition leaders .
MET_OPPOSITION = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
met 1 ROOT VERB meet - VBD
opposition 3 compound NOUN opposition - NN
leaders 1 dobj NOUN leader - NNS
. 1 punct PUNCT . - .
"""

# Mali and Senegal met the opposition .
TWO_STATES = """
Mali 3 nsubj PROPN Mali GPE:MLI NNP
and 0 cc CCONJ and - CC
Senegal 0 conj PROPN Senegal GPE:SEN NNP
met 3 ROOT VERB meet - VBD
the 5 det DET the - DT
opposition 3 dobj NOUN opposition - NN
. 3 punct PUNCT . - .
"""


def _opposition(spec: str) -> list[Actor]:
    doc = parse(spec)
    events = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    return [p for e in events for p in e.actors + e.recipients if "opposition" in p.text]


def test_the_opposition_of_the_one_country_the_sentence_names() -> None:
    (party,) = _opposition(MET_OPPOSITION)
    assert (party.text, party.kind, party.sector, party.country) == (
        "opposition leaders",
        "group",
        "OPP",
        "KEN",
    )


def test_with_two_countries_named_whose_opposition_is_not_clear() -> None:
    parties = _opposition(TWO_STATES)
    assert parties and all(p.country is None and p.sector == "OPP" for p in parties)


@pytest.mark.parametrize(
    "text, country",
    [
        # the sentence names no country: the dateline's
        ("HARARE — The opposition accused the government of rigging the vote on Sunday.", "ZWE"),
        ("Kenyan President William Ruto met opposition leaders in Nairobi on Monday.", "KEN"),
    ],
)
def test_wire_copy_the_opposition_is_a_group_of_its_country(
    extract: Extract, text: str, country: str
) -> None:
    parties = [p for e in extract(text) for p in e.actors + e.recipients if "opposition" in p.text]
    assert parties, "the opposition takes part"
    assert {(p.kind, p.sector, p.country) for p in parties} == {("group", "OPP", country)}
