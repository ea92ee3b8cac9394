"""Who a gift is for when only its purpose names them: 'will provide $500 million to help
Ukraine repair power plants' is aid to Ukraine (data: helping_verbs,
purpose_beneficiary_events)."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


# Germany will provide aid to help Kenya and Somalia rebuild , as the parser often hangs it:
# the helped parties as modifiers of the next noun's verb.
PURPOSE_NAMES_THEM = """
Germany 2 nsubj PROPN Germany GPE:DEU NNP
will 2 aux AUX will - MD
provide 2 ROOT VERB provide - VB
aid 2 dobj NOUN aid - NN
to 5 aux PART to - TO
help 2 advcl VERB help - VB
Kenya 9 compound PROPN Kenya GPE:KEN NNP
and 6 cc CCONJ and - CC
Somalia 6 conj PROPN Somalia GPE:SOM NNP
rebuild 5 ccomp VERB rebuild - VB
. 2 punct PUNCT . - .
"""

# Germany will provide aid to Ethiopia to help Kenya : the 'to' phrase names the recipient.
NAMED_RECIPIENT = """
Germany 2 nsubj PROPN Germany GPE:DEU NNP
will 2 aux AUX will - MD
provide 2 ROOT VERB provide - VB
aid 2 dobj NOUN aid - NN
to 2 prep ADP to - IN
Ethiopia 4 pobj PROPN Ethiopia GPE:ETH NNP
to 7 aux PART to - TO
help 2 advcl VERB help - VB
Kenya 7 dobj PROPN Kenya GPE:KEN NNP
. 2 punct PUNCT . - .
"""


def recipients(spec: str, knowledge: Knowledge) -> list[str]:
    (aid,) = events_of(spec, knowledge, "AID")
    assert [a.name for a in aid.actors] == ["Germany"]
    return [r.name for r in aid.recipients]


def test_the_parties_a_gift_helps_are_its_recipients(knowledge: Knowledge) -> None:
    assert recipients(PURPOSE_NAMES_THEM, knowledge) == ["Kenya", "Somalia"]


def test_a_named_recipient_is_kept_over_the_purpose(knowledge: Knowledge) -> None:
    assert recipients(NAMED_RECIPIENT, knowledge) == ["Ethiopia"]


def test_wire_copy_pledge_to_help(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TOKYO — Japan will provide $500 million to help Ukraine repair power plants damaged "
        "by Russian strikes, Prime Minister Fumio Kishida said on Tuesday."
    )
    (aid,) = [e for e in extract(text, date="2023-03-21") if e.event == "AID"]
    assert [(r.name, r.country) for r in aid.recipients] == [("Ukraine", "UKR")]
