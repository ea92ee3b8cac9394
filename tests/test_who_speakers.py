"""Who takes part in talks a speaker reports without naming anyone: the speaker's own
earlier contact, both sides, when the speaker took part in it; else the speaker alone."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import consults


def _reported(speaker: str) -> str:
    """Kerry met Zarif . SPEAKER said negotiations will continue ."""
    return f"""
Kerry 1 nsubj PROPN Kerry PERSON
met 1 ROOT VERB meet - VBD
Zarif 1 dobj PROPN Zarif PERSON
. 1 punct PUNCT . -
{speaker} 5 nsubj PROPN {speaker} PERSON
said 5 ROOT VERB say - VBD
negotiations 8 nsubj NOUN negotiation - NNS
will 8 aux AUX will - MD
continue 5 ccomp VERB continue - VB
. 5 punct PUNCT . -
"""


def parties(events: list[Event]) -> list[list[str]]:
    return [sorted(a.name for a in e.actors + e.recipients) for e in events]


def test_talks_reported_by_one_who_held_them_keep_both_sides() -> None:
    found = parties(consults(_reported("Kerry"), shipped_knowledge()))
    pair = ["John Kerry", "Mohammad Javad Zarif"]
    assert found == [pair, pair]


def test_talks_reported_by_an_outsider_stay_the_speakers() -> None:
    found = parties(consults(_reported("Lavrov"), shipped_knowledge()))
    assert found == [["John Kerry", "Mohammad Javad Zarif"], ["Sergei Lavrov"]]


def test_a_minister_who_says_talks_go_on_is_not_alone_in_them(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "GENEVA — U.S. Secretary of State John Kerry met Iranian Foreign Minister Mohammad "
        "Javad Zarif on Sunday. Negotiations will continue next month in Vienna, Kerry told "
        "reporters."
    )
    talks = [e for e in extract(text) if e.event == "CONSULT" and e.trigger == "Negotiations"]
    assert parties(talks) == [["John Kerry", "Mohammad Javad Zarif"]]
