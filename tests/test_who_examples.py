"""Those an act of custody or harm is done to are examples of it, never its parties: in
'condemned the detention of protesters across Belarus, including opposition leader X', the
target is whoever holds them (Belarus), not the leader named as one of the detained, whether
the parser hangs the name on the list or in apposition to a role."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

# Chile condemned the detention of protesters across Belarus , including activist Olga Petrova .
LISTED = """
Chile 1 nsubj PROPN Chile GPE:CHL NNP
condemned 1 ROOT VERB condemn - VBD
the 3 det DET the -
detention 1 dobj NOUN detention - NN
of 3 prep ADP of - IN
protesters 4 pobj NOUN protester - NNS
across 3 prep ADP across - IN
Belarus 6 pobj PROPN Belarus GPE:BLR NNP
, 3 punct PUNCT , -
including 3 prep VERB include - VBG
activist 12 compound NOUN activist - NN
Olga 12 compound PROPN Olga PERSON NNP
Petrova 9 pobj PROPN Petrova +PERSON NNP
. 1 punct PUNCT . -
"""

# ... , including the opposition leader , Olga Petrova .
APPOSED = LISTED.replace(
    """activist 12 compound NOUN activist - NN
Olga 12 compound PROPN Olga PERSON NNP
Petrova 9 pobj PROPN Petrova +PERSON NNP
""",
    """the 12 det DET the -
opposition 12 compound NOUN opposition - NN
leader 9 pobj NOUN leader - NN
, 12 punct PUNCT , -
Olga 15 compound PROPN Olga PERSON NNP
Petrova 12 appos PROPN Petrova +PERSON NNP
""",
)


def targets(spec: str) -> list[str]:
    (condemnation,) = events_of(spec, shipped_knowledge(), "ACCUSE")
    return [r.name for r in condemnation.recipients]


def test_a_listed_detainee_is_no_target_of_the_condemnation() -> None:
    assert targets(LISTED) == ["Belarus"]


def test_a_detainee_in_apposition_to_a_role_is_no_target() -> None:
    assert targets(APPOSED) == ["Belarus"]


def test_detainees_named_as_examples_through_the_parser(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "WASHINGTON — The State Department on Monday condemned the jailing of scores of "
        "peaceful marchers across Belarus, including the opposition activist, Olga Petrova."
    )
    condemnations = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [r.country for e in condemnations for r in e.recipients] == ["BLR"]
    assert not any(r.kind == "person" for e in condemnations for r in e.recipients)
