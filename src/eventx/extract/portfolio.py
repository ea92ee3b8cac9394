"""A ministry named bare is the one its minister, named before, heads.

'South Korean Defence Minister X said ... The Defence Ministry later urged ...': the ministry
has no country in its own words, but the story named the holder of its portfolio with one.
When the dateline or the holders named before point to different countries, which ministry
is meant is not clear, and it gets none.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..schema import GazetteerEntry
from .context import DocContext


def bare_ministry_country(
    entry: GazetteerEntry, ent: Span, home: str | None, context: DocContext
) -> str | None:
    """The country of a ministry with none in its phrase: the dateline's (`home`: 'the
    ministry said'), else that of the holders of its portfolio named before it, when all
    agree."""
    found = {home} if home is not None else set()
    found |= _holders_countries(entry, ent, context)
    return found.pop() if len(found) == 1 else None


def _holders_countries(entry: GazetteerEntry, ent: Span, context: DocContext) -> set[str]:
    """The countries of the people named before `ent` whose office heads the ministry
    ('Defense Minister', 'Deputy Defense Minister' for the Defense Ministry)."""
    if not entry.title:
        return set()
    office = entry.title.casefold()
    return {
        person.country
        for person in context.people()
        if person.title is not None
        and person.country is not None
        and (person.title.casefold() == office or person.title.casefold().endswith(" " + office))
        and any(mention < ent.start for mention in person.mentions)
    }
