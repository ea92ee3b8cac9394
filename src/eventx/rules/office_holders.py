"""Office holders: who held which office when, from curated/office_holders.csv."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import RuleFileError
from ..schema import GazetteerEntry, OfficeHolder, OfficeTerm
from .organizations import _add_title
from .ruleset import (
    ACTORS_FILE,
    RANK_CURATED,
    RuleSet,
)
from .sources import (
    _rows,
    _slug,
    variants,
)


def _day(text: str, *, last: bool) -> date:
    """'2004', '2004-03' or '2004-03-09'; a year or month alone is its first (or last) day."""
    parts = [int(part) for part in text.split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not a date: {text!r}")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if last else 1)
    if len(parts) == 3:
        return date(year, month, parts[2])
    return date(year, month, monthrange(year, month)[1] if last else 1)


def _offices(rules: RuleSet) -> dict[str, GazetteerEntry]:
    """Every written form of a title ('Premier', 'foreign minister') -> its title entry."""
    return {
        cand.pattern.casefold(): rules.entries[cand.id]
        for cand in rules.candidates
        if cand.label == "TITLE" and isinstance(cand.pattern, str)
    }


def _office(written: str, offices: dict[str, GazetteerEntry]) -> tuple[str, str]:
    """The canonical form and PLOVER sector of an office as the curated list writes it."""
    entry = offices.get(written.casefold())
    if entry is not None and entry.title:
        return entry.title, entry.sector or "GOV"
    words = written.casefold().split()
    for start in range(1, len(words)):
        tail = offices.get(" ".join(words[start:]))
        if tail is not None and tail.sector:
            return written, tail.sector  # 'Intelligence Chief': the office it ends with
    return written, "GOV"


_CHECKED = re.compile(r"^# checked: (\d{4}-\d{2}-\d{2})\s*$")


def _checked(path: Path) -> date | None:
    """The '# checked: YYYY-MM-DD' line of a curated list: until when its running terms are
    known to run."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise RuleFileError(path, f"cannot read: {err.strerror or err}") from err
    for line in lines:
        if found := _CHECKED.match(line):
            return date.fromisoformat(found.group(1))
    return None


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def load_office_holders(
    path: Path, known: set[str], orgs: set[str], offices: dict[str, GazetteerEntry]
) -> list[OfficeHolder]:
    """People and their terms from office_holders.csv, one row per term, grouped by name."""
    checked = _checked(path)
    people: dict[str, dict[str, Any]] = {}
    for number, row in _rows(path):
        body = row["country"]
        if body not in known and body not in orgs:
            raise RuleFileError(path, f"unknown country or organisation {body!r}", line=number)
        office, sector = _office(row["office"], offices)
        try:
            term = OfficeTerm(
                office=office,
                country=body if body in known else None,
                org=body if body in orgs else None,
                sector="IGO" if body in orgs else sector,
                start=_day(row["start"], last=False),
                end=_day(row["end"], last=True) if row["end"] else None,
                checked=None if row["end"] else checked,
            )
        except ValueError as err:
            raise RuleFileError(path, str(err).splitlines()[0], line=number) from err
        person = people.setdefault(
            row["name"], {"names": [], "surnames": [], "terms": [], "line": number}
        )
        person["names"] += [n for n in _split(row["variants"]) if n not in person["names"]]
        person["surnames"] += [n for n in _split(row["surnames"]) if n not in person["surnames"]]
        person["terms"].append(term)
    holders: dict[str, OfficeHolder] = {}
    for name, person in people.items():
        holder_id = f"person.{_slug(name)}"
        if holder_id in holders:
            raise RuleFileError(path, f"two people with id {holder_id!r}", line=person["line"])
        terms = sorted(person["terms"], key=lambda term: term.start)
        national = [term.country for term in terms if term.country is not None]
        holders[holder_id] = OfficeHolder(
            id=holder_id,
            name=name,
            names=tuple(person["names"]),
            surnames=tuple(person["surnames"]),
            country=national[-1] if national else None,
            terms=tuple(terms),
        )
    return [holders[key] for key in sorted(holders)]


def add_office_holders(rules: RuleSet, holders: Sequence[OfficeHolder]) -> None:
    """A PERSON pattern for every full form of each office holder's name, and an entry
    naming their latest office (the terms themselves go to office_holders.jsonl)."""
    for holder in holders:
        latest = holder.term_on(None)
        assert latest is not None  # every holder has a term
        rules.add_entry(
            GazetteerEntry(
                id=holder.id,
                label="PERSON",
                name=holder.name,
                kind="person",
                country=holder.country,
                title=latest.office,
                sector=latest.sector,
            )
        )
        forms = [form for name in (holder.name, *holder.names) for form in variants(name)]
        rules.add("PERSON", sorted(set(forms)), holder.id, ACTORS_FILE, RANK_CURATED)


def add_office_titles(
    rules: RuleSet, holders: Sequence[OfficeHolder], offices: dict[str, GazetteerEntry]
) -> None:
    """A TITLE for every office of several words the list names that no title gives as
    written ('Director of National Intelligence', 'Chief Executive'): without it the words of
    the office run into the holder's name ('National Intelligence Dan Coats')."""
    sectors: dict[str, str] = {}
    for holder in holders:
        for term in holder.terms:
            sectors.setdefault(term.office, term.sector)
    for office, sector in sorted(sectors.items()):
        if office.casefold() in offices or " " not in office:
            continue  # one word ('Leader') is too common a word to be a title by itself
        _add_title(rules, _slug(office), office, sector, [office], lower=False)
