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
from ..quantities import PERCENT, Spec
from .common import Inputs, Number, Stocks, Values

STOCKS = {
    "rd_capital": StockSpec(
        "亿元", inflows=("rd_capital_formation",), outflows=("rd_capital_depreciation",)
    ),
    "rd_incentive": StockSpec("1", inflows=("rd_incentive_adjustment",)),
}

BASELINES = (
    Spec("rd_intensity", "全社会R&D经费投入占GDP比重", "R&D intensity (R&D / GDP)", "%",
         PERCENT),
)

LEVERS = (
    Spec("super_deduction_rate", "研发费用加计扣除比例", "R&D super-deduction rate", "%",
         PERCENT, 100.0, (50.0, 200.0), upper=300.0,
         source="财税〔2006〕88号 50 %; 2018 75 %; 2023年第7号公告 100 % for all firms"),
)

PARAMETERS = (
    Spec("rd_depreciation", "R&D资本折旧率", "R&D capital depreciation", "%/年", PERCENT, 15.0,
         (5.0, 30.0), source="Hall 2007 (IFS): 15 % usual, range 5-30 %", upper=100.0),
    Spec("rd_growth_before_start", "基期前R&D年均增速", "R&D growth before the start year",
         "%/年", PERCENT, 15.0, (5.0, 30.0), lower=-50.0, upper=200.0,
         doc="assumption; sets K0 = R0/(g + delta) as in Hall 2007"),
    Spec("corporate_tax_rate", "企业所得税税率", "corporate income tax rate", "%", PERCENT,
         25.0, None, source="企业所得税法: 25 %", upper=100.0),
    Spec("super_deduction_elasticity", "R&D对加计扣除激励的弹性",
         "elasticity of R&D to the super-deduction incentive (user cost)", "1", 1.0, 1.8,
         (1.6, 2.1), source="Qian, Zhan & Pan, China & World Economy: 1.6-2.1", upper=10.0),
    Spec("rd_adjustment_time", "企业研发调整时间", "time for firms to adjust R&D", "年", 1.0,
         2.0, (1.0, 3.0), lower=0.25, upper=10.0, doc="assumption"),
    Spec("hte_share_of_enterprise_rd", "高新技术企业占企业R&D比重", "high-tech enterprises' "
         "share of firms' own R&D at start", "%", PERCENT, 60.0, (45.0, 75.0), upper=95.0,
         doc="assumption: MOST reports HTEs doing about 70 % of business R&D nationally; "
             "certification thresholds 3-5 % of sales (国科发火〔2016〕32号)"),
    Spec("hte_rd_count_elasticity", "高企R&D对企业数的弹性", "elasticity of high-tech "
         "enterprises' R&D to their number", "1", 1.0, 0.7, (0.4, 1.0), upper=2.0,
         doc="assumption: below 1 because newly certified firms (converted SMEs) are smaller "
             "than the average high-tech enterprise; 1 would give each the start-year mean"),
    Spec("sme_share_of_enterprise_rd", "科技型中小企业占企业R&D比重", "tech SMEs' share of "
         "firms' own R&D at start", "%", PERCENT, 10.0, (5.0, 20.0), upper=95.0,
         doc="assumption"),
    Spec("subsidy_rd_leverage", "财政研发补助带动R&D系数", "R&D added per yuan of subsidy", "1",
         1.0, 0.8, (0.5, 1.2), upper=5.0,
         source="Dimos & Pugh 2016; Boeing 2016: no full crowding out, little additionality"),
    Spec("public_rd_fraction", "公共研究经费计入R&D比例", "share of public research spending "
         "counted as R&D", "%", PERCENT, 80.0, (60.0, 95.0), upper=100.0, doc="assumption"),
    Spec("public_rd_share_nonfiscal", "非财政公共R&D占比", "public R&D outside local fiscal "
         "S&T spending, share of total R&D at start", "%", PERCENT, 5.0, (0.0, 10.0),
         upper=100.0, doc="assumption: universities, institutes funded from above"),
)

INDICATORS = (
    Spec("rd_expenditure", "全社会R&D经费支出", "gross R&D expenditure", "亿元"),
    Spec("rd_intensity", "全社会R&D经费投入占GDP比重", "R&D intensity", "%", PERCENT),
    Spec("enterprise_rd", "企业R&D经费", "enterprise R&D expenditure", "亿元"),
    Spec("industrial_rd_ratio", "规上工业研发费用占营业收入比重",
         "above-scale industrial R&D / revenue", "%", PERCENT),
    Spec("rd_capital", "R&D资本存量", "R&D capital stock", "亿元"),
)


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
