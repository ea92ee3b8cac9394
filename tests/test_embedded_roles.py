"""Who does what inside another verb's complement, on hand-built parses: the accused does the
act it is accused of, a finite verb joined to an infinitive keeps its own subject, a verb the
parser joined with no conjunction shares none, an addressed request's content and an agreed
act's means name no recipients, a passive's 'by' phrase acts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.schema import Event, GazetteerEntry
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


def sides(event: Event) -> tuple[list[str], list[str]]:
    return [a.name for a in event.actors], [r.name for r in event.recipients]


# Russia accused Ukraine of supporting al-Shabaab.
ACCUSED_OF_SUPPORTING = """
Russia 1 nsubj PROPN Russia GPE:RUS NNP
accused 1 ROOT VERB accuse - VBD
Ukraine 1 dobj PROPN Ukraine GPE:UKR NNP
of 1 prep ADP of - IN
supporting 3 pcomp VERB support - VBG
al-Shabaab 4 dobj PROPN al-Shabaab ORG:org.shabaab NNP
. 1 punct PUNCT . - .
"""


# Mali was accused by Kenya of supporting al-Shabaab.
PASSIVE_ACCUSED_OF = """
Mali 2 nsubjpass PROPN Mali GPE:MLI NNP
was 2 auxpass AUX be - VBD
accused 2 ROOT VERB accuse - VBN
by 2 agent ADP by - IN
Kenya 3 pobj PROPN Kenya GPE:KEN NNP
of 2 prep ADP of - IN
supporting 5 pcomp VERB support - VBG
al-Shabaab 6 dobj PROPN al-Shabaab ORG:org.shabaab NNP
. 2 punct PUNCT . - .
"""


def test_what_one_is_accused_of_is_the_accusations_content(knowledge: Knowledge) -> None:
    # the support is alleged, not reported: one ACCUSE, and no support by the accuser
    (accusation,) = events_of(ACCUSED_OF_SUPPORTING, knowledge, "ACCUSE")
    assert sides(accusation) == (["Russia"], ["Ukraine"])
    assert events_of(ACCUSED_OF_SUPPORTING, knowledge, "SUPPORT") == []
    # and in the passive, the 'by' phrase accuses the subject
    (accusation,) = events_of(PASSIVE_ACCUSED_OF, knowledge, "ACCUSE")
    assert sides(accusation) == (["Kenya"], ["Mali"])
    assert events_of(PASSIVE_ACCUSED_OF, knowledge, "SUPPORT") == []


# Somalia thanked Kenya for hosting the talks.
THANKED_FOR_HOSTING = """
Somalia 1 nsubj PROPN Somalia GPE:SOM NNP
thanked 1 ROOT VERB thank - VBD
Kenya 1 dobj PROPN Kenya GPE:KEN NNP
for 1 prep ADP for - IN
hosting 3 pcomp VERB host - VBG
the 6 det DET the - DT
talks 4 dobj NOUN talk - NNS
. 1 punct PUNCT . - .
"""


# Mali welcomed Kenya after hosting the talks.  ('after': the subject's own act)
WELCOMED_AFTER_HOSTING = THANKED_FOR_HOSTING.replace(
    "Somalia 1 nsubj PROPN Somalia GPE:SOM NNP", "Mali 1 nsubj PROPN Mali GPE:MLI NNP"
).replace("for 1 prep ADP for - IN", "after 1 prep ADP after - IN")


def test_the_one_thanked_for_hosting_is_the_host(knowledge: Knowledge) -> None:
    hosted = events_of(THANKED_FOR_HOSTING, knowledge, "CONSULT")
    assert hosted, "the hosting is a contact"
    assert all(sides(e)[0] == ["Kenya"] for e in hosted)
    # "after hosting": a time phrase tells the subject's own act
    hosted = events_of(WELCOMED_AFTER_HOSTING, knowledge, "CONSULT")
    assert hosted and all("Mali" in sides(e)[0] for e in hosted)


# Senator Jane Roe stressed the need for Kenya to continue to support Somalia and called for
# more aid.  (the parser joins 'called' to the infinitive 'continue')
FINITE_AFTER_INFINITIVE = """
Senator 2 compound PROPN Senator TITLE NNP
Jane 2 compound PROPN Jane PERSON NNP
Roe 3 nsubj PROPN Roe +PERSON NNP
stressed 3 ROOT VERB stress - VBD
the 5 det DET the - DT
need 3 dobj NOUN need - NN
for 9 mark SCONJ for - IN
Kenya 9 nsubj PROPN Kenya GPE:KEN NNP
to 9 aux PART to - TO
continue 5 advcl VERB continue - VB
to 11 aux PART to - TO
support 9 xcomp VERB support - VB
Somalia 11 dobj PROPN Somalia GPE:SOM NNP
and 9 cc CCONJ and - CC
called 9 conj VERB call - VBD
for 14 prep ADP for - IN
more 17 amod ADJ more - JJR
aid 15 pobj NOUN aid - NN
. 3 punct PUNCT . - .
"""


def test_a_finite_verb_joined_to_an_infinitive_keeps_the_finite_subject(
    knowledge: Knowledge,
) -> None:
    (support,) = events_of(FINITE_AFTER_INFINITIVE, knowledge, "SUPPORT")
    assert sides(support) == (["Kenya"], ["Somalia"])
    (call,) = events_of(FINITE_AFTER_INFINITIVE, knowledge, "REQUEST")
    assert sides(call)[0] == ["Jane Roe"]


# Mali blamed Hamas for violating the ceasefire agreed to in May.  (the parser makes
# 'agreed' a conjunct of 'blamed', with no 'and' between them)
UNJOINED_CONJUNCT = """
Mali 1 nsubj PROPN Mali GPE:MLI NNP
blamed 1 ROOT VERB blame - VBD
Hamas 1 dobj PROPN Hamas ORG:org.hamas NNP
for 1 prep ADP for - IN
violating 3 pcomp VERB violate - VBG
the 6 det DET the - DT
ceasefire 4 dobj NOUN ceasefire - NN
agreed 1 conj VERB agree - VBD
to 7 prep ADP to - IN
in 7 prep ADP in - IN
May 9 pobj PROPN May DATE NNP
. 1 punct PUNCT . - .
"""


# Mali blamed Hamas and agreed to a truce.  (a real coordination: Mali agreed)
JOINED_CONJUNCT = """
Mali 1 nsubj PROPN Mali GPE:MLI NNP
blamed 1 ROOT VERB blame - VBD
Hamas 1 dobj PROPN Hamas ORG:org.hamas NNP
and 1 cc CCONJ and - CC
agreed 1 conj VERB agree - VBD
to 4 prep ADP to - IN
a 7 det DET a - DT
truce 5 pobj NOUN truce - NN
. 1 punct PUNCT . - .
"""


def test_a_conjunct_without_a_conjunction_takes_no_subject(knowledge: Knowledge) -> None:
    assert sides(events_of(UNJOINED_CONJUNCT, knowledge, "ACCUSE")[0]) == (["Mali"], ["Hamas"])
    assert events_of(UNJOINED_CONJUNCT, knowledge, "AGREE") == []
    (agreement,) = events_of(JOINED_CONJUNCT, knowledge, "AGREE")
    assert sides(agreement)[0] == ["Mali"]  # with 'and' it is Mali's agreement


# Germany urged the donors to cut off aid to Hamas.
URGED_TO_CUT_AID = """
Germany 1 nsubj PROPN Germany GPE:DEU NNP
urged 1 ROOT VERB urge - VBD
the 3 det DET the - DT
donors 1 dobj NOUN donor - NNS
to 5 aux PART to - TO
cut 1 xcomp VERB cut - VB
off 5 prt ADP off - RP
aid 5 dobj NOUN aid - NN
to 5 prep ADP to - IN
Hamas 8 pobj PROPN Hamas ORG:org.hamas NNP
. 1 punct PUNCT . - .
"""


def test_the_target_of_a_requested_act_is_not_the_requests_recipient(
    knowledge: Knowledge,
) -> None:
    (request,) = events_of(URGED_TO_CUT_AID, knowledge, "REQUEST")
    assert sides(request)[0] == ["Germany"]
    assert "Hamas" not in sides(request)[1]


# Kenya and Ethiopia agreed to cooperate in defeating al-Shabaab.
AGREED_MEANS = """
Kenya 3 nsubj PROPN Kenya GPE:KEN NNP
and 0 cc CCONJ and - CC
Ethiopia 0 conj PROPN Ethiopia GPE:ETH NNP
agreed 3 ROOT VERB agree - VBD
to 5 aux PART to - TO
cooperate 3 xcomp VERB cooperate - VB
in 5 prep ADP in - IN
defeating 6 pcomp VERB defeat - VBG
al-Shabaab 7 dobj PROPN al-Shabaab ORG:org.shabaab NNP
. 3 punct PUNCT . - .
"""


# Kenya agreed to ease its ban on Somalia.  (what is agreed names the other side)
AGREED_ACT_ON_ANOTHER = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
agreed 1 ROOT VERB agree - VBD
to 3 aux PART to - TO
ease 1 xcomp VERB ease - VB
its 5 poss PRON its - PRP$
ban 3 dobj NOUN ban - NN
on 5 prep ADP on - IN
Somalia 6 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_the_foe_an_agreement_is_against_is_not_a_party_to_it(knowledge: Knowledge) -> None:
    (agreement,) = events_of(AGREED_MEANS, knowledge, "AGREE")
    assert sides(agreement) == (["Kenya", "Ethiopia"], [])
    # the one an agreed act is done to stays its recipient
    (agreement,) = events_of(AGREED_ACT_ON_ANOTHER, knowledge, "AGREE")
    assert sides(agreement) == (["Kenya"], ["Somalia"])


# Aid was given to Somalia by Germany.
PASSIVE_AID = """
Aid 2 nsubjpass NOUN aid - NN
was 2 auxpass AUX be - VBD
given 2 ROOT VERB give - VBN
to 2 dative ADP to - IN
Somalia 3 pobj PROPN Somalia GPE:SOM NNP
by 2 agent ADP by - IN
Germany 5 pobj PROPN Germany GPE:DEU NNP
. 2 punct PUNCT . - .
"""


def test_a_passive_gift_of_aid_is_aid_from_the_by_phrase(knowledge: Knowledge) -> None:
    (aid,) = events_of(PASSIVE_AID, knowledge, "AID")
    assert sides(aid) == (["Germany"], ["Somalia"])


# Germany backed the anti-Kremlin opposition.  ('Kremlin' stands for Russia)
ANTI_NAME = """
Germany 1 nsubj PROPN Germany GPE:DEU NNP
backed 1 ROOT VERB back - VBD
the 6 det DET the - DT
anti 6 amod ADJ anti - JJ
- 6 amod ADJ - - JJ
Kremlin 6 amod ADJ kremlin GPE:RUS JJ
opposition 1 dobj NOUN opposition - NN
. 1 punct PUNCT . - .
"""


# Germany backed the Kremlin opposition.  (no prefix: the opposition is Russia's)
PLAIN_NAME = """
Germany 1 nsubj PROPN Germany GPE:DEU NNP
backed 1 ROOT VERB back - VBD
the 4 det DET the - DT
Kremlin 4 amod ADJ kremlin GPE:RUS JJ
opposition 1 dobj NOUN opposition - NN
. 1 punct PUNCT . - .
"""


def test_a_name_turned_by_a_prefix_is_not_that_party(knowledge: Knowledge) -> None:
    (support,) = events_of(ANTI_NAME, knowledge, "SUPPORT")
    assert "Russia" not in sides(support)[1]
    (support,) = events_of(PLAIN_NAME, knowledge, "SUPPORT")
    # the opposition is Russia's, a group of it, not the state
    assert [(r.kind, r.country) for r in support.recipients] == [("group", "RUS")]


# Kenya condemned the visit to Somalia.
CONDEMNED_VISIT = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
condemned 1 ROOT VERB condemn - VBD
the 3 det DET the - DT
visit 1 dobj NOUN visit - NN
to 3 prep ADP to - IN
Somalia 4 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_the_one_who_condemns_a_visit_did_not_make_it(knowledge: Knowledge) -> None:
    assert [e.event for e in events_of(CONDEMNED_VISIT, knowledge, "ACCUSE")] == ["ACCUSE"]
    assert events_of(CONDEMNED_VISIT, knowledge, "CONSULT") == []
    # a visit with its own visitor stays: "Kenya condemned Mali's visit to Somalia"
    owned = CONDEMNED_VISIT.replace("the 3 det DET the - DT", "Mali 3 poss PROPN Mali GPE:MLI NNP")
    (visit,) = events_of(owned, knowledge, "CONSULT")
    assert sides(visit)[0] == ["Mali"]


# Kenya flew to Addis Ababa on Monday to hold talks with Ethiopia.
TRIP_TO_HOLD_TALKS = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
flew 1 ROOT VERB fly - VBD
to 1 prep ADP to - IN
Addis 4 compound PROPN Addis GPE:addis NNP
Ababa 2 pobj PROPN Ababa +GPE NNP
on 1 prep ADP on - IN
Monday 5 pobj PROPN Monday DATE NNP
to 8 aux PART to - TO
hold 1 advcl VERB hold - VB
talks 8 dobj NOUN talk - NNS
with 9 prep ADP with - IN
Ethiopia 10 pobj PROPN Ethiopia GPE:ETH NNP
. 1 punct PUNCT . - .
"""


