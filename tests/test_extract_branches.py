"""Extraction branches tuned on real articles, pinned on hand-built parses (no statistical model):
answered back-references, names the parser folded into one phrase, AID modes, member lists."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from spacy.tokens import Doc

import handbuilt
from eventx import resources
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.extract.person import repair_person_ents
from eventx.schema import Document, Event, GazetteerEntry

COUNTRIES = {
    "MLI": "Mali",
    "FRA": "France",
    "NOR": "Norway",
    "UKR": "Ukraine",
    "NER": "Niger",
    "BFA": "Burkina Faso",
}
VOCAB = handbuilt.VOCAB


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    entries = [
        GazetteerEntry(id=code, label="GPE", name=name, kind="country", country=code)
        for code, name in COUNTRIES.items()
    ]
    entries.append(
        GazetteerEntry(
            id="title.foreign_minister",
            label="TITLE",
            name="Foreign Minister",
            kind="title",
            title="Foreign Minister",
            sector="GOV",
        )
    )
    return Knowledge(
        gazetteer=MappingProxyType({entry.id: entry for entry in entries}),
        triggers=resources.trigger_rules(),
        topics=resources.topic_rules(),
        lexicons=resources.lexicon_rules(),
    )


def parse(spec: str) -> Doc:
    return handbuilt.parse(spec, columns=("word", "head", "dep", "pos", "tag", "lemma", "ent"))


def events(spec: str, knowledge: Knowledge) -> list[Event]:
    doc = parse(spec)
    return doc_events(doc, Document(doc_id="branches", text=doc.text), knowledge)


def only(found: list[Event], event_type: str) -> Event:
    (event,) = [event for event in found if event.event == event_type]
    return event


# --- 'rejected the accusation': the target is whoever made it

ACCUSED_THEN = """
Mali 1 nsubj PROPN NNP Mali GPE:MLI
accused 1 ROOT VERB VBD accuse
France 1 dobj PROPN NNP France GPE:FRA
of 1 prep ADP IN of
interference 3 pobj NOUN NN interference
. 1 punct PUNCT . .
France 7 nsubj PROPN NNP France GPE:FRA
rejected 7 ROOT VERB VBD reject
{determiner} 9 det DET DT {determiner}
{noun} 7 dobj NOUN NN {noun}
. 7 punct PUNCT . .
"""


def test_rejecting_the_accusation_answers_the_accuser(knowledge: Knowledge) -> None:
    spec = ACCUSED_THEN.format(determiner="the", noun="accusation")
    rejection = only(events(spec, knowledge), "REJECT")
    assert [a.name for a in rejection.actors] == ["France"]
    assert [(r.name, r.text) for r in rejection.recipients] == [("Mali", "accusation")]


def test_an_accusation_without_a_definite_article_refers_to_nothing_earlier(
    knowledge: Knowledge,
) -> None:
    spec = ACCUSED_THEN.format(determiner="an", noun="accusation")
    found = events(spec, knowledge)
    assert all(r.name != "Mali" for e in found if e.event == "REJECT" for r in e.recipients)


def test_a_noun_of_another_event_type_does_not_answer_the_accuser(knowledge: Knowledge) -> None:
    spec = ACCUSED_THEN.format(determiner="the", noun="ultimatum")
    found = events(spec, knowledge)
    assert all(r.name != "Mali" for e in found if e.event == "REJECT" for r in e.recipients)


# --- 'Tran Quoc Hung and Park Ji-won met': the parser folded the pair into one name phrase

FOLDED = """
Tran 2 compound PROPN NNP Tran PERSON
Quoc 2 compound PROPN NNP Quoc +PERSON
Hung 5 compound PROPN NNP Hung +PERSON
{joint} 5 {joint_dep} {joint_pos} {joint_tag} {joint}
Park 5 compound PROPN NNP Park PERSON
Ji-won 6 nsubj PROPN NNP Ji-won +PERSON
met 6 ROOT VERB VBD meet
. 6 punct PUNCT . .
"""


def test_names_folded_into_modifiers_are_both_participants(knowledge: Knowledge) -> None:
    spec = FOLDED.format(joint="and", joint_dep="cc", joint_pos="CCONJ", joint_tag="CC")
    meeting = only(events(spec, knowledge), "CONSULT")
    assert sorted(a.name for a in meeting.actors) == ["Park Ji-won", "Tran Quoc Hung"]
    assert meeting.mode == "meet" and not meeting.recipients


def test_names_without_and_between_them_are_not_split_into_two_people(
    knowledge: Knowledge,
) -> None:
    spec = FOLDED.format(joint=",", joint_dep="punct", joint_pos="PUNCT", joint_tag=",")
    assert not [e for e in events(spec, knowledge) if e.event == "CONSULT"]


# --- AID modes: what is given decides

PLEDGED = """
Norway 1 nsubj PROPN NNP Norway GPE:NOR
pledged 1 ROOT VERB VBD pledge
{kind} 3 amod ADJ JJ {kind}
aid 1 dobj NOUN NN aid
to 1 prep ADP IN to
Ukraine 4 pobj PROPN NNP Ukraine GPE:UKR
. 1 punct PUNCT . .
"""


@pytest.mark.parametrize(
    ("kind", "mode"),
    [
        ("military", "military"),
        ("humanitarian", "humanitarian"),
        ("economic", "economic"),
        ("emergency", "humanitarian"),
        ("additional", None),
    ],
)
def test_aid_mode_follows_what_is_given(knowledge: Knowledge, kind: str, mode: str | None) -> None:
    aid = only(events(PLEDGED.format(kind=kind), knowledge), "AID")
    assert aid.mode == mode
    assert [(a.name, r.name) for a in aid.actors for r in aid.recipients] == [("Norway", "Ukraine")]


def test_weapons_make_aid_military_before_money_makes_it_economic(knowledge: Knowledge) -> None:
    spec = """
