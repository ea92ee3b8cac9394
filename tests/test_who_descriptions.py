"""A person's country and title from a description outside the name's own phrase: an
apposition after the name ('Jane Doe, the governor of Ohio,'), or a coordinated description
the parser hangs the name on ('the Ugandan lawyer and activist Jane Doe'); later mentions of
the person keep what the first said.

Tested on hand-built parses (no model) and through the parser on wire-style texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.extract.context import DocContext
from eventx.extract.descriptors import person_context
from eventx.schema import Event, GazetteerEntry
from handbuilt import parse, small_knowledge

Extract = Callable[..., list[Event]]

GERMANY = GazetteerEntry(id="DEU", label="GPE", name="Germany", kind="country", country="DEU")
KENYA = GazetteerEntry(id="KEN", label="GPE", name="Kenya", kind="country", country="KEN")
UGANDAN = GazetteerEntry(id="UGA", label="NORP", name="Uganda", kind="country", country="UGA")

# Hans Vogt, Germany's ambassador to Kenya, met Jan Roe.
APPOSITION_AFTER = """
Hans 1 compound PROPN Hans PERSON NNP
Vogt 9 nsubj PROPN Vogt +PERSON NNP
, 1 punct PUNCT , - ,
Germany 5 poss PROPN Germany GPE:DEU NNP
's 3 case PART 's - POS
ambassador 1 appos NOUN ambassador - NN
to 5 prep ADP to - IN
Kenya 6 pobj PROPN Kenya GPE:KEN NNP
, 1 punct PUNCT , - ,
met 9 ROOT VERB meet - VBD
Jan 11 compound PROPN Jan PERSON NNP
Roe 9 dobj PROPN Roe +PERSON NNP
. 9 punct PUNCT . - .
"""

# Police detained the Ugandan lawyer and activist Jane Akello.
COORDINATED_DESCRIPTION = """
Police 1 nsubj NOUN police - NNS
detained 1 ROOT VERB detain - VBD
the 4 det DET the - DT
Ugandan 4 amod ADJ ugandan NORP:UGA JJ
lawyer 1 dobj NOUN lawyer - NN
and 4 cc CCONJ and - CC
activist 8 compound NOUN activist - NN
Jane 8 compound PROPN Jane PERSON NNP
Akello 4 conj PROPN Akello +PERSON NNP
. 1 punct PUNCT . - .
"""

# Police detained Ugandan officials and Jane Akello.
LISTED_BESIDE_OTHERS = """
Police 1 nsubj NOUN police - NNS
detained 1 ROOT VERB detain - VBD
Ugandan 3 amod ADJ ugandan NORP:UGA JJ
officials 1 dobj NOUN official - NNS
and 3 cc CCONJ and - CC
Jane 6 compound PROPN Jane PERSON NNP
Akello 3 conj PROPN Akello +PERSON NNP
. 1 punct PUNCT . - .
"""


def _context_of(spec: str, surname: str) -> tuple[str | None, str | None]:
    doc = parse(spec)
    context = DocContext.build(doc, small_knowledge([GERMANY, KENYA, UGANDAN]))
    (ent,) = [e for e in doc.ents if e.text.endswith(surname)]
    return person_context(ent, context)


def test_an_apposition_after_the_name_gives_title_and_country_not_the_posting() -> None:
    assert _context_of(APPOSITION_AFTER, "Vogt") == ("Ambassador", "DEU")


@pytest.mark.parametrize(
    ("spec", "country"),
    [(COORDINATED_DESCRIPTION, "UGA"), (LISTED_BESIDE_OTHERS, None)],
    ids=["description", "list"],
)
def test_a_coordinated_description_is_the_persons_a_list_member_is_not(
    spec: str, country: str | None
) -> None:
    assert _context_of(spec, "Akello")[1] == country


def test_descriptions_after_and_around_a_name_through_the_parser(extract: Extract) -> None:
    text = "Terry Halvorsen, the governor of Ohio, met Chinese Premier Li Keqiang on Tuesday."
    (meeting,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert [(a.name, a.country) for a in meeting.actors] == [("Terry Halvorsen", "USA")]
    text = "Hans Vogt, Germany's ambassador to Kenya, met President William Ruto on Monday."
    (meeting,) = [e for e in extract(text) if e.event == "CONSULT"]
    assert [(a.name, a.country) for a in meeting.actors] == [("Hans Vogt", "DEU")]
    text = "The Ugandan journalist and activist Jane Akello accused the army of abuses on Monday."
    (accusation,) = [e for e in extract(text) if e.event == "ACCUSE"]
    assert [(a.name, a.country) for a in accusation.actors] == [("Jane Akello", "UGA")]


def test_a_later_mention_keeps_the_country_a_description_gave_through_the_parser(
    extract: Extract,
) -> None:
    text = (
        "Police detained the Egyptian lawyer and activist Khaled Mansour on Sunday. On Monday "
        "Mansour accused the interior ministry of torture."
    )
    (accusation,) = [e for e in extract(text) if e.trigger == "accused"]
    assert [(a.name, a.country) for a in accusation.actors] == [("Khaled Mansour", "EGY")]


# Hans Vogt, a critic of the government of Kenya, met Jan Roe. (Also: "a German critic".)
CRITIC_OF = """
Hans 1 compound PROPN Hans PERSON NNP
Vogt 10 nsubj PROPN Vogt +PERSON NNP
, 1 punct PUNCT , - ,
a 4 det DET a - DT
critic 1 appos NOUN critic - NN
of 4 prep ADP of - IN
the 7 det DET the - DT
government 5 pobj NOUN government - NN
of 7 prep ADP of - IN
Kenya 8 pobj PROPN Kenya GPE:KEN NNP
met 10 ROOT VERB meet - VBD
Jan 12 compound PROPN Jan PERSON NNP
Roe 10 dobj PROPN Roe +PERSON NNP
. 10 punct PUNCT . - .
"""


def test_a_description_that_is_no_office_names_whom_it_faces_not_the_country() -> None:
    assert _context_of(CRITIC_OF, "Vogt")[1] is None
    german = CRITIC_OF.replace("a 4 det DET a - DT", "German 4 amod ADJ german NORP:DEU JJ")
    assert _context_of(german, "Vogt")[1] == "DEU"
