"""Parse repairs of coordinated lists of parties (extract.coordination): members the parser
hangs elsewhere, and clauses it hangs on the wrong member."""

from __future__ import annotations

from eventx.extract.coordination import list_edits
from eventx.extract.repair import apply_edits
from eventx.extract.subject import subject_of
from handbuilt import parse

# Russia , which backs Assad , and Turkey , which arms rebels , brokered the deal . -- parsed
# with Turkey and its clause hung on Assad, inside Russia's clause
CLAUSE_BETWEEN = """
Russia 13 nsubj PROPN Russia GPE:RUS NNP
, 0 punct PUNCT , - ,
which 3 nsubj PRON which - WDT
backs 0 relcl VERB back - VBZ
Assad 3 dobj PROPN Assad PERSON NNP
, 4 punct PUNCT , - ,
and 4 cc CCONJ and - CC
Turkey 4 conj PROPN Turkey GPE:TUR NNP
, 4 punct PUNCT , - ,
which 10 nsubj PRON which - WDT
arms 4 relcl VERB arm - VBZ
rebels 10 dobj NOUN rebel - NNS
, 0 punct PUNCT , - ,
brokered 13 ROOT VERB broker - VBD
the 15 det DET the - DT
deal 13 dobj NOUN deal - NN
. 13 punct PUNCT . - .
"""


def repaired(spec: str) -> list[tuple[str, str, str]]:
    doc = parse(spec)
    apply_edits(doc, list_edits(doc))
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_member_after_a_relative_clause_is_the_list_s_not_the_clause_s() -> None:
    doc = parse(CLAUSE_BETWEEN)
    apply_edits(doc, list_edits(doc))
    assert (doc[7].dep_, doc[7].head.text) == ("conj", "Russia")
    assert (doc[10].dep_, doc[10].head.text) == ("relcl", "Turkey")
    assert [t.text for t in subject_of(doc[13])[0]] == ["Russia", "Turkey"]
    # each clause is said of its own member only
    assert [t.text for t in subject_of(doc[3])[0]] == ["Russia"]
    assert [t.text for t in subject_of(doc[10])[0]] == ["Turkey"]


def test_a_list_inside_the_relative_clause_is_left_alone() -> None:
    # Russia , which backs Assad , Iran , and Hezbollah , brokered the deal .
    spec = """
Russia 11 nsubj PROPN Russia GPE:RUS NNP
, 0 punct PUNCT , - ,
which 3 nsubj PRON which - WDT
backs 0 relcl VERB back - VBZ
Assad 3 dobj PROPN Assad PERSON NNP
, 4 punct PUNCT , - ,
Iran 4 conj PROPN Iran GPE:IRN NNP
, 6 punct PUNCT , - ,
and 6 cc CCONJ and - CC
Hezbollah 6 conj PROPN Hezbollah ORG NNP
, 0 punct PUNCT , - ,
brokered 11 ROOT VERB broker - VBD
the 13 det DET the - DT
deal 11 dobj NOUN deal - NN
. 11 punct PUNCT . - .
"""
    assert list_edits(parse(spec)) == []


# The army is backed by Hezbollah fighters , Russian forces and Iraqi militias armed by
# Iran . -- parsed with the participle on the middle member
PARTICIPLE_ON_MIDDLE = """
The 1 det DET the - DT
army 3 nsubjpass NOUN army - NN
is 3 auxpass AUX be - VBZ
backed 3 ROOT VERB back - VBN
by 3 agent ADP by - IN
Hezbollah 6 compound PROPN Hezbollah ORG NNP
fighters 4 pobj NOUN fighter - NNS
, 6 punct PUNCT , - ,
Russian 9 amod ADJ russian NORP JJ
forces 6 conj NOUN force - NNS
and 9 cc CCONJ and - CC
Iraqi 12 amod ADJ iraqi NORP JJ
militias 9 conj NOUN militia - NNS
armed 9 acl VERB arm - VBN
by 13 agent ADP by - IN
Iran 14 pobj PROPN Iran GPE:IRN NNP
. 3 punct PUNCT . - .
"""


def test_a_participle_after_the_last_member_is_the_last_member_s() -> None:
    doc = parse(PARTICIPLE_ON_MIDDLE)
    apply_edits(doc, list_edits(doc))
    assert (doc[13].dep_, doc[13].head.text) == ("acl", "militias")
    assert subject_of(doc[13]) == ([doc[12]], True)


def test_a_participle_on_the_first_member_may_describe_the_whole_list() -> None:
    # "... by Russian forces and Iraqi militias armed by Iran": on the list's head it may be
    # said of them all, so the parser's reading stands
    spec = PARTICIPLE_ON_MIDDLE.replace("armed 9 acl", "armed 6 acl")
    assert list_edits(parse(spec)) == []


