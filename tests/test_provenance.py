"""No text from the evaluation sets lives in the repository: they measure us only.

Scanned against the repository: the voa_dev articles and their titles, the sentences and
notes of the voa_dev contact judgements, and the PLOVER gold records' texts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
VOA_DOCUMENTS = SHARED / "voa_dev" / "documents.jsonl"
VOA_CONTACTS = SHARED / "voa_dev" / "contacts.jsonl"
PLOVER = SHARED / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
# Six words in a row catch a copied clause in a comment or a test text. Names and titles
# are facts every text shares ("U.S. Secretary of State John Kerry", "the International
# Committee of the Red Cross", "the Great Hall of the People"), so a run of which at least
# NAME_WORDS words are capitalized is no copy; nor is one of the stock phrases of news writing
# below. A copied clause that goes on past a name is still caught by its next runs.
SPAN = 6
NAME_WORDS = 3
STOCK = frozenset(
    {
        "according to a statement from the",
        "according to a statement released by",
        "to a statement released by the",
        "by the end of the year",
        "has been one of the most",
        "first face to face meeting between",
        "has cancelled a planned visit to",
    }
)
SCANNED = ("src", "tests", "models", "benchmarks", "README.md")


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9']+", text.replace("’", "'"))


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(w.lower() for w in words[i : i + SPAN]) for i in range(len(words) - SPAN + 1)}


def _prose(words: list[str]) -> set[tuple[str, ...]]:
    """The runs of a repository text that are prose: not a name or a stock phrase."""
    found = set()
    for i in range(len(words) - SPAN + 1):
        run = words[i : i + SPAN]
        if sum(w[0].isupper() or w[0].isdigit() for w in run) >= NAME_WORDS:
            continue
        gram = tuple(w.lower() for w in run)
        if " ".join(gram) not in STOCK:
            found.add(gram)
    return found


def _evaluation_texts() -> list[str]:
    texts: list[str] = []
    with VOA_DOCUMENTS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts.extend([record["text"], record.get("title") or ""])
    if VOA_CONTACTS.exists():
        with VOA_CONTACTS.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                texts.extend([record.get("sentence") or "", record.get("note") or ""])
    if PLOVER.exists():
        records = json.loads(PLOVER.read_text(encoding="utf-8"))
        texts.extend(str(record.get("text") or "") for record in records)
    return texts


def _repo_files() -> list[Path]:
    files: list[Path] = []
    for name in SCANNED:
        path = REPO / name
        found = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        files.extend(found)
    return [p for p in files if "__pycache__" not in p.parts and p.suffix != ".pyc"]


def test_no_sentence_of_the_evaluation_sets_is_copied_into_the_repository() -> None:
    if not VOA_DOCUMENTS.exists():
        pytest.skip(f"{VOA_DOCUMENTS} not present (the real-news set lives outside the repo)")
    voa: set[tuple[str, ...]] = set()
    for text in _evaluation_texts():
        voa |= _grams(_words(text))
    copied = []
    for path in _repo_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        # the whole file at once, so a clause wrapped over comment lines is seen too
        shared = _prose(_words(text)) & voa
        copied.extend(f"{path.relative_to(REPO)}: {' '.join(gram)}" for gram in sorted(shared)[:3])
    assert copied == [], "text copied from an evaluation set:\n" + "\n".join(copied)


def test_the_check_sees_a_copied_clause() -> None:
    # the check itself must be able to fail: a line sharing six words of prose is caught
    line = "officials said on Monday that the two ministers had agreed to meet"
    other = "we heard the two ministers had agreed to go"
    assert _prose(_words(line)) & _grams(_words(other))


def test_names_and_stock_phrases_are_not_copies() -> None:
    line = "U.S. Secretary of State John Kerry left, according to a statement from the agency."
    other = "U.S. Secretary of State John Kerry said, according to a statement from the envoy."
    assert _grams(_words(line)) & _grams(_words(other))
    assert not _prose(_words(line)) & _grams(_words(other))
