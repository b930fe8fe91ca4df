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

Personnel is limited both by money (R&D spending per FTE, NBS 2022: 48.4 万元 nationally,
Guangxi 31-38 万元) and by how many people the labour market supplies a year.
"""

from __future__ import annotations

import numpy as np

from ..engine import StockSpec
from .common import Inputs, Stocks, Values, spending_index

STOCKS = {
    "rd_personnel": StockSpec(
        "人年", inflows=("rd_personnel_hiring",), outflows=("rd_personnel_attrition",)
    ),
    "high_level_talent": StockSpec("人", inflows=("high_level_recruitment",)),
}

def initial(b: Inputs, p: Inputs, n: int) -> dict[str, np.ndarray]:
    p.high_level_recruits_start = b.high_level_recruits
    p.talent_index_scale, p.talent_index_offset = spending_index(
        b.fiscal_st_spending * p.share_talent)
    return {
        "rd_personnel": np.broadcast_to(b.rd_personnel, (n,)),
        "high_level_talent": np.zeros(n),
    }


def rates(s: Stocks, p: Inputs, v: Values) -> None:
    personnel = s["rd_personnel"]
    # 亿元 -> 万元: x 1e4.
    desired = v["rd_expenditure"] * 1e4 / p.rd_spending_per_fte
    programme_index = v["talent_spending"] * p.talent_index_scale + p.talent_index_offset
    recruitment = p.high_level_recruits_start * (
        1.0 - p.talent_programme_share + p.talent_programme_share * programme_index)
    supply = p.local_talent_supply + recruitment
    gap = np.maximum(desired - personnel, 0.0)
    v["desired_rd_personnel"] = desired
    v["rd_personnel_hiring"] = np.minimum(gap / p.personnel_adjustment_time, supply)
    v["rd_personnel_attrition"] = p.personnel_attrition * personnel
    v["high_level_recruitment"] = recruitment
    v["rd_personnel_per_10k_employed"] = personnel / v["employed"]
