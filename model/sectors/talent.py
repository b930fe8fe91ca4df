"""Talent sector: R&D personnel and high-level talent recruitment.

Stocks
  rd_personnel          [人年]      R&D personnel, full-time equivalent
  rd_cost_per_fte       [万元/人年]  R&D expenditure per FTE (salaries and the rest of R&D
                                    spending per researcher); it grows with wages
  high_level_talent     [人]        masters/PhDs and other high-level talent recruited since
                                    the start year (cumulative)
Flows (per year)
  rd_personnel_hiring     = max(personnel_attrition * rd_personnel
                                + min((desired - rd_personnel) / personnel_adjustment_time,
                                      talent_supply), 0)          (loop B4: gap and supply)
  rd_personnel_attrition  = personnel_attrition * rd_personnel
  rd_cost_growth_flow     = ln(1 + rd_cost_growth) * rd_cost_per_fte
  high_level_recruitment  = high_level_recruits(start) * (1 - programme_share
                            + programme_share * talent_spending / talent_spending(start)) [人/年]
Auxiliaries
  desired_rd_personnel = rd_expenditure / rd_cost_per_fte   (what the money pays for) [人年]
  talent_supply        = talent_supply_rate * rd_personnel + high_level_recruitment [人年/年]
  rd_personnel_per_10k_employed = rd_personnel / employed(万人)                    [人年/万人]
Reads: rd_expenditure (rd), talent_spending (fiscal), employed (economy).

Hiring replaces leavers and closes the gap to what the R&D money pays for; the net growth is
capped by what the labour market supplies. The cost per FTE is calibrated at the start
(the R&D rate at the start / baseline personnel), so staff start in balance with the money;
it then grows with wages (China 2015-2019: 37.7 -> 46.1 万元, 5.2 %/yr; NBS 2022: 48.4 万元
nationally, Guangxi 31-38 万元).
Recruits are counted per year (a year total); the start year's is the statistic, and the flow
starts at the rate that total ends the year with, growing as talent spending makes it.
"""

from __future__ import annotations

import numpy as np

from ..catalogue import TALENT
from ..engine import StockSpec
from .common import (
    Constants,
    Inputs,
    Number,
    Sector,
    Stocks,
    Values,
    Variable,
    spending_index,
    year_end_rate,
)

STOCKS = {
    "rd_personnel": StockSpec(
        "人年", inflows=("rd_personnel_hiring",), outflows=("rd_personnel_attrition",)
    ),
    "rd_cost_per_fte": StockSpec("万元/人年", inflows=("rd_cost_per_fte_growth",)),
    "high_level_talent": StockSpec("人", inflows=("high_level_recruitment",)),
}

FLOWS = {
    "rd_personnel_hiring": Variable(
        "人年/年", "max(personnel_attrition * rd_personnel + min((desired_rd_personnel - "
        "rd_personnel) / personnel_adjustment_time, talent_supply), 0)",
        ("desired_rd_personnel", "rd_personnel", "talent_supply"),
        ("personnel_adjustment_time", "personnel_attrition")),
    "rd_personnel_attrition": Variable("人年/年", "personnel_attrition * rd_personnel",
                                       ("rd_personnel",), ("personnel_attrition",)),
    "rd_cost_per_fte_growth": Variable("万元/人年/年", "ln(1 + rd_cost_growth) * rd_cost_per_fte",
                                       ("rd_cost_per_fte",), ("rd_cost_growth",)),
    "high_level_recruitment": Variable(
        "人/年", "recruits at start * (1 - talent_programme_share + talent_programme_share * "
        "talent_spending / its start value)", ("talent_spending",),
        ("talent_programme_share",)),
}

AUXILIARIES = {
    "desired_rd_personnel": Variable("人年", "rd_expenditure / rd_cost_per_fte",
                                     ("rd_expenditure", "rd_cost_per_fte")),
    "talent_supply": Variable("人年/年", "talent_supply_rate * rd_personnel + "
                              "high_level_recruitment", ("rd_personnel", "high_level_recruitment"),
                              ("talent_supply_rate",)),
    "rd_personnel_per_10k_employed": Variable("人年/万人", "rd_personnel / employed",
                                              ("rd_personnel", "employed")),
}

CONSTANTS = {
    "high_level_recruits_start": Variable(
        "人/年", "year_end_rate(high-level recruits in the start year, talent_programme_share * "
        "growth of fiscal S&T spending at the start)", ("baseline.high_level_recruits",
                                                         "fiscal_st_growth_start"),
        ("talent_programme_share",)),
    "talent_index_scale": Variable("1/(亿元/年)", "1 / talent spending at the start (0 if none)",
                                   ("fiscal_st_rate_start",), ("share_talent",)),
    "talent_index_offset": Variable("1", "1 if there was no talent spending at the start, else 0",
                                    ("fiscal_st_rate_start",), ("share_talent",)),
    "rd_cost_per_fte_start": Variable("万元/人年",
                                      "R&D rate at the start / R&D personnel at the start",
                                      ("rd_rate_start", "baseline.rd_personnel")),
}

READS = {"rd_expenditure": "亿元/年", "talent_spending": "亿元/年", "employed": "万人"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    scale, offset = spending_index(c.fiscal_st_rate_start * p.share_talent)
    return {"high_level_recruits_start": year_end_rate(
                b.high_level_recruits, p.talent_programme_share * c.fiscal_st_growth_start),
            "talent_index_scale": scale, "talent_index_offset": offset,
            # 亿元 -> 万元: x 1e4.
            "rd_cost_per_fte_start": c.rd_rate_start * 1e4 / b.rd_personnel}


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"high_level_recruitment": b.high_level_recruits}


def checks(b: Inputs, p: Inputs, c: Constants) -> list[tuple[str, Number, str]]:
    return [("rd_personnel", b.rd_personnel - 1.0, "no R&D personnel at the start")]


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {"rd_personnel": b.rd_personnel, "rd_cost_per_fte": c.rd_cost_per_fte_start,
            "high_level_talent": 0.0}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    personnel = s["rd_personnel"]
    # 亿元 -> 万元: x 1e4.
    desired = v["rd_expenditure"] * 1e4 / s["rd_cost_per_fte"]
    programme_index = v["talent_spending"] * c.talent_index_scale + c.talent_index_offset
    recruitment = c.high_level_recruits_start * (
        1.0 - p.talent_programme_share + p.talent_programme_share * programme_index)
    supply = p.talent_supply_rate * personnel + recruitment
    attrition = p.personnel_attrition * personnel
    adjustment = np.minimum((desired - personnel) / p.personnel_adjustment_time, supply)
    v["desired_rd_personnel"] = desired
    v["talent_supply"] = supply
    v["rd_personnel_hiring"] = np.maximum(attrition + adjustment, 0.0)
    v["rd_personnel_attrition"] = attrition
    v["rd_cost_per_fte_growth"] = np.log1p(p.rd_cost_growth) * s["rd_cost_per_fte"]
    v["high_level_recruitment"] = recruitment
    v["rd_personnel_per_10k_employed"] = personnel / v["employed"]


SECTOR = Sector("talent", "Talent: R&D personnel, cost per FTE, high-level recruitment", TALENT,
                STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS,
                checks=checks, start_totals=start_totals)
