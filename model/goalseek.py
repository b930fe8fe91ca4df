"""What would it take? The smallest (or largest) lever value that reaches one target.

A target's *margin* (:func:`model.targets.margin`) is how far the deterministic run clears
it: positive when the target is reached, negative when missed. Over a lever's range the
margin responds monotonically for the plan's levers, so the lever value where it crosses
zero is found with :func:`scipy.optimize.brentq`. When the margins at both ends of the
range have the same sign the target is either reached across the whole range or not
reachable within it; no root is searched then.

*With confidence*: given ``probability`` (e.g. 0.8), the answer is the lever value at which
at least that share of a seeded ensemble's runs reach the target -- the share the verdict
table reports as the probability. The draws are made once and reused for every lever value
(common random numbers), so the k-th smallest margin of the runs (k chosen so that the
runs above it are the wanted share) is a continuous, monotone function of the lever, and
:func:`scipy.optimize.brentq` finds where it crosses zero; the value returned is checked to
reach the target in at least that share of the runs.

Allocation shares are moved with :func:`model.levers.set_lever`, so the other shares are
rescaled and the five still sum to 100 %.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from . import arguments
from .catalogue import LEVERS
from .errors import InputError, UnknownName
from .levers import changed_levers, lever_range, plan_levers, set_lever
from .results import Results
from .scenario import Scenario, Target
from .simulate import check_domain, evaluate, sample
from .targets import VERDICT_RUNS, VERDICT_SEED, holds, margin, measured

# Runs the model with a planner's lever changes (a restart's runner, for instance).
Runner = Callable[[Mapping[str, float]], Results]

REACHABLE, ALWAYS_REACHED, NOT_REACHABLE = "reachable", "always reached", "not reachable"


@dataclass(frozen=True)
class GoalSeek:
    """The answer for one target and one lever (lever values in the lever's display unit)."""

    target: Target
    lever: str
    status: str                      # reachable / always reached / not reachable
    value: float | None              # the lever value at which the target is just reached
    low: float                       # the lever's range searched
    high: float
    margin_low: float                # the target's margin at each end of the range
    margin_high: float
    increasing: bool                 # the target needs a larger lever value (else smaller)
    probability: float | None = None  # the share of runs asked to reach it (None: median)
    runs: int | None = None          # the ensemble judged (None: the central run)
    seed: int | None = None

    @property
    def reachable(self) -> bool:
        return self.status != NOT_REACHABLE


def target_margins(scenario: Scenario, target: Target, levers: Mapping[str, float],
                   draws: Mapping[str, np.ndarray | float] | None = None,
                   moved: str | None = None, run: Runner | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The target's margin in every run, and whether each run reaches it, with these lever
    values (one for the deterministic run; one per draw when ``draws``, inputs from
    :func:`model.simulate.sample` and parameters, are given). Levers that differ from the
    scenario, and ``moved``, are the planner's policy from the first plan year; the others
    keep the scenario's schedule. ``run``, when given, makes the run from the policy instead
    (a restart's, whose changes act from the year after the restart year)."""
    policy = changed_levers(scenario, levers)
    if moved is not None:
        policy[moved] = levers[moved]
    results = (run(policy) if run is not None else
               evaluate(scenario, dict(draws or {}), outputs=(target.indicator,),
                        levers=policy))
    value = measured(target, results, target.year)
    return np.atleast_1d(margin(target, value)), np.atleast_1d(holds(target, value))


def target_margin(scenario: Scenario, target: Target, levers: Mapping[str, float],
                  draws: Mapping[str, np.ndarray | float] | None = None,
                  moved: str | None = None, run: Runner | None = None) -> float:
    """The target's margin with these lever values: of the deterministic run, or the median
    over an ensemble when ``draws`` are given (see :func:`target_margins`)."""
    return float(np.median(target_margins(scenario, target, levers, draws, moved, run)[0]))


def confident_margin(margins: np.ndarray, probability: float) -> float:
    """The margin that at least ``probability`` of the runs reach or exceed: the k-th
    largest, k = ceil(probability * runs). It is >= 0 exactly when that share of the runs
    have a margin >= 0."""
    ordered = np.sort(margins)
    needed = max(math.ceil(probability * len(ordered) - 1e-9), 1)
    return float(ordered[len(ordered) - needed])


def what_it_takes(
    scenario: Scenario,
    target: Target,
    lever: str,
    levers: Mapping[str, float] | None = None,
    bounds: tuple[float, float] | None = None,
    tolerance: float = 1e-4,
    runs: int | None = None,
    seed: int | None = None,
    parameters: Mapping[str, float] | None = None,
    run: Runner | None = None,
    probability: float | None = None,
) -> GoalSeek:
    """The lever value at which ``target`` is just reached, the other levers as in ``levers``.

    ``bounds`` defaults to the lever's range (:func:`model.levers.lever_range`);
    ``tolerance`` is the root's absolute precision in the lever's display unit.
    ``runs=None`` judges the deterministic run; ``runs=N`` judges the median of N draws of
    the uncertain numbers, drawn once with ``seed`` and reused for every lever value (common
    random numbers keep the margin a smooth function of the lever), as the verdict table
    judges an ensemble. ``parameters`` are edited parameter values, held fixed.
    ``run(policy)`` replaces the scenario's run (``runs`` and ``parameters`` then unused):
    :func:`model.review.restart` passes one that continues from the restart year.
    ``probability`` (0 < p < 1, e.g. 0.8): the value at which at least that share of the
    runs reach the target (``runs`` defaults to :data:`model.targets.VERDICT_RUNS` and
    ``seed`` to :data:`model.targets.VERDICT_SEED`, the verdict table's ensemble).
    """
    scenario, target = arguments.scenario(scenario), arguments.target(target)
    if not isinstance(lever, str) or lever not in LEVERS:
        raise UnknownName("lever", f"unknown lever {lever!r}", "a lever of the catalogue")
    tolerance = arguments.positive("tolerance", tolerance)
    if probability is not None:
        probability = _checked_probability(probability)
        runs = VERDICT_RUNS if runs is None else runs
        seed = VERDICT_SEED if seed is None else seed
    if runs is not None:
        runs = arguments.runs(runs)
    seed = arguments.seed(seed)
    first, last = scenario.meta.start, scenario.meta.end
    years = [target.year] + ([target.from_year] if target.from_year is not None else [])
    if not all(first <= year <= last for year in years):
        # e.g. a target of another scenario: the run has no value to judge it on
        raise InputError("target", f"{target.indicator!r} in {target.year} lies outside the "
                         f"run {first}-{last}", f"a target within {first}-{last}")
    if not target.tracked:
        raise InputError("target", f"{target.indicator!r} is not modelled "
                         f"({arguments.shown(target.reason or '')})", "a target the model judges")
    # Levers not given keep the plan's values.
    current = {**plan_levers(scenario), **arguments.mapping("levers", levers,
                                                            "a dict of lever -> value")}
    low, high = (_checked_bounds(lever, bounds) if bounds is not None
                 else lever_range(scenario, lever))

    draws: dict[str, np.ndarray | float] = (
        dict(sample(scenario, runs, seed)) if runs is not None and run is None else {})
    draws.update(arguments.mapping("parameters", parameters, "a dict of parameter -> value"))

    def margins(value: float) -> tuple[np.ndarray, np.ndarray]:
        return target_margins(scenario, target, set_lever(current, lever, value), draws, lever,
                              run)

    def at(value: float) -> float:
        found = margins(value)[0]
        return (float(np.median(found)) if probability is None
                else confident_margin(found, probability))

    def reaches(value: float) -> bool:
        if probability is None:
            return at(value) >= 0
        return float(np.mean(margins(value)[1])) >= probability - 1e-12

    def answer(status: str, value: float | None) -> GoalSeek:
        return GoalSeek(target, lever, status, value, low, high, margin_low, margin_high,
                        increasing, probability, runs, seed if runs else None)

    margin_low, margin_high = at(low), at(high)
    increasing = margin_high >= margin_low
    if margin_low >= 0 and margin_high >= 0:
        # Reached everywhere: the smallest value that reaches it is the range's end.
        return answer(ALWAYS_REACHED, low if increasing else high)
    if margin_low < 0 and margin_high < 0:
        return answer(NOT_REACHABLE, None)
    root = brentq(at, low, high, xtol=tolerance)
    # brentq brackets the crossing; step to the side where the target holds, so the value
    # returned reaches it (a strict ">" is not met exactly at the root).
    step = tolerance if increasing else -tolerance
    value = float(root)
    for _ in range(4):
        if reaches(value) or not low <= value + step <= high:
            break
        value += step
    return answer(REACHABLE, value)


def _checked_probability(probability: object) -> float:
    try:
        value = float(probability)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError("probability", f"{str(probability)[:40]} is not a number",
                         "a share between 0 and 1, e.g. 0.8") from None
    if not 0 < value < 1:
        raise InputError("probability", f"{value:g} is not between 0 and 1",
                         "a share between 0 and 1, e.g. 0.8")
    return value


def _checked_bounds(lever: str, bounds: object) -> tuple[float, float]:
    """``(low, high)``: two finite numbers, low < high, within the lever's domain."""
    try:
        low, high = (float(b) for b in bounds)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise InputError("bounds", f"{str(bounds)[:40]} is not two numbers",
                         "(low, high)") from None
    spec = LEVERS[lever]
    if not (math.isfinite(low) and math.isfinite(high)) or not low < high:
        raise InputError("bounds", f"({low:g}, {high:g}) is not a range",
                         "two finite numbers, low < high")
    for value in (low, high):
        check_domain("bounds", value, spec)
    return low, high
