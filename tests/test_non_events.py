"""Acts a sentence tells but nobody did: the aim of another act (`forbid_aim`), the rebuttal of a
claim (`forbid_claim`), an object a clause names ('committed what X calls genocide'), the
later of coordinated alleged acts, an obligation that names no party, resources committed
and assessments offered.

Each on a hand-built parse (no model) with the case that must still fire, and through the
parser on sentences written in the style of wire copy."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.schema import Event
from handbuilt import events_of, small_knowledge

Extract = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


def parties(spec: str, knowledge: Knowledge, kind: str) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events_of(spec, knowledge, kind)
    ]


# Kenya {verb} money to support Somalia.
AIM = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
{verb} 1 ROOT VERB {lemma} - VBD
{object} 1 {dep} NOUN {object} - NN
to 4 aux PART to - TO
support 1 {clause} VERB support - VB
Somalia 4 dobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_the_aim_of_another_act_is_no_support(knowledge: Knowledge) -> None:
    gave = AIM.format(verb="gave", lemma="give", object="money", dep="dobj", clause="advcl")
    assert parties(gave, knowledge, "SUPPORT") == []
    # "continued to support": the support itself is told
    kept = AIM.format(
        verb="continued", lemma="continue", object="then", dep="advmod", clause="xcomp"
    )
    assert parties(kept, knowledge, "SUPPORT") == [(["Kenya"], ["Somalia"])]


# Kenya rejected the {noun} that Ethiopia {verb} rebels.
CLAIM = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
rejected 1 ROOT VERB reject - VBD
the 3 det DET the - DT
{noun} 1 dobj NOUN {noun} - NN
that 6 mark SCONJ that - IN
Ethiopia 6 nsubj PROPN Ethiopia GPE:ETH NNP
{verb} 3 acl VERB {lemma} - {tag}
rebels 6 dobj NOUN rebel - NNS
. 1 punct PUNCT . - .
"""


def test_a_rebutted_claim_is_no_rejection(knowledge: Knowledge) -> None:
    claim = CLAIM.format(noun="suggestion", verb="armed", lemma="arm", tag="VBD")
    assert parties(claim, knowledge, "REJECT") == []
    # a proposal in the subjunctive is refused: "rejected the proposal that Ethiopia disarm"
    proposal = CLAIM.format(noun="proposal", verb="disarm", lemma="disarm", tag="VB")
    assert [a for a, _ in parties(proposal, knowledge, "REJECT")] == [["Kenya"]]


# al-Shabaab committed what Kenya called {noun}.
COMMITTED_WHAT = """
al-Shabaab 1 nsubj PROPN al-Shabaab ORG:org.shabaab NNP
committed 1 ROOT VERB commit - VBD
what 4 dobj PRON what - WP
Kenya 4 nsubj PROPN Kenya GPE:KEN NNP
called 1 ccomp VERB call - VBD
{noun} 4 oprd NOUN {noun} - NN
. 1 punct PUNCT . - .
"""


def test_an_object_a_clause_names_is_seen_by_the_sense_filter(knowledge: Knowledge) -> None:
    assert parties(COMMITTED_WHAT.format(noun="genocide"), knowledge, "AGREE") == []
    # not every clause object is a crime: the commitment stays
    assert parties(COMMITTED_WHAT.format(noun="progress"), knowledge, "AGREE") != []


# Kenya accused Somalia of harbouring al-Shabaab and {verb} Hamas.
ALLEGED_PAIR = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
accused 1 ROOT VERB accuse - VBD
Somalia 1 dobj PROPN Somalia GPE:SOM NNP
of 1 prep ADP of - IN
harbouring 3 pcomp VERB harbour - VBG
al-Shabaab 4 dobj PROPN al-Shabaab ORG:org.shabaab NNP
and {cc_head} cc CCONJ and - CC
{verb} {head} conj VERB support - {tag}
Hamas 7 dobj PROPN Hamas ORG:org.hamas NNP
. 1 punct PUNCT . - .
"""


def test_every_gerund_of_an_accusation_is_alleged(knowledge: Knowledge) -> None:
    alleged = ALLEGED_PAIR.format(verb="supporting", tag="VBG", head=4, cc_head=4)
    assert parties(alleged, knowledge, "SUPPORT") == []
    # a finite verb after the accusation is the accuser's own act
    own = ALLEGED_PAIR.format(verb="supported", tag="VBD", head=1, cc_head=1)
    assert parties(own, knowledge, "SUPPORT") == [(["Kenya"], ["Hamas"])]


# Ruto said {subject} must withdraw.
MUST = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
said 1 ROOT VERB say - VBD
{subject} 4 nsubj {pos} {subject} {ent} {tag}
must 4 aux AUX must - MD
withdraw 1 ccomp VERB withdraw - VB
. 1 punct PUNCT . - .
"""


