"""The validation battery (issue 9, part 5): lever signs, extreme conditions, frozen policy.

Run by tests/test_battery.py over every shipped scenario; ``python tests/battery.py`` (with
the repository on PYTHONPATH) prints the counts and every failure.

It reads only the model's public API (``sample``, ``evaluate``, ``load_scenario``, the
catalogue, :mod:`model.levers`, :mod:`model.effects`), so that it keeps working when the
model's structure changes.

1. **Sign sweep.** Each lever over its range (:func:`model.levers.lever_range`) at
   :data:`POINTS` points x :data:`DRAWS` draws of the uncertain inputs, in one ensemble per
   lever: each draw is paired with each lever value. At the scenario's target year, each pair
   of consecutive lever points of one draw must move each indicator in the declared direction
   (:mod:`model.effects`), up to a relative tolerance. Allocation shares move with the
   rescaling rule of :func:`model.levers.set_lever`. A fiscal lever acts under one fiscal rule
   only: it is swept on the scenario with that rule (a copy of the scenario when the file
   uses the other rule), so every lever is swept in every scenario.
2. **Extreme conditions.** The plan as written (for reference), every lever at the ends of
   its range and of its domain (Spec lower/upper), growth rates at -100 %/yr, every
   allocation share at 0 and 100 %, no fiscal S&T spending, and ten times the fiscal S&T
   spending (from the start year; by the target year under the growth rule; ten times the
   start-year budget share under the share rule). Each case runs as one central run and as
   the ensemble of draws. It must either be refused with a clean one-line ``ValueError`` or
   give results that are real, finite, within each indicator's declared bounds, shares within
   0-100 % and R&D intensity below :data:`MAX_RD_INTENSITY` (~8 %, the issue's plausible
   limit) in the central run and at the top of the draws' 5-95 % band, the band a planner is
   shown, and below :data:`POLE_RD_INTENSITY` in every single draw.
3. **Frozen policy continues trends.** Every lever held at its start-year value (the plan's
   scheduled changes dropped). For each indicator and draw, with x0 .. x4 its values in the
   start year and the four years after and d1 .. d4 its yearly log growths, the first year's
   growth must lie within :data:`JUMP_LIMIT` of the growth that the next years' trend puts
   there: ``|exp(d1 - reference) - 1| <= 5 %``, i.e. x1 lies within 5 % of the value the
   trend puts there. Two trends count, whichever is nearer:
   - *steadily changing*: the growth of years 2 and 3 changing as steadily as it does between
     them, ``reference = 2 d2 - d3``;
   - *first-order catching up*: the change in growth shrinking by a steady factor, as a stock
     that starts away from the balance with its inflow converges to it (S' = F e^(gt) - k S: the
     gap between the stock's growth and g decays by a factor per year), ``reference = d2 +
     (d2 - d3) r`` with ``r = (d2 - d3) / (d3 - d4)`` measured on the next years, counted
     only where 1 <= r <= e^2 (the growth slowing, or quickening, ever less, with a time
     constant of at least half a year; no stock of the model adjusts faster).
   A steady growth or decline passes, and so does a stock catching up with its inflow
   (Pinghu's 179 invention grants a year against 362 valid patents made the stock grow ~45 %
   in its start year: stock-flow arithmetic slows it by several points a year, which a
   constant-growth reference would count as a jump; a county's 2 high-tech enterprises with
   one certified a year slow from ~50 % faster still). A start artefact does not pass: a
   pipeline stalling for a year (0 %, then 15 %/yr: 14 % off), a 3-year echo, a step: their
   next years do not slow by a steady factor. (Where a value is not positive, the second
   differences are compared instead: ``|(x1 - x0) - 2 (x2 - x1) + (x3 - x2)| <= 5 % x |x0|``.)
   A yearly flow with no start-year value (NaN in the start year: a certification round) is
   judged from its first five years instead; a run shorter than five years by the linear
   trend alone.
   Not judged: quantities counted from zero at the start (their yearly increments are flows
   judged themselves), derived indicators (computed from judged ones), sums of platform
   counts (:data:`SUMS`, whose parts are judged and may start from zero), and a count (家)
   in a run that draws it below one at the start: under one is "none or one", and its growth
   relative to a fraction of a firm says nothing of a trend (Pinghu's provincial platforms,
   drawn from 0-1, grow by a quarter of a platform a year). The test sees the trend the
   model sets, not the one before the start: a steady trend break from the first year on
   passes.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from model import Scenario, evaluate, load_scenario, sample
from model.catalogue import (
    ALLOCATION_SHARES,
    DERIVED_INDICATORS,
    FISCAL_RULES,
    INDICATORS,
    LEVERS,
    shares_sum_off,
)
from model.effects import AMBIGUOUS, EFFECTS, applies
from model.levers import lever_range, plan_levers, region_spec, set_lever
from model.results import Results

ROOT = Path(__file__).resolve().parents[1]
SCENARIO_PATHS = tuple(sorted((ROOT / "scenarios").glob("*.toml")))

DRAWS = 200
POINTS = 13
SEED = 9
RELATIVE_TOLERANCE = 1e-9
JUMP_LIMIT = 0.05
MAX_RD_INTENSITY = 8.0        # per cent of GDP: the central run and the band's top (P95)
# Every single draw stays under twice that: above it a draw is a pole, not a tail. Between the
# two lie draws that stack several inputs at their range ends for years (Kecheng at a 40 %/yr
# investment growth, a +3 %/yr propensity drift and the super-deduction's largest effect:
# 9.2 % by 2030, with high-tech industry 96 % of industry and R&D / GDP nearing that
# industry's R&D / value added); the planner's band (P5-P95) does not show them.
POLE_RD_INTENSITY = 2.0 * MAX_RD_INTENSITY
SHARE_UNIT = "%"              # indicators in per cent are shares or ratios of a whole
GROWTH_UNIT = "%/年"
GROWTH_FLOOR = -100.0         # a fall of 100 %/yr: the floor of any growth rate
DERIVED = frozenset(spec.key for spec in DERIVED_INDICATORS)
# Sums of indicators judged one by one, where a part may be counted from zero at the start
# (a platform type a region does not have yet): the sum's first year mixes a trend with a
# count from zero, which is no trend of its own.
SUMS = frozenset({"incubation_platforms", "provincial_incubation_platforms",
                  "rd_and_engineering_centres"})
# The fastest a stock's growth may converge to its inflow's and still count as first-order
# catching up: the gap shrinking by at most e^2 a year (a time constant of half a year).
MAX_CONVERGENCE_RATIO = float(np.exp(2.0))


# --- findings ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class WrongSign:
    """An indicator that moved against its declared sign between consecutive lever points."""

    scenario: str
    lever: str
    indicator: str
    expected: str
    wrong: int            # comparisons (draw x consecutive pair) against the sign
    compared: int
    draws: int            # draws with at least one comparison against the sign
    worst: float          # largest move against the sign, relative to the indicator's size
    lever_ends: tuple[float, float]
    medians: tuple[float, float]   # median over draws at the two ends of the lever's range

    def line(self) -> str:
        unit = INDICATORS[self.indicator].unit if self.indicator in INDICATORS else ""
        return (f"{self.scenario}: {self.lever} {self.lever_ends[0]:g} -> {self.lever_ends[1]:g}"
                f" moves {self.indicator} the wrong way (expected {self.expected}): "
                f"median {self.medians[0]:.4g} -> {self.medians[1]:.4g} {unit}; "
                f"{self.wrong}/{self.compared} steps in {self.draws}/{DRAWS} draws, "
                f"worst {self.worst:.2%}")


@dataclass(frozen=True)
class Problem:
    """Anything else the battery finds: one line naming the scenario and what is wrong."""

    scenario: str
    what: str

    def line(self) -> str:
        return f"{self.scenario}: {self.what}"


@dataclass
class SweepReport:
    pairs: int = 0                 # lever x indicator pairs with a declared sign, checked
    ambiguous: int = 0             # lever x indicator pairs declared ambiguous (not checked)
    levers: list[str] = field(default_factory=list)
    wrong_signs: list[WrongSign] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class ExtremeReport:
    cases: int = 0
    refused: list[Problem] = field(default_factory=list)   # clean refusals: allowed
    failures: list[Problem] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class FrozenReport:
    judged: int = 0                # indicators judged
    not_judged: set[str] = field(default_factory=set)
    jumps: list[Problem] = field(default_factory=list)
    central_jumps: list[Problem] = field(default_factory=list)   # the plan's central values
    seconds: float = 0.0


# --- scenarios ---------------------------------------------------------------------------------

@cache
def scenario(path: str) -> Scenario:
    return load_scenario(path)


def name(sc: Scenario) -> str:
    """The scenario's name; a copy under the other fiscal rule says so."""
    label = sc.meta.name
    if sc.meta.fiscal_rule != scenario(sc.path).meta.fiscal_rule:
        label += f" ({sc.meta.fiscal_rule} rule)"
    return label


