"""What one slider move recomputes: a deterministic run, a seeded ensemble band, verdicts.

Plain functions (no Streamlit) so the benchmark and the tests call exactly what the page
calls; the page wraps them in ``st.cache_data``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.errors import ScenarioError
from model.levers import changed_levers
from model.results import Results, quantile_name
from model.scenario import Scenario
from model.simulate import central_inputs, evaluate, sample
from model.targets import VERDICT_RUNS, VERDICT_SEED, Verdict, check

BAND_RUNS = VERDICT_RUNS
BAND_SEED = VERDICT_SEED  # fixed: the band moves only when a lever moves (common random numbers)
BAND_QUANTILES = (0.05, 0.5, 0.95)


@dataclass(frozen=True)
class View:
    """Everything the main view shows for one set of lever and parameter values."""

    central: Results                 # one deterministic run at the central values
    bands: Mapping[str, pd.DataFrame]   # indicator -> quantiles q05/q50/q95 by year
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
    draws = ensemble_inputs(scenario, parameters, runs, seed)
    central, ensemble = _central_and_ensemble(scenario, parameters, draws, policy, runs)
    quantiles = np.quantile(ensemble.values, BAND_QUANTILES, axis=2)  # (q, indicator, year)
    bands = Bands(quantiles, ensemble.indicators, ensemble.years)
    return View(central, bands, check(scenario, ensemble), runs, check(scenario, central))


def _central_and_ensemble(scenario: Scenario, parameters: dict[str, float],
                          draws: Mapping[str, np.ndarray | float],
                          policy: Mapping[str, float], runs: int) -> tuple[Results, Results]:
    """The central run and the ensemble, computed as one batch: the central run is run 0
    before the draws. A step of the model costs about the same for 1 run as for 500
    (numpy's per-call overhead), so the batch takes half the time of two calls; the draws'
    numbers are identical, the central run's within 1e-15 (numpy's vector and scalar
    loops round alike but for the last bit)."""
    centre = {**central_inputs(scenario), **parameters}
    if all(key in centre for key in draws):
        batch = {key: np.concatenate(([centre[key]], np.broadcast_to(value, (runs,))))
                 for key, value in draws.items()}
        try:
            both = evaluate(scenario, batch, levers=policy)
        except ScenarioError:
            pass   # run apart below, so the refusal names the central run or the draws
        else:
            return both.runs(slice(0, 1)), both.runs(slice(1, None))
    return (evaluate(scenario, parameters, levers=policy),
            evaluate(scenario, draws, levers=policy))


class Bands(Mapping[str, pd.DataFrame]):
    """indicator -> its quantiles (q05, q50, q95) by year, each table made when first read:
    a view holds about 70 indicators and a slider move reads two of them."""

    def __init__(self, quantiles: np.ndarray, indicators: tuple[str, ...],
                 years: np.ndarray) -> None:
        self._quantiles, self._years = quantiles, years
        self._rows = {key: i for i, key in enumerate(indicators)}
        self._made: dict[str, pd.DataFrame] = {}

    def __getitem__(self, indicator: str) -> pd.DataFrame:
        made = self._made.get(indicator)
        if made is None:
            made = pd.DataFrame(self._quantiles[:, self._rows[indicator], :].T,
                                index=self._years,
                                columns=[quantile_name(q) for q in BAND_QUANTILES])
            self._made[indicator] = made
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def verdict_rows(view: View) -> list[dict]:
    """One record per target (see :meth:`model.targets.Verdict.record`)."""
    return [v.record() for v in view.verdicts]
