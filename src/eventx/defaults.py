"""Run defaults the library and the CLI share, importable without spaCy."""

from __future__ import annotations

# Documents parsed together: 16 keeps one process near 400 MB on long articles, within a few
# percent of a batch of 32's speed (README, Benchmarks).
DEFAULT_BATCH_SIZE = 16
