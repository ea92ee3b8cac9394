"""A group named after a country, or sending envoys, is that group, not the state: 'a
delegation from the Taliban' is the Taliban, 'South Korean newspapers' are South Korea's
press (PLOVER MED), and so are 'Saudi news websites'. The companies political news names as
targets ('blocked YouTube', 'sanctions on Rosneft') are known organizations with their home
country, not people the NER took them for."""

from __future__ import annotations

from collections.abc import Callable

from eventx.components.rules import shipped_knowledge
from eventx.schema import Event
from handbuilt import events_of

# Iran blocked Saudi news websites .
NEWS_SITES = """
Iran 1 nsubj PROPN Iran GPE:IRN NNP
blocked 1 ROOT VERB block - VBD
Saudi 4 amod ADJ saudi NORP:SAU JJ
news 4 compound NOUN news - NN
websites 1 dobj NOUN website - NNS
. 1 punct PUNCT . -
"""


def test_a_delegation_of_the_taliban_is_the_taliban(extract: Callable[..., list[Event]]) -> None:
    text = (
        "DOHA — A delegation from the Taliban held talks with Qatari officials in Doha on Tuesday."
    )
    (talks,) = [e for e in extract(text) if e.event == "CONSULT"]
    names = {(a.name, a.kind) for a in talks.actors + talks.recipients}
    assert ("Taliban", "group") in names
    assert not any(name == "Afghanistan" for name, _ in names)


def test_a_countrys_media_are_a_group_not_the_state(extract: Callable[..., list[Event]]) -> None:
    text = "PYONGYANG — North Korea on Monday threatened South Korean newspapers."
    (threat,) = [e for e in extract(text) if e.event == "THREATEN"]
    assert [(r.kind, r.country, r.sector) for r in threat.recipients] == [("group", "KOR", "MED")]


def test_a_countrys_news_websites_are_its_media_not_the_state() -> None:
    (block,) = events_of(NEWS_SITES, shipped_knowledge(), "REJECT")
    assert [(r.kind, r.country, r.sector) for r in block.recipients] == [("group", "SAU", "MED")]


def test_blocked_platforms_are_companies_with_their_country(
    extract: Callable[..., list[Event]],
) -> None:
    text = (
        "SEOUL — North Korea said on Friday it was blocking YouTube, Facebook, Twitter and "
        "several South Korean news websites in a new crackdown on foreign media."
    )
    (block,) = [e for e in extract(text) if e.event == "REJECT"]
    found = [(r.text, r.kind, r.country) for r in block.recipients]
    for platform in ("YouTube", "Facebook", "Twitter"):
        assert (platform, "organization", "USA") in found
    assert ("South Korean news websites", "group", "KOR") in found


def test_sanctioned_companies_are_the_target(extract: Callable[..., list[Event]]) -> None:
    text = (
        "WASHINGTON — The U.S. Treasury on Tuesday imposed sanctions on Rosneft and Huawei, "
        "accusing both of helping to evade export controls."
    )
    (sanction,) = [e for e in extract(text) if e.event == "SANCTION"]
    assert sorted((r.name, r.country, r.sector) for r in sanction.recipients) == [
        ("Huawei", "CHN", "BUS"),
        ("Rosneft", "RUS", "BUS"),
    ]
