"""Where we stand now: restart a plan from its latest actuals, the mid-term and ex-post review.

**Restart.** A plan's ex-ante run starts from its base year. Years later the bureau knows
actuals (``[[history]]`` points after the start year). :func:`restart` continues every run
from the *restart year* R, the latest year with actuals before the plan's target year:

1. the ex-ante runs are made as usual (the start-year calibration of the base year, its
   constants and schedule: nothing about the plan's structure is re-fitted);
2. each run's state (every stock) at the end of year R is taken from the run itself;
3. *state estimation*: each actual of year R that a stock determines re-estimates that stock
   (:data:`ASSIMILATED`, e.g. high-tech enterprises -> the stock of certified firms, patents
   per 10k people -> the stock of valid patents, R&D intensity -> firms' R&D propensity), so
   that the model's year-R value equals the actual; the stocks are solved for together, by
   Newton's method, run by run. Stocks no actual determines keep the run's own value: *the
   ex-ante run's values* for what was not observed;
4. every run is resumed from that state (:func:`model.simulate.resume`), with the levers,
   paths and events of the scenario from year R + 1 on.

With no actual differing from a run's own year-R values nothing is re-estimated and the
restarted run continues the ex-ante run exactly. Uncertainty narrows: every run starts from
the actuals where known (their spread at R is gone); unobserved stocks and the parameters
keep each run's own draw.

Assumptions (stated in the README): an actual re-estimates only its stock, never a
calibrated constant; an R&D surprise is read as firms' R&D propensity, which then relaxes
towards what the super-deduction sustains over ``rd_adjustment_time`` (a surprise is taken
as partly transient); actuals of year totals (new certifications, patent grants, recruits)
and of quantities no stock holds (technology-contract turnover) are compared and enter the
targets' sums, but do not move the state.

The *known past* (:attr:`Restart.combined`): up to R every run takes the actual where one is
known, else its own ex-ante value (at R: its restarted value for levels, its ex-ante year
total for flows counted per year); after R, its restarted value. The plan's targets are
judged on it with :func:`model.targets.check`, so a sum over 2023-2027 counts the known
years and the re-forecast ones.

**Pace** (:func:`pace`): the plan's path from its base value to the target, the pace needed
from the base (compound growth in %/年 for amounts; percentage points a year for indicators in
per cent; an even share a year for sums), the pace achieved to the latest actual, and the pace
now required in the remaining years. Status: the actual against the plan's path at the
latest actual year, as the share of the planned change achieved: ahead from
:data:`AHEAD_FROM`, behind below :data:`BEHIND_BELOW`, on track between (assumption: a
tenth either way; plans give no band).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .catalogue import DERIVED, INDICATORS
from .errors import ScenarioError
from .goalseek import GoalSeek, what_it_takes
from .results import Results
from .scenario import HistoryPoint, Scenario, Target
from .simulate import STATE_OUTPUTS, STOCK_NAMES, evaluate, level_name, resume, sample
from .system import shipped_structure
from .targets import (
    LIKELY,
    MISSED,
    NOT_MODELLED,
    REACHED,
    UNLIKELY,
    Verdict,
    check,
    holds,
    measured,
)
from .uncertainty import Method

DEFAULT_RUNS, DEFAULT_SEED = 500, 1   # as the app's verdict table
AHEAD_FROM, BEHIND_BELOW = 1.1, 0.9   # share of the planned change achieved (assumption)
NEWTON_TOLERANCE = 1e-12              # relative: the restart reproduces actuals to this
NEWTON_STEPS = 40
BAND = (0.05, 0.5, 0.95)

AHEAD, ON_TRACK, BEHIND, NO_ACTUAL, ENDED = "ahead", "on track", "behind", "no actual", "ended"
RIGHT, WRONG, NO_CALL, NO_OUTCOME = "right", "wrong", "no call", "no outcome"

# An observed indicator -> the stock its actual re-estimates (first listed wins a stock).
ASSIMILATED: dict[str, str] = {
    "population": "population",
    "gdp": "gdp_nonindustrial",
    "industrial_va": "industrial_va_other",
    "hightech_va": "hightech_va",
    "hightech_va_share": "hightech_va",
    "fiscal_st_spending": "fiscal_st_spending",
    "fiscal_st_share": "fiscal_st_spending",
    "rd_intensity": "rd_incentive",
    "rd_expenditure": "rd_incentive",
    "enterprise_rd": "rd_incentive",
    "rd_capital": "rd_capital",
    "rd_personnel": "rd_personnel",
    "rd_personnel_per_10k_employed": "rd_personnel",
    "high_level_talent": "high_level_talent",
    "hightech_enterprises": "hightech_enterprises",
    "tech_smes": "tech_smes",
    "incubator_capacity": "incubator_capacity",
    "startups_in_incubation": "startups_in_incubation",
    "valid_invention_patents": "valid_invention_patents",
    "invention_patents_per_10k": "valid_invention_patents",
    "high_value_patents_per_10k": "high_value_patents",
    "achievements_transformed": "achievements_transformed",
}


def actuals(scenario: Scenario) -> dict[str, dict[int, HistoryPoint]]:
    """The scenario's ``[[history]]`` by indicator and year."""
    found: dict[str, dict[int, HistoryPoint]] = {}
    for point in scenario.history:
        found.setdefault(point.indicator, {})[point.year] = point
    return found


