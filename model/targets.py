"""Verdicts: is each of a plan's targets reached, by how much, how likely, and when first?

Target kinds (the plans use all of them):
  level       the indicator's value in ``year`` compared with ``op value``
  cumulative  the indicator (a per-year flow) summed over ``from_year..year``
  growth      average annual growth of the indicator from ``from_year`` to ``year``, in %
  flow        the indicator meets ``op value`` in every year ``from_year..year``
              (its reported value is the worst year)
  rises       the indicator is higher every year than the year before, ``from_year..year``
              (its reported value is the smallest year-on-year change)
``about`` (a symmetric band, ≈) holds when ``|value - target| <= tolerance``;
``about_or_above`` ("达到X左右", reaching roughly X, ≳) holds when ``value >= target -
tolerance``: above X counts, below X within the tolerance too. The tolerance defaults to 5 %
of the target (assumption: plans say 左右 without a band) and is shown with the target.

This module holds every rule about targets, so the app, the CLI, goal seeking and the
sensitivity analysis cannot disagree: the verdict (:func:`holds`), the *margin*
(:func:`margin`), the "about" tolerance (:func:`about_tolerance`), the unit of the compared
quantity (:func:`compared_unit`), and a target's wording in Chinese and English
(:func:`describe`, :func:`label`, :data:`KIND_WORDS`, :data:`VERDICT_WORDS`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import arguments
from .errors import InputError
from .results import Results
from .scenario import ABOUT_OPS, Scenario, Target

DEFAULT_ABOUT_TOLERANCE = 0.05
EQUALITY_TOLERANCE = 1e-9  # relative; floating-point rounding, not a policy margin

REACHED, MISSED, NOT_MODELLED = "reached", "missed", "not modelled"

# The verdict a planner reads: how likely the target is reached, from the seeded ensemble
# (the share of runs that reach it). Bands: P >= 80 % likely, 20-80 % at risk, < 20 %
# unlikely. One run (the central run) gives no likelihood: it is a reference only.
LIKELY, AT_RISK, UNLIKELY = "likely", "at risk", "unlikely"
LIKELY_FROM = 0.8      # P >= 0.8: likely
UNLIKELY_BELOW = 0.2   # P < 0.2: unlikely; in between: at risk
# One ensemble for every verdict a planner reads: the app, `check`, `list`, JSON, CSV and
# Excel draw the same runs with the same seed, so the same file gives the same answer.
VERDICT_RUNS = 500
VERDICT_SEED = 20230505

# --- wording ---------------------------------------------------------------------------

KIND_WORDS: dict[str, dict[str, str]] = {
    "level": {"zh": "水平", "en": "level"},
    "cumulative": {"zh": "累计", "en": "cumulative"},
    "growth": {"zh": "年均增速", "en": "average growth"},
    "flow": {"zh": "每年", "en": "every year"},
    "rises": {"zh": "逐年提高", "en": "rises every year"},
}
VERDICT_WORDS: dict[str, dict[str, str]] = {
    REACHED: {"zh": "达成", "en": "reached"},
    MISSED: {"zh": "未达成", "en": "missed"},
    NOT_MODELLED: {"zh": "未建模", "en": "not modelled"},
    LIKELY: {"zh": "很可能达成", "en": "likely"},
    AT_RISK: {"zh": "有风险", "en": "at risk"},
    UNLIKELY: {"zh": "很可能未达成", "en": "unlikely"},
}
# The bands as a sentence, for the page, the CLI and the README.
LIKELIHOOD_BANDS: dict[str, str] = {
    "zh": "很可能达成：达成概率 ≥ 80 %；有风险：20–80 %；很可能未达成：< 20 %",
    "en": "likely: probability of reaching it ≥ 80 %; at risk: 20-80 %; unlikely: < 20 %",
}

# Typographic symbols for pages (where a plain ">" would start a Markdown quote) and plain
# ones for terminals and diffs of files (as written in the scenario file).
SYMBOLS = {">": "＞", ">=": "≥", "<": "＜", "<=": "≤", "about": "≈", "about_or_above": "≳"}
PLAIN_SYMBOLS = {">": ">", ">=": ">=", "<": "<", "<=": "<=", "about": "about",
                 "about_or_above": "about_or_above"}
# Short marks of a target's kind in its label (a key for tables, in English).
LABEL_MARKS = {"cumulative": "sum", "growth": "growth", "flow": "every year", "rises": "rises"}


def kind_word(kind: str, language: str) -> str:
    """A target kind (level, cumulative, ...) in ``language`` (``zh`` or ``en``)."""
    return KIND_WORDS.get(kind, {}).get(language, kind)


def verdict_word(verdict: str, language: str) -> str:
    """A verdict (reached, missed, not modelled, likely, at risk, unlikely) in ``language``."""
    return VERDICT_WORDS.get(verdict, {}).get(language, verdict)


def probability_text(probability: float | None, fraction: bool = False) -> str:
    """A probability as shown beside its likelihood: in whole per cent ("79%"), or with
    ``fraction`` as a fraction with two decimals ("0.79"); rounded, except never onto a
    band edge it has not reached (0.798 is "79%", at risk, not "80%", which reads as
    likely); "–" when not computed."""
    if probability is None or math.isnan(probability):
        return "–"
    shown = round(probability * 100)
    for edge in (LIKELY_FROM, UNLIKELY_BELOW):
        if probability < edge <= shown / 100:
            shown = math.floor(probability * 100)
    return f"{shown / 100:.2f}" if fraction else f"{shown}%"


def likelihood(probability: float | None) -> str | None:
    """The likelihood band of a probability of reaching a target; None when not computed."""
    if probability is None:
        return None
    if probability >= LIKELY_FROM:
        return LIKELY
    return AT_RISK if probability >= UNLIKELY_BELOW else UNLIKELY


def describe(target: Target, language: str = "en", *, year: bool = False,
             plain: bool = False) -> str:
    """The plan's target as a short phrase in ``language``.

    "≥ 250", "≥ 400 (Σ 2023-2027)", "≥ 80 (2021-2025 每年)", "＞ 10 (average growth
    2020-2025)", "逐年提高 (2020-2025)"; an "about" target shows the tolerance it is
    judged with, its own or the default 5 % ("≈ 25 ± 1.25"), an "about_or_above" one the
    lowest value that counts ("≳ 25 (≥ 25 − 1.25)"). ``year=True`` also gives a
    level target's year ("≥ 250 (2027)"), for a listing without a year column;
    ``plain=True`` writes the operators as the scenario file does (">=", "about"), for
    terminals and diffs. A target without op and value (one the model
    does not judge) is only its span.
    """
    span = f"{target.from_year}-{target.year}"
    if target.kind == "rises":
        return f"{kind_word('rises', language)} ({span})"
    goal = ""
    if target.op is not None and target.value is not None:
        symbol = (PLAIN_SYMBOLS if plain else SYMBOLS)[target.op]
        goal = f"{symbol} {target.value:g}"
        if target.op == "about":
            goal += f" ± {about_tolerance(target):g}"
        elif target.op == "about_or_above":
            goal += f" (≥ {target.value:g} − {about_tolerance(target):g})" if not plain else \
                f" (>= {target.value:g} - {about_tolerance(target):g})"
    if target.kind == "cumulative":
        goal += f" (Σ {span})"
    elif target.kind == "flow":
        goal += f" ({span} {kind_word('flow', language)})"
    elif target.kind == "growth":
        goal += f" ({kind_word('growth', language)} {span})"
    elif year:
        goal += f" ({target.year})"
    return goal.strip()


def label(target: Target) -> str:
    """A target's key in tables: "rd_intensity 2027", "patents sum 2023-2027"."""
    if target.kind == "level":
        return f"{target.indicator} {target.year}"
    return f"{target.indicator} {LABEL_MARKS[target.kind]} {target.from_year}-{target.year}"


