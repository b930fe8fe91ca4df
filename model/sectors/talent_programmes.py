"""Talent programmes sector: the tiers of talent the talent money pays for, above the
masters and PhDs of the talent sector (high_level_recruitment).

Stocks
  high_end_talents          [人]  provincial-and-above leading talents (领军人才, 高端人才)
                                  recruited or cultivated since the start year (cumulative)
  academician_workstations  [家]  academician (expert) workstations (院士(专家)工作站)
  academician_teams         [个]  academician teams brought in since the start year
                                  (each sets up a workstation; cumulative)
Flows (per year)
  high_end_talent_recruitment = talent_spending * high_end_talent_budget_share
                                / high_end_talent_cost                        [人/年]
  academician_workstation_openings = openings at the start * talent_spending / its start
                                value                                         [家/年]
  academician_team_arrivals = academician_workstation_openings [个/年] (one team each)
      openings at the start = (platform_growth_before_start + closure) * workstations at the
      start, so that their number continues its recent trend; in a region without one,
      talent_spending * academician_budget_share / academician_workstation_cost
  academician_workstation_closures = academician_workstation_closure * workstations
Reads: talent_spending (fiscal).

What the talent money pays per head is the mechanism: a leading talent costs the region
high_end_talent_cost (county and city packages of 50-300 万元), a workstation its set-up
grant where the region has none yet (elsewhere its openings continue their recent trend and
move with the talent money). Both are assumptions with ranges; the budget shares split the
talent line between these tiers and the masters/PhDs the talent sector recruits (the talent
sector's relative programme index is unaffected: each tier is a fixed share of one line).
"""

from __future__ import annotations

import numpy as np

from ..catalogue import TALENT_PROGRAMMES
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
    start_value,
)

STOCKS = {
    "high_end_talents": StockSpec("人", inflows=("high_end_talent_recruitment",)),
    "academician_workstations": StockSpec(
        "家", inflows=("academician_workstation_openings",),
        outflows=("academician_workstation_closures",)),
    "academician_teams": StockSpec("个", inflows=("academician_team_arrivals",)),
}

FLOWS = {
    "high_end_talent_recruitment": Variable(
        "人/年", "talent_spending * high_end_talent_budget_share / high_end_talent_cost",
        ("talent_spending",), ("high_end_talent_budget_share", "high_end_talent_cost")),
    "academician_workstation_openings": Variable(
        "家/年", "openings at the start * talent_spending / its start value",
        ("talent_spending",), (), "openings at the start: the recent trend, or the set-up "
        "grant where there is no workstation"),
    "academician_team_arrivals": Variable(
        "个/年", "academician_workstation_openings (each team sets up a workstation)",
        ("academician_workstation_openings",)),
    "academician_workstation_closures": Variable(
        "家/年", "academician_workstation_closure * academician_workstations",
        ("academician_workstations",), ("academician_workstation_closure",)),
}

AUXILIARIES: dict[str, Variable] = {}

CONSTANTS = {
    "academician_workstations_start": Variable(
        "家", "academician workstations at the start (0 if not given)",
        ("baseline.academician_workstations",)),
    "workstation_openings_start": Variable(
        "家/年", "(platform_growth_before_start + academician_workstation_closure) * "
        "workstations at the start, or talent money * academician_budget_share / "
        "academician_workstation_cost where there are none",
        ("baseline.academician_workstations", "fiscal_st_rate_start"),
        ("platform_growth_before_start", "academician_workstation_closure", "share_talent",
         "academician_budget_share", "academician_workstation_cost")),
    "talent_money_scale": Variable("1/(亿元/年)", "1 / talent money at the start (0 if none)",
                                   ("fiscal_st_rate_start",), ("share_talent",)),
    "talent_money_offset": Variable("1", "1 if there was no talent money at the start",
                                    ("fiscal_st_rate_start",), ("share_talent",)),
}

READS = {"talent_spending": "亿元/年"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    workstations = start_value(b, "academician_workstations", 0.0)
    talent_money = c.fiscal_st_rate_start * p.share_talent
    scale, offset = spending_index(talent_money)
    # 亿元 -> 万元: x 1e4.
    from_grants = talent_money * 1e4 * p.academician_budget_share / (
        p.academician_workstation_cost)
    trend = (p.platform_growth_before_start + p.academician_workstation_closure) * workstations
    return {"academician_workstations_start": workstations,
            "workstation_openings_start": np.where(np.asarray(workstations) > 0, trend,
                                                   from_grants),
            "talent_money_scale": scale, "talent_money_offset": offset}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {"high_end_talents": 0.0, "academician_workstations": c.academician_workstations_start,
            "academician_teams": 0.0}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    # 亿元 -> 万元: x 1e4.
    money = v["talent_spending"] * 1e4
    v["high_end_talent_recruitment"] = money * p.high_end_talent_budget_share / (
        p.high_end_talent_cost)
    v["academician_workstation_openings"] = c.workstation_openings_start * (
        v["talent_spending"] * c.talent_money_scale + c.talent_money_offset)
    v["academician_team_arrivals"] = v["academician_workstation_openings"]
    v["academician_workstation_closures"] = (p.academician_workstation_closure
                                             * s["academician_workstations"])


SECTOR = Sector(
    "talent_programmes", "Talent programmes: leading talents and academician workstations "
    "paid per head", TALENT_PROGRAMMES, STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial,
    rates, CONSTANTS)
