"""No party invented from a compound or a home venue: the pair in 'the U.S.-Cuban thaw' and
the backer in 'the Russia-backed truce' are no target of an act on them, a contact between a
named pair ('the Israeli-Palestinian talks') is not the commenter's, a 'Cuban-American'
senator is American, and a trip at home visits no state. Real parties stay: 'the U.S.-Cuba
talks' has both sides, 'condemned Iranian aggression' targets Iran, and a hyphenated pair
('India-Pakistan talks', 'U.S.-China talks' at a story's start) names both states however the
parser hung them."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

# Mexico criticized the U.S.-Cuban thaw .
THAW = """
Mexico 1 nsubj PROPN Mexico GPE:MEX NNP
criticized 1 ROOT VERB criticize - VBD
the 6 det DET the -
U.S. 5 npadvmod PROPN U.S. GPE:USA NNP
- 5 punct PUNCT - - HYPH
Cuban 6 amod ADJ cuban NORP:CUB JJ
thaw 1 dobj NOUN thaw - NN
. 1 punct PUNCT . -
"""

# Mexico criticized the U.S.-Cuban drills .
DRILLS = THAW.replace("thaw 1 dobj NOUN thaw - NN", "drills 1 dobj NOUN drill - NNS")

# Mexico criticized the Iranian aggression .
AGGRESSION = """
Mexico 1 nsubj PROPN Mexico GPE:MEX NNP
criticized 1 ROOT VERB criticize - VBD
the 4 det DET the -
Iranian 4 amod ADJ iranian NORP:IRN JJ
aggression 1 dobj NOUN aggression - NN
. 1 punct PUNCT . -
"""

# Egypt welcomed the Russia-backed truce .
TRUCE = """
Egypt 1 nsubj PROPN Egypt GPE:EGY NNP
welcomed 1 ROOT VERB welcome - VBD
the 6 det DET the -
Russia 5 npadvmod PROPN Russia GPE:RUS NNP
- 5 punct PUNCT - - HYPH
backed 6 amod VERB back - VBN
truce 1 dobj NOUN truce - NN
. 1 punct PUNCT . -
"""

# Woods praised the Israeli-Palestinian talks .
TALKS = """
Woods 1 nsubj PROPN Woods PERSON NNP
praised 1 ROOT VERB praise - VBD
the 6 det DET the -
Israeli 5 amod ADJ israeli NORP:ISR JJ
- 5 punct PUNCT - - HYPH
Palestinian 6 amod ADJ palestinian NORP:PSE JJ
talks 1 dobj NOUN talk - NNS
. 1 punct PUNCT . -
"""


def targets(spec: str, kind: str) -> list[list[str]]:
    return [
        sorted(a.name for a in e.recipients) for e in events_of(spec, shipped_knowledge(), kind)
    ]


def test_a_pair_of_states_on_what_is_criticized_is_no_target() -> None:
    assert targets(THAW, "ACCUSE") == [[]]


def test_a_pair_that_does_what_is_criticized_is_its_target() -> None:
    # both states of the pair hold the drills, however the parser hung 'U.S.'
    assert targets(DRILLS, "ACCUSE") == [["Cuba", "United States"]]


def test_a_nationality_on_what_is_criticized_is_still_the_target() -> None:
    assert targets(AGGRESSION, "ACCUSE") == [["Iran"]]


def test_the_backer_of_what_is_welcomed_is_no_target() -> None:
    assert targets(TRUCE, "SUPPORT") == [[]]


def test_talks_between_a_named_pair_are_not_the_commenters() -> None:
    (talks,) = events_of(TALKS, shipped_knowledge(), "CONSULT")
    assert sorted(a.name for a in talks.actors + talks.recipients) == ["Israel", "Palestine"]


def parties(events: list[Event], kind: str) -> list[tuple[list[str], list[str]]]:
    return [
        (sorted(a.name for a in e.actors), sorted(a.name for a in e.recipients))
        for e in events
        if e.event == kind
    ]


def test_both_sides_of_paired_talks_stay(extract: Callable[..., list[Event]]) -> None:
    text = (
        "HAVANA — American and Cuban diplomats opened the U.S.-Cuba migration talks in Havana "
        "on Wednesday, and Senator Bob Menendez later condemned the talks."
    )
    found = [e for e in extract(text) if e.event == "CONSULT"]
    assert len(found) == 1
    names = {a.name for a in found[0].actors + found[0].recipients}
    assert {"United States", "Cuba"} <= names
    assert "Bob Menendez" not in names


def test_a_hyphenated_pair_or_backer_is_no_target(extract: Callable[..., list[Event]]) -> None:
    text = (
        "MADRID — Spanish opposition leader Pablo Casado on Monday criticized the Spanish-"
        "Moroccan rapprochement. Algeria on Tuesday rejected the French-brokered ceasefire."
    )
    events = extract(text)
    assert parties(events, "ACCUSE") == [(["Pablo Casado"], [])]
    assert parties(events, "REJECT") == [(["Algeria"], [])]


def test_a_cuban_american_senator_is_american(extract: Callable[..., list[Event]]) -> None:
    text = (
        "WASHINGTON — A Cuban-American lawmaker, Representative Carlos Gimenez, on Thursday "
        "accused Venezuela of sheltering fugitives."
    )
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [(a.name, a.country) for a in accusation.actors] == [("Carlos Gimenez", "USA")]


def test_hyphenated_heritage_leaders_are_a_group_not_a_government(
    extract: Callable[..., list[Event]],
) -> None:
    text = "MIAMI — Vice President Mike Pence on Friday met Cuban-American community leaders."
    (meeting,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert [(r.kind, r.country) for r in meeting.recipients] == [("group", "USA")]


def test_backed_rebels_are_not_of_their_backer(extract: Callable[..., list[Event]]) -> None:
    text = "DAMASCUS — The Syrian army on Friday attacked Turkish-backed rebels near Afrin."
    countries = [a.country for e in extract(text) for a in e.recipients]
    assert "TUR" not in countries


def test_backed_militias_are_still_the_target(extract: Callable[..., list[Event]]) -> None:
    text = (
        "BAGHDAD — The United States on Sunday accused Iran-backed militias of shelling its base."
    )
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [(r.name, r.kind, r.country) for r in accusation.recipients] == [
        ("Iran-backed militias", "group", None)
    ]


def test_a_trip_at_home_visits_no_state(extract: Callable[..., list[Event]]) -> None:
    text = (
        "LAGOS — Nigerian opposition leader Atiku Abubakar made a trip to Kano on Saturday "
        "to meet party leaders. Ghanaian President Nana Akufo-Addo travelled to Lagos on "
        "Sunday to meet business leaders."
    )
    trips = [e for e in extract(text) if e.event == "CONSULT"]
    home = [e for e in trips if any(a.name == "Atiku Abubakar" for a in e.actors)]
    abroad = [e for e in trips if any(a.country == "GHA" for a in e.actors)]
    assert home and all(r.name != "Nigeria" for e in home for r in e.recipients)
    assert abroad and any(r.country == "NGA" for e in abroad for r in e.recipients)


# Officials said India - Pakistan talks would resume .  (the small parser's reading: 'India'
# a stray dependent of 'said')
STRAY_PAIR = """
Officials 1 nsubj NOUN official - NNS
said 1 ROOT VERB say - VBD
India 1 dep PROPN India GPE:IND NNP
- 2 punct PUNCT - - HYPH
Pakistan 5 compound PROPN Pakistan GPE:PAK NNP
talks 7 nsubj NOUN talk - NNS
would 7 aux AUX would - MD
resume 1 ccomp VERB resume - VB
. 1 punct PUNCT . -
"""

# The minister welcomed progress in U.S. - Russian nuclear talks .
PROGRESS = """
The 1 det DET the -
minister 2 nsubj NOUN minister TITLE:title.minister NN
welcomed 2 ROOT VERB welcome - VBD
progress 2 dobj NOUN progress - NN
in 3 prep ADP in - IN
U.S. 7 npadvmod PROPN U.S. GPE:USA NNP
- 7 punct PUNCT - - HYPH
Russian 9 amod ADJ russian NORP:RUS JJ
nuclear 9 amod ADJ nuclear - JJ
talks 4 pobj NOUN talk - NNS
. 2 punct PUNCT . -
"""


def test_both_names_of_a_hyphenated_pair_are_parties_however_parsed() -> None:
    (talks,) = events_of(STRAY_PAIR, shipped_knowledge(), "CONSULT")
    assert sorted(a.name for a in talks.actors + talks.recipients) == ["India", "Pakistan"]


def test_who_welcomes_progress_in_a_pairs_talks_is_no_party() -> None:
    (talks,) = events_of(PROGRESS, shipped_knowledge(), "CONSULT")
    assert sorted(a.name for a in talks.actors + talks.recipients) == ["Russia", "United States"]


def test_a_pair_glued_to_an_abbreviation_opens_a_story(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "U.S.-China trade talks resumed in Geneva on Monday after a two-month pause, "
        "officials from both delegations said."
    )
    (talks,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert {a.country for a in talks.actors + talks.recipients} == {"USA", "CHN"}
