"""Contact (CONSULT) mechanisms on hand-built parses: each test pins one mechanism of real news.

The parses are written out (`word head dep pos lemma [ENT[:id]] [tag]`), so no statistical
model runs and a test fails only when the rule logic changes.
"""

from __future__ import annotations

import pytest
import spacy

from eventx.components.headlines import Headlines, sentence_starts
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import consults, parse, small_knowledge

ENTRIES = [
    GazetteerEntry(id="ESP", label="GPE", name="Spain", kind="country", country="ESP"),
    GazetteerEntry(id="USA", label="GPE", name="United States", kind="country", country="USA"),
    GazetteerEntry(id="KEN", label="GPE", name="Kenya", kind="country", country="KEN"),
    GazetteerEntry(
        id="geonames:184745",
        label="GPE",
        name="Nairobi",
        kind="city",
        country="KEN",
        lat=-1.28,
        lon=36.82,
        geonames_id=184745,
        capital_of="KEN",
    ),
    GazetteerEntry(
        id="geonames:4684888",
        label="GPE",
        name="Dallas",
        kind="city",
        country="USA",
        lat=32.78,
        lon=-96.81,
        geonames_id=4684888,
    ),
]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(ENTRIES)


def names(event: Event) -> set[str]:
    return {a.name for a in event.actors + event.recipients}


ADJUNCT_VISIT = """
During 7 prep ADP during
a 2 det DET a
visit 0 pobj NOUN visit
to 2 prep ADP to
Nairobi 3 pobj PROPN Nairobi GPE:geonames:184745
, 7 punct PUNCT ,
Okafor 7 nsubj PROPN Okafor PERSON
said 7 ROOT VERB say
. 7 punct PUNCT .
"""


def test_a_visit_in_an_adjunct_is_made_by_the_clause_subject(knowledge: Knowledge) -> None:
    (event,) = consults(ADJUNCT_VISIT, knowledge)
    assert (event.mode, event.trigger) == ("visit", "visit")
    assert [a.name for a in event.actors] == ["Okafor"]
    assert event.location is not None and event.location.name == "Nairobi"


AFTER_MEETING = """
After 7 prep ADP after
meeting 0 pcomp VERB meet - VBG
with 1 prep ADP with
Teodor 4 compound PROPN Teodor PERSON
Vasquez 2 pobj PROPN Vasquez +PERSON
, 7 punct PUNCT ,
Lindqvist 7 nsubj PROPN Lindqvist PERSON
said 7 ROOT VERB say
. 7 punct PUNCT .
"""


def test_after_meeting_with_x_the_main_subject_takes_part(knowledge: Knowledge) -> None:
    (event,) = consults(AFTER_MEETING, knowledge)
    assert names(event) == {"Lindqvist", "Teodor Vasquez"}
    assert event.status.value == "occurred"


MET_DEADLINE = """
Mali 1 nsubj PROPN Mali GPE
met 1 ROOT VERB meet
the 3 det DET the
deadline 1 dobj NOUN deadline
set 3 acl VERB set
by 4 agent ADP by
Spain 5 pobj PROPN Spain GPE:ESP
. 1 punct PUNCT .
"""

CALLED_A_STATE = """
Singh 1 nsubj PROPN Singh PERSON
called 1 ROOT VERB call
Spain 1 dobj PROPN Spain GPE:ESP
a 5 det DET a
hostile 5 amod ADJ hostile
state 1 oprd NOUN state
. 1 punct PUNCT .
"""

RECALLED = """
Spain 1 nsubj PROPN Spain GPE:ESP
recalled 1 ROOT VERB recall
its 3 poss PRON its
ambassador 1 dobj NOUN ambassador
for 1 prep ADP for
consultations 4 pobj NOUN consultation - NNS
. 1 punct PUNCT .
"""

REPORTER = """
Radio 2 compound PROPN Radio ORG
reporter 2 compound NOUN reporter
Whitcomb 3 nsubj PROPN Whitcomb PERSON
met 3 ROOT VERB meet
with 3 prep ADP with
Governor 6 compound PROPN Governor
Okoro 4 pobj PROPN Okoro PERSON
. 3 punct PUNCT .
"""


