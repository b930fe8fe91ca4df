"""Lever values as a planner edits them: the plan's values, ranges, and the allocation rule.

The five allocation shares split fiscal S&T spending and must sum to 100 %. When a planner
moves one share, :func:`set_lever` rescales the other four in proportion so the sum stays
100 % — an explicit, documented rule rather than a silent clamp of the moved value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from . import arguments
from .catalogue import ALLOCATION_SHARES, LEVERS, SHARE_TOTAL
from .errors import InputError, UnknownName
from .scenario import Scenario, region_spec

__all__ = ["acting_levers", "changed_levers", "lever_range", "plan_levers", "region_spec",
           "set_lever"]


def plan_levers(scenario: Scenario) -> dict[str, float]:
    """Every lever at the value the scenario (the plan as written) gives it, display units."""
    scenario = arguments.scenario(scenario)
    return {key: scenario.input_value(key) for key in LEVERS}


def acting_levers(scenario: Scenario) -> list[str]:
    """The levers that act under the scenario's fiscal rule (fiscal S&T spending follows
    either its growth or its share of the budget, never both)."""
    unused = "fiscal_st_budget_share" if scenario.meta.fiscal_rule == "growth" else (
        "fiscal_st_growth")
    return [key for key in LEVERS if key != unused]


def lever_range(scenario: Scenario, key: str) -> tuple[float, float]:
    """The range a planner may move a lever in: the model's range for the lever (Spec),
    widened to the scenario entry's range and to the plan's own value where they go beyond.
    """
    if not isinstance(key, str) or key not in LEVERS:
        raise UnknownName("lever", f"unknown lever {arguments.shown(key)}",
                          "a lever of the catalogue")
    scenario = arguments.scenario(scenario)
    value, bounds, _source = scenario.input_entry(key)
    spec = LEVERS[key]
    ends = [value, *(spec.range or ()), *(bounds or ())]
    # Never beyond the region's domain (a file beyond it is refused on loading).
    upper = region_spec(scenario, key).upper
    high = max(ends) if upper is None else min(max(ends), upper)
    return float(min(ends)), float(high)


def set_lever(levers: Mapping[str, float], key: str, value: float,
              grid: float | None = None) -> dict[str, float]:
    """``levers`` with ``key`` set to ``value``; other allocation shares rescaled to sum to 100.

    The moved share keeps exactly the value given. With ``grid`` (e.g. the slider's step, 1 %)
    the other shares are rounded to multiples of it by largest remainders, so they stay clean
    numbers (a saved variant holds 13, not 13.125) and still sum to 100 % with the moved one.

    Raises :class:`~model.errors.InputError` (a ``ValueError``) for a value outside the
    lever's domain or not finite, and for a share above 100 % or below 0 (the caller shows
    it and keeps the last valid state).
    """
    from .simulate import check_domain

    if not isinstance(key, str) or key not in LEVERS:
        raise UnknownName("lever", f"unknown lever {arguments.shown(key)}",
                          "a lever of the catalogue")
    levers = arguments.mapping("levers", levers, "a dict of lever -> value")
    value = arguments.real_number(f"levers.{key}", value, f"a number in {LEVERS[key].unit}")
    check_domain(f"levers.{key}", value, LEVERS[key])
    if grid is not None:
        grid = arguments.positive("grid", grid)
    updated = dict(levers)
    updated[key] = value
    if key not in ALLOCATION_SHARES:
        return updated
    if not 0.0 <= value <= SHARE_TOTAL:
        raise InputError(f"levers.{key}", f"share {value:g} % lies outside 0-100 %",
                         "a share from 0 to 100 %")
    others = [k for k in ALLOCATION_SHARES if k != key]
    missing = [k for k in others if k not in levers]
    if missing:
        raise InputError("levers", f"no value for {arguments.listed(missing)}",
                         "every allocation share, to rescale the others")
    for other in others:
        check_domain(f"levers.{other}", levers[other], LEVERS[other])
    rest = sum(levers[k] for k in others)
    remaining = SHARE_TOTAL - value
    for other in others:
        # Proportional rescaling keeps the planner's relative weights among the other uses;
        # if they were all zero, the remainder is split evenly.
        updated[other] = (levers[other] / rest * remaining) if rest > 0 else remaining / len(
            others)
    if grid:
        updated.update(_on_grid({k: updated[k] for k in others}, remaining, grid))
    return updated


def _on_grid(shares: dict[str, float], total: float, grid: float) -> dict[str, float]:
    """``shares`` rounded to multiples of ``grid`` summing to ``total`` (largest remainders);
    when ``total`` itself is off the grid, the largest share takes the odd part."""
    units = {k: v / grid for k, v in shares.items()}
    floors = {k: math.floor(u + 1e-9) for k, u in units.items()}
    left = round(total / grid) - sum(floors.values())
    by_remainder = sorted(units, key=lambda k: (units[k] - floors[k], units[k]), reverse=True)
    for k in by_remainder[:max(left, 0)]:
        floors[k] += 1
    rounded = {k: float(round(n * grid, 10)) for k, n in floors.items()}
    largest = max(rounded, key=lambda k: rounded[k])
    rounded[largest] = round(rounded[largest] + total - sum(rounded.values()), 10)
    return rounded


def changed_levers(scenario: Scenario, levers: Mapping[str, float],
                   tolerance: float = 1e-9) -> dict[str, float]:
    """The levers whose value differs from the scenario's own."""
    plan = plan_levers(arguments.scenario(scenario))
    levers = arguments.mapping("levers", levers, "a dict of lever -> value")
    unknown = [k for k in levers if k not in plan]
    if unknown:
        raise UnknownName("levers", f"unknown levers: {arguments.listed(unknown)}",
                          "names of levers")
    from .simulate import check_domain

    values = {k: arguments.real_number(f"levers.{k}", v) for k, v in levers.items()}
    for key, value in values.items():
        check_domain(f"levers.{key}", value, region_spec(scenario, key))
    return {k: v for k, v in values.items() if abs(v - plan[k]) > tolerance}
