"""Backtests: how well does a run reproduce the scenario's ``[[history]]``?

For every indicator with history points after the start year (the *scored* points; points at
or before the start year cannot be compared, the start year being the calibrated baseline):

* MAPE of the central run (the deterministic run at central values);
* Theil's inequality coefficient U and the shares of the mean squared error due to bias (UM),
  unequal variation (US) and imperfect covariation (UC), UM + US + UC = 1 (Sterman 1984,
  "Appropriate summary statistics for evaluating the historical fit of system dynamics
  models", Dynamica 10(2));
* the same for two naive forecasts, both made from history alone:
  *growth*, the average growth rate of the five years before the start continued from the
  start value, taken from the history points in those years (the earliest of start-5 ..
  start-1 that exists; with fewer than five years, what exists, and the report says so;
  none: no growth forecast), and *flat*, the start value held. The start value is the
  history point of the start year where there is one, else the run's start value;
* the share of scored points inside the ensemble's 5-95 % band.

History points before the start year feed only the naive forecasts. ``backcast=True`` instead
starts the run in the earliest history year (the backcast variant of :mod:`model.calibrate`:
baseline values replaced where that year has history, the others kept from the original
start year: an approximation), so that a scenario whose history ends at its start (Kecheng,
2020-2022 with start 2022) has points to score.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from . import arguments
from .catalogue import INDICATORS
from .errors import ScenarioError
from .results import Results
from .scenario import HistoryPoint, Scenario
from .simulate import simulate

BAND = (0.05, 0.95)
GROWTH_YEARS = 5


# --- metrics (pure functions) -------------------------------------------------------------------

def mape(observed: Sequence[float], simulated: Sequence[float]) -> float:
    """Mean absolute percentage error, per cent of the observed values."""
    obs, sim = np.asarray(observed, dtype=float), np.asarray(simulated, dtype=float)
    if obs.size == 0:
        return float("nan")
    return float(np.mean(np.abs((sim - obs) / obs)) * 100.0)


def theil(observed: Sequence[float] | np.ndarray, simulated: Sequence[float] | np.ndarray
          ) -> tuple[float, float, float, float]:
    """Theil's inequality coefficient U and the bias, variance and covariance shares of the MSE.

    U = sqrt(MSE) / (sqrt(mean S^2) + sqrt(mean A^2)), 0 for a perfect fit, 1 at worst.
    MSE = (mean S - mean A)^2 + (s_S - s_A)^2 + 2 (1 - r) s_S s_A with population standard
    deviations s and correlation r (Sterman 1984); the shares divide each term by the MSE and
    sum to 1. A perfect fit has no error to share out: (0, 0, 0, 0).
    """
    obs, sim = np.asarray(observed, dtype=float), np.asarray(simulated, dtype=float)
    if obs.size == 0:
        return (math.nan,) * 4
    mse = float(np.mean((sim - obs) ** 2))
    denominator = np.sqrt(np.mean(sim ** 2)) + np.sqrt(np.mean(obs ** 2))
    u = float(np.sqrt(mse) / denominator) if denominator > 0 else math.nan
    if mse == 0:
        return u, 0.0, 0.0, 0.0
    s_sim, s_obs = float(np.std(sim)), float(np.std(obs))
    r = float(np.corrcoef(sim, obs)[0, 1]) if s_sim > 0 and s_obs > 0 else 1.0
    um = (float(np.mean(sim)) - float(np.mean(obs))) ** 2 / mse
    us = (s_sim - s_obs) ** 2 / mse
    uc = 2.0 * (1.0 - r) * s_sim * s_obs / mse
    return u, um, us, uc


def growth_rate(points: dict[int, float], start: int, start_value: float,
                years: int = GROWTH_YEARS) -> tuple[float, int] | None:
    """The average yearly growth from the earliest point in ``start-years .. start-1`` to the
    start value, and that point's year; None when there is none (or a value <= 0)."""
    earlier = sorted(y for y in points if start - years <= y < start)
    if not earlier or points[earlier[0]] <= 0 or start_value <= 0:
        return None
    first = earlier[0]
    return (start_value / points[first]) ** (1.0 / (start - first)) - 1.0, first


