"""Fiscal sector: fiscal S&T spending and its allocation.

Stocks
  fiscal_st_spending   [亿元/年]  local fiscal science-and-technology expenditure (a level)
Flows (per year)
  fiscal_st_change     net change of the level:
      growth rule: ln(1 + fiscal_st_growth) * fiscal_st_spending
      share rule:  (fiscal_st_budget_share * budget_expenditure - fiscal_st_spending) / 1 year
Auxiliaries [亿元/年]
  rd_subsidies, incubation_spending, talent_spending, tech_market_support,
  public_research_spending = fiscal_st_spending * allocation share (shares sum to 1)
  fiscal_st_share [fraction] = fiscal_st_spending / budget_expenditure

Under the share rule fiscal S&T spending follows the budget, which follows GDP: loop R2.
"""

from __future__ import annotations

import numpy as np

from ..engine import StockSpec
from .common import Inputs, Stocks, Values

STOCKS = {"fiscal_st_spending": StockSpec("亿元/年", inflows=("fiscal_st_change",))}

def initial(b: Inputs, p: Inputs, n: int) -> dict[str, np.ndarray]:
    return {"fiscal_st_spending": np.broadcast_to(b.fiscal_st_spending, (n,))}


def rates(s: Stocks, p: Inputs, v: Values) -> None:
    spending = s["fiscal_st_spending"]
    if p.fiscal_rule == "share":
        # First-order adjustment over one year towards the budget share.
        v["fiscal_st_change"] = p.fiscal_st_budget_share * v["budget_expenditure"] - spending
    else:
        v["fiscal_st_change"] = np.log1p(p.fiscal_st_growth) * spending
    v["fiscal_st_share"] = spending / v["budget_expenditure"]
    v["rd_subsidies"] = spending * p.share_rd_subsidies
    v["incubation_spending"] = spending * p.share_incubation
    v["talent_spending"] = spending * p.share_talent
    v["tech_market_support"] = spending * p.share_tech_market
    v["public_research_spending"] = spending * p.share_public_research
