"""Sanctions told from the side that gets them: the subject of 'faces', or the passive subject
of 'was hit with' or 'targeted with', is the target; the noun's own modifier or 'by' phrase
imposes them. Hand-built parses first, then the parser on wire-style sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.schema import Event
from handbuilt import events_of, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


def sides(event: Event) -> tuple[list[str], list[str]]:
    return [a.name for a in event.actors], [r.name for r in event.recipients]


# Russia faces new German sanctions.
FACES = """
Russia 1 nsubj PROPN Russia GPE:RUS NNP
faces 1 ROOT VERB face - VBZ
new 4 amod ADJ new - JJ
German 4 amod ADJ german NORP:DEU JJ
sanctions 1 dobj NOUN sanction - NNS
. 1 punct PUNCT . - .
"""

# Russia was hit with sanctions by Germany.
HIT_WITH_BY = """
Russia 2 nsubjpass PROPN Russia GPE:RUS NNP
was 2 auxpass AUX be - VBD
hit 2 ROOT VERB hit - VBN
with 2 prep ADP with - IN
sanctions 3 pobj NOUN sanction - NNS
by 4 prep ADP by - IN
Germany 5 pobj PROPN Germany GPE:DEU NNP
. 2 punct PUNCT . - .
"""

# Germany imposed sanctions on Russia.   (the usual telling, unchanged)
IMPOSED_ON = """
Germany 1 nsubj PROPN Germany GPE:DEU NNP
imposed 1 ROOT VERB impose - VBD
sanctions 1 dobj NOUN sanction - NNS
on 2 prep ADP on - IN
Russia 3 pobj PROPN Russia GPE:RUS NNP
. 1 punct PUNCT . - .
"""


@pytest.mark.parametrize("spec", [FACES, HIT_WITH_BY, IMPOSED_ON])
def test_who_gets_sanctions_is_their_target(spec: str, knowledge: Knowledge) -> None:
    (sanction,) = events_of(spec, knowledge, "SANCTION")
    assert sides(sanction) == (["Germany"], ["Russia"])


@pytest.mark.parametrize(
    ("text", "imposer", "target"),
    [
        ("Iran faces new U.S. sanctions over its ballistic missile tests.", "USA", "IRN"),
        (
            "Belarus was hit with a fresh round of European Union sanctions on Monday.",
            None,
            "BLR",
        ),
    ],
)
def test_sanctions_told_from_the_target_on_wire_copy(
    text: str, imposer: str | None, target: str, extract: Callable[..., list[Event]]
) -> None:
    (sanction,) = [e for e in extract(text) if e.event == "SANCTION"]
    assert [a.country for a in sanction.actors] == [imposer]
    assert [r.country for r in sanction.recipients] == [target]
