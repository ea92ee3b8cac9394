"""Parse repairs of wire-copy constructions (extract.repair): 'leaders meeting in Jakarta on
Tuesday urged X', which the parser reads with the participle as the subject, or as the root
with the main verb hanging on it."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.extract.repair import Edit, apply_edits, parse_edits
from eventx.schema import Document
from handbuilt import parse, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


# African leaders meeting in Nairobi urged Ethiopia to talk ., parsed with the participle
# as the subject and the leaders as its subject
AS_SUBJECT = """
African 1 amod ADJ african - JJ
leaders 2 nsubj NOUN leader - NNS
meeting 5 nsubj VERB meet - VBG
in 2 prep ADP in - IN
Nairobi 3 pobj PROPN Nairobi - NNP
urged 5 ROOT VERB urge - VBD
Ethiopia 5 dobj PROPN Ethiopia GPE:ETH NNP
to 8 aux PART to - TO
talk 5 xcomp VERB talk - VB
. 5 punct PUNCT . - .
"""

# the same sentence parsed with the participle as the root and the main verb as its clause
AS_ROOT = """
African 1 amod ADJ african - JJ
leaders 2 nsubj NOUN leader - NNS
meeting 2 ROOT VERB meet - VBG
in 2 prep ADP in - IN
Nairobi 3 pobj PROPN Nairobi - NNP
urged 2 advcl VERB urge - VBD
Ethiopia 5 dobj PROPN Ethiopia GPE:ETH NNP
to 8 aux PART to - TO
talk 5 xcomp VERB talk - VB
. 2 punct PUNCT . - .
"""


def repaired(spec: str, knowledge: Knowledge) -> list[tuple[str, str, str]]:
    doc = parse(spec)
    apply_edits(doc, parse_edits(doc, knowledge))
    return [(t.text, t.dep_, t.head.text) for t in doc]


@pytest.mark.parametrize("spec", [AS_SUBJECT, AS_ROOT])
def test_the_people_are_the_subject_and_the_gathering_is_theirs(
    spec: str, knowledge: Knowledge
) -> None:
    tree = repaired(spec, knowledge)
    assert ("leaders", "nsubj", "urged") in tree
    assert ("meeting", "acl", "leaders") in tree
    assert ("urged", "ROOT", "urged") in tree
    assert ("Ethiopia", "dobj", "urged") in tree


def test_a_meeting_as_a_noun_is_left_alone(knowledge: Knowledge) -> None:
    # "the leaders' meeting in Nairobi ended": no plural people noun before the participle
    spec = """
