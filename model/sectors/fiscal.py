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
from ..quantities import PERCENT, Spec
from .common import Inputs, Stocks, Values

STOCKS = {"fiscal_st_spending": StockSpec("亿元/年", inflows=("fiscal_st_change",))}

ALLOCATION_SHARES = (
    "share_rd_subsidies",
    "share_incubation",
    "share_talent",
    "share_tech_market",
    "share_public_research",
)

BASELINES = (
    Spec("fiscal_st_spending", "财政科技支出", "fiscal S&T expenditure", "亿元"),
)

LEVERS = (
    Spec("fiscal_st_growth", "财政科技投入年增长率", "fiscal S&T spending growth", "%/年",
         PERCENT, 10.0, (-10.0, 40.0), lower=-50.0, upper=100.0,
         doc="growth rule: annual growth of fiscal S&T spending; default an assumption"),
    Spec("fiscal_st_budget_share", "财政科技支出占一般公共预算支出比重",
         "fiscal S&T share of budget expenditure", "%", PERCENT, 3.0, (0.5, 10.0),
         upper=100.0, doc="share rule: target share of the budget; default an assumption"),
    Spec("share_rd_subsidies", "企业研发补助占比", "share: enterprise R&D subsidies", "%",
         PERCENT, 40.0, (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
    Spec("share_incubation", "孵化器与平台占比", "share: incubators and platforms", "%",
         PERCENT, 15.0, (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
    Spec("share_talent", "人才计划占比", "share: talent programmes", "%", PERCENT, 20.0,
         (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
    Spec("share_tech_market", "技术市场支持占比", "share: technology-market support", "%",
         PERCENT, 5.0, (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
    Spec("share_public_research", "公共研究占比", "share: public research", "%", PERCENT,
         20.0, (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
)

INDICATORS = (
    Spec("fiscal_st_spending", "财政科技支出", "fiscal S&T expenditure", "亿元"),
    Spec("fiscal_st_share", "地方财政科技支出占公共财政支出的比重",
         "fiscal S&T share of public budget expenditure", "%", PERCENT),
)


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
