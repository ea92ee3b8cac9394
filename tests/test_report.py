"""The report package on hand-built records: network, exports, map, GeoJSON, summary, HTML."""

from __future__ import annotations

import io
import json
import re
import struct
from pathlib import Path

import networkx as nx
import pytest

from eventx import resources
from eventx.errors import InputError
from eventx.report import outline
from eventx.report.actors import is_unnamed
from eventx.report.geojson import write_geojson
from eventx.report.html import build_report, report_data
from eventx.report.network import event_graph, network_svg, write_graph
from eventx.report.records import Analysed, Mention, is_records_file, read_records
from eventx.report.summary import summarize
from eventx.report.worldmap import map_svg, project
from eventx.schema import Actor, Document, Event, OutlineLine, Place, Status

TEXT = (
    "Freedonian Foreign Minister Ana Ruiz met President Tomas Ferro of Sylvania in Bamako "
    "on Monday. Freedonia later urged Sylvania to reopen its border."
)


def actor(name: str, kind: str = "person", country: str | None = None, **extra: object) -> Actor:
    start = TEXT.find(name)
    start = max(start, 0)
    return Actor.model_validate(
        {
            "text": name,
            "name": name,
            "kind": kind,
            "country": country,
            "start": start,
            "end": start + len(name),
            **extra,
        }
    )


BAMAKO = Place(
    text="Bamako",
    name="Bamako",
    country="MLI",
    lat=12.65,
    lon=-8.0,
    kind="city",
    id="geonames:2460596",
    start=TEXT.find("Bamako"),
    end=TEXT.find("Bamako") + 6,
)


def event(
    kind: str = "CONSULT",
    actors: list[Actor] | None = None,
    recipients: list[Actor] | None = None,
    *,
    trigger: str = "met",
    doc_id: str = "d1",
    location: Place | None = None,
    status: Status = Status.occurred,
    topics: tuple[str, ...] = (),
    ident: str | None = None,
) -> Event:
    at = TEXT.find(trigger)
    end = TEXT.find(".", at) + 1
    start = TEXT.rfind(".", 0, at) + 1
    while TEXT[start] == " ":
        start += 1
    return Event(
        id=ident or f"{kind}-{trigger}-{doc_id}",
        doc_id=doc_id,
        event=kind,  # type: ignore[arg-type]
        status=status,
        actors=actors or [],
        recipients=recipients or [],
        location=location,
        topics=list(topics),
        sentence=TEXT[start:end],
        start=start,
        end=end,
        trigger=trigger,
        trigger_start=at,
        trigger_end=at + len(trigger),
        rule="consult.meet.with.v1",
        confidence=0.8,
    )


RUIZ = actor("Ana Ruiz", country="FRD", title="Foreign Minister")
FERRO = actor("Tomas Ferro", country="SYL", title="President")
FREEDONIA = actor("Freedonia", kind="country", country="FRD", id="FRD")
SYLVANIA_GOV = actor("Sylvania", kind="government", country="SYL", id="SYL")


def sample() -> list[Event]:
    return [
        event("CONSULT", [RUIZ], [FERRO], location=BAMAKO, topics=("diplomacy",)),
        event("REQUEST", [FREEDONIA], [SYLVANIA_GOV], trigger="urged", topics=("territory",)),
        event("CONSULT", [RUIZ], [FERRO], doc_id="d2", location=BAMAKO, ident="again"),
    ]


# ---------------------------------------------------------------------------
# The network and its exports


def test_the_graph_has_a_node_per_actor_and_an_edge_per_event_and_pair() -> None:
    graph = event_graph(sample())
    ruiz = "person:ana ruiz"
    assert graph.nodes[ruiz] == {
        "name": "Ana Ruiz",
        "label": "Ana Ruiz",
        "kind": "person",
        "country": "FRD",
        "events": 2,
    }
    edges = sorted(
        (data["event"], data["status"], data["doc_id"]) for _, _, data in graph.edges(data=True)
    )
    assert edges == [
        ("CONSULT", "occurred", "d1"),
        ("CONSULT", "occurred", "d2"),
        ("REQUEST", "occurred", "d1"),
    ]
    assert graph.has_edge("state:FRD", "state:SYL")


def test_a_country_and_its_government_are_one_state_named_as_the_country() -> None:
    urged = event(
        "REQUEST",
        [actor("Freedonian government", "government", "FRD")],
        [SYLVANIA_GOV],
        trigger="urged",
    )
    graph = event_graph([urged, event("CONSULT", [FREEDONIA], [FERRO])])
    assert graph.nodes["state:FRD"]["name"] == "Freedonia"
    assert graph.nodes["state:FRD"]["events"] == 2