# Russia , Turkey Agree to Extend Truce -- a headline, parsed with Turkey a modifier
HEADLINE = """
Russia 3 nsubj PROPN Russia GPE:RUS NNP
, 0 punct PUNCT , - ,
Turkey 3 compound PROPN Turkey GPE:TUR NNP
Agree 3 ROOT VERB agree - VBP
to 5 aux PART to - TO
Extend 3 xcomp VERB extend - VB
Truce 5 dobj NOUN truce - NN
"""


def test_a_headline_s_comma_joined_subjects_are_both_the_plural_verb_s() -> None:
    tree = repaired(HEADLINE)
    assert tree[2] == ("Turkey", "conj", "Russia")
    assert tree[0] == ("Russia", "nsubj", "Agree")
    doc = parse(HEADLINE)
    apply_edits(doc, list_edits(doc))
    assert [t.text for t in subject_of(doc[3])[0]] == ["Russia", "Turkey"]


def test_a_singular_verb_after_a_comma_is_left_alone() -> None:
    # "Kenya , the host , agreed": an apposition before a past tense, no second subject
    spec = """
Kenya 4 nsubj PROPN Kenya GPE:KEN NNP
, 0 punct PUNCT , - ,
the 3 det DET the - DT
host 0 appos NOUN host - NN
agreed 4 ROOT VERB agree - VBD
. 4 punct PUNCT . - .
"""
    assert list_edits(parse(spec)) == []


# Envoys of the powers - Britain , China , and the United States - convene in Vienna . -- parsed
# with the last member a modifier of the verb after the dash
LAST_MEMBER = """
Envoys 0 ROOT NOUN envoy - NNS
of 0 prep ADP of - IN
the 3 det DET the - DT
powers 1 pobj NOUN power - NNS
- 5 punct PUNCT - - :
Britain 3 appos PROPN Britain GPE:GBR NNP
, 5 punct PUNCT , - ,
China 5 conj PROPN China GPE:CHN NNP
, 7 punct PUNCT , - ,
and 7 cc CCONJ and - CC
the 14 det DET the - DT
United 12 compound PROPN United GPE:USA NNP
States 14 compound PROPN States +GPE NNP
- 14 punct PUNCT - - HYPH
meet 7 conj VERB meet - VBP
in 14 prep ADP in - IN
Vienna 15 pobj PROPN Vienna GPE:AUT NNP
. 0 punct PUNCT . - .
"""


def test_the_member_after_a_list_s_and_is_its_last_member() -> None:
    tree = repaired(LAST_MEMBER)
    assert tree[12] == ("States", "conj", "China")
    assert tree[10] == ("the", "det", "States")


def test_a_party_after_and_that_is_a_subject_or_a_modifier_is_left_alone() -> None:
    as_subject = LAST_MEMBER.replace("States 14 compound", "States 14 nsubj")
    assert list_edits(parse(as_subject)) == []
    # "..., and Jordanian King Abdullah": the nationality modifies the name after it
    as_modifier = LAST_MEMBER.replace(
        "States 14 compound PROPN States +GPE", "States 14 compound PROPN States PERSON"
    )
    assert list_edits(parse(as_modifier)) == []


# Blinken met with the president of Kenya , William Ruto , and acting Sudanese Prime
# Minister Osman Hussein . -- parsed with Ruto joined to Kenya and 'acting' as a verb
OFFICE_AND_PERSON = """
Blinken 1 nsubj PROPN Blinken PERSON NNP
met 1 ROOT VERB meet - VBD
with 1 prep ADP with - IN
the 4 det DET the - DT
president 2 pobj NOUN president TITLE NN
of 4 prep ADP of - IN
Kenya 5 pobj PROPN Kenya GPE:KEN NNP
, 6 punct PUNCT , - ,
William 9 compound PROPN William PERSON NNP
Ruto 6 conj PROPN Ruto +PERSON NNP
, 1 punct PUNCT , - ,
and 1 cc CCONJ and - CC
acting 1 conj VERB act - VBG
Sudanese 15 amod ADJ sudanese NORP JJ
Prime 15 compound PROPN Prime TITLE NNP
Minister 17 compound PROPN Minister +TITLE NNP
Osman 17 compound PROPN Osman PERSON NNP
Hussein 12 dobj PROPN Hussein +PERSON NNP
. 1 punct PUNCT . - .
"""


