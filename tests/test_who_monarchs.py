"""A monarch named with the title ('King Harald', 'Belgian King Philippe') is the office holder
under the list's own name, without the title or the nationality before it: a known
nationality right before a name is no given name, as a place name may be ('Jordan Ellis')."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.extract.person import repair_person_ents
from eventx.schema import Event
from handbuilt import parse

# Belgian King Philippe arrived .
NATIONALITY = """
Belgian 2 amod ADJ belgian NORP:BEL JJ
King 2 compound PROPN King PERSON:person.philippe_of_belgium NNP
Philippe 3 nsubj PROPN Philippe +PERSON NNP
arrived 3 ROOT VERB arrive - VBD
. 3 punct PUNCT . - .
"""


def test_a_known_nationality_before_a_name_is_no_given_name() -> None:
    doc = parse(NATIONALITY)
    ents = repair_person_ents(doc, shipped_knowledge())
    assert [(e.text, e.label_) for e in ents] == [("Belgian", "NORP"), ("King Philippe", "PERSON")]


def test_monarchs_named_with_their_title_through_the_parser(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "KINSHASA — Belgian King Philippe met Congolese President Felix Tshisekedi on Tuesday. "
        "In Oslo, King Harald received Swedish Prime Minister Ulf Kristersson."
    )
    people = {
        (a.name, a.title, a.country)
        for e in extract(text, date="2022-06-08")
        for a in e.actors + e.recipients
        if a.kind == "person"
    }
    assert ("Philippe of Belgium", "King", "BEL") in people
    assert ("Harald V", "King", "NOR") in people
