"""Names at the right level and national bodies with their country.

A monarch introduced with a regnal number ('King Mohammed VI') is the same person when the
story later drops it ('Mohammed', 'King Mohammed'), so the later mention keeps his country.
A state's own bodies that wire copy names bare (a party's national committee, a caucus of its
legislature, an agency, an intelligence service) are knowledge-file entries with their state,
and an office before a name ('Acting Director X') is the person's title, not part of the name.
A body named through 'its' ('its Foreign Ministry') belongs to the state the pronoun stands for.
A navy's ship named by its prefix ('USS ...', 'HMS ...') is that navy, with its state.
A bare office under a dateline is the dateline country's own, but not for a visitor: one who
arrives where the story is filed, comes from another country, or meets a local 'counterpart'.
A ministry named bare is the one whose minister the story named before, when all such agree.
Legislators found at a seat of government or a capital ('on Capitol Hill') are that state's.
A story filed from a seat or a national body ('CAPITOL HILL —', 'PENTAGON —') is that state's
story, and any legislative office named bare ('the majority leader') is its legislature's.

Each mechanism is tested on a hand-built parse (no model), and through the parser on texts
written in the style of wire copy."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.components.rules import shipped_knowledge
from eventx.extract import doc_events
from eventx.extract.actor import resolve_actor
from eventx.extract.context import DocContext
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import events_of, parse, small_knowledge

Extract = Callable[..., list[Event]]

MOROCCO = GazetteerEntry(id="MAR", label="GPE", name="Morocco", kind="country", country="MAR")
SPAIN = GazetteerEntry(id="ESP", label="GPE", name="Spain", kind="country", country="ESP")

# Morocco's King Hassan IV thanked Spain . Hassan praised Spain .
REGNAL = """
Morocco 4 poss PROPN Morocco GPE:MAR NNP
's 0 case PART 's - POS
King 4 compound PROPN King TITLE NNP
Hassan 4 compound PROPN Hassan PERSON NNP
IV 5 nsubj PROPN IV +PERSON NNP
thanked 5 ROOT VERB thank - VBD
Spain 5 dobj PROPN Spain GPE:ESP NNP
. 5 punct PUNCT . - .
Hassan 9 nsubj PROPN Hassan PERSON NNP
praised 9 ROOT VERB praise - VBD
Spain 9 dobj PROPN Spain GPE:ESP NNP
. 9 punct PUNCT . - .
"""


def test_a_regnal_number_is_an_optional_part_of_the_name() -> None:
    knowledge = small_knowledge([MOROCCO, SPAIN])
    events = events_of(REGNAL, knowledge, "SUPPORT")
    assert [(e.actors[0].name, e.actors[0].country) for e in events] == [
        ("Hassan IV", "MAR"),
        ("Hassan IV", "MAR"),
    ]


def test_a_king_named_later_without_his_number_keeps_his_country(extract: Extract) -> None:
    text = (
        "King Abdullah II of Jordan held talks with German Chancellor Angela Merkel in Berlin "
        "on Tuesday. A day later, King Abdullah urged the European Union to do more for the "
        "refugees his country shelters, and Abdullah thanked Merkel for her help."
    )
    events = extract(text, date="2016-02-03")
    later = [e for e in events if e.event in {"REQUEST", "SUPPORT"}]
    assert later
    for event in later:
        assert [(a.name, a.country) for a in event.actors] == [("Abdullah II", "JOR")]


@pytest.mark.parametrize(
    ("entity_id", "country", "kind"),
    [
        ("org.usa.rnc", "USA", "group"),
        ("org.usa.dnc", "USA", "group"),
        ("gov.usa.congressional_hispanic_caucus", "USA", "government"),
        ("gov.usa.ice", "USA", "government"),
        ("gov.afg.nds", "AFG", "government"),
        ("gov.pak.isi", "PAK", "government"),
    ],
)
def test_a_national_body_named_bare_has_its_state(entity_id: str, country: str, kind: str) -> None:
    # The Body accused the Governor of lying .
    spec = f"""