@pytest.mark.parametrize(
    "spec",
    [MET_DEADLINE, CALLED_A_STATE, RECALLED, REPORTER],
    ids=["meet a deadline", "call X a Y", "recalled for consultations", "a reporter meets"],
)
def test_other_senses_are_no_contact(spec: str, knowledge: Knowledge) -> None:
    assert consults(spec, knowledge) == []


OPPOSITION_TALKS = """
Several 2 amod ADJ several
opposition 2 compound NOUN opposition
parties 4 nsubj NOUN party - NNS
are 4 aux AUX be
holding 4 ROOT VERB hold
talks 4 dobj NOUN talk - NNS
. 4 punct PUNCT .
"""


def test_a_group_holding_talks_is_a_one_party_contact(knowledge: Knowledge) -> None:
    (event,) = consults(OPPOSITION_TALKS, knowledge)
    assert event.mode == "meet"
    (party,) = event.actors
    assert (party.text, party.kind) == ("Several opposition parties", "group")


MINISTERS_MEETING = """
Spain 1 nsubj PROPN Spain GPE:ESP
hosted 1 ROOT VERB host
a 3 det DET a
meeting 1 dobj NOUN meeting
of 3 prep ADP of
EU 6 compound PROPN EU ORG
ministers 4 pobj NOUN minister - NNS
. 1 punct PUNCT .
"""


def test_a_meeting_of_ministers_is_multilateral(knowledge: Knowledge) -> None:
    modes = [event.mode for event in consults(MINISTERS_MEETING, knowledge)]
    assert modes == ["multilateral"]


SPOKE_TO_EACH = """
Lindqvist 1 nsubj PROPN Lindqvist PERSON
spoke 1 ROOT VERB speak
to 1 prep ADP to
Kenji 4 compound PROPN Kenji PERSON
Morita 2 pobj PROPN Morita +PERSON
, 4 punct PUNCT ,
Greta 7 compound PROPN Greta PERSON
Fischer 1 dep PROPN Fischer +PERSON
and 7 cc CCONJ and
Paul 10 compound PROPN Paul PERSON
Girard 7 conj PROPN Girard +PERSON
. 1 punct PUNCT .
"""


def test_calls_to_several_leaders_are_one_call_each(knowledge: Knowledge) -> None:
    found = consults(SPOKE_TO_EACH, knowledge)
    assert [e.mode for e in found] == ["phone"] * 3
    assert [[r.name for r in e.recipients] for e in found] == [
        ["Kenji Morita"],
        ["Greta Fischer"],
        ["Paul Girard"],
    ]
    assert len({e.id for e in found}) == 3


OPEN_TO_TALKS = """
Spain 1 nsubj PROPN Spain GPE:ESP
is 1 ROOT AUX be
open 1 acomp ADJ open
to 2 prep ADP to
negotiations 3 pobj NOUN negotiation - NNS
with 4 prep ADP with
Nairobi 5 pobj PROPN Nairobi GPE:geonames:184745
. 1 punct PUNCT .
"""


def test_open_to_negotiations_is_hypothetical(knowledge: Knowledge) -> None:
    (event,) = consults(OPEN_TO_TALKS, knowledge)
    assert event.status.value == "hypothetical"


THE_TWO = """
Lindqvist 1 nsubj PROPN Lindqvist PERSON
met 1 ROOT VERB meet
Vasquez 1 dobj PROPN Vasquez PERSON
. 1 punct PUNCT .
The 5 det DET the
two 6 nsubj NUM two
spoke 6 ROOT VERB speak
by 6 prep ADP by
telephone 7 pobj NOUN telephone
again 6 advmod ADV again
. 6 punct PUNCT .
"""


def test_the_two_are_the_last_contacts_parties(knowledge: Knowledge) -> None:
    _first, second = consults(THE_TWO, knowledge)
    assert second.mode == "phone" and names(second) == {"Lindqvist", "Vasquez"}


DISCUSSED_IN_A_CALL = """
Lindqvist 1 nsubj PROPN Lindqvist PERSON
discussed 1 ROOT VERB discuss
trade 1 dobj NOUN trade
with 1 prep ADP with
Vasquez 3 pobj PROPN Vasquez PERSON
in 1 prep ADP in
a 8 det DET a
phone 8 compound NOUN phone
call 5 pobj NOUN call
. 1 punct PUNCT .
"""