def with_rule(sc: Scenario, rule: str) -> Scenario:
    """The scenario under ``rule`` (the same scenario if it already uses it)."""
    if sc.meta.fiscal_rule == rule:
        return sc
    return sc.model_copy(update={"scenario": sc.meta.model_copy(update={"fiscal_rule": rule})})


def for_lever(sc: Scenario, lever: str) -> Scenario:
    """The scenario under a fiscal rule under which ``lever`` acts."""
    if applies(lever, sc.meta.fiscal_rule):
        return sc
    return with_rule(sc, next(r for r in FISCAL_RULES if applies(lever, r)))


@cache
def draws(path: str) -> dict[str, np.ndarray]:
    """The uncertain inputs' draws of a scenario file (the fiscal rule does not change them)."""
    return sample(scenario(path), DRAWS, SEED)


def run(sc: Scenario, inputs: Mapping[str, float | np.ndarray] | None = None,
        levers: Mapping[str, float | np.ndarray] | None = None) -> Results:
    """``evaluate`` with numpy's floating-point warnings silenced (the results are checked
    instead) and a complex number cast to a real one turned into an error."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("error", np.exceptions.ComplexWarning)
        return evaluate(sc, inputs, levers=levers)


def share_setting(sc: Scenario, lever: str, value: float) -> dict[str, float]:
    """The five allocation shares with ``lever`` at ``value``, the others rescaled."""
    setting = set_lever(plan_levers(sc), lever, value)
    return {k: setting[k] for k in ALLOCATION_SHARES}


# --- 1. sign sweep -----------------------------------------------------------------------------

def sweep(sc: Scenario, lever: str, report: SweepReport) -> None:
    """Sweep ``lever`` over its range on ``sc``; add what it finds to ``report``."""
    label = name(sc)
    drawn = draws(sc.path)
    low, high = lever_range(sc, lever)
    points = np.linspace(low, high, POINTS)
    inputs = {k: np.tile(v, POINTS) for k, v in drawn.items()}
    if lever in ALLOCATION_SHARES:
        settings = [share_setting(sc, lever, p) for p in points]
        levers = {k: np.repeat([s[k] for s in settings], DRAWS) for k in ALLOCATION_SHARES}
    else:
        levers = {lever: np.repeat(points, DRAWS)}
    try:
        results = run(sc, inputs, levers)
    except Exception as error:  # noqa: BLE001 - any failure is a finding
        report.problems.append(Problem(label, f"sweep of {lever} over [{low:g}, {high:g}] "
                                              f"failed: {type(error).__name__}: {error}"))
        return
    report.levers.append(f"{label}: {lever} [{low:g}, {high:g}]")
    year = sc.meta.target_year
    declared = EFFECTS.get(lever, {})
    for indicator in INDICATORS:
        effect = declared.get(indicator)
        if effect is None:
            report.problems.append(Problem(label, f"{lever} declares no effect on {indicator}"))
            continue
        if indicator not in results.indicators:
            report.problems.append(Problem(label, f"the model does not report {indicator}"))
            continue
        x = results.sel(indicator, year).reshape(POINTS, DRAWS)
        if not np.isfinite(x).all():
            bad = int((~np.isfinite(x)).any(axis=0).sum())
            report.problems.append(Problem(label, f"{lever} in [{low:g}, {high:g}] gives "
                                                  f"non-finite {indicator} in {year} in "
                                                  f"{bad}/{DRAWS} draws"))
        if effect.sign == AMBIGUOUS:
            report.ambiguous += 1
            continue
        report.pairs += 1
        step = np.diff(x, axis=0)
        against = -step if effect.sign == "+" else step
        scale = np.maximum(np.abs(x[1:]), np.abs(x[:-1]))
        wrong = against > RELATIVE_TOLERANCE * scale
        if wrong.any():
            relative = np.divide(against, scale, out=np.zeros_like(against), where=scale > 0)
            median = np.median(x, axis=1)
            report.wrong_signs.append(WrongSign(
                label, lever, indicator, effect.sign, int(wrong.sum()), wrong.size,
                int(wrong.any(axis=0).sum()), float(relative[wrong].max()), (low, high),
                (float(median[0]), float(median[-1]))))


@cache
def sign_sweep(path: str) -> SweepReport:
    """Every lever swept on the scenario file at ``path``."""
    start = time.perf_counter()
    report = SweepReport()
    sc = scenario(path)
    for lever in LEVERS:
        sweep(for_lever(sc, lever), lever, report)
    report.seconds = time.perf_counter() - start
    return report


# --- 2. extreme conditions ---------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One extreme condition: a scenario (possibly under the other fiscal rule), lever
    values from the first plan year, and changes to the drawn inputs."""

    title: str
    scenario: Scenario
    levers: dict[str, float] = field(default_factory=dict)
    inputs: dict[str, Callable[[np.ndarray], np.ndarray]] = field(default_factory=dict)


