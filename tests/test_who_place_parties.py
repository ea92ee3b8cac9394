"""A place is where parties are, not a party beside them: the person a trip is made to meet is
the other side, and the country the trip goes to only where they are ('flew to Moscow to meet
President X'); a visit where no one of the country is named met keeps the country. People in a
capital ('officials in Paris') are not its state; its government ('the government in Kabul') is.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.extract import doc_events
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import parse, small_knowledge

Extract = Callable[..., list[Event]]

MOSCOW = GazetteerEntry(
    id="moscow", label="GPE", name="Moscow", kind="city", country="RUS", capital_of="RUS"
)
RUSSIA = GazetteerEntry(id="RUS", label="GPE", name="Russia", kind="country", country="RUS")
RUSSIAN = GazetteerEntry(id="RUS", label="NORP", name="Russia", kind="country", country="RUS")
UKRAINIAN = GazetteerEntry(id="UKR", label="NORP", name="Ukraine", kind="country", country="UKR")

# Jan Roe flew to Moscow to meet {Nationality} President Ivan Petrov.
FLEW_TO_MEET = """
Jan 1 compound PROPN Jan PERSON NNP
Roe 2 nsubj PROPN Roe +PERSON NNP
flew 2 ROOT VERB fly - VBD
to 2 prep ADP to - IN
Moscow 3 pobj PROPN Moscow GPE:moscow NNP
to 6 aux PART to - TO
meet 2 advcl VERB meet - VB
{nationality} 10 amod ADJ {lemma} NORP:{iso3} JJ
President 10 compound PROPN President TITLE NNP
Ivan 10 compound PROPN Ivan PERSON NNP
Petrov 6 dobj PROPN Petrov +PERSON NNP
. 2 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("nationality", "iso3", "met"),
    [("Russian", "RUS", ["Ivan Petrov"]), ("Ukrainian", "UKR", ["Russia", "Ivan Petrov"])],
)
def test_the_person_a_trip_is_made_to_meet_is_the_other_side(
    nationality: str, iso3: str, met: list[str]
) -> None:
    spec = FLEW_TO_MEET.format(nationality=nationality, lemma=nationality.lower(), iso3=iso3)
    entry = RUSSIAN if iso3 == "RUS" else UKRAINIAN
    doc = parse(spec)
    knowledge = small_knowledge([MOSCOW, RUSSIA, entry])
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    (contact,) = [e for e in found if e.event == "CONSULT"]
    # a Ukrainian met in Moscow leaves the visit to Russia a party of its own
    assert sorted(r.name for r in contact.recipients) == sorted(met)


def test_a_trip_to_meet_someone_through_the_parser(extract: Extract) -> None:
    text = "Erdogan will head to the Kremlin on Friday to meet President Vladimir Putin."
    (contact,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert [(r.name, r.kind) for r in contact.recipients] == [("Vladimir Putin", "person")]
    text = (
        "Senators Jane Roe and John Poe will travel to the White House on Friday to meet "
        "President Barack Obama."
    )
    (contact,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert [r.name for r in contact.recipients] == ["Barack Obama"]
    text = "Senator Jane Roe flew to Moscow on Monday for talks on trade."
    (visit,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert [r.name for r in visit.recipients] == ["Russia"]


PARIS = GazetteerEntry(
    id="paris", label="GPE", name="Paris", kind="city", country="FRA", capital_of="FRA"
)
IRAN = GazetteerEntry(id="IRN", label="GPE", name="Iran", kind="country", country="IRN")

# {The} {noun} in Paris accused Iran of lying.
PEOPLE_IN_A_CAPITAL = """
{det} 1 det DET {det_lemma} - DT
{noun} 4 nsubj NOUN {lemma} - {tag}
in 1 prep ADP in - IN
Paris 2 pobj PROPN Paris GPE:paris NNP
accused 4 ROOT VERB accuse - VBD
Iran 4 dobj PROPN Iran GPE:IRN NNP
of 4 prep ADP of - IN
lying 6 pcomp VERB lie - VBG
. 4 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("det", "noun", "lemma", "tag", "state"),
    [
        ("Some", "officials", "official", "NNS", False),
        ("The", "government", "government", "NN", True),
    ],
)
def test_people_in_a_capital_are_not_its_state_its_government_is(
    det: str, noun: str, lemma: str, tag: str, state: bool
) -> None:
    spec = PEOPLE_IN_A_CAPITAL.format(
        det=det, det_lemma=det.lower(), noun=noun, lemma=lemma, tag=tag
    )
    doc = parse(spec)
    found = doc_events(doc, Document(doc_id="t", text=doc.text), small_knowledge([PARIS, IRAN]))
    (accusation,) = [e for e in found if e.event == "ACCUSE"]
    (actor,) = accusation.actors
    assert (actor.kind == "government" and actor.id == "FRA") is state


def test_officials_in_a_capital_through_the_parser(extract: Extract) -> None:
    text = "Officials in Paris accused Iran of stalling the nuclear talks."
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [a.kind for a in accusation.actors] != ["government"]
    text = "Armed fighters in Mali have rejected the new peace plan, a spokesman said."
    (rejection,) = [e for e in extract(text) if e.event == "REJECT"]
    assert [a.country for a in rejection.actors] == ["MLI"]  # a country they are in is theirs
    text = "The government in Kabul accused Pakistan of sheltering militants."
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [(a.country, a.kind) for a in accusation.actors] == [("AFG", "government")]
