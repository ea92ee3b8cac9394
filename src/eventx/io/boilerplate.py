"""Plain text: page furniture stripped, the title found, paragraphs kept."""

from __future__ import annotations

import re
from functools import cache

from eventx import resources
from eventx.errors import InputError
from eventx.schema import BoilerplateRule, Document, stable_id

_NUMBER_LINE = re.compile(r"^\d+$")
_TRAILING_PUNCT = ".:!?…*- \t"


def clean_text(text: str, title: str | None) -> tuple[str, str | None]:
    """Strip page furniture from scraped plain text; return the cleaned text and the title.

    Normalises line endings, drops whole lines that repeat the title, lines that are only
    a number (stray counters) and comment-form, share and cookie-banner lines, and keeps
    paragraphs separated by one blank line. When `title` is None, a short first line set
    off by a blank line and not ending in a period is taken as the title. Real sentences
    are never edited, so offsets into the returned text are offsets into the document.
    The furniture lines are those of `models/boilerplate.jsonl`.
    """
    # Looked up once per text, not per line: finding models/ costs a stat call.
    furniture = _furniture(resources.boilerplate_rules())
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    if title is None:
        title = _detect_title(lines, furniture)
    title_key = _line_key(title) if title else None

    paragraphs: list[list[str]] = [[]]
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        key = _line_key(stripped)
        if key == title_key or _is_furniture(stripped, key, furniture):
            continue
        paragraphs[-1].append(line)
    cleaned = "\n\n".join("\n".join(paragraph) for paragraph in paragraphs if paragraph)
    return cleaned, title


def _detect_title(lines: list[str], furniture: re.Pattern[str]) -> str | None:
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or _is_furniture(stripped, _line_key(stripped), furniture):
            continue
        candidate = stripped.lstrip("#").strip()  # a Markdown heading
        followed_by_blank = index + 1 < len(lines) and not lines[index + 1].strip()
        rest_has_text = any(other.strip() for other in lines[index + 1 :])
        if (
            followed_by_blank
            and rest_has_text
            and len(candidate) < 200
            and not candidate.endswith(".")
            and any(char.isalpha() for char in candidate)
        ):
            return candidate
        return None
    return None


def _line_key(line: str) -> str:
    return " ".join(line.lstrip("#").split()).casefold()


def _is_furniture(stripped: str, key: str, furniture: re.Pattern[str]) -> bool:
    if _NUMBER_LINE.match(stripped):
        return True
    return bool(furniture.match(key.rstrip(_TRAILING_PUNCT)))


@cache
def _furniture(rules: tuple[BoilerplateRule, ...]) -> re.Pattern[str]:
    """One regex for the whole-line furniture of `models/boilerplate.jsonl`."""
    return re.compile("^(?:" + "|".join(f"(?:{rule.pattern})" for rule in rules) + ")$")


def text_document(text: str, *, doc_id: str | None, source: str) -> Document | InputError:
    cleaned, title = clean_text(text, None)
    if not cleaned.strip():
        return InputError(source, "no text left after removing boilerplate")
    return Document(
        doc_id=doc_id if doc_id is not None else stable_id(cleaned, length=12),
        text=cleaned,
        title=title,
        source=source,
    )
