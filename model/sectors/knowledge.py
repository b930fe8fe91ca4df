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
from ..quantities import PERCENT, Spec
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

BASELINES = (
    Spec("invention_patent_grants", "发明专利授权量", "invention patents granted", "件/年"),
    Spec("invention_patents_per_10k", "万人发明专利拥有量", "invention patents per 10k people",
         "件/万人"),
    Spec("high_value_patents_per_10k", "每万人高价值发明专利拥有量",
         "high-value invention patents per 10k people", "件/万人"),
    Spec("tech_contract_turnover", "技术合同成交额", "technology-contract turnover", "亿元"),
)

PARAMETERS = (
    Spec("patent_rd_elasticity", "专利对R&D经费的弹性", "elasticity of patents to R&D "
         "spending (alpha)", "1", 1.0, 0.6, (0.3, 1.0), upper=2.0,
         source="Griliches 1990: ~1 across firms, weaker over time; Chinese provinces: "
                "diminishing returns, capital elasticity > personnel elasticity"),
    Spec("patent_personnel_elasticity", "专利对研发人员的弹性", "elasticity of patents to R&D "
         "personnel (beta)", "1", 1.0, 0.3, (0.1, 0.5), upper=2.0,
         doc="UNSOURCED numerically (model-science.md); below alpha as Chinese studies find"),
    Spec("patent_lag", "研发到授权的平均滞后", "mean lag from R&D to grant", "年", 1.0, 1.5,
         (1.0, 2.5), lower=0.25, upper=10.0,
         source="Hall, Griliches & Hausman 1986: most effect in year 0-1; plus examination"),
    Spec("patent_lapse", "发明专利失效率", "invention patent lapse", "%/年", PERCENT, 11.5,
         (7.0, 15.0), upper=100.0, source="IP5 2012: 50 % of Chinese patents kept to year 6"),
    Spec("high_value_lapse", "高价值发明专利失效率", "high-value patent lapse", "%/年", PERCENT,
         12.0, (8.0, 16.0), upper=100.0,
         source="CNIPA 2022: high-value invention patents kept 8.3 years on average"),
    Spec("high_value_share", "新授权发明专利中高价值占比", "high-value share of new grants", "%",
         PERCENT, 30.0, (15.0, 45.0), upper=100.0, doc="assumption"),
    Spec("turnover_patent_elasticity", "技术合同额对有效发明专利的弹性", "elasticity of "
         "technology-contract turnover to valid patents", "1", 1.0, 0.8, (0.3, 1.2), upper=5.0,
         doc="assumption"),
    Spec("market_support_share", "技术合同额中财政支持带动部分", "share of contract turnover "
         "that moves with fiscal technology-market support", "%", PERCENT, 15.0, (5.0, 30.0),
         upper=100.0, doc="assumption"),
    Spec("turnover_adjustment_time", "技术合同额调整时间", "technology-market adjustment time",
         "年", 1.0, 1.5, (1.0, 3.0), lower=0.25, upper=10.0, doc="assumption"),
    Spec("achievements_per_100m_yuan", "每亿元技术合同转化成果数", "achievements transformed "
         "per 亿元 of contract turnover", "项/亿元", 1.0, 5.0, (2.0, 10.0), doc="assumption"),
)

INDICATORS = (
    Spec("invention_patent_grants", "发明专利授权量", "invention patents granted", "件/年"),
    Spec("valid_invention_patents", "有效发明专利", "valid invention patents", "件"),
    Spec("invention_patents_per_10k", "万人发明专利拥有量", "invention patents per 10k people",
         "件/万人"),
    Spec("high_value_patents_per_10k", "每万人高价值发明专利拥有量",
         "high-value invention patents per 10k people", "件/万人"),
    Spec("tech_contract_turnover", "技术合同成交额", "technology-contract turnover", "亿元"),
    Spec("achievements_transformed", "累计转化科技成果", "S&T achievements transformed since "
         "start", "项"),
)


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
