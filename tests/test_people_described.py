"""A people named by its plural ('Kenyans') acts as its state ('Palestinians blamed Israel')
unless a clause on it tells what its members do or undergo ('Kenyans living in Nigeria',
'Palestinians who lost their homes'): then it names those people, a group of that country.
So are its activists and dissidents ('Russian activists'), as its civilians are, and refugees
take the country they flee ('refugees fleeing clashes in Liberia').

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.components.rules import shipped_knowledge
from eventx.extract import doc_events
from eventx.schema import Document, Event
from handbuilt import parse

Extract = Callable[..., list[Event]]

# Kenyans [living in Nigeria] accused Uganda.
KENYANS_ACCUSED = """
Kenyans {verb} nsubj PROPN Kenyans NORP:KEN NNPS
{clause}accused {verb} ROOT VERB accuse - VBD
Uganda {verb} dobj PROPN Uganda GPE:UGA NNP
. {verb} punct PUNCT . - .
"""
LIVING_IN_NIGERIA = """living 0 acl VERB live - VBG
in 1 prep ADP in - IN
Nigeria 2 pobj PROPN Nigeria GPE:NGA NNP
"""


def _accusers(spec: str) -> list[tuple[str, str | None, str]]:
    doc = parse(spec)
    events = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    (accusation,) = [e for e in events if e.event == "ACCUSE"]
    return [(a.name, a.country, a.kind) for a in accusation.actors]


def test_a_people_acting_as_one_is_its_state() -> None:
    spec = KENYANS_ACCUSED.format(verb=1, clause="")
    assert _accusers(spec) == [("Kenya", "KEN", "country")]


def test_a_people_a_clause_describes_is_a_group_of_its_country() -> None:
    spec = KENYANS_ACCUSED.format(verb=4, clause=LIVING_IN_NIGERIA)
    assert _accusers(spec) == [("Kenyans", "KEN", "group")]


IN_THE_GULF = """in 0 prep ADP in - IN
the 3 det DET the - DT
Gulf 1 pobj PROPN Gulf LOC NNP
"""


def test_a_people_at_a_place_is_a_group_of_its_country() -> None:
    spec = KENYANS_ACCUSED.format(verb=4, clause=IN_THE_GULF)
    assert _accusers(spec) == [("Kenyans", "KEN", "group")]


# Uganda refused entry to Kenyans .
REFUSED_TO_PEOPLE = """
Uganda 1 nsubj PROPN Uganda GPE:UGA NNP
refused 1 ROOT VERB refuse - VBD
entry 1 dobj NOUN entry - NN
to 2 prep ADP to - IN
Kenyans 3 pobj PROPN Kenyans NORP:KEN NNPS
. 1 punct PUNCT . - .
"""


def test_a_people_an_act_reaches_through_a_preposition_is_a_group_once() -> None:
    doc = parse(REFUSED_TO_PEOPLE)
    events = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    (refusal,) = [e for e in events if e.event == "REJECT"]
    assert [(r.name, r.country, r.kind) for r in refusal.recipients] == [
        ("Kenyans", "KEN", "group")
    ]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "LAGOS — Ghanaians working in Nigeria met the Ghanaian high commissioner on Friday.",
            ("Ghanaians", "GHA", "group"),
        ),
        (
            "GAZA — Palestinians whose homes were destroyed accused Israel of the shelling.",
            ("Palestinians", "PSE", "group"),
        ),
    ],
)
def test_described_people_through_the_parser(
    extract: Extract, text: str, party: tuple[str, str, str]
) -> None:
    events = [e for e in extract(text) if e.event in {"CONSULT", "ACCUSE"}]
    assert events
    assert party in [(a.name, a.country, a.kind) for e in events for a in e.actors]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("MOSCOW — Russian activists accused the Kremlin of rigging the vote.", "RUS"),
        ("BEIJING — Chinese dissidents met the U.S. ambassador on Friday.", "CHN"),
    ],
)
def test_activists_and_dissidents_are_a_group_of_their_country(
    extract: Extract, text: str, actor: str
) -> None:
    (event,) = [e for e in extract(text) if e.event in {"ACCUSE", "CONSULT"}]
    assert [(a.country, a.kind, a.sector) for a in event.actors] == [(actor, "group", "CVL")]


# The UN gave aid to refugees fleeing Liberia / refugees from Liberia.
AID_TO_REFUGEES = """
The 1 det DET the - DT
UN 2 nsubj PROPN UN ORG:org.un NNP
gave 2 ROOT VERB give - VBD
aid 2 dobj NOUN aid - NN
to 2 prep ADP to - IN
refugees 4 pobj NOUN refugee - NNS
{origin} 5 {dep} {pos} {lemma} - {tag}
Liberia 6 {obj} PROPN Liberia GPE:LBR NNP
. 2 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("origin", "dep", "pos", "lemma", "tag", "obj"),
    [
        ("fleeing", "acl", "VERB", "flee", "VBG", "dobj"),
        ("from", "prep", "ADP", "from", "IN", "pobj"),
    ],
)
def test_refugees_take_the_country_they_flee(
    origin: str, dep: str, pos: str, lemma: str, tag: str, obj: str
) -> None:
    spec = AID_TO_REFUGEES.format(origin=origin, dep=dep, pos=pos, lemma=lemma, tag=tag, obj=obj)
    doc = parse(spec)
    events = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    (aid,) = [e for e in events if e.event == "AID"]
    assert [(r.name, r.country, r.sector) for r in aid.recipients] == [("refugees", "LBR", "REF")]


def test_refugees_fleeing_a_war_through_the_parser(extract: Extract) -> None:
    text = "GENEVA — The UN will airlift medicine to refugees fleeing clashes in South Sudan."
    (aid,) = [e for e in extract(text) if e.event == "AID"]
    assert [(r.country, r.kind) for r in aid.recipients] == [("SSD", "group")]