def test_actors_who_met_each_other_without_a_recipient_are_joined() -> None:
    graph = event_graph([event("CONSULT", [RUIZ, FERRO], [])])
    assert list(graph.edges()) == [("person:ana ruiz", "person:tomas ferro")]


def described() -> list[Event]:
    """Ana Ruiz meets someone only described, in two documents, and a group in each."""
    counterpart = actor("his counterpart")
    premier = actor("Prime Minister", title="Prime Minister")
    lawmakers = actor("Lawmakers", kind="group")
    return [
        event("CONSULT", [RUIZ], [counterpart], doc_id=doc, ident=f"c-{doc}")
        for doc in ("d1", "d2")
    ] + [
        event("CONSULT", [premier, lawmakers], [], doc_id=doc, ident=f"p-{doc}")
        for doc in ("d1", "d2")
    ]


def test_a_participant_only_described_is_a_node_per_document() -> None:
    graph = event_graph(described())
    names = sorted(data["name"] for _, data in graph.nodes(data=True))
    assert names == [
        "Ana Ruiz",
        "Lawmakers",
        "Lawmakers",
        "Prime Minister",
        "Prime Minister",
        "his counterpart",
        "his counterpart",
    ]
    assert graph.nodes["person:ana ruiz"]["events"] == 2  # a named person stays one node
    # Each "his counterpart" met Ruiz once, in its own document.
    edges = graph.edges(data=True)
    ends = sorted((b, data["doc_id"]) for a, b, data in edges if a == "person:ana ruiz")
    assert len({b for b, _ in ends}) == 2 and [d for _, d in ends] == ["d1", "d2"]


def test_the_summary_leaves_out_participants_only_described() -> None:
    counts = summarize(described())
    assert [(c.name, c.count) for c in counts.actors] == [("Ana Ruiz", 2)]
    assert counts.dyads == []


def test_named_actors_are_told_from_described_ones() -> None:
    assert not is_unnamed(RUIZ) and not is_unnamed(FREEDONIA)
    assert not is_unnamed(actor("European Union", kind="organization"))
    for name, title in [
        ("his counterpart", None),
        ("the two sides", None),
        ("Several lawmakers", None),
        ("Their ministers", None),
        ("U.S. President", "President"),
        ("12 envoys", None),
    ]:
        assert is_unnamed(actor(name, title=title)), name


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_read_back_with_networkx(fmt: str) -> None:
    out = io.StringIO()
    write_graph(event_graph(sample()), fmt, out)  # type: ignore[arg-type]
    text = out.getvalue()
    if fmt == "graphml":
        back = nx.read_graphml(io.BytesIO(text.encode()))
    elif fmt == "gexf":
        back = nx.read_gexf(io.BytesIO(text.encode()))
    else:
        back = nx.node_link_graph(json.loads(text), edges="edges")
    assert back.number_of_edges() == 3
    names = {data.get("name") or data.get("label") for _, data in back.nodes(data=True)}
    assert {"Ana Ruiz", "Tomas Ferro", "Freedonia", "Sylvania"} <= names
    edge = next(data for _, _, data in back.edges(data=True) if data["event"] == "REQUEST")
    assert edge["doc_id"] == "d1" and edge["status"] == "occurred"


def test_the_network_svg_draws_and_labels_every_actor_of_a_small_graph() -> None:
    svg = network_svg(event_graph(sample()))
    assert svg.count("<circle") == 4 + 4  # four actors, four legend dots
    for name in ("Ana Ruiz", "Tomas Ferro", "Freedonia", "Sylvania"):
        assert f">{name}</text>" in svg
    assert network_svg(event_graph(sample())) == svg  # the same events, the same picture


def test_a_large_network_draws_only_its_busiest_actors() -> None:
    events = [
        event(
            "CONSULT", [actor(f"Envoy {i}", country="FRD")], [actor(f"Host {i % 40}")], ident=str(i)
        )
        for i in range(400)
    ]
    svg = network_svg(event_graph(events))
    assert "the 300 busiest of 440 actors" in svg
    assert svg.count('class="node"') == 300


# ---------------------------------------------------------------------------
# GeoJSON and the map


