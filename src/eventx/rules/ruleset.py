"""The rule set one build produces: output file names, conflict ranks, pattern candidates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import RuleFileError
from ..schema import GazetteerEntry

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
