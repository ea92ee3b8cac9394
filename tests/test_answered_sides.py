"""The other side of a refusal or agreement named in its clause but not as the verb's object
or subject: a bloc adjective on what is refused ('dismissed Western accusations', data:
`bloc_adjectives`, `authored_nouns`), the owner of what a verb takes up through a preposition
('agreed to U.S. mediation', the rule's `object_preps`), and the one whose request told in the
same sentence is answered ('X asked for Y's support, and Y agreed', data: `asking_verbs`)."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from handbuilt import events_of, parties_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


sides = parties_of


# Kenya dismissed Western accusations of abuses.
DISMISSED_WESTERN_ACCUSATIONS = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
dismissed 1 ROOT VERB dismiss - VBD
Western 3 amod ADJ western - JJ
accusations 1 dobj NOUN accusation - NNS
of 3 prep ADP of - IN
abuses 4 pobj NOUN abuse - NNS
. 1 punct PUNCT . - .
"""

# Kenya rejected Western values.
REJECTED_WESTERN_VALUES = DISMISSED_WESTERN_ACCUSATIONS.replace(
    "dismissed 1 ROOT VERB dismiss", "rejected 1 ROOT VERB reject"
).replace("accusations 1 dobj NOUN accusation", "values 1 dobj NOUN value")

# Kenya rejected Western-style democracy.
REJECTED_WESTERN_STYLE = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
rejected 1 ROOT VERB reject - VBD
Western 4 amod ADJ western - JJ
- 4 punct PUNCT - - HYPH
style 5 compound NOUN style - NN
democracy 1 dobj NOUN democracy - NN
. 1 punct PUNCT . - .
"""


def test_a_bloc_that_accuses_is_the_side_refused(knowledge: Knowledge) -> None:
    assert "western" in knowledge.words("bloc_adjectives")
    (event,) = events_of(DISMISSED_WESTERN_ACCUSATIONS, knowledge, "REJECT")
    (bloc,) = event.recipients
    assert (bloc.text, bloc.name, bloc.kind, bloc.country) == ("Western", "Western", "group", None)


@pytest.mark.parametrize("spec", [REJECTED_WESTERN_VALUES, REJECTED_WESTERN_STYLE])
def test_a_bloc_adjective_that_only_describes_is_no_party(spec: str, knowledge: Knowledge) -> None:
    assert "value" not in knowledge.words("authored_nouns")
    assert sides(spec, knowledge, "REJECT") == [(["Kenya"], [])]


# Kenya agreed to Ethiopia's mediation offer.
AGREED_TO_ITS_OFFER = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
agreed 1 ROOT VERB agree - VBD
to 1 prep ADP to - IN
Ethiopia 6 poss PROPN Ethiopia GPE:ETH NNP
's 3 case PART 's - POS
mediation 6 compound NOUN mediation - NN
offer 2 pobj NOUN offer - NN
. 1 punct PUNCT . - .
"""

# Kenya agreed to a ceasefire in Somalia.
AGREED_TO_A_CEASEFIRE_IN = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
agreed 1 ROOT VERB agree - VBD
to 1 prep ADP to - IN
a 4 det DET a - DT
ceasefire 2 pobj NOUN ceasefire - NN
in 4 prep ADP in - IN
Somalia 5 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_whose_offer_is_agreed_to_is_the_other_side(knowledge: Knowledge) -> None:
    assert sides(AGREED_TO_ITS_OFFER, knowledge, "AGREE") == [(["Kenya"], ["Ethiopia"])]


def test_where_an_agreed_ceasefire_holds_is_no_side(knowledge: Knowledge) -> None:
    assert sides(AGREED_TO_A_CEASEFIRE_IN, knowledge, "AGREE") == [(["Kenya"], [])]


# Ruto asked for Abiy's support, and Abiy agreed.
ASKED_FOR_SUPPORT_AND_AGREED = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
asked 1 ROOT VERB ask - VBD
for 1 prep ADP for - IN
Abiy 5 poss PROPN Abiy PERSON:person.abiy_ahmed NNP
's 3 case PART 's - POS
support 2 pobj NOUN support - NN
, 1 punct PUNCT , - ,
and 1 cc CCONJ and - CC
Abiy 9 nsubj PROPN Abiy PERSON:person.abiy_ahmed NNP
agreed 1 conj VERB agree - VBD
. 1 punct PUNCT . - .
"""

# Ruto urged Abiy to reopen the border, but Abiy refused.
URGED_AND_REFUSED = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
urged 1 ROOT VERB urge - VBD
Abiy 1 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
to 4 aux PART to - TO
reopen 1 xcomp VERB reopen - VB
the 6 det DET the - DT
border 4 dobj NOUN border - NN
, 1 punct PUNCT , - ,
but 1 cc CCONJ but - CC
Abiy 10 nsubj PROPN Abiy PERSON:person.abiy_ahmed NNP
refused 1 conj VERB refuse - VBD
. 1 punct PUNCT . - .
"""

# Ruto urged Abiy to reopen the border, but Somalia refused.
URGED_ONE_ANOTHER_REFUSED = URGED_AND_REFUSED.replace(
    "Abiy 10 nsubj PROPN Abiy PERSON:person.abiy_ahmed NNP",
    "Somalia 10 nsubj PROPN Somalia GPE:SOM NNP",
)


def test_an_agreement_answers_the_request_told_before_it(knowledge: Knowledge) -> None:
    assert sides(ASKED_FOR_SUPPORT_AND_AGREED, knowledge, "AGREE") == [
        (["Abiy Ahmed"], ["William Ruto"])
    ]


def test_a_refusal_answers_the_one_who_urged(knowledge: Knowledge) -> None:
    assert sides(URGED_AND_REFUSED, knowledge, "REJECT") == [(["Abiy Ahmed"], ["William Ruto"])]


def test_a_refusal_by_someone_not_asked_answers_nobody(knowledge: Knowledge) -> None:
    assert sides(URGED_ONE_ANOTHER_REFUSED, knowledge, "REJECT") == [(["Somalia"], [])]


def _sides(extract, text: str, kind: str) -> list[tuple[list[str], list[str]]]:  # type: ignore[no-untyped-def]
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in extract(text)
        if e.event == kind
    ]


def test_wire_copy_bloc_accusations(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "MOSCOW — Russia on Tuesday dismissed Western accusations of election meddling, "
        "calling them baseless. China has long rejected Western-style democracy."
    )
    found = _sides(extract, text, "REJECT")
    assert found == [(["Russia"], ["Western"]), (["China"], [])]


def test_wire_copy_agreeing_to_mediation(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Israel agreed on Sunday to Egyptian mediation between its army and Hamas militants."
    ((actors, recipients),) = _sides(extract, text, "AGREE")
    assert actors == ["Israel"]
    assert "Egypt" in recipients


def test_wire_copy_answered_requests(extract) -> None:  # type: ignore[no-untyped-def]
    asked = "A Kremlin statement said Putin asked for Erdogan's backing, and that Erdogan agreed."
    assert _sides(extract, asked, "AGREE") == [(["Recep Tayyip Erdoğan"], ["Vladimir Putin"])]
    urged = "Macron urged Putin to halt the offensive, but Putin refused."
    assert _sides(extract, urged, "REJECT") == [(["Vladimir Putin"], ["Emmanuel Macron"])]
    other = "Macron urged Putin to halt the offensive, but Scholz refused."
    assert _sides(extract, other, "REJECT") == [(["Olaf Scholz"], [])]
