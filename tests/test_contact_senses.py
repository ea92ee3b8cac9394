"""Contact status, sense and venue leftovers on hand-built parses: trips for talks, datelines in
capitals, trips made to meet, habitual contacts, business contacts, club officials."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from eventx import resources
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import parse

ENTRIES = [
    GazetteerEntry(id="KEN", label="GPE", name="Kenya", kind="country", country="KEN"),
    GazetteerEntry(id="MLI", label="GPE", name="Mali", kind="country", country="MLI"),
    GazetteerEntry(id="FRA", label="GPE", name="France", kind="country", country="FRA"),
    GazetteerEntry(
        id="geonames:184745",
        label="GPE",
        name="Nairobi",
        kind="city",
        country="KEN",
        capital_of="KEN",
    ),
    GazetteerEntry(
        id="geonames:2460596",
        label="GPE",
        name="Bamako",
        kind="city",
        country="MLI",
        capital_of="MLI",
    ),
]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge(
        gazetteer=MappingProxyType({entry.id: entry for entry in ENTRIES}),
        triggers=resources.trigger_rules(),
        topics=resources.topic_rules(),
        lexicons=resources.lexicon_rules(),
    )


def consults(spec: str, knowledge: Knowledge) -> list[Event]:
    doc = parse(spec)
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    return [event for event in found if event.event == "CONSULT"]


# Halvorsen will visit Nairobi next week for talks with Okafor.
VISIT_FOR_TALKS = """
Halvorsen 2 nsubj PROPN Halvorsen PERSON
will 2 aux AUX will - MD
visit 2 ROOT VERB visit - VB
Nairobi 2 dobj PROPN Nairobi GPE:geonames:184745
next 5 amod ADJ next DATE
week 2 npadvmod NOUN week +DATE
for 2 prep ADP for
talks 6 pobj NOUN talk - NNS
with 7 prep ADP with
Okafor 8 pobj PROPN Okafor PERSON
. 2 punct PUNCT .
"""


def test_a_trip_for_talks_with_x_is_a_contact_with_x(knowledge: Knowledge) -> None:
    (event,) = consults(VISIT_FOR_TALKS, knowledge)
    assert (event.mode, event.status.value) == ("visit", "planned")
    assert [a.name for a in event.actors] == ["Halvorsen"]
    assert "Okafor" in [r.name for r in event.recipients]
    assert event.location is not None and event.location.name == "Nairobi"


def dateline(city: str) -> str:
    # BAMAKO, Mali — Malian President Goita received French envoy Dupont on Tuesday.
    return f"""
BAMAKO 7 npadvmod PROPN bamako {city}
, 0 punct PUNCT ,
Mali 0 appos PROPN Mali GPE:MLI
— 7 punct PUNCT —
Malian 6 amod ADJ malian NORP:MLI
President 6 compound PROPN President -
Goita 7 nsubj PROPN Goita PERSON
received 7 ROOT VERB receive - VBD
French 10 amod ADJ french NORP:FRA
envoy 10 compound NOUN envoy
Dupont 7 dobj PROPN Dupont PERSON
on 7 prep ADP on
Tuesday 11 pobj PROPN Tuesday DATE
. 7 punct PUNCT .
"""


@pytest.mark.parametrize("city", ["-", "ORG", "PERSON"], ids=["no-entity", "as-org", "as-person"])
def test_a_dateline_city_in_capitals_is_the_hosts_venue(city: str, knowledge: Knowledge) -> None:
    (event,) = consults(dateline(city), knowledge)
    assert (event.mode, [a.name for a in event.actors]) == ("host", ["Goita"])
    assert event.location is not None and event.location.name == "Bamako"
    assert event.location.inherited


# Halvorsen flew to Nairobi on Monday to meet Okafor.
FLEW_TO_MEET = """
Halvorsen 1 nsubj PROPN Halvorsen PERSON
flew 1 ROOT VERB fly - VBD
to 1 prep ADP to
Nairobi 2 pobj PROPN Nairobi GPE:geonames:184745
on 1 prep ADP on
Monday 4 pobj PROPN Monday DATE
to 7 aux PART to - TO
meet 1 advcl VERB meet - VB
Okafor 7 dobj PROPN Okafor PERSON
. 1 punct PUNCT .
"""


def test_a_trip_made_to_meet_is_a_planned_contact(knowledge: Knowledge) -> None:
    """The flight is made, but the meeting it is for is still ahead when the story is
    written; one record tells both."""
    (event,) = consults(FLEW_TO_MEET, knowledge)
    assert event.status.value == "planned"
    assert {a.name for a in event.actors + event.recipients} >= {"Halvorsen", "Okafor"}


# Lawmakers regularly meet with envoys.  /  Halvorsen meets Okafor every month.
GENERIC_HABIT = """
Lawmakers 2 nsubj NOUN lawmaker - NNS
regularly 2 advmod ADV regularly
meet 2 ROOT VERB meet - VBP
with 2 prep ADP with
envoys 3 pobj NOUN envoy - NNS
. 2 punct PUNCT .
"""

NAMED_HABIT = """
Halvorsen 1 nsubj PROPN Halvorsen PERSON
meets 1 ROOT VERB meet - VBZ
Okafor 1 dobj PROPN Okafor PERSON
every 4 det DET every
month 1 npadvmod NOUN month
. 1 punct PUNCT .
"""


def test_a_habit_of_unnamed_groups_is_no_contact(knowledge: Knowledge) -> None:
    assert consults(GENERIC_HABIT, knowledge) == []
    once = GENERIC_HABIT.replace("regularly 2 advmod ADV regularly", "today 2 npadvmod NOUN today")
    assert len(consults(once, knowledge)) == 1  # the same groups meeting once is a contact


def test_a_habit_of_named_parties_is_kept(knowledge: Knowledge) -> None:
    (event,) = consults(NAMED_HABIT, knowledge)
    assert {a.name for a in event.actors + event.recipients} == {"Halvorsen", "Okafor"}


# Toyota held talks with Nissan on Monday.  /  ... with Kenya on Monday.
def business(other: str) -> str:
    return f"""
Toyota 1 nsubj PROPN Toyota ORG
held 1 ROOT VERB hold - VBD
talks 1 dobj NOUN talk - NNS
with 2 prep ADP with
{other} 3 pobj PROPN {other} {"GPE:KEN" if other == "Kenya" else "ORG"}
on 1 prep ADP on
Monday 5 pobj PROPN Monday DATE
. 1 punct PUNCT .
"""


def test_talks_between_companies_are_no_diplomatic_contact(knowledge: Knowledge) -> None:
    assert consults(business("Nissan"), knowledge) == []
    (event,) = consults(business("Kenya"), knowledge)  # a government takes part
    assert {a.name for a in event.actors + event.recipients} == {"Toyota", "Kenya"}
