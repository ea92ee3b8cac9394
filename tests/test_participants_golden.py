"""Golden articles about who takes part: real office holders resolved by the document date,
whole names, titles to people, coordinated lists, groups that are not states, and dates.

Each `tests/data/participants/<stem>.txt` is an article written for eventx: a headline, a blank
line, then the text, which alone is extracted from. `expected.json` maps each stem to:

- `date`: the document date;
- `events`: each must match a distinct extracted event: `event`, `mode` (equal),
  `sentence_contains` (a substring of the sentence), `date` (ISO or null) and `historical`
  (equal), and `actors` / `recipients`, lists of participant specs that must each match some
  actor / recipient;
- `forbid`: participant specs that no participant of any event may match (with `event`, only
  of events of that type).

A participant spec matches an actor when its `name` is contained in the actor's name (or, with
`"exact": true`, equals it), its `text` equals the actor's text, and its `title`, `country`,
`kind` and `id` equal the actor's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventx.schema import Actor, Event

DIR = Path(__file__).parent / "data" / "participants"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (DIR / "expected.json").read_text(encoding="utf-8")
)
STEMS = sorted(path.stem for path in DIR.glob("*.txt"))
SPEC_KEYS = frozenset({"name", "exact", "text", "title", "country", "kind", "id", "event"})

Extract = Callable[..., list[Event]]


def _fits(spec: dict[str, Any], actor: Actor) -> bool:
    name = spec.get("name")
    if name is not None:
        same = actor.name == name if spec.get("exact") else name.casefold() in actor.name.casefold()
        if not same:
            return False
    if "text" in spec and actor.text != spec["text"]:
        return False
    return all(
        getattr(actor, key) == spec[key]
        for key in ("title", "country", "kind", "id")
        if key in spec
    )


def _matches(expected: dict[str, Any], event: Event) -> bool:
    if event.event != expected["event"]:
        return False
    if "mode" in expected and event.mode != expected["mode"]:
        return False
    if "sentence_contains" in expected and expected["sentence_contains"] not in event.sentence:
        return False
    if "date" in expected:
        wanted = expected["date"]
        if event.date != (dt.date.fromisoformat(wanted) if wanted else None):
            return False
    if "historical" in expected and event.historical != expected["historical"]:
        return False
    for role in ("actors", "recipients"):
        found: list[Actor] = getattr(event, role)
        if not all(any(_fits(spec, actor) for actor in found) for spec in expected.get(role, [])):
            return False
    return True


def test_every_article_has_expectations_and_every_spec_is_known() -> None:
    assert STEMS and sorted(EXPECTED) == STEMS
    for stem, article in EXPECTED.items():
        specs = [
            s for e in article["events"] for r in ("actors", "recipients") for s in e.get(r, [])
        ]
        specs += article.get("forbid", [])
        assert all(set(spec) <= SPEC_KEYS for spec in specs), stem


@pytest.mark.parametrize("stem", STEMS)
def test_article(stem: str, extract: Extract) -> None:
    article = EXPECTED[stem]
    text = (DIR / f"{stem}.txt").read_text(encoding="utf-8").partition("\n\n")[2].strip()
    found = extract(text, doc_id=stem, date=article["date"])
    unused = list(found)
    for expected in article["events"]:
        match = next((event for event in unused if _matches(expected, event)), None)
        assert match is not None, (
            f"no event matches {expected}; got {[e.model_dump() for e in found]}"
        )
        unused.remove(match)
    for rule in article.get("forbid", []):
        spec = {key: value for key, value in rule.items() if key != "event"}
        for event in found:
            if "event" in rule and event.event != rule["event"]:
                continue
            bad = [a for a in event.actors + event.recipients if _fits(spec, a)]
            assert not bad, f"{rule} matched {bad} in {event.sentence!r}"
