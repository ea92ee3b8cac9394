"""Soak benchmark: time on long documents of growing size and on pathological input.

Run from the checkout:  .venv/bin/python benchmarks/soak.py [--model NAME] [--max-chars N]
                                                              [--sections long,flat,runs,...]

Prints, in one process with the pipeline loaded once:

- long:     documents of growing size built from the development gold texts; parse and
            extraction seconds, and seconds per 100,000 characters (flat when linear);
- flat:     the same words with every punctuation mark removed (one endless "sentence"),
            up to --max-chars (950,000 reproduces the issue's case; the default is smaller);
- runs:     runs of one mark, of alternating marks and of "'s" at growing lengths: tokens,
            tokenizer seconds and whole-pipeline seconds;
- html:     an HTML page holding a 100 KB run of `<`, read and extracted;
- patterns: loading 100,000 user names that share a prefix.

Peak memory is the process's high-water mark after each row (it never goes down). Figures,
not assertions: linear time is read off the per-100k column by people.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("long", "flat", "runs", "html", "patterns")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def dev_text() -> str:
    lines = (ROOT / "tests" / "data" / "dev" / "gold.jsonl").read_text(encoding="utf-8")
    return "\n\n".join(json.loads(line)["text"] for line in lines.splitlines() if line.strip())


def sizes(limit: int) -> list[int]:
    found, size = [], 25_000
    while size <= limit:
        found.append(size)
        size *= 2
    return found


def long_documents(nlp: Language, base: str, limit: int, title: str) -> None:
    from eventx.extract import doc_events
    from eventx.pipeline import knowledge_of
    from eventx.schema import Document

    knowledge = knowledge_of(nlp)
    doc_events(nlp(base[:5_000]), Document(doc_id="warm-up", text=base[:5_000]), knowledge)
    print(f"\n{title}\n")
    print(
        "| characters | tokens | parse (s) | parse s/100k | extract (s) | extract s/100k "
        "| events | peak MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in [*sizes(limit), *([limit] if limit not in sizes(limit) else [])]:
        text = (base * (size // len(base) + 1))[:size]
        started = time.perf_counter()
        doc = nlp(text)
        parse = time.perf_counter() - started
        started = time.perf_counter()
        events = doc_events(doc, Document(doc_id=f"soak-{size}", text=text), knowledge)
        extract = time.perf_counter() - started
        print(
            f"| {size:,} | {len(doc):,} | {parse:.2f} | {parse / size * 100_000:.2f} "
            f"| {extract:.2f} "
            f"| {extract / size * 100_000:.2f} | {len(events):,} | {peak_mb():.0f} |"
        )


def punctuation_runs(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    print("\nPathological runs (inside a short article)\n")
    print("| run | characters | tokens | tokenizer (s) | pipeline (s) | peak MB |")
    print("|---|---:|---:|---:|---:|---:|")
    article = "The foreign ministers met in Accra on Monday. {} They agreed to meet again."
    for unit in ("*", "<", "!", "?!", "'s", "_", ".,"):
        for size in (8_000, 20_000, 100_000):
            text = article.format(unit * (size // len(unit)))
            started = time.perf_counter()
            doc = tokenizer(text)
            tokenize = time.perf_counter() - started
            started = time.perf_counter()
            nlp(text)
            whole = time.perf_counter() - started
            print(
                f"| `{unit}` | {size:,} | {len(doc):,} | {tokenize:.2f} "
                f"| {whole:.2f} | {peak_mb():.0f} |"
            )


def html_run(nlp: Language) -> None:
    from eventx.io import iter_documents
    from eventx.schema import Document
    from eventx.stream import extract_documents

    print("\nHTML page with a 100 KB run of `<`\n")
    page = (
        "<html><head><title>Talks in Accra</title></head><body><p>The foreign ministers met "
        "in Accra on Monday.</p><p>" + "<" * 100_000 + "</p></body></html>"
    )
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "page.html"
        path.write_text(page, encoding="utf-8")
        read, found = timed(lambda: list(iter_documents([str(path)])))
        documents = [item for item in found if isinstance(item, Document)]
        extract, results = timed(lambda: list(extract_documents(nlp, documents)))
    events = sum(len(r) for _, r in results if isinstance(r, list))
    print(f"read {read:.2f} s, extract {extract:.2f} s, {events} event(s), {peak_mb():.0f} MB")


def many_patterns() -> None:
    from eventx.pipeline import load_pipeline

    print("\n100,000 user names sharing a prefix\n")
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "names.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for n in range(100_000):
                line = {"label": "PERSON", "pattern": f"Abdoulaye Name{n:06d}", "id": f"p.{n}"}
                handle.write(json.dumps(line) + "\n")
        load, nlp = timed(lambda: load_pipeline(patterns=[path]))
    match, doc = timed(lambda: nlp("Abdoulaye Name004217 met Abdoulaye Name099999 in Accra."))
    found = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    print(f"pipeline with the names built in {load:.2f} s; one sentence {match:.3f} s: {found}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: eventx's choice)")
    parser.add_argument("--max-chars", type=int, default=400_000, help="longest document")
    parser.add_argument("--sections", default=",".join(SECTIONS), help="comma-separated")
    args = parser.parse_args()
    chosen = set(args.sections.split(","))
    if unknown := chosen - set(SECTIONS):
        sys.exit(f"unknown section(s): {', '.join(sorted(unknown))}")

    from eventx.pipeline import load_pipeline

    nlp = load_pipeline(args.model)
    print(f"model {nlp.meta.get('name')}; pipeline {', '.join(nlp.pipe_names)}")
    base = dev_text()
    if "long" in chosen:
        long_documents(nlp, base, args.max_chars, "Long documents (dev gold texts repeated)")
    if "flat" in chosen:
        flat = " ".join(re.sub(r"[^\w\s]", "", base).split())
        long_documents(nlp, flat, args.max_chars, "Long documents without punctuation")
    if "runs" in chosen:
        punctuation_runs(nlp)
    if "html" in chosen:
        html_run(nlp)
    if "patterns" in chosen:
        many_patterns()


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
