"""A body described after its parent is that body ('the UN genocide tribunal', 'the Hamas armed
wing' are not their parents), and a 'by' phrase the parser hung on an active verb is the doer
of the act its object names ('condemned the killings of protesters by Myanmar's army')."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

# The UN genocide tribunal indicted Serbia 's general .
COURT = """
The 3 det DET the -
UN 3 compound PROPN UN ORG:org.un NNP
genocide 3 compound NOUN genocide - NN
tribunal 4 nsubj NOUN tribunal - NN
indicted 4 ROOT VERB indict - VBD
Serbia 6 poss PROPN Serbia GPE:SRB NNP
general 4 dobj NOUN general - NN
. 4 punct PUNCT . -
"""

# Kenya condemned the killings of protesters by Uganda 's army .
STRAY_AGENT = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
condemned 1 ROOT VERB condemn - VBD
the 3 det DET the -
killings 1 dobj NOUN killing - NNS
of 3 prep ADP of - IN
protesters 4 pobj NOUN protester - NNS
by 1 agent ADP by - IN
Uganda 9 poss PROPN Uganda GPE:UGA NNP
's 7 case PART 's - POS
army 6 pobj NOUN army - NN
. 1 punct PUNCT . -
"""


def test_a_described_body_of_the_un_is_that_body() -> None:
    (indictment,) = events_of(COURT, shipped_knowledge(), "ACCUSE")
    assert [(a.name, a.kind) for a in indictment.actors] == [
        ("UN genocide tribunal", "organization")
    ]


def test_a_by_phrase_hung_on_an_active_verb_is_the_acts_doer() -> None:
    (condemnation,) = events_of(STRAY_AGENT, shipped_knowledge(), "ACCUSE")
    assert [r.country for r in condemnation.recipients] == ["UGA"]


def test_described_bodies_and_stray_doers_through_the_parser(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "ARUSHA — A former army chief was indicted on Monday by the UN genocide tribunal. "
        "Separately, the U.N. human rights office condemned the killings of "
        "protesters by Myanmar's army."
    )
    events = [e for e in extract(text) if e.event == "ACCUSE"]
    actors = {a.name for e in events for a in e.actors}
    assert "UN genocide tribunal" in actors and "United Nations" not in actors
    condemnation = [e for e in events if e.trigger == "condemned"]
    assert [r.country for e in condemnation for r in e.recipients] == ["MMR"]


# The Hamas armed wing rejected the truce .
ARMED_WING = """
The 3 det DET the -
Hamas 3 nmod PROPN Hamas ORG:org.hamas NNP
armed 3 amod ADJ armed - JJ
wing 4 nsubj NOUN wing - NN
rejected 4 ROOT VERB reject - VBD
the 6 det DET the -
truce 4 dobj NOUN truce - NN
. 4 punct PUNCT . - .
"""


def test_an_armed_wing_is_a_body_of_its_group() -> None:
    (rejection,) = events_of(ARMED_WING, shipped_knowledge(), "REJECT")
    assert [(a.name, a.country) for a in rejection.actors] == [("Hamas armed wing", "PSE")]


def test_a_banned_party_of_wire_copy_has_its_country(extract: Callable[..., list[Event]]) -> None:
    text = (
        "ALGIERS — The government on Monday accused the Islamic Salvation Front of plotting "
        "attacks."
    )
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [(r.name, r.country) for r in accusation.recipients] == [
        ("Islamic Salvation Front", "DZA")
    ]
