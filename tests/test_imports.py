"""Importing the model has no side effects: reading scenarios does not load the engine, and
the plotting module leaves matplotlib's backend (a notebook's inline one) alone."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_reading_a_scenario_imports_neither_the_engine_nor_the_sectors():
    loaded = run("""
        import sys
        import model.scenario
        model.scenario.load_scenario("scenarios/kecheng-2027.toml")
        print(" ".join(sorted(sys.modules)))
    """).split()
    heavy = [m for m in loaded if m.split(".")[0] in ("simpy", "matplotlib", "scipy")
             or m in ("model.engine", "model.system", "model.simulate", "model.targets")
             or m.startswith("model.sectors")]
    assert heavy == []


def test_the_package_names_load_on_first_use():
    out = run("""
        import sys
        import model
        print("model.simulate" in sys.modules)
        import model.ensemble  # loads the submodule model.simulate first
        from model import Results, Scenario, ScenarioError, Verdict, check, evaluate
        from model import load_scenario, parse_scenario, sample, simulate
        # model.simulate is the function, as it always was, not the submodule
        print(simulate is model.simulate is sys.modules["model.simulate"].simulate,
              "simulate" in dir(model))
        try:
            model.nothing
        except AttributeError as error:
            print(error)
    """).splitlines()
    assert out == ["False", "True True", "module 'model' has no attribute 'nothing'"]


def test_plots_leave_the_backend_alone_and_write_pngs(tmp_path):
    out = run(f"""
        import sys
        import matplotlib
        matplotlib.use("svg")
        import pandas as pd
        import model.plots as plots
        print(matplotlib.get_backend(), "matplotlib.pyplot" in sys.modules)
        table = pd.DataFrame({{"target": ["t", "t"], "input": ["a", "b"], "ST": [0.6, 0.2]}})
        path = plots.tornado_chart(table, "ST", {str(tmp_path / "t.png")!r})
        print(path.read_bytes()[:8] == b"\\x89PNG\\r\\n\\x1a\\n", matplotlib.get_backend())
        shown = plots.tornado_figure(table, "ST")._repr_png_()  # what Jupyter displays
        print(shown[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "matplotlib.pyplot" in sys.modules)
    """).splitlines()
    assert out == ["svg False", "True svg", "True False"]
