"""Contacts told by a noun keep both sides in their roles: the possessor of a noun counting
calls makes them, the owner of a trip meets whom it is to meet, whom a host holds talks for
are the other side, and the one a named visitor comes to is the host. Hand-built parses
first, then the parser on wire-style texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.schema import Event
from handbuilt import consults, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


def sides(event: Event) -> tuple[list[str], list[str]]:
    return [a.name for a in event.actors], [r.name for r in event.recipients]


# Ruto's latest round of calls to the leaders of Ethiopia and Somalia ended.
ROUND_OF_CALLS = """
Ruto 3 poss PROPN Ruto PERSON:person.william_ruto NNP
's 0 case PART 's - POS
latest 3 amod ADJ late - JJS
round 13 nsubj NOUN round - NN
of 3 prep ADP of - IN
calls 4 pobj NOUN call - NNS
to 5 prep ADP to - IN
the 8 det DET the - DT
leaders 6 pobj NOUN leader - NNS
of 8 prep ADP of - IN
Ethiopia 9 pobj PROPN Ethiopia GPE:ETH NNP
and 10 cc CCONJ and - CC
Somalia 10 conj PROPN Somalia GPE:SOM NNP
ended 13 ROOT VERB end - VBD
. 13 punct PUNCT . - .
"""

# Ruto's trip to meet Abiy was postponed.
TRIP_TO_MEET = """
Ruto 2 poss PROPN Ruto PERSON:person.william_ruto NNP
's 0 case PART 's - POS
trip 7 nsubjpass NOUN trip - NN
to 4 aux PART to - TO
meet 2 acl VERB meet - VB
Abiy 4 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
was 7 auxpass AUX be - VBD
postponed 7 ROOT VERB postpone - VBN
. 7 punct PUNCT . - .
"""

# Ruto's refusal to meet Abiy angered Ethiopia.
REFUSAL_TO_MEET = """
Ruto 2 poss PROPN Ruto PERSON:person.william_ruto NNP
's 0 case PART 's - POS
refusal 6 nsubj NOUN refusal - NN
to 4 aux PART to - TO
meet 2 acl VERB meet - VB
Abiy 4 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
angered 6 ROOT VERB anger - VBD
Ethiopia 6 dobj PROPN Ethiopia GPE:ETH NNP
. 6 punct PUNCT . - .
"""

# Kenya hosted talks for Ethiopia and Somalia.
HOSTED_FOR = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
hosted 1 ROOT VERB host - VBD
talks 1 dobj NOUN talk - NNS
for 2 prep ADP for - IN
Ethiopia 3 pobj PROPN Ethiopia GPE:ETH NNP
and 4 cc CCONJ and - CC
Somalia 4 conj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""

# Abiy greeted Ruto during Ruto's visit to Ethiopia.
GREETED_DURING_VISIT = """
Abiy 1 nsubj PROPN Abiy PERSON:person.abiy_ahmed NNP
greeted 1 ROOT VERB greet - VBD
Ruto 1 dobj PROPN Ruto PERSON:person.william_ruto NNP
during 1 prep ADP during - IN
Ruto 6 poss PROPN Ruto PERSON:person.william_ruto NNP
's 4 case PART 's - POS
visit 3 pobj NOUN visit - NN
to 6 prep ADP to - IN
Ethiopia 7 pobj PROPN Ethiopia GPE:ETH NNP
. 1 punct PUNCT . - .
"""


def test_the_owner_of_a_round_of_calls_makes_them(knowledge: Knowledge) -> None:
    (calls,) = consults(ROUND_OF_CALLS, knowledge)
    assert sides(calls) == (["William Ruto"], ["Ethiopia", "Somalia"])


def test_the_owner_of_a_trip_meets_whom_it_is_to_meet(knowledge: Knowledge) -> None:
    (meeting,) = consults(TRIP_TO_MEET, knowledge)
    assert sides(meeting) == (["William Ruto"], ["Abiy Ahmed"])
    # a refusal to meet is no meeting by the one who refuses
    assert consults(REFUSAL_TO_MEET, knowledge) == []


def test_whom_a_host_holds_talks_for_are_the_other_side(knowledge: Knowledge) -> None:
    (talks,) = consults(HOSTED_FOR, knowledge)
    assert sides(talks) == (["Kenya"], ["Ethiopia", "Somalia"])


def test_the_one_a_named_visitor_comes_to_is_the_host(knowledge: Knowledge) -> None:
    visits = [e for e in consults(GREETED_DURING_VISIT, knowledge) if e.mode == "visit"]
    assert [sides(v) for v in visits] == [(["William Ruto"], ["Abiy Ahmed"])]


def parties(events: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events
        if e.event == "CONSULT"
    ]


def test_wire_noun_contacts_keep_both_sides(extract: Callable[..., list[Event]]) -> None:
    text = (
        "BRASILIA — Brazilian President Luiz Inacio Lula da Silva's latest round of calls to "
        "the leaders of Argentina, Chile and Peru focused on trade, his office said. "
        "In Washington, Secretary of State Antony Blinken's trip to meet Chinese Foreign "
        "Minister Wang Yi was postponed on Friday. Qatar hosted indirect talks for Israel "
        "and Hamas in Doha on Sunday."
    )
    found = parties(extract(text))
    assert (["Luiz Inácio Lula da Silva"], ["Argentina", "Chile", "Peru"]) in found
    assert (["Antony Blinken"], ["Wang Yi"]) in found
    assert (["Qatar"], ["Israel", "Hamas"]) in found


# Ruto described the call with Abiy as productive.
DESCRIBED_THE_CALL = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
described 1 ROOT VERB describe - VBD
the 3 det DET the - DT
call 1 dobj NOUN call - NN
with 3 prep ADP with - IN
Abiy 4 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
as 1 prep ADP as - IN
productive 6 pobj ADJ productive - JJ
. 1 punct PUNCT . - .
"""

