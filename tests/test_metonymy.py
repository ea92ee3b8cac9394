"""A capital or seat of power that acts stands for its government; as a venue it stays a place."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventx.schema import Actor, Event

pytestmark = pytest.mark.slow

Extract = Callable[..., list[Event]]

# (capital as written, its country, the country whose minister it receives)
CAPITALS = [
    ("Bamako", "MLI", "Senegal"),
    ("Paris", "FRA", "Germany"),
    ("Berlin", "DEU", "Poland"),
    ("Moscow", "RUS", "China"),
    ("Beijing", "CHN", "Russia"),
    ("Tokyo", "JPN", "India"),
    ("Nairobi", "KEN", "Uganda"),
    ("Cairo", "EGY", "Jordan"),
    ("Ankara", "TUR", "Iraq"),
    ("Tehran", "IRN", "Oman"),
    ("Warsaw", "POL", "Lithuania"),
    ("Madrid", "ESP", "Morocco"),
    ("Rome", "ITA", "Libya"),
    ("Ottawa", "CAN", "Mexico"),
    ("Canberra", "AUS", "Indonesia"),
    ("Brasília", "BRA", "Argentina"),
    ("Pretoria", "ZAF", "Zimbabwe"),
    ("Abuja", "NGA", "Niger"),
    ("Dakar", "SEN", "Gambia"),
    ("Riyadh", "SAU", "Yemen"),
    ("Seoul", "KOR", "Japan"),
    ("Kyiv", "UKR", "Moldova"),
    ("Hanoi", "VNM", "Cambodia"),
    ("Ouagadougou", "BFA", "Ghana"),
    ("Addis Ababa", "ETH", "Somalia"),
    ("Islamabad", "PAK", "Afghanistan"),
    ("Baghdad", "IRQ", "Kuwait"),
    ("London", "GBR", "Ireland"),
    ("Washington", "USA", "Canada"),
    ("Niamey", "NER", "Chad"),
]

# Visitors from countries none of the capitals above belongs to: (demonym, ISO3, title, name).
VISITORS = [
    ("Estonian", "EST", "Foreign Minister", "Kadri Vask"),
    ("Chilean", "CHL", "Defence Minister", "Tomás Arrieta"),
    ("Norwegian", "NOR", "Prime Minister", "Sigrun Haldorsen"),
    ("Peruvian", "PER", "Foreign Minister", "Lucía Quispe Ramos"),
    ("Hungarian", "HUN", "President", "Ferenc Dobai"),
    ("Thai", "THA", "Foreign Minister", "Anong Rattanakorn"),
    ("Zambian", "ZMB", "Defence Minister", "Mwila Chanda"),
]

# Seats of power: (as written, the government it stands for)
SEATS = [
    ("The Kremlin", "RUS"),
    ("The White House", "USA"),
    ("The Élysée", "FRA"),
    ("Downing Street", "GBR"),
]


def _ids(cases: list[tuple[str, str, str]]) -> list[str]:
    return [f"{iso3}-{capital}" for capital, iso3, _ in cases]


def _participants(event: Event) -> list[Actor]:
    return [*event.actors, *event.recipients]


def _hosting(capital: str, guest: str) -> str:
    return f"{capital} hosted {guest}'s foreign minister for talks on Monday."


def _meeting(capital: str, index: int) -> tuple[str, set[str]]:
    one = VISITORS[index % len(VISITORS)]
    two = VISITORS[(index + 3) % len(VISITORS)]
    text = f"{one[0]} {one[2]} {one[3]} met {two[0]} {two[2]} {two[3]} in {capital} on Monday."
    return text, {one[1], two[1]}


@pytest.mark.parametrize(("capital", "iso3", "guest"), CAPITALS, ids=_ids(CAPITALS))
def test_capital_as_host_is_its_government(
    capital: str, iso3: str, guest: str, extract: Extract
) -> None:
    text = _hosting(capital, guest)
    events = extract(text)
    assert events, text
    hosts = [
        actor
        for event in events
        for actor in _participants(event)
        if actor.start == 0 and actor.end == len(capital)
    ]
    assert hosts, [e.model_dump(include={"actors", "recipients"}) for e in events]
    assert all(h.kind == "government" and h.country == iso3 for h in hosts), hosts


@pytest.mark.parametrize(("capital", "iso3", "guest"), CAPITALS, ids=_ids(CAPITALS))
def test_capital_as_venue_stays_a_city(
    capital: str, iso3: str, guest: str, extract: Extract
) -> None:
    text, visitors = _meeting(capital, [c for c, _, _ in CAPITALS].index(capital))
    start = text.index(f" in {capital} ") + len(" in ")
    events = extract(text)
    assert events, text
    located = [e for e in events if e.location is not None and e.location.name == capital]
    assert located, [e.location for e in events]
    for event in located:
        assert event.location is not None
        assert (event.location.kind, event.location.country) == ("city", iso3)
        assert (event.location.start, event.location.end) == (start, start + len(capital))
    for event in events:
        for actor in _participants(event):
            # The venue never becomes a participant, and lends nobody its country.
            assert actor.end <= start or actor.start >= start + len(capital), actor
            assert actor.country != iso3, actor
            assert actor.country in visitors, actor


@pytest.mark.parametrize(("seat", "iso3"), SEATS, ids=[iso3 for _, iso3 in SEATS])
def test_seat_of_power_as_host_is_its_government(seat: str, iso3: str, extract: Extract) -> None:
    text = f"{seat} hosted Japan's foreign minister for talks on Monday."
    name = seat.removeprefix("The ")
    start = text.index(name)
    events = extract(text)
    hosts = [
        actor
        for event in events
        for actor in event.actors
        if (actor.start, actor.end) == (start, start + len(name))
    ]
    assert hosts, [e.model_dump(include={"actors", "recipients"}) for e in events]
    assert all(h.kind == "government" and h.country == iso3 for h in hosts), hosts
    guests = [r for event in events for r in event.recipients]
    assert any(r.country == "JPN" for r in guests), guests
    assert all(r.country != iso3 for r in guests), guests


@pytest.mark.parametrize(("seat", "iso3"), SEATS, ids=[iso3 for _, iso3 in SEATS])
def test_seat_of_power_as_venue_gives_no_government(seat: str, iso3: str, extract: Extract) -> None:
    where = seat[0].lower() + seat[1:] if seat.startswith("The ") else seat
    text = (
        "Thai Foreign Minister Anong Rattanakorn met Hungarian President Ferenc Dobai"
        f" at {where} on Monday."
    )
    name = where.removeprefix("the ")
    start = text.index(name)
    events = extract(text)
    assert events, text
    for event in events:
        assert event.location is not None, event
        assert (event.location.start, event.location.end) == (start, start + len(name))
        assert event.location.country == iso3
        for actor in _participants(event):
            assert actor.country in {"THA", "HUN"}, actor