def test_geojson_puts_longitude_first_and_keeps_unlocated_events() -> None:
    out = io.StringIO()
    assert write_geojson(sample(), out) == 3
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    first, second, _ = collection["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [-8.0, 12.65]}
    assert first["properties"]["event"] == "CONSULT" and first["id"] == first["properties"]["id"]
    assert first["properties"]["actors"][0]["name"] == "Ana Ruiz"
    assert second["geometry"] is None
    located = io.StringIO()
    assert write_geojson(sample(), located, located_only=True) == 2


def test_an_empty_feature_collection_is_valid_json() -> None:
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_the_map_puts_venues_where_they_are() -> None:
    west_x, _ = project(-77.0, 38.9)  # Washington
    east_x, _ = project(37.6, 55.8)  # Moscow
    _, north_y = project(10.0, 60.0)
    _, south_y = project(10.0, -30.0)
    assert west_x < east_x and north_y < south_y
    svg = map_svg(sample(), resources.world_outline())
    circle = r'<circle class="venue" cx="([\d.]+)" cy="([\d.]+)"[^>]*data-count="(\d+)"'
    venues = re.findall(circle, svg)
    x, y = project(-8.0, 12.65)
    assert venues == [(f"{x:.1f}", f"{y:.1f}", "2")]
    assert "Bamako, MLI: 2 event(s) (CONSULT 2)" in svg
    assert "1 without a located venue" in svg


# ---------------------------------------------------------------------------
# The world outline


def test_the_shipped_outline_covers_the_world_in_longitude_latitude() -> None:
    countries = {line.iso3: line for line in resources.world_outline()}
    assert len(countries) > 150
    assert {"MLI", "USA", "RUS", "BRA", "AUS", "CHN"} <= countries.keys()
    lons = [lon for lon, _ in (p for ring in countries["MLI"].rings for p in ring)]
    lats = [lat for _, lat in (p for ring in countries["MLI"].rings for p in ring)]
    assert -13 < min(lons) < max(lons) < 5 and 10 < min(lats) < max(lats) < 26  # Mali


def _shapefile(rings: list[list[tuple[float, float]]]) -> bytes:
    points = [p for ring in rings for p in ring]
    starts, at = [], 0
    for ring in rings:
        starts.append(at)
        at += len(ring)
    body = struct.pack("<i4d2i", 5, 0, 0, 0, 0, len(rings), len(points))
    body += struct.pack(f"<{len(rings)}i", *starts)
    body += struct.pack(f"<{2 * len(points)}d", *[c for p in points for c in p])
    return b"\0" * 100 + struct.pack(">2i", 1, len(body) // 2) + body


def _dbf(rows: list[dict[str, str]]) -> bytes:
    fields = [("ADM0_A3", 3), ("NAME", 20)]
    size = 1 + sum(width for _, width in fields)
    header = struct.pack("<4xIHH20x", len(rows), 32 + 32 * len(fields) + 1, size)
    for name, width in fields:
        header += name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([width]) + b"\0" * 15
    header += b"\r"
    body = b"".join(
        b" " + b"".join(row[name].encode().ljust(width) for name, width in fields) for row in rows
    )
    return header + body


def test_the_outline_generator_reads_a_shapefile_and_simplifies_its_rings(tmp_path: Path) -> None:
    # A square with a near-straight side (the midpoint strays 0.01 degree: dropped) and a
    # sliver too small to draw.
    square = [(0.0, 0.0), (0.0, 10.0), (5.0, 10.01), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]
    sliver = [(20.0, 20.0), (20.05, 20.0), (20.0, 20.05), (20.0, 20.0)]
    shp, dbf = _shapefile([square, sliver]), _dbf([{"ADM0_A3": "FRD", "NAME": "Freedonia"}])
    (tmp_path / "ne_110m_admin_0_countries.shp").write_bytes(shp)
    (tmp_path / "ne_110m_admin_0_countries.dbf").write_bytes(dbf)
    lines = outline.outline_lines(*outline.read_source(tmp_path / "ne_110m_admin_0_countries.shp"))
    assert lines == [
        OutlineLine(
            iso3="FRD",
            name="Freedonia",
            rings=(((0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)),),
        )
    ]
    target = tmp_path / "world.jsonl"
    assert outline.main([str(tmp_path / "ne_110m_admin_0_countries.shp"), str(target)]) == 0
    assert target.read_text(encoding="utf-8") == outline.dump(lines)


# ---------------------------------------------------------------------------
# Summary


def test_the_summary_counts_each_event_once_per_actor_dyad_place_and_topic() -> None:
    counts = summarize(sample(), top=2)
    assert counts.events == 3 and counts.documents == 2
    assert [(c.name, c.count) for c in counts.event_types] == [("CONSULT", 2), ("REQUEST", 1)]
    assert [(c.name, c.count) for c in counts.actors] == [("Ana Ruiz", 2), ("Tomas Ferro", 2)]
    assert counts.dyads[0].name == "Ana Ruiz → Tomas Ferro" and counts.dyads[0].count == 2
    assert [(c.name, c.count) for c in counts.places] == [("Bamako, MLI", 2)]
    assert {c.name for c in counts.topics} == {"diplomacy", "territory"}


# ---------------------------------------------------------------------------
# Records in


def test_records_files_are_told_from_document_files(tmp_path: Path) -> None:
    records = tmp_path / "events.jsonl"
    records.write_text("".join(e.model_dump_json() + "\n" for e in sample()), encoding="utf-8")
    documents = tmp_path / "news.jsonl"
    documents.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    array = tmp_path / "events.json"
    array.write_text(json.dumps([e.model_dump(mode="json") for e in sample()]), encoding="utf-8")
    assert is_records_file(records) and is_records_file(array)
    assert not is_records_file(documents)
    assert [e.id for e in read_records(array) if isinstance(e, Event)] == [e.id for e in sample()]


def test_a_bad_record_names_its_line_and_the_others_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    good = [e.model_dump_json() for e in sample()]
    broken = json.loads(good[1])
    broken["confidence"] = 7
    path.write_text("\n".join([good[0], json.dumps(broken), "{not json", good[2]]) + "\n")
    items = list(read_records(path))
    errors = [str(item) for item in items if isinstance(item, InputError)]
    assert errors == [
        f"{path}:2: not an eventx record (confidence: Input should be less than or equal to 1)",
        f"{path}:3: malformed JSON",
    ]
    assert [item.id for item in items if isinstance(item, Event)] == [sample()[0].id, "again"]


# ---------------------------------------------------------------------------
# The HTML


def _embedded(html: str) -> dict[str, object]:
    script = r'<script type="application/json" id="eventx-data">(.*?)</script>'
    found = re.search(script, html, re.S)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_the_report_is_self_contained() -> None:
    document = Document(doc_id="d1", text=TEXT, title="Ministers meet")
    html = build_report([Analysed("d1", tuple(sample()[:2]), document)], resources.world_outline())
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "fetch(" not in html
    assert html.count("<svg") >= 2


def test_a_hostile_text_cannot_break_out_of_the_report() -> None:
    hostile = TEXT + ' </script><script>alert("x")</script><!-- <img src=x onerror=alert(1)>'
    document = Document(doc_id="d1", text=hostile, title="</title><script>alert(2)</script>")
    html = build_report([Analysed("d1", tuple(sample()[:1]), document)], ())
    assert "<script>alert" not in html and "<img" not in html and "</title><script>" not in html
    docs = _embedded(html)["docs"]
    assert isinstance(docs, list) and docs[0]["text"] == hostile


def test_event_participants_win_overlaps_with_other_entities() -> None:
    document = Document(doc_id="d1", text=TEXT)
    ruiz = (TEXT.find("Ana Ruiz"), TEXT.find("Ana Ruiz") + 8)
    sylvania = (TEXT.find("Sylvania"), TEXT.find("Sylvania") + 8)
    ner = (
        Mention(TEXT.find("Minister"), ruiz[0] + 3, "org", "ORG"),  # overlaps Ana Ruiz
        Mention(*sylvania, "place", "GPE"),  # overlaps no participant
    )
    data = report_data([Analysed("d1", tuple(sample()[:1]), document, ner)])
    docs = data["docs"]
    assert isinstance(docs, list)
    spans = {(start, end, kind) for start, end, kind, _ in docs[0]["mentions"]}
    assert (*ruiz, "actor") in spans and (*sylvania, "place") in spans
    assert not any(kind == "org" for _, _, kind in spans)


def test_a_document_without_a_title_is_listed_by_its_opening_words() -> None:
    untitled = Document(doc_id="d1", text=TEXT)
    titled = Document(doc_id="d2", text=TEXT, title="Ministers meet")
    data = report_data([Analysed("d1", (), untitled), Analysed("d2", (), titled)])
    docs = data["docs"]
    assert isinstance(docs, list)
    opening = (
        "Freedonian Foreign Minister Ana Ruiz met President Tomas Ferro of Sylvania in Bamako on"
    )
    assert docs[0]["snippet"] == opening + "…"
    assert docs[1]["snippet"] is None and docs[1]["title"] == "Ministers meet"


def test_the_shipped_outline_is_in_the_generator_s_own_form() -> None:
    # Sorted, compact, one country a line: what `python -m eventx.report.outline` writes.
    path = resources.models_dir() / resources.OUTLINE_FILE
    assert path.read_text(encoding="utf-8") == outline.dump(resources.world_outline())


def test_a_country_named_as_the_venue_is_drawn_at_its_middle_but_not_in_geojson() -> None:
    mali = Place(text="Mali", name="Mali", country="MLI", kind="country", id="MLI")
    visit = event("CONSULT", [RUIZ], [FERRO], location=mali)
    svg = map_svg([visit], resources.world_outline())
    found = re.search(r'<circle class="venue country" cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert found is not None
    left, top = project(-12.0, 25.0)  # Mali's bounding box, roughly
    right, bottom = project(4.3, 10.2)
    assert left < float(found.group(1)) < right and top < float(found.group(2)) < bottom
    assert "Mali (the country): 1 event(s)" in svg
    out = io.StringIO()
    write_geojson([visit], out)
    assert json.loads(out.getvalue())["features"][0]["geometry"] is None
