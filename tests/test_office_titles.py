"""Every office of several words that the office-holder list names is a title the rulers know,
so its words never run into the holder's name ('Director of National Intelligence Dan Coats'
is Dan Coats, not 'National Intelligence Dan Coats'); a one-word office ('Leader') is too
common a word to be made one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from eventx.rules.office_holders import add_office_titles
from eventx.rules.ruleset import RuleSet
from eventx.schema import Event, GazetteerEntry, OfficeHolder, OfficeTerm


def holder(office: str) -> OfficeHolder:
    term = OfficeTerm(office=office, country="USA", sector="SPY", start=dt.date(2017, 3, 16))
    return OfficeHolder(id="person.jane_roe", name="Jane Roe", country="USA", terms=(term,))


def titles(rules: RuleSet) -> list[tuple[str, object]]:
    return [(c.id, c.pattern) for c in rules.candidates if c.label == "TITLE"]


def test_an_office_no_title_gives_becomes_one() -> None:
    rules = RuleSet()
    add_office_titles(rules, [holder("Director of National Intelligence")], {})
    assert ("title.director_of_national_intelligence", "Director of National Intelligence") in (
        titles(rules)
    )
    entry = rules.entries["title.director_of_national_intelligence"]
    assert (entry.title, entry.sector) == ("Director of National Intelligence", "SPY")


def test_an_office_a_title_gives_or_a_single_word_is_left_alone() -> None:
    known = GazetteerEntry(
        id="title.cia_director",
        label="TITLE",
        name="CIA Director",
        kind="title",
        title="CIA Director",
    )
    rules = RuleSet()
    add_office_titles(rules, [holder("CIA Director"), holder("Leader")], {"cia director": known})
    assert titles(rules) == []


def test_the_holders_name_keeps_out_the_offices_words(extract: Callable[..., list[Event]]) -> None:
    text = (
        "WASHINGTON — Director of National Intelligence Dan Coats met Pakistan's army chief "
        "at the White House on Tuesday."
    )
    (meeting,) = [e for e in extract(text, date="2018-05-08") if e.event == "CONSULT"]
    (coats,) = [a for a in meeting.actors if a.id == "person.dan_coats"]
    assert (coats.name, coats.title, coats.country) == (
        "Dan Coats",
        "Director of National Intelligence",
        "USA",
    )
