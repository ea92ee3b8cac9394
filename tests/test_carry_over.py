"""What one event passes on to the next, pinned on hand-built parses (no statistical model):
a phone call's mode, and who reports a contact."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from spacy.tokens import Doc

import handbuilt
from eventx import resources
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    entries = [
        GazetteerEntry(id="SAU", label="GPE", name="Saudi Arabia", kind="country", country="SAU"),
        GazetteerEntry(
            id="geonames:108410",
            label="GPE",
            name="Riyadh",
            kind="city",
            country="SAU",
            lat=24.69,
            lon=46.72,
        ),
    ]
    return Knowledge(
        gazetteer=MappingProxyType({entry.id: entry for entry in entries}),
        triggers=resources.trigger_rules(),
        topics=resources.topic_rules(),
        lexicons=resources.lexicon_rules(),
    )


def parse(spec: str) -> Doc:
    columns = ("word", "head", "dep", "pos", "tag", "lemma", "ent")
    return handbuilt.parse(spec, columns=columns, relative_heads=True)


def consults(spec: str, knowledge: Knowledge) -> list[tuple[str, str | None, str | None]]:
    """(trigger, mode, venue) of each CONSULT event, in text order."""
    doc = parse(spec)
    found: list[Event] = doc_events(doc, Document(doc_id="carry", text=doc.text), knowledge)
    return [
        (e.trigger, e.mode, e.location.name if e.location else None)
        for e in sorted(found, key=lambda e: e.trigger_start)
        if e.event == "CONSULT"
    ]


# --- a phone call's mode goes on only into the conversation that continues it

CALLED = """
Blinken 1 nsubj PROPN NNP Blinken PERSON
spoke 1 ROOT VERB VBD speak
by 1 prep ADP IN by
telephone 2 pobj NOUN NN telephone
with 1 prep ADP IN with
Faisal 4 pobj PROPN NNP Faisal PERSON
on 1 prep ADP IN on
Monday 6 pobj PROPN NNP Monday DATE
. 1 punct PUNCT . .
"""

FILLER = """
The 1 det DET DT the
region 2 nsubj NOUN NN region
remains 2 ROOT VERB VBZ remain
tense 2 acomp ADJ JJ tense
. 2 punct PUNCT . .
"""

HELD_TALKS = """
On 6 prep ADP IN on
Thursday 0 pobj PROPN NNP Thursday DATE
, 6 punct PUNCT , ,
Blinken 6 nsubj PROPN NNP Blinken PERSON
and 3 cc CCONJ CC and
Faisal 3 conj PROPN NNP Faisal PERSON
held 6 ROOT VERB VBD hold
talks 6 dobj NOUN NNS talk
in 6 prep ADP IN in
Riyadh 8 pobj PROPN NNP Riyadh GPE:geonames:108410
. 6 punct PUNCT . .
"""

SPOKE_IN_RIYADH = """
Blinken 1 nsubj PROPN NNP Blinken PERSON
spoke 1 ROOT VERB VBD speak
with 1 prep ADP IN with
Faisal 2 pobj PROPN NNP Faisal PERSON
in 1 prep ADP IN in
Riyadh 4 pobj PROPN NNP Riyadh GPE:geonames:108410
. 1 punct PUNCT . .
"""

SPOKE_ON_THURSDAY = """
Blinken 1 nsubj PROPN NNP Blinken PERSON
spoke 1 ROOT VERB VBD speak
with 1 prep ADP IN with
Faisal 2 pobj PROPN NNP Faisal PERSON
on 1 prep ADP IN on
Thursday 4 pobj PROPN NNP Thursday DATE
. 1 punct PUNCT . .
"""

SPOKE_AGAIN = """
Blinken 1 nsubj PROPN NNP Blinken PERSON
spoke 1 ROOT VERB VBD speak
with 1 prep ADP IN with
Faisal 2 pobj PROPN NNP Faisal PERSON
again 1 advmod ADV RB again
. 1 punct PUNCT . .
"""


def test_the_call_itself_is_a_phone_call(knowledge: Knowledge) -> None:
    assert consults(CALLED, knowledge) == [("spoke", "phone", None)]


def test_a_conversation_right_after_a_call_goes_on_with_it(knowledge: Knowledge) -> None:
    found = consults(CALLED + SPOKE_AGAIN, knowledge)
    assert found == [("spoke", "phone", None), ("spoke", "phone", None)]


@pytest.mark.parametrize(
    ("later", "trigger", "venue"),
    [
        (HELD_TALKS, "talks", "Riyadh"),  # a contact noun with its own light verb, a venue
        (SPOKE_IN_RIYADH, "spoke", "Riyadh"),  # a venue of its own
        (SPOKE_ON_THURSDAY, "spoke", None),  # a day of its own
        (FILLER + SPOKE_AGAIN, "spoke", None),  # two sentences on
    ],
    ids=["held-talks", "venue", "own-date", "later-sentence"],
)
def test_a_later_contact_of_the_same_parties_is_not_the_call(
    knowledge: Knowledge, later: str, trigger: str, venue: str | None
) -> None:
    found = consults(CALLED + later, knowledge)
    assert found == [("spoke", "phone", None), (trigger, "meet", venue)]


# --- a spokesperson reporting a contact is not a party to it

MEETING_WAS_PRODUCTIVE = """
The 1 det DET DT the
meeting 2 nsubj NOUN NN meeting
was 10 ccomp AUX VBD be
productive 2 acomp ADJ JJ productive
, 10 punct PUNCT , ,
White 6 compound PROPN NNP White ORG
House 7 compound PROPN NNP House +ORG
{reporter} 9 compound NOUN NN {reporter}
Ken 9 compound PROPN NNP Ken PERSON
Dale 10 nsubj PROPN NNP Dale +PERSON
told 10 ROOT VERB VBD tell
reporters 10 dobj NOUN NNS reporter
. 10 punct PUNCT . .
"""

TALKS_WILL_BE_HELD = """
Talks 3 nsubjpass NOUN NNS talk
will 3 aux AUX MD will
be 3 auxpass AUX VB be
held 10 ccomp VERB VBN hold
Wednesday 3 npadvmod PROPN NNP Wednesday DATE
, 10 punct PUNCT , ,
{first} 7 compound PROPN NNP {first}
{second} 9 compound PROPN NNP {second}
Anton 9 compound PROPN NNP Anton PERSON
Weber 10 nsubj PROPN NNP Weber +PERSON
said 10 ROOT VERB VBD say
. 10 punct PUNCT . .
"""


def parties(spec: str, knowledge: Knowledge) -> list[list[str]]:
    doc = parse(spec)
    found = doc_events(doc, Document(doc_id="reported", text=doc.text), knowledge)
    return [[a.name for a in e.actors + e.recipients] for e in found if e.event == "CONSULT"]


@pytest.mark.parametrize("reporter", ["spokesman", "spokeswoman", "aide"])
def test_a_spokesman_reporting_a_meeting_is_not_its_party_but_his_principal_is(
    knowledge: Knowledge, reporter: str
) -> None:
    found = parties(MEETING_WAS_PRODUCTIVE.format(reporter=reporter), knowledge)
    assert found == [["White House"]]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Foreign", "Minister", [["Anton Weber"]]),  # a minister is in the talks
        ("Press", "Secretary", []),
        ("Ministry", "Spokesperson", []),
    ],
)
def test_who_reports_talks_is_in_them_unless_speaking_for_others(
    knowledge: Knowledge, first: str, second: str, expected: list[list[str]]
) -> None:
    spec = TALKS_WILL_BE_HELD.format(first=first, second=second)
    assert parties(spec, knowledge) == expected
