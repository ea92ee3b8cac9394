"""The tokenizer guard: ordinary text tokenizes as before, runs of marks cost linear work."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from eventx.components.tokenizer import MAX_CHUNK, MAX_RUN, GuardedTokenizer, guard_tokenizer

ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = ROOT / "tests" / "data" / "dev" / "gold.jsonl"
VOA_DEV = ROOT.parent / "shared" / "eval" / "voa_dev" / "documents.jsonl"
# Marks that spaCy strips one at a time as prefixes or suffixes, and pairs that alternate.
MARKS = ["*", "<", "!", "?", ")", "]", "'", '"', "%", "#", "&", "_", "«", "¡", "?!", ".,", "\"'"]


def _texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def _seed_and_dev_texts() -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    return seeds + _texts(DEV_GOLD)


def _tokens(doc: Doc) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def guarded(blank: Language) -> GuardedTokenizer:
    return GuardedTokenizer(blank.tokenizer, blank.vocab)


class Spy:
    """A tokenizer that records what it was given."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer
        self.calls: list[str] = []

    def __call__(self, text: str) -> Doc:
        self.calls.append(text)
        return self.tokenizer(text)


def test_seed_and_dev_gold_texts_tokenize_exactly_as_before(
    blank: Language, guarded: GuardedTokenizer
) -> None:
    for text in _seed_and_dev_texts():
        assert _tokens(guarded(text)) == _tokens(blank.tokenizer(text)), text[:80]


@pytest.mark.skipif(not VOA_DEV.is_file(), reason="the shared voa_dev set is not checked out")
def test_voa_dev_texts_tokenize_exactly_as_before(
    blank: Language, guarded: GuardedTokenizer
) -> None:
    for text in _texts(VOA_DEV):
        assert _tokens(guarded(text)) == _tokens(blank.tokenizer(text)), text[:80]


@pytest.mark.parametrize("mark", MARKS)
def test_a_long_run_of_marks_is_one_token_and_the_text_is_unchanged(
    blank: Language, guarded: GuardedTokenizer, mark: str
) -> None:
    run = mark * (8000 // len(mark))
    text = f"The envoy arrived on Monday. {run} Talks (on trade) resumed."
    doc = guarded(text)
    assert doc.text == text
    assert run in [t.text for t in doc]
    words = [t.text for t in doc if t.text != run]
    plain = blank.tokenizer("The envoy arrived on Monday. Talks (on trade) resumed.")
    assert words == [t.text for t in plain]


@pytest.mark.parametrize("mark", MARKS)
def test_runs_no_longer_than_the_limit_tokenize_as_before(
    blank: Language, guarded: GuardedTokenizer, mark: str
) -> None:
    run = (mark * MAX_RUN)[:MAX_RUN]
    text = f"He said {run} twice\n{run}and left x{run}x {run}"
    assert _tokens(guarded(text)) == _tokens(blank.tokenizer(text))


@pytest.mark.parametrize(
    "hazard",
    ["'s" * 20_000, "?!a" * 15_000, "(x)" * 15_000, "x" * 60_000, "*" * 30_000 + "x" * 3_000],
    ids=["possessives", "marks-and-letters", "brackets", "one-long-word", "run-then-word"],
)
def test_the_wrapped_tokenizer_never_sees_a_chunk_longer_than_the_limit(
    blank: Language, hazard: str
) -> None:
    spy = Spy(blank.tokenizer)
    text = f"Officials met in Accra.\n{hazard}\nThey agreed to meet again."
    doc = GuardedTokenizer(spy, blank.vocab)(text)
    assert doc.text == text
    assert max(len(chunk) for call in spy.calls for chunk in call.split()) <= MAX_CHUNK
    assert sum(len(call) for call in spy.calls) <= len(text)
    assert [t.text for t in doc[:5]] == ["Officials", "met", "in", "Accra", "."]


PIECES = st.sampled_from(
    ["Mali", "talks", "U.S.", "don't", "(AP)", "—", " ", "  ", "\n", "\n\n", ",", ".", '"', "'s"]
)
RUNS = st.builds(lambda mark, n: mark * n, st.sampled_from(MARKS), st.integers(1, 40))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, RUNS), max_size=30))
def test_any_mix_of_words_spaces_and_runs_keeps_text_and_offsets(
    blank: Language, guarded: GuardedTokenizer, parts: list[str]
) -> None:
    text = "".join(parts)
    doc = guarded(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token)] == token.text
        assert token.is_space or not any(c.isspace() for c in token.text)
    runs = [run for run in re.findall(r"(?:[^\w\s]|_)+", text) if len(run) > MAX_RUN]
    assert set(runs) <= {t.text for t in doc}
    if not runs and all(len(chunk) <= MAX_CHUNK for chunk in text.split()):
        assert _tokens(doc) == _tokens(blank.tokenizer(text))


def test_the_pipeline_tokenizer_is_guarded_and_survives_plain_spacy_load(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    guard_tokenizer(nlp)
    guard_tokenizer(nlp)  # a second call does not wrap twice
    assert not isinstance(nlp.tokenizer.tokenizer, GuardedTokenizer)  # type: ignore[attr-defined]
    nlp.to_disk(tmp_path / "pipeline")
    # A fresh process that never imports eventx: the entry point makes the guard known.
    script = (
        "import spacy, sys\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp('Talks resumed. ' + '*' * 5000 + ' They ended.')\n"
        "print(type(nlp.tokenizer).__name__, len(doc), 'eventx' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "pipeline")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[:2] == ["GuardedTokenizer", "7"]


@pytest.mark.slow
def test_events_beside_long_runs_point_into_the_original_text(
    extract: Callable[..., list[object]],
) -> None:
    rule = random.Random(15).choice("*=<!?") * 20_000
    text = (
        f"{rule}\nForeign Minister Abdoulaye Diop met the French ambassador in Bamako on "
        f"Monday.\n{'?!' * 5000}\nThe two men discussed security."
    )
    events = extract(text)
    assert events
    for event in events:
        assert event.sentence == text[event.start : event.end]  # type: ignore[attr-defined]


@pytest.mark.slow
def test_an_html_page_with_a_huge_run_of_angle_brackets_reads_and_parses_as_one_token(
    nlp: Language, tmp_path: Path
) -> None:
    from eventx.io import iter_documents
    from eventx.schema import Document

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Talks in Accra</title></head><body><p>Foreign Minister Abdoulaye "
        "Diop met the French ambassador in Bamako on Monday.</p><p>"
        + "<" * 100_000
        + "</p></body></html>",
        encoding="utf-8",
    )
    (document,) = iter_documents([str(page)])
    assert isinstance(document, Document)
    doc = nlp(document.text)
    assert doc.text == document.text
    assert "<" * 100_000 in [t.text for t in doc]
    assert len(doc) < 50
