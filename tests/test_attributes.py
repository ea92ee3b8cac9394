"""The attribute ruler and lemmatizer by lookup give exactly the model's own annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from eventx.components.attributes import IndexedMatch, index_lemmatizer

pytestmark = pytest.mark.slow

# Written to reach the model's exceptions: 'gonna', 'let's', 'there is', 'but' as an adverb,
# pronouns as subjects and objects, auxiliaries, 'that' as a pronoun, odd spacing.
TEXTS = (
    "KAMPALA, Uganda (Wire) — \"We're gonna talk, let's be clear,\" the minister told reporters "
    "on Monday, adding that there is no deal yet.\n\n"
    "  She said it was all but certain. I told you so, and you told it to me.\n"
    "Y'all ain't seen nothin' yet, c'mon, said one envoy, who has had talks in Nairobi.\n\n\n"
    "That was what the delegation had wanted; those who did not agree left early.",
    "Officials did not say whether the two sides would meet again. It has been done before.",
)


@pytest.fixture(scope="module")
def plain() -> Language:
    from eventx.pipeline import default_model

    return spacy.load(default_model())


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in doc]


def test_indexed_matches_are_the_ruler_matches(plain: Language) -> None:
    ruler = plain.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    indexed = IndexedMatch(ruler)
    # One-token patterns are looked up; only a few go through a Matcher.
    assert len(indexed.rest) < len(ruler.patterns) / 10
    for doc in plain.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert indexed(doc) == ruler.match(doc)


def test_eventx_pipeline_tags_and_lemmatizes_as_the_model_does(
    plain: Language, nlp: Language
) -> None:
    for text in TEXTS:
        assert _annotations(nlp(text)) == _annotations(plain(text))


def test_kept_lemmas_are_dropped_past_the_limit(
    plain: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventx.components import attributes
    from eventx.pipeline import default_model

    model = spacy.load(default_model())  # a copy of its own to change
    lemmatizer = model.get_pipe("lemmatizer")
    index_lemmatizer(lemmatizer)
    monkeypatch.setattr(attributes, "MOST_LEMMAS", 5)
    first = model(TEXTS[0])
    kept = lemmatizer._eventx_kept  # type: ignore[attr-defined]
    assert len(kept) > 5
    second = model(TEXTS[1])
    assert len(kept) <= len(second)  # cleared before the second text, then refilled
    assert _annotations(first) == _annotations(plain(TEXTS[0]))
    assert _annotations(second) == _annotations(plain(TEXTS[1]))
