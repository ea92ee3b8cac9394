"""Country, city and place rules: names, aliases, demonyms and gazetteer entries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import RuleFileError
from ..schema import GazetteerEntry, Label
from .ruleset import (
    AMBIGUOUS_FILE,
    MIN_CITY_POPULATION,
    PLACES_FILE,
    RANK_CITY,
    RANK_COUNTRY,
    RANK_CURATED,
    Candidate,
    RuleSet,
)
from .sources import (
    Country,
    _norm,
    _objects,
    _rows,
    _slug,
    _words,
    fold,
    variants,
)


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
