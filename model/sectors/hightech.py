"""High-tech industry sector: high-tech value added, its share, new-product output rate.

Stocks
  hightech_va   [亿元/年]  value added of high-tech industry (a level of an annual flow)
Flows (per year)
  hightech_va_growth = (investment_elasticity * ln(1 + hightech_investment_growth)
                        + knowledge_elasticity * rd_capital_growth) * hightech_va
Auxiliaries
  hightech_va_share = hightech_va / industrial_va          [fraction, in [0, 1] by construction:
                      industrial_va = hightech_va + industrial_va_other, both >= 0]
  new_product_rate  = 1 / (1 + (1/r0 - 1) * (K / K0) ** -new_product_elasticity)
                      [fraction, a logistic in log R&D capital, bounded in (0, 1)]

Reads: industrial_va (economy), rd_capital_growth and rd_capital (rd).

High-tech investment drives capacity; growth of the R&D capital stock drives upgrading
(loop R1: R&D -> R&D capital -> high-tech VA -> revenue -> enterprise R&D). When R&D capital
shrinks the knowledge term turns negative and high-tech value added grows more slowly.
High-tech value added is recorded as its year total and its share as the ratio of year
totals; the level starts at the rate the start year's total ends the year with, growing as the
flow above does at the start (R&D capital then grows at rd_growth_before_start).

Definitions differ: Zhejiang's 高新技术产业 share (67 % in 2023) is not the national
高技术制造业 share (16 %); a scenario's baseline must use its plan's definition.
"""

from __future__ import annotations

import numpy as np

from ..catalogue import HIGHTECH
from ..engine import StockSpec
from .common import (
    Constants,
    Inputs,
    Number,
    Sector,
    Stocks,
    Values,
    Variable,
    year_end_rate_at,
)

STOCKS = {"hightech_va": StockSpec("亿元/年", inflows=("hightech_va_growth",))}

FLOWS = {
    "hightech_va_growth": Variable(
        "亿元/年/年", "(investment_elasticity * ln(1 + hightech_investment_growth) + "
        "knowledge_elasticity * rd_capital_growth) * hightech_va",
        ("hightech_va", "rd_capital_growth"),
        ("investment_elasticity", "hightech_investment_growth", "knowledge_elasticity")),
}

AUXILIARIES = {
    "hightech_va_share": Variable("1", "hightech_va / industrial_va",
                                  ("hightech_va", "industrial_va")),
    "new_product_rate": Variable(
        "1", "1 / (1 + odds at start * (rd_capital / its start) ** -new_product_elasticity)",
        ("rd_capital",), ("new_product_elasticity",)),
}

CONSTANTS = {
    "new_product_odds_start": Variable("1", "(1 - new_product_rate) / new_product_rate at the "
                                       "start", ("baseline.new_product_rate",)),
    "hightech_va_rate_start": Variable(
        "亿元/年", "year_end_rate(industrial_va * hightech_va_share, exp(investment_elasticity * "
        "ln(1 + hightech_investment_growth) + knowledge_elasticity * ln(1 + "
        "rd_growth_before_start)) - 1)", ("baseline.industrial_va", "baseline.hightech_va_share"),
        ("investment_elasticity", "hightech_investment_growth", "knowledge_elasticity",
         "rd_growth_before_start")),
}

READS = {"industrial_va": "亿元/年", "rd_capital_growth": "1/年", "rd_capital": "亿元"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    rate = (p.investment_elasticity * np.log1p(p.hightech_investment_growth)
            + p.knowledge_elasticity * np.log1p(p.rd_growth_before_start))
    return {"new_product_odds_start": (1.0 - b.new_product_rate) / b.new_product_rate,
            "hightech_va_rate_start": year_end_rate_at(b.industrial_va * b.hightech_va_share,
                                                       rate)}


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"hightech_va": b.industrial_va * b.hightech_va_share}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {"hightech_va": c.hightech_va_rate_start}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    hightech_va = s["hightech_va"]
    growth = (p.investment_elasticity * np.log1p(p.hightech_investment_growth)
              + p.knowledge_elasticity * v["rd_capital_growth"])
    v["hightech_va_growth"] = growth * hightech_va
    v["hightech_va_share"] = hightech_va / v["industrial_va"]
    knowledge_index = s["rd_capital"] / c.rd_capital_start
    v["new_product_rate"] = 1.0 / (
        1.0 + c.new_product_odds_start * knowledge_index ** -p.new_product_elasticity)


SECTOR = Sector("hightech", "High-tech industry: value added, its share, new products",
                HIGHTECH, STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates,
                CONSTANTS, totals=("hightech_va",),
                ratios={"hightech_va_share": ("hightech_va", "industrial_va")},
                start_totals=start_totals)
