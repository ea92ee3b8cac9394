"""A headline drops its articles: a bare title there ('Jordanian King Meets ...') is as
definite as 'the Jordanian king' in the story, and resolves to the holder on the date. A
bare title in the story's own sentences, or one after 'a', stays a role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from eventx import resources
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import parse, small_knowledge

ENTRIES = [
    GazetteerEntry(id="JOR", label="GPE", name="Jordan", kind="country", country="JOR"),
    GazetteerEntry(id="EGY", label="GPE", name="Egypt", kind="country", country="EGY"),
    GazetteerEntry(
        id="title.king", label="TITLE", name="King", kind="title", title="King", sector="GOV"
    ),
]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(ENTRIES, office_holders=resources.office_holders())


def met(spec: str, knowledge: Knowledge) -> list[tuple[str, str | None]]:
    doc = parse(spec)
    found = doc_events(
        doc, Document(doc_id="t", text=doc.text, date=dt.date(2019, 3, 4)), knowledge
    )
    (meeting,) = [e for e in found if e.event == "CONSULT"]
    return [(a.name, a.country) for a in meeting.actors]


# Jordanian King Meets Egyptian Envoys Over Border Crossings
HEADLINE = """
Jordanian 1 amod ADJ jordanian NORP:JOR JJ
King 2 nsubj PROPN King TITLE:title.king NNP
Meets 2 ROOT VERB meet - VBZ
Egyptian 4 amod ADJ egyptian NORP:EGY JJ
Envoys 2 dobj NOUN envoy - NNS
Over 2 prep ADP over - IN
Border 7 compound PROPN Border - NNP
Crossings 5 pobj PROPN Crossings - NNPS
"""

# A Jordanian king met Egyptian envoys over the crossings.   (a story's sentence, 'a')
STORY = """
A 2 det DET a - DT
Jordanian 2 amod ADJ jordanian NORP:JOR JJ
king 3 nsubj NOUN king TITLE:title.king NN
met 3 ROOT VERB meet - VBD
Egyptian 5 amod ADJ egyptian NORP:EGY JJ
envoys 3 dobj NOUN envoy - NNS
over 3 prep ADP over - IN
the 8 det DET the - DT
crossings 6 pobj NOUN crossing - NNS
. 3 punct PUNCT . - .
"""


def test_a_bare_title_in_a_headline_is_the_holder_on_the_date(knowledge: Knowledge) -> None:
    assert met(HEADLINE, knowledge) == [("Abdullah II", "JOR")]


def test_an_indefinite_title_in_the_story_stays_a_role(knowledge: Knowledge) -> None:
    assert [name for name, _ in met(STORY, knowledge)] != ["Abdullah II"]


def test_a_headline_title_on_wire_copy(extract: Callable[..., list[Event]]) -> None:
    events = extract(
        "Egyptian President, Jordanian King Agree to Reopen Border Crossing-AMMAN — The two "
        "leaders spoke by phone on Monday about the crossing, officials said.",
        date="2019-03-04",
    )
    (agreement,) = [e for e in events if e.event == "AGREE"]
    assert sorted(a.name for a in agreement.actors) == ["Abdel Fattah el-Sisi", "Abdullah II"]
