"""A body described after its parent is that body ('the U.N. war crimes court' is no plain
United Nations), and a 'by' phrase the parser hung on an active verb is the doer of the act
its object names ('condemned the killings of protesters by Myanmar's army')."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

# The U.N. war crimes court indicted the general .
COURT = """
The 4 det DET the -
U.N. 4 compound PROPN U.N. ORG:org.un NNP
war 3 compound NOUN war - NN
crimes 4 compound NOUN crime - NNS
court 5 nsubj NOUN court - NN
indicted 5 ROOT VERB indict - VBD
Serbia 7 poss PROPN Serbia GPE:SRB NNP
general 5 dobj NOUN general - NN
. 5 punct PUNCT . -
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
        ("U.N. war crimes court", "organization")
    ]


def test_a_by_phrase_hung_on_an_active_verb_is_the_acts_doer() -> None:
    (condemnation,) = events_of(STRAY_AGENT, shipped_knowledge(), "ACCUSE")
    assert [r.country for r in condemnation.recipients] == ["UGA"]


def test_described_bodies_and_stray_doers_through_the_parser(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "THE HAGUE — A former army chief was indicted on Monday by the U.N. war crimes "
        "court. Separately, the U.N. human rights office condemned the killings of "
        "protesters by Myanmar's army."
    )
    events = [e for e in extract(text) if e.event == "ACCUSE"]
    actors = {a.name for e in events for a in e.actors}
    assert "U.N. war crimes court" in actors and "United Nations" not in actors
    condemnation = [e for e in events if e.trigger == "condemned"]
    assert [r.country for e in condemnation for r in e.recipients] == ["MMR"]
