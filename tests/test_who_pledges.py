"""The other side of a pledge or a criticism told by what it is about: a vow that one's own
state will act is aimed at the party it will act for or on, a criticism of how things stand in
a country is aimed at that country. Hand-built parses first, then the parser on wire-style
texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.schema import Event
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


def sides(event: Event) -> tuple[list[str], list[str]]:
    return [a.name for a in event.actors], [r.name for r in event.recipients]


# Ruto vowed that Kenya would support Somalia.
VOW_OWN_STATE_ACTS = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
vowed 1 ROOT VERB vow - VBD
that 5 mark SCONJ that - IN
Kenya 5 nsubj PROPN Kenya GPE:KEN NNP
would 5 aux AUX would - MD
support 1 ccomp VERB support - VB
Somalia 5 dobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""

# Ruto vowed that Ethiopia would pay.
VOW_ABOUT_ANOTHER = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
vowed 1 ROOT VERB vow - VBD
that 5 mark SCONJ that - IN
Ethiopia 5 nsubj PROPN Ethiopia GPE:ETH NNP
would 5 aux AUX would - MD
pay 1 ccomp VERB pay - VB
. 1 punct PUNCT . - .
"""


def test_a_vow_that_ones_own_state_will_act_is_aimed_at_whom_it_acts_for(
    knowledge: Knowledge,
) -> None:
    (vow,) = events_of(VOW_OWN_STATE_ACTS, knowledge, "AGREE")
    assert sides(vow) == (["William Ruto"], ["Somalia"])
    # when another state is the one the clause is about, it stays the other side
    (vow,) = events_of(VOW_ABOUT_ANOTHER, knowledge, "AGREE")
    assert sides(vow) == (["William Ruto"], ["Ethiopia"])


def parties(events: list[Event], kind: str) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events
        if e.event == kind
    ]


def test_wire_vows_of_ones_own_state_name_the_party_it_will_act_for(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "OTTAWA — Canadian Foreign Minister Melanie Joly promised on Monday that Canada "
        "would keep arming Ukraine. In Tokyo, Japanese Prime Minister Fumio Kishida vowed "
        "that Japan would never abandon the Philippines."
    )
    pledges = parties(extract(text), "AGREE")
    assert (["Mélanie Joly"], ["Ukraine"]) in pledges
    assert (["Fumio Kishida"], ["Philippines"]) in pledges
    assert all("Canada" not in r and "Japan" not in r for _, r in pledges)


# Kenya condemned the crackdown on protesters in Ethiopia. ('in' hung on the verb)
CRACKDOWN_PLACE_ON_VERB = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
condemned 1 ROOT VERB condemn - VBD
the 3 det DET the - DT
crackdown 1 dobj NOUN crackdown - NN
on 3 prep ADP on - IN
protesters 4 pobj NOUN protester - NNS
in 1 prep ADP in - IN
Ethiopia 6 pobj PROPN Ethiopia GPE:ETH NNP
. 1 punct PUNCT . - .
"""

# Kenya condemned the plan in Ethiopia. (a plan is no state of affairs: 'in' says where)
PLAN_PLACE_ON_VERB = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
condemned 1 ROOT VERB condemn - VBD
the 3 det DET the - DT
plan 1 dobj NOUN plan - NN
in 1 prep ADP in - IN
Ethiopia 4 pobj PROPN Ethiopia GPE:ETH NNP
. 1 punct PUNCT . - .
"""

# Kenya condemned the detention of journalists across Somalia.
DETENTION_ACROSS = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
condemned 1 ROOT VERB condemn - VBD
the 3 det DET the - DT
detention 1 dobj NOUN detention - NN
of 3 prep ADP of - IN
journalists 4 pobj NOUN journalist - NNS
across 3 prep ADP across - IN
Somalia 6 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""

# Ruto called unacceptable the situation in Somalia. (the object after what it is called)
CALLED_UNACCEPTABLE_THE = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
called 1 ROOT VERB call - VBD
unacceptable 1 oprd ADJ unacceptable - JJ
the 4 det DET the - DT
situation 1 oprd NOUN situation - NN
in 1 prep ADP in - IN
Somalia 5 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_a_criticised_state_of_affairs_targets_the_country_it_holds_in(
    knowledge: Knowledge,
) -> None:
    (condemned,) = events_of(CRACKDOWN_PLACE_ON_VERB, knowledge, "ACCUSE")
    assert sides(condemned) == (["Kenya"], ["Ethiopia"])
    (condemned,) = events_of(DETENTION_ACROSS, knowledge, "ACCUSE")
    assert sides(condemned) == (["Kenya"], ["Somalia"])
    (called,) = events_of(CALLED_UNACCEPTABLE_THE, knowledge, "ACCUSE")
    assert sides(called) == (["William Ruto"], ["Somalia"])
    # where a criticised plan was made is not whom it criticises
    (condemned,) = events_of(PLAN_PLACE_ON_VERB, knowledge, "ACCUSE")
    assert sides(condemned) == (["Kenya"], [])


def test_wire_criticism_of_how_things_stand_in_a_country_targets_it(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "STOCKHOLM — Sweden on Sunday condemned the mass detention of demonstrators "
        "throughout Belarus. Canada's foreign ministry denounced the clampdown on "
        "reporters in Nicaragua, and the European Union criticized the human rights "
        "situation inside Cuba."
    )
    accusations = parties(extract(text), "ACCUSE")
    assert (["Sweden"], ["Belarus"]) in accusations
    assert any(r == ["Nicaragua"] for _, r in accusations)
    assert (["European Union"], ["Cuba"]) in accusations


