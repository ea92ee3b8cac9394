"""Event dates: the DATE phrase attached to the predicate, resolved against the document date."""

from __future__ import annotations

import re
from datetime import date, datetime

from spacy.tokens import Span, Token

from .actor import DocContext

# Expressions that mean "now" or a span, not a day we can name.
UNRESOLVABLE = re.compile(r"^(the )?(recent|current|past|coming|last|next) (years|decades|months)$")
# Dates that need an anchor: without a document date they stay unknown rather than guessed.
RELATIVE = re.compile(
    r"\b(yesterday|today|tomorrow|last|next|this|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|ago|later|earlier)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def date_phrase(trigger: Token, predicate: Token, context: DocContext) -> Span | None:
    """The DATE entity that modifies the event's predicate or trigger, if there is one."""
    for head in (predicate, trigger):
        for token in head.subtree:
            ent = context.entity(token)
            if ent is None or ent.label_ != "DATE":
                continue
            anchor = ent.root.head if ent.root.dep_ == "pobj" else ent.root
            governor = anchor.head if anchor.dep_ in {"prep", "npadvmod", "tmod"} else anchor
            if governor in {predicate, trigger} or anchor.head in {predicate, trigger}:
                return ent
    return None


def resolve_date(text: str, reference: date | None, prefer_future: bool) -> date | None:
    """The calendar date a phrase names, relative to the document date; None when unsure."""
    if UNRESOLVABLE.match(text.lower()):
        return None
    if reference is None and (RELATIVE.search(text) or not YEAR.search(text)):
        return None
    import dateparser  # slow to import; only loaded when a date needs resolving

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if prefer_future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    cleaned = re.sub(r"^(on|in|during|by|since)\s+", "", text.strip(), flags=re.IGNORECASE)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed is not None else None