def restart_year(scenario: Scenario) -> int | None:
    """The latest year after the start and before the target year with an actual, or None."""
    meta = scenario.meta
    years = [p.year for p in scenario.history if meta.start < p.year < meta.target_year]
    return max(years) if years else None


def counted_per_year(indicator: str) -> bool:
    """Whether an indicator is a year total (a flow counted per year: unit "…/年")."""
    spec = INDICATORS.get(indicator)
    return bool(spec and spec.unit.endswith("/年") and not spec.unit.startswith("%"))


@dataclass(frozen=True)
class Restart:
    """An ex-ante run and its restart from the actuals of ``year`` (None: no actuals after
    the start, so the restart is the ex-ante run)."""

    scenario: Scenario
    year: int | None
    ex_ante: Results        # the runs from the base year
    combined: Results       # the known past to ``year``, the restarted runs after it
    imposed: tuple[str, ...]    # actuals of ``year`` that re-estimated the state
    compared: tuple[str, ...]   # actuals of ``year`` that did not (flows, no stock)
    state: dict[str, np.ndarray] = field(repr=False)   # the re-estimated state at ``year``
    inputs: dict[str, np.ndarray] = field(repr=False)  # each run's inputs

    def run_with(self, levers: Mapping[str, float]) -> Results:
        """The combined results with a planner's lever values from ``year + 1`` on."""
        if self.year is None:
            return evaluate(self.scenario, self.inputs, levers=dict(levers))
        restarted = resume(self.scenario, self.year, self.state, self.inputs,
                           outputs=_recorded(), levers=dict(levers))
        return _combine(self.scenario, self.ex_ante, restarted, self.year)


def _recorded() -> tuple[str, ...]:
    derived = {d.spec.key for d in DERIVED}
    return tuple(k for k in INDICATORS if k not in derived) + STATE_OUTPUTS


def restart(scenario: Scenario, year: int | None = None, runs: int | None = None,
            seed: int | None = None, method: Method = "lhs") -> Restart:
    """Restart ``scenario`` from its actuals of ``year`` (default :func:`restart_year`).

    ``runs=None``: the central run; ``runs=N``: N draws (seeded) restarted run by run.
    """
    meta = scenario.meta
    if year is None:
        year = restart_year(scenario)
    elif not meta.start < year < meta.end:
        raise ScenarioError(scenario.path, "restart year", f"{year} is not inside the run",
                            f"a year from {meta.start + 1} to {meta.end - 1}")
    inputs = dict(sample(scenario, runs, seed, method)) if runs is not None else {}
    ex_ante = evaluate(scenario, inputs, outputs=_recorded())
    if year is None:
        combined = _combine(scenario, ex_ante, None, None)
        return Restart(scenario, None, ex_ante, combined, (), (), {}, inputs)
    known = actuals(scenario)
    observed = {k: points[year].value for k, points in known.items() if year in points}
    imposed: dict[str, str] = {}
    for indicator, stock in ASSIMILATED.items():
        if indicator in observed and stock in STOCK_NAMES and stock not in imposed.values():
            imposed[indicator] = stock
    compared = tuple(sorted(set(observed) - set(imposed)))
    state = {name: np.array(ex_ante.sel(level_name(name), year), dtype=float)
             for name in STOCK_NAMES}
    state = _estimate(scenario, year, state, inputs, imposed, observed, ex_ante)
    restarted = resume(scenario, year, state, inputs, outputs=_recorded())
    combined = _combine(scenario, ex_ante, restarted, year)
    return Restart(scenario, year, ex_ante, combined, tuple(imposed), compared, state, inputs)


