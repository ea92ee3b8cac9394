"""What a text or plan is about names no party to accepting or refusing it (data:
`document_nouns`): 'rejected the resolution on Somalia' has no Somali side, while
'rejected Somalia's resolution' answers Somalia."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


# Kenya rejected the draft resolution on Somalia.
REJECTED_RESOLUTION_ON = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
rejected 1 ROOT VERB reject - VBD
the 4 det DET the - DT
draft 4 compound NOUN draft - NN
resolution 1 dobj NOUN resolution - NN
on 4 prep ADP on - IN
Somalia 5 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""

# Kenya rejected Somalia's resolution.
REJECTED_ITS_RESOLUTION = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
rejected 1 ROOT VERB reject - VBD
Somalia 4 poss PROPN Somalia GPE:SOM NNP
's 2 case PART 's - POS
resolution 1 dobj NOUN resolution - NN
. 1 punct PUNCT . - .
"""

# Kenya refused to back the plan on Somalia.
REFUSED_TO_BACK_PLAN_ON = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
refused 1 ROOT VERB refuse - VBD
to 3 aux PART to - TO
back 1 xcomp VERB back - VB
the 5 det DET the - DT
plan 3 dobj NOUN plan - NN
on 5 prep ADP on - IN
Somalia 6 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""

# Kenya rejected the demand on Somalia.  ('demand' is no text or plan: not in document_nouns)
REJECTED_DEMAND_ON = REJECTED_RESOLUTION_ON.replace(
    "draft 4 compound NOUN draft - NN", "new 4 amod ADJ new - JJ"
).replace("resolution 1 dobj NOUN resolution", "demand 1 dobj NOUN demand")


def recipients(spec: str, knowledge: Knowledge) -> list[str]:
    (event,) = events_of(spec, knowledge, "REJECT")
    assert [a.name for a in event.actors] == ["Kenya"]
    return [r.name for r in event.recipients]


@pytest.mark.parametrize("spec", [REJECTED_RESOLUTION_ON, REFUSED_TO_BACK_PLAN_ON])
def test_what_a_refused_text_is_about_is_no_party(spec: str, knowledge: Knowledge) -> None:
    assert recipients(spec, knowledge) == []


def test_whose_text_is_refused_is_answered(knowledge: Knowledge) -> None:
    assert recipients(REJECTED_ITS_RESOLUTION, knowledge) == ["Somalia"]


def test_a_noun_outside_the_list_keeps_its_party(knowledge: Knowledge) -> None:
    assert "resolution" in knowledge.words("document_nouns")
    assert "demand" not in knowledge.words("document_nouns")
    assert recipients(REJECTED_DEMAND_ON, knowledge) == ["Somalia"]


def test_wire_copy_refusals_of_texts_about_a_country(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "UNITED NATIONS — Germany refused on Thursday to support the draft resolution on Iran, "
        "diplomats said. Japan also rejected a proposal about North Korea."
    )
    found = [e for e in extract(text) if e.event == "REJECT"]
    assert [[a.name for a in e.actors] for e in found] == [["Germany"], ["Japan"]]
    assert [e.recipients for e in found] == [[], []]
