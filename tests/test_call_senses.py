"""'Called X on Thursday' is a call, not a 'call on': a preposition whose object is a time
names no party; and a person the parser took for the predicate of 'call X Y' with no X is
the one called."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.extract.repair import misparsed_objects
from handbuilt import events_of, parse, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


# Ruto called Abiy on Thursday to discuss the dam.
CALLED_ON_A_DAY = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
called 1 ROOT VERB call - VBD
Abiy 1 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
on 1 prep ADP on - IN
Thursday 3 pobj PROPN Thursday DATE NNP
to 6 aux PART to - TO
discuss 1 advcl VERB discuss - VB
the 8 det DET the - DT
dam 6 dobj NOUN dam - NN
. 1 punct PUNCT . - .
"""

# Ruto called on Ethiopia to reopen the border.
CALLED_ON_A_STATE = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
called 1 ROOT VERB call - VBD
on 1 prep ADP on - IN
Ethiopia 2 pobj PROPN Ethiopia GPE:ETH NNP
to 5 aux PART to - TO
reopen 1 advcl VERB reopen - VB
the 7 det DET the - DT
border 5 dobj NOUN border - NN
. 1 punct PUNCT . - .
"""


def test_a_call_on_a_day_is_a_phone_call(knowledge: Knowledge) -> None:
    assert events_of(CALLED_ON_A_DAY, knowledge, "REQUEST") == []
    (call,) = events_of(CALLED_ON_A_DAY, knowledge, "CONSULT")
    assert call.mode == "phone"
    assert [r.name for r in call.recipients] == ["Abiy Ahmed"]


def test_a_call_on_a_state_is_still_a_request(knowledge: Knowledge) -> None:
    (request,) = events_of(CALLED_ON_A_STATE, knowledge, "REQUEST")
    assert [r.name for r in request.recipients] == ["Ethiopia"]
    assert events_of(CALLED_ON_A_STATE, knowledge, "CONSULT") == []


def test_a_lone_predicate_person_is_the_object() -> None:
    lone = parse(CALLED_ON_A_DAY.replace("Abiy 1 dobj", "Abiy 1 oprd"))
    assert [t.text for t in misparsed_objects(lone)] == ["Abiy"]
    # 'called Ruto a liar': a predicate beside an object is the other sense, left alone
    named = parse("""
Abiy 1 nsubj PROPN Abiy PERSON NNP
called 1 ROOT VERB call - VBD
Ruto 1 dobj PROPN Ruto PERSON NNP
Kenyatta 1 oprd PROPN Kenyatta PERSON NNP
. 1 punct PUNCT . - .
""")
    assert misparsed_objects(named) == []


def test_wire_copy_congratulation_call(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ABUJA — Nigerian President Bola Tinubu called Togolese President Faure Gnassingbe "
        "on Thursday to congratulate him on the border accord, his office said."
    )
    found = extract(text, date="2024-02-14")
    assert [e.event for e in found] == ["CONSULT"]
    (call,) = found
    assert call.mode == "phone"
    # a known office holder comes out under the canonical name of the knowledge file
    assert [(r.name, r.country) for r in call.recipients] == [("Faure Gnassingbé", "TGO")]
