"""Economy sector: GDP, population, employment, above-scale industry, public budget.

Stocks
  gdp_nonindustrial       [亿元/年]  GDP outside above-scale industry (a level of an annual flow)
  industrial_va_other     [亿元/年]  above-scale industrial value added outside high-tech industry
  population              [万人]     resident population
Flows (per year)
  gdp_nonindustrial_growth  = ln(1 + g_nonindustrial) * gdp_nonindustrial
  industrial_va_other_growth = ln(1 + g_other_industry) * industrial_va_other
  population_change         = ln(1 + g_population) * population   (net; negative when shrinking)
Auxiliaries
  industrial_va      = industrial_va_other + hightech_va           [亿元/年]
  gdp                = gdp_nonindustrial + industrial_va           [亿元/年]
  industrial_revenue = industrial_va / va_to_revenue               [亿元/年]
  employed           = population * employment_rate              [万人]
  budget_expenditure = budget_to_gdp * gdp  (ratio fixed at its start value) [亿元/年]

Growth rates are written as annual rates g (as plans write them) and integrated as the
continuous rate ln(1+g), so that a year of Euler steps reproduces "+g per year" closely.
Budget expenditure tied to GDP closes loop R2 (high-tech growth -> GDP -> budget -> fiscal
S&T spending under the share rule).
"""

from __future__ import annotations

import numpy as np

from ..engine import StockSpec
from .common import Inputs, Stocks, Values

STOCKS = {
    "gdp_nonindustrial": StockSpec("亿元/年", inflows=("gdp_nonindustrial_growth",)),
    "industrial_va_other": StockSpec("亿元/年", inflows=("industrial_va_other_growth",)),
    "population": StockSpec("万人", inflows=("population_change",)),
}

def initial(b: Inputs, p: Inputs, n: int) -> dict[str, np.ndarray]:
    """Start values; ``b`` holds baselines, ``p`` parameters (model units)."""
    industrial_va_other = b.industrial_va * (1.0 - b.hightech_va_share)
    p.industrial_va_other_start = industrial_va_other
    p.budget_to_gdp = b.budget_expenditure / b.gdp
    # Continuous rates of the (fixed) parameters, computed once rather than every step.
    p.nonindustrial_rate = np.log1p(p.nonindustrial_growth)
    p.other_industry_rate = np.log1p(p.other_industry_growth)
    p.population_rate = np.log1p(p.population_growth)
    return {
        "gdp_nonindustrial": np.broadcast_to(b.gdp - b.industrial_va, (n,)),
        "industrial_va_other": np.broadcast_to(industrial_va_other, (n,)),
        "population": np.broadcast_to(b.population, (n,)),
    }


def rates(s: Stocks, p: Inputs, v: Values) -> None:
    v["gdp_nonindustrial_growth"] = p.nonindustrial_rate * s["gdp_nonindustrial"]
    v["industrial_va_other_growth"] = p.other_industry_rate * s["industrial_va_other"]
    v["population_change"] = p.population_rate * s["population"]
    industrial_va = s["industrial_va_other"] + s["hightech_va"]
    v["industrial_va"] = industrial_va
    v["gdp"] = s["gdp_nonindustrial"] + industrial_va
    v["industrial_revenue"] = industrial_va / p.va_to_revenue
    v["employed"] = s["population"] * p.employment_rate
    v["budget_expenditure"] = p.budget_to_gdp * v["gdp"]
