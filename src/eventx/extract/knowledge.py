"""Knowledge: the read-only rule data extraction consults, held in frozen indexes.

`resources` reads the rule files and builds one (`resources.shipped_knowledge()`); this module
does no I/O, so tests build small Knowledge objects from their own data.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from ..schema import (
    ExclusionRule,
    GazetteerEntry,
    LexiconRule,
    OfficeHolder,
    OfficeTerm,
    PatternLine,
    TopicRule,
    TriggerRule,
)


@dataclass(frozen=True)
class Knowledge:
    """Everything extraction needs besides the parsed Doc. Immutable, so safe to share."""

    gazetteer: Mapping[str, GazetteerEntry]
    triggers: tuple[TriggerRule, ...]
    topics: tuple[TopicRule, ...]
    exclusions: tuple[ExclusionRule, ...] = ()
    lexicons: tuple[LexiconRule, ...] = ()
    office_holders: tuple[OfficeHolder, ...] = ()
    by_lemma: Mapping[str, tuple[TriggerRule, ...]] = field(init=False)
    by_iso3: Mapping[str, GazetteerEntry] = field(init=False)
    topic_terms: Mapping[str, str] = field(init=False)
    excluded_terms: Mapping[str, tuple[str, ...]] = field(init=False)
    rules_by_id: Mapping[str, TriggerRule] = field(init=False)
    word_lists: Mapping[str, frozenset[str]] = field(init=False)
    title_sectors: Mapping[str, str] = field(init=False)
    holders: Mapping[str, OfficeHolder] = field(init=False)
    holders_by_name: Mapping[str, tuple[str, ...]] = field(init=False)
    cities_by_upper: Mapping[str, tuple[GazetteerEntry, ...]] = field(init=False)
    seats_by_upper: Mapping[str, GazetteerEntry] = field(init=False)  # 'CAPITOL HILL'

    def __post_init__(self) -> None:
        by_lemma: dict[str, list[TriggerRule]] = {}
        for rule in self.triggers:
            by_lemma.setdefault(rule.lemma, []).append(rule)
        object.__setattr__(
            self, "by_lemma", MappingProxyType({k: tuple(v) for k, v in by_lemma.items()})
        )
        countries = {
            entry.id: entry for entry in self.gazetteer.values() if entry.kind == "country"
        }
        object.__setattr__(self, "by_iso3", MappingProxyType(countries))
        # A dateline's 'NAIROBI' is looked up per document: an index, not a gazetteer scan.
        cities: dict[str, list[GazetteerEntry]] = {}
        for entry in self.gazetteer.values():
            if entry.kind == "city":
                cities.setdefault(entry.name.upper(), []).append(entry)
        object.__setattr__(
            self, "cities_by_upper", MappingProxyType({k: tuple(v) for k, v in cities.items()})
        )
        seats = {e.name.upper(): e for e in self.gazetteer.values() if e.kind == "seat"}
        object.__setattr__(self, "seats_by_upper", MappingProxyType(seats))
        terms = {term: rule.topic for rule in self.topics for term in rule.terms}
        object.__setattr__(self, "topic_terms", MappingProxyType(terms))
        excluded: dict[str, tuple[str, ...]] = {}
        for exclusion in self.exclusions:
            for term in exclusion.terms:
                excluded[term] = tuple(sorted(set(excluded.get(term, ())) | set(exclusion.events)))
        object.__setattr__(self, "excluded_terms", MappingProxyType(excluded))
        object.__setattr__(
            self, "rules_by_id", MappingProxyType({rule.id: rule for rule in self.triggers})
        )
        sectors = {
            name.lower(): entry.sector
            for entry in self.gazetteer.values()
            if entry.kind == "title" and entry.sector
            for name in (entry.name, entry.title or entry.name)
        }
        object.__setattr__(self, "title_sectors", MappingProxyType(sectors))
        lists = {lexicon.name: frozenset(lexicon.words) for lexicon in self.lexicons}
        object.__setattr__(self, "word_lists", MappingProxyType(lists))
        holders = {holder.id: holder for holder in self.office_holders}
        object.__setattr__(self, "holders", MappingProxyType(holders))
        by_name: dict[str, list[str]] = {}
        for holder in self.office_holders:
            for name in {holder.name, *holder.names, *holder.surnames}:
                ids = by_name.setdefault(name_key(name), [])
                if holder.id not in ids:
                    ids.append(holder.id)
        object.__setattr__(
            self, "holders_by_name", MappingProxyType({k: tuple(v) for k, v in by_name.items()})
        )

    def with_patterns(self, lines: Iterable[PatternLine]) -> Knowledge:
        """A copy that also knows the entities a user's pattern lines define inline; a user's
        entry for an office holder's id replaces the shipped holder."""
        gazetteer = dict(self.gazetteer)
        overridden: set[str] = set()
        for line in lines:
            entry = line.entry()
            if entry is not None:
                gazetteer[entry.id] = entry
                overridden.add(entry.id)
        holders = tuple(h for h in self.office_holders if h.id not in overridden)
        return dataclasses.replace(
            self, gazetteer=MappingProxyType(gazetteer), office_holders=holders
        )

    def holder(self, entity_id: str | None) -> OfficeHolder | None:
        """The office holder with that id, if the knowledge file lists one."""
        return self.holders.get(entity_id) if entity_id else None

    def holder_named(self, name: str, when: date | None) -> OfficeHolder | None:
        """The office holder a name stands for: 'Vladimir Putin', 'Erdogan'. A short form
        several people share ('Bush') is the one in office on `when`, else none."""
        ids = self.holders_by_name.get(name_key(name), ())
        if len(ids) == 1:
            return self.holders[ids[0]]
        if when is None or not ids:
            return None
        serving = [i for i in ids if self.holders[i].term_on(when) is not None]
        return self.holders[serving[0]] if len(serving) == 1 else None

    def countries_sharing(self, word: str) -> tuple[str, ...]:
        """The countries whose name holds `word` ('congo': COD and COG), in id order."""
        wanted = word.casefold()
        return tuple(
            sorted(
                iso3
                for iso3, entry in self.by_iso3.items()
                if wanted in entry.name.casefold().replace(",", " ").split()
            )
        )

    def country_named(self, name: str) -> str | None:
        """The country of everyone a name may stand for, when they share one ('Bush')."""
        ids = self.holders_by_name.get(name_key(name), ())
        countries = {self.holders[i].country for i in ids}
        return countries.pop() if len(countries) == 1 else None

    def holder_of(
        self, office: str, country: str, when: date | None
    ) -> tuple[OfficeHolder, OfficeTerm] | None:
        """Who held an office of a country (or organisation id) on a day; without a day, the
        latest holder. 'Foreign Minister', 'TUR', 2017-05-02 -> Mevlüt Çavuşoğlu."""
        wanted = office.casefold()
        found: list[tuple[OfficeHolder, OfficeTerm]] = []
        for holder in self.office_holders:
            for term in holder.terms:
                if term.office.casefold() != wanted or country not in (term.country, term.org):
                    continue
                if when is None or term.covers(when):
                    found.append((holder, term))
        if not found:
            return None
        if when is None:
            return max(found, key=lambda pair: pair[1].start)
        return found[0] if len(found) == 1 else None

    def words(self, name: str) -> frozenset[str]:
        """A named word list from `models/lexicons.jsonl`; KeyError if the file lacks it."""
        try:
            return self.word_lists[name]
        except KeyError:
            raise KeyError(f"models/lexicons.jsonl has no word list {name!r}") from None

    def surname_key(self, name: str) -> str:
        """The key a later short mention of a person matches: the name's last word, before a
        regnal number ('Abdullah II' -> 'abdullah', so 'King Abdullah' is the same man)."""
        words = name.split()
        if len(words) > 1 and words[-1].casefold() in self.words("regnal_numbers"):
            words = words[:-1]
        return name_key(words[-1]) if words else ""

    def sector_of(self, title: str | None) -> str | None:
        """The PLOVER sector of an office ('Foreign Minister' -> GOV), if the rules know it."""
        if title is None:
            return None
        lowered = title.lower()
        if lowered in self.title_sectors:
            return self.title_sectors[lowered]
        # "head of African Affairs", "Deputy Defence Minister": the office it ends with
        words = lowered.split()
        for start in range(1, len(words)):
            sector = self.title_sectors.get(" ".join(words[start:]))
            if sector is not None:
                return sector
        # a template the text filled in: "head of Affairs" in "head of African Affairs"
        for known, sector in self.title_sectors.items():
            remaining = iter(words)
            if len(known.split()) > 1 and all(word in remaining for word in known.split()):
                return sector
        return None

    def excluded(self, words: Iterable[str], event: str) -> bool:
        """Whether any of the words (lemmas, bigrams) marks the context as not diplomatic."""
        return any(event in self.excluded_terms.get(word, ()) for word in words)

    def entry(self, entity_id: str) -> GazetteerEntry | None:
        """The gazetteer entry for an id, if any."""
        return self.gazetteer.get(entity_id) if entity_id else None

    def country_name(self, iso3: str) -> str:
        """The common name of a country, or the code itself when unknown."""
        entry = self.by_iso3.get(iso3)
        return entry.name if entry else iso3


def name_key(name: str) -> str:
    """A name compared without case, accents or punctuation spacing: 'Erdoğan' = 'Erdogan'."""
    folded = "".join(
        char
        for char in unicodedata.normalize("NFKD", name.replace("ı", "i"))
        if not unicodedata.combining(char)
    )
    return " ".join(folded.casefold().replace("’", "'").split())
