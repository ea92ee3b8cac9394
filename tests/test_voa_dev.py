"""Real news: contact extraction on the shared VOA articles stays above quality/voa_dev_floors.json.

The articles and verdicts live outside the repository (`../shared/eval/voa_dev`, read-only;
nothing from there is copied here). The scorer runs the installed `eventx` command on them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VOA_DEV = ROOT.parent / "shared" / "eval" / "voa_dev"
FLOORS = ROOT / "quality" / "voa_dev_floors.json"

pytestmark = pytest.mark.slow


def _eventx() -> str | None:
    beside = Path(sys.executable).with_name("eventx")
    return str(beside) if beside.exists() else shutil.which("eventx")


@pytest.mark.skipif(
    not (VOA_DEV / "score.py").exists(), reason="../shared/eval/voa_dev is not in this checkout"
)
def test_real_news_contacts_stay_above_the_floors() -> None:
    command = _eventx()
    assert command is not None, "the eventx command is not installed beside this Python"
    done = subprocess.run(
        [sys.executable, str(VOA_DEV / "score.py"), command],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("voa_dev:")), None)
    assert line is not None, done.stdout + done.stderr
    figures = {key: float(value) for key, value in re.findall(r"(\w+)=([0-9.]+)", line)}
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    low = [
        f"{key} {figures[key]:.3f} < {floor}"
        for key, floor in floors.items()
        if figures[key] < floor
    ]
    assert not low, f"{line}\n" + "\n".join(low)
