"""Names at the right level and national bodies with their country.

A monarch introduced with a regnal number ('King Mohammed VI') is the same person when the
story later drops it ('Mohammed', 'King Mohammed'), so the later mention keeps his country.

Each mechanism is tested on a hand-built parse (no model), and through the parser on texts
written in the style of wire copy."""

from __future__ import annotations

from collections.abc import Callable

from eventx.schema import Event, GazetteerEntry
from handbuilt import events_of, small_knowledge

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
