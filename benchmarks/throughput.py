"""Throughput and memory of eventx against the bare spaCy model, side by side, whole processes.

Run from the checkout:  .venv/bin/python benchmarks/throughput.py [--documents N] [--jobs 1,2]
                              [--batch-size N] [--rounds N] [--voa] [--corpus FILE.jsonl]
                              [--full] [--eventx-arg=--batch-size=16 ...]

The corpus is benchmarks/corpus.py's (1,200 generated articles, over 400,000 words, unless
--documents says otherwise), plus ../shared/eval/voa_dev/documents.jsonl with --voa when it is
there, or a JSON Lines file of your own with --corpus. For each number of processes in --jobs
it runs, each in a fresh process, the bare model (`spacy.load` + `nlp.pipe` over the same texts,
same batch size, `n_process` = jobs) and `eventx extract --jobs N` writing JSON Lines, and
prints words/s, documents/s and peak memory: the largest single process (what the 400 MB
target is about) and the sum over the process and its children, sampled from /proc. The
rates are per second of CPU time (user + system of the whole process tree, from
`getrusage(RUSAGE_CHILDREN)`), so that other work on a shared machine does not count against
either side; wall-clock seconds are printed beside them. They count whole processes, start-up
included, and again without the start-up (measured once per pipeline on a one-document
input). --rounds interleaves several runs and keeps the one with the least CPU time of each.
Figures, not assertions: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from eventx.defaults import DEFAULT_BATCH_SIZE

ROOT = Path(__file__).resolve().parent.parent
VOA = ROOT.parent / "shared" / "eval" / "voa_dev" / "documents.jsonl"
EVENTX = Path(sys.executable).with_name("eventx")

BARE = r"""
import json, sys
import spacy
model, batch_size, jobs, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
nlp = spacy.load(model)
texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
for _ in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
    pass
