"""'Blamed the X on Y' names the accused in its 'on' phrase; 'blamed Y for X' in its object.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.extract.argument import object_role
from eventx.extract.knowledge import Knowledge
from eventx.schema import Event, GazetteerEntry
from handbuilt import events_of, parse, small_knowledge

Extract = Callable[..., list[Event]]

ENTRIES = [
    GazetteerEntry(id="RUS", label="GPE", name="Russia", kind="country", country="RUS"),
    GazetteerEntry(id="USA", label="GPE", name="United States", kind="country", country="USA"),
    GazetteerEntry(id="UKR", label="GPE", name="Ukraine", kind="country", country="UKR"),
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


# The deal with Ukraine collapsed . Russia blamed it on Washington .: 'it' is the deed, whatever
# else it could stand for
IT_ON = """
The 1 det DET the - DT
deal 4 nsubj NOUN deal - NN
with 1 prep ADP with - IN
Ukraine 2 pobj PROPN Ukraine GPE:UKR NNP
collapsed 4 ROOT VERB collapse - VBD
. 4 punct PUNCT . - .
Russia 7 nsubj PROPN Russia GPE:RUS NNP
blamed 7 ROOT VERB blame - VBD
it 7 dobj PRON it - PRP
on 7 prep ADP on - IN
Washington 9 pobj PROPN Washington GPE:USA NNP
. 7 punct PUNCT . - .
"""


def test_with_an_on_phrase_the_object_is_the_deed_not_a_party(knowledge: Knowledge) -> None:
    doc = parse(IT_ON)
    blamed = doc[7]
    (rule,) = [r for r in knowledge.by_lemma["blame"] if r.event == "ACCUSE"]
    assert object_role(blamed, rule) == "topic"
    (accusation,) = events_of(IT_ON, knowledge, "ACCUSE")
    assert [r.country for r in accusation.recipients] == ["USA"]
    # 'on Thursday' names no one: the object stays the accused
    on_a_day = IT_ON.replace(
        "Washington 9 pobj PROPN Washington GPE:USA", "Thursday 9 pobj PROPN Thursday DATE"
    )
    assert object_role(parse(on_a_day)[7], rule) == "recipients"


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("KABUL — Afghan officials blamed Tuesday's bombing on the Taliban.", "Taliban"),
        ("MOSCOW — Russia blamed the breakdown of the ceasefire on Ukraine.", "UKR"),
        # the object is the accused; "on Thursday" is a time, not a second accused
        ("LONDON — Britain blamed Moscow on Thursday for the cyberattack.", "RUS"),
        # the dateline glued to the name by the NER; 'it' is the deed
        ("HARARE — Tendai Moyo decried the raid and blamed it on opposition activists.", "OPP"),
    ],
)
def test_blame_through_the_parser(extract: Extract, text: str, accused: str) -> None:
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    found = {r.country for r in accusation.recipients} | {r.name for r in accusation.recipients}
    found |= {r.sector for r in accusation.recipients}
    assert accused in found
    assert len(accusation.recipients) == 1
