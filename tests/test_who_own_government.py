"""A state body named bare ('the government', 'the ministry', 'government officials') on the
other side of an act by one country's people is that country's own; a contact is left alone,
since a visitor who 'met the president' met the host's.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.extract import doc_events
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import parse, small_knowledge

Extract = Callable[..., list[Event]]

KENYAN = GazetteerEntry(id="KEN", label="NORP", name="Kenya", kind="country", country="KEN")

# Kenyan {people} urged the government to act.
URGED_THE_GOVERNMENT = """
Kenyan 1 amod ADJ kenyan NORP:KEN JJ
{people} 2 nsubj NOUN {lemma} - NNS
urged 2 ROOT VERB urge - VBD
the 4 det DET the - DT
government 2 dobj NOUN government - NN
to 6 aux PART to - TO
act 2 xcomp VERB act - VB
. 2 punct PUNCT . - .
"""


@pytest.mark.parametrize(
    ("people", "lemma", "addressed"),
    [("senators", "senator", [("Kenya", "KEN", "government")]), ("refugees", "refugee", [])],
)
def test_a_national_side_addresses_its_own_government(
    people: str, lemma: str, addressed: list[tuple[str, str, str]]
) -> None:
    doc = parse(URGED_THE_GOVERNMENT.format(people=people, lemma=lemma))
    found = doc_events(doc, Document(doc_id="t", text=doc.text), small_knowledge([KENYAN]))
    (request,) = [e for e in found if e.event == "REQUEST"]
    # refugees speak for no state: whose government they address the text must say
    assert [(r.name, r.country, r.kind) for r in request.recipients] == addressed


def test_own_government_bodies_through_the_parser(extract: Extract) -> None:
    text = "Kenyan senators urged the government to release the detained journalists."
    (request,) = [e for e in extract(text) if e.event == "REQUEST"]
    assert [(r.country, r.kind) for r in request.recipients] == [("KEN", "government")]
    text = "Nigerian lawmakers accused the ministry of hiding the audit from the public."
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [r.country for r in accusation.recipients] == ["NGA"]
    text = (
        "Turkish President Recep Tayyip Erdogan thanked the police and government "
        "officials after the vote."
    )
    (thanks,) = [e for e in extract(text) if e.event == "SUPPORT"]
    assert "TUR" in [r.country for r in thanks.recipients]


def test_a_visitors_contact_is_not_with_their_own_government_through_the_parser(
    extract: Extract,
) -> None:
    text = "Egyptian Foreign Minister Sameh Shoukry met the president in Nairobi on Monday."
    (meeting,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert all(r.country != "EGY" for r in meeting.recipients)


def test_another_state_in_the_sentence_leaves_the_government_unresolved_through_the_parser(
    extract: Extract,
) -> None:
    text = "Kenyan senators urged the government to stop buying arms from Ethiopia."
    (request,) = [e for e in extract(text) if e.event == "REQUEST"]
    assert all(r.country != "KEN" for r in request.recipients)


# WASHINGTON — Kenyan senators urged the government to act.
UNDER_A_FOREIGN_DATELINE = """
WASHINGTON 4 npadvmod PROPN Washington GPE:washington NNP
— 4 punct PUNCT — - :
""" + "\n".join(
    f"{w} {int(h) + 2} {rest}"
    for w, h, rest in (
        line.split(" ", 2)
        for line in URGED_THE_GOVERNMENT.format(people="senators", lemma="senator")
        .strip()
        .splitlines()
    )
)


def test_a_foreign_dateline_does_not_own_the_government_a_national_side_addresses() -> None:
    washington = GazetteerEntry(
        id="washington",
        label="GPE",
        name="Washington",
        kind="city",
        country="USA",
        capital_of="USA",
    )
    usa = GazetteerEntry(id="USA", label="GPE", name="United States", kind="country", country="USA")
    doc = parse(UNDER_A_FOREIGN_DATELINE)
    knowledge = small_knowledge([KENYAN, washington, usa])
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    (request,) = [e for e in found if e.event == "REQUEST"]
    assert [(r.name, r.country) for r in request.recipients] == [("Kenya", "KEN")]


def test_a_foreign_dateline_and_own_government_through_the_parser(extract: Extract) -> None:
    found = extract("WASHINGTON — Kenyan senators urged the government to reopen the border.")
    (request,) = [e for e in found if e.event == "REQUEST"]
    assert [(r.name, r.country) for r in request.recipients] == [("Kenya", "KEN")]
