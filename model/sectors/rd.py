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

Reads: industrial_revenue, industrial_va_other, gdp (economy); rd_subsidies,
public_research_spending (fiscal); hightech_enterprises, tech_smes (incubation).

The super-deduction works through the user cost of R&D, 1 - tax * (1 + deduction rate):
incentive_target = (user cost now / user cost at start) ** (-super_deduction_elasticity).
"""

from __future__ import annotations

from ..catalogue import RD
from ..engine import StockSpec
from .common import Constants, Inputs, Number, Sector, Stocks, Values, Variable

STOCKS = {
    "rd_capital": StockSpec(
        "亿元", inflows=("rd_capital_formation",), outflows=("rd_capital_depreciation",)
    ),
    "rd_incentive": StockSpec("1", inflows=("rd_incentive_adjustment",)),
}

FLOWS = {
    "rd_capital_formation": Variable("亿元/年", "rd_expenditure", ("rd_expenditure",),
                                     source="perpetual inventory, Hall 2007 (IFS)"),
    "rd_capital_depreciation": Variable("亿元/年", "rd_depreciation * rd_capital",
                                        ("rd_capital",), ("rd_depreciation",)),
    "rd_incentive_adjustment": Variable(
        "1/年", "(incentive_target - rd_incentive) / rd_adjustment_time, incentive_target = "
        "(user cost now / user cost at start) ** -super_deduction_elasticity, user cost = "
        "1 - corporate_tax_rate * (1 + super_deduction_rate)", ("rd_incentive",),
        ("super_deduction_rate", "corporate_tax_rate", "super_deduction_elasticity",
         "rd_adjustment_time"), "Qian, Zhan & Pan (China & World Economy)"),
}

AUXILIARIES = {
    "hightech_rd": Variable(
        "亿元/年", "hightech_rd_start * rd_incentive * (hightech_enterprises / their start "
        "number) ** hte_rd_count_elasticity", ("rd_incentive", "hightech_enterprises"),
        ("hte_rd_count_elasticity",), "certification needs R&D of 3-5 % of sales "
        "(国科发火〔2016〕32号); Chen et al. 2021"),
    "tech_sme_rd": Variable("亿元/年", "tech_smes * rd_per_tech_sme * rd_incentive",
                            ("tech_smes", "rd_incentive")),
    "other_firm_rd": Variable(
        "亿元/年", "other_firm_rd_start * industrial_va_other / its start value * rd_incentive",
        ("industrial_va_other", "rd_incentive")),
    "enterprise_rd": Variable(
        "亿元/年", "hightech_rd + tech_sme_rd + other_firm_rd + subsidy_rd_leverage * "
        "rd_subsidies", ("hightech_rd", "tech_sme_rd", "other_firm_rd", "rd_subsidies"),
        ("subsidy_rd_leverage",), "Dimos & Pugh 2016; Boeing 2016 (additionality)"),
    "public_rd": Variable(
        "亿元/年", "public_rd_fraction * public_research_spending + public_rd_nonfiscal",
        ("public_research_spending",), ("public_rd_fraction",)),
    "rd_expenditure": Variable("亿元/年", "enterprise_rd + public_rd",
                               ("enterprise_rd", "public_rd")),
    "rd_capital_growth": Variable(
        "1/年", "(rd_capital_formation - rd_capital_depreciation) / rd_capital",
        ("rd_capital_formation", "rd_capital_depreciation", "rd_capital")),
    "rd_intensity": Variable("1", "rd_expenditure / gdp", ("rd_expenditure", "gdp")),
    "industrial_rd_ratio": Variable("1", "enterprise_rd / industrial_revenue",
                                    ("enterprise_rd", "industrial_revenue")),
}

CONSTANTS = {
    "rd_start": Variable("亿元/年", "rd_intensity * gdp at the start",
                         ("baseline.rd_intensity", "baseline.gdp")),
    "public_rd_nonfiscal": Variable("亿元/年", "public_rd_share_nonfiscal * rd_start",
                                    ("rd_start",), ("public_rd_share_nonfiscal",)),
    "own_rd_start": Variable(
        "亿元/年", "rd_start - subsidy-induced R&D - public R&D - public_rd_nonfiscal, at the "
        "start (must be >= 0)", ("rd_start", "public_rd_nonfiscal", "baseline.fiscal_st_spending"),
        ("subsidy_rd_leverage", "share_rd_subsidies", "public_rd_fraction",
         "share_public_research")),
    "hightech_rd_start": Variable("亿元/年", "hte_share_of_enterprise_rd * own_rd_start",
                                  ("own_rd_start",), ("hte_share_of_enterprise_rd",)),
    "hightech_enterprises_start": Variable("家", "high-tech enterprises at the start",
                                           ("baseline.hightech_enterprises",)),
    "rd_per_tech_sme": Variable(
        "亿元/年/家", "sme_share_of_enterprise_rd * own_rd_start / tech_smes at the start",
        ("own_rd_start", "baseline.tech_smes"), ("sme_share_of_enterprise_rd",)),
    "other_firm_rd_start": Variable(
        "亿元/年", "(1 - hte share - sme share) * own_rd_start (must be >= 0)",
        ("own_rd_start",), ("hte_share_of_enterprise_rd", "sme_share_of_enterprise_rd")),
    "super_deduction_start": Variable("1", "super_deduction_rate in the start year", (),
                                      ("super_deduction_rate",)),
    "rd_capital_start": Variable(
        "亿元", "rd_start / (rd_growth_before_start + rd_depreciation)", ("rd_start",),
        ("rd_growth_before_start", "rd_depreciation"), "Hall 2007 (IFS): K0 = R0 / (g + delta)"),
}

READS = {
    "industrial_revenue": "亿元/年",
    "industrial_va_other": "亿元/年",
    "gdp": "亿元/年",
    "rd_subsidies": "亿元/年",
    "public_research_spending": "亿元/年",
    "hightech_enterprises": "家",
    "tech_smes": "家",
}


def user_cost(deduction_rate: Number, tax_rate: Number) -> Number:
    """After-tax cost of one yuan of R&D under a super-deduction."""
    return 1.0 - tax_rate * (1.0 + deduction_rate)


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    """Split the baseline R&D into its classes so that the start year is reproduced."""
    rd_start = b.rd_intensity * b.gdp
    subsidy_rd = p.subsidy_rd_leverage * b.fiscal_st_spending * p.share_rd_subsidies
    public_rd_nonfiscal = p.public_rd_share_nonfiscal * rd_start
    public_rd = p.public_rd_fraction * b.fiscal_st_spending * p.share_public_research
    own_rd = rd_start - subsidy_rd - public_rd - public_rd_nonfiscal
    other_share = 1.0 - p.hte_share_of_enterprise_rd - p.sme_share_of_enterprise_rd
    return {
        "rd_start": rd_start,
        "public_rd_nonfiscal": public_rd_nonfiscal,
        "own_rd_start": own_rd,
        "hightech_rd_start": p.hte_share_of_enterprise_rd * own_rd,
        "hightech_enterprises_start": b.hightech_enterprises,
        "rd_per_tech_sme": p.sme_share_of_enterprise_rd * own_rd / b.tech_smes,
        "other_firm_rd_start": other_share * own_rd,
        "super_deduction_start": p.super_deduction_rate,
        "rd_capital_start": rd_start / (p.rd_growth_before_start + p.rd_depreciation),
    }


def checks(b: Inputs, p: Inputs, c: Constants) -> list[tuple[str, Number, str]]:
    return [
        ("rd_intensity", c.own_rd_start,
         "public and subsidy-induced R&D alone exceed the baseline R&D"),
        ("hte_share_of_enterprise_rd",
         1.0 - p.hte_share_of_enterprise_rd - p.sme_share_of_enterprise_rd,
         "high-tech enterprises and tech SMEs have more than all of firms' R&D"),
    ]


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {"rd_capital": c.rd_capital_start, "rd_incentive": 1.0}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    revenue = v["industrial_revenue"]
    incentive = s["rd_incentive"]
    target = (user_cost(p.super_deduction_rate, p.corporate_tax_rate)
              / user_cost(c.super_deduction_start, p.corporate_tax_rate)) ** (
        -p.super_deduction_elasticity)
    v["rd_incentive_adjustment"] = (target - incentive) / p.rd_adjustment_time
    hightech_rd = c.hightech_rd_start * (
        v["hightech_enterprises"] / c.hightech_enterprises_start) ** p.hte_rd_count_elasticity * (
        incentive)
    sme_rd = s["tech_smes"] * c.rd_per_tech_sme * incentive
    other_index = s["industrial_va_other"] / c.industrial_va_other_start
    other_rd = c.other_firm_rd_start * other_index * incentive
    enterprise_rd = hightech_rd + sme_rd + other_rd + p.subsidy_rd_leverage * v["rd_subsidies"]
    public_rd = p.public_rd_fraction * v["public_research_spending"] + c.public_rd_nonfiscal
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


SECTOR = Sector("rd", "R&D: enterprise R&D by class, public R&D, R&D intensity, R&D capital",
                RD, STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS,
                checks=checks)
