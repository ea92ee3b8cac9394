"""Extraction rules on hand-built parses: no statistical model, so each test pins one rule."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import parse, small_knowledge

ENTRIES = [
    GazetteerEntry(id="MLI", label="GPE", name="Mali", kind="country", country="MLI"),
    GazetteerEntry(id="USA", label="GPE", name="United States", kind="country", country="USA"),
    GazetteerEntry(id="FRA", label="GPE", name="France", kind="country", country="FRA"),
    GazetteerEntry(
        id="geonames:2460596",
        label="GPE",
        name="Bamako",
        kind="city",
        country="MLI",
        lat=12.65,
        lon=-8.0,
        geonames_id=2460596,
        capital_of="MLI",
    ),
    GazetteerEntry(
        id="geonames:4140963",
        label="GPE",
        name="Washington",
        kind="city",
        country="USA",
        lat=38.9,
        lon=-77.04,
        geonames_id=4140963,
        capital_of="USA",
    ),
    GazetteerEntry(id="org.afp", label="ORG", name="Agence France-Presse", kind="media"),
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
    return small_knowledge(ENTRIES)


def events(doc: Doc, knowledge: Knowledge) -> list[Event]:
    return doc_events(doc, Document(doc_id="test", text=doc.text), knowledge)


MET_WITH = """
Chicker 1 nsubj PROPN Chicker PERSON
met 1 ROOT VERB meet
with 1 prep ADP with
Mali 6 poss PROPN Mali GPE:MLI
's 3 case PART 's
Foreign 6 compound PROPN Foreign TITLE:title.foreign_minister
Minister 8 compound PROPN Minister +TITLE
Abdoulaye 8 compound PROPN Abdoulaye PERSON
Diop 2 pobj PROPN Diop +PERSON
. 1 punct PUNCT .
"""


def test_met_with_gives_a_meeting_with_title_and_country(knowledge: Knowledge) -> None:
    (event,) = events(parse(MET_WITH), knowledge)
    assert (event.event, event.mode, event.status.value) == ("CONSULT", "meet", "occurred")
    assert [a.name for a in event.actors] == ["Chicker"]
    (diop,) = event.recipients
    assert (diop.name, diop.title, diop.country, diop.kind) == (
        "Abdoulaye Diop",
        "Foreign Minister",
        "MLI",
        "person",
    )
    assert event.trigger == "met" and event.sentence.startswith("Chicker met")
    assert event.rule == "consult.meet.meet.v1" and 0 < event.confidence <= 1


@pytest.mark.parametrize(
    ("aux", "word", "dep", "status"),
    [
        ("did", "not", "neg", "negated"),
        ("will", "not", "neg", "negated"),
        ("will", "soon", "advmod", "planned"),
        ("could", "soon", "advmod", "hypothetical"),
    ],
)
def test_auxiliaries_set_the_status(
    knowledge: Knowledge, aux: str, word: str, dep: str, status: str
) -> None:
    spec = f"""