def _estimate(scenario: Scenario, year: int, state: dict[str, np.ndarray],
              inputs: Mapping[str, np.ndarray], imposed: Mapping[str, str],
              observed: Mapping[str, float], ex_ante: Results) -> dict[str, np.ndarray]:
    """The stocks in ``imposed`` solved, run by run, so that the year-end values of their
    indicators equal the actuals (Newton's method, forward-difference Jacobian).

    An actual of an annual quantity (a year total, or a ratio of two: GDP, R&D intensity) is
    the year's, while a state holds year-end rates: its surprise against the run's own year
    total is carried to the year-end rate in proportion (actual / the run's year total x the
    run's year-end value), so that actuals equal to the run's own values move nothing.
    """
    if not imposed:
        return state
    indicators, stocks = list(imposed), list(imposed.values())
    annual = shipped_structure().annual
    at_year_end = resume(scenario, year, state, inputs, outputs=tuple(indicators),
                         end=year + 1)
    runs = np.size(at_year_end.sel(indicators[0], year))
    goal = np.array([np.broadcast_to(
        observed[k] * (at_year_end.sel(k, year) / ex_ante.sel(k, year) if k in annual else 1.0),
        (runs,)) for k in indicators])
    scale = np.maximum(np.abs(goal), 1e-12)

    def residual(trial: dict[str, np.ndarray]) -> np.ndarray:
        results = resume(scenario, year, trial, inputs, outputs=tuple(indicators),
                         end=year + 1)
        return (np.array([results.sel(k, year) for k in indicators]) - goal) / scale

    current = {k: np.array(v, dtype=float) for k, v in state.items()}
    error = residual(current)                       # indicators x runs
    for _ in range(NEWTON_STEPS):
        if np.all(np.abs(error) <= NEWTON_TOLERANCE):
            return current
        jacobian = np.empty((error.shape[1], len(stocks), len(stocks)))  # runs x ind x stock
        for j, stock in enumerate(stocks):
            step = 1e-6 * np.maximum(np.abs(current[stock]), 1e-6)
            trial = {**current, stock: current[stock] + step}
            jacobian[:, :, j] = ((residual(trial) - error) / step).T
        try:
            move = np.linalg.solve(jacobian, -error.T[:, :, None])[:, :, 0]  # runs x stock
        except np.linalg.LinAlgError:
            break
        for j, stock in enumerate(stocks):
            current[stock] = np.maximum(current[stock] + move[:, j], 0.0)
        error = residual(current)
    worst = int(np.argmax(np.max(np.abs(error), axis=1)))
    if np.max(np.abs(error)) > 1e-9:
        key = indicators[worst]
        raise ScenarioError(scenario.path, f"history ({key} {year})",
                            f"the model cannot start from the actual {observed[key]:g}"
                            " with the other actuals of that year",
                            "actuals that fit together")
    return current


def _combine(scenario: Scenario, ex_ante: Results, restarted: Results | None,
             year: int | None) -> Results:
    """The known past to ``year`` (actuals, else the run's own values) and the restart."""
    values = np.array(ex_ante.values)
    names = list(ex_ante.indicators)
    first = int(ex_ante.years[0])
    if restarted is not None and year is not None:
        at = year - first
        annual = shipped_structure().annual
        for i, name in enumerate(names):
            if name not in restarted.indicators:
                continue
            series = restarted.sel(name)
            values[i, at + 1:] = series[1:]
            # The restart year's own total stays the run's (or the actual): a resumed run
            # starts at that year's end and records year-end values there.
            if not counted_per_year(name) and name not in annual:
                values[i, at] = series[0]
    last_known = year if year is not None else scenario.meta.start
    for indicator, points in actuals(scenario).items():
        if indicator not in names:
            continue
        for point_year, point in points.items():
            if first <= point_year <= last_known:
                values[names.index(indicator), point_year - first] = point.value
    for rule in DERIVED:   # growth rates follow the combined series
        if rule.of in names and rule.spec.key in names:
            source = values[names.index(rule.of)]
            growth = values[names.index(rule.spec.key)]
            growth[0] = np.nan
            growth[1:] = (source[1:] / source[:-1] - 1.0) * 100.0
    return Results(values, ex_ante.indicators, ex_ante.years, ex_ante.specs, ex_ante.inputs)