def test_one_contact_told_twice_is_one_record_of_the_specific_mode(
    knowledge: Knowledge,
) -> None:
    (event,) = consults(DISCUSSED_IN_A_CALL, knowledge)
    assert event.mode == "phone" and names(event) == {"Lindqvist", "Vasquez"}


DOMESTIC_TRIP = """
U.S. 2 compound PROPN U.S. GPE:USA
President 2 compound PROPN President
Lindqvist 3 nsubj PROPN Lindqvist PERSON
visited 3 ROOT VERB visit
Dallas 3 dobj PROPN Dallas GPE:geonames:4684888
. 3 punct PUNCT .
"""


def test_a_trip_at_home_is_no_visit(knowledge: Knowledge) -> None:
    assert consults(DOMESTIC_TRIP, knowledge) == []


def test_headline_and_dateline_glued_to_the_lead_are_split() -> None:
    nlp = spacy.blank("en")
    text = "Envoy Heads to Oslo for Trade Talks-WASHINGTON — -U.S. Trade Representative Whitcomb"
    doc = Headlines("eventx_headlines")(nlp(text))
    words = [t.text for t in doc]
    assert "U.S." in words and "-U.S." not in words
    assert doc[words.index("WASHINGTON")].is_sent_start
    assert not doc[words.index("Representative")].is_sent_start


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Hard bargaining ahead-Delegates from Peru meet in Quito", "Delegates"),
        ("rallies across the U.S.-FILE - Governor Okoro speaks", "FILE"),
        ("Pressure mounts on the south-U.N. envoy Lena Marsh met Okoro", "U.N."),
    ],
)
def test_a_glued_subhead_ends_before_the_next_sentence(text: str, start: str) -> None:
    doc = Headlines("eventx_headlines")(spacy.blank("en")(text))
    assert [doc[i].text for i in sentence_starts(doc)] == [start]
    assert doc[[t.text for t in doc].index(start)].is_sent_start


@pytest.mark.parametrize(
    "text",
    [
        "pro-Russian rebels met",
        "President Bashar al-Assad met",
        "Israeli-Palestinian talks",
        "anti-U.S. protests",
        "a non-U.N. mission",
    ],
)
def test_hyphenated_words_are_not_subheads(text: str) -> None:
    assert sentence_starts(spacy.blank("en")(text)) == []


SPOKE_IN_A_CALL = """
In 4 prep ADP in
a 3 det DET a
long 3 amod ADJ long
call 0 pobj NOUN call
, 5 punct PUNCT ,
Lindqvist 6 nsubj PROPN Lindqvist PERSON
spoke 6 ROOT VERB speak
with 6 prep ADP with
Vasquez 7 pobj PROPN Vasquez PERSON
. 6 punct PUNCT .
"""


def test_a_conversation_beside_a_call_is_the_call(knowledge: Knowledge) -> None:
    (event,) = consults(SPOKE_IN_A_CALL, knowledge)
    assert event.mode == "phone" and names(event) == {"Lindqvist", "Vasquez"}


def test_headline_splitting_keeps_the_text_on_hostile_input() -> None:
    nlp = spacy.blank("en")
    text = " ".join(["Talks-PARIS — -U.S. officials met-The U.S.-FILE -" for _ in range(2000)])
    doc = Headlines("eventx_headlines")(nlp(text))
    assert doc.text == text  # offsets into the document stay valid
    assert sum(bool(token.is_sent_start) for token in doc) >= 2 * 2000


MET_THEN_MEETING = """
Lindqvist 1 nsubj PROPN Lindqvist PERSON
met 1 ROOT VERB meet
Vasquez 1 dobj PROPN Vasquez PERSON
. 1 punct PUNCT .
The 6 det DET the
{modifier} 6 amod ADJ {modifier}
meeting 8 nsubj NOUN meeting - NN
will 8 aux AUX will
be 8 ROOT AUX be
in 8 prep ADP in
Nairobi 9 pobj PROPN Nairobi GPE:geonames:184745
. 8 punct PUNCT .
"""