The 1 det DET the - DT
Body 2 nsubj PROPN Body ORG:{entity_id} NNP
accused 2 ROOT VERB accuse - VBD
the 4 det DET the - DT
Governor 2 dobj PROPN Governor - NNP
of 2 prep ADP of - IN
lying 5 pcomp VERB lie - VBG
. 2 punct PUNCT . - .
"""
    (accusation,) = events_of(spec, shipped_knowledge(), "ACCUSE")
    (actor,) = accusation.actors
    assert (actor.country, actor.kind, actor.id) == (country, kind, entity_id)


# RNC officials accused the Governor of lying .
PARTY_OFFICIALS = """
RNC 1 compound PROPN RNC ORG:org.usa.rnc NNP
officials 2 nsubj NOUN official - NNS
accused 2 ROOT VERB accuse - VBD
the 4 det DET the - DT
Governor 2 dobj PROPN Governor - NNP
of 2 prep ADP of - IN
lying 5 pcomp VERB lie - VBG
. 2 punct PUNCT . - .
"""


def test_a_party_bodys_officials_are_the_body_named_by_the_whole_phrase() -> None:
    (accusation,) = events_of(PARTY_OFFICIALS, shipped_knowledge(), "ACCUSE")
    (actor,) = accusation.actors
    assert (actor.name, actor.country, actor.text) == (
        "Republican National Committee",
        "USA",
        "RNC officials",
    )


def test_national_bodies_and_an_acting_office_through_the_parser(extract: Extract) -> None:
    text = (
        "WASHINGTON — The Congressional Hispanic Caucus on Thursday urged the White House to "
        "halt the raids. ICE Acting Director Laura Kemp rejected the demand, and DNC officials "
        "accused the administration of targeting families."
    )
    events = extract(text, date="2018-06-14")
    parties = {(a.name, a.country, a.title) for e in events for a in e.actors}
    assert ("Congressional Hispanic Caucus", "USA", None) in parties
    assert ("Laura Kemp", "USA", "Acting Director") in parties
    assert ("Democratic National Committee", "USA", None) in parties


# NAIROBI — Speaker Jane Wanjiru accused the police of torture .
SPEAKER_UNDER_DATELINE = """
NAIROBI 5 npadvmod PROPN Nairobi GPE:nairobi NNP
— 5 punct PUNCT — - :
Speaker 4 compound PROPN Speaker TITLE:title.speaker NNP
Jane 4 compound PROPN Jane PERSON NNP
Wanjiru 5 nsubj PROPN Wanjiru +PERSON NNP
accused 5 ROOT VERB accuse - VBD
the 7 det DET the - DT
police 5 dobj NOUN police - NN
of 5 prep ADP of - IN
torture 8 pobj NOUN torture - NN
. 5 punct PUNCT . - .
"""
NAIROBI = GazetteerEntry(id="nairobi", label="GPE", name="Nairobi", kind="city", country="KEN")
SPEAKER = GazetteerEntry(
    id="title.speaker", label="TITLE", name="Speaker", kind="title", title="Speaker", sector="LEG"
)


def test_a_speaker_named_bare_is_the_story_legislatures() -> None:
    kenya = GazetteerEntry(id="KEN", label="GPE", name="Kenya", kind="country", country="KEN")
    (accusation,) = events_of(
        SPEAKER_UNDER_DATELINE, small_knowledge([NAIROBI, kenya, SPEAKER]), "ACCUSE"
    )
    (actor,) = accusation.actors
    assert (actor.name, actor.title, actor.country) == ("Jane Wanjiru", "Speaker", "KEN")


def test_a_bare_speaker_and_a_visiting_one_through_the_parser(extract: Extract) -> None:
    text = (
        "WASHINGTON — Speaker Paul Ryan accused the White House on Tuesday of ignoring Congress. "
        "Ryan later met Ukrainian Speaker Andriy Parubiy at the Capitol."
    )
    events = extract(text, date="2017-03-08")
    parties = {(a.name, a.country) for e in events for a in (*e.actors, *e.recipients)}
    assert ("Paul Ryan", "USA") in parties
    assert ("Andriy Parubiy", "UKR") in parties


# Peru protested . Its Foreign Ministry summoned the ambassador .
ITS_MINISTRY = """
Peru 1 nsubj PROPN Peru GPE:PER NNP
protested 1 ROOT VERB protest - VBD
. 1 punct PUNCT . - .
Its 5 poss PRON its - PRP$
Foreign 5 compound PROPN Foreign ORG:org.{body} NNP
{last} 6 nsubj PROPN {last} +ORG NNP
summoned 6 ROOT VERB summon - VBD
the 8 det DET the - DT
ambassador 6 dobj NOUN ambassador - NN
. 6 punct PUNCT . - .
"""
PERU = GazetteerEntry(id="PER", label="GPE", name="Peru", kind="country", country="PER")
FOREIGN_MINISTRY = GazetteerEntry(
    id="org.foreign_ministry", label="ORG", name="Foreign Ministry", kind="ministry", sector="GOV"
)


@pytest.mark.parametrize(
    ("body", "last", "name"),
    [
        ("foreign_ministry", "Ministry", "Peru Foreign Ministry"),
        ("unknown", "Directorate", "Foreign Directorate"),  # a body the rules do not know
    ],
)
def test_a_body_named_through_its_belongs_to_the_state_before(
    body: str, last: str, name: str
) -> None:
    spec = ITS_MINISTRY.format(body=body, last=last)
    (summons,) = events_of(spec, small_knowledge([PERU, FOREIGN_MINISTRY]), "ACCUSE")[1:]
    (actor,) = summons.actors
    assert (actor.name, actor.country) == (name, "PER")


def test_its_after_a_party_that_is_no_state_gives_no_country() -> None:
    spec = ITS_MINISTRY.format(body="unknown", last="Directorate").replace(
        "Peru 1 nsubj PROPN Peru GPE:PER NNP", "Acme 1 nsubj PROPN Acme - NNP"
    )
    found = events_of(spec, small_knowledge([PERU, FOREIGN_MINISTRY]), "ACCUSE")
    assert all(a.country is None for e in found for a in e.actors)


# Peru 's economy grew . Its Foreign Ministry summoned the ambassador .
ITS_AFTER_A_THING = """
Peru 2 poss PROPN Peru GPE:PER NNP
's 0 case PART 's - POS
economy 3 nsubj NOUN economy - NN
grew 3 ROOT VERB grow - VBD
. 3 punct PUNCT . - .
Its 7 poss PRON its - PRP$
Foreign 7 compound PROPN Foreign ORG:org.foreign_ministry NNP
Ministry 8 nsubj PROPN Ministry +ORG NNP
summoned 8 ROOT VERB summon - VBD
the 10 det DET the - DT
ambassador 8 dobj NOUN ambassador - NN
. 8 punct PUNCT . - .
"""


def test_its_after_a_thing_of_a_state_is_that_states() -> None:
    (summons,) = events_of(ITS_AFTER_A_THING, small_knowledge([PERU, FOREIGN_MINISTRY]), "ACCUSE")
    (actor,) = summons.actors
    assert actor.country == "PER"


def test_a_body_named_through_its_through_the_parser(extract: Extract) -> None:
    text = (
        "Norway said on Thursday that its Ministry of Justice had signed an agreement with "
        "Sweden to share police records. Poland protested the move, and its Foreign Ministry "
        "summoned the Norwegian ambassador."
    )
    events = extract(text, date="2019-04-11")
    parties = {(a.text, a.country) for e in events for a in e.actors}
    assert ("Ministry of Justice", "NOR") in parties
    assert ("Foreign Ministry", "POL") in parties


# The cruiser USS Lake Erie entered the port .
NAMED_SHIP = """
The 1 det DET the - DT
{noun} 5 nsubj NOUN {noun} - NN
USS 4 compound PROPN USS ORG:gov.usa.navy NNP
Lake 4 compound PROPN Lake +ORG NNP
Erie 1 appos PROPN Erie +ORG NNP
entered 5 ROOT VERB enter - VBD
the 7 det DET the - DT
port 5 dobj NOUN port - NN
. 5 punct PUNCT . - .
"""


def test_a_ship_named_by_its_prefix_is_its_navy() -> None:
    doc = parse(NAMED_SHIP.format(noun="cruiser"))
    context = DocContext.build(doc, shipped_knowledge())
    actor = resolve_actor(doc[1], context)
    assert actor is not None
    assert (actor.name, actor.country, actor.sector, actor.text) == (
        "US Navy",
        "USA",
        "MIL",
        "USS Lake Erie",
    )
    doc = parse(NAMED_SHIP.format(noun="museum"))  # no craft: the apposition is not its name
    assert resolve_actor(doc[1], DocContext.build(doc, shipped_knowledge())) is None


def test_ships_by_their_prefixes_through_the_parser(extract: Extract) -> None:
    text = (
        "The guided-missile cruiser USS Lake Erie visited Manila on Tuesday. Russia "
        "accused the frigate HMS Montrose of entering its waters."
    )
    events = extract(text, date="2019-02-05")
    parties = {(a.text, a.country) for e in events for a in (*e.actors, *e.recipients)}
    assert ("USS Lake Erie", "USA") in parties
    assert ("HMS Montrose", "GBR") in parties


# NAIROBI — Minister Jane Wanjiru arrived {where} . Wanjiru accused the police of torture .
ARRIVAL_UNDER_DATELINE = """
NAIROBI 5 npadvmod PROPN Nairobi GPE:nairobi NNP
— 5 punct PUNCT — - :
Minister 4 compound PROPN Minister TITLE NNP
Jane 4 compound PROPN Jane PERSON NNP
Wanjiru 5 nsubj PROPN Wanjiru +PERSON NNP
arrived 5 ROOT VERB arrive - VBD
{where}. 5 punct PUNCT . - .
Wanjiru 1 nsubj PROPN Wanjiru PERSON NNP
accused 1 ROOT VERB accuse - VBD
the 3 det DET the - DT
police 1 dobj NOUN police - NN
of 1 prep ADP of - IN
torture 4 pobj NOUN torture - NN
. 1 punct PUNCT . - .
"""
MALI = GazetteerEntry(id="MLI", label="GPE", name="Mali", kind="country", country="MLI")


@pytest.mark.parametrize(
    ("where", "country"),
    [
        ("", None),  # arrived where the story is filed: a visitor
        ("from 5 prep ADP from - IN\nMali 6 pobj PROPN Mali GPE:MLI NNP\n", None),
        ("in 5 prep ADP in - IN\nMali 6 pobj PROPN Mali GPE:MLI NNP\n", "KEN"),  # went abroad
    ],
)
def test_a_visitor_under_a_dateline_is_not_the_datelines_official(
    where: str, country: str | None
) -> None:
    kenya = GazetteerEntry(id="KEN", label="GPE", name="Kenya", kind="country", country="KEN")
    spec = ARRIVAL_UNDER_DATELINE.format(where=where)
    doc = parse(spec, relative_heads=True)
    knowledge = small_knowledge([NAIROBI, kenya, MALI])
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    (accusation,) = [e for e in found if e.event == "ACCUSE"]
    (actor,) = accusation.actors
    assert (actor.name, actor.country) == ("Jane Wanjiru", country)


def test_visitors_under_a_dateline_through_the_parser(extract: Extract) -> None:
    text = (
        "LIMA — Foreign Minister Ana Quispe, who flew in from Bolivia on Sunday, met "
        "Peruvian President Martin Vizcarra on Monday. Defense Minister Raul Mamani held "
        "talks with his Peruvian counterpart the same day."
    )
    events = extract(text, date="2019-05-06")
    countries = {a.name: a.country for e in events for a in e.actors}
    assert countries.get("Ana Quispe", "absent") is None
    assert countries.get("Raul Mamani", "absent") is None


# {Nationality} Defense Minister Ana Quispe {spoke} . The Defense Ministry urged Chile to act .
MINISTER_THEN_MINISTRY = """
{nationality} 3 amod ADJ {nationality} NORP:{iso3} JJ
Defense 2 compound PROPN Defense TITLE:title.defense_minister NNP
Minister 3 compound PROPN Minister +TITLE NNP
Ana 3 compound PROPN Ana PERSON NNP
Quispe 4 nsubj PROPN Quispe +PERSON NNP
spoke 4 ROOT VERB speak - VBD
. 4 punct PUNCT . - .
The 2 det DET the - DT
Defense 2 compound PROPN Defense ORG:gov.defense_ministry NNP
Ministry 3 nsubj PROPN Ministry +ORG NNP
urged 3 ROOT VERB urge - VBD
Chile 3 dobj PROPN Chile GPE:CHL NNP
to 6 aux PART to - TO
act 3 xcomp VERB act - VB
. 3 punct PUNCT . - .
"""
DEFENSE_MINISTRY = GazetteerEntry(
    id="gov.defense_ministry",
    label="ORG",
    name="Defense Ministry",
    kind="ministry",
    sector="MIL",
    title="Defense Minister",
)
DEFENSE_MINISTER = GazetteerEntry(
    id="title.defense_minister",
    label="TITLE",
    name="Defense Minister",
    kind="title",
    title="Defense Minister",
    sector="MIL",
)
CHILE = GazetteerEntry(id="CHL", label="GPE", name="Chile", kind="country", country="CHL")
PERUVIAN = GazetteerEntry(id="PER", label="NORP", name="Peru", kind="country", country="PER")


def _ministry_request(nationality: str, iso3: str) -> Event:
    spec = MINISTER_THEN_MINISTRY.format(nationality=nationality, iso3=iso3)
    doc = parse(spec, relative_heads=True)
    knowledge = small_knowledge([PERUVIAN, CHILE, DEFENSE_MINISTRY, DEFENSE_MINISTER])
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    (request,) = [e for e in found if e.event == "REQUEST"]
    return request


def test_a_bare_ministry_is_the_one_its_minister_named_before_heads() -> None:
    (actor,) = _ministry_request("Peruvian", "PER").actors
    assert (actor.name, actor.country) == ("Peru Defense Ministry", "PER")


def test_a_bare_ministry_after_a_minister_of_no_known_country_has_none() -> None:
    (actor,) = _ministry_request("Andean", "XXX-unknown").actors
    assert actor.country is None


def test_bare_ministries_through_the_parser(extract: Extract) -> None:
    one = (
        "Peruvian Foreign Minister Ana Quispe met Chilean envoys in Santiago on Tuesday. "
        "Later the Foreign Ministry accused Bolivia of stalling the border talks."
    )
    countries = {a.text: a.country for e in extract(one) for a in e.actors}
    assert countries.get("Foreign Ministry") == "PER"
    two = (
        "Peruvian Foreign Minister Ana Quispe met Chilean Foreign Minister Luis Soto on "
        "Tuesday. Later the Foreign Ministry accused Bolivia of stalling the border talks."
    )
    countries = {a.text: a.country for e in extract(two) for a in e.actors}
    assert countries.get("Foreign Ministry", "absent") is None  # whose, is not clear


# Lawmakers {prep} Capitol Hill criticized the plan .
LEGISLATORS_AT = """
Lawmakers 4 nsubj NOUN lawmaker - NNS
{prep} 0 prep ADP {prep} - IN
Capitol 3 compound PROPN Capitol FAC:seat.capitol_hill NNP
Hill 1 pobj PROPN Hill +FAC NNP
criticized 4 ROOT VERB criticize - VBD
the 6 det DET the - DT
plan 4 dobj NOUN plan - NN
. 4 punct PUNCT . - .
"""
CAPITOL_HILL = GazetteerEntry(
    id="seat.capitol_hill", label="FAC", name="Capitol Hill", kind="seat", country="USA"
)


@pytest.mark.parametrize(("prep", "country"), [("on", "USA"), ("near", None)])
def test_legislators_at_a_seat_of_government_are_that_states(
    prep: str, country: str | None
) -> None:
    spec = LEGISLATORS_AT.format(prep=prep)
    (criticism,) = events_of(spec, small_knowledge([CAPITOL_HILL]), "ACCUSE")
    (actor,) = criticism.actors
    assert (actor.text, actor.country) == ("Lawmakers", country)


def test_legislators_at_a_seat_through_the_parser(extract: Extract) -> None:
    text = (
        "Senators on Capitol Hill accused the administration on Thursday of hiding the "
        "report. Lawmakers in Westminster urged the government to publish its own."
    )
    countries = {a.text: a.country for e in extract(text) for a in e.actors}
    assert countries.get("Senators") == "USA"
    assert countries.get("Lawmakers") == "GBR"


# CAPITOL HILL — {Office} Jane Roe accused the police of torture .
UNDER_A_SEAT = """
CAPITOL 1 compound PROPN CAPITOL FAC:seat.capitol_hill NNP
HILL 5 npadvmod PROPN HILL +FAC NNP
— 5 punct PUNCT — - :
{office} 4 compound PROPN {office} TITLE:title.{slug} NNP
Roe 5 nsubj PROPN Roe PERSON NNP
accused 5 ROOT VERB accuse - VBD
the 7 det DET the - DT
police 5 dobj NOUN police - NN
. 5 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("office", "slug", "sector", "country"),
    [("Minority Leader", "minority_leader", "LEG", "USA"), ("Analyst", "analyst", None, None)],
)
def test_a_story_filed_from_a_seat_is_that_states(
    office: str, slug: str, sector: str | None, country: str | None
) -> None:
    spec = UNDER_A_SEAT.format(office=office.replace(" ", "_"), slug=slug)
    title = GazetteerEntry(
        id=f"title.{slug}", label="TITLE", name=office, kind="title", title=office, sector=sector
    )
    (accusation,) = events_of(spec, small_knowledge([CAPITOL_HILL, title]), "ACCUSE")
    (actor,) = accusation.actors
    assert (actor.name, actor.country) == ("Roe", country)