# Ruto vowed to be tough in confronting Ethiopia.
VOW_TOUGH_IN_CONFRONTING = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
vowed 1 ROOT VERB vow - VBD
to 3 aux PART to - TO
be 1 xcomp AUX be - VB
tough 3 acomp ADJ tough - JJ
in 4 prep ADP in - IN
confronting 5 pcomp VERB confront - VBG
Ethiopia 6 dobj PROPN Ethiopia GPE:ETH NNP
. 1 punct PUNCT . - .
"""

# Ruto agreed to cooperate in defeating al-Shabaab.
AGREED_IN_DEFEATING = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
agreed 1 ROOT VERB agree - VBD
to 3 aux PART to - TO
cooperate 1 xcomp VERB cooperate - VB
in 3 prep ADP in - IN
defeating 4 pcomp VERB defeat - VBG
al-Shabaab 5 dobj PROPN al-Shabaab ORG:org.shabaab NNP
. 1 punct PUNCT . - .
"""


def test_a_vow_to_be_tough_on_a_party_is_aimed_at_it(knowledge: Knowledge) -> None:
    (vow,) = events_of(VOW_TOUGH_IN_CONFRONTING, knowledge, "AGREE")
    assert sides(vow) == (["William Ruto"], ["Ethiopia"])
    # an agreement's means are not its other side: the foe both will fight is no party
    (agreed,) = events_of(AGREED_IN_DEFEATING, knowledge, "AGREE")
    assert sides(agreed) == (["William Ruto"], [])


def test_wire_pledges_name_whom_they_take_on_and_the_europeans(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "WASHINGTON — The Republican nominee Donald Trump vowed on Tuesday to be tough in "
        "dealing with China. In Tehran, Iran said on Monday that it was willing to work "
        "closely with the Europeans on the nuclear file."
    )
    pledges = parties(extract(text), "AGREE")
    assert (["Donald Trump"], ["China"]) in pledges
    assert (["Iran"], ["European Union"]) in pledges
    assert all("European Union" not in actors for actors, _ in pledges)


# Ruto met Abiy and agreed to reopen the border.
MET_AND_AGREED = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
met 1 ROOT VERB meet - VBD
Abiy 1 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
and 1 cc CCONJ and - CC
agreed 1 conj VERB agree - VBD
to 6 aux PART to - TO
reopen 4 xcomp VERB reopen - VB
the 8 det DET the - DT
border 6 dobj NOUN border - NN
. 1 punct PUNCT . - .
"""

# Ruto met Abiy as Somalia agreed to reopen the border. (another one agrees)
MET_AS_ANOTHER_AGREED = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
met 1 ROOT VERB meet - VBD
Abiy 1 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
as 5 mark SCONJ as - IN
Somalia 5 nsubj PROPN Somalia GPE:SOM NNP
agreed 1 advcl VERB agree - VBD
to 7 aux PART to - TO
reopen 5 xcomp VERB reopen - VB
the 9 det DET the - DT
border 7 dobj NOUN border - NN
. 1 punct PUNCT . - .
"""


def test_what_is_agreed_in_a_contact_is_agreed_with_its_partner(knowledge: Knowledge) -> None:
    (agreed,) = events_of(MET_AND_AGREED, knowledge, "AGREE")
    assert sides(agreed) == (["William Ruto"], ["Abiy Ahmed"])
    # a party agreeing on its own beside the meeting takes no partner from it
    (agreed,) = events_of(MET_AS_ANOTHER_AGREED, knowledge, "AGREE")
    assert sides(agreed) == (["Somalia"], [])


def test_wire_pledges_made_in_a_contact_name_its_partner(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "ANKARA — Turkish President Tayyip Erdogan met Hungarian Prime Minister Viktor Orban "
        "on Monday and pledged to expand energy cooperation. Orban later spoke with Polish "
        "President Andrzej Duda by phone, agreeing to coordinate on migration."
    )
    pledges = parties(extract(text), "AGREE")
    assert (["Recep Tayyip Erdoğan"], ["Viktor Orbán"]) in pledges
    assert (["Viktor Orbán"], ["Andrzej Duda"]) in pledges


# Ruto promised Abiy that Kenya would reopen the border.
PROMISED_A_PERSON_THAT = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
promised 1 ROOT VERB promise - VBD
Abiy 1 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
that 6 mark SCONJ that - IN
Kenya 6 nsubj PROPN Kenya GPE:KEN NNP
would 6 aux AUX would - MD
reopen 1 ccomp VERB reopen - VB
the 8 det DET the - DT
border 6 dobj NOUN border - NN
. 1 punct PUNCT . - .
"""


def test_the_party_a_promise_is_made_to_is_its_other_side(knowledge: Knowledge) -> None:
    (promise,) = events_of(PROMISED_A_PERSON_THAT, knowledge, "AGREE")
    assert sides(promise) == (["William Ruto"], ["Abiy Ahmed"])


def test_wire_a_promise_to_a_leader_names_the_leader(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "President Joe Biden promised Ukrainian President Volodymyr Zelensky on Thursday "
        "that the United States would keep sending air defence systems to Kyiv."
    )
    assert (["Joe Biden"], ["Volodymyr Zelensky"]) in parties(extract(text), "AGREE")
