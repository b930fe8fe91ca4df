"""The analyst notebooks (jupytext percent scripts) run end to end with small samples, as
scripts and as notebooks in a Jupyter kernel, where they show their figures inline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.py"))
SMALL = {"INNOSIM_NOTEBOOK_N": "16", "INNOSIM_NOTEBOOK_RUNS": "400"}


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


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_executed_notebook_holds_its_figures(notebook, tmp_path, monkeypatch):
    """Executed as Jupyter does (nbclient, an IPython kernel, its inline backend), each
    notebook's figures are in its outputs: importing the model leaves matplotlib alone."""
    import nbformat
    from nbclient import NotebookClient

    jupytext = pytest.importorskip("jupytext")
    for key, value in SMALL.items():
        monkeypatch.setenv(key, value)
    for key in ("MPLBACKEND", "INNOSIM_SCHEDULER"):
        monkeypatch.delenv(key, raising=False)
    notebook_json = jupytext.read(notebook)
    NotebookClient(notebook_json, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    nbformat.write(notebook_json, tmp_path / f"{notebook.stem}.ipynb")  # as a user saves it
    outputs = [output for cell in nbformat.read(tmp_path / f"{notebook.stem}.ipynb", 4).cells
               if cell.cell_type == "code" for output in cell.get("outputs", [])]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 1, f"{notebook.name}: no image/png output in the executed notebook"
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "wrote" in text
