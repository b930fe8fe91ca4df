"""The analyst notebooks (jupytext percent scripts) run end to end with small samples."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.py"))


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {"sensitivity_kecheng.py", "ensemble_targets.py"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_a_paired_jupytext_notebook(notebook):
    jupytext = pytest.importorskip("jupytext")
    cells = jupytext.read(notebook).cells
    assert sum(c.cell_type == "markdown" for c in cells) >= 2
    assert sum(c.cell_type == "code" for c in cells) >= 3
    assert all(not c.get("outputs") for c in cells if c.cell_type == "code")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_with_small_samples(notebook, tmp_path):
    env = {**os.environ, "INNOSIM_NOTEBOOK_N": "16", "INNOSIM_NOTEBOOK_RUNS": "400",
           "MPLBACKEND": "Agg"}
    env.pop("INNOSIM_SCHEDULER", None)
    done = subprocess.run([sys.executable, str(notebook)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "wrote" in done.stdout
