"""Named parties whole and at the right level: coalitions, UN agencies, Red Cross and Red
Crescent bodies and parliamentary committees are parties of their own, not their parent body
or nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx import resources
from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

Extract = Callable[..., list[Event]]


def _ids(text: str) -> set[str]:
    files = ("organizations.jsonl", "actors.jsonl")
    lines = [line for f in files for line in resources.read_patterns(resources.models_dir() / f)]
    return {line.id for line in lines if line.pattern == text}


@pytest.mark.parametrize(
    ("written", "entity_id"),
    [
        ("P5+1", "org.p5_plus_1"),
        ("U.N. refugee agency", "org.unhcr"),
        ("UN food agency", "org.wfp"),
        ("U.N. World Food Programme", "org.wfp"),
        ("United Nations Children's Fund", "org.unicef"),
        ("U.N. nuclear watchdog", "org.iaea"),
        ("Office for the Coordination of Humanitarian Affairs", "org.ocha"),
        ("UN Population Fund", "org.unfpa"),
        ("International Federation of Red Cross and Red Crescent Societies", "org.ifrc"),
        ("Syrian Arab Red Crescent", "org.sarc"),
        ("Senate Foreign Relations Committee", "gov.usa.senate_foreign_relations"),
        ("House Foreign Affairs Committee", "gov.usa.house_foreign_affairs"),
    ],
)
def test_the_body_s_own_name_is_its_own_entry(written: str, entity_id: str) -> None:
    # a body named by its own name or its wire description, not by its parent's
    assert _ids(written) == {entity_id}


def test_bodies_carry_their_country_or_none() -> None:
    gazetteer = shipped_knowledge().gazetteer
    assert gazetteer["org.p5_plus_1"].country is None
    assert gazetteer["org.ifrc"].country is None
    assert gazetteer["org.sarc"].country == "SYR"
    committee = gazetteer["gov.usa.senate_foreign_relations"]
    assert (committee.country, committee.sector) == ("USA", "LEG")


# Iran held talks with the P5+1 .
TALKS_WITH_COALITION = """
Iran 1 nsubj PROPN iran GPE:IRN NNP
held 1 ROOT VERB hold - VBD
talks 1 dobj NOUN talk - NNS
with 2 prep ADP with - IN
the 7 det DET the - DT
P5 7 compound PROPN p5 ORG:org.p5_plus_1 NNP
+ 7 compound PROPN + +ORG NNP
1 3 pobj NUM 1 +ORG CD
. 1 punct PUNCT . - .
"""

# The Senate Foreign Relations Committee criticized the State Department .
COMMITTEE_CRITICIZED = """
The 4 det DET the - DT
Senate 4 compound PROPN senate ORG:gov.usa.senate_foreign_relations NNP
Foreign 4 compound PROPN foreign +ORG NNP
Relations 4 compound PROPN relations +ORG NNPS
Committee 5 nsubj PROPN committee +ORG NNP
criticized 5 ROOT VERB criticize - VBD
the 8 det DET the - DT
State 8 compound PROPN state ORG:gov.usa.state_department NNP
Department 5 dobj PROPN department +ORG NNP
. 5 punct PUNCT . - .
"""


def test_a_coalition_is_a_party_of_the_talks() -> None:
    (talks,) = events_of(TALKS_WITH_COALITION, shipped_knowledge(), "CONSULT")
    parties = talks.actors + talks.recipients
    assert sorted((p.name, p.country) for p in parties) == [("Iran", "IRN"), ("P5+1", None)]


def test_a_committee_is_not_lifted_to_its_chamber() -> None:
    (criticism,) = events_of(COMMITTEE_CRITICIZED, shipped_knowledge(), "ACCUSE")
    assert [(a.name, a.country) for a in criticism.actors] == [
        ("Senate Foreign Relations Committee", "USA")
    ]


def test_agencies_and_coalitions_named_in_wire_copy_are_parties(extract: Extract) -> None:
    text = (
        "VIENNA — Iran will resume talks with the P5+1 group next month, its negotiators said "
        "on Monday. Separately, the U.N. refugee agency urged Greece to speed up asylum "
        "claims, and the Syrian Arab Red Crescent delivered medicine to the besieged town."
    )
    events = extract(text, date="2015-06-01")
    names = {(p.name, p.country) for e in events for p in e.actors + e.recipients}
    assert {("P5+1", None), ("UNHCR", None), ("Syrian Arab Red Crescent", "SYR")} <= names
    assert ("United Nations", None) not in names


# Doe met officials from Morocco , Turkey and Jordan .
OFFICIALS_FROM_STATES = """
Doe 1 nsubj PROPN doe PERSON NNP
met 1 ROOT VERB meet - VBD
officials 1 dobj NOUN official - NNS
from 2 prep ADP from - IN
Morocco 3 pobj PROPN morocco GPE:MAR NNP
, 4 punct PUNCT , - ,
Turkey 4 conj PROPN turkey GPE:TUR NNP
and 6 cc CCONJ and - CC
Jordan 6 conj PROPN jordan GPE:JOR NNP
. 1 punct PUNCT . - .
"""

# Doe met envoys of the Arab League .
ENVOYS_OF_BODY = """
Doe 1 nsubj PROPN doe PERSON NNP
met 1 ROOT VERB meet - VBD
envoys 1 dobj NOUN envoy - NNS
of 2 prep ADP of - IN
the 6 det DET the - DT
Arab 6 compound PROPN arab ORG:org.arab_league NNP
League 3 pobj PROPN league +ORG NNP
. 1 punct PUNCT . - .
"""

# Doe met refugees from Egypt and Jordan .
REFUGEES_FROM_STATES = """
Doe 1 nsubj PROPN doe PERSON NNP
met 1 ROOT VERB meet - VBD
refugees 1 dobj NOUN refugee - NNS
from 2 prep ADP from - IN
Egypt 3 pobj PROPN egypt GPE:EGY NNP
and 4 cc CCONJ and - CC
Jordan 4 conj PROPN jordan GPE:JOR NNP
. 1 punct PUNCT . - .
"""


def test_officials_from_listed_states_stand_for_each_state() -> None:
    (meeting,) = events_of(OFFICIALS_FROM_STATES, shipped_knowledge(), "CONSULT")
    assert [r.name for r in meeting.recipients] == ["Morocco", "Turkey", "Jordan"]


def test_envoys_of_an_international_body_stand_for_the_body() -> None:
    (meeting,) = events_of(ENVOYS_OF_BODY, shipped_knowledge(), "CONSULT")
    assert [(r.name, r.country) for r in meeting.recipients] == [("Arab League", None)]


def test_refugees_from_listed_states_are_no_delegation() -> None:
    events = events_of(REFUGEES_FROM_STATES, shipped_knowledge(), "CONSULT")
    parties = [p for e in events for p in e.actors + e.recipients]
    assert not [p for p in parties if p.kind in {"country", "government"}]


def test_delegations_from_lists_in_wire_copy(extract: Extract) -> None:
    text = (
        "RIYADH — The Saudi foreign minister held talks on Sunday with officials from Qatar, "
        "Kuwait and Oman on the crisis. Envoys from the African Union and the European Union "
        "met rebel commanders in the north on Monday."
    )
    events = extract(text, date="2015-06-01")
    talks = [e for e in events if e.trigger == "talks"]
    assert [[r.name for r in e.recipients] for e in talks] == [["Qatar", "Kuwait", "Oman"]]
    met = [e for e in events if e.trigger == "met"]
    assert [[a.name for a in e.actors] for e in met] == [["African Union", "European Union"]]


# Russia , along with China , vetoed the resolution .
ALONG_WITH_ON_SUBJECT = """
Russia 6 nsubj PROPN russia GPE:RUS NNP
, 0 punct PUNCT , - ,
along 0 prep ADP along - IN
with 2 prep ADP with - IN
China 3 pobj PROPN china GPE:CHN NNP
, 0 punct PUNCT , - ,
vetoed 6 ROOT VERB veto - VBD
the 8 det DET the - DT
resolution 6 dobj NOUN resolution - NN
. 6 punct PUNCT . - .
"""

# Mali and Niger , together with Chad , rejected the plan .
TOGETHER_WITH_ON_VERB = """
Mali 8 nsubj PROPN mali GPE:MLI NNP
and 0 cc CCONJ and - CC
Niger 0 conj PROPN niger GPE:NER NNP
, 8 punct PUNCT , - ,
together 5 advmod ADV together - RB
with 8 prep ADP with - IN
Chad 5 pobj PROPN chad GPE:TCD NNP
, 8 punct PUNCT , - ,
rejected 8 ROOT VERB reject - VBD
the 10 det DET the - DT
plan 8 dobj NOUN plan - NN
. 8 punct PUNCT . - .
"""

# Mali rejected the plan along with Chad .  (after the verb: either side, left alone)
ALONG_WITH_AFTER_VERB = """
Mali 1 nsubj PROPN mali GPE:MLI NNP
rejected 1 ROOT VERB reject - VBD
the 3 det DET the - DT
plan 1 dobj NOUN plan - NN
along 1 prep ADP along - IN
with 4 prep ADP with - IN
Chad 5 pobj PROPN chad GPE:TCD NNP
. 1 punct PUNCT . - .
"""


def test_a_party_along_with_another_acts_with_it() -> None:
    events = events_of(ALONG_WITH_ON_SUBJECT, shipped_knowledge(), "REJECT")
    assert [[a.name for a in e.actors] for e in events] == [["Russia", "China"]]


def test_a_companion_between_subject_and_verb_acts_with_the_subject() -> None:
    events = events_of(TOGETHER_WITH_ON_VERB, shipped_knowledge(), "REJECT")
    assert [[a.name for a in e.actors] for e in events] == [["Mali", "Niger", "Chad"]]


def test_a_companion_after_the_verb_is_no_actor() -> None:
    events = events_of(ALONG_WITH_AFTER_VERB, shipped_knowledge(), "REJECT")
    assert [[a.name for a in e.actors] for e in events] == [["Mali"]]


def test_companions_in_wire_copy_are_actors(extract: Extract) -> None:
    text = (
        "UNITED NATIONS — China, along with Russia, vetoed the draft resolution on Tuesday. "
        "Egypt and Jordan, together with Saudi Arabia, condemned the attack on the convoy."
    )
    events = extract(text, date="2015-06-01")
    actors = {e.trigger: [a.name for a in e.actors] for e in events}
    assert actors["vetoed"] == ["China", "Russia"]
    assert actors["condemned"] == ["Egypt", "Jordan", "Saudi Arabia"]


# The Gulf Cooperation Council and Iran held talks .
BODY_AND_STATE = """
The 3 det DET the - DT
Gulf 3 compound PROPN gulf ORG:org.gcc NNP
Cooperation 3 compound PROPN cooperation +ORG NNP
Council 6 nsubj PROPN council +ORG NNP
and 3 cc CCONJ and - CC
Iran 3 conj PROPN iran GPE:IRN NNP
held 6 ROOT VERB hold - VBD
talks 6 dobj NOUN talk - NNS
. 6 punct PUNCT . - .
"""


def test_an_international_body_takes_no_country_from_its_phrase() -> None:
    (talks,) = events_of(BODY_AND_STATE, shipped_knowledge(), "CONSULT")
    parties = sorted((p.name, p.country) for p in talks.actors + talks.recipients)
    assert parties == [("Gulf Cooperation Council", None), ("Iran", "IRN")]


def test_an_international_body_stays_without_country_in_wire_copy(extract: Extract) -> None:
    text = (
        "KYIV — The International Monetary Fund and Ukraine resumed talks on a new loan on "
        "Tuesday, the Ukrainian finance ministry said."
    )
    parties = {(p.name, p.country) for e in extract(text) for p in e.actors + e.recipients}
    assert ("International Monetary Fund", None) in parties
    assert not any(name == "International Monetary Fund" and c for name, c in parties)


# The United Nations Office for Humanitarian Affairs urged Mali to act .
UN_OFFICE_URGED = """
The 3 det DET the - DT
United 2 compound PROPN united ORG:org.un NNP
Nations 3 compound PROPN nations +ORG NNP
Office 7 nsubj PROPN office - NNP
for 3 prep ADP for - IN
Humanitarian 6 compound PROPN humanitarian - NNP
Affairs 4 pobj PROPN affairs - NNPS
urged 7 ROOT VERB urge - VBD
Mali 7 dobj PROPN mali GPE:MLI NNP
to 10 aux PART to - TO
act 7 xcomp VERB act - VB
. 7 punct PUNCT . - .
"""

# The UN Food Programe ( WFP ) urged Mali to act .  (a misspelt name, a known acronym)
UN_BODY_WITH_ACRONYM = """
The 3 det DET the - DT
UN 3 compound PROPN un ORG:org.un NNP
Food 3 compound PROPN food - NNP
Programe 7 nsubj PROPN programe - NNP
( 3 punct PUNCT ( - -LRB-
WFP 3 appos PROPN wfp ORG:org.wfp NNP
) 3 punct PUNCT ) - -RRB-
urged 7 ROOT VERB urge - VBD
Mali 7 dobj PROPN mali GPE:MLI NNP
to 10 aux PART to - TO
act 7 xcomp VERB act - VB
. 7 punct PUNCT . - .
"""

# The UN secretariat urged Mali to act .  (a common noun: the UN itself)
UN_SECRETARIAT_URGED = """
The 2 det DET the - DT
UN 2 compound PROPN un ORG:org.un NNP
secretariat 3 nsubj NOUN secretariat - NN
urged 3 ROOT VERB urge - VBD
Mali 3 dobj PROPN mali GPE:MLI NNP
to 6 aux PART to - TO
act 3 xcomp VERB act - VB
. 3 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (UN_OFFICE_URGED, ("United Nations Office for Humanitarian Affairs", None, None)),
        (UN_BODY_WITH_ACRONYM, ("World Food Programme", None, "org.wfp")),
        (UN_SECRETARIAT_URGED, ("United Nations", None, "org.un")),
    ],
    ids=["own-name", "acronym-beside", "common-noun"],
)
def test_a_body_named_after_its_parent_is_not_the_parent(
    spec: str, expected: tuple[str, str | None, str | None]
) -> None:
    (request,) = events_of(spec, shipped_knowledge(), "REQUEST")
    assert [(a.name, a.country, a.id) for a in request.actors] == [expected]


