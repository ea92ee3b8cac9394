"""The wheel ships what eventx needs: build it, install it in a clean venv, run the seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


# Anything that would let the clean venv see the checkout or this environment's packages.
INHERITED = ("EVENTX_", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED)}
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_built_wheel_installs_and_extracts_the_seed(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, ROOT)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = dist.glob("eventx-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    installed = run(python, "-m", "pip", "install", "-q", wheel)
    assert installed.returncode == 0, installed.stderr[-2000:]

    # Run from a folder that is not the checkout, so the wheel's own models/ are used.
    result = run(
        env_dir / "bin" / "eventx", "extract", ROOT / "seeds", "--format", "jsonl", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert any(r["mode"] == "visit" and r["location"]["name"] == "Bamako" for r in records)

    where = run(
        python,
        "-c",
        "import eventx, eventx.resources as r; print(eventx.__file__); print(r.models_dir())",
        cwd=tmp_path,
    )
    package, models = where.stdout.splitlines()
    assert "site-packages" in package and "site-packages" in models, where.stdout + where.stderr
