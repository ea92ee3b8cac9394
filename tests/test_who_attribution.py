"""Who reports an act is no party to it: in 'X demanded ..., diplomats quoted an EU statement as
saying', the parser makes the reporting clause a content clause of the demand, but the body
whose statement is quoted is its author, not a target."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

# Kenya demanded the withdrawal of Ugandan troops , diplomats quoted an AU statement as saying .
QUOTED = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
demanded 1 ROOT VERB demand - VBD
the 3 det DET the -
withdrawal 1 dobj NOUN withdrawal - NN
of 3 prep ADP of - IN
Ugandan 6 amod ADJ ugandan NORP:UGA JJ
troops 4 pobj NOUN troop - NNS
, 9 punct PUNCT , - ,
diplomats 9 nsubj NOUN diplomat - NNS
quoted 1 ccomp VERB quote - VBD
an 12 det DET an -
AU 12 compound PROPN AU ORG:org.au NNP
statement 9 dobj NOUN statement - NN
as 9 prep ADP as - IN
saying 13 pcomp VERB say - VBG
. 1 punct PUNCT . - .
"""


def test_the_body_quoted_as_the_source_is_no_target() -> None:
    (demand,) = events_of(QUOTED, shipped_knowledge(), "REQUEST")
    assert [r.country for r in demand.recipients] == ["UGA"]
    assert all(r.name != "African Union" for r in demand.recipients)


def test_a_quoted_source_through_the_parser(extract: Callable[..., list[Event]]) -> None:
    text = (
        "BRUSSELS — Foreign ministers of the bloc on Monday demanded the pullback of Russian "
        "troops from the border, diplomats quoted a NATO communique as saying."
    )
    (demand,) = [e for e in extract(text) if e.event == "REQUEST"]
    assert "NATO" not in {r.name for r in demand.recipients}
    assert "RUS" in {r.country for r in demand.recipients}