def extreme_cases(sc: Scenario) -> list[Case]:
    # The plan as written first: a failure there is not the extreme condition's doing.
    cases: list[Case] = [Case("the plan as written (reference)", sc)]
    for lever, spec in LEVERS.items():
        on = for_lever(sc, lever)
        rule = "" if on is sc else f" ({on.meta.fiscal_rule} rule)"
        low, high = lever_range(on, lever)
        ends = {low: "range low", high: "range high"}
        if spec.lower is not None:
            ends[spec.lower] = ends.get(spec.lower, "") + (", " if spec.lower in ends else "") \
                + "domain lower"
        upper = region_spec(on, lever).upper   # the region's domain (Spec.upper_share_of)
        if upper is not None:
            ends[upper] = ends.get(upper, "") + (", " if upper in ends else "") \
                + "domain upper"
        if spec.unit == GROWTH_UNIT and GROWTH_FLOOR not in ends:
            ends[GROWTH_FLOOR] = "a fall of 100 %/yr"
        for value in sorted(ends):
            levers = (share_setting(on, lever, value) if lever in ALLOCATION_SHARES
                      else {lever: value})
            cases.append(Case(f"{lever} = {value:g} {spec.unit} ({ends[value]}){rule}", on,
                              levers))
    cases.append(Case("no fiscal S&T spending (start year and plan)", sc,
                      inputs={"baseline.fiscal_st_spending": np.zeros_like}))
    cases.append(Case("fiscal S&T spending x10 from the start year", sc,
                      inputs={"baseline.fiscal_st_spending": lambda v: 10.0 * v}))
    growth = with_rule(sc, "growth")
    years = sc.meta.target_year - sc.meta.start
    tenfold = min(100.0 * (10.0 ** (1.0 / years) - 1.0), LEVERS["fiscal_st_growth"].upper)
    cases.append(Case(f"fiscal S&T spending x10 by the target year: growth {tenfold:.1f} %/yr"
                      f"{'' if growth is sc else ' (growth rule)'}", growth,
                      {"fiscal_st_growth": tenfold}))
    share = with_rule(sc, "share")
    start_share = 100.0 * (sc.baseline["fiscal_st_spending"].value
                           / sc.baseline["budget_expenditure"].value)
    budget_share = min(10.0 * start_share, 100.0)
    cases.append(Case(f"fiscal S&T spending x10: budget share {budget_share:.1f} % (10x the "
                      f"start year's){'' if share is sc else ' (share rule)'}", share,
                      {"fiscal_st_budget_share": budget_share}))
    return cases


