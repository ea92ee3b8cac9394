"""Status errors seen on real news, on hand-built parses: a sibling verb's denial, a contact that
was the scene of a negated act, what a party must do, contacts something is ahead of, fled
from or dated after the document."""

from __future__ import annotations

from datetime import date

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


def statuses(spec: str, knowledge: Knowledge, kind: str, written: date | None = None) -> list[str]:
    return [event.status.value for event in events_of(spec, knowledge, kind, written)]


# Mali denies the charges and accuses Kenya of meddling.
DENIES_AND_ACCUSES = """
Mali 1 nsubj PROPN Mali GPE:MLI NNP
denies 1 ROOT VERB deny - VBZ
the 3 det DET the - DT
charges 1 dobj NOUN charge - NNS
and 1 cc CCONJ and - CC
accuses 1 conj VERB accuse - VBZ
Kenya 5 dobj PROPN Kenya GPE:KEN NNP
of 5 prep ADP of - IN
meddling 7 pobj VERB meddle - VBG
. 1 punct PUNCT . - .
"""


def test_a_denial_beside_an_accusation_does_not_negate_it(knowledge: Knowledge) -> None:
    assert statuses(DENIES_AND_ACCUSES, knowledge, "ACCUSE") == ["occurred"]


# Sanctions were not discussed in Ruto's phone call with Abiy.
NOT_DISCUSSED_IN_THE_CALL = """
Sanctions 3 nsubjpass NOUN sanction - NNS
were 3 auxpass AUX be - VBD
not 3 neg PART not - RB
discussed 3 ROOT VERB discuss - VBN
in 3 prep ADP in - IN
Ruto 8 poss PROPN Ruto PERSON:person.william_ruto NNP
's 5 case PART 's - POS
phone 8 compound NOUN phone - NN
call 4 pobj NOUN call - NN
with 8 prep ADP with - IN
Abiy 9 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
. 3 punct PUNCT . - .
"""

# Ruto did not take part in the talks with Abiy.
NOT_TAKING_PART = """
Ruto 3 nsubj PROPN Ruto PERSON:person.william_ruto NNP
did 3 aux AUX do - VBD
not 3 neg PART not - RB
take 3 ROOT VERB take - VB
part 3 dobj NOUN part - NN
in 3 prep ADP in - IN
the 7 det DET the - DT
talks 5 pobj NOUN talk - NNS
with 7 prep ADP with - IN
Abiy 8 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
. 3 punct PUNCT . - .
"""


def test_a_call_in_which_something_was_not_discussed_took_place(knowledge: Knowledge) -> None:
    assert statuses(NOT_DISCUSSED_IN_THE_CALL, knowledge, "CONSULT") == ["occurred"]
    assert statuses(NOT_TAKING_PART, knowledge, "CONSULT") == ["negated"]


# Kenya must agree to the deal.
MUST_AGREE = """
Kenya 2 nsubj PROPN Kenya GPE:KEN NNP
must 2 aux AUX must - MD
agree 2 ROOT VERB agree - VB
to 2 prep ADP to - IN
the 5 det DET the - DT
deal 3 pobj NOUN deal - NN
. 2 punct PUNCT . - .
"""


def test_what_a_party_must_do_has_not_happened(knowledge: Knowledge) -> None:
    assert statuses(MUST_AGREE, knowledge, "AGREE") == ["hypothetical"]


# Ahead of talks with Abiy, Ruto said the deal was vital.
AHEAD_OF_TALKS = """
Ahead 7 advmod ADV ahead - RB
of 0 prep ADP of - IN
talks 1 pobj NOUN talk - NNS
with 2 prep ADP with - IN
Abiy 3 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
, 7 punct PUNCT , - ,
Ruto 7 nsubj PROPN Ruto PERSON:person.william_ruto NNP
said 7 ROOT VERB say - VBD
the 9 det DET the - DT
deal 10 nsubj NOUN deal - NN
was 7 ccomp AUX be - VBD
vital 10 acomp ADJ vital - JJ
. 7 punct PUNCT . - .
"""

# Kenya and Mali agreed on the date and venue for a meeting.
DATE_AND_VENUE = """
Kenya 3 nsubj PROPN Kenya GPE:KEN NNP
and 0 cc CCONJ and - CC
Mali 0 conj PROPN Mali GPE:MLI NNP
agreed 3 ROOT VERB agree - VBD
on 3 prep ADP on - IN
the 6 det DET the - DT
date 4 pobj NOUN date - NN
and 6 cc CCONJ and - CC
venue 6 conj NOUN venue - NN
for 6 prep ADP for - IN
a 11 det DET a - DT
meeting 9 pobj NOUN meeting - NN
. 3 punct PUNCT . - .
"""


