"""Plausibility, beyond validity: numbers a county, district or city is unlikely to have.

A valid scenario can still hold a slip: GDP written in 万元 where the model wants 亿元, a
share written as a fraction, a digit too many. Every start value (``[baseline]``), every
observed value (``[[history]]``) and every level target of a quantity with a plausible range
(:attr:`model.quantities.Spec.plausible`, in :mod:`model.catalogue`) is compared with what a
Chinese county, district or prefecture-level city has, and five ratios of start values are
compared with what they are in Chinese statistics (:data:`RATIOS`). A number outside is a
*warning* naming the likely slip: the run goes on, the exit code is unchanged. Values no
region can have stay errors (:mod:`model.scenario`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .catalogue import BASELINES
from .quantities import likely_slip
from .scenario import Scenario


@dataclass(frozen=True)
class Implausible:
    """A number, or a ratio of numbers, outside what a region plausibly has."""

    field: str                 # e.g. baseline.gdp, or the inputs of a ratio
    key: str                   # a catalogue key, or a ratio's name in RATIOS
    en: str
    zh: str
    value: float
    unit: str
    low: float
    high: float
    source: str
    slip_unit: str | None = None     # the unit it was probably written in
    slip_value: float | None = None  # its value in ``unit`` if so

    def line(self, path: str | Path) -> str:
        """One line for the command line (stderr): the file, the field and the likely slip."""
        value = f"{number(self.value)} {self.unit}"
        span = f"{self.low:g}–{self.high:g} {self.unit}"
        if self.key in RATIOS:
            return (f"{path}: {self.field}: warning: {self.en} {value} "
                    f"({RATIOS[self.key].formula}) is outside {span}, what Chinese regions "
                    "have: one of these numbers is likely in another unit")
        text = (f"{path}: {self.field}: warning: {self.en} {value}: {self.unit} expected, a "
                f"county's, district's or city's {self.en} is {span}")
        if self.slip_unit is not None and self.slip_value is not None:
            text += (f" (written in {self.slip_unit}? that is {number(self.slip_value)} "
                     f"{self.unit})")
        return text


def number(value: float) -> str:
    """A number as a planner wrote it: 3000000, 2.71, 0.027 (no 3e+06)."""
    if abs(value) >= 1e4:
        return f"{value:.0f}"
    return f"{value:.4g}"


@dataclass(frozen=True)
class Ratio:
    """A ratio of start values and the range it has in Chinese statistics."""

    en: str
    zh: str
    unit: str
    formula: str
    formula_zh: str
    inputs: tuple[str, ...]
    compute: Callable[[Mapping[str, float]], float]
    low: float
    high: float
    source: str


RATIOS: dict[str, Ratio] = {
    "rd_per_fte": Ratio(
        "R&D expenditure per R&D FTE", "人均R&D经费", "万元/人年",
        "R&D intensity × GDP / R&D personnel",
        "R&D经费投入强度 × GDP / R&D人员", ("rd_intensity", "gdp", "rd_personnel"),
        lambda b: b["rd_intensity"] / 100 * b["gdp"] * 1e4 / b["rd_personnel"], 15.0, 120.0,
        "model-science.md: 48.4 万元 nationally (2022), Guangxi 31-38; china-national.csv: "
        "37.7 (2015) -> 46.1 (2019); assumption beyond"),
    "fiscal_share_of_rd": Ratio(
        "fiscal S&T spending per gross R&D", "财政科技支出与全社会R&D经费之比", "%",
        "fiscal S&T spending / (R&D intensity × GDP)",
        "财政科技支出 / (R&D经费投入强度 × GDP)",
        ("fiscal_st_spending", "rd_intensity", "gdp"),
        lambda b: b["fiscal_st_spending"] / (b["rd_intensity"] / 100 * b["gdp"]) * 100,
        3.0, 120.0,
        "china-national.csv: fiscal S&T spending of all governments 46-49 % of gross R&D "
        "(2015-2019); the shipped counties 14-30 %; assumption beyond"),
    "gdp_per_head": Ratio(
        "GDP per head", "人均地区生产总值", "万元/人", "GDP / resident population",
        "GDP / 常住人口",
        ("gdp", "population"), lambda b: b["gdp"] / b["population"], 1.0, 50.0,
        "china-national.csv: 5.0 万元 nationally (2015), 8.9 (2023); NBS county statistics: "
        "poorest counties about 1.5, richest districts 30-45"),
    "grants_per_patent_in_force": Ratio(
        "invention grants per invention patent in force", "发明专利授权量与有效发明专利之比",
        "%", "invention patent grants / (invention patents per 10k × population)",
        "发明专利授权量 / (万人发明专利拥有量 × 常住人口)",
        ("invention_patent_grants", "invention_patents_per_10k", "population"),
        lambda b: b["invention_patent_grants"] / (b["invention_patents_per_10k"]
                                                  * b["population"]) * 100, 3.0, 80.0,
        "china-national.csv and CNIPA: 263,000 grants on 6.3 per 10k × 137,462 万 people, "
        "30 % (2015); the stock grows with grants less lapse (IP5 2012: 11.5 %/yr)"),
    "fiscal_st_budget_share": Ratio(
        "fiscal S&T share of the budget", "财政科技支出占一般公共预算支出比重", "%",
        "fiscal S&T spending / budget expenditure",
        "财政科技支出 / 一般公共预算支出", ("fiscal_st_spending", "budget_expenditure"),
        lambda b: b["fiscal_st_spending"] / b["budget_expenditure"] * 100, 0.2, 15.0,
        "MOF: about 4 % on average for local budgets, the highest cities 10-15 % "
        "(model/catalogue.py fiscal_st_budget_share)"),
}


def implausible(scenario: Scenario) -> list[Implausible]:
    """Every number and ratio of ``scenario`` outside its plausible range, in file order."""
    found: list[Implausible] = []
    region = scenario.meta.level == "region"
    if region:   # a national replay is no county: its sums are far above any region's
        for key, entry in scenario.baseline.items():
            found += _outside(f"baseline.{key}", key, entry.value)
    start = {k: e.value for k, e in scenario.baseline.items()}
    for name, ratio in RATIOS.items():
        if not all(k in start for k in ratio.inputs):
            continue
        try:
            value = ratio.compute(start)
        except ZeroDivisionError:
            continue   # a zero start value: a ratio says nothing
        if not ratio.low <= value <= ratio.high:
            fields = "baseline." + "/".join(ratio.inputs)
            found.append(Implausible(fields, name, ratio.en, ratio.zh, value, ratio.unit,
                                     ratio.low, ratio.high, ratio.source))
    if region:
        for i, target in enumerate(scenario.targets):
            if target.tracked and target.kind == "level" and target.value is not None:
                found += _outside(f"targets[{i}].value", target.indicator, target.value)
        for i, point in enumerate(scenario.history):
            found += _outside(f"history[{i}].value", point.indicator, point.value)
    return found


def _outside(field: str, key: str, value: float) -> list[Implausible]:
    spec = BASELINES.get(key)
    if spec is None or spec.plausible is None:
        return []
    plausible = spec.plausible
    if plausible.low <= value <= plausible.high:
        return []
    slip = likely_slip(spec, value)
    return [Implausible(field, key, spec.en, spec.zh, value, spec.unit, plausible.low,
                        plausible.high, plausible.source, *(slip or (None, None)))]
