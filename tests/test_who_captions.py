"""Photo captions run into the story: told apart, and their people are no antecedents of the
story's 'he' and 'she'."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from eventx.components.rules import shipped_knowledge
from eventx.extract.caption import is_caption, subhead
from eventx.schema import Event

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("FILE - Prime Minister Rama speaks in Tirana, May 2, 2024.", True),
        ("- FILE - Ministers arrive for the summit.", True),
        ("Ruto, left, and Museveni shake hands in Kampala, March 3, 2024.", True),
        ("Xi (R) greets Lula inside the Great Hall of the People.", True),
        ("Ruto met Museveni in Kampala, where they agreed to reopen the border.", False),
        ("The left wing of the party rejected the deal.", False),
        ("He turned right, and the convoy followed.", False),
    ],
)
def test_a_caption_is_told_by_its_opener_or_its_positions(text: str, caption: bool) -> None:
    assert is_caption(NLP(text)[:], shipped_knowledge()) is caption


def actors_of(events: list[Event], trigger: str) -> list[list[str]]:
    return [[a.name for a in e.actors] for e in events if e.trigger == trigger]


def test_he_after_a_file_photo_is_the_story_s_leader(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "ANKARA — Turkish President Recep Tayyip Erdogan arrived in Baku on Monday for talks "
        "on a new gas pipeline. FILE - Russian President Vladimir Putin, right, and "
        "Azerbaijani President Ilham Aliyev shake hands in Moscow, April 22, 2024. He met "
        "Aliyev at the presidential palace on Tuesday."
    )
    assert actors_of(extract(text), "met") == [["Recep Tayyip Erdoğan"]]


def test_he_after_a_caption_placing_its_people_is_the_visitor(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "WASHINGTON — U.S. Secretary of State Antony Blinken flew to Amman on Friday. Jordan's "
        "King Abdullah II, left, welcomes Egyptian President Abdel Fattah el-Sisi at the "
        "royal palace in Amman, Jordan, Jan. 10, 2024. He met King Abdullah on Saturday."
    )
    assert actors_of(extract(text), "met") == [["Antony Blinken"]]


def test_a_subheads_contact_is_the_one_its_paragraph_tells(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "NAIROBI — Kenya and Uganda reopened the Busia crossing on Monday. Kenya-Uganda "
        "talks-A Kenyan trade official said negotiations between Nairobi and Kampala on fuel "
        "tariffs will continue in Kampala this week."
    )
    assert [e.trigger for e in extract(text) if e.event == "CONSULT"] == ["negotiations"]


def test_a_subhead_is_a_few_words_without_a_verb_ended_by_a_hyphen() -> None:
    words = ["Ruto", "spoke", ".", "Kenya", "talks", "-", "Ruto", "met", "Museveni", "."]
    pos = ["PROPN", "VERB", "PUNCT", "PROPN", "NOUN", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"]
    starts = [True, False, False, True, False, False, True, False, False, False]
    doc = Doc(NLP.vocab, words=words, pos=pos, sent_starts=starts)
    assert [subhead(s) for s in doc.sents] == [False, True, False]
    # the story's first line is its headline, not a subhead
    assert not subhead(Doc(NLP.vocab, words=words[3:6], pos=pos[3:6])[:])