def naive_growth(start: int, start_value: float, rate: float, years: Sequence[int]
                 ) -> np.ndarray:
    """``start_value`` grown at ``rate`` a year to each of ``years``."""
    return start_value * (1.0 + rate) ** (np.asarray(years, dtype=float) - start)


def coverage(observed: Sequence[float], low: Sequence[float], high: Sequence[float]) -> int:
    """How many observed values lie inside [low, high]."""
    obs = np.asarray(observed, dtype=float)
    return int(np.sum((np.asarray(low) <= obs) & (obs <= np.asarray(high))))


# --- the backtest ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Score:
    """The fit of one forecast to the scored points."""

    mape: float
    u: float
    um: float
    us: float
    uc: float

    @classmethod
    def of(cls, observed: Sequence[float], simulated: Sequence[float]) -> Score:
        return cls(mape(observed, simulated), *theil(observed, simulated))


@dataclass(frozen=True)
class IndicatorBacktest:
    indicator: str
    unit: str
    years: list[int]                   # scored years (after the run's start)
    observed: list[float]
    central: list[float]               # the central run in those years
    low: list[float]                   # ensemble 5 % quantile
    high: list[float]                  # ensemble 95 % quantile
    start_value: float
    naive_flat: list[float]
    naive_growth: list[float] | None
    growth: float | None               # the naive growth rate (fraction a year)
    growth_from: int | None            # the year the naive growth rate is measured from
    model: Score
    flat: Score
    naive: Score | None                # the naive growth forecast's score
    inside: int                        # scored points inside the 5-95 % band
    notes: list[str] = field(default_factory=list)
    before: dict[int, float] = field(default_factory=dict)   # history up to the start

    @property
    def n(self) -> int:
        return len(self.years)


@dataclass(frozen=True)
class Backtest:
    scenario: str
    start: int
    end: int
    runs: int
    seed: int | None
    backcast: bool
    indicators: list[IndicatorBacktest]
    unscored: list[tuple[str, str]]    # (indicator, why it has no scored point)
    results: Results = field(repr=False)       # the central run
    ensemble: Results = field(repr=False)

    @property
    def n(self) -> int:
        return sum(i.n for i in self.indicators)

    def total(self) -> dict[str, float | int]:
        """Pooled over every scored point: MAPE of each forecast (naive growth over the
        points that have one), band coverage; counts of indicators the model beats."""
        scored = [i for i in self.indicators if i.n]

        def pooled(pairs: Sequence[tuple[list[float], list[float] | None]]) -> float:
            obs = [o for observed, _ in pairs for o in observed]
            sim = [s for _, simulated in pairs for s in simulated or ()]
            return mape(obs, sim)

        with_growth = [i for i in scored if i.naive is not None]
        return {
            "n": self.n,
            "mape_model": pooled([(i.observed, i.central) for i in scored]),
            "mape_naive_growth": pooled([(i.observed, i.naive_growth) for i in with_growth]),
            "n_naive_growth": sum(i.n for i in with_growth),
            "mape_model_where_naive_growth": pooled([(i.observed, i.central)
                                                     for i in with_growth]),
            "mape_naive_flat": pooled([(i.observed, i.naive_flat) for i in scored]),
            "inside_band": sum(i.inside for i in scored),
            "coverage": sum(i.inside for i in scored) / self.n if self.n else math.nan,
            "indicators": len(scored),
            "beats_naive_growth": sum(i.model.mape < i.naive.mape for i in with_growth
                                      if i.naive is not None),
            "with_naive_growth": len(with_growth),
            "beats_naive_flat": sum(i.model.mape < i.flat.mape for i in scored),
        }

    def record(self) -> dict:
        """A JSON-ready dict (NaN as None)."""
        return _finite({
            "scenario": self.scenario, "start": self.start, "end": self.end,
            "runs": self.runs, "seed": self.seed, "backcast": self.backcast,
            "band": list(BAND),
            "indicators": [{**{k: v for k, v in asdict(i).items() if k != "before"},
                            "n": i.n, "coverage": i.inside / i.n if i.n else None,
                            "history_before_start": {str(y): v for y, v in i.before.items()}}
                           for i in self.indicators],
            "unscored": [{"indicator": k, "reason": why} for k, why in self.unscored],
            "total": self.total(),
        })


