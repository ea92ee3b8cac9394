"""The table `eventx extract` draws: events per document, then their evidence sentences."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..schema import Actor, Event, Place

STATUS_STYLE = {
    "occurred": "green",
    "planned": "cyan",
    "negated": "red",
    "hypothetical": "magenta",
}


def _actor(actor: Actor) -> str:
    details = ", ".join(part for part in (actor.title, actor.country) if part)
    return f"{actor.name} ({details})" if details else actor.name


def _place(place: Place | None) -> str:
    if place is None:
        return ""
    where = (
        f"{place.name}, {place.country}"
        if place.country and place.kind != "country"
        else place.name
    )
    return f"{where} (inherited)" if place.inherited else where


def events_view(events: Sequence[Event]) -> Group:
    """Per document: a table of events (type, status, who, whom, where, about, when) and,
    below it, each event's evidence sentence with the trigger underlined."""
    parts: list[RenderableType] = []
    for doc_id, group in groupby(events, key=lambda event: event.doc_id):
        rows = list(group)
        parts.append(events_table(rows, title=doc_id))
        parts.append(evidence_lines(rows))
    if not parts:
        parts.append(Text("no events found", style="dim"))
    return Group(*parts)


def events_table(events: Sequence[Event], title: str | None = None) -> Table:
    """One row per event, numbered: type and mode, status, who, whom, where, about, when."""
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    # Type, mode and status are single words from a short vocabulary: drawn whole at their
    # own width, so that a narrow terminal never breaks 'occurred' in two.
    table.add_column("event", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("who", overflow="fold", ratio=3)
    table.add_column("whom", overflow="fold", ratio=3)
    table.add_column("where", overflow="fold", ratio=2)
    table.add_column("about", overflow="fold", ratio=2)
    table.add_column("when", overflow="fold", ratio=2)
    for number, event in enumerate(events, start=1):
        kind = f"{event.event}\n{event.mode}" if event.mode else event.event
        status = event.status.value + ("\nhistorical" if event.historical else "")
        when = event.date.isoformat() if event.date else (event.date_text or "")
        table.add_row(
            str(number),
            kind,
            Text(status, style=STATUS_STYLE.get(event.status.value, "")),
            "\n".join(_actor(a) for a in event.actors),
            "\n".join(_actor(a) for a in event.recipients),
            _place(event.location),
            ", ".join(event.topics) or "; ".join(event.about),
            when,
        )
    return table


def evidence_lines(events: Sequence[Event]) -> Text:
    """'#1 sentence...' with the trigger underlined, then the rule and confidence."""
    text = Text()
    for number, event in enumerate(events, start=1):
        sentence = Text(" ".join(event.sentence.split()))
        offset = event.trigger_start - event.start
        prefix = event.sentence[:offset]
        start = len(" ".join(prefix.split())) + (1 if prefix[-1:].isspace() else 0)
        sentence.stylize("bold underline", start, start + len(event.trigger))
        text.append(f"{number:>3} ", style="dim")
        text.append_text(sentence)
        text.append(f"  [{event.rule} · {event.confidence:.2f}]\n", style="dim")
    return text
