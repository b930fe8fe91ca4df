"""R&D sector: enterprise R&D by class, public R&D, R&D intensity, R&D capital.

Stocks
  rd_capital    [亿元]  R&D capital stock, perpetual inventory (Hall 2007, IFS)
  rd_incentive  [1]     firms' perceived tax incentive, relative to the start year; it moves
                        towards the user-cost effect of the super-deduction with a delay
Flows (per year)
  rd_capital_formation    = rd_expenditure                              [亿元/年]
  rd_capital_depreciation = rd_depreciation * rd_capital                [亿元/年]  (loop B1)
  rd_incentive_adjustment = (incentive_target - rd_incentive) / rd_adjustment_time
Auxiliaries [亿元/年 unless said]
  hightech_rd       = hightech_rd_start * rd_incentive
                      * (hightech_enterprises / their start number) ** hte_rd_count_elasticity
                      (below 1: newly certified firms are smaller than the average)
  tech_sme_rd       = tech_smes * rd_per_tech_sme * rd_incentive
  other_firm_rd     = other-firm R&D at start * (industrial_va_other / its start value)
                      * rd_incentive
  subsidy_rd        = subsidy_rd_leverage * rd_subsidies       (additionality, not 1:1)
  public_rd         = public_rd_fraction * public_research_spending + public_rd_nonfiscal
  enterprise_rd     = hightech_rd + tech_sme_rd + other_firm_rd + subsidy_rd
  rd_expenditure    = enterprise_rd + public_rd
  rd_intensity      = rd_expenditure / gdp                              [fraction]
  industrial_rd_ratio = enterprise_rd / industrial_revenue              [fraction]

Calibrated at the start, so that the model reproduces the baseline R&D intensity exactly:
  firms' own R&D      = baseline R&D - public R&D - subsidy-induced R&D   (must be >= 0)
  hightech_rd_start    = hte_share_of_enterprise_rd * own R&D
  rd_per_tech_sme      = sme_share_of_enterprise_rd * own R&D / tech SMEs
  other-firm R&D       = the rest of own R&D
  public_rd_nonfiscal  = public_rd_share_nonfiscal * baseline R&D
  rd_capital(start)    = R&D(start) / (rd_growth_before_start + rd_depreciation)  (Hall 2007)
High-tech enterprises carry a large share of firms' R&D because certification requires
R&D of 3-5 % of sales (国科发火〔2016〕32号) and firms bunch at those thresholds (Chen et al.
2021); so every newly certified firm adds R&D (loop R3), and other firms' R&D follows the
rest of industry.

The super-deduction works through the user cost of R&D, 1 - tax * (1 + deduction rate):
incentive_target = (user cost now / user cost at start) ** (-super_deduction_elasticity).
"""

from __future__ import annotations

import numpy as np

from ..engine import StockSpec
from .common import Inputs, Number, Stocks, Values

STOCKS = {
    "rd_capital": StockSpec(
        "亿元", inflows=("rd_capital_formation",), outflows=("rd_capital_depreciation",)
    ),
    "rd_incentive": StockSpec("1", inflows=("rd_incentive_adjustment",)),
}

def user_cost(deduction_rate: Number, tax_rate: Number) -> Number:
    """After-tax cost of one yuan of R&D under a super-deduction."""
    return 1.0 - tax_rate * (1.0 + deduction_rate)


def initial(b: Inputs, p: Inputs, n: int) -> dict[str, np.ndarray]:
    """Split the baseline R&D into its classes so that the start year is reproduced."""
    rd_start = b.rd_intensity * b.gdp
    p.rd_start = rd_start
    subsidy_rd = p.subsidy_rd_leverage * b.fiscal_st_spending * p.share_rd_subsidies
    p.public_rd_nonfiscal = p.public_rd_share_nonfiscal * rd_start
    public_rd = p.public_rd_fraction * b.fiscal_st_spending * p.share_public_research
    own_rd = rd_start - subsidy_rd - public_rd - p.public_rd_nonfiscal
    other_share = 1.0 - p.hte_share_of_enterprise_rd - p.sme_share_of_enterprise_rd
    p.hightech_rd_start = p.hte_share_of_enterprise_rd * own_rd
    p.hightech_enterprises_start = b.hightech_enterprises
    p.rd_per_tech_sme = p.sme_share_of_enterprise_rd * own_rd / b.tech_smes
    p.other_firm_rd_start = other_share * own_rd
    p.super_deduction_start = p.super_deduction_rate
    p.consistency_checks += [
        ("rd_intensity", own_rd,
         "public and subsidy-induced R&D alone exceed the baseline R&D"),
        ("hte_share_of_enterprise_rd", other_share,
         "high-tech enterprises and tech SMEs have more than all of firms' R&D"),
    ]
    capital = rd_start / (p.rd_growth_before_start + p.rd_depreciation)
    p.rd_capital_start = capital
    return {
        "rd_capital": np.broadcast_to(capital, (n,)),
        "rd_incentive": np.ones(n),
    }


def rates(s: Stocks, p: Inputs, v: Values) -> None:
    revenue = v["industrial_revenue"]
    incentive = s["rd_incentive"]
    target = (user_cost(p.super_deduction_rate, p.corporate_tax_rate)
              / user_cost(p.super_deduction_start, p.corporate_tax_rate)) ** (
        -p.super_deduction_elasticity)
    v["rd_incentive_adjustment"] = (target - incentive) / p.rd_adjustment_time
    hightech_rd = p.hightech_rd_start * (
        v["hightech_enterprises"] / p.hightech_enterprises_start) ** p.hte_rd_count_elasticity * (
        incentive)
    sme_rd = s["tech_smes"] * p.rd_per_tech_sme * incentive
    other_index = s["industrial_va_other"] / p.industrial_va_other_start
    other_rd = p.other_firm_rd_start * other_index * incentive
    enterprise_rd = hightech_rd + sme_rd + other_rd + p.subsidy_rd_leverage * v["rd_subsidies"]
    public_rd = p.public_rd_fraction * v["public_research_spending"] + p.public_rd_nonfiscal
    rd = enterprise_rd + public_rd
    v["hightech_rd"], v["tech_sme_rd"], v["other_firm_rd"] = hightech_rd, sme_rd, other_rd
    v["enterprise_rd"] = enterprise_rd
    v["public_rd"] = public_rd
    v["rd_expenditure"] = rd
    v["rd_capital_formation"] = rd
    v["rd_capital_depreciation"] = p.rd_depreciation * s["rd_capital"]
    v["rd_capital_growth"] = (rd - v["rd_capital_depreciation"]) / s["rd_capital"]
    v["rd_intensity"] = rd / v["gdp"]
    v["industrial_rd_ratio"] = enterprise_rd / revenue
