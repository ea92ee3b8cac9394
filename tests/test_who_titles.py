"""A definite description ('the leader of X', 'the minister') refers back: to the nearest
earlier person who fits it, never to someone the story names only after it.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.extract import doc_events
from eventx.schema import Document, Event
from handbuilt import parse, small_knowledge

Extract = Callable[..., list[Event]]


def _events(spec: str, kind: str) -> list[Event]:
    doc = parse(spec)
    found = doc_events(doc, Document(doc_id="t", text=doc.text), small_knowledge([]))
    return [event for event in found if event.event == kind]


# Jan Roe met the leader. Opposition leader Jane Doe objected.  (or the two sentences swapped)
MET_THE_LEADER = """
Jan 1 compound PROPN Jan PERSON NNP
Roe 2 nsubj PROPN Roe +PERSON NNP
met 2 ROOT VERB meet - VBD
the 4 det DET the - DT
leader 2 dobj NOUN leader - NN
. 2 punct PUNCT . - .
"""
OPPOSITION_LEADER_OBJECTED = """
Opposition 1 compound NOUN opposition - NN
leader 3 compound NOUN leader - NN
Jane 3 compound PROPN Jane PERSON NNP
Doe 4 nsubj PROPN Doe +PERSON NNP
objected 4 ROOT VERB object - VBD
. 4 punct PUNCT . - .
"""


def _relative(spec: str, offset: int) -> str:
    rows = [line.split() for line in spec.strip().splitlines()]
    return "\n".join(" ".join([r[0], str(int(r[1]) + offset), *r[2:]]) for r in rows)


@pytest.mark.parametrize(("named_first", "met"), [(True, "Jane Doe"), (False, "leader")])
def test_a_description_refers_back_not_to_one_named_after_it(named_first: bool, met: str) -> None:
    first, second = (
        (OPPOSITION_LEADER_OBJECTED, MET_THE_LEADER)
        if named_first
        else (MET_THE_LEADER, OPPOSITION_LEADER_OBJECTED)
    )
    spec = _relative(first, 0) + "\n" + _relative(second, 6)
    (meeting,) = _events(spec, "CONSULT")
    assert [r.name for r in meeting.recipients] == [met]


def test_the_leader_of_a_country_is_not_a_rival_quoted_later_through_the_parser(
    extract: Extract,
) -> None:
    text = (
        "WELLINGTON — New Zealand Prime Minister Jacinda Ardern said Thursday she had spoken "
        "with U.S. President Donald Trump. A newspaper reported that Trump found his call with "
        "the leader of New Zealand tense. “The prime minister must explain this,” "
        "opposition leader Simon Bridges told reporters."
    )
    (call,) = [e for e in extract(text) if e.trigger == "call"]
    names = [p.name for p in (*call.actors, *call.recipients)]
    assert "Simon Bridges" not in names
    assert "Jacinda Ardern" in names