Chicker 3 nsubj PROPN Chicker PERSON
{aux} 3 aux AUX {aux}
{word} 3 {dep} ADV {word}
meet 3 ROOT VERB meet
Diop 3 dobj PROPN Diop PERSON
. 3 punct PUNCT .
"""
    (event,) = events(parse(spec), knowledge)
    assert event.status.value == status


SCHEDULED = """
Chicker 2 nsubjpass PROPN Chicker PERSON
was 2 auxpass AUX be
scheduled 2 ROOT VERB schedule
to 4 aux PART to
meet 2 xcomp VERB meet
Diop 4 dobj PROPN Diop PERSON
. 2 punct PUNCT .
"""


def test_scheduled_to_meet_is_planned_and_keeps_its_subject(knowledge: Knowledge) -> None:
    (event,) = events(parse(SCHEDULED), knowledge)
    assert event.status.value == "planned"
    assert [a.name for a in event.actors] == ["Chicker"]
    assert [r.name for r in event.recipients] == ["Diop"]


CONDITIONAL = """
Chicker 2 nsubj PROPN Chicker PERSON
would 2 aux AUX would
meet 2 ROOT VERB meet
Diop 2 dobj PROPN Diop PERSON
if 6 mark SCONJ if
talks 6 nsubj NOUN talk
resume 2 advcl VERB resume
. 2 punct PUNCT .
"""


def test_would_meet_if_is_hypothetical(knowledge: Knowledge) -> None:
    found = [e for e in events(parse(CONDITIONAL), knowledge) if e.trigger == "meet"]
    assert [e.status.value for e in found] == ["hypothetical"]


SYMMETRIC = """
Chicker 1 nsubj PROPN Chicker PERSON
and 0 cc CCONJ and
Diop 0 conj PROPN Diop PERSON
met 3 ROOT VERB meet
in 3 prep ADP in
Bamako 4 pobj PROPN Bamako GPE:geonames:2460596
. 3 punct PUNCT .
"""


def test_a_and_b_met_puts_both_in_actors_at_the_venue(knowledge: Knowledge) -> None:
    doc = parse(SYMMETRIC)
    doc[0].head = doc[3]
    (event,) = events(doc, knowledge)
    assert sorted(a.name for a in event.actors) == ["Chicker", "Diop"]
    assert event.recipients == []
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.kind) == (
        "Bamako",
        "MLI",
        "city",
    )
    assert event.location.lat == pytest.approx(12.65) and not event.location.inherited


VISIT_THEN_MEET = """
American 1 amod ADJ american NORP:USA
Chicker 2 nsubj PROPN Chicker PERSON
arrived 2 ROOT VERB arrive
in 2 prep ADP in
Bamako 3 pobj PROPN Bamako GPE:geonames:2460596
. 2 punct PUNCT .
He 7 nsubj PRON he
met 7 ROOT VERB meet
Diop 7 dobj PROPN Diop PERSON
. 7 punct PUNCT .
"""


def test_a_visit_gives_its_venue_to_later_meetings(knowledge: Knowledge) -> None:
    visit, meeting = events(parse(VISIT_THEN_MEET), knowledge)
    assert (visit.mode, [r.name for r in visit.recipients]) == ("visit", ["Mali"])
    assert visit.location is not None and visit.location.name == "Bamako"
    assert meeting.mode == "meet"
    assert [a.name for a in meeting.actors] == ["Chicker"], "'He' resolves to the last subject"
    assert meeting.location is not None and meeting.location.inherited
    assert meeting.recipients[0].country == "MLI", "a local met by a visitor is taken as local"


METONYMY_AGENT = """
Washington 1 nsubj PROPN Washington GPE:geonames:4140963
hosted 1 ROOT VERB host
Diop 1 dobj PROPN Diop PERSON
. 1 punct PUNCT .
"""

METONYMY_PLACE = """
Diop 1 nsubj PROPN Diop PERSON
met 1 ROOT VERB meet
Chicker 1 dobj PROPN Chicker PERSON
in 1 prep ADP in
Washington 3 pobj PROPN Washington GPE:geonames:4140963
. 1 punct PUNCT .
"""


def test_a_capital_acting_is_its_government(knowledge: Knowledge) -> None:
    (event,) = events(parse(METONYMY_AGENT), knowledge)
    (host,) = event.actors
    assert (host.text, host.name, host.kind, host.country) == (
        "Washington",
        "United States",
        "government",
        "USA",
    )


def test_a_capital_as_venue_stays_a_city(knowledge: Knowledge) -> None:
    (event,) = events(parse(METONYMY_PLACE), knowledge)
    assert event.location is not None
    assert (event.location.name, event.location.kind) == ("Washington", "city")
    assert all(a.kind == "person" for a in event.actors + event.recipients)


NEWS_AGENCY = """
Chicker 1 nsubj PROPN Chicker PERSON
spoke 1 ROOT VERB speak
with 1 prep ADP with
AFP 2 pobj PROPN AFP ORG:org.afp
. 1 punct PUNCT .
"""


def test_news_agencies_never_take_part(knowledge: Knowledge) -> None:
    assert events(parse(NEWS_AGENCY), knowledge) == []


TOURIST = """
The 1 det DET the
family 2 nsubj NOUN family
visited 2 ROOT VERB visit
a 4 det DET a
doctor 2 dobj NOUN doctor
. 2 punct PUNCT .
"""


def test_visiting_a_doctor_is_no_event(knowledge: Knowledge) -> None:
    assert events(parse(TOURIST), knowledge) == []


CALLED_OFF = """
Chicker 1 nsubj PROPN Chicker PERSON
called 1 ROOT VERB call
off 1 prt ADP off
his 4 poss PRON his
visit 1 dobj NOUN visit
to 4 prep ADP to
France 5 pobj PROPN France GPE:FRA
. 1 punct PUNCT .
"""


def test_called_off_a_visit_is_a_negated_visit_not_a_phone_call(knowledge: Knowledge) -> None:
    found = events(parse(CALLED_OFF), knowledge)
    assert [(e.mode, e.status.value) for e in found] == [("visit", "negated")]
    assert found[0].recipients[0].country == "FRA"


CONSULTATIONS = """
Chicker 1 nsubj PROPN Chicker PERSON
will 2 aux AUX will
hold 2 ROOT VERB hold
consultations 2 dobj NOUN consultation
with 3 prep ADP with
Mali 4 pobj PROPN Mali GPE:MLI
on 2 prep ADP on
security 10 nmod NOUN security
and 7 cc CCONJ and
economic 7 conj ADJ economic
issues 6 pobj NOUN issue
. 2 punct PUNCT .
"""


def test_held_consultations_on_topics(knowledge: Knowledge) -> None:
    doc = parse(CONSULTATIONS)
    doc[0].head = doc[2]
    (event,) = events(doc, knowledge)
    assert (event.mode, event.status.value, event.trigger) == ("meet", "planned", "consultations")
    assert [r.name for r in event.recipients] == ["Mali"]
    assert set(event.topics) == {"security", "economy"}
    assert event.about == ["security and economic issues"]


def test_event_ids_are_stable_and_offsets_point_into_the_text(knowledge: Knowledge) -> None:
    first = events(parse(MET_WITH), knowledge)
    second = events(parse(MET_WITH), knowledge)
    assert [e.id for e in first] == [e.id for e in second]
    event = first[0]
    text = parse(MET_WITH).text
    assert text[event.trigger_start : event.trigger_end] == event.trigger
    assert text[event.start : event.end] == event.sentence
    for actor in event.actors + event.recipients:
        assert text[actor.start : actor.end] == actor.text


SUNDAY_CALL = """
On 4 prep ADP on
Sunday 0 pobj PROPN Sunday DATE
, 4 punct PUNCT ,
Chicker 4 nsubj PROPN Chicker PERSON
called 4 ROOT VERB call
Diop 4 dobj PROPN Diop PERSON
. 4 punct PUNCT .
"""


def test_a_preposition_before_the_verb_is_not_its_particle(knowledge: Knowledge) -> None:
    # "On Sunday, X called Y" is a phone call, not "called on" (a visit or a request).
    (event,) = events(parse(SUNDAY_CALL), knowledge)
    assert (event.event, event.mode) == ("CONSULT", "phone")
    assert [r.name for r in event.recipients] == ["Diop"]