def compared_unit(kind: str, indicator_unit: str) -> str:
    """The unit of the quantity a target of ``kind`` compares, from its indicator's unit.

    Growth is in %/年; a sum over years of a per-year flow is a count ("件/年" -> "件"); the
    smallest year-on-year rise of a share is in percentage points ("%" -> "百分点").
    """
    if kind == "growth":
        return "%/年"
    if kind == "cumulative" and indicator_unit.endswith("/年"):
        return indicator_unit[:-2]
    if kind == "rises" and indicator_unit == "%":
        return "百分点"
    return indicator_unit



@dataclass(frozen=True)
class Verdict:
    target: Target
    value: float | None          # median over runs of the quantity compared
    gap: float | None            # value - target (for rises: the smallest rise)
    probability: float | None    # share of runs that reach the target; None from one run
    verdict: str                 # reached / missed / not modelled, judged on the median run
    first_year: int | None       # first year the target's condition holds (median run)
    unit: str = ""

    @property
    def likelihood(self) -> str | None:
        """likely / at risk / unlikely from the probability; None when not computed."""
        return likelihood(self.probability) if self.target.tracked else None

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
            "likelihood": self.likelihood,
            "first_year": self.first_year,
            "tolerance": about_tolerance(t) if t.op in ABOUT_OPS and t.value is not None
            else None,
            "quote": t.quote,
            "proxy_zh": t.proxy.zh if t.proxy else None,
            "proxy_en": t.proxy.en if t.proxy else None,
            "note": t.note,
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
    start = target.start_year - first
    if target.kind == "cumulative":
        return series[start:end + 1].sum(axis=0)
    if target.kind == "growth":
        span = year - target.start_year
        return ((series[end] / series[start]) ** (1.0 / span) - 1.0) * 100.0
    window = series[start:end + 1]
    if target.kind == "flow":
        if target.relation == "about":  # the year furthest from the goal
            return window[np.argmax(np.abs(window - target.goal), axis=0),
                          np.arange(window.shape[1])]
        worst = np.min if target.relation in (">", ">=", "about_or_above") else np.max
        return worst(window, axis=0)
    # rises
    return np.diff(window, axis=0).min(axis=0)