def test_the_next_meeting_is_a_new_contact_of_the_same_parties(knowledge: Knowledge) -> None:
    _first, second = consults(MET_THEN_MEETING.format(modifier="next"), knowledge)
    assert (second.trigger, second.status.value) == ("meeting", "planned")
    assert names(second) == {"Lindqvist", "Vasquez"}
    assert second.location is not None and second.location.name == "Nairobi"


def test_the_meeting_told_before_is_not_a_new_contact(knowledge: Knowledge) -> None:
    found = consults(MET_THEN_MEETING.format(modifier="closed"), knowledge)
    assert [e.trigger for e in found] == ["met"]


TALKS_HE_HELD = """
Spain 1 nsubj PROPN Spain GPE:ESP
welcomed 1 ROOT VERB welcome
the 3 det DET the
talks 1 dobj NOUN talk - NNS
Lindqvist 5 nsubj PROPN Lindqvist PERSON
held 3 relcl VERB hold
with 5 prep ADP with
Vasquez 6 pobj PROPN Vasquez PERSON
. 1 punct PUNCT .
"""


def test_a_relative_clause_on_a_contact_noun_names_its_parties(knowledge: Knowledge) -> None:
    (event,) = consults(TALKS_HE_HELD, knowledge)
    assert (event.trigger, names(event)) == ("talks", {"Lindqvist", "Vasquez"})


ARRIVES_FOR_A_MEETING = """
Lindqvist 1 nsubj PROPN Lindqvist PERSON
met 1 ROOT VERB meet - VBD
Vasquez 1 dobj PROPN Vasquez PERSON
. 1 punct PUNCT .
Okafor 5 nsubj PROPN Okafor PERSON
waves 5 ROOT VERB wave - VBZ
as 8 mark SCONJ as
he 8 nsubj PRON he
arrives 5 advcl VERB arrive - VBZ
for 8 prep ADP for
a 11 det DET a
meeting 9 pobj NOUN meeting - NN
with 11 prep ADP with
Diaz 12 pobj PROPN Diaz PERSON
. 5 punct PUNCT .
"""


def test_he_in_an_adverbial_clause_is_the_main_clauses_subject(knowledge: Knowledge) -> None:
    # "Okafor waves as he arrives for a meeting": he is Okafor, not the last person told of
    _met, meeting = consults(ARRIVES_FOR_A_MEETING, knowledge)
    assert meeting.trigger == "meeting"
    assert [a.name for a in meeting.actors] == ["Okafor"]
    assert [a.name for a in meeting.recipients] == ["Diaz"]


IN_LONDON_TO_MEET = """
Lindqvist 1 nsubj PROPN Lindqvist PERSON VBZ
is 1 ROOT AUX be - VBZ
in 1 prep ADP in
Lima 2 pobj PROPN Lima GPE
to 5 aux PART to
meet 1 advcl VERB meet - VB
Okoro 5 dobj PROPN Okoro PERSON
Thursday 5 npadvmod PROPN Thursday DATE
. 1 punct PUNCT .
"""

RETURNED_TO_MEET = """
Lindqvist 1 nsubj PROPN Lindqvist PERSON
returned 1 ROOT VERB return - VBD
to 1 prep ADP to
Berlin 2 pobj PROPN Berlin GPE
on 1 prep ADP on
Monday 4 pobj PROPN Monday DATE
to 7 aux PART to
meet 1 advcl VERB meet - VB
Scholz 7 dobj PROPN Scholz PERSON
. 1 punct PUNCT .
"""

WHEN_X_MEETS_Y = """
When 2 advmod SCONJ when - WRB
Lindqvist 2 nsubj PROPN Lindqvist PERSON
meets 7 advcl VERB meet - VBZ
Morita 2 dobj PROPN Morita PERSON
, 7 punct PUNCT ,
trade 7 nsubj NOUN trade - NN
will 7 aux AUX will - MD
top 7 ROOT VERB top - VB
the 9 det DET the
agenda 7 dobj NOUN agenda - NN
. 7 punct PUNCT .
"""

WHEN_X_MET_Y = """
When 2 advmod SCONJ when - WRB
Lindqvist 2 nsubj PROPN Lindqvist PERSON
met 6 advcl VERB meet - VBD
Morita 2 dobj PROPN Morita PERSON
, 6 punct PUNCT ,
trade 6 nsubj NOUN trade - NN
topped 6 ROOT VERB top - VBD
the 8 det DET the
agenda 6 dobj NOUN agenda - NN
. 6 punct PUNCT .
"""

