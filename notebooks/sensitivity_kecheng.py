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
# # Which uncertain inputs decide Kecheng's 2027 targets?
#
# A global sensitivity analysis of the Kecheng "315" plan (柯城区 2023–2027) with SALib.
# For every target the output is its **margin** in 2027: simulated minus target, signed so
# that a positive margin means the target is reached. Sobol indices say how much of the
# margin's variance each input explains alone (S1) and with its interactions (ST); Morris
# screening (μ*, σ) is a cheaper check of the ranking.
#
# Adapt the parameters in the next cell: another scenario, more or fewer inputs, a larger
# sample, a Dask scheduler. Kept as a jupytext "percent" script: open it in Jupyter with
# jupytext installed, or run it as a script (`python notebooks/sensitivity_kecheng.py`).

# %% Parameters
import os
from pathlib import Path

ROOT = Path.cwd() if (Path.cwd() / "scenarios").exists() else Path.cwd().parent
SCENARIO = ROOT / "scenarios" / "kecheng-2027.toml"
N_SOBOL = int(os.environ.get("INNOSIM_NOTEBOOK_N", 1024))   # power of 2; runs = N (D + 2)
N_MORRIS = max(4, N_SOBOL // 16)                            # trajectories; runs = N (D + 1)
PARAMS = None            # None: every uncertain input; or a list such as ["recertification_rate"]
SEED = 1
SCHEDULER = os.environ.get("INNOSIM_SCHEDULER")  # e.g. "tcp://host:8786"; None: in-process
OUT = ROOT / "out" / "notebooks"

# %%
# %matplotlib inline
try:  # in Jupyter figures are shown in the notebook; run as a script, only written
    from IPython.display import display
except ImportError:
    def display(*objects):
        pass

import matplotlib.pyplot as plt  # noqa: E402

from model import load_scenario  # noqa: E402
from model.plots import tornado_figure, write_png  # noqa: E402
from model.sensitivity import sensitivity  # noqa: E402

scenario = load_scenario(SCENARIO)
client = None
if SCHEDULER:
    from dask.distributed import Client

    client = Client(SCHEDULER, timeout="5s")

# %% [markdown]
# ## Sobol indices
# Inputs ranked by ST per target. Warnings mean the sample is too small for stable
# indices: raise `N_SOBOL`.

# %%
sobol = sensitivity(scenario, "sobol", N_SOBOL, seed=SEED, params=PARAMS, client=client)
print(f"{sobol.runs:,} runs, {len(sobol.inputs)} inputs")
for warning in sobol.warnings:
    print("warning:", warning)
top = sobol.table.groupby("target", sort=False).head(3)
print(top.to_string())

# %% [markdown]
# ## What decides the most inputs' worth of targets?
# Summing ST over targets gives a rough "how often does this input matter" ranking.

# %%
overall = sobol.table.groupby("input")["ST"].sum().sort_values(ascending=False).head(10)
print(overall.to_string())

# %%
figure = tornado_figure(sobol.table, "ST", title="Kecheng 2027: Sobol ST", error="ST_conf",
                        top=8)
print("wrote", write_png(figure, OUT / "kecheng-sobol-tornado.png"))
display(figure)

# %% [markdown]
# ## Morris screening as a cross-check
# The top inputs by μ* should broadly agree with the top inputs by ST.

# %%
morris = sensitivity(scenario, "morris", N_MORRIS, seed=SEED, params=PARAMS, client=client)
agreement = {}
for target, group in sobol.table.groupby("target", sort=False):
    by_st = list(group.head(3).input)
    by_mu = list(morris.table[morris.table.target == target].head(3).input)
    agreement[target] = len(set(by_st) & set(by_mu))
print("top-3 inputs shared by Sobol and Morris, per target:", agreement)

# %%
fig, ax = plt.subplots(figsize=(6, 3))
first = sobol.table.target.iloc[0]
data = morris.table[morris.table.target == first].head(10)
ax.scatter(data.mu_star, data.sigma)
for row in data.itertuples():
    ax.annotate(row.input, (row.mu_star, row.sigma), fontsize=6)
ax.set_xlabel("mu*")
ax.set_ylabel("sigma")
ax.set_title(f"Morris: {first}")
fig.tight_layout()
if client is not None:
    client.close()
