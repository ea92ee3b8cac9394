"""Resolving candidates into the ruler files and the gazetteer: the whole build."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import RuleFileError
from ..schema import GazetteerEntry, PatternLine
from .office_holders import _offices, add_office_holders, add_office_titles, load_office_holders
from .organizations import add_organizations, add_titles
from .places import add_cities, add_countries, add_places
from .ruleset import (
    AMBIGUOUS_FILE,
    CURATED_DIR,
    GAZETTEER_FILE,
    OFFICE_HOLDERS_FILE,
    OUTPUT_FILES,
    RANK_COUNTRY,
    RANK_CURATED,
    RULER_ORDER,
    Candidate,
    Pattern,
    RuleSet,
)
from .sources import (
    load_capitals,
    load_cities,
    load_countries,
)


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
    countries = load_countries(curated)
    known = {c.iso3 for c in countries}
    add_countries(rules, countries, curated)
    missing = add_cities(rules, countries, load_cities(), load_capitals(), curated)
    add_places(rules, curated, known)
    add_organizations(rules, curated, known)
    add_titles(rules, curated)
    orgs = {entry.id for entry in rules.entries.values() if entry.label == "ORG"}
    offices = _offices(rules)
    holders = load_office_holders(curated / "office_holders.csv", known, orgs, offices)
    add_office_holders(rules, holders)
    add_office_titles(rules, holders, offices)
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


def stale(models: Path, texts: dict[str, str]) -> list[str]:
    """The output files under `models` whose text differs from a build's (or that are missing)."""
    return [
        name
        for name, text in texts.items()
        if not (models / name).is_file() or (models / name).read_text(encoding="utf-8") != text
    ]


def write(models: Path, texts: dict[str, str], names: Iterable[str]) -> None:
    """Write the named files of a build into `models`."""
    for name in names:
        (models / name).write_text(texts[name], encoding="utf-8")
