"""Headlines and subheads run into the story: a title-case headline glued to its lead, a
subhead or dateline whose hyphen has a space before it, and what that does to the parties."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy

from eventx.components.headlines import Headlines, sentence_starts
from eventx.schema import Event


def starts(text: str) -> list[str]:
    doc = Headlines("eventx_headlines")(spacy.blank("en")(text))
    return [doc[i].text for i in sentence_starts(doc)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Kenya Says Border Talks Stall Again-Kenya said on Tuesday that", "Kenya"),
        ("Burma Frees More Detainees-Seven detainees were released", "Seven"),
        ("Envoy Hopeful on Peace Deal-The U.N. envoy said", "The"),
        # the first candidate is inside the headline: the lead comes after the second
        ("Ruto Says Kenya-Uganda Ties Strong-President William Ruto said", "President"),
    ],
)
def test_a_title_case_headline_ends_where_the_lead_begins(text: str, start: str) -> None:
    assert starts(text) == [start]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli-Palestinian Talks Resume in Cairo",
        "Kenya-Uganda Border Reopens After Talks",
        "Minister Visits Ex-Soviet Republics-Officials Say More Trips Are Planned",
    ],
)
def test_hyphenated_headline_words_do_not_end_it(text: str) -> None:
    assert starts(text) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Fishermen Freed at Sea -LIMA — -Peru's coast guard said", "LIMA"),
        ("Border deal -The two ministers met in Arusha", "The"),
        ("Talks resume -Kenyan officials said on Monday", "Kenyan"),
    ],
)
def test_a_hyphen_after_a_space_ends_a_subhead(text: str, start: str) -> None:
    assert starts(text) == [start]
    doc = Headlines("eventx_headlines")(spacy.blank("en")(text))
    assert f"-{start}" not in [t.text for t in doc]  # the hyphen is no part of the word


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("he said. Lena Marsh-The U.N. envoy Lena Marsh met Okoro", "The"),
        ("he said. Kenya-Uganda Talks-The two ministers met in Busia", "The"),
    ],
)
def test_a_capitalized_subhead_ends_before_a_sentence_it_is_glued_to(text: str, start: str) -> None:
    assert starts(text) == [start]


@pytest.mark.parametrize(
    "text",
    ["he said. Mohamed Ould Cheikh-Ahmed said", "he said. UN Envoy Jean-Pierre Lacroix met"],
)
def test_a_hyphenated_name_after_a_sentence_is_no_subhead(text: str) -> None:
    assert starts(text) == []


def test_a_headline_run_into_the_lead_names_no_party(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Minister Okafor Seeks Fresh Border Talks With Cameroon-Nigeria's foreign minister "
        "met Cameroonian envoys in Abuja on Tuesday."
    )
    (event,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert event.sentence.startswith("Nigeria's")
    assert all("Seeks" not in a.name for a in event.actors + event.recipients)


def test_a_dateline_after_a_spaced_hyphen_leaves_the_headline_out(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "Boat Row Deepens Between Neighbours -ATHENS — -Greek Foreign Minister Nikos Dendias "
        "met his Turkish counterpart Mevlut Cavusoglu in Athens on Monday."
    )
    (event,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert event.sentence.startswith("ATHENS")
    assert [a.name for a in event.actors] == ["Nikos Dendias"]