the 1 det DET the - DT
meeting 3 nsubj NOUN meeting - NN
in 1 prep ADP in - IN
ended 3 ROOT VERB end - VBD
. 3 punct PUNCT . - .
"""
    assert parse_edits(parse(spec), knowledge) == []


def test_an_active_participle_is_done_by_the_noun_it_hangs_on(knowledge: Knowledge) -> None:
    doc = parse(AS_SUBJECT)
    apply_edits(doc, parse_edits(doc, knowledge))
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    (request,) = [e for e in found if e.event == "REQUEST"]
    assert [a.text for a in request.actors] == ["African leaders"]
    assert [r.name for r in request.recipients] == ["Ethiopia"]
    (gathering,) = [e for e in found if e.event == "CONSULT"]
    assert [a.text for a in gathering.actors] == ["African leaders"]


def test_wire_copy_leaders_meeting_in_a_city(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ADDIS ABABA — African leaders meeting in the Ethiopian capital on Sunday called on "
        "Sudan's warring generals to agree a ceasefire, the African Union said."
    )
    found = extract(text, date="2023-05-14")
    requests = [e for e in found if e.event == "REQUEST"]
    assert [[a.text for a in e.actors] for e in requests] == [["African leaders"]]
    assert any(e.event == "CONSULT" and e.mode == "multilateral" for e in found)


def test_a_repair_that_would_make_a_cycle_is_skipped_whole() -> None:
    doc = parse(AS_SUBJECT)
    before = [(t.dep_, t.head.i) for t in doc]
    # 'urged' under 'leaders' while 'leaders' hangs on 'urged': no longer a tree
    apply_edits(doc, [[Edit(5, 1, "acl"), Edit(1, 5, "nsubj")]])
    assert [(t.dep_, t.head.i) for t in doc] == before


# African leaders meeting in Nairobi will ask Ethiopia to talk .
WITH_AUXILIARY = """
African 1 amod ADJ african - JJ
leaders 2 nsubj NOUN leader - NNS
meeting 6 nsubj VERB meet - VBG
in 2 prep ADP in - IN
Nairobi 3 pobj PROPN Nairobi - NNP
will 6 aux AUX will - MD
ask 6 ROOT VERB ask - VB
Ethiopia 6 dobj PROPN Ethiopia GPE:ETH NNP
to 9 aux PART to - TO
talk 6 xcomp VERB talk - VB
. 6 punct PUNCT . - .
"""


def test_a_main_verb_with_an_auxiliary_is_repaired_too(knowledge: Knowledge) -> None:
    tree = repaired(WITH_AUXILIARY, knowledge)
    assert ("leaders", "nsubj", "ask") in tree
    assert ("meeting", "acl", "leaders") in tree


# A meeting between Kenyan activists and the AU took place ., parsed with 'the AU' as a
# second subject of 'took'
BETWEEN_CUT = """
A 1 det DET a - DT
meeting 8 nsubj NOUN meeting - NN
between 1 prep ADP between - IN
Kenyan 4 amod ADJ kenyan NORP:KEN JJ
activists 2 pobj NOUN activist - NNS
and 4 cc CCONJ and - CC
the 7 det DET the - DT
AU 8 nsubj PROPN AU ORG:org.au NNP
took 8 ROOT VERB take - VBD
place 8 dobj NOUN place - NN
. 8 punct PUNCT . - .
"""


def test_the_second_party_of_between_is_joined_to_the_first(knowledge: Knowledge) -> None:
    rows = repaired(BETWEEN_CUT, knowledge)
    assert rows[7] == ("AU", "conj", "activists")
    assert rows[1] == ("meeting", "nsubj", "took")


def test_a_between_phrase_the_parser_got_right_is_left_alone(knowledge: Knowledge) -> None:
    spec = BETWEEN_CUT.replace("AU 8 nsubj", "AU 4 conj")
    doc = parse(spec)
    assert parse_edits(doc, knowledge) == []


def test_wire_copy_a_meeting_between_a_group_and_a_body(extract) -> None:  # type: ignore[no-untyped-def]
    text = "JERUSALEM — A meeting between Israeli peace activists and the PLO took place in Cairo."
    (meeting,) = [e for e in extract(text) if e.event == "CONSULT"]
    parties = {(a.name, a.country) for a in meeting.actors + meeting.recipients}
    assert ("Israeli peace activists", "ISR") in parties
    assert any(name == "Palestine Liberation Organization" for name, _ in parties)


# NAIROBI — Ruto hosted opposition leaders at State House ., parsed with 'hosted' as an
# adjective of 'leaders' and 'leaders' hung on the dateline: a sentence with no verb
VERB_AS_ADJECTIVE = """
NAIROBI 0 ROOT PROPN Nairobi GPE:KEN NNP
— 0 punct PUNCT — - :
Ruto 5 nmod PROPN Ruto PERSON:person.william_ruto NNP
hosted 5 amod VERB host - VBD
opposition 5 compound NOUN opposition - NN
leaders 0 appos NOUN leader - NNS
at 5 prep ADP at - IN
State 8 compound PROPN State ORG NNP
House 6 pobj PROPN House +ORG NNP
. 0 punct PUNCT . - .
"""


def test_a_past_tense_taken_for_an_adjective_is_the_verb(knowledge: Knowledge) -> None:
    rows = repaired(VERB_AS_ADJECTIVE, knowledge)
    assert rows[3] == ("hosted", "ROOT", "hosted")
    assert rows[2] == ("Ruto", "nsubj", "hosted")
    assert rows[5] == ("leaders", "dobj", "hosted")
    assert rows[0] == ("NAIROBI", "npadvmod", "hosted")
    assert rows[9] == (".", "punct", "hosted")
    doc = parse(VERB_AS_ADJECTIVE)
    apply_edits(doc, parse_edits(doc, knowledge))
    (host,) = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    assert (host.event, host.mode) == ("CONSULT", "host")
    assert [a.name for a in host.actors] == ["William Ruto"]
    assert [r.text for r in host.recipients] == ["opposition leaders"]


@pytest.mark.parametrize(
    "before, tag",
    [
        (", 3 punct PUNCT , - ,", "VBD"),  # 'in Yemen, repatriated Yemenis could'
        ("Ruto 5 nmod PROPN Ruto PERSON:person.william_ruto NNP", "VBN"),  # a participle
    ],
)
def test_a_modifier_after_no_noun_or_a_participle_is_left_alone(
    before: str, tag: str, knowledge: Knowledge
) -> None:
    lines = VERB_AS_ADJECTIVE.strip().splitlines()
    lines[2] = before
    lines[3] = lines[3].replace("VBD", tag)
    assert parse_edits(parse("\n".join(lines)), knowledge) == []


def test_wire_copy_a_host_told_as_an_adjective(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NAIROBI — Kenyan President William Ruto hosted opposition leaders at State House "
        "on Monday, his office said."
    )
    hosts = [e for e in extract(text, date="2024-06-03") if e.mode == "host"]
    assert [[a.name for a in e.actors] for e in hosts] == [["William Ruto"]]