def test_bodies_named_after_the_un_in_wire_copy(extract: Extract) -> None:
    text = (
        "JUBA — The UN Mission in South Sudan accused both armies of blocking its patrols on "
        "Friday. The United Nations Office for Disaster Risk Reduction urged governments to "
        "prepare for floods."
    )
    actors = {e.trigger: [(a.name, a.country) for a in e.actors] for e in extract(text)}
    assert actors["accused"] == [("UN Mission in South Sudan", None)]
    assert actors["urged"] == [("United Nations Office for Disaster Risk Reduction", None)]


# Doe met officials from Morocco and other members of the Arab League .
OFFICIALS_FROM_STATE_AND_BODY = """
Doe 1 nsubj PROPN doe PERSON NNP
met 1 ROOT VERB meet - VBD
officials 1 dobj NOUN official - NNS
from 2 prep ADP from - IN
Morocco 3 pobj PROPN morocco GPE:MAR NNP
and 4 cc CCONJ and - CC
other 7 amod ADJ other - JJ
members 4 conj NOUN member - NNS
of 7 prep ADP of - IN
the 11 det DET the - DT
Arab 11 compound PROPN arab ORG:org.arab_league NNP
League 8 pobj PROPN league +ORG NNP
. 1 punct PUNCT . - .
"""