def test_talks_a_trip_is_made_to_hold_are_the_trips_one_contact() -> None:
    knowledge = small_knowledge(
        [
            *EAST_AFRICA,
            GazetteerEntry(
                id="addis",
                label="GPE",
                name="Addis Ababa",
                kind="city",
                country="ETH",
                capital_of="ETH",
            ),
        ]
    )
    (contact,) = events_of(TRIP_TO_HOLD_TALKS, knowledge, "CONSULT")
    assert contact.mode == "visit"
    assert sides(contact) == (["Kenya"], ["Ethiopia"])


# Ahead of talks with Ethiopia, Kenya said the deal was vital.
AHEAD_OF_TALKS = """
Ahead 7 advmod ADV ahead - RB
of 0 prep ADP of - IN
talks 1 pobj NOUN talk - NNS
with 2 prep ADP with - IN
Ethiopia 3 pobj PROPN Ethiopia GPE:ETH NNP
, 7 punct PUNCT , - ,
Kenya 7 nsubj PROPN Kenya GPE:KEN NNP
said 7 ROOT VERB say - VBD
the 9 det DET the - DT
deal 10 nsubj NOUN deal - NN
was 7 ccomp AUX be - VBD
vital 10 acomp ADJ vital - JJ
. 7 punct PUNCT . - .
"""


