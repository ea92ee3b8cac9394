"""The article eventx was created for: `eventx extract seeds/` must get its events right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventx.cli import app
from eventx.schema import Event

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BOILERPLATE = ("LEAVE A REPLY", "Rebuild Trust", "Please enter", "Authorities")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    result = CliRunner().invoke(app, ["extract", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [Event.model_validate_json(line) for line in result.stdout.splitlines() if line]


def names(actors: list) -> set[str]:  # type: ignore[type-arg]
    return {actor.name for actor in actors}


def find(events: list[Event], mode: str | None, recipient: str) -> Event:
    for event in events:
        if (
            event.event == "CONSULT"
            and mode in (None, event.mode)
            and recipient in names(event.recipients)
        ):
            return event
    shown = [(e.mode, sorted(names(e.actors)), sorted(names(e.recipients))) for e in events]
    raise AssertionError(f"no CONSULT/{mode} with {recipient}; extracted: {shown}")


def test_visit_to_mali_at_bamako(seed_events: list[Event]) -> None:
    visit = find(seed_events, "visit", "Mali")
    (chicker,) = visit.actors
    assert (chicker.name, chicker.country, chicker.kind) == ("Nick Chicker", "USA", "person")
    assert chicker.title is not None and "African Affairs" in chicker.title
    assert visit.status.value == "occurred"
    assert visit.location is not None
    assert (visit.location.name, visit.location.country) == ("Bamako", "MLI")
    assert visit.location.lat == pytest.approx(12.65, abs=0.2)
    assert visit.location.lon == pytest.approx(-8.0, abs=0.2)


def test_meeting_with_the_foreign_minister(seed_events: list[Event]) -> None:
    meeting = find(seed_events, "meet", "Abdoulaye Diop")
    assert names(meeting.actors) == {"Nick Chicker"}
    (diop,) = meeting.recipients
    assert (diop.title, diop.country) == ("Foreign Minister", "MLI")
    assert meeting.status.value == "occurred"
    assert meeting.location is not None and meeting.location.name == "Bamako"


def test_planned_meeting_with_goita(seed_events: list[Event]) -> None:
    meeting = find(seed_events, "meet", "Assimi Goïta")
    assert names(meeting.actors) == {"Nick Chicker"}
    assert meeting.recipients[0].country == "MLI"
    assert meeting.status.value == "planned"
    assert meeting.location is not None and meeting.location.name == "Bamako"


def test_planned_consultations_with_burkina_faso_and_niger(seed_events: list[Event]) -> None:
    consult = find(seed_events, None, "Burkina Faso")
    assert {"Burkina Faso", "Niger"} <= names(consult.recipients)
    assert {r.country for r in consult.recipients} >= {"BFA", "NER"}
    assert names(consult.actors) == {"Nick Chicker"}
    assert consult.status.value == "planned"
    assert {"security", "economy"} <= set(consult.topics)
    assert consult.location is None or consult.location.country != "MLI"


def test_no_boilerplate_or_headline_fragment_takes_part(seed_events: list[Event]) -> None:
    for event in seed_events:
        for actor in event.actors + event.recipients:
            assert not any(fragment in actor.text for fragment in BOILERPLATE), actor


def test_every_field_points_back_into_the_document(seed_events: list[Event]) -> None:
    from eventx.io import iter_documents

    (document,) = list(iter_documents([str(SEEDS)]))
    assert not isinstance(document, Exception)
    text = document.text
    for event in seed_events:
        assert text[event.start : event.end] == event.sentence
        assert text[event.trigger_start : event.trigger_end] == event.trigger
        for actor in event.actors + event.recipients:
            assert text[actor.start : actor.end] == actor.text
        json.loads(event.model_dump_json())  # serialisable


def test_people_carry_their_office_s_sector(seed_events: list[Event]) -> None:
    meeting = find(seed_events, "meet", "Abdoulaye Diop")
    assert meeting.recipients[0].sector == "GOV"
    planned = find(seed_events, "meet", "Assimi Goïta")
    assert planned.recipients[0].sector == "MIL"
    assert {actor.sector for actor in meeting.actors} == {"GOV"}


def test_mali_s_own_partnership_with_russia_is_mali_s(seed_events: list[Event]) -> None:
    # "Mali has strengthened its partnership with Russia": 'its' is Mali, so the United
    # States, named earlier, takes no part
    (event,) = [e for e in seed_events if e.event == "COOPERATE"]
    assert [a.name for a in event.actors] == ["Mali"]
    assert [r.name for r in event.recipients] == ["Russia"]