@cache
def no_start_value(path: str) -> frozenset[str]:
    """Indicators with no start-year value in the scenario's own central run (NaN by design:
    growth rates, yearly certification rounds)."""
    results = run(scenario(path))
    return frozenset(k for k in results.indicators if np.isnan(results.sel(k)[0]).all())


def implausible(results: Results, exempt: frozenset[str]) -> list[str]:
    """What is wrong with results of an extreme condition (empty if nothing); ``exempt``
    indicators may be NaN in the start year."""
    if not np.isrealobj(results.values):
        return ["complex numbers"]
    found = []
    not_finite = []
    years = results.years
    for indicator in results.indicators:
        x = results.sel(indicator)                          # (year, run)
        first = 1 if indicator in exempt else 0
        judged, judged_years = x[first:], years[first:]
        bad = ~np.isfinite(judged)
        if bad.any():
            year = judged_years[int(np.argwhere(bad.any(axis=1))[0, 0])]
            not_finite.append((indicator, _runs(bad), int(year)))
            continue
        spec = INDICATORS.get(indicator)
        if spec is None:
            continue
        scale = np.maximum(np.abs(x[first]), 1.0)
        if spec.lower is not None and (judged < spec.lower - 1e-9 * scale).any():
            found.append(f"{indicator} below {spec.lower:g} {spec.unit}: "
                         f"{_extreme(judged, judged_years, np.argmin)}")
        if spec.upper is not None and (judged > spec.upper + 1e-9 * scale).any():
            found.append(f"{indicator} above {spec.upper:g} {spec.unit}: "
                         f"{_extreme(judged, judged_years, np.argmax)}")
        if spec.unit == SHARE_UNIT and ((judged < 0.0) | (judged > 100.0)).any():
            pick = np.argmax if (judged > 100.0).any() else np.argmin
            found.append(f"{indicator} outside 0-100 %: {_extreme(judged, judged_years, pick)}")
        if indicator == "rd_intensity":
            found.extend(implausible_rd_intensity(judged, judged_years))
    if not_finite:
        first_year = min(year for _, _, year in not_finite)
        runs = {r for _, r, _ in not_finite}
        listed = ", ".join(k for k, _, _ in not_finite)
        found.insert(0, f"{len(not_finite)} indicators not finite ({' / '.join(sorted(runs))}; "
                        f"from {first_year}): {listed}")
    return found