Norway 1 nsubj PROPN NNP Norway GPE:NOR
pledged 1 ROOT VERB VBD pledge
million 3 compound NUM CD million
euros 1 dobj NOUN NNS euro
in 3 prep ADP IN in
weapons 4 pobj NOUN NNS weapon
to 1 prep ADP IN to
Ukraine 6 pobj PROPN NNP Ukraine GPE:UKR
. 1 punct PUNCT . .
"""
    aid = only(events(spec, knowledge), "AID")
    assert aid.mode == "military"


# --- 'several governments, including Mali and Niger': the members are governments

LISTED = """
France 1 nsubj PROPN NNP France GPE:FRA
accused 1 ROOT VERB VBD accuse
several 3 amod ADJ JJ several
governments 1 dobj NOUN NNS government
, 3 punct PUNCT , ,
{word} 3 prep {pos} {tag} {word}
Mali 5 pobj PROPN NNP Mali GPE:MLI
and 6 cc CCONJ CC and
Niger 6 conj PROPN NNP Niger GPE:NER
. 1 punct PUNCT . .
"""


@pytest.mark.parametrize(
    ("word", "pos", "tag"),
    [("including", "VERB", "VBG"), ("notably", "ADV", "RB"), ("like", "ADP", "IN")],
)
def test_countries_listed_under_governments_are_their_governments(
    knowledge: Knowledge, word: str, pos: str, tag: str
) -> None:
    accusation = only(events(LISTED.format(word=word, pos=pos, tag=tag), knowledge), "ACCUSE")
    assert [(r.name, r.kind) for r in accusation.recipients] == [
        ("Mali", "government"),
        ("Niger", "government"),
    ]


# --- person repair: names the rulers or the NER took for places or bodies

CITY = GazetteerEntry(id="geonames:1", label="GPE", name="Lima", kind="city", country="PER")
CAPITAL = CITY.model_copy(update={"capital_of": "PER"})


def person_knowledge(knowledge: Knowledge, *entries: GazetteerEntry) -> Knowledge:
    gazetteer = {**knowledge.gazetteer, **{entry.id: entry for entry in entries}}
    return Knowledge(
        gazetteer=MappingProxyType(gazetteer),
        triggers=knowledge.triggers,
        topics=knowledge.topics,
        lexicons=knowledge.lexicons,
    )


def people(doc: Doc, knowledge: Knowledge) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in repair_person_ents(doc, knowledge)]


GIVEN_NAME_AND_CITY = """
Maria 1 compound PROPN NNP Maria
Lima 2 nsubj PROPN NNP Lima GPE:geonames:1
arrived 2 ROOT VERB VBD arrive
. 2 punct PUNCT . .
Lima 5 nsubj PROPN NNP Lima GPE:geonames:1
said 5 ROOT VERB VBD say
. 5 punct PUNCT . .
"""


def test_a_given_name_before_a_city_makes_a_person_and_the_surname_follows(
    knowledge: Knowledge,
) -> None:
    doc = parse(GIVEN_NAME_AND_CITY)
    assert people(doc, person_knowledge(knowledge, CITY)) == [
        ("Maria Lima", "PERSON"),
        ("Lima", "PERSON"),
    ]


def test_a_capital_after_a_given_name_stays_a_place(knowledge: Knowledge) -> None:
    doc = parse(GIVEN_NAME_AND_CITY)
    assert people(doc, person_knowledge(knowledge, CAPITAL)) == [("Lima", "GPE"), ("Lima", "GPE")]


def test_a_city_right_after_a_title_is_a_surname(knowledge: Knowledge) -> None:
    doc = parse("""
