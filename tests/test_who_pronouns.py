"""Who 'he' and 'she' are when the story quotes others between: the person who acts in the
news, not the analyst or spokesman quoted last; a voice is only skipped for someone named."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.extract.context import DocContext
from eventx.extract.voice import voice_role
from eventx.schema import Event
from handbuilt import events_of, parse

# Putin arrived . Petrov , an analyst , said . He met Erdogan .
ANALYST_BETWEEN = """
Putin 1 nsubj PROPN Putin PERSON
arrived 1 ROOT VERB arrive - VBD
. 1 punct PUNCT . -
Petrov 8 nsubj PROPN Petrov PERSON
, 3 punct PUNCT , -
an 6 det DET an -
analyst 3 appos NOUN analyst -
, 3 punct PUNCT , -
said 8 ROOT VERB say - VBD
. 8 punct PUNCT . -
He 11 nsubj PRON he -
met 11 ROOT VERB meet - VBD
Erdogan 11 dobj PROPN Erdogan PERSON
. 11 punct PUNCT . -
"""


def met(spec: str) -> list[tuple[list[str], list[str]]]:
    events = events_of(spec, shipped_knowledge(), "CONSULT")
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events
        if e.event == "CONSULT"
    ]


def test_he_after_a_quoted_analyst_is_the_one_the_story_is_about() -> None:
    ((actors, recipients),) = met(ANALYST_BETWEEN)
    assert actors == ["Vladimir Putin"] and recipients == ["Recep Tayyip Erdoğan"]


def test_an_analyst_in_apposition_is_a_voice_and_a_leader_is_not() -> None:
    doc = parse(ANALYST_BETWEEN)
    context = DocContext.build(doc, shipped_knowledge())
    putin, petrov = doc.ents[0], doc.ents[1]
    assert voice_role(petrov, context.knowledge) and not voice_role(putin, context.knowledge)


def test_a_voice_is_still_he_when_no_one_else_was_named() -> None:
    # "Petrov, an analyst, said . He met Erdogan ." with nobody before the analyst
    spec = "\n".join(ANALYST_BETWEEN.strip().splitlines()[3:])
    shifted = []
    for line in spec.splitlines():
        word, head, *rest = line.split()
        shifted.append(" ".join([word, str(int(head) - 3), *rest]))
    ((actors, _),) = met("\n".join(shifted))
    assert actors == ["Petrov"]


def consults(events: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events
        if e.event == "CONSULT" and e.trigger in {"meet", "talks", "met"}
    ]


def test_he_after_a_spokesman_quoted_is_the_minister(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "WASHINGTON — Secretary of State Antony Blinken flew to Cairo on Sunday. His "
        "spokesman, Matthew Miller, told reporters the trip would focus on the ceasefire. "
        '"The secretary will press for a deal," Miller said. He will hold talks with '
        "Egyptian President Abdel Fattah el-Sisi on Monday."
    )
    assert consults(extract(text)) == [(["Antony Blinken"], ["Abdel Fattah el-Sisi"])]


def test_he_after_a_titled_analyst_is_the_president(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "NAIROBI — Kenyan President William Ruto will travel to Addis Ababa next week. "
        "Analyst Mary Wambui of the University of Nairobi said the trip was long overdue. "
        '"Nobody expects a quick deal," she said. He is expected to meet Ethiopian Prime '
        "Minister Abiy Ahmed on Wednesday."
    )
    assert consults(extract(text)) == [(["William Ruto"], ["Abiy Ahmed"])]


def test_someone_quoted_who_is_no_voice_stays_the_antecedent(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "LIMA — Foreign Minister Javier Gonzalez-Olaechea met the families of the detained "
        "fishermen on Monday. Maria Lopez, who leads the families' association, said they "
        "wanted answers. She met Interior Minister Juan Santivanez on Tuesday."
    )
    ((actors, _),) = consults(extract(text))
    assert actors == ["Maria Lopez"]


# Doe met Roe . " Fine , " she said . He left .
SHE_SAID = """
Doe 1 nsubj PROPN Doe PERSON
met 1 ROOT VERB meet - VBD
Roe 1 dobj PROPN Roe PERSON
. 1 punct PUNCT . -
" 9 punct PUNCT " -
Fine 9 ccomp ADJ fine -
, 9 punct PUNCT , -
" 9 punct PUNCT " -
she 9 nsubj PRON she -
said 9 ROOT VERB say - VBD
. 9 punct PUNCT . -
He 12 nsubj PRON he -
met 12 ROOT VERB meet - VBD
Ali 12 dobj PROPN Ali PERSON
. 12 punct PUNCT . -
"""


def test_a_he_is_not_the_one_a_she_stood_for() -> None:
    (first, second) = met(SHE_SAID)
    assert first == (["Doe"], ["Roe"])
    assert second == (["Roe"], ["Ali"])  # 'she said' made Doe a woman: 'he' is Roe


def test_he_after_she_said_is_the_other_leader(extract: Callable[..., list[Event]]) -> None:
    text = (
        "BERLIN — German Chancellor Angela Merkel met French President Emmanuel Macron in "
        'Berlin on Monday. "We agreed on a great deal," she said. He will visit Warsaw on '
        "Friday to meet Polish President Andrzej Duda."
    )
    visits = [e for e in extract(text) if e.event == "CONSULT" and e.trigger == "visit"]
    assert [[a.name for a in e.actors] for e in visits] == [["Emmanuel Macron"]]


def test_she_is_not_one_called_mister(extract: Callable[..., list[Event]]) -> None:
    text = (
        "AMMAN — Mr. Blinken met Queen Rania in Amman on Sunday. She later travelled to "
        "Cairo to meet Egyptian President Abdel Fattah el-Sisi."
    )
    trips = [e for e in extract(text) if e.trigger == "travelled"]
    assert [[a.name for a in e.actors] for e in trips] == [["Rania"]]


def test_an_official_who_met_someone_is_no_voice(extract: Callable[..., list[Event]]) -> None:
    text = (
        "DODOMA — A senior European Union official, Special Representative Anna Berg, met "
        "Foreign Minister Joseph Makamba on Tuesday. She is also expected to meet President "
        "Grace Mwinyi before leaving Tanzania on Thursday."
    )
    meets = [e for e in extract(text) if e.event == "CONSULT" and e.trigger == "meet"]
    assert [[a.name for a in e.actors] for e in meets] == [["Anna Berg"]]


def test_he_after_a_think_tank_voice_is_the_visitor(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        'Indonesian President Prabowo Subianto arrived in Tokyo on Friday. "Jakarta wants '
        'investment more than anything," said Daniel Hart, director of the Asia Program at '
        "the Lowy Institute. He will meet Japanese Prime Minister Shigeru Ishiba on Saturday."
    )
    assert consults(extract(text)) == [(["Prabowo Subianto"], ["Shigeru Ishiba"])]