# --- pace ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Pace:
    """A target's pace: planned from the base, achieved to the latest actual, now required.

    ``unit`` is the pace's unit: "%/年" (compound growth), "百分点/年" (points a year) or the
    indicator's count a year for sums; ``plan_path`` is the plan's value year by year.
    """

    base_year: int
    base_value: float | None
    plan: float | None
    achieved: float | None
    required: float | None
    unit: str
    latest_year: int | None
    latest_value: float | None
    plan_at_latest: float | None
    status: str
    plan_path: dict[int, float] = field(default_factory=dict)


def _linear(indicator: str) -> bool:
    spec = INDICATORS.get(indicator)
    return bool(spec and spec.unit == "%")


def _rate(start: float, end: float, years: int, linear: bool) -> float | None:
    if years <= 0:
        return None
    if linear:
        return (end - start) / years
    if start <= 0 or end <= 0:
        return None
    return ((end / start) ** (1.0 / years) - 1.0) * 100.0


def _status(progress: float | None) -> str:
    if progress is None:
        return NO_ACTUAL
    if progress >= AHEAD_FROM:
        return AHEAD
    return BEHIND if progress < BEHIND_BELOW else ON_TRACK


def pace(target: Target, base_year: int, base_value: float | None,
         actual: Mapping[int, float]) -> Pace:
    """The pace of ``target`` from ``base_value`` in ``base_year`` (the plan's base) and the
    actuals by year (see the module doc for the arithmetic)."""
    end = target.year
    known = {y: v for y, v in actual.items() if y <= end}
    if target.kind == "cumulative":
        return _pace_sum(target, known)
    if target.kind in ("flow", "rises"):
        return _pace_every_year(target, known)
    linear = target.kind == "level" and _linear(target.indicator)
    if target.kind == "growth":
        base_year = target.start_year
        base_value = known.get(base_year, base_value)
        goal = None if base_value is None else base_value * (
            1.0 + target.goal / 100.0) ** (end - base_year)
    else:
        goal = target.goal
    later = [y for y in known if base_year < y]
    latest = max(later) if later else None
    unit = "百分点/年" if linear else "%/年"
    if base_value is None or goal is None:
        return Pace(base_year, base_value, None, None, None, unit, latest,
                    known.get(latest) if latest else None, None, NO_ACTUAL)
    plan = _rate(base_value, goal, end - base_year, linear)

    def planned(y: int) -> float:
        if plan is None:   # no growth path through zero: a straight line
            return base_value + (goal - base_value) * (y - base_year) / (end - base_year)
        if linear:
            return base_value + plan * (y - base_year)
        return base_value * (1.0 + plan / 100.0) ** (y - base_year)

    path = {y: planned(y) for y in range(base_year, end + 1)}
    if latest is None:
        return Pace(base_year, base_value, plan, None, None, unit, None, None, None, NO_ACTUAL,
                    path)
    value = known[latest]
    achieved = _rate(base_value, value, latest - base_year, linear)
    required = _rate(value, goal, end - latest, linear) if latest < end else None
    change = path[latest] - base_value
    if abs(change) > 1e-12 * max(1.0, abs(base_value)):
        progress = (value - base_value) / change
    else:   # no change planned by then: at or beyond the plan's value is on track
        progress = 1.0 if _ahead_of(target, value, path[latest]) else 0.0
    status = ENDED if latest >= end else _status(progress)
    return Pace(base_year, base_value, plan, achieved, required, unit, latest, value,
                path[latest], status, path)


def _ahead_of(target: Target, value: float, planned: float) -> bool:
    return value <= planned if target.op in ("<", "<=") else value >= planned


def _pace_sum(target: Target, known: Mapping[int, float]) -> Pace:
    first, end = target.start_year, target.year
    spec = INDICATORS.get(target.indicator)
    unit = spec.unit if spec else ""
    years = end - first + 1
    per_year = target.goal / years
    path = {y: per_year * (y - first + 1) for y in range(first, end + 1)}
    done = [y for y in range(first, end + 1) if y in known]
    # The years counted must be the first ones without a gap.
    latest = None
    for y in range(first, end + 1):
        if y not in known:
            break
        latest = y
    if latest is None:
        return Pace(first - 1, 0.0, per_year, None, None, unit, max(done) if done else None,
                    None, None, NO_ACTUAL, path)
    total = sum(known[y] for y in range(first, latest + 1))
    achieved = total / (latest - first + 1)
    required = (target.goal - total) / (end - latest) if latest < end else None
    progress = total / path[latest] if path[latest] else None
    status = ENDED if latest >= end else _status(progress)
    return Pace(first - 1, 0.0, per_year, achieved, required, unit, latest, total,
                path[latest], status, path)


