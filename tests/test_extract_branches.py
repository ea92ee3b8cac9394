"""Extraction branches tuned on real articles, pinned on hand-built parses (no statistical model):
answered back-references, names the parser folded into one phrase, AID modes, member lists."""

from __future__ import annotations

from types import MappingProxyType

import pytest
import spacy
from spacy.tokens import Doc, Span

from eventx import resources
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry

COUNTRIES = {
    "MLI": "Mali",
    "FRA": "France",
    "NOR": "Norway",
    "UKR": "Ukraine",
    "NER": "Niger",
    "BFA": "Burkina Faso",
}
VOCAB = spacy.blank("en").vocab


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    entries = [
        GazetteerEntry(id=code, label="GPE", name=name, kind="country", country=code)
        for code, name in COUNTRIES.items()
    ]
    return Knowledge(
        gazetteer=MappingProxyType({entry.id: entry for entry in entries}),
        triggers=resources.trigger_rules(),
        topics=resources.topic_rules(),
        lexicons=resources.lexicon_rules(),
    )


def parse(spec: str) -> Doc:
    """A Doc from lines of `word head dep pos tag lemma [ENT[:id]]`; `+ENT` continues an entity.

    Heads are absolute token indices; a '.' ends a sentence.
    """
    rows = [line.split() for line in spec.strip().splitlines()]
    doc = Doc(
        VOCAB,
        words=[row[0] for row in rows],
        heads=[int(row[1]) for row in rows],
        deps=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        tags=[row[4] for row in rows],
        lemmas=[row[5] for row in rows],
        sent_starts=[i == 0 or rows[i - 1][0] == "." for i in range(len(rows))],
    )
    ents: list[Span] = []
    for i, row in enumerate(rows):
        if len(row) < 7:
            continue
        label, _, ent_id = row[6].lstrip("+").partition(":")
        if row[6].startswith("+"):
            last = ents.pop()
            ents.append(Span(doc, last.start, i + 1, label=last.label_, span_id=last.ent_id_))
        else:
            ents.append(Span(doc, i, i + 1, label=label, span_id=ent_id))
    doc.ents = ents
    return doc


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
