"""How far a negation, condition or tense reaches (extract/scope.py): a verb set against a
denied one by 'but', a contracted 'would', a threat's own 'if', a contact that failed of its
outcome, 'went on to', a contact put off, a negation inside an 'if' clause.

Each on a hand-built parse (no model) and through the parser on sentences written in the
style of wire copy."""

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


def statuses(spec: str, knowledge: Knowledge, kind: str) -> list[str]:
    return [event.status.value for event in events_of(spec, knowledge, kind)]


# Kenya did not deny the raid {cc} blamed Somalia for the attack.
DENY_BUT_BLAME = """
Kenya 3 nsubj PROPN Kenya GPE:KEN NNP
did 3 aux AUX do - VBD
not 3 neg PART not - RB
deny 3 ROOT VERB deny - VB
the 5 det DET the - DT
raid 3 dobj NOUN raid - NN
{cc} 3 cc CCONJ {cc} - CC
blamed 3 conj VERB blame - VBD
Somalia 7 dobj PROPN Somalia GPE:SOM NNP
for 7 prep ADP for - IN
the 11 det DET the - DT
attack 9 pobj NOUN attack - NN
. 3 punct PUNCT . - .
"""


def test_a_verb_set_against_a_denied_one_is_not_denied(knowledge: Knowledge) -> None:
    assert statuses(DENY_BUT_BLAME.format(cc="but"), knowledge, "ACCUSE") == ["occurred"]
    # 'and' shares the negation: "did not deny the raid and blame Somalia" blamed no one
    assert statuses(DENY_BUT_BLAME.format(cc="and"), knowledge, "ACCUSE") == ["negated"]


# Ruto said he'd {verb} Abiy in Addis Ababa.
CONTRACTED = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
said 1 ROOT VERB say - VBD
he 4 nsubj PRON he - PRP
’d 4 aux AUX ’d - MD
{verb} 1 ccomp VERB meet - {tag}
Abiy 4 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
. 1 punct PUNCT . - .
"""


def test_a_contracted_would_puts_the_act_ahead(knowledge: Knowledge) -> None:
    assert statuses(CONTRACTED.format(verb="meet", tag="VB"), knowledge, "CONSULT") == ["planned"]
    # before a participle the contraction is 'had': the meeting took place
    assert statuses(CONTRACTED.format(verb="met", tag="VBN"), knowledge, "CONSULT") == ["occurred"]


# Kenya threatened sanctions against Somalia if al-Shabaab attacks.
THREAT_IF = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
threatened 1 ROOT VERB threaten - VBD
sanctions 1 dobj NOUN sanction - NNS
against 1 prep ADP against - IN
Somalia 3 pobj PROPN Somalia GPE:SOM NNP
if 7 mark SCONJ if - IN
al-Shabaab 7 nsubj PROPN al-Shabaab ORG:org.shabaab NNP
attacks 1 advcl VERB attack - VBZ
. 1 punct PUNCT . - .
"""

# If Kenya threatens Somalia, Ethiopia will act.
IF_THREAT = """
If 2 mark SCONJ if - IN
Kenya 2 nsubj PROPN Kenya GPE:KEN NNP
threatens 6 advcl VERB threaten - VBZ
Somalia 2 dobj PROPN Somalia GPE:SOM NNP
, 6 punct PUNCT , - ,
Ethiopia 6 nsubj PROPN Ethiopia GPE:ETH NNP
will 6 aux AUX will - MD
act 6 ROOT VERB act - VB
. 6 punct PUNCT . - .
"""


def test_a_threats_own_condition_does_not_make_it_hypothetical(knowledge: Knowledge) -> None:
    assert statuses(THREAT_IF, knowledge, "THREATEN") == ["occurred"]
    assert statuses(IF_THREAT, knowledge, "THREATEN") == ["hypothetical"]


