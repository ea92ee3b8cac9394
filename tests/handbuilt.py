"""Hand-built parses for model-free tests: a Doc from one line per token, no parser involved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import MappingProxyType
from typing import Any

import spacy
from spacy.tokens import Doc, Span

from eventx import resources
from eventx.extract.event import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry

VOCAB = spacy.blank("en").vocab
# The column order most tests write: `word head dep pos lemma [ENT[:id]|-] [TAG]`.
COLUMNS = ("word", "head", "dep", "pos", "lemma", "ent", "tag")


def parse(spec: str, *, columns: Sequence[str] = COLUMNS, relative_heads: bool = False) -> Doc:
    """A Doc from lines of tokens in `columns` order; `ent` and `tag` may be left off.

    `+ENT` continues the entity before, `-` is no entity, `ENT:id` sets the entity's id. Heads
    are absolute token indices, or counted from the sentence's first token with
    `relative_heads`; a '.' ends a sentence.
    """
    lines = [line.split() for line in spec.splitlines() if line.strip()]
    rows = [dict(zip(columns, line, strict=False)) for line in lines]
    starts = [i == 0 or rows[i - 1]["word"] == "." for i in range(len(rows))]
    heads, first = [], 0
    for i, row in enumerate(rows):
        first = i if starts[i] else first
        heads.append(int(row["head"]) + (first if relative_heads else 0))
    doc = Doc(
        VOCAB,
        words=[row["word"] for row in rows],
        heads=heads,
        deps=[row["dep"] for row in rows],
        pos=[row["pos"] for row in rows],
        lemmas=[row["lemma"] for row in rows],
        tags=[row.get("tag", "") for row in rows],
        sent_starts=starts,
    )
    ents: list[Span] = []
    for i, row in enumerate(rows):
        ent = row.get("ent", "-")
        if ent == "-":
            continue
        label, _, ent_id = ent.lstrip("+").partition(":")
        if ent.startswith("+"):
            last = ents.pop()
            ents.append(Span(doc, last.start, i + 1, label=last.label_, span_id=last.id_))
        else:
            ents.append(Span(doc, i, i + 1, label=label, span_id=ent_id))
    doc.ents = ents
    return doc


def small_knowledge(entries: Sequence[GazetteerEntry], **extra: Any) -> Knowledge:
    """The package's rules and lexicons over a gazetteer of only `entries` (plus `extra`
    fields, such as office holders), so a test knows every place and name in play."""
    return Knowledge(
        gazetteer=MappingProxyType({entry.id: entry for entry in entries}),
        triggers=resources.trigger_rules(),
        topics=resources.topic_rules(),
        lexicons=resources.lexicon_rules(),
        **extra,
    )


def consults(spec: str, knowledge: Knowledge) -> list[Event]:
    """The CONSULT events of a hand-built parse."""
    doc = parse(spec)
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    return [event for event in found if event.event == "CONSULT"]


def events_of(
    spec: str, knowledge: Knowledge, kind: str, written: date | None = None
) -> list[Event]:
    """The events of one type in a hand-built parse, of a document written on `written`."""
    doc = parse(spec)
    found = doc_events(doc, Document(doc_id="t", text=doc.text, date=written), knowledge)
    return [event for event in found if event.event == kind]


def parties_of(spec: str, knowledge: Knowledge, kind: str) -> list[tuple[list[str], list[str]]]:
    """The actors' and recipients' names of each event of one type in a hand-built parse."""
    return [
        ([a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events_of(spec, knowledge, kind)
    ]