REFUSED_TO_MEET = """
Fischer 1 nsubj PROPN Fischer PERSON
refused 1 ROOT VERB refuse - VBD
to 3 aux PART to
meet 1 xcomp VERB meet - VB
Girard 3 dobj PROPN Girard PERSON
. 1 punct PUNCT .
"""

IF_THEY_AGREE_AT_TALKS = """
A 1 det DET a
deal 2 nsubj NOUN deal - NN
is 2 ROOT AUX be - VBZ
possible 2 acomp ADJ possible - JJ
if 6 mark SCONJ if
Vasquez 6 nsubj PROPN Vasquez PERSON
is 2 advcl AUX be - VBZ
able 6 acomp ADJ able - JJ
to 9 aux PART to
reach 7 xcomp VERB reach - VB
agreement 9 dobj NOUN agreement - NN
at 9 prep ADP at
the 13 det DET the
talks 11 pobj NOUN talk - NNS
with 13 prep ADP with
Whitcomb 14 pobj PROPN Whitcomb PERSON
. 2 punct PUNCT .
"""


@pytest.mark.parametrize(
    ("spec", "status"),
    [
        (IN_LONDON_TO_MEET, "planned"),
        (RETURNED_TO_MEET, "planned"),
        (WHEN_X_MEETS_Y, "planned"),
        (WHEN_X_MET_Y, "occurred"),
        (REFUSED_TO_MEET, "negated"),
    ],
    ids=["in-london-to-meet", "returned-to-meet", "when-x-meets", "when-x-met", "refused-to-meet"],
)
def test_status_in_real_phrasing(spec: str, status: str, knowledge: Knowledge) -> None:
    meets = [event for event in consults(spec, knowledge) if event.trigger.startswith("me")]
    assert [event.status.value for event in meets] == [status]


def test_talks_inside_an_if_clause_are_hypothetical(knowledge: Knowledge) -> None:
    (event,) = consults(IF_THEY_AGREE_AT_TALKS, knowledge)
    assert event.status.value == "hypothetical"


EXCHANGED = """
Whitcomb 1 nsubj PROPN Whitcomb PERSON
exchanged 1 ROOT VERB exchange - VBD
{object} 1 dobj NOUN {lemma}
with 1 prep ADP with
Okoro 3 pobj PROPN Okoro PERSON
. 1 punct PUNCT .
"""

IN_TOUCH = """
Whitcomb 1 nsubj PROPN Whitcomb PERSON
{verb} 1 ROOT VERB {verb_lemma} - VBD
{prep} 1 {prep_dep} ADP {prep}
touch {touch_head} {touch_dep} NOUN touch
with 3 prep ADP with
Okoro 4 pobj PROPN Okoro PERSON
. 1 punct PUNCT .
"""


@pytest.mark.parametrize(
    ("spec", "mode"),
    [
        (EXCHANGED.format(object="letters", lemma="letter"), "phone"),
        (EXCHANGED.format(object="messages", lemma="message"), "phone"),
        (EXCHANGED.format(object="views", lemma="view"), "meet"),
        (EXCHANGED.format(object="fire", lemma="fire"), None),
        (EXCHANGED.format(object="prisoners", lemma="prisoner"), None),
        (
            IN_TOUCH.format(
                verb="remained",
                verb_lemma="remain",
                prep="in",
                prep_dep="prep",
                touch_head=2,
                touch_dep="pobj",
            ),
            "phone",
        ),
        (
            IN_TOUCH.format(
                verb="lost",
                verb_lemma="lose",
                prep="all",
                prep_dep="det",
                touch_head=1,
                touch_dep="dobj",
            ),
            None,
        ),
    ],
    ids=["letters", "messages", "views", "fire", "prisoners", "in-touch", "lost-touch"],
)
def test_exchanges_and_keeping_in_touch(spec: str, mode: str | None, knowledge: Knowledge) -> None:
    found = consults(spec, knowledge)
    assert [event.mode for event in found] == ([mode] if mode else [])
    if mode:
        assert names(found[0]) == {"Whitcomb", "Okoro"}


