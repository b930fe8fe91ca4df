"""Calibration: fit chosen parameters, within their ranges, to a scenario's ``[history]``.

History that lies at or before the scenario's start year cannot be compared with a run
that starts there. When a scenario has no history after its start, we calibrate on a
*backcast variant*: the same scenario started
in the earliest history year, with each baseline value for which that year has a
history value replaced by it (e.g. Kecheng's R&D intensity 1.85 % in 2020). The other
baseline values stay those of the original start year: an approximation, stated in the
report, that is acceptable for fitting rate parameters over two or three years but is
not a reconstruction of the earlier year. Points after the variant's start are fitted:
``scipy.optimize.least_squares`` minimises the relative errors ``(simulated - observed) /
observed`` over the chosen parameters, bounded by their ranges.

The fit is reported per indicator by MAPE and Theil's inequality statistics (Sterman
1984): U and the shares of the mean squared error due to bias (UM), unequal variation
(US) and imperfect covariation (UC), UM + US + UC = 1 (:func:`model.backtest.theil`).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import tomlkit
from scipy.optimize import least_squares

from . import arguments, variants
from .backtest import theil
from .catalogue import BASELINES, INPUTS, LEVERS
from .errors import InputError
from .scenario import HistoryPoint, Scenario
from .simulate import evaluate


class CalibrationError(InputError):
    """The calibration cannot be set up: ``field`` and ``expected`` as in ScenarioError."""


@dataclass
class IndicatorFit:
    indicator: str
    years: list[int]
    observed: list[float]
    simulated: list[float]
    mape: float            # %
    theil_u: float
    um: float              # bias share of MSE
    us: float              # variance share
    uc: float              # covariance share


@dataclass
class Calibration:
    params: dict[str, float]               # fitted values (display units)
    start_values: dict[str, float]         # values before fitting
    ranges: dict[str, tuple[float, float]]
    fits: list[IndicatorFit]
    start_year: int                        # start of the calibration run
    replaced_baselines: dict[str, float]   # baseline values taken from history
    cost: float
    success: bool
    message: str
    history: list[HistoryPoint] = field(default_factory=list)

    @property
    def at_bounds(self) -> list[str]:
        """Parameters fitted to an end of their range: the history asks for more."""
        return [k for k, v in self.params.items()
                if np.isclose(v, self.ranges[k][0], rtol=1e-6, atol=1e-9)
                or np.isclose(v, self.ranges[k][1], rtol=1e-6, atol=1e-9)]


def calibration_variant(scenario: Scenario) -> tuple[Scenario, dict[str, float]]:
    """The scenario to fit on: the backcast variant if history starts at or before start."""
    history = scenario.history
    first = min(p.year for p in history)
    # History after the start is fitted as it is; earlier points then only feed the naive
    # forecasts of a backtest. A backcast is for scenarios with no later history.
    if first > scenario.meta.start or any(p.year > scenario.meta.start for p in history):
        return scenario, {}
    variant = scenario.model_copy(deep=True)
    variant.scenario.start = first
    replaced = {}
    for point in history:
        if point.year == first and point.indicator in BASELINES:
            entry = variant.baseline[point.indicator]
            variant.baseline[point.indicator] = entry.model_copy(update={"value": point.value})
            replaced[point.indicator] = point.value
    # Targets and events before the variant's end are kept; the run simply starts earlier.
    return variant, replaced


def calibrate(scenario: Scenario, params: Sequence[str]) -> Calibration:
    """Fit ``params`` to ``scenario.history`` (see the module doc)."""
    scenario = arguments.scenario(scenario)
    params = arguments.names("--params", params, "names of parameters")
    if not scenario.history:
        raise CalibrationError("history", "the scenario has no [[history]] to fit",
                               "[[history]] entries with indicator, year, value, source")
    if not params:
        raise CalibrationError("--params", "no parameters to fit", "names of parameters")
    ranges: dict[str, tuple[float, float]] = {}
    start_values: dict[str, float] = {}
    for key in params:
        if key not in INPUTS or key in LEVERS:
            raise CalibrationError("--params", f"{arguments.shown(key)} is not a model parameter",
                                   "parameters (levers are the plan's choices, not fitted)")
        value, bounds, _ = scenario.input_entry(key)
        if bounds is None or not bounds[0] < bounds[1]:
            raise CalibrationError("--params", f"{arguments.shown(key)} has no range to fit within",
                                   "a parameter with range = [low, high]")
        ranges[key] = (float(bounds[0]), float(bounds[1]))
        start_values[key] = float(value)
    variant, replaced = calibration_variant(scenario)
    start = variant.meta.start
    points = [p for p in scenario.history if start < p.year <= variant.meta.end]
    if not points:
        raise CalibrationError("history", f"no history after {start} to compare with",
                               f"values for years after {start}")
    if len(points) < len(params):
        raise CalibrationError("--params", f"{len(params)} parameters but only {len(points)} "
                               "history points after the start", "at most as many parameters "
                               "as points")
    observed = np.array([p.value for p in points])

    def simulated(x: np.ndarray) -> np.ndarray:
        results = evaluate(variant, dict(zip(params, x, strict=True)))
        return np.array([float(results.sel(p.indicator, p.year)[0]) for p in points])

    def residuals(x: np.ndarray) -> np.ndarray:
        return (simulated(x) - observed) / np.abs(observed)

    low = np.array([ranges[k][0] for k in params])
    high = np.array([ranges[k][1] for k in params])
    x0 = np.clip([start_values[k] for k in params], low, high)
    # Relative finite-difference step: the model is smooth, its Euler steps deterministic.
    fit = least_squares(residuals, x0, bounds=(low, high), diff_step=1e-4, x_scale="jac")
    best = simulated(fit.x)
    fits = []
    for indicator in dict.fromkeys(p.indicator for p in points):
        chosen = [i for i, p in enumerate(points) if p.indicator == indicator]
        obs, sim = observed[chosen], best[chosen]
        u, um, us, uc = theil(obs, sim)
        fits.append(IndicatorFit(indicator, [points[i].year for i in chosen], list(obs),
                                 [float(s) for s in sim],
                                 float(np.mean(np.abs((sim - obs) / obs)) * 100), u, um, us, uc))
    return Calibration(dict(zip(params, (float(v) for v in fit.x), strict=True)), start_values,
                       ranges, fits, start, replaced, float(fit.cost), bool(fit.success),
                       str(fit.message), list(scenario.history))


def variant_document(scenario: Scenario, calibration: Calibration, extends: str,
                     name: str | None = None) -> tomlkit.TOMLDocument:
    """A scenario file that ``extends`` the original and sets the calibrated parameters,
    each with a source saying what it was fitted to and how well
    (built by :func:`model.variants.variant_document`)."""
    today = datetime.date.today().isoformat()
    fitted_to = "; ".join(
        f"{f.indicator} {', '.join(map(str, f.years))}" for f in calibration.fits)
    sources = "; ".join(dict.fromkeys(p.source for p in calibration.history))
    quality = ", ".join(f"{f.indicator} MAPE {f.mape:.1f} %, Theil U {f.theil_u:.3f}"
                        for f in calibration.fits)
    start_note = (f" from a {calibration.start_year} start with "
                  + ", ".join(f"{k} = {v:g}" for k, v in calibration.replaced_baselines.items())
                  if calibration.replaced_baselines else "")
    parameters = {key: {
        "value": float(round(value, 6)),
        "source": (f"calibrated {today}: least-squares fit to {fitted_to}{start_note} "
                   f"({quality}); history source: {sources}"),
        "range": list(calibration.ranges[key]),
        "note": (f"was {calibration.start_values[key]:g} before calibration; "
                 f"fitted together with {', '.join(calibration.params)}"),
    } for key, value in calibration.params.items()}
    return variants.variant_document(
        extends, name or f"{scenario.meta.name}-calibrated",
        comments=[f"Calibrated variant of {extends}, written by `innosim calibrate` on {today}.",
                  "Parameters fitted by least squares (scipy) to the history below; ranges "
                  "kept from the original."],
        sections={"parameters": parameters})
