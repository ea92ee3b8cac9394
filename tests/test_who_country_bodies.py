"""Bodies named after their country ('the Kenya Revenue Authority', 'the Zimbabwe Electoral
Commission') are those bodies, not the country; a body whose own name opens with 'Anti-' is no
name with a prefix that turns it away; and a name right after a person's title is a person
even when the NER took it for an organization ('Vice-President Jane Doe')."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.extract.country_bodies import country_bodies
from eventx.extract.embedded import prefixed_away
from eventx.extract.person import repair_person_ents
from eventx.schema import Event
from handbuilt import events_of, parse

# Rebels rejected the Zimbabwe Electoral Commission results .  (the rulers' label on the
# country alone, as the NER leaves it)
RESULTS = """
Rebels 1 nsubj NOUN rebel - NNS
rejected 1 ROOT VERB reject - VBD
the 6 det DET the -
Zimbabwe 5 compound PROPN Zimbabwe GPE:ZWE NNP
Electoral 5 compound PROPN Electoral - NNP
Commission 6 compound PROPN Commission - NNP
results 1 dobj NOUN result - NNS
. 1 punct PUNCT . -
"""

# Pressure from the Anti - Corruption Commission grew .
ANTI = """
Pressure 6 nsubj NOUN pressure - NN
from 0 prep ADP from - IN
the 5 det DET the -
Anti 5 compound PROPN Anti ORG NNP
- 5 compound PROPN - +ORG HYPH
Corruption 5 compound PROPN Corruption +ORG NNP
Commission 1 pobj PROPN Commission +ORG NNP
grew 6 ROOT VERB grow - VBD
. 6 punct PUNCT . -
"""

# Vice - President Jane Doe declined .
TITLED = """
Vice 3 compound PROPN Vice TITLE:title.vice_president NNP
- 3 compound PROPN - +TITLE HYPH
President 3 compound PROPN President +TITLE NNP
Jane 4 compound PROPN Jane ORG NNP
Doe 5 nsubj PROPN Doe +ORG NNP
declined 5 ROOT VERB decline - VBD
. 5 punct PUNCT . -
"""


def test_the_words_after_a_country_that_end_in_a_body_word_are_the_body() -> None:
    doc = parse(RESULTS)
    ents = country_bodies(doc, shipped_knowledge())
    assert [(e.text, e.label_) for e in ents] == [
        ("Zimbabwe", "GPE"),
        ("Electoral Commission", "ORG"),
    ]


def test_a_country_before_other_words_is_left_alone() -> None:
    doc = parse(
        RESULTS.replace("Commission 6 compound PROPN Commission", "Cup 6 compound PROPN Cup")
    )
    assert [e.label_ for e in country_bodies(doc, shipped_knowledge())] == ["GPE"]


def test_a_bodys_own_name_opening_with_anti_is_not_turned_away() -> None:
    doc = parse(ANTI)
    words = shipped_knowledge().words("organization_words")
    assert prefixed_away(doc[6]) and not prefixed_away(doc[6], words)


def test_a_name_after_a_persons_title_is_a_person() -> None:
    doc = parse(TITLED)
    ents = repair_person_ents(doc, shipped_knowledge())
    assert ("Jane Doe", "PERSON") in [(e.text, e.label_) for e in ents]


def test_country_bodies_through_the_parser(extract: Callable[..., list[Event]]) -> None:
    text = (
        "HARARE — Opposition leaders on Monday rejected the Zimbabwe Electoral Commission "
        "results. In Nairobi, Vice-President Wanjiru Kamau refused to resign despite "
        "pressure from the Kenya Anti-Corruption Commission."
    )
    events = extract(text)
    rejected = [r for e in events if e.event == "REJECT" for r in e.recipients]
    names = {(r.name, r.country) for r in rejected}
    assert ("Zimbabwe Electoral Commission", "ZWE") in names
    assert ("Kenya Anti-Corruption Commission", "KEN") in names
    assert not any(r.kind == "country" for r in rejected)
    refusers = [a for e in events if e.event == "REJECT" for a in e.actors]
    assert ("Wanjiru Kamau", "person") in {(a.name, a.kind) for a in refusers}


# Kenya Tea Growers Association officials met the minister .
ASSOCIATION_OFFICIALS = """
Kenya 3 compound PROPN Kenya GPE:KEN NNP
Tea 3 compound PROPN Tea ORG NNP
Growers 3 compound PROPN Growers +ORG NNP
Association 4 compound PROPN Association +ORG NNP
officials 5 nsubj NOUN official - NNS
met 5 ROOT VERB meet - VBD
the 7 det DET the -
minister 5 dobj NOUN minister TITLE:title.minister NN
. 5 punct PUNCT . - .
"""


def test_officials_of_an_unknown_association_are_of_that_body_not_the_state() -> None:
    (meeting,) = events_of(ASSOCIATION_OFFICIALS, shipped_knowledge(), "CONSULT")
    assert [(a.name, a.country, a.kind) for a in meeting.actors] == [
        ("Kenya Tea Growers Association", "KEN", "organization")
    ]
    assert meeting.actors[0].text == "Kenya Tea Growers Association officials"
