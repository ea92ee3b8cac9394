"""Hand-built parses for model-free tests: a Doc from one line per token, no parser involved."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc, Span

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
