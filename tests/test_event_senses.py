"""Trigger senses that are no event, on hand-built parses: an assertion read as a demand, a
crime 'committed', condolences 'offered', what a speaker says its own side must do, what a
ban keeps someone from."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


# Kenya insisted it could win the vote.
INSISTED_STATEMENT = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
insisted 1 ROOT VERB insist - VBD
it 4 nsubj PRON it - PRP
could 4 aux AUX could - MD
win 1 ccomp VERB win - VB
the 6 det DET the - DT
vote 4 dobj NOUN vote - NN
. 1 punct PUNCT . - .
"""

# Kenya insisted on talking only about trade.
INSISTED_ON_OWN_CONDUCT = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
insisted 1 ROOT VERB insist - VBD
on 1 prep ADP on - IN
talking 2 pcomp VERB talk - VBG
only 5 advmod ADV only - RB
about 3 prep ADP about - IN
trade 5 pobj NOUN trade - NN
. 1 punct PUNCT . - .
"""

# Kenya insisted that Somalia withdraw its troops.
INSISTED_SUBJUNCTIVE = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
insisted 1 ROOT VERB insist - VBD
that 4 mark SCONJ that - IN
Somalia 4 nsubj PROPN Somalia GPE:SOM NNP
withdraw 1 ccomp VERB withdraw - VB
its 6 poss PRON its - PRP$
troops 4 dobj NOUN troop - NNS
. 1 punct PUNCT . - .
"""

# Kenya insisted on a ceasefire.
INSISTED_ON_NOUN = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
insisted 1 ROOT VERB insist - VBD
on 1 prep ADP on - IN
a 4 det DET a - DT
ceasefire 2 pobj NOUN ceasefire - NN
. 1 punct PUNCT . - .
"""


# Kenya insisted on Monday that it could win the vote.  (a day, not a demand)
INSISTED_ON_A_DAY = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
insisted 1 ROOT VERB insist - VBD
on 1 prep ADP on - IN
Monday 2 pobj PROPN Monday DATE NNP
that 7 mark SCONJ that - IN
it 7 nsubj PRON it - PRP
could 7 aux AUX could - MD
win 1 ccomp VERB win - VB
the 9 det DET the - DT
vote 7 dobj NOUN vote - NN
. 1 punct PUNCT . - .
"""


def test_insisting_is_a_request_only_when_it_demands(knowledge: Knowledge) -> None:
    assert events_of(INSISTED_STATEMENT, knowledge, "REQUEST") == []
    assert events_of(INSISTED_ON_A_DAY, knowledge, "REQUEST") == []
    assert events_of(INSISTED_ON_OWN_CONDUCT, knowledge, "REQUEST") == []
    (demand,) = events_of(INSISTED_SUBJUNCTIVE, knowledge, "REQUEST")
    assert [r.name for r in demand.recipients] == ["Somalia"]
    assert len(events_of(INSISTED_ON_NOUN, knowledge, "REQUEST")) == 1


# Kenyan troops committed atrocities in the north.
COMMITTED_A_CRIME = """
Kenyan 1 amod ADJ kenyan NORP:KEN JJ
troops 2 nsubj NOUN troop - NNS
committed 2 ROOT VERB commit - VBD
atrocities 2 dobj NOUN atrocity - NNS
in 2 prep ADP in - IN
the 6 det DET the - DT
north 4 pobj NOUN north - NN
. 2 punct PUNCT . - .
"""

