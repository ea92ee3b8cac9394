"""Event dates: the date phrase of the event's clause, resolved against the document date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal

from spacy.tokens import Span, Token

from .context import DocContext

Precision = Literal["day", "week", "month", "year"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
PARTS_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
WEEKDAY = re.compile(
    rf"^(?:on\s+)?(?:(last|next|this|past|coming)\s+)?({'|'.join(WEEKDAYS)}){PARTS_OF_DAY}$"
)
DAY_WORD = re.compile(rf"^(today|tonight|yesterday|tomorrow|this){PARTS_OF_DAY}$")
PERIOD = re.compile(
    r"^(?:(?:in|during|over)\s+)?(last|next|this|the\s+coming|the\s+past)\s+(week|month|year)$"
)
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
ORDINAL_DAY = re.compile(r"(the )?\d{1,2}(st|nd|rd|th)")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_YEAR = re.compile(
    rf"^(?:in\s+)?(?:early\s+|mid-?\s*|late\s+)?({'|'.join(MONTHS)})(?:\s+((?:1[89]|20)\d\d))?$"
)
# Expressions that name a span we cannot place on a day.
VAGUE = re.compile(r"\b(recent|coming|past|several|few|decades?|years|months|weeks|days|ago)\b")


def date_phrase(trigger: Token, predicate: Token, context: DocContext) -> Span | None:
    """The DATE or TIME phrase of the event's own clause, if there is one.

    A date attached to the predicate or the trigger counts; failing that, one attached to
    the clause the event sits in ('hosted ... on Monday, where they signed').
    """
    heads = [predicate, trigger]
    if predicate.dep_ in {"relcl", "advcl", "xcomp", "conj", "ccomp"}:
        heads.append(predicate.head)
    for head in heads:
        for child in head.children:
            span = _date_of(child, context)
            if span is not None:
                return span
    return None


# Dependencies by which a date phrase describes a noun rather than dating a clause.
NOUN_MODIFIER_DEPS = frozenset({"nummod", "amod", "compound", "nmod", "poss", "quantmod"})


def _modifies_noun(ent: Span) -> bool:
    """'a 2013 agreement', 'the 1997 treaty', 'a six-year war', 'last year's summit': the
    date belongs to the thing the noun names."""
    root = ent.root
    return (
        root.dep_ in NOUN_MODIFIER_DEPS
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.head.ent_type_ not in {"DATE", "TIME"}  # "Monday evening" is a time
        and not ent.start <= root.head.i < ent.end
    )


def _date_of(child: Token, context: DocContext) -> Span | None:
    candidates = [child]
    if child.dep_ == "prep":
        candidates = [c for c in child.children if c.dep_ == "pobj"]
    for token in candidates:
        for inner in token.subtree:
            ent = context.entity(inner)
            dated = ent is not None and ent.label_ in {"DATE", "TIME"}
            if dated and ent is not None and not context.in_dateline(ent[0]):
                if _modifies_noun(ent):
                    continue  # "a 2013 agreement", "the six-year war": not the event's time
                return ent
            if inner.i > token.i + 3:
                break
    return None


def resolve_date(
    text: str, reference: date | None, prefer_future: bool
) -> tuple[date | None, Precision | None]:
    """The date a phrase names, relative to the document date, and how precise it is.

    Weekdays resolve to the nearest such day on or before the document date (on or after,
    for planned events); 'next month' to the first of that month with precision 'month'.
    Without a document date, relative expressions stay unknown rather than guessed.
    """
    try:
        return _resolve(text, reference, prefer_future)
    except (ValueError, OverflowError):
        return None, None  # a date outside the calendar ('March 0000', 'tomorrow' in 9999)


def _resolve(
    text: str, reference: date | None, prefer_future: bool
) -> tuple[date | None, Precision | None]:
    phrase = " ".join(text.lower().replace("’", "'").split())
    phrase = re.sub(r"^(the|on|by|since)\s+", "", phrase)
    if ORDINAL_DAY.fullmatch(phrase):
        return None, None  # "the 12th": a day of some month the phrase does not name
    if reference is not None:
        found = _relative(phrase, reference, prefer_future)
        if found != (None, None):
            return found
    if VAGUE.search(phrase) or "between" in phrase or " and " in phrase:
        return None, None
    year_only = re.fullmatch(r"(?:in\s+)?((?:1[89]|20)\d\d)", phrase)
    if year_only:
        return date(int(year_only.group(1)), 1, 1), "year"
    match = MONTH_YEAR.match(phrase)
    if match:
        month = MONTHS.index(match.group(1)) + 1
        if match.group(2):
            return date(int(match.group(2)), month, 1), "month"
        if reference is None:
            return None, None
        year = reference.year
        if prefer_future and month < reference.month:
            year += 1
        elif not prefer_future and month > reference.month:
            year -= 1
        return date(year, month, 1), "month"
    if reference is None and not YEAR.search(phrase):
        return None, None
    return _absolute(phrase, reference, prefer_future)


def _relative(
    phrase: str, reference: date, prefer_future: bool
) -> tuple[date | None, Precision | None]:
    match = DAY_WORD.match(phrase)
    if match:
        return reference + timedelta(days=DAY_WORDS.get(match.group(1), 0)), "day"
    match = WEEKDAY.match(phrase)
    if match:
        modifier, weekday = match.group(1), WEEKDAYS.index(match.group(2))
        delta = weekday - reference.weekday()
        if modifier in {"next", "coming"} or (modifier is None and prefer_future):
            delta = delta % 7 if modifier is None else (delta % 7 or 7)
        else:
            delta = -((-delta) % 7) if modifier != "last" else -((-delta) % 7 or 7)
        return reference + timedelta(days=delta), "day"
    match = PERIOD.match(phrase)
    if match:
        direction = {"last": -1, "the past": -1, "next": 1, "the coming": 1}.get(match.group(1), 0)
        unit = match.group(2)
        if unit == "week":
            monday = reference - timedelta(days=reference.weekday())
            return monday + timedelta(weeks=direction), "week"
        if unit == "month":
            month = reference.month - 1 + direction
            return date(reference.year + month // 12, month % 12 + 1, 1), "month"
        return date(reference.year + direction, 1, 1), "year"
    return None, None


def _absolute(
    phrase: str, reference: date | None, prefer_future: bool
) -> tuple[date | None, Precision | None]:
    import dateparser  # slow to import; only loaded when an absolute date needs parsing

    settings: dict[str, object] = {
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "future" if prefer_future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["year"] if reference is None else [],
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None, None
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(YEAR, "", phrase)))
    return parsed.date(), ("day" if has_day else "month" if not phrase.isdigit() else "year")