def _pace_every_year(target: Target, known: Mapping[int, float]) -> Pace:
    first, end = target.start_year, target.year
    spec = INDICATORS.get(target.indicator)
    unit = spec.unit if spec else ""
    span = [y for y in range(first, end + 1) if y in known]
    if target.kind == "rises":
        pairs = [(y, known[y] - known[y - 1]) for y in span if y - 1 in known and y > first]
        if not pairs:
            return Pace(first, known.get(first), None, None, None, unit, None, None, None,
                        NO_ACTUAL)
        latest = max(y for y, _ in pairs)
        smallest = min(rise for _, rise in pairs)
        status = ENDED if latest >= end else (ON_TRACK if smallest > 0 else BEHIND)
        return Pace(first, known.get(first), None, smallest, None, unit, latest, known[latest],
                    None, status)
    if not span:
        return Pace(first, None, target.goal, None, None, unit, None, None, None, NO_ACTUAL,
                    {y: target.goal for y in range(first, end + 1)})
    latest = max(span)
    worst = measured_worst(target, [known[y] for y in span])
    met = bool(holds(target, np.array([worst]))[0])
    status = ENDED if latest >= end else (ON_TRACK if met else BEHIND)
    return Pace(first, None, target.goal, worst, target.goal if latest < end else None, unit,
                latest, known[latest], target.goal, status,
                {y: target.goal for y in range(first, end + 1)})


def measured_worst(target: Target, values: list[float]) -> float:
    """The year furthest on the wrong side of a flow target's value."""
    array = np.array(values)
    if target.relation == "about":
        return float(array[np.argmax(np.abs(array - target.goal))])
    return float(array.min() if target.relation in (">", ">=") else array.max())


# --- the review ------------------------------------------------------------------------------

@dataclass(frozen=True)
class TargetReview:
    """One target: its pace, its verdicts before and after the restart, and the outcome."""

    target: Target
    pace: Pace | None
    actual_path: dict[int, float]
    ex_ante: Verdict
    restarted: Verdict
    band: dict[float, float]          # the restarted forecast's quantiles of the compared value
    outcome: float | None             # the actual compared value, where every year is known
    outcome_verdict: str | None       # reached / missed from the actuals
    ex_ante_call: str                 # right / wrong / no call / no outcome
    restarted_call: str
    goal_seek: GoalSeek | None = None

    def record(self) -> dict:
        t, p = self.target, self.pace
        return {
            "indicator": t.indicator, "kind": t.kind, "op": t.op, "target": t.value,
            "year": t.year, "from_year": t.from_year, "tracked": t.tracked,
            "base_year": p.base_year if p else None, "base_value": p.base_value if p else None,
            "plan_pace": p.plan if p else None, "pace_unit": p.unit if p else None,
            "actual_path": {str(y): v for y, v in sorted(self.actual_path.items())},
            "latest_year": p.latest_year if p else None,
            "latest_value": p.latest_value if p else None,
            "plan_at_latest": p.plan_at_latest if p else None,
            "pace_achieved": p.achieved if p else None,
            "pace_required": p.required if p else None,
            "status": p.status if p else NOT_MODELLED,
            "ex_ante": {"value": self.ex_ante.value, "probability": self.ex_ante.probability,
                        "likelihood": self.ex_ante.likelihood},
            "restarted": {"value": self.restarted.value,
                          "probability": self.restarted.probability,
                          "likelihood": self.restarted.likelihood,
                          **{f"q{round(q * 100):02d}": v for q, v in self.band.items()}},
            "outcome": self.outcome, "outcome_verdict": self.outcome_verdict,
            "ex_ante_call": self.ex_ante_call, "restarted_call": self.restarted_call,
            "what_it_takes": None if self.goal_seek is None else {
                "lever": self.goal_seek.lever, "status": self.goal_seek.status,
                "value": self.goal_seek.value,
                "direction": "at least" if self.goal_seek.increasing else "at most"},
        }