# If Kenya does not meet Abiy, Ethiopia will act. / Ruto will not meet Abiy if Ethiopia acts.
NOT_IF = """
If 4 mark SCONJ if - IN
Kenya 4 nsubj PROPN Kenya GPE:KEN NNP
does 4 aux AUX do - VBZ
not 4 neg PART not - RB
meet 9 advcl VERB meet - VB
Abiy 4 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
, 9 punct PUNCT , - ,
Ethiopia 9 nsubj PROPN Ethiopia GPE:ETH NNP
will 9 aux AUX will - MD
act 9 ROOT VERB act - VB
. 9 punct PUNCT . - .
"""

WILL_NOT_IF = """
Ruto 3 nsubj PROPN Ruto PERSON:person.william_ruto NNP
will 3 aux AUX will - MD
not 3 neg PART not - RB
meet 3 ROOT VERB meet - VB
Abiy 3 dobj PROPN Abiy PERSON:person.abiy_ahmed NNP
if 7 mark SCONJ if - IN
Ethiopia 7 nsubj PROPN Ethiopia GPE:ETH NNP
acts 3 advcl VERB act - VBZ
. 3 punct PUNCT . - .
"""


def test_a_negation_inside_a_condition_is_supposed_not_denied(knowledge: Knowledge) -> None:
    assert statuses(NOT_IF, knowledge, "CONSULT") == ["hypothetical"]
    # a refusal with a condition attached is still a refusal
    assert statuses(WILL_NOT_IF, knowledge, "CONSULT") == ["negated"]


# Talks between Ruto and Abiy failed to {verb} ...
FAILED_TALKS = """
Talks 5 nsubj NOUN talk - NNS
between 0 prep ADP between - IN
Ruto 1 pobj PROPN Ruto PERSON:person.william_ruto NNP
and 2 cc CCONJ and - CC
Abiy 2 conj PROPN Abiy PERSON:person.abiy_ahmed NNP
failed 5 ROOT VERB fail - VBD
to 7 aux PART to - TO
{verb} 5 xcomp VERB {verb} - VB
{object} 7 dobj NOUN {object} - NN
. 5 punct PUNCT . - .
"""


def test_talks_that_failed_of_an_outcome_took_place(knowledge: Knowledge) -> None:
    yielded = FAILED_TALKS.format(verb="yield", object="accord")
    assert statuses(yielded, knowledge, "CONSULT") == ["occurred"]
    took_place = FAILED_TALKS.format(verb="take", object="place")
    assert statuses(took_place, knowledge, "CONSULT") == ["negated"]


# Ruto went on to accuse Somalia of harbouring al-Shabaab.
WENT_ON = """
Ruto 1 nsubj PROPN Ruto PERSON:person.william_ruto NNP
went 1 ROOT VERB go - VBD
on 1 prt ADP on - RP
to 4 aux PART to - TO
accuse 1 advcl VERB accuse - VB
Somalia 4 dobj PROPN Somalia GPE:SOM NNP
of 4 prep ADP of - IN
harbouring 6 pcomp VERB harbour - VBG
al-Shabaab 7 dobj PROPN al-Shabaab ORG:org.shabaab NNP
. 1 punct PUNCT . - .
"""


def test_went_on_to_tells_what_came_next(knowledge: Knowledge) -> None:
    assert statuses(WENT_ON, knowledge, "ACCUSE") == ["occurred"]


# A storm {verb} Ruto's meeting with Abiy.
PUT_OFF = """
A 1 det DET a - DT
storm 2 nsubj NOUN storm - NN
{verb} 2 ROOT VERB {lemma} - VBD
Ruto 5 poss PROPN Ruto PERSON:person.william_ruto NNP
's 3 case PART 's - POS
meeting 2 dobj NOUN meeting - NN
with 5 prep ADP with - IN
Abiy 6 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
. 2 punct PUNCT . - .
"""


