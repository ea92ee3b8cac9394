"""A group named after a country, or sending envoys, is that group, not the state: 'a
delegation from the Taliban' is the Taliban, 'South Korean newspapers' are South Korea's
press (PLOVER MED)."""

from __future__ import annotations

from collections.abc import Callable

from eventx.schema import Event


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