def test_a_us_story_filed_from_a_seat_through_the_parser(extract: Extract) -> None:
    text = (
        "CAPITOL HILL — The Democratic minority leader said on Wednesday he would oppose the "
        "spending bill. Senators urged the Pentagon to publish the audit."
    )
    events = extract(text, date="2017-09-06")
    parties = {(a.name, a.country) for e in events for a in e.actors}
    assert ("Democratic minority leader", "USA") in parties
    assert ("Senators", "USA") in parties


# CAPITOL HILL — Senators criticized the plan . (the dateline's capitals carry no entity)
SENATORS_UNDER_CAPITALS = """
CAPITOL 1 compound PROPN CAPITOL - NNP
HILL 4 npadvmod PROPN HILL - NNP
— 4 punct PUNCT — - :
Senators 4 nsubj NOUN senator - NNS
criticized 4 ROOT VERB criticize - VBD
the 6 det DET the - DT
plan 4 dobj NOUN plan - NN
. 4 punct PUNCT . - .
"""


def test_a_dateline_spelling_a_seat_in_capitals_is_that_states_story() -> None:
    spec = SENATORS_UNDER_CAPITALS
    (criticism,) = events_of(spec, small_knowledge([CAPITOL_HILL]), "ACCUSE")
    (actor,) = criticism.actors
    assert (actor.text, actor.country) == ("Senators", "USA")
    (criticism,) = events_of(spec.replace("CAPITOL", "NORTH"), small_knowledge([]), "ACCUSE")
    assert criticism.actors[0].country is None  # no seat of that name: no country


@pytest.mark.parametrize("office", ["Mayor", "Governor"])
def test_a_mayor_or_governor_named_bare_is_the_datelines(office: str) -> None:
    kenya = GazetteerEntry(id="KEN", label="GPE", name="Kenya", kind="country", country="KEN")
    title = GazetteerEntry(
        id=f"title.{office.lower()}", label="TITLE", name=office, kind="title", title=office
    )
    spec = SPEAKER_UNDER_DATELINE.replace("Speaker", office).replace(
        "title.speaker", f"title.{office.lower()}"
    )
    (accusation,) = events_of(spec, small_knowledge([NAIROBI, kenya, title]), "ACCUSE")
    (actor,) = accusation.actors
    assert (actor.name, actor.title, actor.country) == ("Jane Wanjiru", office, "KEN")
