"""Knowledge sector: invention patents, their stocks, technology market, achievements.

Stocks
  inventions_in_examination [件]     applications that will be granted, under examination
  valid_invention_patents   [件]     valid invention patents held in the region
  high_value_patents        [件]     valid high-value invention patents (a subset of the above)
  achievements_transformed  [项]     S&T achievements transformed since the start year
  patent_propensity         [1]      applications per unit of R&D input, relative to the start
                                     year (Hu & Jefferson 2009: China's patenting outran R&D)
Flows (per year)
  invention_applications   = patent_productivity * patent_propensity
                             * rd_expenditure**alpha * rd_personnel**beta
                             (knowledge production, Griliches 1990; alpha > beta)
  patent_propensity_change = ln(1 + patent_propensity_growth) * patent_propensity
  invention_patent_grants  = inventions_in_examination / patent_lag  (first-order delay;
                             Hall, Griliches & Hausman 1986: most effect in year 0-1)
  invention_patent_lapses  = patent_lapse * valid_invention_patents            (loop B2)
  high_value_patent_grants = high_value_share * invention_patent_grants
  high_value_patent_lapses = high_value_lapse * high_value_patents
  achievements_transformation = achievements_per_100m_yuan * tech_contract_turnover
Auxiliaries
  tech_contract_turnover = T0 * (V / V0)**turnover_patent_elasticity
                     * (1 - market_support_share + market_support_share * support index)
                     (support index = technology-market support / its start value)  [亿元/年]
  invention_patents_per_10k, high_value_patents_per_10k = stock / population(万人) [件/万人]

Reads: rd_expenditure (rd), rd_personnel (talent), tech_market_support (fiscal),
population (economy).

Why a propensity: fitted alone, the elasticity of patents to R&D went to 1.6 (the end of
its range) to make patents outgrow R&D as they did in 2015-2019; the literature puts it near
1 across firms (Griliches 1990) and finds China's patent surge driven beyond R&D by legal
reform, FDI and subsidies (Hu & Jefferson 2009). So the elasticity stays at 1 and the trend
is stated as its own uncertain growth, which the planner's R&D levers do not multiply.

Calibrated at the start: the pipeline holds baseline grants x patent_lag, and
patent_productivity makes applications grants x (1 + g x patent_lag), g the growth of
applications before the start (R&D's growth plus the propensity's): the pipeline of a
first-order delay whose input has been growing at g, so grants continue their trend instead
of stalling for a lag; high_value_share
so that high-value patents grow at the start as all valid patents do (grants / stock -
lapse), rather than jumping towards an equilibrium set by an assumed share.
With zero R&D, applications are zero and grants drain to zero with the examination delay.

Grants and technology-contract turnover are year totals: the start year's are the statistics,
recorded as given; the flows start at the rate those totals end the year with
(``year_end_rate_at``), grants growing as applications do at the start (g =
rd_capital_growth_start + ln(1 + patent_propensity_growth); rd_capital_growth_start is R&D's
growth before the start where the scenario gives it, else the growth the model gives R&D;
pipeline and applications set for that growth: applications = grants * (1 + g *
patent_lag)), turnover as the patent stock makes it grow.
"""

from __future__ import annotations

import numpy as np

from ..catalogue import KNOWLEDGE
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
    year_end_rate_at,
)

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
    "achievements_transformed": StockSpec("项", inflows=("achievements_transformation",)),
    "patent_propensity": StockSpec("1", inflows=("patent_propensity_change",)),
}

