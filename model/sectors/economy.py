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
from ..quantities import PERCENT, Spec
from .common import Inputs, Stocks, Values

STOCKS = {
    "gdp_nonindustrial": StockSpec("亿元/年", inflows=("gdp_nonindustrial_growth",)),
    "industrial_va_other": StockSpec("亿元/年", inflows=("industrial_va_other_growth",)),
    "population": StockSpec("万人", inflows=("population_change",)),
}

BASELINES = (
    Spec("gdp", "地区生产总值", "GDP", "亿元"),
    Spec("population", "常住人口", "resident population", "万人"),
    Spec("industrial_va", "规上工业增加值", "above-scale industrial value added", "亿元"),
    Spec("budget_expenditure", "一般公共预算支出", "general public budget expenditure", "亿元"),
)

PARAMETERS = (
    Spec("nonindustrial_growth", "非规上工业GDP名义增速", "nominal growth of GDP outside "
         "above-scale industry", "%/年", PERCENT, 6.0, (3.0, 9.0), lower=-20.0, upper=50.0,
         doc="assumption: recent nominal growth of Zhejiang/Hebei counties 4-9 %"),
    Spec("other_industry_growth", "非高新规上工业增加值增速", "growth of above-scale industrial "
         "value added outside high-tech industry", "%/年", PERCENT, 3.0, (0.0, 6.0),
         lower=-30.0, upper=50.0, doc="assumption"),
    Spec("population_growth", "常住人口增速", "resident population growth", "%/年", PERCENT,
         0.3, (-0.5, 1.0), lower=-10.0, upper=10.0, doc="assumption"),
    Spec("employment_rate", "就业人员占常住人口比重", "employed persons per resident", "%",
         PERCENT, 58.0, (50.0, 65.0), upper=100.0,
         doc="assumption: employed/resident ratio of Chinese districts 50-65 %"),
    Spec("va_to_revenue", "规上工业增加值率", "value added per unit of industrial revenue", "%",
         PERCENT, 25.0, (20.0, 30.0), upper=100.0,
         doc="assumption: industrial value-added rate 20-30 % in Chinese statistics"),
)

INDICATORS = (
    Spec("gdp", "地区生产总值", "GDP", "亿元"),
    Spec("population", "常住人口", "resident population", "万人"),
    Spec("employed", "就业人员", "employed persons", "万人"),
    Spec("industrial_va", "规上工业增加值", "above-scale industrial value added", "亿元"),
    Spec("industrial_revenue", "规上工业营业收入", "above-scale industrial revenue", "亿元"),
    Spec("budget_expenditure", "一般公共预算支出", "general public budget expenditure", "亿元"),
)


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
