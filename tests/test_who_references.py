"""Who takes part when the sentence refers back or names a state's own: 'they' after a
group of actors, the two leaders as a pair, a vow about one's own state, and words inside
a known actor's name that are no sign of another domain."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.extract import doc_events
from eventx.extract.person import repair_person_ents
from eventx.extract.plural import counted
from eventx.schema import Actor, Document, Event
from handbuilt import events_of, parse

# The Arab League renewed its demand that Israel withdraw.
LEAGUE_DEMAND = """
The 2 det DET the -
Arab 2 compound PROPN Arab ORG:org.arab_league
League 3 nsubj PROPN League +ORG
renewed 3 ROOT VERB renew - VBD
its 5 poss PRON its -
demand 3 dobj NOUN demand - NN
that 8 mark SCONJ that -
Israel 8 nsubj PROPN Israel GPE:ISR
withdraw 5 acl VERB withdraw - VB
. 3 punct PUNCT . -
"""


def test_a_word_inside_a_known_actors_name_is_no_sport() -> None:
    doc = parse(LEAGUE_DEMAND)
    events = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    assert [(e.event, [r.name for r in e.recipients]) for e in events] == [("REQUEST", ["Israel"])]


def parties(events: list[Event], kind: str) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events
        if e.event == kind
    ]


def test_they_after_a_group_of_actors_are_the_actors(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "BRUSSELS — The foreign ministers of Norway and Chile on Tuesday urged Kenya to "
        "reopen its border crossings. They also called for an independent inquiry into "
        "the shootings."
    )
    requests = parties(extract(text), "REQUEST")
    assert (["Norway", "Chile"], []) in requests
    assert all("Kenya" not in actors for actors, _ in requests)


def test_the_two_leaders_meeting_is_a_meeting_not_a_summit(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "TOKYO — Shinzo Abe met Narendra Modi in Tokyo on Friday. Officials said the two "
        "leaders would meet again in New Delhi in the spring."
    )
    planned = [e for e in extract(text) if e.event == "CONSULT" and e.status == "planned"]
    assert [(e.mode, {a.name for a in e.actors + e.recipients}) for e in planned] == [
        ("meet", {"Shinzo Abe", "Narendra Modi"})
    ]
    # a pair nobody named is no summit of many either
    alone = extract("GENEVA — Officials said the two leaders would meet in Geneva in May.")
    assert all(e.mode != "multilateral" for e in alone)


def test_a_vow_about_ones_own_state_does_not_target_it(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Japanese Foreign Minister Taro Kono visited Manila on Monday and vowed that Japan "
        "would stand by the Philippines."
    )
    vows = [e for e in extract(text) if e.event == "AGREE"]
    assert vows and all(r.name != "Japan" for e in vows for r in e.recipients)


def test_aid_for_clinics_is_still_aid(extract: Callable[..., list[Event]]) -> None:
    text = "Japan on Thursday pledged $5 million in aid to Kenya for rural clinics."
    assert parties(extract(text), "AID") == [(["Japan"], ["Kenya"])]


# Vogt met Macron in Paris on Monday. (The NER left "Vogt" untagged.)
UNTAGGED_SURNAME = """
Vogt 1 nsubj PROPN Vogt -
met 1 ROOT VERB meet - VBD
Macron 1 dobj PROPN Macron PERSON
in 1 prep ADP in -
Paris 3 pobj PROPN Paris GPE
on 1 prep ADP on -
Monday 5 pobj PROPN Monday DATE
. 1 punct PUNCT . -
"""

# Jansen met reporters in Paris.
NO_PERSON_PARTNER = """
Jansen 1 nsubj PROPN Jansen -
met 1 ROOT VERB meet - VBD
reporters 1 dobj NOUN reporter -
in 1 prep ADP in -
Paris 3 pobj PROPN Paris GPE
. 1 punct PUNCT . -
"""

# Macron met Sunday with Kessler and Vogt. (A parser taking the weekday for the subject.)
CALENDAR_AND_MEMBERS = """
Macron 1 nsubj PROPN Macron PERSON
met 1 ROOT VERB meet - VBD
Sunday 1 dobj PROPN Sunday -
with 1 prep ADP with -
Kessler 3 pobj PROPN Kessler -
and 4 cc CCONJ and -
Vogt 4 conj PROPN Vogt -
. 1 punct PUNCT . -
"""


def persons(spec: str) -> list[str]:
    doc = parse(spec)
    return [e.text for e in repair_person_ents(doc, shipped_knowledge()) if e.label_ == "PERSON"]


def test_an_untagged_name_meeting_a_person_is_a_person() -> None:
    assert persons(UNTAGGED_SURNAME) == ["Vogt", "Macron"]
    doc = parse(UNTAGGED_SURNAME)
    doc.ents = repair_person_ents(doc, shipped_knowledge())
    (event,) = doc_events(doc, Document(doc_id="t", text=doc.text), shipped_knowledge())
    assert {a.name for a in event.actors + event.recipients} >= {"Vogt"}
    assert persons(NO_PERSON_PARTNER) == []  # no named person beside it: left alone


def test_weekdays_are_no_names_but_partners_in_a_list_are() -> None:
    assert persons(CALENDAR_AND_MEMBERS) == ["Macron", "Kessler", "Vogt"]


def test_it_is_never_its_own_verbs_object(extract: Callable[..., list[Event]]) -> None:
    text = (
        "PYONGYANG — North Korea on Tuesday denied any role in the attack, accusing South "
        "Korea of staging it. Two days later, China said it would halt coal imports from the "
        "North. It accused China of bowing to pressure from Washington."
    )
    accusations = parties(extract(text), "ACCUSE")
    assert (["North Korea"], ["China"]) in accusations
    assert all(actors != ["China"] for actors, _ in accusations)


# Trump met Turnbull in Sydney. (A sentence-initial surname the tagger took for a noun.)
KNOWN_SURNAME_AS_NOUN = """
Trump 1 nsubj NOUN trump -
met 1 ROOT VERB meet - VBD
Turnbull 1 dobj PROPN Turnbull PERSON
in 1 prep ADP in -
Sydney 3 pobj PROPN Sydney GPE
. 1 punct PUNCT . -
"""


def test_a_known_holders_surname_tagged_as_a_noun_is_the_person() -> None:
    assert persons(KNOWN_SURNAME_AS_NOUN) == ["Trump", "Turnbull"]


def test_a_delayed_meeting_keeps_its_partner(extract: Callable[..., list[Event]]) -> None:
    text = (
        "CANBERRA — Prime Minister Jacinda Ardern met Australian Prime Minister Scott "
        "Morrison in Sydney on Friday. A storm grounded her plane, delaying her meeting with "
        "the prime minister for three hours."
    )
    delayed = [e for e in extract(text) if e.event == "CONSULT" and e.trigger == "meeting"]
    assert [{a.name for a in e.actors + e.recipients} for e in delayed] == [
        {"Jacinda Ardern", "Scott Morrison"}
    ]


def test_the_two_leaders_are_the_people_who_spoke_not_the_state_criticized(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        'Emmanuel Macron, in a telephone call with Narendra Modi, "condemned '
        "Pakistan's support for militant groups,\" the Elysee said on Sunday. The two leaders "
        "agreed to expand naval cooperation in the Indian Ocean."
    )
    agreed = parties(extract(text), "AGREE")
    assert [sorted(actors) for actors, _ in agreed] == [["Emmanuel Macron", "Narendra Modi"]]


def test_a_subhead_glued_to_a_name_makes_no_person_of_the(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Ruto, Museveni-The call came after Kenyan President William Ruto spoke with "
        "Ugandan President Yoweri Museveni by telephone on Sunday. The two leaders agreed "
        "to reopen the border crossing at Busia."
    )
    agreed = parties(extract(text), "AGREE")
    assert [sorted(actors) for actors, _ in agreed] == [["William Ruto", "Yoweri Museveni"]]


def test_a_bodys_titled_officer_is_the_one_who_visits(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Association of Southeast Asian Nations (ASEAN) Secretary-General Kao Kim Hourn "
        "speaks to reporters during an official visit to Myanmar, in Naypyitaw, March 3, 2024."
    )
    assert parties(extract(text), "CONSULT") == [(["Kao Kim Hourn"], ["Myanmar"])]


# Britain and France urged Russia . Dutch officials say talks have stalled and they are
# calling for aid .
THEY_WHO_SAY = """
Britain 3 nsubj PROPN Britain GPE:GBR
and 0 cc CCONJ and -
France 0 conj PROPN France GPE:FRA
urged 3 ROOT VERB urge - VBD
Russia 3 dobj PROPN Russia GPE:RUS
. 3 punct PUNCT . -
Dutch 7 amod ADJ dutch NORP:NLD
officials 8 nsubj NOUN official - NNS
say 8 ROOT VERB say - VBP
talks 11 nsubj NOUN talk - NNS
have 11 aux AUX have - VBP
stalled 8 ccomp VERB stall - VBN
and 11 cc CCONJ and -
they 15 nsubj PRON they - PRP
are 15 aux AUX be - VBP
calling 11 conj VERB call - VBG
for 15 prep ADP for -
aid 16 pobj NOUN aid - NN
. 8 punct PUNCT . -
"""


def test_they_in_a_later_clause_of_what_a_group_says_are_that_group() -> None:
    # not Britain and France, the last group of actors
    requests = parties(events_of(THEY_WHO_SAY, shipped_knowledge(), "REQUEST"), "REQUEST")
    assert requests[0] == (["United Kingdom", "France"], ["Russia"])
    assert [actors for actors, _ in requests[1:]] == [["Netherlands"]]


def test_they_after_officials_say_and_a_comma_are_the_officials(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "LONDON — Britain and France urged Russia on Monday to reopen the border. Dutch "
        "officials say getting food to the refugees has become very hard as the fighting has "
        "gone on, and they are calling for neighboring states to use their influence."
    )
    calls = [p for p in parties(extract(text), "REQUEST") if p[1] != ["Russia"]]
    assert calls == [(["Netherlands"], [])]


# Ukraine accused Poland . Russians balked but they negotiated with Ukraine .
THEY_JOINED = """
Ukraine 1 nsubj PROPN Ukraine GPE:UKR
accused 1 ROOT VERB accuse - VBD
Poland 1 dobj PROPN Poland GPE:POL
. 1 punct PUNCT . -
Russians 5 nsubj PROPN Russians NORP:RUS NNPS
balked 5 ROOT VERB balk - VBD
but 5 cc CCONJ but -
they 8 nsubj PRON they - PRP
negotiated 5 conj VERB negotiate - VBD
with 8 prep ADP with - IN
Ukraine 9 pobj PROPN Ukraine GPE:UKR
. 5 punct PUNCT . -
"""


def test_they_joined_to_a_group_subjects_clause_are_that_group() -> None:
    # not Ukraine and Poland, the parties of the last event
    talks = parties(events_of(THEY_JOINED, shipped_knowledge(), "CONSULT"), "CONSULT")
    assert talks == [(["Russia"], ["Ukraine"])]


def test_both_nations_are_two_states_one_per_country() -> None:
    doc = parse("both 1 det DET both -\nnations 2 nsubj NOUN nation - NNS\nmet 2 ROOT VERB meet -")
    ministry = Actor(
        text="it", name="US Department of State", country="USA", kind="government", start=0, end=2
    )
    usa = Actor(text="U.S.", name="United States", country="USA", kind="country", start=3, end=7)
    cuba = Actor(text="Cuban", name="Cuba", country="CUB", kind="country", start=8, end=14)
    assert [a.name for a in counted(doc[1], [ministry, usa, cuba])] == ["United States", "Cuba"]
    # "the nations" counts none: the whole group
    doc = parse("the 1 det DET the -\nnations 2 nsubj NOUN nation - NNS\nmet 2 ROOT VERB meet -")
    assert counted(doc[1], [ministry, usa, cuba]) == [ministry, usa, cuba]


def test_both_nations_after_a_ministry_and_its_state_are_the_two_states(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "TOKYO — The State Department said it takes up fishing rights in regular talks "
        "between U.S. and Japanese envoys. The White House said last week that both nations "
        "held a round of trade consultations in Osaka in May."
    )
    rounds = [e for e in extract(text) if e.trigger == "consultations"]
    assert [sorted(a.name for a in e.actors + e.recipients) for e in rounds] == [
        ["Japan", "United States"]
    ]