FLOWS = {
    "invention_applications": Variable(
        "件/年", "patent_productivity * patent_propensity * rd_expenditure ** "
        "patent_rd_elasticity * rd_personnel ** patent_personnel_elasticity",
        ("patent_propensity", "rd_expenditure", "rd_personnel"),
        ("patent_rd_elasticity", "patent_personnel_elasticity"), "Griliches 1990"),
    "patent_propensity_change": Variable(
        "1/年", "ln(1 + patent_propensity_growth) * patent_propensity", ("patent_propensity",),
        ("patent_propensity_growth",), "Hu & Jefferson 2009"),
    "invention_patent_grants": Variable("件/年", "inventions_in_examination / patent_lag",
                                        ("inventions_in_examination",), ("patent_lag",),
                                        "Hall, Griliches & Hausman 1986"),
    "invention_patent_lapses": Variable("件/年", "patent_lapse * valid_invention_patents",
                                        ("valid_invention_patents",), ("patent_lapse",)),
    "high_value_patent_grants": Variable("件/年", "high_value_share * invention_patent_grants",
                                         ("invention_patent_grants",)),
    "high_value_patent_lapses": Variable("件/年", "high_value_lapse * high_value_patents",
                                         ("high_value_patents",), ("high_value_lapse",)),
    "achievements_transformation": Variable(
        "项/年", "achievements_per_100m_yuan * tech_contract_turnover",
        ("tech_contract_turnover",), ("achievements_per_100m_yuan",)),
}

AUXILIARIES = {
    "tech_contract_turnover": Variable(
        "亿元/年", "turnover at start * (valid_invention_patents / start) ** "
        "turnover_patent_elasticity * (1 - market_support_share + market_support_share * "
        "tech_market_support / its start value)",
        ("valid_invention_patents", "tech_market_support"),
        ("turnover_patent_elasticity", "market_support_share")),
    "invention_patents_per_10k": Variable("件/万人", "valid_invention_patents / population",
                                          ("valid_invention_patents", "population")),
    "high_value_patents_per_10k": Variable("件/万人", "high_value_patents / population",
                                           ("high_value_patents", "population")),
}

CONSTANTS = {
    "grants_rate_start": Variable(
        "件/年", "year_end_rate_at(invention_patent_grants, rd_capital_growth_start + ln(1 + "
        "patent_propensity_growth))",
        ("baseline.invention_patent_grants", "rd_capital_growth_start"),
        ("patent_propensity_growth",)),
    "patent_productivity": Variable(
        "件/年", "grants_rate_start * (1 + g * patent_lag) / (rd_rate_start ** alpha * "
        "rd_personnel ** beta) at the start, g = rd_capital_growth_start + ln(1 + "
        "patent_propensity_growth) (a pipeline growing as applications did)",
        ("grants_rate_start", "rd_rate_start", "baseline.rd_personnel",
         "rd_capital_growth_start"),
        ("patent_rd_elasticity", "patent_personnel_elasticity", "patent_lag",
         "patent_propensity_growth")),
    "valid_patents_start": Variable("件", "invention_patents_per_10k * population at the start",
                                    ("baseline.invention_patents_per_10k", "baseline.population")),
    "support_index_scale": Variable(
        "1/(亿元/年)", "1 / technology-market support at the start (0 if none)",
        ("fiscal_st_rate_start",), ("share_tech_market",)),
    "support_index_offset": Variable(
        "1", "1 if there was no technology-market support at the start, else 0",
        ("fiscal_st_rate_start",), ("share_tech_market",)),
    "high_value_share": Variable(
        "1", "(grants / valid patents - patent_lapse + high_value_lapse) * high-value patents "
        "/ grants, at the start (grants at their rate)", ("grants_rate_start",
                                   "baseline.invention_patents_per_10k",
                                   "baseline.high_value_patents_per_10k"),
        ("patent_lapse", "high_value_lapse")),
    "turnover_start": Variable(
        "亿元/年", "year_end_rate(tech_contract_turnover, exp(turnover_patent_elasticity * "
        "(grants_rate_start / valid patents - patent_lapse)) - 1): the rate the start year's "
        "turnover ends it with", ("baseline.tech_contract_turnover", "grants_rate_start",
                                  "valid_patents_start"),
        ("turnover_patent_elasticity", "patent_lapse")),
}

