"""What one slider move recomputes: a deterministic run, a seeded ensemble band, verdicts.

Plain functions (no Streamlit) so the benchmark and the tests call exactly what the page
calls; the page wraps them in ``st.cache_data``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.levers import changed_levers
from model.results import Results, quantile_name
from model.scenario import Scenario
from model.simulate import evaluate, sample
from model.targets import VERDICT_RUNS, VERDICT_SEED, Verdict, check

BAND_RUNS = VERDICT_RUNS
BAND_SEED = VERDICT_SEED  # fixed: the band moves only when a lever moves (common random numbers)
BAND_QUANTILES = (0.05, 0.5, 0.95)


@dataclass(frozen=True)
class View:
    """Everything the main view shows for one set of lever and parameter values."""

    central: Results                 # one deterministic run at the central values
    bands: dict[str, pd.DataFrame]   # indicator -> quantiles q05/q50/q95 by year
    verdicts: list[Verdict]          # judged on the ensemble: likelihood, median
    runs: int
    # the central run's verdicts, a reference shown beside the likelihood, never the verdict
    central_verdicts: list[Verdict] = field(default_factory=list)


def ensemble_inputs(scenario: Scenario, parameters: Mapping[str, float], runs: int,
                    seed: int) -> dict[str, np.ndarray | float]:
    """Seeded draws of the uncertain numbers, with the planner's edited parameters.

    An edited parameter is the planner's statement about it, so it is held at that value
    rather than drawn.
    """
    inputs: dict[str, np.ndarray | float] = dict(sample(scenario, runs, seed))
    inputs.update(parameters)
    return inputs


def compute_view(scenario: Scenario, levers: Mapping[str, float],
                 parameters: Mapping[str, float] | None = None, runs: int = BAND_RUNS,
                 seed: int = BAND_SEED) -> View:
    """The deterministic run, the ensemble's 5-95 % bands and the verdicts.

    Only the levers that differ from the scenario are passed as the planner's policy (they
    hold from the first plan year and replace that lever's scheduled events); unmoved levers
    keep the scenario's own schedule, so an untouched screen shows the plan as written.
    """
    parameters = dict(parameters or {})
    policy = changed_levers(scenario, levers)
    central = evaluate(scenario, parameters, levers=policy)
    ensemble = evaluate(scenario, ensemble_inputs(scenario, parameters, runs, seed),
                        levers=policy)
    quantiles = np.quantile(ensemble.values, BAND_QUANTILES, axis=2)  # (q, indicator, year)
    columns = [quantile_name(q) for q in BAND_QUANTILES]
    bands = {
        key: pd.DataFrame(quantiles[:, i, :].T, index=ensemble.years, columns=columns)
        for i, key in enumerate(ensemble.indicators)
    }
    return View(central, bands, check(scenario, ensemble), runs, check(scenario, central))


def verdict_rows(view: View) -> list[dict]:
    """One record per target (see :meth:`model.targets.Verdict.record`)."""
    return [v.record() for v in view.verdicts]
