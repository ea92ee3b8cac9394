"""Every participant carries its country: a story's own legislators and officials named without
one, a government the NER took whole with its leader's name, a known armed group, and a
country glued to a name by a subhead's dash that is not the person's.

Each mechanism is tested on a hand-built parse (no model), and through the parser on texts
written in the style of wire copy."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.components.rules import shipped_knowledge
from eventx.extract import doc_events
from eventx.extract.context import DocContext
from eventx.extract.descriptors import person_context
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import parse, small_knowledge

Extract = Callable[..., list[Event]]

NAIROBI = GazetteerEntry(id="nairobi", label="GPE", name="Nairobi", kind="city", country="KEN")
KENYA = GazetteerEntry(id="KEN", label="GPE", name="Kenya", kind="country", country="KEN")
UGANDA = GazetteerEntry(id="UGA", label="NORP", name="Uganda", kind="country", country="UGA")
KNESSET = GazetteerEntry(
    id="gov.isr.knesset",
    label="ORG",
    name="Knesset",
    kind="government",
    country="ISR",
    sector="LEG",
)
EUROPEAN_PARLIAMENT = GazetteerEntry(
    id="org.european_parliament", label="ORG", name="European Parliament", kind="igo", sector="LEG"
)


def _events(spec: str, knowledge: Knowledge, kind: str) -> list[Event]:
    doc = parse(spec)
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    return [event for event in found if event.event == kind]


# NAIROBI — {Title} Jane Wanjiru accused the police of torture.
TITLED_UNDER_DATELINE = """
NAIROBI 5 npadvmod PROPN Nairobi GPE:nairobi NNP
— 5 punct PUNCT — - :
{title} 4 compound PROPN {title} TITLE NNP
Jane 4 compound PROPN Jane PERSON NNP
Wanjiru 5 nsubj PROPN Wanjiru +PERSON NNP
accused 5 ROOT VERB accuse - VBD
the 7 det DET the - DT
police 5 dobj NOUN police - NN
of 5 prep ADP of - IN
torture 8 pobj NOUN torture - NN
. 5 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("title", "country"),
    [("Senator", "KEN"), ("Minister", "KEN"), ("Spokeswoman", None), ("Analyst", None)],
)
def test_a_countrys_own_office_named_bare_is_the_datelines(title: str, country: str) -> None:
    knowledge = small_knowledge([NAIROBI, KENYA])
    (accusation,) = _events(TITLED_UNDER_DATELINE.format(title=title), knowledge, "ACCUSE")
    (actor,) = accusation.actors
    assert (actor.name, actor.country) == ("Jane Wanjiru", country)


# NAIROBI — Ugandan Senator Jane Wanjiru accused the police of torture.
VISITOR_UNDER_DATELINE = """
NAIROBI 6 npadvmod PROPN Nairobi GPE:nairobi NNP
— 6 punct PUNCT — - :
Ugandan 5 amod ADJ ugandan NORP:UGA JJ
Senator 5 compound PROPN Senator TITLE NNP
Jane 5 compound PROPN Jane PERSON NNP
Wanjiru 6 nsubj PROPN Wanjiru +PERSON NNP
accused 6 ROOT VERB accuse - VBD
the 8 det DET the - DT
police 6 dobj NOUN police - NN
of 6 prep ADP of - IN
torture 9 pobj NOUN torture - NN
. 6 punct PUNCT . - .
"""


def test_an_office_the_text_gives_a_country_keeps_it_under_any_dateline() -> None:
    knowledge = small_knowledge([NAIROBI, KENYA, UGANDA])
    (accusation,) = _events(VISITOR_UNDER_DATELINE, knowledge, "ACCUSE")
    assert [a.country for a in accusation.actors] == ["UGA"]


