"""Speed and memory benchmark: eventx against the bare spaCy model on the repository's texts.

Run from the checkout:  .venv/bin/python benchmarks/speed.py [--model NAME] [--repeat N]
                                                               [--batch-size N] [--corpus DIR]

Prints, for the bare model (`spacy.load`) and for eventx (`load_pipeline` + extraction):
the time to build the pipeline in a fresh interpreter, throughput in words per second over
the corpus (the development gold set, the golden articles and the seed, repeated `--repeat`
times unless `--corpus` names a folder of .txt files), and the peak resident memory of the
process that did it. Figures, not assertions: the targets are read off by people.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKER = r"""
import json, resource, sys, time
mode, model, batch_size, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
texts = json.loads(open(path, encoding="utf-8").read())
started = time.perf_counter()
if mode == "bare":
    import spacy
    nlp = spacy.load(model)
else:
    from eventx.pipeline import load_pipeline
    from eventx.stream import extract_events
    from eventx.schema import Document
    nlp = load_pipeline(model)
built = time.perf_counter() - started
words = sum(len(t.split()) for t in texts)
started = time.perf_counter()
events = 0
if mode == "bare":
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
else:
    docs = (Document(doc_id=str(i), text=t) for i, t in enumerate(texts))
    events = sum(1 for _ in extract_events(nlp, docs, batch_size=batch_size))
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"build": built, "seconds": elapsed, "words": words, "events": events,
                  "peak_mb": peak}))
"""


def corpus(folder: Path | None, repeat: int) -> list[str]:
    if folder is not None:
        return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    texts = [
        json.loads(line)["text"]
        for line in (ROOT / "tests" / "data" / "dev" / "gold.jsonl").read_text().splitlines()
        if line.strip()
    ]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "data" / "golden").glob("*.txt"))
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts * repeat


def run(mode: str, model: str, batch_size: int, path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", WORKER, mode, model, str(batch_size), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: eventx's choice)")
    parser.add_argument("--repeat", type=int, default=5, help="copies of the built-in corpus")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--corpus", type=Path, default=None, help="folder of .txt files")
    args = parser.parse_args()

    from eventx.pipeline import default_model

    model = args.model or default_model()
    texts = corpus(args.corpus, args.repeat)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "corpus.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        rows = {mode: run(mode, model, args.batch_size, path) for mode in ("bare", "eventx")}
    words = rows["bare"]["words"]
    print(f"model {model}; {len(texts)} documents, {int(words):,} words; batch {args.batch_size}\n")
    print("| pipeline | build (s) | words/s | events | peak memory (MB) |")
    print("|---|---:|---:|---:|---:|")
    for mode, row in rows.items():
        rate = row["words"] / row["seconds"]
        print(
            f"| {mode} | {row['build']:.2f} | {rate:,.0f} | {int(row['events'])} "
            f"| {row['peak_mb']:.0f} |"
        )
    ratio = rows["bare"]["seconds"] / rows["eventx"]["seconds"]
    print(
        f"\neventx runs at {ratio:.2f}x the bare model's speed "
        f"(target for the fast path: >= 2x); build adds "
        f"{rows['eventx']['build'] - rows['bare']['build']:.2f} s (target: <= 1 s)."
    )


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
