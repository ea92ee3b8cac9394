"""Organization and title rules from the curated lists."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import RuleFileError
from ..schema import GazetteerEntry
from .ruleset import (
    ACTORS_FILE,
    ORGS_FILE,
    RANK_CURATED,
    Pattern,
    RuleSet,
)
from .sources import (
    _objects,
    variants,
)


def add_organizations(rules: RuleSet, curated: Path, known: set[str]) -> None:
    path = curated / "organizations.jsonl"
    for number, obj in _objects(path):
        country = obj.get("country")
        if country is not None and country not in known:
            raise RuleFileError(path, f"unknown ISO3 {country!r}", line=number)
        rules.add_entry(
            GazetteerEntry(
                id=obj["id"],
                label="ORG",
                name=obj["name"],
                kind=obj["kind"],
                country=country,
                sector=obj.get("sector"),
                title=obj.get("title"),  # a ministry's: the office that heads it
            )
        )
        for pattern in obj["patterns"]:
            rules.add("ORG", variants(pattern), obj["id"], ORGS_FILE, RANK_CURATED)
        # a navy's ship by its prefix: 'USS Carl Vinson', 'HMS Defender'
        for prefix in obj.get("ship_prefixes", ()):
            ship: Pattern = [{"ORTH": prefix}, {"IS_TITLE": True, "OP": "+"}]
            rules.add("ORG", [ship], obj["id"], ORGS_FILE, RANK_CURATED)


def _cased(phrase: str, lower: bool) -> list[str]:
    """A title as written, plus lower and sentence case ('foreign minister', 'Foreign minister')."""
    forms = [phrase]
    if lower and "." not in phrase and not any(w.isupper() and len(w) > 1 for w in phrase.split()):
        low = phrase.lower()
        forms += [low, low[:1].upper() + low[1:]]
    return list(dict.fromkeys(forms))


def _add_title(
    rules: RuleSet, slug: str, title: str, sector: str, patterns: Iterable[Pattern], lower: bool
) -> None:
    entity_id = f"title.{slug}"
    rules.add_entry(
        GazetteerEntry(
            id=entity_id, label="TITLE", name=title, kind="title", title=title, sector=sector
        )
    )
    for pattern in patterns:
        if isinstance(pattern, str):
            forms = [v for p in _cased(pattern, lower) for v in variants(p)]
            rules.add("TITLE", forms, entity_id, ACTORS_FILE, RANK_CURATED)
        else:
            rules.add("TITLE", [pattern], entity_id, ACTORS_FILE, RANK_CURATED)


def add_titles(rules: RuleSet, curated: Path) -> None:
    """Offices (TITLE) and, from portfolios.jsonl, ministers and ministries for each portfolio."""
    for _, obj in _objects(curated / "titles.jsonl"):
        _add_title(
            rules,
            obj["slug"],
            obj["title"],
            obj.get("sector", "GOV"),
            obj["patterns"],
            bool(obj.get("lower")),
        )
    for _, obj in _objects(curated / "portfolios.jsonl"):
        slug, sector = obj["slug"], obj.get("sector", "GOV")
        prefixes, ofs = obj["prefixes"], obj["of"]
        minister = [f"{p} Minister" for p in prefixes]
        minister += [f"Minister {w} {o}" for o in ofs for w in ("of", "for")]
        _add_title(rules, f"{slug}_minister", obj["title"], sector, minister, lower=True)
        _add_title(
            rules,
            f"deputy_{slug}_minister",
            f"Deputy {obj['title']}",
            sector,
            [f"Deputy {m}" for m in minister],
            lower=True,
        )
        ministry_id = f"gov.{slug}_ministry"
        rules.add_entry(
            GazetteerEntry(  # its title is the office that heads it
                id=ministry_id,
                label="ORG",
                name=obj["ministry"],
                kind="ministry",
                sector=sector,
                title=obj["title"],
            )
        )
        ministry = [f"{p} Ministry" for p in prefixes]
        ministry += [f"Ministry {w} {o}" for o in ofs for w in ("of", "for")]
        forms = [v for m in ministry for c in _cased(m, lower=True) for v in variants(c)]
        rules.add("ORG", forms, ministry_id, ORGS_FILE, RANK_CURATED)
