"""Events as an RFC 7946 GeoJSON FeatureCollection, for QGIS, Leaflet or geopandas."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..schema import Event


def feature(event: Event) -> dict[str, object]:
    """One Feature: a Point at the venue (longitude first, as RFC 7946 says), or a null
    geometry when the event has no located venue; the whole record as properties."""
    place = event.location
    geometry: dict[str, object] | None = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": geometry,
        "properties": event.model_dump(mode="json"),
    }


def write_geojson(records: Iterable[Event], out: TextIO, *, located_only: bool = False) -> int:
    """Stream a FeatureCollection to `out`, one feature a line; return how many features.
    Unlocated events are kept with a null geometry unless `located_only`."""
    count = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for record in records:
        item = feature(record)
        if located_only and item["geometry"] is None:
            continue
        out.write(("\n" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    out.flush()
    return count
