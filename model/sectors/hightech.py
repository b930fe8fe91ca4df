"""High-tech industry sector: high-tech value added, its share, new-product output rate.

Stocks
  hightech_va   [亿元/年]  value added of high-tech industry (a level of an annual flow)
Flows (per year)
  hightech_va_growth = (investment_elasticity * ln(1 + hightech_investment_growth)
                        + knowledge_elasticity * rd_capital_growth) * hightech_va
  hightech_va_relocated = hightech_relocation * high-tech value added per high-tech
                        enterprise at the start (assumption: a certified firm moving in brings
                        the region's average certified firm's output, range 0.5-2x; without
                        it the firms' R&D arrived without their output, and 30-100 firms a
                        year moving into a county of 2-4 made R&D 9-34 % of its GDP)
Auxiliaries
  hightech_va_share = hightech_va / industrial_va          [fraction, in [0, 1] by construction:
                      industrial_va = hightech_va + industrial_va_other, both >= 0]
  new_product_rate  = 1 / (1 + (1/r0 - 1) * (K / K0) ** -new_product_elasticity)
                      [fraction, a logistic in log R&D capital, bounded in (0, 1)]

Reads: industrial_va (economy), rd_capital_growth and rd_capital (rd), hightech_relocation
(incubation).

High-tech investment drives capacity; growth of the R&D capital stock drives upgrading
(loop R1: R&D -> R&D capital -> high-tech VA -> revenue -> enterprise R&D). When R&D capital
shrinks the knowledge term turns negative and high-tech value added grows more slowly.
High-tech value added is recorded as its year total and its share as the ratio of year
totals; the level starts at the rate the start year's total ends the year with, growing as the
flow above does at the start (R&D capital then grows at rd_capital_growth_start, see rd).

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

STOCKS = {"hightech_va": StockSpec("亿元/年",
                                   inflows=("hightech_va_growth", "hightech_va_relocated"))}

FLOWS = {
    "hightech_va_growth": Variable(
        "亿元/年/年", "(investment_elasticity * ln(1 + hightech_investment_growth) + "
        "knowledge_elasticity * rd_capital_growth) * hightech_va",
        ("hightech_va", "rd_capital_growth"),
        ("investment_elasticity", "hightech_investment_growth", "knowledge_elasticity")),
    "hightech_va_relocated": Variable(
        "亿元/年/年", "hightech_relocation * hightech_va_per_enterprise",
        ("hightech_relocation",), (),
        "assumption: a firm moving in brings the average certified firm's output"),
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
        "亿元/年", "year_end_rate_at(industrial_va * hightech_va_share, investment_elasticity * "
        "ln(1 + hightech_investment_growth) + knowledge_elasticity * rd_capital_growth_start "
        "+ hightech_relocations_per_year / hightech_enterprises)",
        ("baseline.industrial_va", "baseline.hightech_va_share", "rd_capital_growth_start",
         "baseline.hightech_enterprises"),
        ("investment_elasticity", "hightech_investment_growth", "knowledge_elasticity",
         "hightech_relocations_per_year")),
    "hightech_va_per_enterprise": Variable(
        "亿元/年/家", "industrial_va * hightech_va_share / hightech_enterprises at the start",
        ("baseline.industrial_va", "baseline.hightech_va_share",
         "baseline.hightech_enterprises")),
}

READS = {"industrial_va": "亿元/年", "rd_capital_growth": "1/年", "rd_capital": "亿元",
         "hightech_relocation": "家/年"}


def growth(p: Inputs, rd_capital_growth: Number) -> Number:
    """High-tech value added's continuous growth rate (the flow above, per unit)."""
    return (p.investment_elasticity * np.log1p(p.hightech_investment_growth)
            + p.knowledge_elasticity * rd_capital_growth)


def start_growth(b: Inputs, p: Inputs, rd_capital_growth: Number) -> Number:
    """High-tech value added's growth at the start: its own, and firms moving in."""
    return growth(p, rd_capital_growth) + p.hightech_relocations_per_year / b.hightech_enterprises


def rate_start(b: Inputs, p: Inputs, rd_capital_growth: Number) -> Number:
    """The level the start year's total ends the year with, growing as the flows say."""
    return year_end_rate_at(b.industrial_va * b.hightech_va_share,
                            start_growth(b, p, rd_capital_growth))


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"new_product_odds_start": (1.0 - b.new_product_rate) / b.new_product_rate,
            "hightech_va_rate_start": rate_start(b, p, c.rd_capital_growth_start),
            "hightech_va_per_enterprise": b.industrial_va * b.hightech_va_share
            / b.hightech_enterprises}


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"hightech_va": b.industrial_va * b.hightech_va_share}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {"hightech_va": c.hightech_va_rate_start}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    hightech_va = s["hightech_va"]
    v["hightech_va_growth"] = growth(p, v["rd_capital_growth"]) * hightech_va
    v["hightech_va_relocated"] = v["hightech_relocation"] * c.hightech_va_per_enterprise
    v["hightech_va_share"] = hightech_va / v["industrial_va"]
    knowledge_index = s["rd_capital"] / c.rd_capital_start
    v["new_product_rate"] = 1.0 / (
        1.0 + c.new_product_odds_start * knowledge_index ** -p.new_product_elasticity)


SECTOR = Sector("hightech", "High-tech industry: value added, its share, new products",
                HIGHTECH, STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates,
                CONSTANTS, totals=("hightech_va",),
                ratios={"hightech_va_share": ("hightech_va", "industrial_va")},
                start_totals=start_totals)
