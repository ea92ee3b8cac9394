"""The fast path parses only candidate sentences and their context, and finds the same events."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.pipeline import Sentencizer
from typer.testing import Result

from eventx.errors import ExtractionError
from eventx.fastpath import Inflector, SentencePicker
from eventx.fastpath import extract_documents as fast_documents
from eventx.pipeline import knowledge_of
from eventx.schema import Document, ExclusionRule, TriggerRule
from eventx.stream import extract_documents as full_documents

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = (
    "Ministers meet in Lusaka\n\n"
    "LUSAKA, Zambia (Wire) — Zambian Foreign Minister Ruth Banda met her Malawian "
    "counterpart in Lusaka on Monday to discuss cross-border trade.\n\n"
    "Heavy rain flooded roads in the north of the country overnight. Forecasters expect "
    "more storms this week. Farmers said the maize harvest would be late.\n\n"
    "The national football team lost 2-1 in a friendly on Saturday. The match was "
    "played in Ndola.\n\n"
    "Banda later spoke by phone with the head of the African Union, her office said.\n"
)


def _picker(nlp: Language) -> SentencePicker:
    return SentencePicker(nlp, knowledge_of(nlp))


def test_forms_come_from_the_lemmatizer_tables_and_respect_part_of_speech(
    nlp: Language,
) -> None:
    inflect = Inflector.of(nlp)
    assert {"met", "meets", "meeting"} <= inflect.forms("meet", ["verb"])
    assert {"spoke", "spoken", "speaking"} <= inflect.forms("speak", ["verb"])
    assert "talks" in inflect.forms("talk", ["noun"])
    # 'according' is the verb 'accord'; the noun (a treaty) has no such form
    assert "according" in inflect.forms("accord", ["verb"])
    assert "according" not in inflect.forms("accord", ["noun"])


def test_blanking_keeps_length_offsets_and_line_breaks(nlp: Language) -> None:
    reduced = _picker(nlp).reduce(ARTICLE)
    assert len(reduced) == len(ARTICLE)
    for original, kept in zip(ARTICLE, reduced, strict=True):
        assert kept == original or kept in " \n"
        assert kept == "\n" or original != "\n"  # line breaks stay
    # The meeting and the phone call stay, word for word, where they were.
    for sentence in ("Zambian Foreign Minister Ruth Banda met", "Banda later spoke by phone"):
        at = ARTICLE.index(sentence)
        assert reduced[at : at + len(sentence)] == sentence


def test_sentences_without_a_possible_trigger_are_blanked(nlp: Language) -> None:
    reduced = _picker(nlp).reduce(ARTICLE)
    assert "maize" not in reduced
    # The two sentences before a candidate: context for 'her', 'it', 'the two sides'.
    assert "football" in reduced and "played in Ndola" in reduced

    assert "Forecasters" not in reduced
    assert len(reduced.split()) < 0.7 * len(ARTICLE.split())


def test_the_sentence_introducing_a_name_is_kept_for_a_later_candidate(nlp: Language) -> None:
    text = (
        "Health Minister Joseph Mwale opened a clinic in Ndola on Tuesday.\n\n"
        "The clinic has forty beds. It cost $2 million. Nurses were trained abroad. "
        "Patients queued from dawn. A choir sang. Children danced.\n\n"
        "Mwale later met Chinese envoys in Lusaka.\n"
    )
    reduced = _picker(nlp).reduce(text)
    assert "Health Minister Joseph Mwale" in reduced
    assert "Patients" not in reduced
    # The candidate names its own parties: nothing before it is needed.
    assert "A choir sang" not in reduced


def _splitter_sentences(nlp: Language, text: str) -> list[str]:
    """The sentences spaCy's own rule-based splitter gives, with the first pass's two
    changes: a blank line ends a sentence, and an opening quote goes with its sentence."""
    doc = Sentencizer()(nlp.tokenizer(text))
    for token in doc[:-1]:
        if token.is_space and not doc[token.i + 1].is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    spans: list[tuple[int, int]] = []
    for sentence in doc.sents:
        start, end = (spans[-1][1] if spans else sentence.start), sentence.end
        if end - 1 > sentence.start and doc[end - 1].is_quote and doc[end - 2].whitespace_:
            end -= 1
        if spans and all(t.is_space for t in doc[start:end]):
            spans[-1] = (spans[-1][0], end)
        elif end > start:
            spans.append((start, end))
    if spans:
        spans[-1] = (spans[-1][0], len(doc))
    return [doc[start:end].text for start, end in spans]


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        'He said. "We will meet again," she said!? Then they left...\n\n\nNext day.',
        "Talks end\n\n\n\nKIGALI — Rwanda's envoy met Burundi's minister. What next?",
        "A rule of stars: " + "*" * 40 + " then Kenya met Uganda. " + "x" * 250 + " Done.",
        "The summit closed। Leaders left. Nothing more",
        "  \n\n  ",
    ],
)
def test_the_first_pass_splits_sentences_as_the_rule_based_splitter_does(
    nlp: Language, text: str
) -> None:
    choice = _picker(nlp).choose(text)
    found = [text[start:end] for start, end in choice.spans]
    assert found == _splitter_sentences(nlp, text)


def test_each_kept_sentence_says_why_it_is_kept(nlp: Language) -> None:
    text = (
        "Rain in the north\n\n"
        "NAIROBI (Wire) — Heavy rain fell on Monday.\n\n"
        "Trade Minister Esther Phiri opened a market. Shops sold maize. Buses ran late.\n\n"
        "Phiri later met the Ugandan envoy in Nairobi. Its staff attended.\n"
    )
    choice = _picker(nlp).choose(text)
    why = {
        text[start:end].strip(): choice.kept.get(i) for i, (start, end) in enumerate(choice.spans)
    }
    assert why["Rain in the north"] == "lead"
    assert why["Phiri later met the Ugandan envoy in Nairobi."] == "candidate"
    assert why["Trade Minister Esther Phiri opened a market."] == "name"
    assert why["Its staff attended."] == "follower"
    assert why["Shops sold maize."] is None
    assert choice.text() == _picker(nlp).reduce(text)


@pytest.mark.parametrize(
    "candidate",
    [
        "She later met the Togolese ambassador in Accra.",
        "Their envoys met in Accra on Tuesday.",
        "The two sides met again in Lome.",
        "The two ministers met again in Lome.",
    ],
)
def test_the_sentences_before_a_candidate_that_refers_back_are_kept(
    nlp: Language, candidate: str
) -> None:
    lead = "Rain fell over the coast on Monday. Markets opened late.\n\n"
    before = "The port stayed closed. Fishing boats stayed in the harbour. "
    referring = _picker(nlp).reduce(lead + before + candidate + "\n")
    assert "Fishing boats stayed in the harbour." in referring
    assert "The port stayed closed." in referring  # two sentences back
    named = _picker(nlp).reduce(lead + before + "Ghana's foreign minister met in Accra.\n")
    assert "Fishing boats" not in named and "port" not in named


def test_a_pronoun_resolves_to_the_subject_before_it_as_in_the_full_pipeline(
    nlp: Language,
) -> None:
    text = (
        "Floods close roads in Ghana\n\n"
        "ACCRA, Ghana (Wire) — Heavy rain closed roads across southern Ghana on Monday.\n\n"
        "Schools stayed shut. Farmers counted their losses. Traders stayed home.\n\n"
        "Foreign Minister Samuel Ablakwa returned from Lome on Tuesday. "
        "He met the Nigerian ambassador in Accra on Wednesday.\n"
    )
    documents = [Document(doc_id="floods", text=text)]
    [(_, full)] = list(full_documents(nlp, documents))
    [(_, fast)] = list(fast_documents(nlp, documents))
    assert isinstance(full, list) and isinstance(fast, list)
    assert [event.actors[0].name for event in full] == ["Samuel Ablakwa"]
    assert [e.model_dump_json() for e in fast] == [e.model_dump_json() for e in full]
    assert "Farmers" not in _picker(nlp).reduce(text)


# Names the tokenizer splits at hyphens, and a name holding what may be a person's ('Minh').
@pytest.mark.parametrize("place", ["Kampala", "South Sudan", "Port-au-Prince", "Ho Chi Minh City"])
def test_where_a_place_is_first_written_is_not_kept_for_a_later_candidate(
    nlp: Language, place: str
) -> None:
    text = (
        "Dry weather returns\n\n"
        "LODWAR (Wire) — Dry weather returned to the north on Tuesday.\n\n"
        f"Shops in {place} closed early for the holiday. Prices rose. Buses ran late.\n\n"
        "President William Ruto opened a new road in Eldoret. Crowds cheered. A band played.\n\n"
        f"Ruto met the Ugandan foreign minister in {place} on Friday.\n"
    )
    reduced = _picker(nlp).reduce(text)
    assert "Shops in" not in reduced  # a place names no person: nothing to learn there
    assert "President William Ruto opened a new road" in reduced  # where Ruto is introduced


def test_where_a_people_is_first_written_is_not_kept_for_a_later_candidate(
    nlp: Language,
) -> None:
    text = (
        "Drivers strike in Nakuru\n\n"
        "NAKURU, Kenya (Wire) - Bus drivers stayed off the roads on Monday.\n\n"
        "Kenyan drivers said the strike would last a week. Fares rose.\n\n"
        "The Ugandan minister welcomed the Kenyan envoy in Kampala on Friday.\n"
    )
    reduced = _picker(nlp).reduce(text)
    assert "The Ugandan minister welcomed the Kenyan envoy" in reduced
    # 'Kenyan' is a people the rulers know: where it is first written names no one the
    # candidate needs
    assert "strike would last a week" not in reduced


def test_an_office_or_a_day_is_no_name_whose_sentences_a_candidate_needs(
    nlp: Language,
) -> None:
    text = (
        "Harvest delayed in the north\n\n"
        "MZUZU, Malawi (Wire) — Farmers in the north said on Monday the maize harvest "
        "would be late.\n\n"
        "Prime Minister Owen Chirwa opened a seed depot. Buses ran late. Shops closed.\n\n"
        "Trade Minister Esther Phiri welcomed the Zambian envoy in Lilongwe on Tuesday.\n"
    )
    reduced = _picker(nlp).reduce(text)
    assert "Trade Minister Esther Phiri welcomed" in reduced
    # 'Minister' after 'Prime' names another minister; Phiri's own words bring her context
    assert "seed depot" not in reduced
    # a name still brings the sentence where it is first written
    chirwa = _picker(nlp).reduce(text.replace("Esther Phiri", "Esther Chirwa"))
    assert "Prime Minister Owen Chirwa opened a seed depot." in chirwa


def test_a_rule_added_later_is_followed_without_a_word_list(nlp: Language) -> None:
    knowledge = knowledge_of(nlp)
    text = "Officials said the weather was fine.\n\nThe envoys parleyed at length in Geneva.\n"
    before = SentencePicker(nlp, knowledge).reduce(text)
    assert "parleyed" not in before
    rule = TriggerRule(
        id="consult.parley.v1", lemma="parley", event="CONSULT", mode="meet", cameo="040"
    )
    extended = dataclasses.replace(knowledge, triggers=(*knowledge.triggers, rule))
    assert "parleyed" in SentencePicker(nlp, extended).reduce(text)


SPORT_DAY = (
    "Rain expected at the weekend\n\n"
    "NAKURU, Kenya (Wire) - Forecasters said heavy rain would reach the valley by Saturday.\n\n"
    "Coach Peter Otieno said his players would be ready when the clubs meet again in the "
    "league next month. Tickets sold out within an hour.\n\n"
    "Ushers at the Nakuru hospital welcomed a delivery of Japanese aid for its wards. "
    "The director of the Arab League met Kenyan officials in Nairobi on Monday.\n"
)


def test_a_sentence_an_exclusion_term_keeps_from_every_event_is_not_parsed(
    nlp: Language,
) -> None:
    reduced = _picker(nlp).reduce(SPORT_DAY)
    # 'clubs' (the term 'club' inflected) and 'league' block every event 'meet' could give
    assert "clubs meet again" not in reduced
    # 'hospital' blocks contacts, not aid; a capitalized 'League' is a name's word
    assert "welcomed a delivery of Japanese aid" in reduced
    assert "director of the Arab League met Kenyan officials" in reduced
    documents = [Document(doc_id="sport", text=SPORT_DAY)]
    [(_, full)] = list(full_documents(nlp, documents))
    [(_, fast)] = list(fast_documents(nlp, documents))
    assert isinstance(full, list) and isinstance(fast, list)
    assert not [event for event in full if "clubs" in event.sentence]
    assert [e.model_dump_json() for e in fast] == [e.model_dump_json() for e in full]


def test_an_exclusion_term_added_later_is_followed_without_a_word_list(nlp: Language) -> None:
    knowledge = knowledge_of(nlp)
    text = "Markets were calm.\n\nThe quartet will meet the orchestra in Vienna in May.\n"
    assert "quartet will meet" in SentencePicker(nlp, knowledge).reduce(text)
    music = ExclusionRule(
        id="exclude.music.v1", description="Music.", terms=("quartet",), events=("CONSULT",)
    )
    extended = dataclasses.replace(knowledge, exclusions=(*knowledge.exclusions, music))
    assert "quartet will meet" not in SentencePicker(nlp, extended).reduce(text)


def _generated(count: int) -> list[Document]:
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus"] = module
    spec.loader.exec_module(module)
    return [
        Document(doc_id=record.pop("id"), **record) for record in module.articles(count, seed=3)
    ]


def test_fast_path_events_agree_with_the_full_pipeline(nlp: Language) -> None:
    documents = _generated(40)
    full = {
        document.doc_id: [event.model_dump_json() for event in result]
        for document, result in full_documents(nlp, documents)
        if isinstance(result, list)
    }
    fast = {
        document.doc_id: [event.model_dump_json() for event in result]
        for document, result in fast_documents(nlp, documents)
        if isinstance(result, list)
    }
    assert list(fast) == list(full)
    total = sum(len(events) for events in full.values())
    same = sum(len(set(full[key]) & set(fast[key])) for key in full)
    assert total > 50
    assert same / total >= 0.99, (same, total)


def test_cli_parses_only_candidates_by_default_and_everything_with_full(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "lusaka.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    reduced: list[str] = []
    original = SentencePicker.reduce

    def counted(self: SentencePicker, text: str) -> str:
        reduced.append(text)
        return original(self, text)

    monkeypatch.setattr(SentencePicker, "reduce", counted)
    default = run(article, "-f", "jsonl")
    assert len(reduced) == 1 and "Ruth Banda met" in reduced[0]
    full = run(article, "-f", "jsonl", "--full")
    fast = run(article, "-f", "jsonl", "--fast")
    assert len(reduced) == 2  # --full reduced nothing, --fast the article again
    assert default.exit_code == full.exit_code == fast.exit_code == 0, default.output
    assert default.stdout == full.stdout == fast.stdout
    assert len(default.stdout.splitlines()) >= 2


def test_a_text_longer_than_the_model_takes_is_not_reduced(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A first pass over a text the full path will cut into parts, or refuse, would tokenize
    # all of it at once: tens of megabytes for a text that is then refused.
    reduced: list[int] = []
    original = SentencePicker.reduce

    def counted(self: SentencePicker, text: str) -> str:
        reduced.append(len(text))
        return original(self, text)

    monkeypatch.setattr(SentencePicker, "reduce", counted)
    monkeypatch.setattr(nlp, "max_length", 2_000)
    long = Document(doc_id="long", text=(ARTICLE + "\n\n") * 8)
    short = Document(doc_id="short", text=ARTICLE)
    results = dict(
        (document.doc_id, result) for document, result in fast_documents(nlp, [long, short])
    )
    assert reduced == [len(ARTICLE)]
    assert isinstance(results["long"], list) and len(results["long"]) >= 8
    assert isinstance(results["short"], list) and results["short"]


def test_a_text_the_first_pass_cannot_read_fails_alone_with_the_reason(nlp: Language) -> None:
    odd = Document(doc_id="odd", text="The minister met \ud800 envoys in Lusaka on Monday.")
    documents = [odd, Document(doc_id="next", text=ARTICLE)]
    results = dict(fast_documents(nlp, documents))
    failed = results[odd]
    assert isinstance(failed, ExtractionError) and "surrogate" in str(failed)
    assert isinstance(results[documents[1]], list) and results[documents[1]]