def implausible_rd_intensity(x: np.ndarray, years: np.ndarray) -> list[str]:
    """R&D intensity (year x run) over the plausible limit: a single run (a central run) as it
    is; an ensemble at the top of the band the planner is shown (its 95th percentile), and
    every draw under the pole guard."""
    found = []
    band_top = x if x.shape[1] == 1 else np.percentile(x, 95.0, axis=1, keepdims=True)
    if (band_top >= MAX_RD_INTENSITY).any():
        what = "" if x.shape[1] == 1 else "95th percentile of the draws "
        found.append(f"R&D intensity {what}{_extreme(band_top, years, np.argmax)} % "
                     f"(plausible: below {MAX_RD_INTENSITY:g} %)")
    if (x >= POLE_RD_INTENSITY).any():
        found.append(f"R&D intensity {_extreme(x, years, np.argmax)} % in a single draw "
                     f"(a pole, not a tail: below {POLE_RD_INTENSITY:g} %)")
    return found


def _runs(mask: np.ndarray) -> str:
    n = mask.shape[1]
    return "every run" if mask.any(axis=0).all() else f"{int(mask.any(axis=0).sum())}/{n} runs"


def _extreme(x: np.ndarray, years: np.ndarray, pick: Callable) -> str:
    flat = int(pick(x))
    year, run = np.unravel_index(flat, x.shape)
    return f"{x[year, run]:.4g} in {years[year]}"


def judge_case(case: Case, report: ExtremeReport) -> None:
    label = name(case.scenario)
    drawn = draws(case.scenario.path)
    exempt = no_start_value(case.scenario.path)
    central = {k: _central(case.scenario, k, change) for k, change in case.inputs.items()}
    ensemble = {**drawn, **{k: change(drawn[k]) for k, change in case.inputs.items()}}
    found: list[str] = []
    for kind, inputs in (("central run", central), (f"{DRAWS} draws", ensemble)):
        try:
            results = run(case.scenario, inputs, case.levers)
        except ValueError as error:
            message = str(error)
            if "\n" in message or not message:
                found.append(f"{kind}: refused without a one-line message: {message!r}")
            else:
                report.refused.append(Problem(label, f"{case.title}: {kind}: {message}"))
            continue
        except Exception as error:  # noqa: BLE001 - a crash is a finding
            found.append(f"{kind}: crashes with {type(error).__name__}: {error}")
            continue
        problems = implausible(results, exempt)
        if problems:
            found.append(f"{kind}: {'; '.join(problems)}")
    if found:
        report.failures.append(Problem(label, f"{case.title}: {' | '.join(found)}"))


def _central(sc: Scenario, key: str, change: Callable[[np.ndarray], np.ndarray]) -> float:
    base = sc.baseline[key.removeprefix("baseline.")].value if key.startswith("baseline.") \
        else sc.input_value(key)
    return float(change(np.asarray([base]))[0])