# The {body} passed the bill. Lawmakers accused Jane Doe of lying.
LAWMAKERS_OF_A_LEGISLATURE = """
The 1 det DET the - DT
{body} 2 nsubj PROPN {body} ORG:{id} NNP
passed 2 ROOT VERB pass - VBD
the 4 det DET the - DT
bill 2 dobj NOUN bill - NN
. 2 punct PUNCT . - .
Lawmakers 7 nsubj NOUN lawmaker - NNS
accused 7 ROOT VERB accuse - VBD
Jane 9 compound PROPN Jane PERSON NNP
Doe 7 dobj PROPN Doe +PERSON NNP
of 7 prep ADP of - IN
lying 10 pcomp VERB lie - VBG
. 7 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("entry", "country"), [(KNESSET, "ISR"), (EUROPEAN_PARLIAMENT, None)], ids=["Knesset", "EP"]
)
def test_bare_lawmakers_are_the_named_legislatures(entry: GazetteerEntry, country: str) -> None:
    knowledge = small_knowledge([entry])
    spec = LAWMAKERS_OF_A_LEGISLATURE.format(body=entry.name.split()[-1], id=entry.id)
    (accusation,) = _events(spec, knowledge, "ACCUSE")
    if country is None:  # an international assembly's members have no country, nor a party
        assert all(a.country is None for a in accusation.actors)
        return
    (actor,) = accusation.actors
    assert (actor.name, actor.country, actor.kind, actor.sector) == (
        "Lawmakers",
        country,
        "group",
        "LEG",
    )


# The {Name} Administration accused Iran of lying.
NAMED_ADMINISTRATION = """
The 2 det DET the - DT
{name} 2 compound PROPN {name} ORG NNP
Administration 3 nsubj PROPN Administration +ORG NNP
accused 3 ROOT VERB accuse - VBD
Iran 3 dobj PROPN Iran GPE:IRN NNP
of 3 prep ADP of - IN
lying 5 pcomp VERB lie - VBG
. 3 punct PUNCT . - .
"""


@pytest.mark.parametrize(("name", "country"), [("Obama", "USA"), ("Fulano", None)])
def test_an_administration_named_after_a_leader_is_that_leaders_state(
    name: str, country: str | None
) -> None:
    (accusation,) = _events(NAMED_ADMINISTRATION.format(name=name), shipped_knowledge(), "ACCUSE")
    (actor,) = accusation.actors
    assert actor.country == country
    if country is not None:
        assert (actor.name, actor.kind) == ("United States", "government")


# China{joint}Doe met Smith.
GLUED_TO_A_NAME = """
China 2 {dep} PROPN China GPE:CHN NNP
{joint} {head} {jdep} {jpos} {joint} - {jtag}
Doe 3 nsubj PROPN Doe PERSON NNP
met 3 ROOT VERB meet - VBD
Smith 3 dobj PROPN Smith PERSON NNP
. 3 punct PUNCT . - .
"""


POSSESSIVE = {
    "dep": "poss",
    "joint": "'s",
    "head": 0,
    "jdep": "case",
    "jpos": "PART",
    "jtag": "POS",
}
DASH = {
    "dep": "compound",
    "joint": "-",
    "head": 2,
    "jdep": "punct",
    "jpos": "PUNCT",
    "jtag": "HYPH",
}


@pytest.mark.parametrize(
    ("fill", "country"), [(POSSESSIVE, "CHN"), (DASH, None)], ids=["possessive", "dash"]
)
def test_a_country_before_a_dash_is_not_the_persons(fill: dict[str, object], country: str) -> None:
    doc = parse(GLUED_TO_A_NAME.format(**fill))
    context = DocContext.build(doc, shipped_knowledge())
    (doe,) = [ent for ent in doc.ents if ent.text == "Doe"]
    assert person_context(doe, context)[1] == country


def test_the_khmer_rouge_is_a_cambodian_armed_group() -> None:
    entry = shipped_knowledge().entry("org.khmer_rouge")
    assert entry is not None
    assert (entry.country, entry.kind, entry.sector) == ("KHM", "group", "REB")


def test_bare_officials_and_lawmakers_are_the_storys_own_through_the_parser(
    extract: Extract,
) -> None:
    text = (
        "ANKARA, May 3 (Wire) — Turkish police detained three suspects on Monday. "
        "Deputy Prime Minister Halil Demirkaya accused foreign agents of planning the bombing."
    )
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [(a.name, a.country) for a in accusation.actors] == [("Halil Demirkaya", "TUR")]
    text = (
        "Arms for Kyiv-WASHINGTON — Senator Mark Whitfield urged the Pentagon to send more "
        "rifles to Ukraine. Right-wing lawmakers praised the plan."
    )
    found = extract(text)
    (request,) = [e for e in found if e.event == "REQUEST"]
    assert [(a.name, a.country) for a in request.actors] == [("Mark Whitfield", "USA")]
    (praise,) = [e for e in found if e.event == "SUPPORT"]
    assert [(a.country, a.sector) for a in praise.actors] == [("USA", "LEG")]
    text = (
        "The bill divided the Knesset on Monday. Opposition legislators criticized Prime "
        "Minister Benjamin Netanyahu over the vote."
    )
    (criticism,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [(a.country, a.kind) for a in criticism.actors] == [("ISR", "group")]


def test_a_visitors_own_country_wins_over_the_dateline_through_the_parser(
    extract: Extract,
) -> None:
    text = (
        "NAIROBI, May 3 (Wire) — Ugandan Senator Joseph Okello accused the Kenyan police "
        "of harassing traders."
    )
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [a.country for a in accusation.actors] == ["UGA"]


def test_a_leaders_administration_is_his_state_through_the_parser(extract: Extract) -> None:
    text = "The Obama Administration agreed to resettle hundreds of refugees held by Australia."
    (agreement,) = [e for e in extract(text) if e.event == "AGREE"]
    assert [(a.name, a.country) for a in agreement.actors] == [("United States", "USA")]


def test_a_known_armed_group_carries_its_country_through_the_parser(extract: Extract) -> None:
    text = "Khmer Rouge fighters were threatening the government in Phnom Penh, witnesses said."
    (threat,) = [e for e in extract(text) if e.event == "THREATEN"]
    assert [a.country for a in threat.actors] == ["KHM"]


def test_a_subheads_country_is_not_the_callers_through_the_parser(extract: Extract) -> None:
    text = (
        "Old Allies-BEIJING — Washington keeps close ties with Taipei. Taiwan and China-Biden’s "
        "telephone talk with Taiwan's leader Tsai Ing-wen, the first such contact in decades, "
        "has unsettled diplomats."
    )
    (call,) = [e for e in extract(text) if e.event == "CONSULT"]
    biden = [a for a in call.actors if a.name == "Joe Biden"]
    assert [a.country for a in biden] == ["USA"]


def test_a_hyphenated_title_stays_whole_through_the_parser(extract: Extract) -> None:
    text = "Vice President-elect Mike Pence will hold talks with President Barack Obama on Friday."
    (meeting,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert [(a.name, a.title) for a in meeting.actors] == [("Mike Pence", "Vice President")]


SENATE = GazetteerEntry(
    id="gov.senate", label="ORG", name="Senate", kind="government", sector="LEG"
)

# {PLACE} — The Senate urged Jane Doe to resign.
SENATE_UNDER_DATELINE = """
{place} 4 npadvmod PROPN {place} {ent} NNP
— 4 punct PUNCT — - :
The 3 det DET the - DT
Senate 4 nsubj PROPN Senate ORG:gov.senate NNP
urged 4 ROOT VERB urge - VBD
Jane 6 compound PROPN Jane PERSON NNP
Doe 4 dobj PROPN Doe +PERSON NNP
to 8 aux PART to - TO
resign 4 xcomp VERB resign - VB
. 4 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("place", "ent", "party"),
    [("NAIROBI", "GPE:nairobi", ("Kenya Senate", "KEN")), ("SOMEWHERE", "-", ("Senate", None))],
)
def test_a_legislature_named_bare_is_the_storys_own(
    place: str, ent: str, party: tuple[str, str | None]
) -> None:
    spec = SENATE_UNDER_DATELINE.format(place=place, ent=ent)
    (request,) = _events(spec, small_knowledge([NAIROBI, KENYA, SENATE]), "REQUEST")
    assert [(a.name, a.country) for a in request.actors] == [party]


