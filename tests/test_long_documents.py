"""Long documents: extraction work grows linearly with the text, on hand-built Docs."""

from __future__ import annotations

import random
import subprocess
import sys
from types import MappingProxyType

import spacy
from spacy.tokens import Doc, Span

from eventx import resources
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document

# Builds a document of many short sentences, each with a named subject, and extracts from it.
# Sentence by sentence whole-document work (`Span.ents` rebuilds `doc.ents` on every call)
# makes this take many minutes; linear work takes a second or two.
LONG_DOCUMENT = """
import spacy
from types import MappingProxyType
from spacy.tokens import Doc, Span
from eventx import resources
from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document

SENTENCES = {sentences}
words, heads, deps, starts, ents = [], [], [], [], []
for n in range(SENTENCES):
    i = len(words)
    words += ["Mali", "waited", "."]
    heads += [i + 1, i + 1, i + 1]
    deps += ["nsubj", "ROOT", "punct"]
    starts += [True, False, False]
    ents.append((i, i + 1))
doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, sent_starts=starts)
doc.ents = [Span(doc, s, e, label="GPE") for s, e in ents]
knowledge = Knowledge(
    gazetteer=MappingProxyType({{}}),
    triggers=resources.trigger_rules(),
    topics=resources.topic_rules(),
    lexicons=resources.lexicon_rules(),
)
events = doc_events(doc, Document(doc_id="long", text=doc.text), knowledge)
print(len(list(doc.sents)), len(events))
"""


def test_many_sentences_with_entities_extract_in_linear_work() -> None:
    sentences = 40_000
    # The timeout only guards against a hang: linear work needs a few seconds at most.
    done = subprocess.run(
        [sys.executable, "-c", LONG_DOCUMENT.format(sentences=sentences)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(sentences), "0"]


def _knowledge() -> Knowledge:
    return Knowledge(
        gazetteer=MappingProxyType({}),
        triggers=resources.trigger_rules(),
        topics=resources.topic_rules(),
        lexicons=resources.lexicon_rules(),
    )


def test_subjects_are_still_remembered_for_later_pronouns() -> None:
    # "Diallo arrived. He met Traore.": "he" is the subject of the sentence before.
    words = ["Diallo", "arrived", ".", "He", "met", "Traore", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 1, 4, 4, 4, 4],
        deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
        pos=["PROPN", "VERB", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT"],
        lemmas=["Diallo", "arrive", ".", "he", "meet", "Traore", "."],
        sent_starts=[True, False, False, True, False, False, False],
    )
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 5, 6, label="PERSON")]
    events = doc_events(doc, Document(doc_id="t", text=doc.text), _knowledge())
    assert [e.event for e in events] == ["CONSULT"]
    assert [(a.name, a.text) for a in events[0].actors] == [("Diallo", "He")]


def test_sentence_entities_are_those_spacy_gives_for_the_sentence() -> None:
    from eventx.extract.actor import DocContext
    from eventx.extract.context import sentence_ents

    pick = random.Random(11)
    vocab = spacy.blank("en").vocab
    knowledge = _knowledge()
    for _ in range(200):
        size = pick.randint(1, 30)
        starts = [True] + [pick.random() < 0.3 for _ in range(size - 1)]
        doc = Doc(vocab, words=[f"w{i}" for i in range(size)], sent_starts=starts)
        ents, i = [], 0
        while i < size:
            width = pick.randint(1, 4)
            if pick.random() < 0.4 and i + width <= size:
                ents.append(Span(doc, i, i + width, label="GPE"))  # may cross a sentence end
            i += width
        doc.ents = ents
        context = DocContext.build(doc, knowledge)
        for sentence in doc.sents:
            assert sentence_ents(sentence, context) == list(sentence.ents)