"""


@dataclass
class Run:
    """One whole-process run: CPU and wall time, peak memory of the largest process and of all."""

    seconds: float  # CPU time, user + system, of the process and every child it waited for
    wall: float
    peak_one_mb: float
    peak_all_mb: float
    events: int = 0


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and brackets: the fields start after the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, frontier = [root], [root]
    while frontier:
        frontier = [child for pid in frontier for child in children.get(pid, [])]
        found += frontier
    return found


def measure(command: list[str], stdout: Path | None = None) -> Run:
    """Run a command to its end, sampling the memory of its process tree."""
    peaks = {"one": 0, "all": 0}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with stdout.open("wb") if stdout else open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                sizes = [_rss_kb(pid) for pid in _descendants(process.pid)]
                peaks["one"] = max(peaks["one"], max(sizes, default=0))
                peaks["all"] = max(peaks["all"], sum(sizes))
                done.wait(0.25)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = process.communicate()
        done.set()
        sampler.join()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err.decode()}")
    return Run(cpu, wall, peaks["one"] / 1024, peaks["all"] / 1024)


def bare(model: str, batch_size: int, jobs: int, corpus: Path) -> Run:
    command = [sys.executable, "-c", BARE, model, str(batch_size), str(jobs), str(corpus)]
    return measure(command)


def eventx(batch_size: int, jobs: int, corpus: Path, extra: list[str], out: Path) -> Run:
    command = [str(EVENTX), "extract", str(corpus), "-f", "jsonl"]
    command += ["--jobs", str(jobs), "--batch-size", str(batch_size), *extra]
    run = measure(command, stdout=out)
    run.events = sum(1 for line in out.open(encoding="utf-8") if line.strip())
    return run


def build_corpus(args: argparse.Namespace, folder: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus as generator

    path = folder / "corpus.jsonl"
    if args.corpus is not None:
        path.write_bytes(args.corpus.read_bytes())
    else:
        generator.write(path, args.documents, args.seed)
    if args.voa:
        if not VOA.exists():
            raise SystemExit(f"--voa: {VOA} is not there")
        with path.open("a", encoding="utf-8") as handle:
            for line in VOA.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    handle.write(json.dumps({"id": record["id"], "text": record["text"]}))
                    handle.write("\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1200, help="generated articles")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--corpus", type=Path, default=None, help="JSON Lines to use instead")
    parser.add_argument("--voa", action="store_true", help="add the voa_dev documents")
    parser.add_argument("--jobs", default="1,2", help="comma-separated process counts")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--rounds", type=int, default=1, help="interleaved runs; best kept")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: eventx's)")
    parser.add_argument(
        "--eventx-arg", action="append", default=[], help="extra eventx extract argument"
    )
    parser.add_argument(
        "--full", action="store_true", help="also run eventx extract --full (every sentence)"
    )
    args = parser.parse_args()

    from eventx.pipeline import default_model

    model = args.model or default_model()
    jobs = [int(part) for part in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        corpus = build_corpus(args, folder)
        lines = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
        words = sum(len(record["text"].split()) for record in lines)
        tiny = folder / "one.jsonl"
        tiny.write_text(json.dumps(lines[0]) + "\n", encoding="utf-8")
        out = folder / "events.jsonl"
        variants = {"eventx": args.eventx_arg}
        if args.full:
            variants["eventx --full"] = [*args.eventx_arg, "--full"]
        startup = {"bare": bare(model, args.batch_size, 1, tiny).seconds}
        for name, extra in variants.items():
            startup[name] = eventx(args.batch_size, 1, tiny, extra, out).seconds
        best: dict[tuple[str, int], Run] = {}
        for _ in range(args.rounds):
            for n in jobs:
                for name in ("bare", *variants):
                    if name == "bare":
                        result = bare(model, args.batch_size, n, corpus)
                    else:
                        result = eventx(args.batch_size, n, corpus, variants[name], out)
                    key = (name, n)
                    if key not in best or result.seconds < best[key].seconds:
                        best[key] = result
    load = os.getloadavg()
    print(
        f"model {model}; {len(lines):,} documents, {words:,} words; batch {args.batch_size}; "
        f"eventx {' '.join(args.eventx_arg) or '(defaults)'}; {os.cpu_count()} CPUs; "
        f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end\n"
    )
    print(
        "| pipeline | processes | CPU s | wall s | words/CPU s | docs/CPU s "
        "| words/CPU s less start-up | peak MB, largest process | peak MB, all processes | events |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (name, n), run in best.items():
        net = max(run.seconds - startup[name], 1e-9)
        print(
            f"| {name} | {n} | {run.seconds:.1f} | {run.wall:.1f} | {words / run.seconds:,.0f} "
            f"| {len(lines) / run.seconds:,.1f} | {words / net:,.0f} | {run.peak_one_mb:.0f} "
            f"| {run.peak_all_mb:.0f} | {run.events if name != 'bare' else '-'} |"
        )
    print("\nstart-up, CPU: " + ", ".join(f"{name} {sec:.1f} s" for name, sec in startup.items()))
    for name in variants:
        for n in jobs:
            ratio = best[("bare", n)].seconds / best[(name, n)].seconds
            net = (best[("bare", n)].seconds - startup["bare"]) / max(
                best[(name, n)].seconds - startup[name], 1e-9
            )
            print(
                f"{name} / bare at {n} process(es), CPU time: {ratio:.2f}x, "
                f"{net:.2f}x less start-up (target >= 3x)"
            )
    # Scaling is about wall time: a second process only helps if there is a free core.
    for name in ("bare", *variants):
        for n in jobs[1:]:
            ratio = best[(name, jobs[0])].wall / best[(name, n)].wall
            print(
                f"{name}: {n} processes / {jobs[0]}, wall time: {ratio:.2f}x "
                f"(target >= 1.7x for 2 / 1)"
            )


if __name__ == "__main__":
    main()
