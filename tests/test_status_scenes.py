"""A verb that plans what it governs does not plan the meeting where it happens: 'agreed the
measures at a meeting' reports a meeting that took place; 'agreed to a meeting' plans one."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.schema import Status
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


# Kenya and Ethiopia agreed the measures at a meeting in Nairobi .
AGREED_AT_A_MEETING = """
Kenya 3 nsubj PROPN Kenya GPE:KEN NNP
and 0 cc CCONJ and - CC
Ethiopia 0 conj PROPN Ethiopia GPE:ETH NNP
agreed 3 ROOT VERB agree - VBD
the 5 det DET the - DT
measures 3 dobj NOUN measure - NNS
at 3 prep ADP at - IN
a 8 det DET a - DT
meeting 6 pobj NOUN meeting - NN
. 3 punct PUNCT . - .
"""

# Kenya and Ethiopia agreed to a meeting .
AGREED_TO_A_MEETING = """
Kenya 3 nsubj PROPN Kenya GPE:KEN NNP
and 0 cc CCONJ and - CC
Ethiopia 0 conj PROPN Ethiopia GPE:ETH NNP
agreed 3 ROOT VERB agree - VBD
to 3 prep ADP to - IN
a 6 det DET a - DT
meeting 4 pobj NOUN meeting - NN
. 3 punct PUNCT . - .
"""


def status(spec: str, knowledge: Knowledge) -> Status:
    (meeting,) = events_of(spec, knowledge, "CONSULT")
    return meeting.status


def test_a_meeting_where_something_was_agreed_took_place(knowledge: Knowledge) -> None:
    assert status(AGREED_AT_A_MEETING, knowledge) is Status.occurred


def test_a_meeting_agreed_to_is_planned(knowledge: Knowledge) -> None:
    assert status(AGREED_TO_A_MEETING, knowledge) is Status.planned
