"""Whose contact a contact noun is when its own clause says: the ones who asked for it, the
ones a clause on it names, never the last contact's parties; 'the warring sides' are no
reference back to the diplomats told of before; 'the government' is the one named before."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

FIRST = """
Mbeki 1 nsubj PROPN Mbeki PERSON
met 1 ROOT VERB meet - VBD
Tsvangirai 1 dobj PROPN Tsvangirai PERSON
. 1 punct PUNCT . -
"""

# ... The request for a meeting was made by Okonjo and Haugland, as hand-built (its 'came from'
# parse, words changed)
REQUEST_CAME_FROM = """
The 5 det DET the -
request 9 nsubj NOUN request - NN
for 5 prep ADP for -
a 8 det DET a -
meeting 6 pobj NOUN meeting - NN
came 9 ROOT VERB come - VBD
from 9 prep ADP from -
Okonjo 10 pobj PROPN Okonjo PERSON
and 11 cc CCONJ and -
Haugland 11 conj PROPN Haugland PERSON
. 9 punct PUNCT . -
"""

# ... A meeting involving Okonjo and Haugland was cancelled .
MEETING_INVOLVING = """
A 5 det DET a -
meeting 11 nsubjpass NOUN meeting - NN
involving 5 acl VERB involve - VBG
Okonjo 6 dobj PROPN Okonjo PERSON
and 7 cc CCONJ and -
Haugland 7 conj PROPN Haugland PERSON
was 11 auxpass AUX be - VBD
cancelled 11 ROOT VERB cancel - VBN
. 11 punct PUNCT . -
"""


def second_contact(spec: str) -> list[str]:
    events = events_of(FIRST + spec, shipped_knowledge(), "CONSULT")
    found = [e for e in events if e.event == "CONSULT" and e.trigger == "meeting"]
    assert len(found) == 1
    return sorted(a.name for a in found[0].actors + found[0].recipients)


def test_who_asked_for_a_meeting_takes_part_in_it() -> None:
    assert second_contact(REQUEST_CAME_FROM) == ["Haugland", "Okonjo"]


def test_a_clause_on_the_meeting_names_its_parties() -> None:
    assert second_contact(MEETING_INVOLVING) == ["Haugland", "Okonjo"]


def test_a_named_requester_beats_the_last_contacts_parties(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "BERLIN — Talks on the gas dispute will resume on Friday in Berlin, German Foreign "
        "Minister Annalena Baerbock said. Baerbock told reporters that a request for talks had "
        "come from Polish Foreign Minister Radoslaw Sikorski and Hungarian Foreign Minister "
        "Peter Szijjarto."
    )
    requested = [e for e in extract(text) if e.trigger == "talks"]
    assert [sorted(a.name for a in e.actors + e.recipients) for e in requested] == [
        ["Péter Szijjártó", "Radoslaw Sikorski"]
    ]


def test_the_warring_sides_are_not_the_last_group(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "ADDIS ABABA — Kenyan President William Ruto and Ugandan President Yoweri Museveni "
        "met in Addis Ababa on Sunday. A ceasefire both armies accepted in May has "
        "collapsed."
    )
    agreed = [e for e in extract(text) if e.event == "AGREE"]
    assert all("William Ruto" not in [a.name for a in e.actors] for e in agreed)


# Syria 's government denied it . Doe accused the government .
THE_GOVERNMENT = """
Syria 2 poss PROPN Syria GPE:SYR
's 0 case PART 's - POS
government 3 nsubj NOUN government - NN
denied 3 ROOT VERB deny - VBD
it 3 dobj PRON it -
. 3 punct PUNCT . -
Doe 7 nsubj PROPN Doe PERSON
accused 7 ROOT VERB accuse - VBD
the 9 det DET the -
government 7 dobj NOUN government - NN
. 7 punct PUNCT . -
"""


def test_the_government_is_the_one_named_before() -> None:
    events = events_of(THE_GOVERNMENT, shipped_knowledge(), "ACCUSE")
    accused = [e for e in events if e.trigger == "accused"]
    assert [[(r.name, r.kind) for r in e.recipients] for e in accused] == [
        [("Syria", "government")]
    ]


def test_the_government_after_a_leaders_government_is_that_leaders(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "President Bashar al-Assad's government rejected the plan on Sunday. On Monday, "
        "the U.N. envoy accused the government of shelling residential districts of Homs."
    )
    accused = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [[r.country for r in e.recipients] for e in accused] == [["SYR"]]


def test_a_contact_beside_one_told_with_its_parties_is_between_them(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Rebel commander Ahmed Dolgov said his fighters would hold no talks with Kinshasa, "
        "adding that the only negotiations under way concern the exchange of prisoners."
    )
    negotiations = [e for e in extract(text) if e.trigger == "negotiations"]
    assert [sorted(a.name for a in e.actors + e.recipients) for e in negotiations] == [
        ["Democratic Republic of the Congo"]
    ]


def test_parties_named_only_by_a_clause_get_no_country_from_the_venue(
    extract: Callable[..., list[Event]],
) -> None:
    text = "A meeting involving the three countries' leaders took place in Arusha on Friday."
    meetings = [e for e in extract(text) if e.trigger == "meeting"]
    assert [[(a.name, a.country) for a in e.actors] for e in meetings] == [
        [("three countries' leaders", None)]
    ]


def test_the_one_thanked_for_hosting_talks_held_them(
    extract: Callable[..., list[Event]],
) -> None:
    talks = [e for e in extract("Kenya thanked Uganda for hosting talks with the rebels.")]
    assert [[a.name for a in e.actors] for e in talks if e.trigger == "talks"] == [["Uganda"]]
