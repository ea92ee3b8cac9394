"""Parties of promises, a state's own people and surnames that are title words:

- what a promise goes on to give names its recipient ('promised to keep up military aid to
  Mozambique' is aid to Mozambique);
- 'urged its citizens' asks the state's own citizens, a group of that state;
- 'Defence Secretary Tom King': a one-word title after a given name is the surname;
- talks 'frozen' or 'stalled since 2014' are not taking place."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.extract.person import repair_person_ents
from eventx.schema import Event
from handbuilt import events_of, parse

# Britain promised to continue arms aid to Ukraine .
CONTINUED = """
Britain 1 nsubj PROPN Britain GPE:GBR NNP
promised 1 ROOT VERB promise - VBD
to 3 aux PART to - TO
continue 1 xcomp VERB continue - VB
arms 5 compound NOUN arm - NNS
aid 3 dobj NOUN aid - NN
to 5 prep ADP to - IN
Ukraine 6 pobj PROPN Ukraine GPE:UKR NNP
. 1 punct PUNCT . - .
"""

# Pakistan urged its citizens to leave .
CITIZENS = """
Pakistan 1 nsubj PROPN Pakistan GPE:PAK NNP
urged 1 ROOT VERB urge - VBD
its 3 poss PRON its - PRP$
citizens 1 dobj NOUN citizen - NNS
to 5 aux PART to - TO
leave 1 xcomp VERB leave - VB
. 1 punct PUNCT . - .
"""

# Defence Secretary Tom King arrived .
SURNAME = """
Defence 1 compound PROPN Defence TITLE:title.defence_secretary NNP
Secretary 3 compound PROPN Secretary +TITLE NNP
Tom 3 compound PROPN Tom - NNP
King 4 nsubj PROPN King TITLE:title.king NNP
arrived 4 ROOT VERB arrive - VBD
. 4 punct PUNCT . - .
"""


def test_what_a_promise_goes_on_to_give_names_its_recipient() -> None:
    (aid,) = events_of(CONTINUED, shipped_knowledge(), "AID")
    assert [r.name for r in aid.recipients] == ["Ukraine"]


def test_a_states_own_citizens_are_a_group_of_that_state() -> None:
    (request,) = events_of(CITIZENS, shipped_knowledge(), "REQUEST")
    assert [(r.name, r.kind, r.country) for r in request.recipients] == [
        ("citizens", "group", "PAK")
    ]


def test_a_title_word_after_a_given_name_is_the_surname() -> None:
    ents = repair_person_ents(parse(SURNAME), shipped_knowledge())
    assert ("Tom King", "PERSON") in [(e.text, e.label_) for e in ents]


def test_through_the_parser(extract: Callable[..., list[Event]]) -> None:
    text = (
        "LONDON — Defence Secretary Tom King on Monday promised to keep up military aid to "
        "Mozambique. Pakistan urged its citizens to leave the region. Peace talks between "
        "Kenya and the rebels have stalled since 2014, and talks with Somalia have been "
        "frozen since the election."
    )
    events = extract(text, date="1990-03-05")
    (aid,) = [e for e in events if e.event == "AID"]
    assert [a.name for a in aid.actors] == ["Tom King"]
    assert [r.country for r in aid.recipients] == ["MOZ"]
    (request,) = [e for e in events if e.event == "REQUEST"]
    assert [(r.kind, r.country) for r in request.recipients] == [("group", "PAK")]
    talks = [e for e in events if e.event == "CONSULT"]
    assert talks and all(e.status.value == "negated" for e in talks)
