"""Economy sector: GDP, population, employment, above-scale industry, public budget.

Stocks
  gdp_nonindustrial       [亿元/年]  GDP outside above-scale industry (a level of an annual flow)
  industrial_va_other     [亿元/年]  above-scale industrial value added outside high-tech industry
  population              [万人]     resident population
Flows (per year)
  gdp_nonindustrial_growth  = ln(1 + nonindustrial_growth) * gdp_nonindustrial
  industrial_va_other_growth = ln(1 + other_industry_growth) * industrial_va_other
  population_change         = ln(1 + population_growth) * population  (net; < 0 if shrinking)
Auxiliaries
  industrial_va      = industrial_va_other + hightech_va           [亿元/年]
  gdp                = gdp_nonindustrial + industrial_va           [亿元/年]
  industrial_revenue = industrial_va / va_to_revenue               [亿元/年]
  employed           = population * employment_rate              [万人]
  budget_expenditure = budget_to_gdp * gdp  (ratio fixed at its start value) [亿元/年]
Reads: hightech_va (high-tech sector).

Annual statistics are year totals: GDP, value added, revenue and the budget are recorded as
their totals over each year (the start year's from the data). The levels start at the rate
that a year total growing at the start year's growth rate ends the year with
(``year_end_rate``), so that the first simulated year continues the trend.

Growth rates are written as annual rates g (as plans write them) and integrated as the
continuous rate ln(1+g), so that a year of Euler steps reproduces "+g per year" closely.
Every growth rate may follow a yearly path (a scenario's [paths]), e.g. history's GDP growth.
Budget expenditure tied to GDP closes loop R2 (high-tech growth -> GDP -> budget -> fiscal
S&T spending under the share rule).
"""

from __future__ import annotations

import numpy as np

from ..catalogue import ECONOMY
from ..engine import StockSpec
from .common import (
    Constants,
    Inputs,
    Number,
    Sector,
    Stocks,
    Values,
    Variable,
    year_end_rate,
)

STOCKS = {
    "gdp_nonindustrial": StockSpec("亿元/年", inflows=("gdp_nonindustrial_growth",)),
    "industrial_va_other": StockSpec("亿元/年", inflows=("industrial_va_other_growth",)),
    "population": StockSpec("万人", inflows=("population_change",)),
}

FLOWS = {
    "gdp_nonindustrial_growth": Variable(
        "亿元/年/年", "ln(1 + nonindustrial_growth) * gdp_nonindustrial",
        ("gdp_nonindustrial",), ("nonindustrial_growth",)),
    "industrial_va_other_growth": Variable(
        "亿元/年/年", "ln(1 + other_industry_growth) * industrial_va_other",
        ("industrial_va_other",), ("other_industry_growth",)),
    "population_change": Variable(
        "万人/年", "ln(1 + population_growth) * population", ("population",),
        ("population_growth",)),
}

AUXILIARIES = {
    "industrial_va": Variable("亿元/年", "industrial_va_other + hightech_va",
                              ("industrial_va_other", "hightech_va")),
    "gdp": Variable("亿元/年", "gdp_nonindustrial + industrial_va",
                    ("gdp_nonindustrial", "industrial_va")),
    "industrial_revenue": Variable("亿元/年", "industrial_va / va_to_revenue",
                                   ("industrial_va",), ("va_to_revenue",)),
    "employed": Variable("万人", "population * employment_rate", ("population",),
                         ("employment_rate",)),
    "budget_expenditure": Variable("亿元/年", "budget_to_gdp * gdp (share fixed at the start)",
                                   ("gdp",)),
}

CONSTANTS = {
    "industrial_va_other_start": Variable(
        "亿元/年", "industrial_va * (1 - hightech_va_share) at the start",
        ("baseline.industrial_va", "baseline.hightech_va_share")),
    "budget_to_gdp": Variable("1", "budget_expenditure / gdp at the start",
                              ("baseline.budget_expenditure", "baseline.gdp")),
    "gdp_nonindustrial_rate_start": Variable(
        "亿元/年", "year_end_rate(gdp - industrial_va, nonindustrial_growth) at the start",
        ("baseline.gdp", "baseline.industrial_va"), ("nonindustrial_growth",)),
    "industrial_va_other_rate_start": Variable(
        "亿元/年", "year_end_rate(industrial_va_other_start, other_industry_growth)",
        ("industrial_va_other_start",), ("other_industry_growth",)),
}

TOTALS = ("gdp", "industrial_va", "industrial_revenue", "budget_expenditure")

READS = {"hightech_va": "亿元/年"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    other_start = b.industrial_va * (1.0 - b.hightech_va_share)
    return {
        "industrial_va_other_start": other_start,
        "budget_to_gdp": b.budget_expenditure / b.gdp,
        "gdp_nonindustrial_rate_start": year_end_rate(b.gdp - b.industrial_va,
                                                      p.nonindustrial_growth),
        "industrial_va_other_rate_start": year_end_rate(other_start, p.other_industry_growth),
    }


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"gdp": b.gdp, "industrial_va": b.industrial_va,
            "industrial_revenue": b.industrial_va / p.va_to_revenue,
            "budget_expenditure": b.budget_expenditure}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {
        "gdp_nonindustrial": c.gdp_nonindustrial_rate_start,
        "industrial_va_other": c.industrial_va_other_rate_start,
        "population": b.population,
    }


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    v["gdp_nonindustrial_growth"] = np.log1p(p.nonindustrial_growth) * s["gdp_nonindustrial"]
    v["industrial_va_other_growth"] = (np.log1p(p.other_industry_growth)
                                       * s["industrial_va_other"])
    v["population_change"] = np.log1p(p.population_growth) * s["population"]
    industrial_va = s["industrial_va_other"] + s["hightech_va"]
    v["industrial_va"] = industrial_va
    v["gdp"] = s["gdp_nonindustrial"] + industrial_va
    v["industrial_revenue"] = industrial_va / p.va_to_revenue
    v["employed"] = s["population"] * p.employment_rate
    v["budget_expenditure"] = c.budget_to_gdp * v["gdp"]


SECTOR = Sector(
    "economy", "Economy: GDP, population, employment, above-scale industry, public budget",
    ECONOMY, STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS,
    totals=TOTALS, start_totals=start_totals)
