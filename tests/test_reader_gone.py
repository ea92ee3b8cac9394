"""A reader that goes away (`eventx ... | head`) is a quiet stop: exit 0, no error line.

Each command runs as a real process writing into a pipe made as small as Linux allows; the
test reads the first bytes and closes its end, as `head -c` does, so every later write of
the program meets a broken pipe, whether it writes to stdout or to `-o /dev/stdout`.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

F_SETPIPE_SZ = 1031  # Linux's fcntl to resize a pipe; not exported by Python before 3.10
PIPE_BYTES = 4096
CAPITALS = (
    ("Kenya", "Nairobi"),
    ("Ghana", "Accra"),
    ("Peru", "Lima"),
    ("Norway", "Oslo"),
    ("Japan", "Tokyo"),
    ("Egypt", "Cairo"),
    ("Poland", "Warsaw"),
    ("Chile", "Santiago"),
)


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Articles enough that every command writes many times what the pipe holds."""
    path = tmp_path_factory.mktemp("wire") / "wire.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i, (host, capital) in enumerate(CAPITALS):
            for guest, _ in CAPITALS[i + 1 :]:
                text = (
                    f"{capital.upper()} (Newswire) — The foreign minister of {guest} met "
                    f"President of {host} in {capital} on Tuesday to discuss trade and "
                    f"security, officials of both governments said.\n\n{host} and {guest} "
                    "signed an agreement on fisheries after the talks."
                )
                handle.write(json.dumps({"id": f"{host}-{guest}", "text": text}) + "\n")
    return path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="F_SETPIPE_SZ is Linux's")
@pytest.mark.parametrize(
    "command",
    [
        ["extract", "-f", "json"],
        ["extract", "-f", "csv", "-o", "/dev/stdout"],
        ["report"],
        ["report", "-o", "/dev/stdout"],
        ["graph", "-f", "graphml"],
        ["entities", "-f", "jsonl"],
    ],
    ids=" ".join,
)
def test_a_reader_that_goes_away_is_a_quiet_stop(command: list[str], wire: Path) -> None:
    read, write = os.pipe()
    fcntl.fcntl(write, F_SETPIPE_SZ, PIPE_BYTES)
    process = subprocess.Popen(
        [sys.executable, "-m", "eventx", *command, str(wire)],
        stdout=write,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(write)
    with os.fdopen(read, "rb") as reader:
        first = reader.read(100)
    _, stderr = process.communicate(timeout=300)
    assert first, "the command wrote nothing"
    assert process.returncode == 0, stderr.decode()
    assert b"error" not in stderr and b"Traceback" not in stderr, stderr.decode()