def test_who_speaks_ahead_of_talks_takes_part_in_them(knowledge: Knowledge) -> None:
    (talks,) = events_of(AHEAD_OF_TALKS, knowledge, "CONSULT")
    assert sides(talks) == (["Kenya"], ["Ethiopia"])


# Kenya refused to send troops to the Somali-led war against al-Shabaab.
REFUSED_AID_TO_A_WAR = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
refused 1 ROOT VERB refuse - VBD
to 3 aux PART to - TO
send 1 xcomp VERB send - VB
troops 3 dobj NOUN troop - NNS
to 3 prep ADP to - IN
the 10 det DET the - DT
Somali 9 npadvmod PROPN Somali NORP:SOM NNP
- 9 punct PUNCT - - HYPH
led 10 amod VERB lead - VBN
war 5 pobj NOUN war - NN
against 10 prep ADP against - IN
al-Shabaab 11 pobj PROPN al-Shabaab ORG:org.shabaab NNP
. 1 punct PUNCT . - .
"""


def test_the_foe_of_a_war_one_refuses_to_join_is_no_recipient(knowledge: Knowledge) -> None:
    (refusal,) = events_of(REFUSED_AID_TO_A_WAR, knowledge, "REJECT")
    assert sides(refusal) == (["Kenya"], ["Somalia"])


# Kenya agreed to set up camps in Somalia.
AGREED_CAMPS_IN = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
agreed 1 ROOT VERB agree - VBD
to 3 aux PART to - TO
set 1 xcomp VERB set - VB
up 3 prt ADP up - RP
camps 3 dobj NOUN camp - NNS
in 5 prep ADP in - IN
Somalia 6 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


# Kenya agreed to deploy troops in Somalia.
AGREED_TROOPS_IN = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
agreed 1 ROOT VERB agree - VBD
to 3 aux PART to - TO
deploy 1 xcomp VERB deploy - VB
troops 3 dobj NOUN troop - NNS
in 4 prep ADP in - IN
Somalia 5 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_where_an_agreed_site_lies_is_no_party_to_the_agreement(knowledge: Knowledge) -> None:
    (agreement,) = events_of(AGREED_CAMPS_IN, knowledge, "AGREE")
    assert sides(agreement) == (["Kenya"], [])
    # troops deployed in a country act on it: the place of an act, not of a site, stays
    (agreement,) = events_of(AGREED_TROOPS_IN, knowledge, "AGREE")
    assert sides(agreement) == (["Kenya"], ["Somalia"])


# Kenya threatened more sanctions if Somalia disrupts the vote.
SANCTIONS_IF = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
threatened 1 ROOT VERB threaten - VBD
more 3 amod ADJ more - JJR
sanctions 1 dobj NOUN sanction - NNS
if 6 mark SCONJ if - IN
Somalia 6 nsubj PROPN Somalia GPE:SOM NNP
disrupts 1 advcl VERB disrupt - VBZ
the 8 det DET the - DT
vote 6 dobj NOUN vote - NN
. 1 punct PUNCT . - .
"""


def test_who_a_threats_condition_is_about_is_its_target(knowledge: Knowledge) -> None:
    (threat,) = events_of(SANCTIONS_IF, knowledge, "THREATEN")
    assert sides(threat) == (["Kenya"], ["Somalia"])


def test_a_threat_on_a_party_keeps_that_party(knowledge: Knowledge) -> None:
    spec = SANCTIONS_IF.replace(
        "more 3 amod ADJ more - JJR\nsanctions 1 dobj NOUN sanction - NNS",
        "Ethiopia 3 compound PROPN Ethiopia GPE:ETH NNP\nsanctions 1 dobj NOUN sanction - NNS",
    )
    (threat,) = events_of(spec, knowledge, "THREATEN")
    assert sides(threat) == (["Kenya"], ["Ethiopia"])  # "Ethiopia sanctions if Somalia ..."


def test_a_threat_made_on_a_condition_on_wire_copy(extract: Callable[..., list[Event]]) -> None:
    events = extract(
        "The European Union has threatened tougher sanctions on banks and energy firms if "
        "Russia tries to derail next month's presidential election, diplomats said."
    )
    (threat,) = [e for e in events if e.event == "THREATEN"]
    assert [r.country for r in threat.recipients] == ["RUS"]
