"""Which country a phrase gives its head: not that of another party joined to it ('a Western
leader and the Belarusian leader'), and a government named after its leader is that
leader's country's ('President X's government')."""

from __future__ import annotations

import pytest

from east_africa import EAST_AFRICA
from eventx.extract import doc_events
from eventx.extract.context import DocContext
from eventx.extract.descriptors import country_of_phrase
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document
from handbuilt import parse, small_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(EAST_AFRICA)


# a Western leader and the Kenyan leader
JOINED_LEADERS = """
a 2 det DET a - DT
Western 2 amod ADJ western - JJ
leader 2 ROOT NOUN leader - NN
and 2 cc CCONJ and - CC
the 6 det DET the - DT
Kenyan 6 amod ADJ kenyan NORP:KEN JJ
leader 2 conj NOUN leader - NN
"""


def test_a_joined_partys_country_is_not_the_first_ones(knowledge: Knowledge) -> None:
    doc = parse(JOINED_LEADERS)
    context = DocContext.build(doc, knowledge)
    assert country_of_phrase(doc[2], context) is None
    assert country_of_phrase(doc[6], context) == "KEN"


# Kenyan President William Ruto arrived . Ethiopia accused Ruto 's government of arming rebels .
ACCUSED_LEADERS_GOVERNMENT = """
Kenyan 2 amod ADJ kenyan NORP:KEN JJ
President 2 compound PROPN President - NNP
William 3 compound PROPN William PERSON:person.william_ruto NNP
Ruto 4 nsubj PROPN Ruto +PERSON NNP
arrived 4 ROOT VERB arrive - VBD
. 4 punct PUNCT . - .
Ethiopia 1 nsubj PROPN Ethiopia GPE:ETH NNP
accused 1 ROOT VERB accuse - VBD
Ruto 4 poss PROPN Ruto PERSON:person.william_ruto NNP
's 2 case PART 's - POS
government 1 dobj NOUN government - NN
of 1 prep ADP of - IN
arming 5 pcomp VERB arm - VBG
rebels 6 dobj NOUN rebel - NNS
. 1 punct PUNCT . - .
"""


def test_a_government_named_after_its_leader_is_the_leaders_countrys(
    knowledge: Knowledge,
) -> None:
    doc = parse(ACCUSED_LEADERS_GOVERNMENT, relative_heads=True)
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    (accusation,) = [e for e in found if e.event == "ACCUSE"]
    (target,) = accusation.recipients
    assert (target.name, target.country, target.kind) == ("Kenya", "KEN", "government")
