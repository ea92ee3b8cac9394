"""Golden tests: short diplomatic news articles written for eventx, and the events each must give.

Each `tests/data/golden/<stem>.txt` is one article: a headline, a blank line, then the text.
Only the text after the headline is extracted from; the headline is there for the reader.
`expected.json` maps each stem to:

- `date`: the document date passed to extraction (optional);
- `events`: expected events. Every given field must hold for one extracted event:
  `event`, `mode`, `status` (equal); `actors` / `recipients` (each string is contained,
  case-insensitively, in the `name` of some actor / recipient); `actor_countries` /
  `recipient_countries` (a subset of the actors' / recipients' ISO3 codes); `location`
  (the location's `name` equals it; `null` means the event has no location); `location_inherited`;
  `topics` (a subset of the event's topics); `sentence_contains` (a substring of `sentence`);
  `date` (an ISO date the event's `date` equals; `null` means the event has no date) and
  `historical` (the event's `historical` flag equals it). A key that is absent is not checked:
  give `date` only when the text names a day ("on Tuesday"), not for "last month".
  Two expected events never share one extracted event.
- `forbid`: rules no extracted event may match. A rule matches an event when all its given fields
  hold: `event`, `mode`, `status` (equal), `location` (location name equals), `actors_any` /
  `recipients_any` / `participants_any` (some actor / recipient / either has a name containing
  one of the strings).
- `exact_count`: when true, the number of extracted events (of any type) must equal len(events).
- `xfail` (optional): the reason a known miss is expected to fail; the test is then strict xfail.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from eventx import resources
from eventx.schema import EVENT_TYPES, Event, Status

GOLDEN_DIR = Path(__file__).parent / "data" / "golden"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (GOLDEN_DIR / "expected.json").read_text(encoding="utf-8")
)
STEMS = sorted(path.stem for path in GOLDEN_DIR.glob("*.txt"))

CONSULT_MODES = ("meet", "visit", "host", "phone", "multilateral")
STATUSES = tuple(status.value for status in Status)
EVENT_KEYS = frozenset(
    {
        "event", "mode", "status", "actors", "recipients", "actor_countries",
        "recipient_countries", "location", "location_inherited", "topics", "sentence_contains",
        "date", "historical",
    }
)  # fmt: skip
FORBID_KEYS = frozenset(
    {"event", "mode", "status", "location", "actors_any", "recipients_any", "participants_any"}
)
ARTICLE_KEYS = frozenset({"date", "events", "forbid", "exact_count", "xfail"})

# A sentence ends at . ! or ? followed by space and a capital letter or digit; the golden texts
# avoid abbreviations so that this is exact.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")

Extract = Callable[..., list[Event]]


def read_article(stem: str) -> tuple[str, str]:
    """The headline and the text of a golden article."""
    raw = (GOLDEN_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    headline, _, text = raw.partition("\n\n")
    return headline, text.strip()


def _sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text.strip()) if part]


# ---------------------------------------------------------------------------
# Matching


def _status(event: Event) -> str:
    return event.status.value if isinstance(event.status, Status) else str(event.status)


def _names_contain(names: Sequence[str], wanted: str) -> bool:
    return any(wanted.casefold() in name.casefold() for name in names)


def _differences(expected: dict[str, Any], event: Event) -> list[str]:
    """Why `event` does not satisfy `expected`; empty when it does."""
    found: list[str] = []
    if "event" in expected and event.event != expected["event"]:
        found.append(f"event {event.event!r} != {expected['event']!r}")
    if "mode" in expected and event.mode != expected["mode"]:
        found.append(f"mode {event.mode!r} != {expected['mode']!r}")
    if "status" in expected and _status(event) != expected["status"]:
        found.append(f"status {_status(event)!r} != {expected['status']!r}")
    for role in ("actors", "recipients"):
        people = event.actors if role == "actors" else event.recipients
        names = [person.name for person in people]
        missing = [want for want in expected.get(role, []) if not _names_contain(names, want)]
        if missing:
            found.append(f"{role} {names} lack {missing}")
        key = role[:-1] + "_countries"
        countries = {person.country for person in people}
        missing = [code for code in expected.get(key, []) if code not in countries]
        if missing:
            found.append(f"{role} countries {sorted(c or '-' for c in countries)} lack {missing}")
    if "location" in expected:
        have = event.location.name if event.location is not None else None
        if have != expected["location"]:
            found.append(f"location {have!r} != {expected['location']!r}")
    if "location_inherited" in expected:
        inherited = event.location.inherited if event.location is not None else None
        if inherited != expected["location_inherited"]:
            found.append(f"location.inherited {inherited!r} != {expected['location_inherited']!r}")
    missing_topics = sorted(set(expected.get("topics", [])) - set(event.topics))
    if missing_topics:
        found.append(f"topics {event.topics} lack {missing_topics}")
    if "sentence_contains" in expected and expected["sentence_contains"] not in event.sentence:
        found.append(f"sentence lacks {expected['sentence_contains']!r}")
    if "date" in expected:
        have_date = event.date.isoformat() if event.date is not None else None
        if have_date != expected["date"]:
            found.append(f"date {have_date!r} != {expected['date']!r}")
    if "historical" in expected and event.historical != expected["historical"]:
        found.append(f"historical {event.historical!r} != {expected['historical']!r}")
    return found


def _forbidden(rule: dict[str, Any], event: Event) -> bool:
    """Whether `event` matches every field the forbid rule gives."""
    if "event" in rule and event.event != rule["event"]:
        return False
    if "mode" in rule and event.mode != rule["mode"]:
        return False
    if "status" in rule and _status(event) != rule["status"]:
        return False
    if "location" in rule and (event.location is None or event.location.name != rule["location"]):
        return False
    actors = [person.name for person in event.actors]
    recipients = [person.name for person in event.recipients]
    for key, names in (
        ("actors_any", actors),
        ("recipients_any", recipients),
        ("participants_any", actors + recipients),
    ):
        if key in rule and not any(_names_contain(names, want) for want in rule[key]):
            return False
    return True


def _describe(event: Event) -> str:
    location = event.location.name if event.location is not None else None
    return (
        f"{event.event}/{event.mode}/{_status(event)} trigger={event.trigger!r} "
        f"actors={[a.name for a in event.actors]} recipients={[r.name for r in event.recipients]} "
        f"location={location!r} topics={event.topics} date={event.date} "
        f"historical={event.historical} sentence={event.sentence!r}"
    )


def _listing(events: Sequence[Event]) -> str:
    if not events:
        return "extracted: nothing"
    return "extracted:\n" + "\n".join(f"  [{i}] {_describe(e)}" for i, e in enumerate(events))


def _one_to_one(candidates: list[list[int]]) -> bool:
    """Whether every expected event can be given its own extracted event (bipartite matching)."""
    owner: dict[int, int] = {}

    def assign(want: int, seen: set[int]) -> bool:
        for got in candidates[want]:
            if got in seen:
                continue
            seen.add(got)
            if got not in owner or assign(owner[got], seen):
                owner[got] = want
                return True
        return False

    return all(assign(want, set()) for want in range(len(candidates)))


# ---------------------------------------------------------------------------
# The golden set itself (fast: no model)


def test_every_article_has_expectations() -> None:
    assert set(STEMS) == set(EXPECTED), (
        f"articles without expectations: {sorted(set(STEMS) - set(EXPECTED))}; "
        f"expectations without article: {sorted(set(EXPECTED) - set(STEMS))}"
    )


@pytest.mark.parametrize("stem", STEMS)
def test_article_is_well_formed(stem: str) -> None:
    raw = (GOLDEN_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    headline, text = read_article(stem)
    assert headline.strip() and "\n" not in headline, f"{stem}: first line must be the headline"
    assert raw.startswith(headline + "\n\n"), f"{stem}: headline must be followed by a blank line"
    count = len(_sentences(text))
    assert 3 <= count <= 8, f"{stem}: {count} sentences, want 3 to 8"


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_expectations_are_well_formed(stem: str) -> None:
    spec = EXPECTED[stem]
    topics = resources.topic_names()
    _, text = read_article(stem) if stem in STEMS else ("", "")
    assert set(spec) <= ARTICLE_KEYS, f"{stem}: unknown keys {set(spec) - ARTICLE_KEYS}"
    assert isinstance(spec["exact_count"], bool)
    for want in spec["events"]:
        assert set(want) <= EVENT_KEYS, f"{stem}: unknown keys {set(want) - EVENT_KEYS}"
        assert want["event"] in EVENT_TYPES
        assert want["status"] in STATUSES
        if want["event"] == "CONSULT":
            assert want["mode"] in CONSULT_MODES
        assert set(want.get("topics", [])) <= topics, f"{stem}: topic outside the vocabulary"
        assert "sentence_contains" in want, f"{stem}: each expected event names its sentence"
        assert text.count(want["sentence_contains"]) == 1, (
            f"{stem}: {want['sentence_contains']!r} must occur exactly once in the text"
        )
        for name in [*want.get("actors", []), *want.get("recipients", [])]:
            assert name in text, f"{stem}: participant {name!r} not in text"
        if want.get("location") is not None:
            assert want["location"] in text, f"{stem}: location {want['location']!r} not in text"
        if want.get("date") is not None:
            assert dt.date.fromisoformat(want["date"]).isoformat() == want["date"], (
                f"{stem}: date {want['date']!r} must be an ISO date"
            )
        if "historical" in want:
            assert isinstance(want["historical"], bool), f"{stem}: historical must be a bool"
    for rule in spec["forbid"]:
        assert rule and set(rule) <= FORBID_KEYS, f"{stem}: bad forbid rule {rule}"
    if not spec["events"]:
        assert spec["exact_count"], f"{stem}: a no-event article must set exact_count"


def test_golden_set_covers_every_mode_and_status() -> None:
    consult = [want for spec in EXPECTED.values() for want in spec["events"]]
    modes = {want["mode"] for want in consult if want["event"] == "CONSULT"}
    statuses = {want["status"] for want in consult}
    empty = [stem for stem, spec in EXPECTED.items() if not spec["events"]]
    assert modes >= set(CONSULT_MODES), f"modes not covered: {set(CONSULT_MODES) - modes}"
    assert statuses >= set(STATUSES), f"statuses not covered: {set(STATUSES) - statuses}"
    assert len(EXPECTED) >= 16 and len(empty) >= 4, (len(EXPECTED), empty)


# ---------------------------------------------------------------------------
# Extraction against the golden set (loads the spaCy model)


def _params() -> list[Any]:
    params = []
    for stem in STEMS:
        reason = EXPECTED.get(stem, {}).get("xfail")
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(stem, id=stem, marks=marks))
    return params


@pytest.mark.slow
@pytest.mark.parametrize("stem", _params())
def test_golden_article(stem: str, extract: Extract) -> None:
    spec = EXPECTED[stem]
    _, text = read_article(stem)
    events = list(extract(text, doc_id=stem, date=spec.get("date")))
    listing = _listing(events)

    problems: list[str] = []
    candidates: list[list[int]] = []
    for want in spec["events"]:
        matching = [i for i, event in enumerate(events) if not _differences(want, event)]
        candidates.append(matching)
        if not matching:
            near = [
                f"  [{i}] " + "; ".join(_differences(want, event))
                for i, event in enumerate(events)
                if event.event == want["event"]
            ]
            problems.append(
                f"no event matches {want}"
                + ("\n differences from each extracted event of that type:\n" + "\n".join(near)
                   if near else "")
            )  # fmt: skip
    if not problems and not _one_to_one(candidates):
        problems.append(f"expected events share extracted events: candidates {candidates}")

    for rule in spec["forbid"]:
        offending = [i for i, event in enumerate(events) if _forbidden(rule, event)]
        if offending:
            problems.append(f"forbidden {rule} matched extracted events {offending}")

    if spec["exact_count"] and len(events) != len(spec["events"]):
        problems.append(f"extracted {len(events)} events, expected exactly {len(spec['events'])}")

    assert not problems, f"{stem}:\n" + "\n".join(problems) + "\n" + listing