def test_an_obligation_on_no_party_is_no_request(knowledge: Knowledge) -> None:
    nobody = MUST.format(subject="it", pos="PRON", ent="-", tag="PRP")
    assert parties(nobody, knowledge, "REQUEST") == []
    somalia = MUST.format(subject="Somalia", pos="PROPN", ent="GPE:SOM", tag="NNP")
    assert parties(somalia, knowledge, "REQUEST") == [(["William Ruto"], ["Somalia"])]


# Kenya {verb} {object} to Somalia.
GIVEN = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
{verb} 1 ROOT VERB {lemma} - VBD
{object} 1 dobj NOUN {object} - NNS
to 1 prep ADP to - IN
Somalia 3 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_troops_committed_and_assessments_offered_are_no_agreement(knowledge: Knowledge) -> None:
    troops = GIVEN.format(verb="committed", lemma="commit", object="troop")
    assert parties(troops, knowledge, "AGREE") == []
    assessment = GIVEN.format(verb="offered", lemma="offer", object="assessment")
    assert parties(assessment, knowledge, "AGREE") == []
    concessions = GIVEN.format(verb="offered", lemma="offer", object="concession")
    assert parties(concessions, knowledge, "AGREE") != []


# Ruto agreed with Abiy{rest}.
CONCUR = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
agreed 1 ROOT VERB agree - VBD
with 1 prep ADP with - IN
Abiy 2 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
{rest}
. 1 punct PUNCT . - .
"""
ON_A_TRUCE = """on 1 prep ADP on - IN
a 6 det DET a - DT
truce 4 pobj NOUN truce - NN"""


def test_agreeing_with_someone_on_nothing_is_a_view_shared(knowledge: Knowledge) -> None:
    assert parties(CONCUR.format(rest=""), knowledge, "AGREE") == []
    truce = CONCUR.format(rest=ON_A_TRUCE)
    assert parties(truce, knowledge, "AGREE") == [(["William Ruto"], ["Abiy Ahmed"])]


# Kenya released aid {noun} to Somalia.
AID_THING = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
released 1 ROOT VERB release - VBD
aid 3 compound NOUN aid - NN
{noun} 1 dobj NOUN {noun} - NNS
to 1 prep ADP to - IN
Somalia 4 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_aid_proposals_are_no_aid(knowledge: Knowledge) -> None:
    assert events_of(AID_THING.format(noun="proposal"), knowledge, "AID") == []
    supplies = AID_THING.format(noun="supplies")
    assert parties(supplies, knowledge, "AID") == [(["Kenya"], ["Somalia"])]


def _kinds(events: list[Event]) -> set[str]:
    return {e.event for e in events}


def test_non_events_through_the_parser(extract: Extract) -> None:
    aim = extract(
        "The United Nations gave $40 million in 2019 to support the Kenyan health ministry."
    )
    assert "SUPPORT" not in _kinds(aim)
    claim = extract("Erdogan rejected any suggestion that Turkey was backing the militants.")
    assert "REJECT" not in _kinds(claim)
    proposal = extract("Erdogan rejected a proposal by Greece to hold talks on the islands.")
    assert "REJECT" in _kinds(proposal)
    crimes = extract("Russian forces committed what Ukraine's foreign minister called war crimes.")
    assert "AGREE" not in _kinds(crimes)
    pair = extract("India accuses Pakistan of harbouring militants and supporting terror groups.")
    assert _kinds(pair) == {"ACCUSE"}
    nobody = extract("Blatter said it must fall to him to fix the organization.")
    assert "REQUEST" not in _kinds(nobody)
    asked = extract("Ruto said Somalia must withdraw its troops from the border.")
    assert "REQUEST" in _kinds(asked)
    told = extract("Kenya told Somalia it must withdraw its troops.")
    assert "REQUEST" in _kinds(told)
    concur = extract("The Iraqi premier seemed to agree with the American general.")
    assert "AGREE" not in _kinds(concur)
    truce = extract("Kenya agreed with Ethiopia on a ceasefire.")
    assert "AGREE" in _kinds(truce)
    proposals = extract("Juncker released nearly 20 aid proposals for Greece on Monday.")
    assert "AID" not in _kinds(proposals)
    troops = extract("Obama committed 3,000 troops to the NATO mission in Poland.")
    assert "AGREE" not in _kinds(troops)
