"""How often the fast path (`eventx extract --fast`) gives the full pipeline's events exactly.

Run from the checkout:  .venv/bin/python benchmarks/agreement.py [--documents N] [--voa]
                                                                  [--corpus FILE.jsonl] [--show]

Runs both paths in this process on benchmarks/corpus.py's articles (or a JSON Lines file with
`id` and `text`, or ../shared/eval/voa_dev/documents.jsonl with --voa) and prints the share of
the full path's events that the fast path gives identically (every field, offsets included),
the events only the fast path gives, the share of words it parsed, and the time of each path.
--show lists each event that differs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VOA = HERE.parent.parent / "shared" / "eval" / "voa_dev" / "documents.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--voa", action="store_true", help="the voa_dev documents instead")
    parser.add_argument("--show", action="store_true", help="list the events that differ")
    args = parser.parse_args()

    import eventx
    from eventx.fastpath import SentencePicker
    from eventx.fastpath import extract_documents as fast_documents
    from eventx.pipeline import knowledge_of
    from eventx.schema import Document
    from eventx.stream import extract_documents as full_documents

    path = VOA if args.voa else args.corpus
    if path is not None:
        records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    else:
        sys.path.insert(0, str(HERE))
        import corpus

        records = list(corpus.articles(args.documents, args.seed))
    documents = [Document(doc_id=str(r["id"]), text=r["text"]) for r in records]
    nlp = eventx.load()
    picker = SentencePicker(nlp, knowledge_of(nlp))
    words = sum(len(d.text.split()) for d in documents)
    kept = sum(len(picker.reduce(d.text).split()) for d in documents)

    def run(extract) -> tuple[dict[str, list[str]], float]:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        found = {
            document.doc_id: [e.model_dump_json() for e in result]
            for document, result in extract(nlp, documents)
            if isinstance(result, list)
        }
        return found, time.perf_counter() - started

    full, full_seconds = run(full_documents)
    fast, fast_seconds = run(fast_documents)
    total = sum(len(events) for events in full.values())
    same = sum(len(set(events) & set(fast.get(key, []))) for key, events in full.items())
    extra = sum(len(set(events) - set(full.get(key, []))) for key, events in fast.items())
    print(
        f"{len(documents):,} documents, {words:,} words; the fast path parsed "
        f"{kept / words:.1%} of the words\n"
        f"full path: {total:,} events in {full_seconds:.1f} s; fast path: {fast_seconds:.1f} s "
        f"({full_seconds / fast_seconds:.2f}x)\n"
        f"identical: {same:,} of {total:,} ({same / max(total, 1):.2%}); "
        f"only in the fast path: {extra:,}"
    )
    if args.show:
        for key, events in full.items():
            for event in sorted(set(events) - set(fast.get(key, []))):
                record = json.loads(event)
                print(f"  full only  {key} {record['event']}: {record['sentence'][:120]}")
            for event in sorted(set(fast.get(key, [])) - set(events)):
                record = json.loads(event)
                print(f"  fast only  {key} {record['event']}: {record['sentence'][:120]}")


if __name__ == "__main__":
    main()