def test_a_legislature_named_bare_through_the_parser(extract: Extract) -> None:
    text = "NAIROBI — The Senate urged President William Ruto to withdraw the bill on Tuesday."
    (request,) = [e for e in extract(text) if e.event == "REQUEST"]
    assert [(a.country, a.sector) for a in request.actors] == [("KEN", "LEG")]


# NAIROBI — {Body} members urged Jane Doe to resign.
MEMBERS_UNDER_DATELINE = """
NAIROBI 4 npadvmod PROPN Nairobi GPE:nairobi NNP
— 4 punct PUNCT — - :
{body} 3 compound PROPN {body} - NNP
members 4 nsubj NOUN member - NNS
urged 4 ROOT VERB urge - VBD
Jane 6 compound PROPN Jane PERSON NNP
Doe 4 dobj PROPN Doe +PERSON NNP
to 8 aux PART to - TO
resign 4 xcomp VERB resign - VB
. 4 punct PUNCT . - .
"""


@pytest.mark.parametrize(("body", "country"), [("House", "KEN"), ("Club", None)])
def test_members_of_a_legislature_are_the_storys_legislators(body: str, country: str) -> None:
    spec = MEMBERS_UNDER_DATELINE.format(body=body)
    found = _events(spec, small_knowledge([NAIROBI, KENYA]), "REQUEST")
    parties = [(a.country, a.sector) for e in found for a in e.actors]
    assert parties == ([(country, "LEG")] if country else [p for p in parties if p[0] is None])


def test_members_of_a_legislature_through_the_parser(extract: Extract) -> None:
    text = "WASHINGTON — House members urged the Pentagon to release the report."
    (request,) = [e for e in extract(text) if e.event == "REQUEST"]
    assert [(a.country, a.sector) for a in request.actors] == [("USA", "LEG")]
