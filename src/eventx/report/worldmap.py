"""The map of event locations: points sized by count on a coarse world outline, as SVG."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from ..schema import Event, OutlineLine, Place

WIDTH = 960
NORTH, SOUTH = 84.0, -58.0  # Antarctica and the far Arctic hold no venues worth the space


@dataclass
class Venue:
    """A located place and the events held there."""

    key: str  # what the report's script filters on: `place_key` of the events held here
    name: str
    country: str | None
    lat: float
    lon: float
    types: Counter[str] = field(default_factory=Counter)
    centre: bool = False  # a whole country, drawn at its middle

    @property
    def count(self) -> int:
        return sum(self.types.values())


def venues(
    events: Iterable[Event], centres: dict[str, tuple[float, float]] | None = None
) -> tuple[list[Venue], int]:
    """Located venues, busiest first, and how many events had none. A country named as
    the venue without coordinates is placed at its middle when `centres` knows it."""
    found: dict[tuple[str, float, float], Venue] = {}
    unlocated = 0
    for event in events:
        place = event.location
        lat, lon = (place.lat, place.lon) if place is not None else (None, None)
        centre = False
        if place is not None and (lat is None or lon is None) and place.kind == "country":
            spot = (centres or {}).get(place.country or place.id or "")
            if spot is not None:
                (lon, lat), centre = spot, True
        if place is None or lat is None or lon is None:
            unlocated += 1
            continue
        key = (place.id or place.name, round(lat, 3), round(lon, 3))
        venue = found.get(key)
        if venue is None:
            venue = found[key] = Venue(
                place_key(place), place.name, place.country, lat, lon, centre=centre
            )
        venue.types[event.event] += 1
    ordered = sorted(found.values(), key=lambda v: (-v.count, v.name, v.lat, v.lon))
    return ordered, unlocated


def place_key(place: Place) -> str:
    """The name a venue goes by in the report: its gazetteer id, else its name."""
    return place.id or place.name


def centres(outline: Sequence[OutlineLine]) -> dict[str, tuple[float, float]]:
    """Each country's middle: the centroid of its largest ring (mainland France, not
    French Guiana), as (longitude, latitude)."""
    found: dict[str, tuple[float, float]] = {}
    for country in outline:
        best: tuple[float, float, float] | None = None
        for ring in country.rings:
            area = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
                cross = x1 * y2 - x2 * y1
                area += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
            if area and (best is None or abs(area) > best[0]):
                best = (abs(area), cx / (3 * area), cy / (3 * area))
        if best is not None:
            found[country.iso3] = (best[1], best[2])
    return found


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: longitude to x, latitude to y (north up), in SVG units."""
    scale = WIDTH / 360.0
    return (lon + 180.0) * scale, (NORTH - max(SOUTH, min(NORTH, lat))) * scale


def _height() -> int:
    return round((NORTH - SOUTH) * WIDTH / 360.0)


def _path(rings: Sequence[Sequence[tuple[float, float]]]) -> str:
    pieces = []
    for ring in rings:
        if all(lat < SOUTH for _, lat in ring):
            continue
        points = [project(lon, lat) for lon, lat in ring]
        pieces.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(pieces)


def map_svg(events: Iterable[Event], outline: Sequence[OutlineLine]) -> str:
    """Countries in grey, one circle per venue (area by its number of events, a tooltip
    with the place, its country and the event types), the busiest labelled."""
    located, unlocated = venues(events, centres(outline))
    height = _height()
    parts = [
        f'<svg class="worldmap" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="map of {len(located)} event locations">',
        f'<rect class="sea" width="{WIDTH}" height="{height}"/>',
        '<g class="land">',
    ]
    for country in outline:
        path = _path(country.rings)
        if path:
            parts.append(f'<path d="{path}"><title>{escape(country.name)}</title></path>')
    parts.append('</g><g class="venues">')
    top = max((venue.count for venue in located), default=1)

    def radius(venue: Venue) -> float:
        return 3 + 11 * math.sqrt(venue.count / top)

    for venue in reversed(located):  # the busiest drawn last, on top
        x, y = project(venue.lon, venue.lat)
        types = ", ".join(f"{name} {n}" for name, n in sorted(venue.types.items()))
        where = f"{venue.name}, {venue.country}" if venue.country else venue.name
        if venue.centre:
            where = f"{venue.name} (the country)"
        tip = f"{where}: {venue.count} event(s) ({types})"
        kind = "venue country" if venue.centre else "venue"
        parts.append(
            f'<circle class="{kind}" cx="{x:.1f}" cy="{y:.1f}" r="{radius(venue):.1f}" '
            f'data-count="{venue.count}" data-place="{escape(venue.key)}" '
            f'data-name="{escape(venue.name)}"><title>{escape(tip)}</title></circle>'
        )
    for venue in located[:15]:
        x, y = project(venue.lon, venue.lat)
        parts.append(
            f'<text x="{x + 2 + radius(venue):.1f}" y="{y + 4:.1f}">'
            f"{escape(venue.name)} ({venue.count})</text>"
        )
    parts.append("</g>")
    note = f"{sum(v.count for v in located)} event(s) at {len(located)} place(s)"
    if whole := sum(v.count for v in located if v.centre):
        note += f" ({whole} in a whole country, hollow, at its middle)"
    if unlocated:
        note += f"; {unlocated} without a located venue"
    parts.append(f'<text class="note" x="8" y="{height - 8}">{escape(note)}</text>')
    parts.append("</svg>")
    return "".join(parts)
