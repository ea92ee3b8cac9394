"""'Blamed the X on Y' names the accused in its 'on' phrase; 'blamed Y for X' in its object.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.extract.knowledge import Knowledge
from eventx.schema import Event, GazetteerEntry
from handbuilt import events_of, small_knowledge

Extract = Callable[..., list[Event]]

ENTRIES = [
    GazetteerEntry(id="RUS", label="GPE", name="Russia", kind="country", country="RUS"),
    GazetteerEntry(id="USA", label="GPE", name="United States", kind="country", country="USA"),
]

# Russia blamed the collapse on Washington.
BLAMED_ON = """
Russia 1 nsubj PROPN Russia GPE:RUS NNP
blamed 1 ROOT VERB blame - VBD
the 3 det DET the - DT
collapse 1 dobj NOUN collapse - NN
on 1 prep ADP on - IN
{accused} 4 pobj PROPN {accused} {ent} NNP
. 1 punct PUNCT . - .
"""


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(ENTRIES)


def test_the_on_phrase_of_blame_names_the_accused(knowledge: Knowledge) -> None:
    spec = BLAMED_ON.format(accused="America", ent="GPE:USA")
    (accusation,) = events_of(spec, knowledge, "ACCUSE")
    assert [(a.name, a.country) for a in accusation.actors] == [("Russia", "RUS")]
    assert [r.country for r in accusation.recipients] == ["USA"]


def test_a_thing_blamed_on_a_thing_names_no_accused(knowledge: Knowledge) -> None:
    spec = BLAMED_ON.format(accused="inflation", ent="-").replace(
        "PROPN inflation", "NOUN inflation"
    )
    (accusation,) = events_of(spec, knowledge, "ACCUSE")
    assert accusation.recipients == []


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("KABUL — Afghan officials blamed Tuesday's bombing on the Taliban.", "Taliban"),
        ("MOSCOW — Russia blamed the breakdown of the ceasefire on Ukraine.", "UKR"),
        # the object is the accused; "on Thursday" is a time, not a second accused
        ("LONDON — Britain blamed Moscow on Thursday for the cyberattack.", "RUS"),
    ],
)
def test_blame_through_the_parser(extract: Extract, text: str, accused: str) -> None:
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    found = {r.country for r in accusation.recipients} | {r.name for r in accusation.recipients}
    assert accused in found
    assert len(accusation.recipients) == 1
