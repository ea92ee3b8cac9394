"""The who-met-whom network: a networkx graph of actors from event records, its exports
(GraphML, GEXF, node-link JSON) and an SVG drawing for the report."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from html import escape
from typing import Literal, TextIO

import networkx as nx

from ..schema import Actor, Event
from .actors import STATE_KINDS, actor_key, pairs

GraphFormat = Literal["graphml", "gexf", "json"]
GRAPH_FORMATS: tuple[GraphFormat, ...] = ("graphml", "gexf", "json")

KIND_COLOURS = {
    "person": "#2b6cb0",
    "country": "#c53030",
    "organization": "#2f855a",
    "group": "#6b46c1",
}
MAX_DRAWN = 300  # more nodes than this make an unreadable hairball: draw the busiest


def event_graph(events: Iterable[Event]) -> nx.MultiDiGraph:
    """One node per actor (name and label, kind, country, events) and one edge per event and pair of
    participants (event, mode, status, date, doc_id, event_id, confidence, weight 1)."""
    graph = nx.MultiDiGraph()
    counts: Counter[str] = Counter()
    for event in events:
        seen: set[str] = set()
        for actor in [*event.actors, *event.recipients]:
            key = actor_key(actor, event.doc_id)
            if key not in graph:
                graph.add_node(key, **_node(actor))
            elif actor.kind == "country" and graph.nodes[key]["name"] != actor.name:
                # The country's own name reads best for a state node.
                graph.nodes[key].update(name=actor.name, label=actor.name)
            if key not in seen:
                counts[key] += 1
                seen.add(key)
        for source, target in pairs(event):
            one, other = actor_key(source, event.doc_id), actor_key(target, event.doc_id)
            graph.add_edge(
                one,
                other,
                key=f"{event.id}:{one}:{other}",
                event=event.event,
                mode=event.mode or "",
                status=event.status.value,
                date=event.date.isoformat() if event.date else "",
                doc_id=event.doc_id,
                event_id=event.id,
                confidence=event.confidence,
                weight=1,
            )
    for key, count in counts.items():
        graph.nodes[key]["events"] = count
    return graph


def _node(actor: Actor) -> dict[str, object]:
    state = actor.kind in STATE_KINDS and actor.country
    return {
        "name": actor.name,
        "label": actor.name,  # what Gephi and yEd show
        "kind": "country" if state else actor.kind,
        "country": actor.country or "",
        "events": 0,
    }


def write_graph(graph: nx.MultiDiGraph, fmt: GraphFormat, out: TextIO) -> None:
    """Write the graph as GraphML (Gephi, yEd, Cytoscape), GEXF (Gephi) or node-link JSON
    (networkx, d3, Cytoscape.js)."""
    if fmt == "graphml":
        lines: Iterable[str] = nx.generate_graphml(graph)
    elif fmt == "gexf":
        lines = nx.generate_gexf(graph)
    elif fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        lines = [json.dumps(data, ensure_ascii=False, indent=1)]
    else:
        raise ValueError(f"unknown graph format {fmt!r}; expected graphml, gexf or json")
    for line in lines:
        out.write(line + "\n")


def weighted(graph: nx.MultiDiGraph) -> nx.Graph:
    """Pairs of actors with how many events join them and of which types."""
    simple = nx.Graph()
    for key in sorted(graph.nodes):
        simple.add_node(key, **graph.nodes[key])
    for source, target, data in graph.edges(data=True):
        if simple.has_edge(source, target):
            edge = simple.edges[source, target]
            edge["weight"] += 1
            edge["types"][data["event"]] += 1
        else:
            simple.add_edge(source, target, weight=1, types=Counter([data["event"]]))
    simple.remove_nodes_from([node for node, degree in simple.degree() if degree == 0])
    return simple


def busiest(simple: nx.Graph, limit: int = MAX_DRAWN) -> nx.Graph:
    """The `limit` actors with the most events joining them, and the edges among them."""
    if len(simple) <= limit:
        return simple
    strength = dict(simple.degree(weight="weight"))
    keep = sorted(simple.nodes, key=lambda node: (-strength[node], node))[:limit]
    return simple.subgraph(keep).copy()


def network_svg(graph: nx.MultiDiGraph, width: int = 800, height: int = 640) -> str:
    """The network as an SVG: nodes sized and labelled by activity, edges by event count;
    every node and edge has a tooltip. Deterministic: the same events draw the same picture."""
    full = weighted(graph)
    simple = busiest(full)
    if not simple:
        return (
            f'<svg class="network" viewBox="0 0 {width} 80" role="img" '
            'aria-label="no actors met"><text x="10" y="40">No pairs of actors in these '
            "events.</text></svg>"
        )
    at = _layout(simple, width, height)
    strength = dict(simple.degree(weight="weight"))
    labelled = set(sorted(simple.nodes, key=lambda n: (-strength[n], n))[:30])
    parts = [
        f'<svg class="network" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="network of {len(simple)} actors">'
    ]
    if len(full) > len(simple):
        parts.append(
            f'<text class="note" x="8" y="16">the {len(simple)} busiest of {len(full)} '
            "actors</text>"
        )
    # Sizes relative to the busiest node and pair, so a big dataset draws no giant discs.
    top_strength = max(strength.values())
    top_count = max(data["weight"] for _, _, data in simple.edges(data=True))
    parts.append('<g class="edges">')
    for source, target, data in sorted(simple.edges(data=True), key=lambda e: (e[0], e[1])):
        (x1, y1), (x2, y2) = at[source], at[target]
        count = data["weight"]
        types = ", ".join(f"{name} {n}" for name, n in sorted(data["types"].items()))
        tip = (
            f"{simple.nodes[source]['name']} – {simple.nodes[target]['name']}: "
            f"{count} event(s) ({types})"
        )
        thickness = 1 + 5 * math.log(count) / math.log(top_count + 1)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{thickness:.2f}"><title>{escape(tip)}</title></line>'
        )
    parts.append('</g><g class="nodes">')
    for node in sorted(simple.nodes, key=lambda n: (strength[n], n)):  # busiest on top
        x, y = at[node]
        data = simple.nodes[node]
        radius = 4 + 14 * math.sqrt(strength[node] / top_strength)
        colour = KIND_COLOURS.get(str(data["kind"]), "#718096")
        country = f", {data['country']}" if data["country"] else ""
        tip = f"{data['name']} ({data['kind']}{country}): {data['events']} event(s)"
        parts.append(
            f'<g class="node" data-kind="{escape(str(data["kind"]))}" '
            f'data-key="{escape(node)}" data-name="{escape(str(data["name"]))}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}">'
            f"<title>{escape(tip)}</title></circle>"
        )
        if node in labelled:
            parts.append(
                f'<text x="{x + radius + 2:.1f}" y="{y + 4:.1f}">{escape(str(data["name"]))}</text>'
            )
        parts.append("</g>")
    parts.append("</g>")
    parts.append(_legend(height))
    parts.append("</svg>")
    return "".join(parts)


def _layout(simple: nx.Graph, width: int, height: int) -> dict[str, tuple[float, float]]:
    """Each connected component laid out on its own (spring layout), given room in
    proportion to its size, and the components packed in rows, biggest first: one spring
    layout of everything pushes the small pairs to the rim and crushes the main cluster."""
    components = sorted(
        (sorted(nodes) for nodes in nx.connected_components(simple)),
        key=lambda nodes: (-len(nodes), nodes[0]),
    )
    margin = 30
    usable = (width - 2 * margin) * (height - 2 * margin - 20)
    unit = math.sqrt(usable / (len(simple) * 1.6))  # the side of one node's share
    boxes: list[tuple[list[str], float]] = [
        (nodes, min(unit * max(1.0, math.sqrt(len(nodes)) * 1.5), height - 2 * margin - 20))
        for nodes in components
    ]
    if len(components) > 1:  # the main cluster is what a reader studies: give it room
        first, side = boxes[0]
        boxes[0] = (first, max(side, 0.7 * (height - 2 * margin - 20)))
    # Shelf packing; if the rows overflow the height, shrink every box and try again.
    for _ in range(20):
        placed: list[tuple[list[str], float, float, float]] = []
        x = y = float(margin)
        row = 0.0
        for nodes, side in boxes:
            if x + side > width - margin and x > margin:
                x, y, row = float(margin), y + row, 0.0
            placed.append((nodes, x, y, side))
            x += side
            row = max(row, side)
        if y + row <= height - margin - 20:
            break
        boxes = [(nodes, side * 0.9) for nodes, side in boxes]
    at: dict[str, tuple[float, float]] = {}
    for nodes, left, top, side in placed:
        pad = side * 0.12
        if len(nodes) == 1:
            at[nodes[0]] = (left + side / 2, top + side / 2)
            continue
        part = simple.subgraph(nodes)
        k = 2.0 / math.sqrt(len(nodes))  # looser than the default: room for labels
        spots = nx.spring_layout(part, k=k, seed=7, iterations=100, weight=None)
        xs = [float(p[0]) for p in spots.values()]
        ys = [float(p[1]) for p in spots.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        scale = (side - 2 * pad) / span
        for node, (px, py) in spots.items():
            at[node] = (
                left + pad + (float(px) - min(xs)) * scale,
                top + pad + (float(py) - min(ys)) * scale,
            )
    return at


def _legend(height: int) -> str:
    items = []
    for index, (kind, colour) in enumerate(KIND_COLOURS.items()):
        x = 10 + index * 110
        items.append(
            f'<circle cx="{x}" cy="{height - 12}" r="5" fill="{colour}"/>'
            f'<text x="{x + 9}" y="{height - 8}">{kind}</text>'
        )
    return f'<g class="legend">{"".join(items)}</g>'
