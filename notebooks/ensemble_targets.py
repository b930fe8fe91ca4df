# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # How likely is each plan to reach its 2025/2027 targets?
#
# A Monte Carlo study over every shipped scenario whose target year is 2025 or 2027: each
# uncertain baseline value and parameter is drawn from its distribution (Latin hypercube),
# the model runs every draw, and each target gets the share of runs that reach it.
# Quantiles are streamed, so `RUNS` can be large; with `SCHEDULER` set the blocks run on a
# Dask cluster.
#
# Adapt the parameters in the next cell. Kept as a jupytext "percent" script.

# %% Parameters
import os
from pathlib import Path

ROOT = Path.cwd() if (Path.cwd() / "scenarios").exists() else Path.cwd().parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.toml"))
TARGET_YEARS = (2025, 2027)
RUNS = int(os.environ.get("INNOSIM_NOTEBOOK_RUNS", 20_000))
SEED = 1
METHOD = "lhs"            # "lhs", "sobol" or "random"
SCHEDULER = os.environ.get("INNOSIM_SCHEDULER")
OUT = ROOT / "out" / "notebooks"

# %%
# %matplotlib inline
try:  # in Jupyter figures are shown in the notebook; run as a script, only written
    from IPython.display import display
except ImportError:
    def display(*objects):
        pass

import pandas as pd  # noqa: E402

from model import load_scenario  # noqa: E402
from model.ensemble import ensemble  # noqa: E402
from model.errors import ScenarioError  # noqa: E402
from model.plots import fan_figure, write_png  # noqa: E402

client = None
if SCHEDULER:
    from dask.distributed import Client

    client = Client(SCHEDULER, timeout="5s")

scenarios = []
for path in SCENARIOS:
    try:
        scenario = load_scenario(path)
    except ScenarioError as error:  # e.g. a variant this version cannot read yet
        print("skipped:", error)
        continue
    if scenario.meta.target_year in TARGET_YEARS:
        scenarios.append(scenario)
print("scenarios:", [s.meta.name for s in scenarios])

# %% [markdown]
# ## Probability of reaching each target

# %%
rows, results = [], {}
for scenario in scenarios:
    result = ensemble(scenario, RUNS, seed=SEED, method=METHOD, client=client)
    results[scenario.meta.name] = result
    for record in result.records():
        rows.append({"scenario": scenario.meta.name, "region": scenario.meta.region_en,
                     "indicator": record["indicator"], "year": record["year"],
                     "kind": record["kind"], "target": record["target"],
                     "median": record["value"], "P(reach)": record["probability"]})
odds = pd.DataFrame(rows)
print(odds.to_string())

# %% [markdown]
# ## Which targets are a coin flip?
# Targets with a probability between 0.2 and 0.8 are where policy and better data matter
# most; run the sensitivity notebook on them.

# %%
coin_flips = odds[(odds["P(reach)"] > 0.2) & (odds["P(reach)"] < 0.8)]
print(coin_flips.to_string())

# %% Fan charts
for name, result in results.items():
    tracked = [t for t in result.scenario.targets if t.tracked]
    figure = fan_figure(result.quantiles, [t.indicator for t in tracked],
                        [(t.indicator, t.year, t.goal) for t in tracked if t.kind == "level"],
                        title=f"{result.scenario.meta.region_en}: {RUNS:,} runs")
    print("wrote", write_png(figure, OUT / f"{name}-fan.png"))
    display(figure)
if client is not None:
    client.close()
