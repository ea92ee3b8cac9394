"""Who an 'it' is: the subject before it that is one thing and no person; a document, plan
or happening it stands for is no party, and a clause's 'it' after a person's clause is the
party named before it, not the last state of the story."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.extract.context import DocContext
from eventx.extract.referent import NO_PARTY, it_referent
from eventx.schema import Event
from handbuilt import events_of, parse

# Germany accused Russia .
STATE_FIRST = """
Germany 1 nsubj PROPN Germany GPE:DEU
accused 1 ROOT VERB accuse - VBD
Russia 1 dobj PROPN Russia GPE:RUS
. 1 punct PUNCT . -
"""

# The plan backs Ukraine .   (a document as subject: no party of its own)
PLAN = """
The 5 det DET the -
plan 6 nsubj NOUN plan - NN
backs 6 ROOT VERB back - VBZ
Ukraine 6 dobj PROPN Ukraine GPE:UKR
. 6 punct PUNCT . -
"""


def _it_backs(first: int) -> str:
    """It backs Poland ., its tokens starting at `first`."""
    return f"""
It {first + 1} nsubj PRON it - PRP
backs {first + 1} ROOT VERB back - VBZ
Poland {first + 1} dobj PROPN Poland GPE:POL
. {first + 1} punct PUNCT . -
"""


def supports(spec: str) -> list[tuple[list[str], list[str]]]:
    events = events_of(spec, shipped_knowledge(), "SUPPORT")
    return [([a.name for a in e.actors], [r.name for r in e.recipients]) for e in events]


def test_it_after_a_state_is_the_state() -> None:
    assert supports(STATE_FIRST + _it_backs(4)) == [(["Germany"], ["Poland"])]


def test_it_after_a_document_is_no_party() -> None:
    # the plan is what 'It' stands for; Germany, the last state, takes no part
    assert supports(STATE_FIRST + PLAN + _it_backs(9)) == []


# Both states are wary .   (plural: not what 'It' is, so the plan before stays its antecedent)
PLURAL_BETWEEN = """
Both 10 det DET both -
states 11 nsubj NOUN state - NNS
are 11 ROOT AUX be - VBP
wary 11 acomp ADJ wary - JJ
. 11 punct PUNCT . -
"""


def test_it_skips_a_plural_subject_for_the_singular_one_before() -> None:
    spec = STATE_FIRST + PLAN + PLURAL_BETWEEN + _it_backs(14)
    doc = parse(spec)
    context = DocContext.build(doc, shipped_knowledge())
    assert it_referent(doc[14], context) is NO_PARTY
    assert supports(spec) == []


# Egypt accused Libya . Trump said he would stop buying oil from Iraq if it does not
# contribute troops .
CONDITION = """
Egypt 1 nsubj PROPN Egypt GPE:EGY
accused 1 ROOT VERB accuse - VBD
Libya 1 dobj PROPN Libya GPE:LBY
. 1 punct PUNCT . -
Trump 5 nsubj PROPN Trump PERSON
said 5 ROOT VERB say - VBD
he 8 nsubj PRON he - PRP
would 8 aux AUX would - MD
stop 5 ccomp VERB stop - VB
buying 8 xcomp VERB buy - VBG
oil 9 dobj NOUN oil - NN
from 9 prep ADP from - IN
Iraq 11 pobj PROPN Iraq GPE:IRQ
if 17 mark SCONJ if - IN
it 17 nsubj PRON it - PRP
does 17 aux AUX do - VBZ
not 17 neg PART not - RB
contribute 8 advcl VERB contribute - VB
troops 17 dobj NOUN troop - NNS
. 5 punct PUNCT . -
"""


def test_it_in_a_clause_on_a_persons_clause_is_the_party_named_there() -> None:
    doc = parse(CONDITION)
    context = DocContext.build(doc, shipped_knowledge())
    named = it_referent(doc[14], context)
    assert named is not NO_PARTY and named is not None and named.name == "Iraq"


def parties(events: list[Event], kind: str) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events
        if e.event == kind
    ]


def test_a_platform_that_backs_and_calls_names_no_state(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "BERLIN — Germany accused Russia on Monday of massing troops near Poland. The ruling "
        "coalition's new foreign policy program, released the same day, faults Moscow for the "
        "buildup. It backs closer ties with Ukraine and calls for new sanctions on Belarus."
    )
    events = extract(text)
    assert parties(events, "ACCUSE") == [(["Germany"], ["Russia"])]
    assert parties(events, "SUPPORT") == [] and parties(events, "REQUEST") == []


def test_a_state_named_before_a_condition_is_its_it(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "ANKARA — Turkey accused Greece on Thursday of arming its islands. The Turkish "
        "president said on Friday he would stop buying gas from Azerbaijan if it did not "
        "contribute troops to the mission."
    )
    aid = parties(extract(text), "AID")
    assert aid and all(actors == ["Azerbaijan"] for actors, _ in aid)