def test_a_list_of_senders_may_end_in_the_members_of_a_body() -> None:
    (meeting,) = events_of(OFFICIALS_FROM_STATE_AND_BODY, shipped_knowledge(), "CONSULT")
    assert [r.name for r in meeting.recipients] == ["Morocco", "Arab League"]


def test_senders_ending_in_a_body_in_wire_copy(extract: Extract) -> None:
    text = (
        "NAIROBI — Kenya's president met envoys from Uganda, Rwanda and other members of the "
        "East African Community on Tuesday to discuss the border dispute."
    )
    met = [e for e in extract(text) if e.trigger == "met"]
    assert [[r.name for r in e.recipients] for e in met] == [
        ["Uganda", "Rwanda", "East African Community"]
    ]


# Senators Doe and Roe met Kenyatta .
SENATORS_MET = """
Senators 1 compound PROPN senator TITLE:title.senator NNPS
Doe 4 nsubj PROPN doe PERSON NNP
and 1 cc CCONJ and - CC
Roe 1 conj PROPN roe PERSON NNP
met 4 ROOT VERB meet - VBD
Kenyatta 4 dobj PROPN kenyatta PERSON NNP
. 4 punct PUNCT . - .
"""

# Representatives Doe and Roe met Kenyatta .  (a role noun, no title entity)
REPRESENTATIVES_MET = """
Representatives 1 compound NOUN representative - NNS
Doe 4 nsubj PROPN doe PERSON NNP
and 1 cc CCONJ and - CC
Roe 1 conj PROPN roe PERSON NNP
met 4 ROOT VERB meet - VBD
Kenyatta 4 dobj PROPN kenyatta PERSON NNP
. 4 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("spec", "title"),
    [(SENATORS_MET, "Senator"), (REPRESENTATIVES_MET, "Representative")],
    ids=["title-entity", "role-noun"],
)
def test_a_plural_title_is_each_named_holder_s_title(spec: str, title: str) -> None:
    (meeting,) = events_of(spec, shipped_knowledge(), "CONSULT")
    assert [(a.name, a.title) for a in meeting.actors] == [("Doe", title), ("Roe", title)]


def test_plural_titles_in_wire_copy(extract: Extract) -> None:
    text = (
        "WASHINGTON — Representatives Eliot Engel and Ed Royce urged the State Department "
        "to act on Tuesday."
    )
    events = extract(text, date="2015-06-01")
    titled = {e.trigger: [(a.name, a.title) for a in e.actors] for e in events}
    assert titled["urged"] == [("Eliot Engel", "Representative"), ("Ed Royce", "Representative")]


def test_a_delegation_reads_past_an_of_phrase_that_names_no_sender(extract) -> None:  # type: ignore[no-untyped-def]
    found = extract("KAMPALA — Ruto met heads of state from Uganda and Rwanda on Monday.")
    (meeting,) = [e for e in found if e.event == "CONSULT"]
    assert sorted(r.name for r in meeting.recipients) == ["Rwanda", "Uganda"]