def test_a_contact_something_is_ahead_of_or_prepares_is_planned(knowledge: Knowledge) -> None:
    assert statuses(AHEAD_OF_TALKS, knowledge, "CONSULT") == ["planned"]
    assert statuses(DATE_AND_VENUE, knowledge, "CONSULT") == ["planned"]


# The opposition leader fled to avoid talks with Ruto.
FLED_TO_AVOID = """
The 2 det DET the - DT
opposition 2 compound NOUN opposition - NN
leader 3 nsubj NOUN leader - NN
fled 3 ROOT VERB flee - VBD
to 5 aux PART to - TO
avoid 3 xcomp VERB avoid - VB
talks 5 dobj NOUN talk - NNS
with 6 prep ADP with - IN
Ruto 7 pobj PROPN Ruto PERSON:person.william_ruto NNP
. 3 punct PUNCT . - .
"""


def test_talks_someone_fled_to_avoid_did_not_take_place(knowledge: Knowledge) -> None:
    assert statuses(FLED_TO_AVOID, knowledge, "CONSULT") == ["negated"]


# Ruto's meeting with Abiy next week is the first since the war.  (a present-tense noun)
MEETING_NEXT_WEEK = """
Ruto 2 poss PROPN Ruto PERSON:person.william_ruto NNP
's 0 case PART 's - POS
meeting 7 nsubj NOUN meeting - NN
with 2 prep ADP with - IN
Abiy 3 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
next 6 amod ADJ next DATE JJ
week 2 npadvmod NOUN week +DATE NN
is 7 ROOT AUX be - VBZ
the 9 det DET the - DT
first 7 attr ADJ first - JJ
since 9 prep ADP since - IN
the 12 det DET the - DT
war 10 pobj NOUN war - NN
. 7 punct PUNCT . - .
"""


def test_a_contact_dated_after_the_article_is_planned(knowledge: Knowledge) -> None:
    written = date(2024, 5, 20)
    assert statuses(MEETING_NEXT_WEEK, knowledge, "CONSULT", written) == ["planned"]
    last_week = MEETING_NEXT_WEEK.replace("next 6 amod ADJ next", "last 6 amod ADJ last")
    assert statuses(last_week, knowledge, "CONSULT", written) == ["occurred"]


# Ruto hopes to meet Abiy.  (the lemmatizer gives 'hop' for 'hopes')
HOPES_TO_MEET = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
hopes 1 ROOT VERB hop - VBZ
to 3 aux PART to - TO
meet 1 xcomp VERB meet - VB
Abiy 3 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
. 1 punct PUNCT . - .
"""


def test_a_contact_hoped_for_is_planned_whatever_the_lemmatizer_says(
    knowledge: Knowledge,
) -> None:
    assert statuses(HOPES_TO_MEET, knowledge, "CONSULT") == ["planned"]
    slated = HOPES_TO_MEET.replace("hopes 1 ROOT VERB hop - VBZ", "slated 1 ROOT VERB slat - VBN")
    assert statuses(slated, knowledge, "CONSULT") == ["planned"]


# Officials would not say whether Ruto met Abiy.
WHETHER_MET = """
Officials 3 nsubj NOUN official - NNS
would 3 aux AUX would - MD
not 3 neg PART not - RB
say 3 ROOT VERB say - VB
whether 6 mark SCONJ whether - IN
Ruto 6 nsubj PROPN Ruto PERSON:person.william_ruto NNP
met 3 ccomp VERB meet - VBD
Abiy 6 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
. 3 punct PUNCT . - .
"""


def test_a_contact_a_question_opens_is_not_told_as_fact(knowledge: Knowledge) -> None:
    assert statuses(WHETHER_MET, knowledge, "CONSULT") == ["hypothetical"]
    told = WHETHER_MET.replace("whether 6 mark SCONJ whether - IN", "that 6 mark SCONJ that - IN")
    assert statuses(
        told.replace("not 3 neg PART not - RB", "then 3 advmod ADV then - RB"), knowledge, "CONSULT"
    ) == ["occurred"]


# Kenya must be prepared to impose sanctions on Mali.
MUST_BE_PREPARED = """
Kenya 2 nsubj PROPN Kenya GPE:KEN NNP
must 2 aux AUX must - MD
be 2 ROOT AUX be - VB
prepared 2 acomp VERB prepare - VBN
to 5 aux PART to - TO
impose 3 xcomp VERB impose - VB
sanctions 5 dobj NOUN sanction - NNS
on 5 prep ADP on - IN
Mali 7 pobj PROPN Mali GPE:MLI NNP
. 2 punct PUNCT . - .
"""


def test_the_copulas_modal_reaches_what_one_must_be_ready_to_do(knowledge: Knowledge) -> None:
    assert statuses(MUST_BE_PREPARED, knowledge, "SANCTION") == ["hypothetical"]
