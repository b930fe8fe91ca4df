"""Knowledge sector: invention patents, their stocks, technology market, achievements.

Stocks
  inventions_in_examination [件]     applications that will be granted, under examination
  valid_invention_patents   [件]     valid invention patents held in the region
  high_value_patents        [件]     valid high-value invention patents (a subset of the above)
  tech_contract_turnover    [亿元/年] technology-contract turnover (a level)
  achievements_transformed  [项]     S&T achievements transformed since the start year
Flows (per year)
  invention_applications   = patent_productivity * rd_expenditure**alpha * rd_personnel**beta
                             (knowledge production, Griliches 1990; alpha > beta)
  invention_patent_grants  = inventions_in_examination / patent_lag  (first-order delay;
                             Hall, Griliches & Hausman 1986: most effect in year 0-1)
  invention_patent_lapses  = patent_lapse * valid_invention_patents            (loop B2)
  high_value_patent_grants = high_value_share * invention_patent_grants
  high_value_patent_lapses = high_value_lapse * high_value_patents
  turnover_adjustment      = (desired turnover - tech_contract_turnover) / turnover_adjustment_time
  achievements_transformation = achievements_per_100m_yuan * tech_contract_turnover
Auxiliaries
  desired turnover = T0 * (V / V0)**turnover_patent_elasticity
                     * (1 - market_support_share + market_support_share * support index)
                     (support index = technology-market support / its start value)  [亿元/年]
  invention_patents_per_10k, high_value_patents_per_10k = stock / population(万人) [件/万人]

Calibrated at the start: patent_productivity so that applications equal the baseline grants
(a steady pipeline), and the pipeline holds baseline grants x patent_lag.
With zero R&D, applications are zero and grants drain to zero with the examination delay.
"""

from __future__ import annotations

import numpy as np

from ..engine import StockSpec
from .common import Inputs, Stocks, Values, spending_index

STOCKS = {
    "inventions_in_examination": StockSpec(
        "件", inflows=("invention_applications",), outflows=("invention_patent_grants",)
    ),
    "valid_invention_patents": StockSpec(
        "件", inflows=("invention_patent_grants",), outflows=("invention_patent_lapses",)
    ),
    "high_value_patents": StockSpec(
        "件", inflows=("high_value_patent_grants",), outflows=("high_value_patent_lapses",)
    ),
    "tech_contract_turnover": StockSpec("亿元/年", inflows=("turnover_adjustment",)),
    "achievements_transformed": StockSpec("项", inflows=("achievements_transformation",)),
}

def initial(b: Inputs, p: Inputs, n: int) -> dict[str, np.ndarray]:
    p.patent_productivity = b.invention_patent_grants / (
        p.rd_start ** p.patent_rd_elasticity * b.rd_personnel ** p.patent_personnel_elasticity)
    valid = b.invention_patents_per_10k * b.population
    p.valid_patents_start = valid
    p.support_index_scale, p.support_index_offset = spending_index(
        b.fiscal_st_spending * p.share_tech_market)
    p.turnover_start = b.tech_contract_turnover
    p.consistency_checks += [
        ("high_value_patents_per_10k", b.invention_patents_per_10k - b.high_value_patents_per_10k,
         "more high-value invention patents than invention patents"),
    ]
    return {
        "inventions_in_examination": np.broadcast_to(
            b.invention_patent_grants * p.patent_lag, (n,)),
        "valid_invention_patents": np.broadcast_to(valid, (n,)),
        "high_value_patents": np.broadcast_to(b.high_value_patents_per_10k * b.population, (n,)),
        "tech_contract_turnover": np.broadcast_to(b.tech_contract_turnover, (n,)),
        "achievements_transformed": np.zeros(n),
    }


def rates(s: Stocks, p: Inputs, v: Values) -> None:
    applications = (p.patent_productivity * v["rd_expenditure"] ** p.patent_rd_elasticity
                    * s["rd_personnel"] ** p.patent_personnel_elasticity)
    grants = s["inventions_in_examination"] / p.patent_lag
    v["invention_applications"] = applications
    v["invention_patent_grants"] = grants
    v["invention_patent_lapses"] = p.patent_lapse * s["valid_invention_patents"]
    v["high_value_patent_grants"] = p.high_value_share * grants
    v["high_value_patent_lapses"] = p.high_value_lapse * s["high_value_patents"]
    patent_index = s["valid_invention_patents"] / p.valid_patents_start
    support_index = v["tech_market_support"] * p.support_index_scale + p.support_index_offset
    desired = p.turnover_start * patent_index ** p.turnover_patent_elasticity * (
        1.0 - p.market_support_share + p.market_support_share * support_index)
    turnover = s["tech_contract_turnover"]
    v["turnover_adjustment"] = (desired - turnover) / p.turnover_adjustment_time
    v["achievements_transformation"] = p.achievements_per_100m_yuan * turnover
    population = s["population"]
    v["invention_patents_per_10k"] = s["valid_invention_patents"] / population
    v["high_value_patents_per_10k"] = s["high_value_patents"] / population