Foreign 1 compound PROPN NNP Foreign TITLE:title.foreign_minister
Minister 2 compound PROPN NNP Minister +TITLE
Lima 3 nsubj PROPN NNP Lima GPE:geonames:1
arrived 3 ROOT VERB VBD arrive
. 3 punct PUNCT . .
""")
    assert people(doc, person_knowledge(knowledge, CITY)) == [
        ("Foreign Minister", "TITLE"),
        ("Lima", "PERSON"),
    ]


def test_a_place_name_before_a_person_is_their_given_name(knowledge: Knowledge) -> None:
    doc = parse("""
Jordan 1 compound PROPN NNP Jordan GPE:MLI
Ellis 2 nsubj PROPN NNP Ellis PERSON
arrived 2 ROOT VERB VBD arrive
. 2 punct PUNCT . .
""")
    assert people(doc, knowledge) == [("Jordan Ellis", "PERSON")]


def test_two_person_names_with_nothing_between_are_one_person(knowledge: Knowledge) -> None:
    # the small NER often cuts a three-word name in two ('Amani Kiwelu' + 'Mrema')
    doc = parse("""
Amani 2 compound PROPN NNP Amani PERSON
Kiwelu 2 compound PROPN NNP Kiwelu +PERSON
Mrema 3 nsubj PROPN NNP Mrema PERSON
arrived 3 ROOT VERB VBD arrive
. 3 punct PUNCT . .
""")
    assert people(doc, knowledge) == [("Amani Kiwelu Mrema", "PERSON")]


def test_person_names_split_by_a_comma_or_and_stay_apart(knowledge: Knowledge) -> None:
    doc = parse("""
Kiwelu 3 nsubj PROPN NNP Kiwelu PERSON
and 0 cc CCONJ CC and
Mrema 0 conj PROPN NNP Mrema PERSON
arrived 3 ROOT VERB VBD arrive
. 3 punct PUNCT . .
""")
    assert people(doc, knowledge) == [("Kiwelu", "PERSON"), ("Mrema", "PERSON")]


def test_a_datelines_dash_splits_an_entity_into_place_and_person(knowledge: Knowledge) -> None:
    # the small NER takes 'HARARE — Tendai Moyo' for one organization
    doc = parse("""
HARARE 4 npadvmod PROPN NNP Harare ORG
— 0 punct PUNCT : — +ORG
Tendai 3 compound PROPN NNP Tendai +ORG
Moyo 4 nsubj PROPN NNP Moyo +ORG
spoke 4 ROOT VERB VBD speak
. 4 punct PUNCT . .
""")
    assert people(doc, knowledge) == [("HARARE", "GPE"), ("Tendai Moyo", "PERSON")]


def test_a_possessive_pronoun_opening_a_name_is_no_part_of_it(knowledge: Knowledge) -> None:
    doc = parse("""