TROOPS_VISITED = """
American 1 amod ADJ american NORP:USA
troops 2 nsubj NOUN troop
visited 2 ROOT VERB visit - VBD
Kuwait 2 dobj PROPN Kuwait GPE
. 2 punct PUNCT .
"""


def test_troops_on_a_visit_are_no_contact(knowledge: Knowledge) -> None:
    assert consults(TROOPS_VISITED, knowledge) == []


DATELINED = """
{city} 5 npadvmod PROPN {city} GPE
, 0 punct PUNCT ,
Kenya 0 appos PROPN Kenya GPE:KEN
— 5 punct PUNCT —
Kenya 5 nsubj PROPN Kenya GPE:KEN
{verb} 5 ROOT VERB {lemma} - VBD
Vasquez 5 dobj PROPN Vasquez PERSON
. 5 punct PUNCT .
"""


@pytest.mark.parametrize(
    ("city", "verb", "lemma", "venue"),
    [
        ("NAIROBI", "hosted", "host", "Nairobi"),
        ("DALLAS", "hosted", "host", None),
        ("NAIROBI", "met", "meet", None),
    ],
    ids=["host-in-dateline-city", "host-elsewhere", "a-meeting-anywhere"],
)
def test_the_dateline_city_is_the_venue_only_where_the_host_is(
    city: str, verb: str, lemma: str, venue: str | None, knowledge: Knowledge
) -> None:
    (event,) = consults(DATELINED.format(city=city, verb=verb, lemma=lemma), knowledge)
    assert (event.location.name if event.location else None) == venue


CALL_AT_A_CONFERENCE = """
The 1 det DET the
call 3 nsubjpass NOUN call - NN
was 3 auxpass AUX be - VBD
made 3 ROOT VERB make - VBN
by 3 agent ADP by
Fischer 4 pobj PROPN Fischer PERSON
at 3 prep ADP at
a 9 det DET a
{modifier} 9 compound NOUN {modifier}
conference 6 pobj NOUN conference - NN
. 3 punct PUNCT .
"""


@pytest.mark.parametrize(
    ("modifier", "found"),
    [("news", 0), ("press", 0), ("peace", 1)],
    ids=["news-conference", "press-conference", "peace-conference"],
)
def test_a_one_sided_call_at_a_news_conference_is_no_contact(
    modifier: str, found: int, knowledge: Knowledge
) -> None:
    assert len(consults(CALL_AT_A_CONFERENCE.format(modifier=modifier), knowledge)) == found


BODY_THAT_REPORTS = """
The 2 det DET the
National 2 compound PROPN National ORG
Conference 6 nsubj PROPN conference +ORG
of 2 prep ADP of +ORG
State 5 compound PROPN State +ORG
Legislatures 3 pobj PROPN Legislatures +ORG
reports 6 ROOT VERB report - VBZ
. 6 punct PUNCT .
"""

PLAINTIFF_ON_THE_PHONE = """
The 1 det DET the
plaintiff 3 nsubj NOUN plaintiff
Doe 1 appos PROPN Doe PERSON
spoke 3 ROOT VERB speak - VBD
by 3 prep ADP by
phone 4 pobj NOUN phone
with 3 prep ADP with
Whitcomb 6 pobj PROPN Whitcomb PERSON
. 3 punct PUNCT .
"""


def test_an_organisation_named_like_a_meeting_is_no_contact(knowledge: Knowledge) -> None:
    assert consults(BODY_THAT_REPORTS, knowledge) == []


def test_a_plaintiff_on_the_phone_is_no_contact(knowledge: Knowledge) -> None:
    assert consults(PLAINTIFF_ON_THE_PHONE, knowledge) == []


PLANNING_A_TRIP_TO_MEET = """
Okafor 1 nsubj PROPN Okafor PERSON
plans 1 ROOT VERB plan - VBZ
a 3 det DET a
trip 1 dobj NOUN trip - NN
to 3 prep ADP to
Nairobi 4 pobj PROPN Nairobi GPE:geonames:184745
to 7 aux PART to
meet 1 advcl VERB meet - VB
Vasquez 7 dobj PROPN Vasquez PERSON
. 1 punct PUNCT .
"""