@cache
def extreme_conditions(path: str) -> ExtremeReport:
    start = time.perf_counter()
    report = ExtremeReport()
    for case in extreme_cases(scenario(path)):
        report.cases += 1
        judge_case(case, report)
    report.seconds = time.perf_counter() - start
    return report


# --- 3. frozen policy continues trends ---------------------------------------------------------

def start_levers(drawn: Mapping[str, np.ndarray | float]) -> dict[str, np.ndarray | float]:
    """Every lever at its start-year value, draw by draw (a drawn start value stays drawn)."""
    return {k: drawn[f"baseline.{k}"] if f"baseline.{k}" in drawn else drawn[k] for k in LEVERS}


def central_inputs(sc: Scenario) -> dict[str, float]:
    """The scenario's central values, keyed as :func:`model.sample` keys them."""
    values = {f"baseline.{k}": e.value for k, e in sc.baseline.items()}
    values.update({k: sc.input_value(k) for k in LEVERS})
    return values


def jumps(x: np.ndarray) -> np.ndarray:
    """Per run, how far the first year departs from the trend of the next ones (see above);
    ``x`` holds four or five years x runs (with four, the steadily changing trend only)."""
    x0, x1, x2, x3 = x[:4]
    jump = np.full(x0.shape, np.inf)
    positive = (x0 > 0) & (x1 > 0) & (x2 > 0) & (x3 > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        growths = np.diff(np.log(np.where(x > 0, x, 1.0)), axis=0)   # d1 .. d3 or d4
        d1, d2, d3 = growths[:3]
        jump[positive] = np.abs(np.expm1(d1 - (2.0 * d2 - d3)))[positive]
        if len(x) > 4:
            jump = np.minimum(jump, _catching_up(growths, positive & (x[4] > 0)))
        other = ~positive & np.isfinite(x0) & (x0 != 0)
        second = np.abs((x1 - x0) - 2.0 * (x2 - x1) + (x3 - x2))
        np.divide(second, np.abs(x0), out=jump, where=other)
    return jump


def _catching_up(growths: np.ndarray, positive: np.ndarray) -> np.ndarray:
    """How far the first year departs from first-order catching up, from the yearly log
    growths d1 .. d4 (inf where the next years do not converge by a steady factor within
    bounds, or a value is not positive)."""
    d1, d2, d3, d4 = growths[:4]
    ratio = (d2 - d3) / (d3 - d4)
    converging = positive & np.isfinite(ratio) & (ratio >= 1.0) \
        & (ratio <= MAX_CONVERGENCE_RATIO)
    off = np.abs(np.expm1(d1 - (d2 + (d2 - d3) * ratio)))
    return np.where(converging, off, np.inf)


@cache
def frozen_policy(path: str) -> FrozenReport:
    start = time.perf_counter()
    report = FrozenReport()
    sc = scenario(path)
    label = name(sc)
    drawn = draws(path)
    frozen = start_levers(drawn)
    total = sum(np.asarray(frozen[k]) for k in ALLOCATION_SHARES)
    if any(shares_sum_off(float(run)) for run in np.atleast_1d(total)):
        # The draws' start-year shares do not add up, so they cannot be held as levers: say
        # so, and judge the trends with the start-year shares at their central values.
        drawn_shares = [f"baseline.{k}" for k in ALLOCATION_SHARES if f"baseline.{k}" in drawn]
        report.jumps.append(Problem(label, (
            f"the start-year allocation shares of the draws sum to {np.min(total):.1f}-"
            f"{np.max(total):.1f} %, not 100 % ({', '.join(drawn_shares)} drawn one by one); "
            f"the trends below are judged with them at their central values")))
        central_start = central_inputs(sc)
        drawn = {**drawn, **{k: np.full(DRAWS, central_start[k]) for k in drawn_shares}}
        frozen = start_levers(drawn)
    try:
        results = run(sc, drawn, frozen)
        central = run(sc, None, start_levers(central_inputs(sc)))
    except Exception as error:  # noqa: BLE001 - any failure is a finding
        report.jumps.append(Problem(label, f"frozen policy cannot run: "
                                           f"{type(error).__name__}: {error}"))
        return report
    for indicator in INDICATORS:
        if indicator not in results.indicators:
            report.jumps.append(Problem(label, f"the model does not report {indicator}"))
            continue
        x = results.sel(indicator)
        first = 0
        if indicator in DERIVED or indicator in SUMS or (x[0] == 0.0).all():
            report.not_judged.add(indicator)
            continue
        if np.isnan(x[0]).all():   # a yearly flow with no start-year value
            first = 1
        report.judged += 1
        jump = jumps(x[first:first + 5])
        if INDICATORS[indicator].unit == "家":
            jump = np.where(x[first] < 1.0, 0.0, jump)     # under one: none or one
        failing = ~(jump <= JUMP_LIMIT)
        middle = central.sel(indicator)
        central_off = float(jumps(middle[first:first + 5])[0])
        if middle[first, 0] != 0.0 and not central_off <= JUMP_LIMIT:   # (0: from zero)
            report.central_jumps.append(Problem(label, (
                f"{indicator} jumps in {sc.meta.start + first + 1} in the central run: "
                f"{central_off:.1%} off the next years' trend, "
                f"{_trio(middle, first)} {INDICATORS[indicator].unit}")))
        if failing.any():
            worst = int(np.argmax(np.where(failing, jump, -1.0)))
            unit = INDICATORS[indicator].unit
            year = sc.meta.start + first + 1
            report.jumps.append(Problem(label, (
                f"{indicator} jumps in {year}: {jump[worst]:.1%} off the next years' trend "
                f"in the worst draw, over 5 % in {int(failing.sum())}/{failing.size} draws; "
                f"central run {_trio(middle, first)} {unit} ({central_off:.1%} off), worst draw "
                f"{_trio(x, first, worst)}")))
    report.seconds = time.perf_counter() - start
    return report


def _trio(x: np.ndarray, first: int, run_index: int = 0) -> str:
    return " -> ".join(f"{x[i, run_index]:.4g}" for i in range(first, first + 4))


# --- the whole battery -------------------------------------------------------------------------

def report(paths: tuple[Path, ...] = SCENARIO_PATHS) -> str:
    """The battery's counts and every failure, as text."""
    lines = []
    started = time.perf_counter()
    sweeps = {p: sign_sweep(str(p)) for p in paths}
    extremes = {p: extreme_conditions(str(p)) for p in paths}
    frozen = {p: frozen_policy(str(p)) for p in paths}
    elapsed = time.perf_counter() - started
    pairs = sum(r.pairs for r in sweeps.values())
    wrong = [w for r in sweeps.values() for w in r.wrong_signs]
    sweep_problems = [p for r in sweeps.values() for p in r.problems]
    lines.append(f"VALIDATION BATTERY: {len(paths)} scenarios, {DRAWS} draws (seed {SEED}), "
                 f"{POINTS} lever points")
    lines.append(f"sign sweep: {pairs} lever x indicator x scenario pairs with a declared sign "
                 f"checked ({sum(r.ambiguous for r in sweeps.values())} declared ambiguous, "
                 f"not checked), {sum(len(r.levers) for r in sweeps.values())} lever sweeps of "
                 f"{POINTS * DRAWS} runs; wrong signs: {len(wrong)} pairs; other problems: "
                 f"{len(sweep_problems)}  [{sum(r.seconds for r in sweeps.values()):.1f} s]")
    lines += [f"  WRONG SIGN {w.line()}" for w in wrong]
    lines += [f"  PROBLEM {p.line()}" for p in sweep_problems]
    cases = sum(r.cases for r in extremes.values())
    failures = [f for r in extremes.values() for f in r.failures]
    refused = [f for r in extremes.values() for f in r.refused]
    lines.append(f"extreme conditions: {cases} cases (central run + {DRAWS} draws each); "
                 f"failing: {len(failures)}; cleanly refused (allowed): {len(refused)}  "
                 f"[{sum(r.seconds for r in extremes.values()):.1f} s]")
    lines += [f"  FAILURE {f.line()}" for f in failures]
    lines += [f"  refused (allowed) {f.line()}" for f in refused]
    judged = sum(r.judged for r in frozen.values())
    jumps = [j for r in frozen.values() for j in r.jumps]
    not_judged = sorted({i for r in frozen.values() for i in r.not_judged})
    lines.append(f"frozen policy: {judged} indicator x scenario pairs judged (not judged, no "
                 f"start value: {', '.join(not_judged) or 'none'}); jumps over "
                 f"{JUMP_LIMIT:.0%}: {len(jumps)}  [{sum(r.seconds for r in frozen.values()):.1f}"
                 f" s]")
    lines += [f"  JUMP {j.line()}" for j in jumps]
    lines.append(f"battery time: {elapsed:.1f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