def test_a_contact_put_off_is_still_to_come(knowledge: Knowledge) -> None:
    delayed = PUT_OFF.format(verb="delayed", lemma="delay")
    assert statuses(delayed, knowledge, "CONSULT") == ["planned"]
    cancelled = PUT_OFF.format(verb="cancelled", lemma="cancel")
    assert statuses(cancelled, knowledge, "CONSULT") == ["negated"]


# After talks with Abiy, Ruto announced a deal. / ... Ruto will announce a deal.
AFTER_TALKS = """
After 6 prep ADP after - IN
talks 0 pobj NOUN talk - NNS
with 1 prep ADP with - IN
Abiy 2 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
, 6 punct PUNCT , - ,
Ruto 6 nsubj PROPN Ruto PERSON:person.william_ruto NNP
announced 6 ROOT VERB announce - VBD
a 8 det DET a - DT
deal 6 dobj NOUN deal - NN
. 6 punct PUNCT . - .
"""

AFTER_TALKS_AHEAD = """
After 7 prep ADP after - IN
talks 0 pobj NOUN talk - NNS
with 1 prep ADP with - IN
Abiy 2 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
, 7 punct PUNCT , - ,
Ruto 7 nsubj PROPN Ruto PERSON:person.william_ruto NNP
will 7 aux AUX will - MD
announce 7 ROOT VERB announce - VB
a 9 det DET a - DT
deal 7 dobj NOUN deal - NN
. 7 punct PUNCT . - .
"""

# The request for a meeting with Abiy came from Ruto.
REQUESTED = """
The 1 det DET the - DT
request 7 nsubj NOUN request - NN
for 1 prep ADP for - IN
a 4 det DET a - DT
meeting 2 pobj NOUN meeting - NN
with 4 prep ADP with - IN
Abiy 5 pobj PROPN Abiy PERSON:person.abiy_ahmed NNP
came 7 ROOT VERB come - VBD
from 7 prep ADP from - IN
Ruto 8 pobj PROPN Ruto PERSON:person.william_ruto NNP
. 7 punct PUNCT . - .
"""


def test_a_contact_before_a_past_act_took_place(knowledge: Knowledge) -> None:
    assert statuses(AFTER_TALKS, knowledge, "CONSULT") == ["occurred"]
    assert statuses(AFTER_TALKS_AHEAD, knowledge, "CONSULT") == ["planned"]


def test_a_requested_contact_is_still_to_come(knowledge: Knowledge) -> None:
    assert statuses(REQUESTED, knowledge, "CONSULT") == ["planned"]


def _status(events: list[Event], kind: str) -> list[str]:
    return [e.status.value for e in events if e.event == kind]


def test_status_scope_through_the_parser(extract: Extract) -> None:
    denied = extract("Kenyan officials did not deny the raid but blamed Somalia for the attack.")
    assert _status(denied, "ACCUSE") == ["occurred"]
    asked = extract("The senator said he’d ask Congress to approve new sanctions on Iran.")
    assert _status(asked, "REQUEST") == ["planned"]
    threat = extract("Canada threatened new tariffs on China if Beijing keeps the detainees.")
    assert _status(threat, "THREATEN") == ["occurred"]
    failed = extract("Talks in Vienna between Putin and Erdogan failed to produce a deal.")
    assert _status(failed, "CONSULT") == ["occurred"]
    went = extract("The senator went on to criticize the Chinese government over trade.")
    assert _status(went, "ACCUSE") == ["occurred"]
    unwilling = extract(
        "If Moscow is not willing to withdraw its troops, Kyiv will stay away from the talks."
    )
    assert _status(unwilling, "AGREE") == ["hypothetical"]
    after = extract("After weeks of quiet negotiations, Putin and Erdogan announced a truce.")
    assert _status(after, "CONSULT") == ["occurred"]
    requested = extract("Putin sent the request for talks with Erdogan, the Kremlin said.")
    assert _status(requested, "CONSULT") == ["planned"]
    delayed = extract("A storm delayed the meeting between Putin and Erdogan in Ankara.")
    assert _status(delayed, "CONSULT") == ["planned"]
