"""Whom a request is made of when the letter told just before names it: 'The ministers of
A and B sent a letter to the Commission. They called for ...' asks the Commission; a letter
by others, or one told three sentences before, names no addressee of the request."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

# Germany sent a letter to Kenya .
LETTER = """
Germany 1 nsubj PROPN Germany GPE:DEU NNP
sent 1 ROOT VERB send - VBD
a 3 det DET a -
letter 1 dobj NOUN letter - NN
to 1 dative ADP to -
Kenya 4 pobj PROPN Kenya GPE:KEN NNP
. 1 punct PUNCT . -
"""

# Germany called for calm .
GERMANY_CALLS = """
Germany 8 nsubj PROPN Germany GPE:DEU NNP
called 8 ROOT VERB call - VBD
for 8 prep ADP for -
calm 9 pobj NOUN calm - NN
. 8 punct PUNCT . -
"""

# France called for calm .
FRANCE_CALLS = """
France 8 nsubj PROPN France GPE:FRA NNP
called 8 ROOT VERB call - VBD
for 8 prep ADP for -
calm 9 pobj NOUN calm - NN
. 8 punct PUNCT . -
"""


def asked(spec: str) -> list[list[str]]:
    found = events_of(spec, shipped_knowledge(), "REQUEST")
    return [sorted(a.name for a in e.recipients) for e in found]


def test_the_letter_before_names_whom_the_request_is_made_of() -> None:
    assert asked(LETTER + GERMANY_CALLS) == [["Kenya"]]


def test_a_letter_by_another_names_no_addressee() -> None:
    assert asked(LETTER + FRANCE_CALLS) == [[]]


def requests(events: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [
        (sorted(a.name for a in e.actors), sorted(a.name for a in e.recipients))
        for e in events
        if e.event == "REQUEST"
    ]


def test_they_who_wrote_the_letter_ask_its_addressee(extract: Callable[..., list[Event]]) -> None:
    text = (
        "NAIROBI — The foreign ministers of Kenya and Uganda wrote a letter to the U.N. "
        "Security Council on Friday about the border clashes. They urged the deployment of "
        "observers along the frontier."
    )
    assert requests(extract(text)) == [(["Kenya", "Uganda"], ["UN Security Council"])]


def test_a_message_sent_by_one_minister_names_whom_he_asks(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "ACCRA — Ghana's foreign minister sent a message to the African Union on Friday. He "
        "demanded an inquiry into the killings at the border."
    )
    (request,) = [e for e in extract(text) if e.event == "REQUEST"]
    assert [a.name for a in request.recipients] == ["African Union"]
    assert [a.country for a in request.actors] == ["GHA"]


def test_a_letter_three_sentences_back_is_too_far(extract: Callable[..., list[Event]]) -> None:
    text = (
        "ROME — Italy sent a letter to the European Parliament on Monday. Rain fell across "
        "the north. Trains were delayed in Milan. Italy on Tuesday called for more funds "
        "for flood relief."
    )
    assert requests(extract(text)) == [(["Italy"], [])]
