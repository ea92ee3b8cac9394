"""A particle can turn a trigger into another verb: 'gave up its weapons' gives nothing to
anyone. A rule lists such particles in `forbid_particle`; 'gave weapons to' still fires.

Tested on hand-built parses (no model), through the parser on wire-style texts, and on the
rule file's validation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from eventx.extract.knowledge import Knowledge
from eventx.schema import Event, GazetteerEntry, TriggerRule
from handbuilt import events_of, small_knowledge

Extract = Callable[..., list[Event]]

ENTRIES = [
    GazetteerEntry(id="PRK", label="GPE", name="North Korea", kind="country", country="PRK"),
]

# North Korea gave {up} its weapons.
GAVE_WEAPONS = """
Pyongyang 1 nsubj PROPN Pyongyang GPE:PRK NNP
gave 1 ROOT VERB give - VBD
{particle}its 3 poss PRON its - PRP$
weapons 1 dobj NOUN weapon - NNS
. 1 punct PUNCT . - .
"""


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(ENTRIES)


def test_giving_up_weapons_is_no_aid(knowledge: Knowledge) -> None:
    spec = GAVE_WEAPONS.replace("3 poss", "4 poss")
    spec = spec.format(particle="up 1 prt ADP up - RP\n")
    assert events_of(spec, knowledge, "AID") == []


def test_giving_weapons_is_aid(knowledge: Knowledge) -> None:
    (aid,) = events_of(GAVE_WEAPONS.format(particle=""), knowledge, "AID")
    assert [a.country for a in aid.actors] == ["PRK"]


def test_a_forbidden_particle_is_a_list_of_words_checked_on_load() -> None:
    line = {"id": "aid.give.v9", "event": "AID", "lemma": "give", "forbid_particle": ["up"]}
    assert TriggerRule.model_validate(line).forbid_particle == ("up",)
    with pytest.raises(ValidationError):
        TriggerRule.model_validate({**line, "forbid_particle": "up"})


@pytest.mark.parametrize(
    ("text", "aid"),
    [
        ("SEOUL — The North gave up its nuclear weapons program in return for fuel.", False),
        ("KYIV — Poland gave tanks and artillery to Ukraine on Friday.", True),
    ],
)
def test_given_up_through_the_parser(extract: Extract, text: str, aid: bool) -> None:
    assert any(e.event == "AID" for e in extract(text)) is aid