def backtest(scenario: Scenario, runs: int = 500, seed: int | None = 0,
             backcast: bool = False) -> Backtest:
    """Score the central run, the ensemble band and two naive forecasts against history."""
    scenario = arguments.scenario(scenario)
    backcast = arguments.flag("backcast", backcast)
    if not scenario.history:
        raise ScenarioError(scenario.path, "history", "the scenario has no [[history]] to "
                            "backtest against", "[[history]] points after the start year")
    run_scenario = scenario
    if backcast:
        from .calibrate import calibration_variant

        run_scenario, _replaced = calibration_variant(scenario)
    start, end = run_scenario.meta.start, run_scenario.meta.end
    central = simulate(run_scenario)
    drawn = simulate(run_scenario, runs=runs, seed=seed)
    by_indicator: dict[str, list[HistoryPoint]] = {}
    for point in scenario.history:
        by_indicator.setdefault(point.indicator, []).append(point)
    fits, unscored = [], []
    for key, points in by_indicator.items():
        if key not in central.indicators:
            unscored.append((key, "not an indicator of the run"))
            continue
        values = {p.year: p.value for p in points}
        scored = sorted(y for y in values if start < y <= end)
        before = {y: values[y] for y in sorted(values) if y <= start}
        if not scored:
            unscored.append((key, f"no history after the start {start}: "
                                  f"{', '.join(map(str, sorted(values)))} only "
                                  "(used for the naive forecasts)"))
            continue
        fits.append(_indicator(key, values, scored, before, start, central, drawn))
    return Backtest(scenario.path, start, end, runs, seed, backcast, fits, unscored, central,
                    drawn)


def _indicator(key: str, values: dict[int, float], scored: list[int], before: dict[int, float],
               start: int, central: Results, drawn: Results) -> IndicatorBacktest:
    notes = []
    if start in values:
        start_value = values[start]
    else:
        start_value = float(central.sel(key, start)[0])
        notes.append(f"no history in {start}: the naive forecasts start from the run's value")
    observed = [values[y] for y in scored]
    sim = [float(central.sel(key, y)[0]) for y in scored]
    band = drawn.quantiles(key, BAND)
    low = [float(band.loc[y].iloc[0]) for y in scored]
    high = [float(band.loc[y].iloc[1]) for y in scored]
    flat = [start_value] * len(scored)
    found = growth_rate(values, start, start_value)
    if found is None:
        rate, first, growth_forecast, naive = None, None, None, None
        notes.append(f"no history in {start - GROWTH_YEARS}-{start - 1}: no naive growth "
                     "forecast")
    else:
        rate, first = found
        growth_forecast = [float(v) for v in naive_growth(start, start_value, rate, scored)]
        naive = Score.of(observed, growth_forecast)
        if start - first < GROWTH_YEARS:
            notes.append(f"naive growth from {start - first} year(s) ({first}-{start}), "
                         f"not {GROWTH_YEARS}")
    spec = INDICATORS.get(key)
    return IndicatorBacktest(
        key, spec.unit if spec else "", scored, observed, sim, low, high, start_value, flat,
        growth_forecast, rate, first, Score.of(observed, sim), Score.of(observed, flat), naive,
        coverage(observed, low, high), notes, before)


def _finite(node):
    if isinstance(node, float) and not math.isfinite(node):
        return None
    if isinstance(node, dict):
        return {k: _finite(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [_finite(v) for v in node]
    return node