def test_an_office_s_holder_and_the_person_after_and_are_both_objects() -> None:
    tree = repaired(OFFICE_AND_PERSON)
    assert tree[9] == ("Ruto", "appos", "president")
    assert tree[17] == ("Hussein", "conj", "president")
    assert tree[12] == ("acting", "amod", "Hussein")


def test_a_verb_after_and_is_left_to_the_sentence() -> None:
    # "... , William Ruto , and discussed trade ."
    lines = OFFICE_AND_PERSON.strip().splitlines()[:12]
    spec = "\n".join(
        [
            *lines,
            "discussed 1 conj VERB discuss - VBD",
            "trade 12 dobj NOUN trade - NN",
            ". 1 punct PUNCT . - .",
        ]
    )
    tree = repaired(spec)
    assert tree[9] == ("Ruto", "appos", "president")
    assert tree[12] == ("discussed", "conj", "met")


def _parties(events, event: str) -> list[list[str | None]]:  # type: ignore[no-untyped-def]
    return [[p.country for p in e.actors + e.recipients] for e in events if e.event == event]


def test_wire_copy_members_with_relative_clauses(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran, which backs the Houthi rebels, and Saudi Arabia, which leads a coalition "
        "against them, agreed on Friday to restore diplomatic ties."
    )
    found = extract(text)
    (backing,) = [e for e in found if e.event == "SUPPORT"]
    assert [a.country for a in backing.actors] == ["IRN"]
    assert ["SAU"] not in [[r.country] for r in backing.recipients]
    assert ["IRN", "SAU"] in _parties(found, "AGREE")


def test_wire_copy_headline_subjects(extract) -> None:  # type: ignore[no-untyped-def]
    found = extract("Russia, Turkey Agree to Extend Syria Ceasefire")
    (agree,) = [e for e in found if e.event == "AGREE"]
    assert [a.country for a in agree.actors] == ["RUS", "TUR"]


def test_wire_copy_an_office_holder_then_another_leader(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Blinken met in Washington with the president of Kenya, William Ruto, and acting "
        "Sudanese Prime Minister Osman Hussein."
    )
    (meeting,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert {r.country for r in meeting.recipients} == {"KEN", "SDN"}


def test_wire_copy_a_participle_on_the_last_member(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fighting continued between the Houthis and the Yemeni army, which is backed by "
        "Sudanese troops, Emirati forces and Somali militia supported by Saudi Arabia."
    )
    support = [e for e in extract(text) if e.event == "SUPPORT" and e.trigger == "supported"]
    assert [[r.country for r in e.recipients] for e in support] == [["SOM"]]


def test_wire_copy_a_dash_list_names_the_signers(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Envoys from Israel and the four states who signed the accords - Bahrain, Morocco, "
        "Sudan, and the United Arab Emirates - meet in Rabat Tuesday."
    )
    (signing,) = [e for e in extract(text) if e.event == "AGREE"]
    countries = [a.country for a in signing.actors if a.country]
    assert countries == ["BHR", "MAR", "SDN", "ARE"]


# Delegates of the states who signed the accords - Bahrain and Morocco - met . -- the list
# after the dash hung on the clause's object
DASH_LIST = """
Delegates 14 nsubj NOUN delegate - NNS
of 0 prep ADP of - IN
the 3 det DET the - DT
states 1 pobj NOUN state - NNS
who 5 nsubj PRON who - WP
signed 3 relcl VERB sign - VBD
the 7 det DET the - DT
accords 5 dobj NOUN accord - NNS
- 7 punct PUNCT - - :
Bahrain 7 appos PROPN Bahrain GPE:BHR NNP
and 9 cc CCONJ and - CC
Morocco 9 conj PROPN Morocco GPE:MAR NNP
- 14 punct PUNCT - - HYPH
met 14 ROOT VERB meet - VBD
. 14 punct PUNCT . - .
"""


def test_a_dash_list_on_a_clause_s_object_names_the_noun_the_clause_describes() -> None:
    doc = parse(DASH_LIST)
    apply_edits(doc, list_edits(doc))
    assert (doc[9].dep_, doc[9].head.text) == ("appos", "states")
    assert [t.text for t in subject_of(doc[5])[0]] == ["states", "Bahrain", "Morocco"]


def test_a_dash_list_of_things_is_left_alone() -> None:
    # "... signed the accords - trade and security - ...": no parties listed
    spec = DASH_LIST.replace("Bahrain 7 appos PROPN Bahrain GPE:BHR", "trade 7 appos NOUN trade -")
    spec = spec.replace("Morocco 9 conj PROPN Morocco GPE:MAR", "security 9 conj NOUN security -")
    assert list_edits(parse(spec)) == []
