"""Mapping an event's own 'about' phrases to the controlled topic vocabulary."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .knowledge import Knowledge


def phrase_topics(phrase: Span | list[Token], knowledge: Knowledge) -> list[str]:
    """Topics whose terms occur in a phrase, as lemmas or two-word phrases, in vocabulary order."""
    lemmas = [t.lemma_.lower() for t in phrase]
    words = [t.lower_ for t in phrase]
    found: set[str] = set()
    for sequence in (lemmas, words):
        for i, word in enumerate(sequence):
            for term in (word, " ".join(sequence[i : i + 2]), " ".join(sequence[i : i + 3])):
                topic = knowledge.topic_terms.get(term)
                if topic is not None:
                    found.add(topic)
    order = [rule.topic for rule in knowledge.topics]
    return sorted(found, key=order.index)


def about_phrases(heads: list[Token]) -> list[Span]:
    """The full phrases headed by the given tokens ('security and economic issues')."""
    spans: list[Span] = []
    for head in heads:
        if head.ent_type_ in {"DATE", "TIME"}:
            continue  # "on Thursday" is when, not what
        doc = head.doc
        span = doc[head.left_edge.i : head.right_edge.i + 1]
        if span not in spans:
            spans.append(span)
    return spans