Its 1 poss PRON PRP$ its ORG
Department 4 nsubj PROPN NNP Department +ORG
of 1 prep ADP IN of +ORG
Transport 2 pobj PROPN NNP Transport +ORG
pledged 4 ROOT VERB VBD pledge
. 4 punct PUNCT . .
""")
    assert people(doc, knowledge) == [("Department of Transport", "ORG")]


NAMES_LISTED = """
Obama 3 nsubj PROPN NNP Obama PERSON:person.barack_obama
, 0 punct PUNCT , ,
{second} 0 conj PROPN NNP {second} -
met 3 ROOT VERB VBD meet
. 3 punct PUNCT . .
"""


def test_a_bare_name_listed_with_a_known_person_is_a_person(knowledge: Knowledge) -> None:
    assert ("Park", "PERSON") in people(parse(NAMES_LISTED.format(second="Park")), knowledge)


def test_a_month_listed_with_a_person_stays_a_month(knowledge: Knowledge) -> None:
    found = people(parse(NAMES_LISTED.format(second="Aug")), knowledge)
    assert found == [("Obama", "PERSON")]


def test_a_name_cut_at_a_hyphen_is_made_whole(knowledge: Knowledge) -> None:
    doc = Doc(
        VOCAB,
        words=["Kim", "Min", "-", "jun", "arrived", "."],
        spaces=[True, False, False, True, False, False],
        pos=["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"],
        heads=[1, 4, 3, 1, 4, 4],
        deps=["compound", "nsubj", "punct", "compound", "ROOT", "punct"],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    assert people(doc, knowledge) == [("Kim Min-jun", "PERSON")]


APPOSITION = """
the 1 det DET DT the
Chairperson 10 nsubj NOUN NN chairperson
of 1 prep ADP IN of
the 4 det DET DT the
Commission 2 pobj PROPN NNP Commission ORG
, 1 punct PUNCT , ,
{first} 8 compound PROPN NNP {first} ORG
{second} 8 compound PROPN NNP {second} +ORG
{third} 1 appos PROPN NNP {third} +ORG
, 1 punct PUNCT , ,
spoke 10 ROOT VERB VBD speak
. 10 punct PUNCT . .
"""


def test_a_name_in_apposition_the_ner_took_for_a_body_is_a_person(knowledge: Knowledge) -> None:
    doc = parse(APPOSITION.format(first="Jane", second="Doe", third="Sánchez"))
    assert ("Jane Doe Sánchez", "PERSON") in people(doc, knowledge)


def test_a_body_in_apposition_stays_a_body(knowledge: Knowledge) -> None:
    doc = parse(APPOSITION.format(first="Central", second="Reserve", third="Bank"))
    assert ("Central Reserve Bank", "ORG") in people(doc, knowledge)


def test_capitalised_words_after_a_title_are_a_name(knowledge: Knowledge) -> None:
    doc = parse("""