@dataclass(frozen=True)
class Review:
    """The mid-term (and, for an ended plan, ex-post) review of a scenario."""

    scenario: Scenario
    restart: Restart
    as_of: int
    runs: int
    seed: int
    lever: str | None
    rows: list[TargetReview]

    @property
    def year(self) -> int | None:
        return self.restart.year

    @property
    def ended(self) -> bool:
        """Whether the plan's target year has passed."""
        return self.scenario.meta.target_year < self.as_of

    @property
    def withheld_after(self) -> int | None:
        return self.scenario.meta.actuals_withheld_after

    def to_json(self) -> dict:
        meta = self.scenario.meta
        return {
            "scenario": meta.name, "region": meta.region, "start": meta.start,
            "target_year": meta.target_year, "as_of": self.as_of, "ended": self.ended,
            "restart_year": self.year, "runs": self.runs, "seed": self.seed,
            "actuals_imposed": list(self.restart.imposed),
            "actuals_compared": list(self.restart.compared),
            "actuals_withheld_after": self.withheld_after,
            "targets": [row.record() for row in self.rows],
        }


def call(likelihood: str | None, outcome: str | None) -> str:
    """Was a likelihood right? likely -> reached, unlikely -> missed; "at risk" is no call."""
    if outcome is None:
        return NO_OUTCOME
    if likelihood not in (LIKELY, UNLIKELY):
        return NO_CALL
    return RIGHT if (likelihood == LIKELY) == (outcome == REACHED) else WRONG


def review(scenario: Scenario, runs: int = DEFAULT_RUNS, seed: int = DEFAULT_SEED,
           lever: str | None = "fiscal_st_growth", as_of: int | None = None,
           year: int | None = None) -> Review:
    """Restart ``scenario`` from its latest actuals and review every target.

    ``lever``: the lever the goal seek moves from the restart year on (None: no goal seek);
    ``as_of``: the year the review is made (default: this year), which decides whether the
    plan has ended.
    """
    as_of = as_of if as_of is not None else datetime.date.today().year
    ensemble = restart(scenario, year, runs=runs, seed=seed)
    central = restart(scenario, ensemble.year)
    before = check(scenario, ensemble.ex_ante)
    after = check(scenario, ensemble.combined)
    known = actuals(scenario)
    observed = _actual_results(scenario, central.ex_ante, known)
    rows = []
    for target, ex_ante, restarted in zip(scenario.targets, before, after, strict=True):
        if not target.tracked:
            rows.append(TargetReview(target, None, {}, ex_ante, restarted, {}, None, None,
                                     NO_OUTCOME, NO_OUTCOME))
            continue
        # The actual path towards this target: a later actual (Liuzhou's 2022 count beside
        # its 2020 target) is another target's outcome, not this one's progress.
        path = {y: p.value for y, p in known.get(target.indicator, {}).items()
                if y <= target.year}
        start = scenario.meta.start
        base = path.get(start, float(central.ex_ante.sel(target.indicator, start)[0]))
        target_pace = pace(target, start, base, path)
        values = measured(target, ensemble.combined, target.year)
        band = {q: float(v) for q, v in zip(BAND, np.quantile(values, BAND), strict=True)}
        outcome = float(measured(target, observed, target.year)[0])
        outcome_value = outcome if math.isfinite(outcome) else None
        outcome_verdict = None if outcome_value is None else (
            REACHED if bool(holds(target, np.array([outcome_value]))[0]) else MISSED)
        seek = None
        if lever is not None and central.year is not None and target.year > central.year \
                and target.kind != "rises":
            seek = what_it_takes(scenario, target, lever, run=central.run_with)
        elif lever is not None and central.year is None and target.kind != "rises":
            seek = what_it_takes(scenario, target, lever)
        rows.append(TargetReview(target, target_pace, path, ex_ante, restarted, band,
                                 outcome_value, outcome_verdict,
                                 call(ex_ante.likelihood, outcome_verdict),
                                 call(restarted.likelihood, outcome_verdict), seek))
    return Review(scenario, ensemble, as_of, runs, seed, lever, rows)


def _actual_results(scenario: Scenario, like: Results,
                    known: Mapping[str, Mapping[int, HistoryPoint]]) -> Results:
    """One run holding only the actuals (NaN elsewhere), to measure targets on."""
    values = np.full((len(like.indicators), len(like.years), 1), np.nan)
    first = int(like.years[0])
    for indicator, points in known.items():
        if indicator in like.indicators:
            for year, point in points.items():
                if first <= year <= int(like.years[-1]):
                    values[like.indicators.index(indicator), year - first, 0] = point.value
    return Results(values, like.indicators, like.years, like.specs, {})
