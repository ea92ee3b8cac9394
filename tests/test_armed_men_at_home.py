"""Armed men named bare ('the rebels') fight in the one country the story happens in: the
country of most of the towns and regions it names, capitals and the dateline left out.
Hand-built parses with a gazetteer of a few towns, then the parser on wire-style text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.schema import Event, GazetteerEntry
from handbuilt import events_of, small_knowledge

TOWNS = [
    GazetteerEntry(id="city.kismayo", label="GPE", name="Kismayo", kind="city", country="SOM"),
    GazetteerEntry(id="city.baidoa", label="GPE", name="Baidoa", kind="city", country="SOM"),
    GazetteerEntry(id="city.garissa", label="GPE", name="Garissa", kind="city", country="KEN"),
    GazetteerEntry(
        id="city.nairobi", label="GPE", name="Nairobi", kind="city", country="KEN", capital_of="KEN"
    ),
]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge([*EAST_AFRICA, *TOWNS])


# Fighting spread from Kismayo to Baidoa. Ethiopia blamed the rebels for attacks.
TWO_TOWNS_OF_ONE_COUNTRY = """
Fighting 1 nsubj NOUN fighting - NN
spread 1 ROOT VERB spread - VBD
from 1 prep ADP from - IN
Kismayo 2 pobj PROPN Kismayo GPE:city.kismayo NNP
to 1 prep ADP to - IN
Baidoa 4 pobj PROPN Baidoa GPE:city.baidoa NNP
. 1 punct PUNCT . - .
Ethiopia 8 nsubj PROPN Ethiopia GPE:ETH NNP
blamed 8 ROOT VERB blame - VBD
the 10 det DET the - DT
rebels 8 dobj NOUN rebel - NNS
for 8 prep ADP for - IN
attacks 11 pobj NOUN attack - NNS
. 8 punct PUNCT . - .
"""

# Fighting spread from Kismayo to Garissa. Ethiopia blamed the rebels.   (two countries)
TOWNS_OF_TWO_COUNTRIES = TWO_TOWNS_OF_ONE_COUNTRY.replace(
    "Baidoa 4 pobj PROPN Baidoa GPE:city.baidoa", "Garissa 4 pobj PROPN Garissa GPE:city.garissa"
)

# Nairobi and Nairobi again: a capital stands for its government, not for the battlefield.
CAPITALS_ONLY = TWO_TOWNS_OF_ONE_COUNTRY.replace(
    "Kismayo 2 pobj PROPN Kismayo GPE:city.kismayo", "Nairobi 2 pobj PROPN Nairobi GPE:city.nairobi"
).replace(
    "Baidoa 4 pobj PROPN Baidoa GPE:city.baidoa", "Nairobi 4 pobj PROPN Nairobi GPE:city.nairobi"
)

# ... Ethiopia blamed foreign fighters.   (words that say more are theirs to tell)
FOREIGN_FIGHTERS = TWO_TOWNS_OF_ONE_COUNTRY.replace(
    "the 10 det DET the - DT\nrebels 8 dobj NOUN rebel - NNS",
    "foreign 10 amod ADJ foreign - JJ\nfighters 8 dobj NOUN fighter - NNS",
)


def blamed(spec: str, knowledge: Knowledge) -> list[str | None]:
    (accusation,) = events_of(spec, knowledge, "ACCUSE")
    return [r.country for r in accusation.recipients]


def test_bare_rebels_are_of_the_country_the_story_happens_in(knowledge: Knowledge) -> None:
    assert blamed(TWO_TOWNS_OF_ONE_COUNTRY, knowledge) == ["SOM"]


@pytest.mark.parametrize("spec", [TOWNS_OF_TWO_COUNTRIES, CAPITALS_ONLY, FOREIGN_FIGHTERS])
def test_no_country_when_the_story_names_no_one_theatre(spec: str, knowledge: Knowledge) -> None:
    assert set(blamed(spec, knowledge)) <= {None}


def test_rebels_of_a_story_told_from_its_towns_on_wire_copy(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Government troops pushed into the outskirts of Homs on Monday after a week of "
        "shelling around Idlib, residents said. Jordan, which has closed its border "
        "crossings, accused the rebels of breaking the truce agreed last month."
    )
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [r.country for r in accusation.recipients] == ["SYR"]
