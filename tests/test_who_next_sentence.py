"""Parties of a contact named in the sentence after it: 'X hosted talks. Delegations from A
and B attended.' adds A and B to the talks; 'The meeting was chaired by C' adds C to the
meeting told before instead of making a second one. Only the sentence just before, and
never a sentence that tells something else taken part in ('a protest', 'a separate meeting')."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from eventx.components.rules import shipped_knowledge
from eventx.fastpath import extract_documents as fast_documents
from eventx.schema import Document, Event
from handbuilt import events_of

HOSTED = """
Russia 1 nsubj PROPN Russia GPE:RUS NNP
hosted 1 ROOT VERB host - VBD
talks 1 dobj NOUN talk - NNS
. 1 punct PUNCT . -
"""

# Iran and China attended .
ATTENDED = """
Iran 7 nsubj PROPN Iran GPE:IRN NNP
and 6 cc CCONJ and -
China 4 conj PROPN China GPE:CHN NNP
attended 7 ROOT VERB attend - VBD
. 7 punct PUNCT . -
"""

# Iran and China attended a protest .
ATTENDED_PROTEST = """
Iran 7 nsubj PROPN Iran GPE:IRN NNP
and 6 cc CCONJ and -
China 4 conj PROPN China GPE:CHN NNP
attended 7 ROOT VERB attend - VBD
a 9 det DET a -
protest 7 dobj NOUN protest - NN
. 7 punct PUNCT . -
"""

MET = """
Mbeki 1 nsubj PROPN Mbeki PERSON
met 1 ROOT VERB meet - VBD
Tsvangirai 1 dobj PROPN Tsvangirai PERSON
. 1 punct PUNCT . -
"""

# The meeting was chaired by Annan .
CHAIRED = """
The 5 det DET the -
meeting 7 nsubjpass NOUN meeting - NN
was 7 auxpass AUX be - VBD
chaired 7 ROOT VERB chair - VBN
by 7 agent ADP by -
Annan 8 pobj PROPN Annan PERSON
. 7 punct PUNCT . -
"""

# Iran and China were present .
PRESENT = """
Iran 7 nsubj PROPN Iran GPE:IRN NNP
and 6 cc CCONJ and -
China 4 conj PROPN China GPE:CHN NNP
were 7 ROOT AUX be - VBD
present 7 acomp ADJ present - JJ
. 7 punct PUNCT . -
"""

# Prices rose .
ASIDE = """
Prices 5 nsubj NOUN price - NNS
rose 5 ROOT VERB rise - VBD
. 5 punct PUNCT . -
"""


def parties(events: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [
        (sorted(a.name for a in e.actors), sorted(a.name for a in e.recipients))
        for e in events
        if e.event == "CONSULT"
    ]


def contacts(spec: str) -> list[tuple[list[str], list[str]]]:
    return parties(events_of(spec, shipped_knowledge(), "CONSULT"))


def test_who_attended_in_the_next_sentence_joins_the_talks() -> None:
    assert contacts(HOSTED + ATTENDED) == [(["Russia"], ["China", "Iran"])]


def test_who_was_present_joins_the_talks() -> None:
    assert contacts(HOSTED + PRESENT) == [(["Russia"], ["China", "Iran"])]


def test_attending_something_else_adds_no_party() -> None:
    assert contacts(HOSTED + ATTENDED_PROTEST) == [(["Russia"], [])]


def test_the_chair_of_the_meeting_joins_it_and_makes_no_second_record() -> None:
    assert contacts(MET + CHAIRED) == [(["Kofi Annan", "Thabo Mbeki"], ["Tsvangirai"])]


def test_only_the_sentence_just_before_is_joined() -> None:
    # with a sentence between, the list is three sentences from the talks
    shifted = "\n".join(
        " ".join([w, str(int(h) + 3), *rest])
        for w, h, *rest in (line.split() for line in ATTENDED.strip().splitlines())
    )
    assert contacts(HOSTED + ASIDE + shifted) == [(["Russia"], [])]


def test_delegations_listed_after_the_talks_are_its_parties(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "TASHKENT — Uzbekistan hosted a regional conference on water sharing on Tuesday. "
        "Delegations from Kazakhstan, Kyrgyzstan and Tajikistan took part."
    )
    assert parties(extract(text)) == [(["Uzbekistan"], ["Kazakhstan", "Kyrgyzstan", "Tajikistan"])]


def test_states_represented_and_a_delegation_sent_are_parties(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "AMMAN — Jordan convened an emergency meeting on the refugee crisis on Sunday. "
        "Lebanon and Iraq were represented by their foreign ministers, and Egypt sent a "
        "delegation."
    )
    assert parties(extract(text)) == [(["Jordan"], ["Egypt", "Iraq", "Lebanon"])]


def test_a_deputy_attending_joins_his_own_side(extract: Callable[..., list[Event]]) -> None:
    text = (
        "ABUJA — Nigerian President Muhammadu Buhari met Ghanaian President Nana Akufo-Addo "
        "in Abuja on Monday. The talks were also attended by Vice President Yemi Osinbajo of "
        "Nigeria."
    )
    found = [e for e in extract(text) if e.event == "CONSULT"]
    assert len(found) == 1
    assert {a.name for a in found[0].actors} >= {"Muhammadu Buhari", "Yemi Osinbajo"}
    assert "Yemi Osinbajo" not in {a.name for a in found[0].recipients}


def test_a_separate_meeting_or_a_protest_is_not_the_contact_before(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "PARIS — French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris "
        "on Monday. Hundreds of farmers took part in a protest near the Elysee palace. "
        "Spain and Portugal attended a separate meeting in Lisbon."
    )
    found = parties(extract(text))
    assert (["Emmanuel Macron"], ["Olaf Scholz"]) in found
    assert all("Spain" not in a + r or "Emmanuel Macron" not in a + r for a, r in found)


def test_the_fast_path_keeps_the_sentence_of_parties(nlp: Language) -> None:
    # the list holds no trigger of its own: the first pass must keep it all the same
    text = (
        "Kenya Says Border Talks Resume-NAIROBI — Kenyan officials said on Monday that crops "
        "had failed across the north. A new round of border talks with Somalia will be held "
        "in Nairobi on Friday, Kenyan Foreign Minister Raychelle Omamo said. The foreign "
        "ministers of Ethiopia and Djibouti will also participate."
    )
    ((_, found),) = list(fast_documents(nlp, [Document(doc_id="t", text=text)]))
    assert isinstance(found, list)
    (talks,) = [e for e in found if e.event == "CONSULT"]
    assert {"Ethiopia", "Djibouti"} <= {a.name for a in talks.actors + talks.recipients}


def test_other_ways_of_telling_who_attends(extract: Callable[..., list[Event]]) -> None:
    lead = "DAKAR — Senegal hosted a meeting on the Sahel crisis on Monday. "
    for told in (
        "Also attending were the defence ministers of Mali and Niger.",
        "Envoys from Mali and Niger are expected to attend.",
        "Among those taking part were Mali and Niger.",
    ):
        assert parties(extract(lead + told)) == [(["Senegal"], ["Mali", "Niger"])], told
    elsewhere = "Mali and Niger were present at the funeral of a former president."
    assert parties(extract(lead + elsewhere)) == [(["Senegal"], [])]
