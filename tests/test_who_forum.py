"""A complaint made to an international body targets the state whose act it is about: 'Kenya
complained to the African Union over Somali air strikes' accuses Somalia before the AU. Made to
a state, the state is the one complained to and of ('protested to Ethiopia over the killing of
Kenyan herders' targets Ethiopia alone); the complainer's own acts are no target."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

# Kenya complained to the AU over Somali air strikes .
TO_THE_AU = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
complained 1 ROOT VERB complain - VBD
to 1 prep ADP to - IN
the 4 det DET the -
AU 2 pobj PROPN AU ORG:org.au NNP
over 1 prep ADP over - IN
Somali 8 amod ADJ somali NORP:SOM JJ
air 8 compound NOUN air - NN
strikes 5 pobj NOUN strike - NNS
. 1 punct PUNCT . - .
"""

# Kenya complained to Ethiopia over Somali air strikes .
TO_A_STATE = TO_THE_AU.replace(
    "the 4 det DET the -\nAU 2 pobj PROPN AU ORG:org.au NNP",
    "Ethiopia 2 pobj PROPN Ethiopia GPE:ETH NNP\n, 1 punct PUNCT , - ,",
)


def targets(spec: str) -> list[str]:
    (complaint,) = events_of(spec, shipped_knowledge(), "ACCUSE")
    return sorted(r.name for r in complaint.recipients)


def test_a_complaint_to_an_international_body_targets_the_state_complained_of() -> None:
    assert targets(TO_THE_AU) == ["African Union", "Somalia"]


def test_a_complaint_to_a_state_targets_that_state() -> None:
    assert targets(TO_A_STATE) == ["Ethiopia"]


def test_complaints_to_a_forum_through_the_parser(extract: Callable[..., list[Event]]) -> None:
    text = (
        "ACCRA — Ghana complained to the United Nations on Thursday about Togolese troop "
        "movements near the border, and to the African Union about its own budget."
    )
    found = {r.country for e in extract(text) if e.event == "ACCUSE" for r in e.recipients}
    assert "TGO" in found and "GHA" not in found
