"""Texts over the model's limit are cut at paragraph breaks; events point into the whole text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventx.errors import ExtractionError
from eventx.longtext import cut_points
from eventx.schema import Document, Event
from eventx.stream import extract_documents

PARAGRAPHS = (
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on "
    "Monday to discuss the security of their shared border.",
    "Heavy rain is forecast for the coast this week, the weather service said.",
    "Ghana's foreign minister held talks with his Nigerian counterpart in Accra on Tuesday.",
    "The shilling weakened slightly against the dollar in early trading.",
    "Senegal and Mauritania signed an agreement on fisheries in Dakar on Wednesday.",
)


def _text(copies: int) -> str:
    return "\n\n".join(PARAGRAPHS * copies) + "\n"


def test_cuts_fall_on_blank_lines_and_parts_stay_under_the_limit() -> None:
    text = _text(6)
    starts = cut_points(text, 1000)
    assert len(starts) > 1
    ends = [*starts[1:], len(text)]
    for start, end in zip(starts, ends, strict=True):
        assert end - start <= 1000
    for start in starts[1:]:
        assert text[start - 2 : start] == "\n\n"


def test_without_paragraphs_a_cut_falls_after_a_sentence_or_a_space() -> None:
    sentences = " ".join(PARAGRAPHS * 4)
    for start in cut_points(sentences, 700)[1:]:
        assert sentences[start - 2 : start] == ". "
    words = "word " * 400
    assert all(words[start - 1] == " " for start in cut_points(words, 333)[1:])
    assert cut_points("x" * 2500, 1000) == [0, 1000, 2000]


def _events(nlp: Language, text: str) -> list[Event]:
    ((_, result),) = list(extract_documents(nlp, [Document(doc_id="long", text=text)]))
    assert not isinstance(result, ExtractionError), result
    return result


@pytest.mark.slow
def test_a_text_over_the_limit_gives_the_events_of_a_whole_run(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _text(4)
    whole = _events(nlp, text)
    monkeypatch.setattr(nlp, "max_length", 900)
    parts = _events(nlp, text)
    assert len(whole) >= 8
    assert parts == whole  # same ids, offsets, sentences
    for event in parts:
        assert text[event.start : event.end] == event.sentence
        assert text[event.trigger_start : event.trigger_end] == event.trigger
        for actor in event.actors + event.recipients:
            assert text[actor.start : actor.end] == actor.text


@pytest.mark.slow
def test_a_text_far_over_the_limit_is_still_refused(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp, "max_length", 100)
    ((_, result),) = list(extract_documents(nlp, [Document(doc_id="huge", text=_text(40))]))
    assert isinstance(result, ExtractionError)
    assert "above the model's limit of 100" in result.reason
