"""Comparing names and places the way a reader would, for scoring: pure functions, no I/O.

Both sides are normalized: Unicode NFKD with combining marks removed, casefolded, possessive
's and dots dropped ("U.S." -> "us"), other punctuation split, and titles/honorifics and the
words "the", "of", "and" removed. Two names match when their token sequences are equal or the
tokens of one are all among the tokens of the other ("Doe" ~ "Jane Doe", "Jane
Doe" ~ "Freedonian President Jane Doe", "Herat" ~ "province of Herat"). A gold name
written as an ISO3 code ("MLI"), or one that the optional `country_names` table resolves to a
code, stands for the state itself and matches a predicted actor of kind country or government
with that country.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from eventx.schema import Actor, GazetteerEntry, PatternLine, Place

from .gold import GoldActor, GoldPlace

LOCATION_TOLERANCE_KM = 25.0

# Titles, honorifics and filler words dropped before names are compared, so that
# "President Jane Doe" and "Doe" compare on the name alone. Deliberately short.
_TITLE_WORDS = """
    mr mrs ms miss dr prof professor sir dame lord lady sheikh shaikh emir president vice
    prime minister secretary foreign defence defense interior state general gen chancellor
    ambassador envoy special deputy senator sen rep representative governor gov mayor
    premier king queen prince princess his her he excellency majesty highness hon honourable
    honorable colonel col lt major maj captain capt admiral adm chief spokesman spokeswoman
    spokesperson leader pope cardinal the of and
"""
TITLES: frozenset[str] = frozenset(_TITLE_WORDS.split())

_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """A name as comparable tokens: no diacritics, casefolded, no titles or punctuation."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _POSSESSIVE.sub("", plain.casefold()).replace(".", "")
    return tuple(token for token in _NON_WORD.split(plain) if token and token not in TITLES)


def names_match(first: str, second: str) -> bool:
    """Whether two names can denote the same entity (equal, or one's tokens within the other's)."""
    a, b = name_tokens(first), name_tokens(second)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return set(shorter) <= set(longer)


def _is_iso3(name: str) -> bool:
    return len(name) == 3 and name.isalpha() and name.isupper()


def actor_matches(
    gold: GoldActor, predicted: Actor, country_names: Mapping[str, str] | None = None
) -> bool:
    """Whether a predicted actor is the gold actor (see the module docstring for the rules)."""
    candidates = [predicted.name, predicted.text]
    for name in gold.names:
        if any(names_match(name, candidate) for candidate in candidates):
            return True
        if predicted.country is None or predicted.kind not in ("country", "government"):
            continue
        code = name if _is_iso3(name) else None
        if code is None and country_names is not None:
            code = country_names.get(" ".join(name_tokens(name)))
        if code is not None and code == predicted.country:
            return True
    return False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _bare_id(value: str) -> str:
    return value.strip().casefold().removeprefix("geonames:")


def place_matches(gold: GoldPlace, predicted: Place) -> bool:
    """Same place: a name match, the same id, or within 25 km when both have coordinates."""
    if (
        gold.id is not None
        and predicted.id is not None
        and _bare_id(gold.id) == _bare_id(predicted.id)
    ):
        return True
    for name in gold.names:
        if names_match(name, predicted.name) or names_match(name, predicted.text):
            return True
    if (
        gold.lat is not None
        and gold.lon is not None
        and predicted.lat is not None
        and predicted.lon is not None
    ):
        distance = haversine_km(gold.lat, gold.lon, predicted.lat, predicted.lon)
        return distance <= LOCATION_TOLERANCE_KM
    return False


def country_name_table(
    gazetteer: Mapping[str, GazetteerEntry], patterns: Iterable[PatternLine] = ()
) -> dict[str, str]:
    """Normalized names -> ISO3 for `evaluate`: every country's name and aliases, and the
    capitals and seats that stand for governments ('Washington', 'the Kremlin')."""
    table: dict[str, str] = {}
    for entry in gazetteer.values():
        code = entry.id if entry.kind == "country" else entry.capital_of
        if code is None and entry.kind == "seat":
            code = entry.country
        if code is not None:
            table.setdefault(" ".join(name_tokens(entry.name)), code)
    for line in patterns:
        country = gazetteer.get(line.id)
        if isinstance(line.pattern, str) and country is not None and country.kind == "country":
            table.setdefault(" ".join(name_tokens(line.pattern)), country.id)
    return table
