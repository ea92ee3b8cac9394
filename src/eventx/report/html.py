"""The review report: one self-contained HTML file (inline CSS, SVG and a small script of
our own; nothing fetched) with a filterable document index, each document's text with its
entities highlighted, event cards, the who-met-whom network and the map.

Documents are embedded as JSON and drawn by the script one page of the index and one
document at a time, so a report over thousands of documents opens as fast as a short one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from importlib import resources as package_files
from typing import TextIO

from ..schema import Actor, Event, OutlineLine
from .actors import actor_key
from .network import event_graph, network_svg
from .records import Analysed, Mention
from .summary import Count, summarize
from .worldmap import map_svg, place_key


def _actor(actor: Actor) -> list[object]:
    details = ", ".join(part for part in (actor.title, actor.country) if part)
    return [actor.name, details, actor.kind, actor.start, actor.end]


def _event(event: Event, doc_index: int) -> dict[str, object]:
    place = event.location
    where = None
    if place is not None:
        where = place.name
        if place.country and place.kind != "country":
            where += f", {place.country}"
        if place.inherited:
            where += " (from earlier in the text)"
    when = event.date.isoformat() if event.date else None
    if event.date_text:
        when = f"{when} ({event.date_text})" if when else event.date_text
    countries = sorted(
        {a.country for a in [*event.actors, *event.recipients] if a.country}
        | ({place.country} if place is not None and place.country else set())
    )
    return {
        "id": event.id,
        "doc": doc_index,
        "type": event.event,
        "mode": event.mode,
        "cameo": event.cameo,
        "status": event.status.value,
        "historical": event.historical,
        "conf": round(event.confidence, 2),
        "who": [_actor(a) for a in event.actors],
        "whom": [_actor(a) for a in event.recipients],
        "where": where,
        "when": when,
        "topics": event.topics,
        "about": event.about,
        "amount": event.amount,
        "sentence": event.sentence,
        "start": event.start,
        "trigger": [event.trigger_start, event.trigger_end],
        "rule": event.rule,
        "countries": countries,
        "keys": sorted({actor_key(a, event.doc_id) for a in [*event.actors, *event.recipients]}),
        "venue": place_key(place) if place is not None else None,
    }


def _mentions(item: Analysed) -> list[list[object]]:
    """Spans to highlight: the events' own participants and venues first (they win any
    overlap), then the other entities the pipeline found."""
    spans: list[Mention] = []
    for event in item.events:
        for actor in [*event.actors, *event.recipients]:
            spans.append(Mention(actor.start, actor.end, "actor", actor.kind))
        place = event.location
        if place is not None and place.start is not None and place.end is not None:
            spans.append(Mention(place.start, place.end, "place", place.kind))
    taken: list[Mention] = []
    for span in [*sorted(spans, key=lambda s: s.start), *item.mentions]:
        if span.end <= span.start or any(s.start < span.end and span.start < s.end for s in taken):
            continue
        taken.append(span)
    return [[s.start, s.end, s.kind, s.label] for s in sorted(taken, key=lambda s: s.start)]


def report_data(items: Sequence[Analysed]) -> dict[str, object]:
    """What the report's script draws: documents (text, highlights) and event cards."""
    docs: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    for index, item in enumerate(items):
        document = item.document
        first = len(events)
        events.extend(_event(event, index) for event in item.events)
        docs.append(
            {
                "id": item.doc_id,
                "title": document.title if document else None,
                # Without a title, the opening words say what the document is in the index.
                "snippet": None if not document or document.title else _snippet(document.text),
                "date": document.date.isoformat() if document and document.date else None,
                "url": document.url if document else None,
                "text": document.text if document else None,
                "mentions": _mentions(item) if document else [],
                "events": list(range(first, len(events))),
            }
        )
    return {"docs": docs, "events": events}


def _snippet(text: str, length: int = 90) -> str:
    words = " ".join(text[: length * 2].split())
    if len(words) <= length:
        return words
    return words[:length].rsplit(" ", 1)[0] + "…"


def _json_for_script(data: object) -> str:
    # "<" escaped: no document text can close the script element or open a comment.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _counts_list(title: str, counts: Sequence[Count]) -> str:
    rows = (
        "".join(f"<li><span>{escape(c.name)}</span><b>{c.count}</b></li>" for c in counts)
        or '<li class="none">none</li>'
    )
    return f'<div class="top"><h3>{escape(title)}</h3><ol>{rows}</ol></div>'


def _asset(name: str) -> str:
    return package_files.files(__package__).joinpath(name).read_text(encoding="utf-8")


def build_report(
    items: Sequence[Analysed],
    outline: Sequence[OutlineLine],
    *,
    title: str = "eventx report",
    generated: datetime | None = None,
) -> str:
    """The whole report as one HTML string."""
    from .. import __version__

    events = [event for item in items for event in item.events]
    summary = summarize(events, documents=len(items))
    when = (generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    statuses = Counter(event.status.value for event in events)
    status_text = ", ".join(f"{statuses[s]} {s}" for s in sorted(statuses))
    overview = "".join(
        [
            _counts_list("Event types", summary.event_types),
            _counts_list("Actors", summary.actors),
            _counts_list("Dyads", summary.dyads),
            _counts_list("Places", summary.places),
            _counts_list("Topics", summary.topics),
        ]
    )
    return _asset("template.html").format(
        title=escape(title),
        css=_asset("report.css"),
        script=_asset("report.js"),
        data=_json_for_script(report_data(items)),
        documents=len(items),
        events=len(events),
        statuses=escape(status_text or "no events"),
        generated=escape(when),
        version=escape(__version__),
        overview=overview,
        network=network_svg(event_graph(events)),
        worldmap=map_svg(events, outline),
    )


def write_report(
    items: Sequence[Analysed],
    out: TextIO,
    *,
    title: str = "eventx report",
    outline: Sequence[OutlineLine] | None = None,
    generated: datetime | None = None,
) -> int:
    """Write the report to `out`; return the number of events it shows. The map uses the
    shipped world outline unless `outline` is given."""
    if outline is None:
        from ..resources import world_outline

        outline = world_outline()
    out.write(build_report(items, outline, title=title, generated=generated))
    out.flush()
    return sum(len(item.events) for item in items)
