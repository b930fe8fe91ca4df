"""Verdicts: is each of a plan's targets reached, by how much, how likely, and when first?

Target kinds (the plans use all of them):
  level       the indicator's value in ``year`` compared with ``op value``
  cumulative  the indicator (a per-year flow) summed over ``from_year..year``
  growth      average annual growth of the indicator from ``from_year`` to ``year``, in %
  flow        the indicator meets ``op value`` in every year ``from_year..year``
              (its reported value is the worst year)
  rises       the indicator is higher every year than the year before, ``from_year..year``
              (its reported value is the smallest year-on-year change)
``about`` holds when ``|value - target| <= tolerance``; the tolerance defaults to 5 % of the
target (assumption: plans say 左右 without a band).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .results import Results
from .scenario import Scenario, Target

DEFAULT_ABOUT_TOLERANCE = 0.05
EQUALITY_TOLERANCE = 1e-9  # relative; floating-point rounding, not a policy margin

REACHED, MISSED, NOT_MODELLED = "reached", "missed", "not modelled"


@dataclass(frozen=True)
class Verdict:
    target: Target
    value: float | None          # median over runs of the quantity compared
    gap: float | None            # value - target (for rises: the smallest rise)
    probability: float | None    # share of runs that reach the target
    verdict: str                 # reached / missed / not modelled, judged on the median run
    first_year: int | None       # first year the target's condition holds (median run)
    unit: str = ""

    def record(self) -> dict:
        t = self.target
        return {
            "indicator": t.indicator,
            "kind": t.kind,
            "year": t.year,
            "from_year": t.from_year,
            "op": t.op if t.kind != "rises" else "rises",
            "target": t.value,
            "value": self.value,
            "gap": self.gap,
            "unit": self.unit,
            "verdict": self.verdict,
            "probability": self.probability,
            "first_year": self.first_year,
            "quote": t.quote,
            "seed": t.seed,
            "reason": t.reason,
        }


def measured(target: Target, results: Results, year: int) -> np.ndarray:
    """The quantity a target compares, for every run, with ``year`` as its end year."""
    series = results.sel(target.indicator)   # (year, run)
    first = int(results.years[0])
    end = year - first
    if target.kind == "level":
        return series[end]
    start = target.from_year - first
    if target.kind == "cumulative":
        return series[start:end + 1].sum(axis=0)
    if target.kind == "growth":
        span = year - target.from_year
        return ((series[end] / series[start]) ** (1.0 / span) - 1.0) * 100.0
    window = series[start:end + 1]
    if target.kind == "flow":
        worst = np.min if target.op in (">", ">=") else np.max
        return worst(window, axis=0) if target.op != "about" else window[
            np.argmax(np.abs(window - target.value), axis=0), np.arange(window.shape[1])]
    # rises
    return np.diff(window, axis=0).min(axis=0)


def holds(target: Target, value: np.ndarray) -> np.ndarray:
    if target.kind == "rises":
        return value > 0
    goal = target.value
    # Values equal up to floating-point rounding count as equal: 100 * 1.15**3 grown at
    # "15 %/year" must reach a 15 % growth target, and must not exceed it.
    rounding = EQUALITY_TOLERANCE * max(1.0, abs(goal))
    if target.op == ">":
        return value > goal + rounding
    if target.op == ">=":
        return value >= goal - rounding
    if target.op == "<":
        return value < goal - rounding
    if target.op == "<=":
        return value <= goal + rounding
    tolerance = target.tolerance if target.tolerance is not None else abs(goal) * (
        DEFAULT_ABOUT_TOLERANCE)
    return np.abs(value - goal) <= tolerance


def judge(target: Target, results: Results) -> Verdict:
    if not target.tracked:
        return Verdict(target, None, None, None, NOT_MODELLED, None)
    value = measured(target, results, target.year)
    reached = holds(target, value)
    median = float(np.median(value))
    earliest = (target.from_year + 1) if target.kind in ("growth", "rises") else (
        target.from_year if target.from_year is not None else int(results.years[0]))
    first_year = None
    median_run = int(np.argsort(value)[len(value) // 2])
    for year in range(earliest, int(results.years[-1]) + 1):
        if bool(holds(target, measured(target, results, year)[median_run:median_run + 1])[0]):
            first_year = year
            break
    return summarise(target, median, float(reached.mean()), first_year,
                     results.specs[target.indicator].unit)


def summarise(target: Target, median: float, probability: float, first_year: int | None,
              indicator_unit: str) -> Verdict:
    """The verdict on a target whose compared quantity has this median over the runs."""
    gap = median - target.value if target.kind != "rises" else median
    unit = "%/年" if target.kind == "growth" else indicator_unit
    verdict = REACHED if bool(holds(target, np.array([median]))[0]) else MISSED
    return Verdict(target, median, gap, probability, verdict, first_year, unit)


def check(scenario: Scenario, results: Results) -> list[Verdict]:
    return [judge(target, results) for target in scenario.targets]