READS = {"rd_expenditure": "亿元/年", "rd_personnel": "人年", "tech_market_support": "亿元/年",
         "population": "万人"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    scale, offset = spending_index(c.fiscal_st_rate_start * p.share_tech_market)
    applications_growth = c.rd_capital_growth_start + np.log1p(p.patent_propensity_growth)
    grants = year_end_rate_at(b.invention_patent_grants, applications_growth)
    valid = b.invention_patents_per_10k * b.population
    patent_growth = grants / valid - p.patent_lapse
    return {
        "grants_rate_start": grants,
        "patent_productivity": grants * (
            1.0 + applications_growth * p.patent_lag) / (
            c.rd_rate_start ** p.patent_rd_elasticity
            * b.rd_personnel ** p.patent_personnel_elasticity),
        "valid_patents_start": valid,
        "support_index_scale": scale,
        "support_index_offset": offset,
        "turnover_start": year_end_rate_at(
            b.tech_contract_turnover, p.turnover_patent_elasticity * patent_growth),
        "high_value_share": _high_value_share(b, p, grants),
    }


def _high_value_share(b: Inputs, p: Inputs, grants: Number) -> Number:
    valid_growth = grants / (b.invention_patents_per_10k * b.population) - p.patent_lapse
    high_value = b.high_value_patents_per_10k * b.population
    return (valid_growth + p.high_value_lapse) * high_value / grants


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"invention_patent_grants": b.invention_patent_grants,
            "tech_contract_turnover": b.tech_contract_turnover}


def checks(b: Inputs, p: Inputs, c: Constants) -> list[tuple[str, Number, str]]:
    return [("high_value_patents_per_10k",
             b.invention_patents_per_10k - b.high_value_patents_per_10k,
             "more high-value invention patents than invention patents"),
            ("high_value_patents_per_10k", c.high_value_share,
             "high-value patents shrink at the start although all patents grow"),
            ("high_value_patents_per_10k", 1.0 - c.high_value_share,
             "high-value patents grow faster than all new grants could make them")]


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {
        "inventions_in_examination": c.grants_rate_start * p.patent_lag,
        "valid_invention_patents": c.valid_patents_start,
        "high_value_patents": b.high_value_patents_per_10k * b.population,
        "achievements_transformed": 0.0,
        "patent_propensity": 1.0,
    }


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    propensity = s["patent_propensity"]
    v["patent_propensity_change"] = np.log1p(p.patent_propensity_growth) * propensity
    applications = (c.patent_productivity * propensity
                    * v["rd_expenditure"] ** p.patent_rd_elasticity
                    * s["rd_personnel"] ** p.patent_personnel_elasticity)
    grants = s["inventions_in_examination"] / p.patent_lag
    v["invention_applications"] = applications
    v["invention_patent_grants"] = grants
    v["invention_patent_lapses"] = p.patent_lapse * s["valid_invention_patents"]
    v["high_value_patent_grants"] = c.high_value_share * grants
    v["high_value_patent_lapses"] = p.high_value_lapse * s["high_value_patents"]
    patent_index = s["valid_invention_patents"] / c.valid_patents_start
    support_index = v["tech_market_support"] * c.support_index_scale + c.support_index_offset
    turnover = c.turnover_start * patent_index ** p.turnover_patent_elasticity * (
        1.0 - p.market_support_share + p.market_support_share * support_index)
    v["tech_contract_turnover"] = turnover
    v["achievements_transformation"] = p.achievements_per_100m_yuan * turnover
    population = s["population"]
    v["invention_patents_per_10k"] = s["valid_invention_patents"] / population
    v["high_value_patents_per_10k"] = s["high_value_patents"] / population


SECTOR = Sector(
    "knowledge", "Knowledge: invention patents, technology market, achievements", KNOWLEDGE,
    STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS, checks=checks,
    totals=("tech_contract_turnover",), start_totals=start_totals)