def test_a_planned_trip_to_meet_is_one_contact(knowledge: Knowledge) -> None:
    (event,) = consults(PLANNING_A_TRIP_TO_MEET, knowledge)
    assert {"Okafor", "Vasquez"} <= names(event)
    assert event.status.value == "planned"


MANY_SIDED = """
{modifier} 1 amod ADJ {modifier}
negotiations 2 nsubj NOUN negotiation - NNS
continued 2 ROOT VERB continue - VBD
between 1 prep ADP between
Spain 3 pobj PROPN Spain GPE:ESP
and 4 cc CCONJ and
the 7 det DET the
{number} 8 nummod NUM {number}
states 4 conj NOUN state - NNS
. 2 punct PUNCT .
"""


@pytest.mark.parametrize(
    ("modifier", "number", "mode"),
    [
        ("international", "two", "multilateral"),
        ("direct", "four", "multilateral"),
        ("direct", "two", "meet"),
    ],
    ids=["international", "four-states", "two-states"],
)
def test_contacts_of_many_states_are_multilateral(
    modifier: str, number: str, mode: str, knowledge: Knowledge
) -> None:
    found = consults(MANY_SIDED.format(modifier=modifier, number=number), knowledge)
    assert [event.mode for event in found] == [mode]


LEFT_FOR = """
Okafor 1 nsubj PROPN Okafor PERSON
left 1 ROOT VERB leave - VBD
for 1 prep ADP for
{where} 2 pobj {pos} {where} {ent}
. 1 punct PUNCT .
"""


@pytest.mark.parametrize(
    ("where", "pos", "ent", "found"),
    [("Nairobi", "PROPN", "GPE:geonames:184745", ["visit"]), ("good", "ADJ", "-", [])],
    ids=["left-for-juba", "left-for-good"],
)
def test_leaving_for_a_capital_is_a_visit(
    where: str, pos: str, ent: str, found: list[str], knowledge: Knowledge
) -> None:
    spec = LEFT_FOR.format(where=where, pos=pos, ent=ent)
    assert [event.mode for event in consults(spec, knowledge)] == found


ANY_TALKS = """
Vasquez 1 nsubj PROPN Vasquez PERSON
wants 1 ROOT VERB want - VBZ
{det} 3 det DET {det}
talks 1 dobj NOUN talk - NNS
with 3 prep ADP with
Whitcomb 4 pobj PROPN Whitcomb PERSON
. 1 punct PUNCT .
"""

NOT_ANY_TALKS = """
Vasquez 3 nsubj PROPN Vasquez PERSON
will 3 aux AUX will - MD
not 3 neg PART not
join 3 ROOT VERB join - VB
any 5 det DET any
talks 3 dobj NOUN talk - NNS
with 5 prep ADP with
Whitcomb 6 pobj PROPN Whitcomb PERSON
. 3 punct PUNCT .
"""


def test_any_talks_are_no_contact_in_particular_unless_refused(knowledge: Knowledge) -> None:
    assert consults(ANY_TALKS.format(det="any"), knowledge) == []
    assert [e.status.value for e in consults(ANY_TALKS.format(det="the"), knowledge)] != []
    assert [e.status.value for e in consults(NOT_ANY_TALKS, knowledge)] == ["negated"]


OWN_PARTNERSHIP = """
The 2 det DET the
United 2 compound PROPN United GPE:USA
States 3 nsubj PROPN States +GPE
warned 3 ROOT VERB warn
Kenya 3 dobj PROPN Kenya GPE:KEN
. 3 punct PUNCT .
Spain 8 nsubj PROPN Spain GPE:ESP
has 8 aux AUX have
strengthened 8 ROOT VERB strengthen
its 10 poss PRON its
partnership 8 dobj NOUN partnership
with 10 prep ADP with
Kenya 11 pobj PROPN Kenya GPE:KEN
. 8 punct PUNCT .
"""


def test_a_possessive_in_its_own_clause_is_that_clauses_subject(knowledge: Knowledge) -> None:
    # "Spain has strengthened its partnership": 'its' is Spain, not the last state named
    doc = parse(OWN_PARTNERSHIP)
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    (event,) = [e for e in found if e.event == "COOPERATE"]
    assert [a.name for a in event.actors] == ["Spain"]
    assert [r.name for r in event.recipients] == ["Kenya"]
