"""No text from the real-news evaluation set lives in the repository: it measures us only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
VOA_DOCUMENTS = REPO.parent / "shared" / "eval" / "voa_dev" / "documents.jsonl"
# Eight words in a row: long enough that stock phrases ("according to a statement from the")
# never trip it, short enough to catch a copied clause in a comment or a test text.
SPAN = 8
SCANNED = ("src", "tests", "models", "benchmarks", "README.md")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SPAN]) for i in range(len(words) - SPAN + 1)}


def _repo_files() -> list[Path]:
    files: list[Path] = []
    for name in SCANNED:
        path = REPO / name
        found = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        files.extend(found)
    return [p for p in files if "__pycache__" not in p.parts and p.suffix != ".pyc"]


def test_no_sentence_of_the_voa_dev_set_is_copied_into_the_repository() -> None:
    if not VOA_DOCUMENTS.exists():
        pytest.skip(f"{VOA_DOCUMENTS} not present (the real-news set lives outside the repo)")
    voa: set[tuple[str, ...]] = set()
    with VOA_DOCUMENTS.open(encoding="utf-8") as lines:
        for line in lines:
            voa |= _grams(_words(json.loads(line)["text"]))
    copied = []
    for path in _repo_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        # the whole file at once, so a clause wrapped over comment lines is seen too
        shared = _grams(_words(text)) & voa
        copied.extend(f"{path.relative_to(REPO)}: {' '.join(gram)}" for gram in sorted(shared)[:3])
    assert copied == [], "text copied from voa_dev:\n" + "\n".join(copied)


def test_the_check_sees_a_copied_clause() -> None:
    # the check itself must be able to fail: a line sharing eight words is caught
    line = "officials said on Monday that the two ministers had agreed to meet"
    other = "we heard that the two ministers had agreed to meet soon"
    assert _grams(_words(line)) & _grams(_words(other))
