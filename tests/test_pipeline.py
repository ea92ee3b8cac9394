"""Building the pipeline: model choice, component order, paragraphs, saving and loading."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from eventx.errors import ModelNotFoundError
from eventx.pipeline import default_model, load_pipeline
from eventx.schema import Document, Event
from eventx.stream import extract_documents


def test_environment_variable_picks_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTX_MODEL", "my_model")
    assert default_model() == "my_model"


def test_default_model_is_an_installed_english_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTX_MODEL", raising=False)
    assert default_model().startswith("en_core_web_")


@pytest.mark.parametrize("model", ["en_core_web_nonexistent", "./no/such/model/dir"])
def test_a_missing_model_is_one_clear_error(model: str) -> None:
    with pytest.raises(ModelNotFoundError, match=r"install|does not exist"):
        load_pipeline(model)


@pytest.mark.slow
def test_rulers_run_first_and_events_last(nlp: Language) -> None:
    names = nlp.pipe_names
    # Headline splitting comes before the rulers, so they see "U.S." and not "-U.S.".
    assert names[:4] == ["eventx_headlines", "eventx_actors", "eventx_orgs", "eventx_places"]
    assert names.index("eventx_paragraphs") < names.index("parser")
    assert names[-2:] == ["eventx_people", "eventx_events"]


@pytest.mark.slow
def test_a_blank_line_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("Talks resume in Geneva\n\nThe two delegations met on Monday.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "Talks resume in Geneva",
        "The two delegations met on Monday.",
    ]


@pytest.mark.slow
def test_saved_pipeline_loads_with_plain_spacy_load(nlp: Language, tmp_path: Path) -> None:
    text = "Mali's Foreign Minister Abdoulaye Diop met French envoy Claire Roux in Bamako."
    nlp.to_disk(tmp_path / "eventx-pipeline")
    loaded = spacy.load(tmp_path / "eventx-pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    document = Document(doc_id="d", text=text)
    ((_, before),) = list(extract_documents(nlp, [document]))
    ((_, after),) = list(extract_documents(loaded, [document]))
    assert not isinstance(before, Exception) and before
    assert after == before


@pytest.mark.slow
def test_a_saved_pipeline_with_user_patterns_is_used_as_it_is(tmp_path: Path) -> None:
    patterns = tmp_path / "mine.jsonl"
    patterns.write_text(
        '{"label": "GPE", "pattern": "Freedonia", "id": "FRD", "name": "Freedonia", '
        '"kind": "country", "country": "FRD"}\n',
        encoding="utf-8",
    )
    built = load_pipeline(patterns=[patterns])
    built.to_disk(tmp_path / "saved")
    loaded = load_pipeline(str(tmp_path / "saved"))
    assert loaded.pipe_names == built.pipe_names
    text = "Freedonia hosted Mali's Foreign Minister Abdoulaye Diop in its capital."
    ((_, events),) = list(extract_documents(loaded, [Document(doc_id="d", text=text)]))
    assert not isinstance(events, Exception)
    (host,) = events[0].actors
    assert (host.name, host.country) == ("Freedonia", "FRD")


@pytest.mark.slow
def test_an_error_in_the_caller_s_documents_reaches_the_caller(nlp: Language) -> None:
    def documents() -> Iterator[Document]:
        yield Document(doc_id="a", text="Mali's Foreign Minister met the French envoy in Bamako.")
        raise OSError("the feed went away")

    results = []
    with pytest.raises(OSError, match="the feed went away"):
        for item in extract_documents(nlp, documents()):
            results.append(item)
    assert [document.doc_id for document, _ in results] == ["a"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Kim-Lee met Park Ji-won in Seoul.",
        "— Mali met Niger.",
        "-",
        "a",
        " ",
        "Lee-Kim-Park-Choi met.",
    ],
)
def test_odd_texts_give_sound_records_not_errors(
    nlp: Language, sound: Callable[[str], list[Event]], text: str
) -> None:
    ((_, result),) = list(extract_documents(nlp, [Document(doc_id="d", text=text)]))
    assert not isinstance(result, Exception), result
    sound(text)


@pytest.mark.slow
def test_the_package_api_loads_and_extracts() -> None:
    import eventx

    nlp = eventx.load()
    events = list(
        eventx.extract_events(
            nlp, ["Mali's Foreign Minister Abdoulaye Diop met French envoy Claire Roux in Bamako."]
        )
    )
    assert [event.event for event in events] == ["CONSULT"]
    assert isinstance(events[0], eventx.Event) and events[0].schema_version == eventx.SCHEMA_VERSION


@pytest.mark.slow
def test_names_that_are_common_words_are_places_only_after_a_preposition(nlp: Language) -> None:
    doc = nlp("Talks in Nice resumed. Jackson met the envoy, and the weather was nice.")
    places = [(ent.text, ent.ent_id_) for ent in doc.ents if ent.label_ == "GPE"]
    assert [text for text, _ in places] == ["Nice"]
    assert places[0][1].startswith("geonames:")
    assert all(ent.label_ != "GPE" for ent in doc.ents if ent.text == "Jackson")