Foreign 1 compound PROPN NNP Foreign TITLE:title.foreign_minister
Minister 3 compound PROPN NNP Minister +TITLE
Richard 3 compound PROPN NNP Richard
Roe 4 nsubj PROPN NNP Roe
arrived 4 ROOT VERB VBD arrive
. 4 punct PUNCT . .
""")
    assert ("Richard Roe", "PERSON") in people(doc, knowledge)


# --- who a noun phrase stands for: a country's groups, bodies, and the person with a title

GROUP_ACCUSES = """
Malian 1 amod ADJ JJ malian NORP:MLI
{noun} 2 nsubj NOUN NNS {lemma}
accused 2 ROOT VERB VBD accuse
France 2 dobj PROPN NNP France GPE:FRA
. 2 punct PUNCT . .
"""


def test_a_country_s_rebels_are_an_armed_group_of_that_country(knowledge: Knowledge) -> None:
    spec = GROUP_ACCUSES.format(noun="rebels", lemma="rebel")
    (actor,) = only(events(spec, knowledge), "ACCUSE").actors
    assert (actor.name, actor.kind, actor.country) == ("Malian rebels", "group", "MLI")


@pytest.mark.parametrize(
    ("noun", "lemma"),
    [("diplomats", "diplomat"), ("ambassadors", "ambassador"), ("interlocutors", "interlocutor")],
)
def test_a_country_s_diplomats_are_its_government(
    knowledge: Knowledge, noun: str, lemma: str
) -> None:
    spec = GROUP_ACCUSES.format(noun=noun, lemma=lemma)
    (actor,) = only(events(spec, knowledge), "ACCUSE").actors
    assert (actor.name, actor.kind, actor.country) == ("Mali", "government", "MLI")


@pytest.mark.parametrize(
    ("noun", "lemma"),
    [("lawmakers", "lawmaker"), ("senators", "senator"), ("MPs", "mp"), ("deputies", "deputy")],
)
def test_a_country_s_legislators_are_its_legislature_not_its_government(
    knowledge: Knowledge, noun: str, lemma: str
) -> None:
    spec = GROUP_ACCUSES.format(noun=noun, lemma=lemma)
    (actor,) = only(events(spec, knowledge), "ACCUSE").actors
    assert (actor.name, actor.kind, actor.country, actor.sector) == (
        f"Malian {noun}",
        "group",
        "MLI",
        "LEG",
    )


# Obama phoned Texas Governor Greg Abbott.
STATE_GOVERNOR = """
Obama 1 nsubj PROPN NNP Obama PERSON
phoned 1 ROOT VERB VBD phone
Texas 3 compound PROPN NNP Texas GPE:state.usa.texas
Governor 5 compound PROPN NNP Governor TITLE:title.governor
Greg 5 compound PROPN NNP Greg PERSON
Abbott 1 dobj PROPN NNP Abbott +PERSON
. 1 punct PUNCT . .
"""


def test_a_title_of_a_state_or_province_gives_its_holder_the_country() -> None:
    # "Texas Governor" as "Paris Mayor": the country the state lies in, not no country.
    entries = [
        GazetteerEntry(id="USA", label="GPE", name="United States", kind="country", country="USA"),
        GazetteerEntry(
            id="state.usa.texas", label="GPE", name="Texas", kind="state", country="USA"
        ),
        GazetteerEntry(
            id="title.governor", label="TITLE", name="Governor", kind="title", title="Governor"
        ),
    ]
    knowledge = handbuilt.small_knowledge(entries)
    call = only(events(STATE_GOVERNOR, knowledge), "CONSULT")
    assert [(r.name, r.country) for r in call.recipients] == [("Greg Abbott", "USA")]


# Malian lawmakers urged the Malian government to act.
LAWMAKERS_URGE = """
Malian 1 amod ADJ JJ malian NORP:MLI
lawmakers 2 nsubj NOUN NNS lawmaker
urged 2 ROOT VERB VBD urge
the 5 det DET DT the
Malian 5 amod ADJ JJ malian NORP:MLI
government 2 dobj NOUN NN government
to 7 aux PART TO to
act 2 xcomp VERB VB act
. 2 punct PUNCT . .
"""


def test_lawmakers_can_address_their_own_government(knowledge: Knowledge) -> None:
    # As one state, the appeal had no addressee: a state is no counterpart of itself.
    request = only(events(LAWMAKERS_URGE, knowledge), "REQUEST")
    assert [(a.name, a.sector) for a in request.actors] == [("Malian lawmakers", "LEG")]
    assert [(r.name, r.country) for r in request.recipients] == [("Mali", "MLI")]


ACCUSES_BODY = """
Mali 1 nsubj PROPN NNP Mali GPE:MLI
accused 1 ROOT VERB VBD accuse
Sahel 4 compound PROPN NNP Sahel ORG
{middle} 4 compound PROPN NNP {middle} +ORG
{last} 1 dobj PROPN NNP {last} +ORG
. 1 punct PUNCT . .
"""


def test_a_company_is_never_a_party(knowledge: Knowledge) -> None:
    spec = ACCUSES_BODY.format(middle="Mining", last="Company")
    assert only(events(spec, knowledge), "ACCUSE").recipients == []


def test_a_body_the_rules_do_not_know_is_an_organization(knowledge: Knowledge) -> None:
    spec = ACCUSES_BODY.format(middle="Liberation", last="Front")
    (body,) = only(events(spec, knowledge), "ACCUSE").recipients
    assert (body.name, body.kind, body.country) == ("Sahel Liberation Front", "organization", None)


def test_the_minister_is_the_one_person_the_text_gave_that_title(knowledge: Knowledge) -> None:
    found = events(
        """
Foreign 1 compound PROPN NNP Foreign TITLE:title.foreign_minister
Minister 3 compound PROPN NNP Minister +TITLE
Jane 3 compound PROPN NNP Jane PERSON
Doe 4 nsubj PROPN NNP Doe +PERSON
accused 4 ROOT VERB VBD accuse
France 4 dobj PROPN NNP France GPE:FRA
. 4 punct PUNCT . .
The 8 det DET DT the
minister 9 nsubj NOUN NN minister
accused 9 ROOT VERB VBD accuse
Niger 9 dobj PROPN NNP Niger GPE:NER
. 9 punct PUNCT . .
""",
        knowledge,
    )
    later = [e for e in found if e.event == "ACCUSE" and e.recipients[0].name == "Niger"]
    (minister,) = later[0].actors
    assert (minister.name, minister.kind, minister.title, minister.text) == (
        "Jane Doe",
        "person",
        "Foreign Minister",
        "The minister",
    )