# Kenya committed to hosting the summit.
COMMITTED_TO_HOST = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
committed 1 ROOT VERB commit - VBD
to 1 prep ADP to - IN
hosting 2 pcomp VERB host - VBG
the 5 det DET the - DT
summit 3 dobj NOUN summit - NN
. 1 punct PUNCT . - .
"""


def test_a_crime_committed_is_no_commitment(knowledge: Knowledge) -> None:
    assert events_of(COMMITTED_A_CRIME, knowledge, "AGREE") == []
    (pledge,) = events_of(COMMITTED_TO_HOST, knowledge, "AGREE")
    assert [a.name for a in pledge.actors] == ["Kenya"]


# Ruto offered condolences to Somalia.
OFFERED_CONDOLENCES = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
offered 1 ROOT VERB offer - VBD
condolences 1 dobj NOUN condolence - NNS
to 1 prep ADP to - IN
Somalia 3 pobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_condolences_offered_are_no_offer(knowledge: Knowledge) -> None:
    assert events_of(OFFERED_CONDOLENCES, knowledge, "AGREE") == []


def must_clause(subject: str) -> str:
    # Ruto said <subject> must withdraw its troops.
    return f"""
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
said 1 ROOT VERB say - VBD
{subject} 4 nsubj PROPN {subject} GPE:{subject[:3].upper()} NNP
must 4 aux AUX must - MD
withdraw 1 ccomp VERB withdraw - VB
its 6 poss PRON its - PRP$
troops 4 dobj NOUN troop - NNS
. 1 punct PUNCT . - .
"""


def test_what_a_leader_says_their_own_country_must_do_is_no_request(
    knowledge: Knowledge,
) -> None:
    assert events_of(must_clause("Kenya"), knowledge, "REQUEST") == []
    (request,) = events_of(must_clause("Somalia"), knowledge, "REQUEST")
    assert ([a.name for a in request.actors], [r.name for r in request.recipients]) == (
        ["William Ruto"],
        ["Somalia"],
    )


# The sanctions bar Ruto from travelling to Somalia.
BARRED_FROM_TRAVELLING = """
The 1 det DET the - DT
sanctions 2 nsubj NOUN sanction - NNS
bar 2 ROOT VERB bar - VBP
Ruto 2 dobj PROPN Ruto PERSON:person.william_ruto NNP
from 2 prep ADP from - IN
travelling 4 pcomp VERB travel - VBG
to 5 prep ADP to - IN
Somalia 6 pobj PROPN Somalia GPE:SOM NNP
. 2 punct PUNCT . - .
"""


def test_a_trip_someone_is_barred_from_is_no_visit(knowledge: Knowledge) -> None:
    assert events_of(BARRED_FROM_TRAVELLING, knowledge, "CONSULT") == []
    returned = BARRED_FROM_TRAVELLING.replace(
        "bar 2 ROOT VERB bar - VBP", "returned 2 ROOT VERB return - VBD"
    )
    (visit,) = events_of(returned, knowledge, "CONSULT")  # "returned from travelling to ..."
    assert [a.name for a in visit.actors] == ["William Ruto"]


# Kenya refused to say whether the talks would resume.
REFUSED_TO_SAY = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
refused 1 ROOT VERB refuse - VBD
to 3 aux PART to - TO
say 1 xcomp VERB say - VB
whether 8 mark SCONJ whether - IN
the 6 det DET the - DT
talks 8 nsubj NOUN talk - NNS
would 8 aux AUX would - MD
resume 3 ccomp VERB resume - VB
. 1 punct PUNCT . - .
"""


def test_refusing_to_say_rejects_nothing(knowledge: Knowledge) -> None:
    assert events_of(REFUSED_TO_SAY, knowledge, "REJECT") == []
    # refusing what another asks is a rejection: "Kenya refused to resume the talks"
    refused_act = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
refused 1 ROOT VERB refuse - VBD
to 3 aux PART to - TO
resume 1 xcomp VERB resume - VB
the 5 det DET the - DT
talks 3 dobj NOUN talk - NNS
. 1 punct PUNCT . - .
"""
    assert len(events_of(refused_act, knowledge, "REJECT")) == 1


# Ruto said we must do more.
WE_MUST = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
said 1 ROOT VERB say - VBD
we 4 nsubj PRON we - PRP
must 4 aux AUX must - MD
do 1 ccomp VERB do - VB
more 4 dobj ADJ more - JJR
. 1 punct PUNCT . - .
"""


def test_what_we_must_do_is_no_request(knowledge: Knowledge) -> None:
    assert events_of(WE_MUST, knowledge, "REQUEST") == []
    the_us = WE_MUST.replace("we 4 nsubj PRON we - PRP", "US 4 nsubj PROPN US GPE NNP")
    assert len(events_of(the_us, knowledge, "REQUEST")) == 1  # "the US must": no "us"


# Kenyan police blocked protesters in Nairobi.
BLOCKED_PROTESTERS = """
Kenyan 1 amod ADJ kenyan NORP:KEN JJ
police 2 nsubj NOUN police - NNS
blocked 2 ROOT VERB block - VBD
protesters 2 dobj NOUN protester - NNS
. 2 punct PUNCT . - .
"""


def test_blocking_protesters_rejects_nothing(knowledge: Knowledge) -> None:
    assert events_of(BLOCKED_PROTESTERS, knowledge, "REJECT") == []
    bid = BLOCKED_PROTESTERS.replace(
        "protesters 2 dobj NOUN protester - NNS", "Somalia 2 dobj PROPN Somalia GPE:SOM NNP"
    )
    assert len(events_of(bid, knowledge, "REJECT")) == 1  # "blocked Somalia": a rejection
