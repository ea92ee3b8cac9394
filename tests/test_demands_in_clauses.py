"""Demands told inside clauses: 'called for X to VERB' asks X, 'pushing for' and 'lobbied for'
are requests, a text's participle ('issued a statement urging X') is said by the text's
author, and what a reported 'must' asks ('said X must be willing to host talks') is only asked.
A photo credit glued to the story after a caption ('(J. Doe via AP)-Ruto called') is no
party. Hand-built parses first, then the parser on wire-style sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy

from east_africa import EAST_AFRICA
from eventx.components.headlines import Headlines
from eventx.extract.knowledge import Knowledge
from eventx.schema import Event
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


def sides(event: Event) -> tuple[list[str], list[str]]:
    return [a.name for a in event.actors], [r.name for r in event.recipients]


# Kenya called for Ethiopia to withdraw its troops.   ('for' is the clause's mark)
CALLED_FOR_X_TO = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
called 1 ROOT VERB call - VBD
for 5 mark SCONJ for - IN
Ethiopia 5 nsubj PROPN Ethiopia GPE:ETH NNP
to 5 aux PART to - TO
withdraw 1 advcl VERB withdraw - VB
its 7 poss PRON its - PRP$
troops 5 dobj NOUN troop - NNS
. 1 punct PUNCT . - .
"""

# Kenya is pushing for Ethiopia to meet Somalia.
PUSHING_FOR_A_MEETING = """
Kenya 2 nsubj PROPN Kenya GPE:KEN NNP
is 2 aux AUX be - VBZ
pushing 2 ROOT VERB push - VBG
for 6 mark SCONJ for - IN
Ethiopia 6 nsubj PROPN Ethiopia GPE:ETH NNP
to 6 aux PART to - TO
meet 2 advcl VERB meet - VB
Somalia 6 dobj PROPN Somalia GPE:SOM NNP
. 2 punct PUNCT . - .
"""

# Kenya waited for Ethiopia to withdraw.   (no demand: waiting asks nothing)
WAITED_FOR = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
waited 1 ROOT VERB wait - VBD
for 4 mark SCONJ for - IN
Ethiopia 4 nsubj PROPN Ethiopia GPE:ETH NNP
to 4 aux PART to - TO
withdraw 1 advcl VERB withdraw - VB
. 1 punct PUNCT . - .
"""


def test_the_subject_of_a_for_clause_is_who_is_called_on(knowledge: Knowledge) -> None:
    (request,) = events_of(CALLED_FOR_X_TO, knowledge, "REQUEST")
    assert sides(request) == (["Kenya"], ["Ethiopia"])


def test_pushing_for_a_meeting_is_a_request_not_the_meeting(knowledge: Knowledge) -> None:
    (request,) = events_of(PUSHING_FOR_A_MEETING, knowledge, "REQUEST")
    assert sides(request) == (["Kenya"], ["Ethiopia"])
    assert events_of(PUSHING_FOR_A_MEETING, knowledge, "CONSULT") == []


def test_a_for_clause_on_a_verb_of_no_demand_is_no_request(knowledge: Knowledge) -> None:
    assert events_of(WAITED_FOR, knowledge, "REQUEST") == []


# Somalia pushed for the package.   (pushing for a thing asks no one in particular)
PUSHED_FOR_A_THING = """
Somalia 1 nsubj PROPN Somalia GPE:SOM NNP
pushed 1 ROOT VERB push - VBD
for 1 prep ADP for - IN
the 4 det DET the - DT
package 2 pobj NOUN package - NN
. 1 punct PUNCT . - .
"""


def test_pushing_for_a_thing_asks_no_one(knowledge: Knowledge) -> None:
    assert events_of(PUSHED_FOR_A_THING, knowledge, "REQUEST") == []


# Kenya issued a statement urging Ethiopia to withdraw.
STATEMENT_URGING = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
issued 1 ROOT VERB issue - VBD
a 3 det DET a - DT
statement 1 dobj NOUN statement - NN
urging 3 acl VERB urge - VBG
Ethiopia 4 dobj PROPN Ethiopia GPE:ETH NNP
to 7 aux PART to - TO
withdraw 4 xcomp VERB withdraw - VB
. 1 punct PUNCT . - .
"""

# A letter from Somalia urging Ethiopia to withdraw was read out.
LETTER_FROM_URGING = """
A 1 det DET a - DT
letter 8 nsubjpass NOUN letter - NN
from 1 prep ADP from - IN
Somalia 2 pobj PROPN Somalia GPE:SOM NNP
urging 1 acl VERB urge - VBG
Ethiopia 4 dobj PROPN Ethiopia GPE:ETH NNP
to 7 aux PART to - TO
withdraw 4 xcomp VERB withdraw - VB
was 8 auxpass AUX be - VBD
read 8 ROOT VERB read - VBN
out 8 prt ADP out - RP
. 8 punct PUNCT . - .
"""

