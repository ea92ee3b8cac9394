"""'The bloc', 'the alliance' stand for the international body the text named last (data:
body_nouns), as this mention: 'accused the bloc of interfering' after ASEAN is ASEAN."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract.knowledge import Knowledge
from eventx.schema import GazetteerEntry
from handbuilt import events_of, small_knowledge

AU = GazetteerEntry(id="org.au", label="ORG", name="African Union", kind="igo", sector="IGO")

# The African Union met . Ethiopia accused the bloc of interfering in Ethiopia 's affairs .
ACCUSED_THE_BLOC = """
The 2 det DET the - DT
African 2 compound PROPN African ORG:org.au NNP
Union 3 nsubj PROPN Union +ORG NNP
met 3 ROOT VERB meet - VBD
. 3 punct PUNCT . - .
Ethiopia 6 nsubj PROPN Ethiopia GPE:ETH NNP
accused 6 ROOT VERB accuse - VBD
the 8 det DET the - DT
bloc 6 dobj NOUN bloc - NN
of 6 prep ADP of - IN
interfering 9 pcomp VERB interfere - VBG
in 10 prep ADP in - IN
Ethiopia 15 poss PROPN Ethiopia GPE:ETH NNP
's 12 case PART 's - POS
affairs 11 pobj NOUN affair - NNS
. 6 punct PUNCT . - .
"""


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge([*EAST_AFRICA, AU])


def target(spec: str, knowledge: Knowledge) -> list[tuple[str, str | None, str]]:
    (accusation,) = events_of(spec, knowledge, "ACCUSE")
    return [(r.name, r.country, r.text) for r in accusation.recipients]


def test_the_bloc_is_the_body_named_before(knowledge: Knowledge) -> None:
    assert target(ACCUSED_THE_BLOC, knowledge) == [("African Union", None, "the bloc")]


def test_a_bloc_with_a_modifier_says_which_itself(knowledge: Knowledge) -> None:
    spec = ACCUSED_THE_BLOC.replace(
        "the 8 det DET the - DT\nbloc", "Western 8 amod ADJ western - JJ\nbloc"
    )
    assert all(name != "African Union" for name, _, _ in target(spec, knowledge))
