"""Fiscal sector: fiscal S&T spending and its allocation.

Stocks
  fiscal_st_spending   [亿元/年]  local fiscal science-and-technology expenditure (a level)
Flows (per year)
  fiscal_st_change     net change of the level:
      growth rule: ln(1 + fiscal_st_growth) * fiscal_st_spending * budget_room
      budget_room = 1 - (fiscal_st_share / fiscal_st_max_budget_share) ** 4 when growing
      (a budget constraint: about 1 at today's shares, 0 at the cap; no share over the cap)
      share rule:  (fiscal_st_budget_share * budget_expenditure - fiscal_st_spending) / 1 year
Auxiliaries [亿元/年]
  rd_subsidies, incubation_spending, talent_spending, tech_market_support,
  public_research_spending = fiscal_st_spending * allocation share (shares sum to 1)
  fiscal_st_share [fraction] = fiscal_st_spending / budget_expenditure
Reads: budget_expenditure (economy).

Under the share rule fiscal S&T spending follows the budget, which follows GDP: loop R2.
Fiscal S&T spending is recorded as its year total (the start year's from the final accounts);
the level starts at the rate that total ends the start year with, growing at the start
year's rate (the growth rule's as the budget room at the start share lets it run, or GDP
outside industry's under the share rule).
"""

from __future__ import annotations

import numpy as np

from ..catalogue import ALLOCATION_SHARES, FISCAL
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

STOCKS = {"fiscal_st_spending": StockSpec("亿元/年", inflows=("fiscal_st_change",))}

FLOWS = {
    "fiscal_st_change": Variable(
        "亿元/年/年", "growth rule: ln(1 + fiscal_st_growth) * fiscal_st_spending * (1 - "
        "(fiscal_st_share / fiscal_st_max_budget_share) ** 4 when growing); share rule: "
        "(fiscal_st_budget_share * budget_expenditure - fiscal_st_spending) / 1 year",
        ("fiscal_st_spending", "budget_expenditure", "fiscal_st_share"),
        ("fiscal_st_growth", "fiscal_st_budget_share", "fiscal_st_max_budget_share"),
        "assumption: budget constraint (see fiscal_st_max_budget_share)"),
}

# The budget line each allocation share pays for.
ALLOCATED = {
    "rd_subsidies": "share_rd_subsidies",
    "incubation_spending": "share_incubation",
    "talent_spending": "share_talent",
    "tech_market_support": "share_tech_market",
    "public_research_spending": "share_public_research",
}
assert tuple(ALLOCATED.values()) == ALLOCATION_SHARES

AUXILIARIES = {
    "fiscal_st_share": Variable("1", "fiscal_st_spending / budget_expenditure",
                                ("fiscal_st_spending", "budget_expenditure")),
    **{line: Variable("亿元/年", f"fiscal_st_spending * {share}", ("fiscal_st_spending",),
                      (share,)) for line, share in ALLOCATED.items()},
}

READS = {"budget_expenditure": "亿元/年"}

CONSTANTS = {
    "fiscal_st_rate_start": Variable(
        "亿元/年", "year_end_rate(fiscal_st_spending, fiscal_st_growth_start) at the start",
        ("baseline.fiscal_st_spending", "fiscal_st_growth_start")),
    "fiscal_st_growth_start": Variable(
        "1/年", "fiscal S&T spending's growth in the start year: fiscal_st_growth slowed by the "
        "budget room at the start share (growth rule) or nonindustrial_growth (share rule)",
        ("baseline.fiscal_st_spending", "baseline.budget_expenditure"),
        ("fiscal_st_growth", "fiscal_st_max_budget_share", "nonindustrial_growth")),
}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    if p.fiscal_rule == "share":
        growth = p.nonindustrial_growth
    else:
        # The growth rule's rate as the budget room at the start lets it run: a start share
        # near the cap grows slowly from the start, not at the full rate for a year and
        # then hardly at all.
        room = budget_room(b.fiscal_st_spending / b.budget_expenditure,
                           p.fiscal_st_max_budget_share)
        growth = np.expm1(_growth_rate(np.log1p(p.fiscal_st_growth), room))
    return {"fiscal_st_rate_start": year_end_rate(b.fiscal_st_spending, growth),
            "fiscal_st_growth_start": growth}


def budget_room(budget_share: Number, max_budget_share: Number) -> Number:
    """How much of its growth rate the growth rule may use: about 1 at today's shares, 0 at
    the cap (assumption: a budget constraint; see fiscal_st_max_budget_share)."""
    return 1.0 - np.minimum(budget_share / max_budget_share, 1.0) ** 4


def _growth_rate(rate: Number, room: Number) -> Number:
    """Growth slows as S&T spending nears the most of the budget it can take; cuts do not."""
    return np.where(rate > 0.0, rate * room, rate)


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"fiscal_st_spending": b.fiscal_st_spending}


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {"fiscal_st_spending": c.fiscal_st_rate_start}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    spending = s["fiscal_st_spending"]
    budget_share = spending / v["budget_expenditure"]
    v["fiscal_st_share"] = budget_share
    if p.fiscal_rule == "share":
        # First-order adjustment over one year towards the budget share.
        v["fiscal_st_change"] = p.fiscal_st_budget_share * v["budget_expenditure"] - spending
    else:
        room = budget_room(budget_share, p.fiscal_st_max_budget_share)
        v["fiscal_st_change"] = _growth_rate(np.log1p(p.fiscal_st_growth), room) * spending
    for line, share in ALLOCATED.items():
        v[line] = spending * getattr(p, share)


SECTOR = Sector("fiscal", "Fiscal: fiscal S&T spending and its allocation", FISCAL, STOCKS,
                FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS,
                totals=("fiscal_st_spending",),
                ratios={"fiscal_st_share": ("fiscal_st_spending", "budget_expenditure")},
                start_totals=start_totals)