# Officials meeting in Nairobi urged Ethiopia to withdraw.   (no text: the noun does it)
OFFICIALS_URGING = """
Kenyan 1 amod ADJ kenyan NORP:KEN JJ
officials 5 nsubj NOUN official - NNS
meeting 1 acl VERB meet - VBG
in 2 prep ADP in - IN
Nairobi 3 pobj PROPN Nairobi GPE:KEN NNP
urged 5 ROOT VERB urge - VBD
Ethiopia 5 dobj PROPN Ethiopia GPE:ETH NNP
to 8 aux PART to - TO
withdraw 5 xcomp VERB withdraw - VB
. 5 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("spec", "author"), [(STATEMENT_URGING, "Kenya"), (LETTER_FROM_URGING, "Somalia")]
)
def test_a_text_that_urges_speaks_for_its_author(
    spec: str, author: str, knowledge: Knowledge
) -> None:
    (request,) = events_of(spec, knowledge, "REQUEST")
    assert sides(request) == ([author], ["Ethiopia"])


def test_a_participle_on_people_is_still_theirs(knowledge: Knowledge) -> None:
    (request,) = events_of(OFFICIALS_URGING, knowledge, "REQUEST")
    assert [a.country for a in request.actors] == ["KEN"]
    assert sides(request)[1] == ["Ethiopia"]


# Kenya said Ethiopia must be ready to meet Somalia.
MUST_BE_READY_TO_MEET = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
said 1 ROOT VERB say - VBD
Ethiopia 4 nsubj PROPN Ethiopia GPE:ETH NNP
must 4 aux AUX must - MD
be 1 ccomp AUX be - VB
ready 4 acomp ADJ ready - JJ
to 7 aux PART to - TO
meet 5 xcomp VERB meet - VB
Somalia 7 dobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""

# Kenya said Ethiopia will meet Somalia.   (a plan told, not a demand)
WILL_MEET = """
Kenya 1 nsubj PROPN Kenya GPE:KEN NNP
said 1 ROOT VERB say - VBD
Ethiopia 4 nsubj PROPN Ethiopia GPE:ETH NNP
will 4 aux AUX will - MD
meet 1 ccomp VERB meet - VB
Somalia 4 dobj PROPN Somalia GPE:SOM NNP
. 1 punct PUNCT . - .
"""


def test_what_a_reported_must_asks_is_only_asked(knowledge: Knowledge) -> None:
    (request,) = events_of(MUST_BE_READY_TO_MEET, knowledge, "REQUEST")
    assert sides(request) == (["Kenya"], ["Ethiopia"])
    assert events_of(MUST_BE_READY_TO_MEET, knowledge, "CONSULT") == []


def test_a_meeting_said_to_come_is_still_a_meeting(knowledge: Knowledge) -> None:
    (meeting,) = events_of(WILL_MEET, knowledge, "CONSULT")
    assert sides(meeting) == (["Ethiopia"], ["Somalia"])


def test_a_photo_credit_glued_to_the_story_is_split_off() -> None:
    doc = Headlines("eventx_headlines")(
        spacy.blank("en")("The camp emptied on Monday. (J. Okello via AP)-Ruto called on them.")
    )
    words = [t.text for t in doc]
    assert words[words.index("AP") : words.index("AP") + 4] == ["AP", ")", "-", "Ruto"]
    assert doc[words.index("Ruto")].is_sent_start


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        (
            "Britain is pressing hard for the United States to back a debt relief plan "
            "for the poorest countries, officials said on Friday.",
            ["GBR"],
            ["USA"],
        ),
        (
            "The African Union on Monday called for Sudan's army to halt its offensive "
            "on the western city.",
            [None],
            ["SDN"],
        ),
        (
            "Egypt and Jordan have renewed their call for Israel to pull its forces out "
            "of the border area.",
            ["EGY", "JOR"],
            ["ISR"],
        ),
        (
            "Kenya's foreign ministry issued a statement urging Ethiopia to withdraw its "
            "troops from the disputed area.",
            ["KEN"],
            ["ETH"],
        ),
    ],
)
def test_requests_told_in_clauses_on_wire_copy(
    text: str,
    actors: list[str | None],
    recipients: list[str],
    extract: Callable[..., list[Event]],
) -> None:
    (request,) = [e for e in extract(text) if e.event == "REQUEST"]
    assert [a.country for a in request.actors] == actors
    assert [r.country for r in request.recipients] == recipients
    assert not [e for e in extract(text) if e.event == "SUPPORT"]


def test_a_demanded_mediation_is_no_mediation_on_wire_copy(
    extract: Callable[..., list[Event]],
) -> None:
    events = extract(
        "Jordan's King Abdullah said on Sunday that Washington must be prepared to host talks "
        "between the two sides as soon as a new government is formed."
    )
    assert [e.event for e in events] == ["REQUEST"]
    assert [r.country for r in events[0].recipients] == ["USA"]


def test_a_photographer_credited_before_the_story_is_no_party(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Kenyan President William Ruto spoke in Nairobi on Monday. Families waited at the "
        "border crossing. (Brian Otieno via AP)-Ruto called on Ethiopia to reopen the "
        "crossing to aid convoys."
    )
    (request,) = [e for e in extract(text) if e.event == "REQUEST"]
    assert [a.name for a in request.actors] == ["William Ruto"]
    assert [r.country for r in request.recipients] == ["ETH"]
