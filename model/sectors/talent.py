"""Talent sector: R&D personnel and high-level talent recruitment.

Stocks
  rd_personnel          [人年]  R&D personnel, full-time equivalent
  high_level_talent     [人]    masters/PhDs and other high-level talent recruited since the
                                start year (cumulative)
Flows (per year)
  rd_personnel_hiring     = min(max(desired - rd_personnel, 0) / personnel_adjustment_time,
                                talent_supply)                          (loop B4: supply limit)
  rd_personnel_attrition  = personnel_attrition * rd_personnel
  high_level_recruitment  = high_level_recruits(start) * (1 - programme_share
                            + programme_share * talent_spending / talent_spending(start)) [人/年]
Auxiliaries
  desired_rd_personnel = rd_expenditure / rd_spending_per_fte   (money limit)      [人年]
  talent_supply        = local_talent_supply + high_level_recruitment           [人年/年]
  rd_personnel_per_10k_employed = rd_personnel / employed(万人)                    [人年/万人]

Reads: rd_expenditure (rd), talent_spending (fiscal), employed (economy).

Personnel is limited both by money (R&D spending per FTE, NBS 2022: 48.4 万元 nationally,
Guangxi 31-38 万元) and by how many people the labour market supplies a year.
"""

from __future__ import annotations

import numpy as np

from ..catalogue import TALENT
from ..engine import StockSpec
from .common import Constants, Inputs, Number, Sector, Stocks, Values, Variable, spending_index

STOCKS = {
    "rd_personnel": StockSpec(
        "人年", inflows=("rd_personnel_hiring",), outflows=("rd_personnel_attrition",)
    ),
    "high_level_talent": StockSpec("人", inflows=("high_level_recruitment",)),
}

FLOWS = {
    "rd_personnel_hiring": Variable(
        "人年/年", "min(max(desired_rd_personnel - rd_personnel, 0) / "
        "personnel_adjustment_time, talent_supply)",
        ("desired_rd_personnel", "rd_personnel", "talent_supply"), ("personnel_adjustment_time",)),
    "rd_personnel_attrition": Variable("人年/年", "personnel_attrition * rd_personnel",
                                       ("rd_personnel",), ("personnel_attrition",)),
    "high_level_recruitment": Variable(
        "人/年", "recruits at start * (1 - talent_programme_share + talent_programme_share * "
        "talent_spending / its start value)", ("talent_spending",),
        ("talent_programme_share",)),
}

AUXILIARIES = {
    "desired_rd_personnel": Variable("人年", "rd_expenditure / rd_spending_per_fte",
                                     ("rd_expenditure",), ("rd_spending_per_fte",),
                                     "NBS R&D bulletin 2022"),
    "talent_supply": Variable("人年/年", "local_talent_supply + high_level_recruitment",
                              ("high_level_recruitment",), ("local_talent_supply",)),
    "rd_personnel_per_10k_employed": Variable("人年/万人", "rd_personnel / employed",
                                              ("rd_personnel", "employed")),
}

CONSTANTS = {
    "high_level_recruits_start": Variable("人/年", "high-level recruits in the start year",
                                          ("baseline.high_level_recruits",)),
    "talent_index_scale": Variable("1/(亿元/年)", "1 / talent spending at the start (0 if none)",
                                   ("baseline.fiscal_st_spending",), ("share_talent",)),
    "talent_index_offset": Variable("1", "1 if there was no talent spending at the start, else 0",
                                    ("baseline.fiscal_st_spending",), ("share_talent",)),
}

READS = {"rd_expenditure": "亿元/年", "talent_spending": "亿元/年", "employed": "万人"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    scale, offset = spending_index(b.fiscal_st_spending * p.share_talent)
    return {"high_level_recruits_start": b.high_level_recruits,
            "talent_index_scale": scale, "talent_index_offset": offset}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {"rd_personnel": b.rd_personnel, "high_level_talent": 0.0}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    personnel = s["rd_personnel"]
    # 亿元 -> 万元: x 1e4.
    desired = v["rd_expenditure"] * 1e4 / p.rd_spending_per_fte
    programme_index = v["talent_spending"] * c.talent_index_scale + c.talent_index_offset
    recruitment = c.high_level_recruits_start * (
        1.0 - p.talent_programme_share + p.talent_programme_share * programme_index)
    supply = p.local_talent_supply + recruitment
    gap = np.maximum(desired - personnel, 0.0)
    v["desired_rd_personnel"] = desired
    v["rd_personnel_hiring"] = np.minimum(gap / p.personnel_adjustment_time, supply)
    v["rd_personnel_attrition"] = p.personnel_attrition * personnel
    v["high_level_recruitment"] = recruitment
    v["talent_supply"] = supply
    v["rd_personnel_per_10k_employed"] = personnel / v["employed"]


SECTOR = Sector("talent", "Talent: R&D personnel and high-level talent recruitment", TALENT,
                STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS)
