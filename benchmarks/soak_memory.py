"""Memory soak: does `eventx extract` stay flat over many short documents?

Run from the checkout:  .venv/bin/python benchmarks/soak_memory.py [--documents N] [--jobs N]
                                                                   [--same]

Writes N short wire-style JSON Lines records (200,000 by default; each with names and
numbers of its own, so every record brings new words to the vocabulary; `--same` repeats
one record instead) to a temporary folder, runs `eventx extract FILE -o OUT.jsonl` on them
in a subprocess and samples its resident memory (and its workers') against the documents
done so far (the lines of OUT.jsonl.done). Prints one row per tenth of the run and the
growth from the first tenth to the end. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ROLES = ("Foreign Minister", "Defence Minister", "Trade Envoy", "Deputy Prime Minister")
CITIES = ("Nairobi", "Accra", "Hanoi", "Lima", "Tbilisi", "Dakar", "Manila", "Oslo")
VERBS = ("met", "held talks with", "received", "hosted")


def records(count: int, *, same: bool) -> list[str]:
    rng = random.Random(15)
    letters = "abcdefghijklmnopqrstuvwxyz"
    lines = []
    for number in range(count):
        if same and lines:
            lines.append(lines[0].replace('"w0"', f'"w{number}"'))
            continue
        name = "".join(rng.choice(letters) for _ in range(rng.randint(5, 9))).title()
        other = "".join(rng.choice(letters) for _ in range(rng.randint(5, 9))).title()
        text = (
            f"{rng.choice(ROLES)} {name} {rng.choice(VERBS)} {other} in "
            f"{rng.choice(CITIES)} on Monday, according to statement {number}."
        )
        lines.append(json.dumps({"id": f"w{number}", "text": text}))
    return lines


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(child) for child in children]
    except OSError:
        pass
    for one in pids:
        try:
            status = Path(f"/proc/{one}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def done_count(record: Path) -> int:
    try:
        with record.open("rb") as handle:
            return max(0, sum(1 for _ in handle) - 1)
    except OSError:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--same", action="store_true", help="one record repeated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "wire.jsonl"
        source.write_text("\n".join(records(args.documents, same=args.same)) + "\n")
        out = Path(folder) / "events.jsonl"
        command = [sys.executable, "-m", "eventx", "extract", str(source), "-o", str(out)]
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--jobs", str(args.jobs)], cwd=ROOT, stderr=subprocess.DEVNULL
        )
        marks = [args.documents * tenth // 10 for tenth in range(1, 11)]
        rows: list[tuple[int, float, float]] = []
        peak = 0.0
        while process.poll() is None:
            time.sleep(0.5)
            peak = max(peak, rss_mb(process.pid))
            done = done_count(out.with_name(out.name + ".done"))
            while marks and done >= marks[0]:
                rows.append((marks.pop(0), rss_mb(process.pid), time.perf_counter() - started))
        print(f"{'documents':>10} {'RSS MB':>8} {'seconds':>8}")
        for documents, rss, seconds in rows:
            print(f"{documents:>10,} {rss:>8.0f} {seconds:>8.0f}")
        if len(rows) >= 2:
            print(f"growth from the first tenth to the last: {rows[-1][1] - rows[0][1]:+.0f} MB")
        print(f"peak {peak:.0f} MB, exit code {process.returncode}")


if __name__ == "__main__":
    main()