def about_tolerance(target: Target) -> float:
    """How far from its value an "about" (左右) target may be: its own ``tolerance``, or
    :data:`DEFAULT_ABOUT_TOLERANCE` of the value."""
    if target.tolerance is not None:
        return target.tolerance
    return abs(target.goal) * DEFAULT_ABOUT_TOLERANCE


def holds(target: Target, value: np.ndarray) -> np.ndarray:
    if target.kind == "rises":
        return value > 0
    goal, op = target.goal, target.relation
    # Values equal up to floating-point rounding count as equal: 100 * 1.15**3 grown at
    # "15 %/year" must reach a 15 % growth target, and must not exceed it.
    rounding = EQUALITY_TOLERANCE * max(1.0, abs(goal))
    if op == ">":
        return value > goal + rounding
    if op == ">=":
        return value >= goal - rounding
    if op == "<":
        return value < goal - rounding
    if op == "<=":
        return value <= goal + rounding
    if op == "about_or_above":
        return value >= goal - about_tolerance(target) - rounding
    return np.abs(value - goal) <= about_tolerance(target)


def margin(target: Target, value: np.ndarray) -> np.ndarray:
    """How far ``value`` (the compared quantity) clears the target: > 0 reached, < 0 missed.

    ``value - goal`` for ``>``/``>=``, ``goal - value`` for ``<``/``<=``, ``tolerance -
    |value - goal|`` for ``about``, ``value - (goal - tolerance)`` for ``about_or_above``,
    the smallest rise itself for ``rises``. Goal seeking
    finds where it crosses zero; the sensitivity analysis explains its variance.
    """
    if target.kind == "rises":
        return value
    goal, op = target.goal, target.relation
    if op in (">", ">="):
        return value - goal
    if op in ("<", "<="):
        return goal - value
    if op == "about_or_above":
        return value - (goal - about_tolerance(target))
    return about_tolerance(target) - np.abs(value - goal)


def judge(target: Target, results: Results) -> Verdict:
    if not target.tracked:
        return Verdict(target, None, None, None, NOT_MODELLED, None)
    value = measured(target, results, target.year)
    reached = holds(target, value)
    median = float(np.median(value))
    earliest = (target.start_year + 1) if target.kind in ("growth", "rises") else (
        target.from_year if target.from_year is not None else int(results.years[0]))
    first_year = None
    median_run = int(np.argsort(value)[len(value) // 2])
    for year in range(earliest, int(results.years[-1]) + 1):
        if bool(holds(target, measured(target, results, year)[median_run:median_run + 1])[0]):
            first_year = year
            break
    # One run (the central run) says nothing about how likely the target is.
    probability = float(reached.mean()) if reached.size > 1 else None
    return summarise(target, median, probability, first_year,
                     results.specs[target.indicator].unit)


def summarise(target: Target, median: float, probability: float | None,
              first_year: int | None, indicator_unit: str) -> Verdict:
    """The verdict on a target whose compared quantity has this median over the runs."""
    gap = median - target.goal if target.kind != "rises" else median
    verdict = REACHED if bool(holds(target, np.array([median]))[0]) else MISSED
    return Verdict(target, median, gap, probability, verdict, first_year,
                   compared_unit(target.kind, indicator_unit))


def check(scenario: Scenario, results: Results) -> list[Verdict]:
    """Every target's verdict on ``results``, which must be a run of ``scenario``."""
    scenario, results = arguments.scenario(scenario), arguments.results(results)
    first, last = int(results.years[0]), int(results.years[-1])
    if (first, last) != (scenario.meta.start, scenario.meta.end):
        raise InputError("results", f"cover {first}-{last}, but the scenario runs "
                         f"{scenario.meta.start}-{scenario.meta.end}",
                         "the results of simulate(scenario) for this scenario")
    missing = sorted({t.indicator for t in scenario.targets if t.tracked}
                     - set(results.indicators))
    if missing:
        raise InputError("results", f"no values of {', '.join(missing)}",
                         "results holding every indicator a target compares")
    return [judge(target, results) for target in scenario.targets]