# Spokesman Mohamed described the call with Abiy as cordial.
SPOKESMAN_DESCRIBED_THE_CALL = """
Spokesman 1 compound NOUN spokesman - NN
Mohamed 2 nsubj PROPN Mohamed PERSON NNP
described 2 ROOT VERB describe - VBD
the 4 det DET the - DT
call 2 dobj NOUN call - NN
with 4 prep ADP with - IN
Abiy 5 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
as 2 prep ADP as - IN
cordial 7 pobj ADJ cordial - JJ
. 2 punct PUNCT . - .
"""


def test_who_tells_of_a_call_with_another_made_it_unless_a_spokesman(
    knowledge: Knowledge,
) -> None:
    (call,) = consults(DESCRIBED_THE_CALL, knowledge)
    assert sides(call) == (["William Ruto"], ["Abiy Ahmed"])
    # a spokesman tells of a contact others held
    (call,) = consults(SPOKESMAN_DESCRIBED_THE_CALL, knowledge)
    assert "Mohamed" not in {a.name for a in call.actors + call.recipients}


def test_wire_a_leader_describing_the_call_with_another_made_it(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "OTTAWA — Prime Minister Justin Trudeau on Thursday recounted the call with "
        "Mexico's president in a radio interview."
    )
    found = parties(extract(text))
    assert len(found) == 1 and found[0][0] == ["Justin Trudeau"]
    assert found[0][1] and all("Trudeau" not in r for r in found[0][1])


# Ruto spoke to three leaders on Monday, including Abiy. ('including' hung on the verb)
INCLUDING_ON_THE_VERB = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
spoke 1 ROOT VERB speak - VBD
to 1 prep ADP to - IN
three 4 nummod NUM three CARDINAL CD
leaders 2 pobj NOUN leader - NNS
on 1 prep ADP on - IN
Monday 5 pobj PROPN Monday DATE NNP
, 1 punct PUNCT , - ,
including 1 prep VERB include - VBG
Abiy 8 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
. 1 punct PUNCT . - .
"""


def test_the_named_members_of_a_party_listed_on_the_verb_stand_for_it(
    knowledge: Knowledge,
) -> None:
    assert [sides(e) for e in consults(INCLUDING_ON_THE_VERB, knowledge)] == [
        (["William Ruto"], ["Abiy Ahmed"])
    ]


def test_wire_calls_to_leaders_including_named_ones_name_them(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Kenyan President William Ruto told reporters in Nairobi that he had phoned three "
        "regional leaders on Sunday, including Ethiopian Prime Minister Abiy Ahmed and "
        "Ugandan President Yoweri Museveni."
    )
    called = {r for _, recipients in parties(extract(text)) for r in recipients}
    assert {"Abiy Ahmed", "Yoweri Museveni"} <= called


# The talks failed to yield a deal between Kenya and Somalia.
TALKS_YIELD_A_DEAL_BETWEEN = """
The 1 det DET the - DT
talks 2 nsubj NOUN talk - NNS
failed 2 ROOT VERB fail - VBD
to 4 aux PART to - TO
yield 2 xcomp VERB yield - VB
a 6 det DET a - DT
deal 4 dobj NOUN deal - NN
between 6 prep ADP between - IN
Kenya 7 pobj PROPN Kenya GPE:KEN NNP
and 8 cc CCONJ and - CC
Somalia 8 conj PROPN Somalia GPE:SOM NNP
. 2 punct PUNCT . - .
"""


def test_the_parties_of_the_accord_talks_seek_are_the_talks_parties(
    knowledge: Knowledge,
) -> None:
    assert [sides(e) for e in consults(TALKS_YIELD_A_DEAL_BETWEEN, knowledge)] == [
        (["Kenya", "Somalia"], [])
    ]


def test_wire_talks_on_a_truce_between_two_sides_are_theirs(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Indirect talks on a truce between Israel and Hamas resumed in Cairo on Monday, "
        "Egyptian officials said. Armenia's prime minister held talks with Azerbaijan's "
        "president in Brussels. The negotiations failed to produce a deal between "
        "Armenia and Azerbaijan."
    )
    found = parties(extract(text))
    assert (["Israel", "Hamas"], []) in found
    assert (["Armenia", "Azerbaijan"], []) in found
