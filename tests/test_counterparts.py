"""'His counterpart' with no country named: the one named before who holds that office on the
other side, else the office of the one it is the counterpart of on the other side, kept as a
role rather than dropped with the contact it takes part in."""

from __future__ import annotations

import datetime as dt

import pytest

from eventx import resources
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import parse, small_knowledge

ENTRIES = [
    GazetteerEntry(id="TUR", label="GPE", name="Turkey", kind="country", country="TUR"),
    GazetteerEntry(id="RUS", label="GPE", name="Russia", kind="country", country="RUS"),
    GazetteerEntry(
        id="title.foreign_minister",
        label="TITLE",
        name="Foreign Minister",
        kind="title",
        title="Foreign Minister",
        sector="GOV",
    ),
]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    # the shipped office holders: who was Russia's foreign minister in 2017
    return small_knowledge(ENTRIES, office_holders=resources.office_holders())


def consults(spec: str, knowledge: Knowledge, when: dt.date | None) -> list[Event]:
    doc = parse(spec)
    found = doc_events(doc, Document(doc_id="t", text=doc.text, date=when), knowledge)
    return [event for event in found if event.event == "CONSULT"]


# Foreign Minister Mevlut Cavusoglu phoned his [Russian] counterpart on Friday.
def phoned_counterpart(nationality: bool) -> str:
    russian = "Russian 7 amod ADJ russian NORP:RUS JJ\n" if nationality else ""
    head = 7 if nationality else 6
    return f"""
Foreign 1 compound PROPN Foreign TITLE:title.foreign_minister NNP
Minister 3 compound PROPN Minister +TITLE NNP
Mevlut 3 compound PROPN Mevlut PERSON NNP
Cavusoglu 4 nsubj PROPN Cavusoglu +PERSON NNP
phoned 4 ROOT VERB phone - VBD
his {head} poss PRON his - PRP$
{russian}counterpart 4 dobj NOUN counterpart - NN
. 4 punct PUNCT . - .
"""


def test_a_counterpart_without_a_country_is_a_role_with_the_callers_office(
    knowledge: Knowledge,
) -> None:
    (call,) = consults(phoned_counterpart(nationality=False), knowledge, dt.date(2017, 5, 2))
    (other,) = call.recipients
    assert call.mode == "phone"
    assert (other.text, other.title, other.country, other.kind) == (
        "his counterpart",
        "Foreign Minister",
        None,
        "person",
    )


def test_a_counterpart_of_a_country_is_its_office_holder_on_the_date(
    knowledge: Knowledge,
) -> None:
    (call,) = consults(phoned_counterpart(nationality=True), knowledge, dt.date(2017, 5, 2))
    (other,) = call.recipients
    assert (other.name, other.country) == ("Sergei Lavrov", "RUS")


def test_an_undated_counterpart_of_a_country_keeps_the_office_as_a_role(
    knowledge: Knowledge,
) -> None:
    (call,) = consults(phoned_counterpart(nationality=True), knowledge, None)
    (other,) = call.recipients
    assert (other.text, other.title, other.country) == (
        "his Russian counterpart",
        "Foreign Minister",
        "RUS",
    )


def test_wire_copy_call_to_an_unnamed_counterpart(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ANKARA — Turkish Foreign Minister Mevlut Cavusoglu arrived in Baku on Monday. "
        "The minister later phoned his counterpart to discuss the ceasefire, his office said."
    )
    calls = [e for e in extract(text, date="2017-05-02") if e.mode == "phone"]
    assert [(a.name, a.country) for a in calls[0].actors] == [("Mevlüt Çavuşoğlu", "TUR")]
    assert [(r.text, r.title) for r in calls[0].recipients] == [
        ("his counterpart", "Foreign Minister")
    ]


# Foreign Minister Mevlut Cavusoglu met his Russian counterpart Pavel Petrov .
MET_NAMED_COUNTERPART = """
Foreign 1 compound PROPN Foreign TITLE:title.foreign_minister NNP
Minister 3 compound PROPN Minister +TITLE NNP
Mevlut 3 compound PROPN Mevlut PERSON NNP
Cavusoglu 4 nsubj PROPN Cavusoglu +PERSON NNP
met 4 ROOT VERB meet - VBD
his 7 poss PRON his - PRP$
Russian 7 amod ADJ russian NORP:RUS JJ
counterpart 9 compound NOUN counterpart - NN
Pavel 9 compound PROPN Pavel PERSON NNP
Petrov 4 dobj PROPN Petrov +PERSON NNP
. 4 punct PUNCT . - .
"""


def test_a_named_counterpart_holds_the_office_of_the_one_before(knowledge: Knowledge) -> None:
    (meeting,) = consults(MET_NAMED_COUNTERPART, knowledge, None)
    (other,) = meeting.recipients
    assert (other.name, other.title, other.country) == ("Pavel Petrov", "Foreign Minister", "RUS")


# Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Pavel Petrov .
# Cavusoglu urged his counterpart to ...   (two sentences: the counterpart was named before)
MET_THEN_URGED = """
Foreign 1 compound PROPN Foreign TITLE:title.foreign_minister NNP
Minister 3 compound PROPN Minister +TITLE NNP
Mevlut 3 compound PROPN Mevlut PERSON NNP
Cavusoglu 4 nsubj PROPN Cavusoglu +PERSON NNP
met 4 ROOT VERB meet - VBD
Russian 7 amod ADJ russian NORP:RUS JJ
Foreign 7 compound PROPN Foreign TITLE:title.foreign_minister NNP
Minister 9 compound PROPN Minister +TITLE NNP
Pavel 9 compound PROPN Pavel PERSON NNP
Petrov 4 dobj PROPN Petrov +PERSON NNP
. 4 punct PUNCT . - .
Cavusoglu 12 nsubj PROPN Cavusoglu PERSON NNP
phoned 12 ROOT VERB phone - VBD
his 14 poss PRON his - PRP$
counterpart 12 dobj NOUN counterpart - NN
. 12 punct PUNCT . - .
"""


def test_his_counterpart_is_the_one_of_that_office_named_before(knowledge: Knowledge) -> None:
    call = [e for e in consults(MET_THEN_URGED, knowledge, None) if e.mode == "phone"]
    (other,) = call[0].recipients
    assert (other.text, other.name, other.country) == ("his counterpart", "Pavel Petrov", "RUS")


def test_wire_copy_counterpart_met_before(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KAMPALA — Kenyan President William Ruto met Ugandan President Yoweri Museveni on "
        "Monday. Later in the day Ruto urged his counterpart to reopen the border crossing."
    )
    requests = [e for e in extract(text, date="2024-03-04") if e.event == "REQUEST"]
    assert [(r.name, r.country) for e in requests for r in e.recipients] == [
        ("Yoweri Museveni", "UGA")
    ]
