"""R&D sector: firms' R&D following their output, public R&D, R&D intensity, R&D capital.

Stocks
  rd_capital    [亿元]  R&D capital stock, perpetual inventory (Hall 2007, IFS)
  rd_incentive  [1]     firms' perceived tax incentive, relative to the start year; it moves
                        towards the (saturating) user-cost effect of the super-deduction
  rd_propensity [1]     firms' R&D per unit of output relative to the start year, beyond what
                        the incentive explains: a drift whose sign and size are uncertain
Flows (per year)
  rd_capital_formation    = rd_expenditure                              [亿元/年]
  rd_capital_depreciation = rd_depreciation * rd_capital                [亿元/年]  (loop B1)
  rd_incentive_adjustment = (incentive_target - rd_incentive) / rd_adjustment_time
  rd_propensity_change    = ln(1 + rd_propensity_drift) * rd_propensity
Auxiliaries [亿元/年 unless said]  (firm factor = rd_incentive * rd_propensity)
  hightech_industry_rd  = hightech_rd_per_va * hightech_va * firm factor         (loop R1)
  other_industry_rd     = other_industry_rd_per_va * industrial_va_other * firm factor
  services_rd           = services_rd_per_va * gdp_nonindustrial * firm factor
  certification_rd      = certification_rd_uplift * rd_per_hightech_enterprise
                          * (hightech_enterprises - their start number - those that moved in
                          certified) * firm factor                                    (R3)
  subsidy_rd            = subsidy_rd_leverage * rd_subsidies        (additionality)
  enterprise_rd         = the five above
  industrial_rd         = above-scale industrial firms' part: high-tech and other industry,
                          certification, and subsidies in proportion
  public_rd             = public_rd_fraction * public_research_spending + public_rd_nonfiscal
  rd_expenditure        = enterprise_rd + public_rd
  rd_intensity          = rd_expenditure / gdp                          [fraction]
  industrial_rd_ratio   = industrial_rd / industrial_revenue            [fraction]
Reads: gdp, gdp_nonindustrial, industrial_va_other, industrial_revenue (economy);
hightech_va (high-tech); rd_subsidies, public_research_spending (fiscal);
hightech_enterprises (incubation).

Firms' R&D follows their output: each class of firms keeps its start-year ratio of R&D to
value added (certified high-tech enterprises must spend 3-5 % of sales on R&D and bunch at
those thresholds: 国科发火〔2016〕32号; Chen et al. 2021), so more high-tech output raises
R&D and, since high-tech industry is the more R&D-intensive, R&D intensity (loop R1). A
newly certified firm raises its R&D by the measured notch effect (Chen et al. 2021: +18.8 %).
Fiscal money enters R&D as the statistics count it: public research spending is R&D
performed at ``public_rd_fraction``; subsidies add ``subsidy_rd_leverage`` yuan each.

Calibrated at the start, so that the model reproduces the baseline R&D intensity exactly:
  firms' own R&D  = baseline R&D - public R&D - subsidy-induced R&D   (must be >= 0)
  its split       = above-scale industry's share from the region's start-year industrial R&D
                    ratio where the scenario gives it (a statistic: the indicator starts at
                    its statistic), else services_share_of_firm_rd outside industry (an
                    assumption); industry's part is spread
                    over value added with high-tech industry hightech_rd_intensity_ratio
                    times as R&D-intensive as the rest (>= 1), giving each class's R&D per
                    unit of value added
  rd_rate_start   = the R&D rate these give at the start, from the year-end rates of value
                    added and fiscal spending (the statistics' year totals are totals, the
                    model's flows rates: see common.year_end_rate)
  rd_growth_start = the growth the model gives R&D in the start year: each class of R&D at
                    its driver's growth (high-tech output, other industry, services, fiscal
                    money; firms' part plus the propensity drift), certification's extra R&D
                    at the start year's net certifications; high-tech output grows with R&D
                    capital, which in balanced growth grows as R&D does: to first order in
                    that feedback, g = known / R&D * (1 + knowledge_elasticity * high-tech
                    R&D / R&D), with no pole where the loop alone is explosive
  rd_capital(start) = rd_rate_start / (g + rd_depreciation): the perpetual-inventory stock
                    of a flow growing at g (Hall 2007), g = ln(1 + rd_growth_before_start)
                    where the scenario gives R&D's growth before the start (a statistic), else
                    rd_growth_start. R&D capital, high-tech output, the patent pipeline and
                    the certification flow then start on the trend the model continues: with
                    policy frozen there is no break at the start (issue 9's frozen-policy
                    test); a drawn pre-start growth of 5-30 %/yr, as before, set each of them
                    on a trend the model then left in its first year.

R&D spending, firms' and industrial R&D are recorded as year totals; R&D intensity and the
industrial R&D ratio as ratios of year totals (R&D over GDP, industrial R&D over revenue), as
the statistics define them.

The super-deduction works through the user cost of R&D, 1 - tax * (1 + deduction rate):
the raw response (user cost now / at start) ** (-super_deduction_elasticity) is measured for
steps of 25-50 points; it saturates smoothly at +/- super_deduction_saturation:
incentive_target = 1 + m * tanh((raw - 1) / m).
"""

from __future__ import annotations

import numpy as np

from ..catalogue import RD
from ..engine import StockSpec
from . import hightech, incubation
from .common import Constants, Inputs, Number, Sector, Stocks, Values, Variable

STOCKS = {
    "rd_capital": StockSpec(
        "亿元", inflows=("rd_capital_formation",), outflows=("rd_capital_depreciation",)
    ),
    "rd_incentive": StockSpec("1", inflows=("rd_incentive_adjustment",)),
    "rd_propensity": StockSpec("1", inflows=("rd_propensity_change",)),
}

FLOWS = {
    "rd_capital_formation": Variable("亿元/年", "rd_expenditure", ("rd_expenditure",),
                                     source="perpetual inventory, Hall 2007 (IFS)"),
    "rd_capital_depreciation": Variable("亿元/年", "rd_depreciation * rd_capital",
                                        ("rd_capital",), ("rd_depreciation",)),
    "rd_incentive_adjustment": Variable(
        "1/年", "(incentive_target - rd_incentive) / rd_adjustment_time; incentive_target = "
        "1 + m * tanh((raw - 1) / m), raw = (user cost now / at start) ** "
        "-super_deduction_elasticity, user cost = 1 - corporate_tax_rate * (1 + "
        "super_deduction_rate), m = super_deduction_saturation", ("rd_incentive",),
        ("super_deduction_rate", "corporate_tax_rate", "super_deduction_elasticity",
         "super_deduction_saturation", "rd_adjustment_time"),
        "Qian, Zhan & Pan (China & World Economy); saturation an assumption"),
    "rd_propensity_change": Variable(
        "1/年", "ln(1 + rd_propensity_drift) * rd_propensity", ("rd_propensity",),
        ("rd_propensity_drift",),
        "assumption: uncertain structure (do firms keep their R&D per unit of output?)"),
}

AUXILIARIES = {
    "hightech_industry_rd": Variable(
        "亿元/年", "hightech_rd_per_va * hightech_va * rd_incentive * rd_propensity",
        ("hightech_va", "rd_incentive", "rd_propensity"), (),
        "certification needs R&D of 3-5 % of sales (国科发火〔2016〕32号)"),
    "other_industry_rd": Variable(
        "亿元/年", "other_industry_rd_per_va * industrial_va_other * rd_incentive * "
        "rd_propensity", ("industrial_va_other", "rd_incentive", "rd_propensity")),
    "services_rd": Variable(
        "亿元/年", "services_rd_per_va * gdp_nonindustrial * rd_incentive * rd_propensity",
        ("gdp_nonindustrial", "rd_incentive", "rd_propensity")),
    "certification_rd": Variable(
        "亿元/年", "certification_rd_uplift * rd_per_hightech_enterprise * "
        "(hightech_enterprises - their start number - relocated_hightech_enterprises) * "
        "rd_incentive * rd_propensity",
        ("hightech_enterprises", "relocated_hightech_enterprises", "rd_incentive",
         "rd_propensity"), ("certification_rd_uplift",),
        "Chen, Liu, Suárez Serrato & Xu 2021 (AER)"),
    "subsidy_rd": Variable("亿元/年", "subsidy_rd_leverage * rd_subsidies", ("rd_subsidies",),
                           ("subsidy_rd_leverage",), "Dimos & Pugh 2016; Boeing 2016"),
    "enterprise_rd": Variable(
        "亿元/年", "hightech_industry_rd + other_industry_rd + services_rd + certification_rd "
        "+ subsidy_rd", ("hightech_industry_rd", "other_industry_rd", "services_rd",
                         "certification_rd", "subsidy_rd")),
    "industrial_rd": Variable(
        "亿元/年", "hightech_industry_rd + other_industry_rd + certification_rd + subsidy_rd * "
        "industry's share of firms' own R&D at start",
        ("hightech_industry_rd", "other_industry_rd", "certification_rd", "subsidy_rd")),
    "public_rd": Variable(
        "亿元/年", "public_rd_fraction * public_research_spending + public_rd_nonfiscal",
        ("public_research_spending",), ("public_rd_fraction",)),
    "rd_expenditure": Variable("亿元/年", "enterprise_rd + public_rd",
                               ("enterprise_rd", "public_rd")),
    "rd_capital_growth": Variable(
        "1/年", "(rd_capital_formation - rd_capital_depreciation) / rd_capital",
        ("rd_capital_formation", "rd_capital_depreciation", "rd_capital")),
    "rd_intensity": Variable("1", "rd_expenditure / gdp", ("rd_expenditure", "gdp")),
    "industrial_rd_ratio": Variable("1", "industrial_rd / industrial_revenue",
                                    ("industrial_rd", "industrial_revenue")),
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
    "industrial_share_of_own_rd": Variable(
        "1", "industrial_rd_ratio * industrial revenue / (own_rd_start + subsidy-induced R&D) "
        "where the scenario gives the start year's ratio (a statistic), else 1 - "
        "services_share_of_firm_rd", ("own_rd_start", "baseline.industrial_rd_ratio",
                                      "baseline.industrial_va", "baseline.fiscal_st_spending"),
        ("services_share_of_firm_rd", "va_to_revenue", "subsidy_rd_leverage",
         "share_rd_subsidies"), "NBS 2019 R&D bulletin, or the region's own ratio"),
    "other_industry_rd_per_va": Variable(
        "1", "industrial share * own_rd_start / (other industry's value added + "
        "hightech_rd_intensity_ratio * high-tech value added), at the start",
        ("own_rd_start", "industrial_share_of_own_rd", "industrial_va_other_start",
         "baseline.industrial_va", "baseline.hightech_va_share"),
        ("hightech_rd_intensity_ratio",)),
    "hightech_rd_per_va": Variable(
        "1", "hightech_rd_intensity_ratio * other_industry_rd_per_va",
        ("other_industry_rd_per_va",), ("hightech_rd_intensity_ratio",)),
    "services_rd_per_va": Variable(
        "1", "(1 - industrial_share_of_own_rd) * own_rd_start / GDP outside above-scale "
        "industry at the start", ("own_rd_start", "industrial_share_of_own_rd", "baseline.gdp",
                                  "baseline.industrial_va")),
    "rd_per_hightech_enterprise": Variable(
        "亿元/年/家", "high-tech industry's R&D / high-tech enterprises, at the start",
        ("hightech_rd_per_va", "baseline.industrial_va", "baseline.hightech_va_share",
         "baseline.hightech_enterprises")),
    "hightech_enterprises_start": Variable("家", "high-tech enterprises at the start",
                                           ("baseline.hightech_enterprises",)),
    "super_deduction_start": Variable("1", "super_deduction_rate in the start year", (),
                                      ("super_deduction_rate",)),
    "rd_growth_start": Variable(
        "1/年", "sum over R&D's classes of (R&D x its driver's growth) / R&D at the start, "
        "high-tech output growing with R&D capital (balanced growth, to first order; see above)",
        ("rd_start", "public_rd_nonfiscal", "hightech_rd_per_va", "other_industry_rd_per_va",
         "services_rd_per_va", "industrial_va_other_start", "fiscal_st_growth_start",
         "baseline.gdp", "baseline.industrial_va", "baseline.hightech_va_share",
         "baseline.hightech_enterprises", "baseline.hightech_new_certifications",
         "baseline.fiscal_st_spending", "baseline.rd_growth_before_start"),
        ("investment_elasticity", "hightech_investment_growth", "knowledge_elasticity",
         "other_industry_growth", "nonindustrial_growth", "rd_propensity_drift",
         "certification_rd_uplift", "recertification_rate",
         "hightech_exit_rate", "subsidy_rd_leverage", "share_rd_subsidies",
         "public_rd_fraction", "share_public_research")),
    "enterprise_rd_growth_start": Variable(
        "1/年", "firms' part of rd_growth_start (public R&D: fiscal growth, or none)",
        ("rd_growth_start",), ()),
    "rd_capital_growth_start": Variable(
        "1/年", "ln(1 + rd_growth_before_start) where the scenario gives it, else "
        "rd_growth_start", ("rd_growth_start", "baseline.rd_growth_before_start")),
    "rd_rate_start": Variable(
        "亿元/年", "each class's R&D per unit of value added * its value added's rate at the start "
        "(high-tech: growing at rd_capital_growth_start's pace, as in high-tech's own start) + "
        "subsidy-induced and public R&D at the fiscal rate at the start + public_rd_nonfiscal",
        ("hightech_rd_per_va", "other_industry_rd_per_va", "services_rd_per_va",
         "rd_capital_growth_start", "industrial_va_other_rate_start",
         "gdp_nonindustrial_rate_start", "fiscal_st_rate_start", "public_rd_nonfiscal"),
        ("subsidy_rd_leverage", "share_rd_subsidies", "public_rd_fraction",
         "share_public_research")),
    "rd_capital_start": Variable(
        "亿元", "rd_rate_start / (rd_capital_growth_start + rd_depreciation)",
        ("rd_rate_start", "rd_capital_growth_start"), ("rd_depreciation",),
        "Hall 2007 (IFS): K0 = R0 / (g + delta)"),
}

TOTALS = ("rd_expenditure", "enterprise_rd", "industrial_rd")
RATIOS = {"rd_intensity": ("rd_expenditure", "gdp"),
          "industrial_rd_ratio": ("industrial_rd", "industrial_revenue")}

READS = {
    "gdp": "亿元/年",
    "gdp_nonindustrial": "亿元/年",
    "industrial_va_other": "亿元/年",
    "industrial_revenue": "亿元/年",
    "hightech_va": "亿元/年",
    "rd_subsidies": "亿元/年",
    "public_research_spending": "亿元/年",
    "hightech_enterprises": "家",
    "relocated_hightech_enterprises": "家",
}


def user_cost(deduction_rate: Number, tax_rate: Number) -> Number:
    """After-tax cost of one yuan of R&D under a super-deduction."""
    return 1.0 - tax_rate * (1.0 + deduction_rate)


def incentive_target(p: Inputs, deduction_start: Number) -> Number:
    """Firms' R&D relative to the start that the super-deduction calls for (saturating)."""
    raw = (user_cost(p.super_deduction_rate, p.corporate_tax_rate)
           / user_cost(deduction_start, p.corporate_tax_rate)) ** -p.super_deduction_elasticity
    ceiling = p.super_deduction_saturation
    return 1.0 + ceiling * np.tanh((raw - 1.0) / ceiling)


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    """Split the baseline R&D into its classes so that the start year is reproduced."""
    rd_start = b.rd_intensity * b.gdp
    subsidy_rd = p.subsidy_rd_leverage * b.fiscal_st_spending * p.share_rd_subsidies
    public_rd_nonfiscal = p.public_rd_share_nonfiscal * rd_start
    public_rd = p.public_rd_fraction * b.fiscal_st_spending * p.share_public_research
    own_rd = rd_start - subsidy_rd - public_rd - public_rd_nonfiscal
    industrial_share = industrial_share_of_own_rd(b, p, own_rd, subsidy_rd)
    hightech_va = b.industrial_va * b.hightech_va_share
    other_per_va = industrial_share * own_rd / (
        c.industrial_va_other_start + p.hightech_rd_intensity_ratio * hightech_va)
    hightech_per_va = p.hightech_rd_intensity_ratio * other_per_va
    services_per_va = (1.0 - industrial_share) * own_rd / (b.gdp - b.industrial_va)
    fiscal_rd_per_yuan = (p.subsidy_rd_leverage * p.share_rd_subsidies
                          + p.public_rd_fraction * p.share_public_research)
    growth = _start_growth(b, p, c, {
        "hightech": hightech_per_va * hightech_va,
        "other": other_per_va * c.industrial_va_other_start,
        "services": services_per_va * (b.gdp - b.industrial_va),
        "subsidy": subsidy_rd, "public": public_rd, "total": rd_start})
    before = getattr(b, "rd_growth_before_start", None)
    capital_growth = growth if before is None else np.log1p(before)
    public_growth = np.log1p(c.fiscal_st_growth_start)
    enterprise_growth = (growth * rd_start - public_rd * public_growth) / (
        rd_start - public_rd - public_rd_nonfiscal)
    rd_rate_start = (hightech_per_va * hightech.rate_start(b, p, capital_growth)
                     + other_per_va * c.industrial_va_other_rate_start
                     + services_per_va * c.gdp_nonindustrial_rate_start
                     + fiscal_rd_per_yuan * c.fiscal_st_rate_start + public_rd_nonfiscal)
    return {
        "rd_growth_start": growth,
        "enterprise_rd_growth_start": enterprise_growth,
        "rd_capital_growth_start": capital_growth,
        "rd_start": rd_start,
        "public_rd_nonfiscal": public_rd_nonfiscal,
        "own_rd_start": own_rd,
        "industrial_share_of_own_rd": industrial_share,
        "hightech_rd_per_va": hightech_per_va,
        "other_industry_rd_per_va": other_per_va,
        "services_rd_per_va": services_per_va,
        "rd_per_hightech_enterprise": hightech_per_va * hightech_va / b.hightech_enterprises,
        "hightech_enterprises_start": b.hightech_enterprises,
        "super_deduction_start": p.super_deduction_rate,
        "rd_rate_start": rd_rate_start,
        "rd_capital_start": rd_rate_start / (capital_growth + p.rd_depreciation),
    }


def industrial_share_of_own_rd(b: Inputs, p: Inputs, own_rd: Number,
                               subsidy_rd: Number) -> Number:
    """The share of firms' R&D that above-scale industrial firms perform at the start: from
    the region's own start-year industrial R&D ratio where the scenario gives it (a
    statistic: the ratio starts where its statistic is), else 1 - services_share_of_firm_rd
    (an assumption with its range)."""
    ratio = getattr(b, "industrial_rd_ratio", None)
    if ratio is None:
        return 1.0 - p.services_share_of_firm_rd
    return ratio * (b.industrial_va / p.va_to_revenue) / (own_rd + subsidy_rd)


def _start_growth(b: Inputs, p: Inputs, c: Constants, rd: dict[str, Number]) -> Number:
    """The growth the model gives R&D in the start year (continuous rate; see above).

    ``rd`` holds the start year's R&D by class (亿元/年). High-tech output grows with R&D
    capital: with its growth unknown, balanced growth (capital growing as R&D does) closes
    the sum, to first order; certification's extra R&D grows from zero at the start year's net
    certifications, incubation's flows with the start year's values."""
    drift = np.log1p(p.rd_propensity_drift)
    net_certified = (b.hightech_new_certifications
                     - incubation.leaving_rate(p) * b.hightech_enterprises)
    known = (rd["hightech"] * (hightech.start_growth(b, p, 0.0) + drift)
             + rd["other"] * (np.log1p(p.other_industry_growth) + drift)
             + rd["services"] * (np.log1p(p.nonindustrial_growth) + drift)
             + p.certification_rd_uplift * rd["hightech"] / b.hightech_enterprises
             * net_certified
             + (rd["subsidy"] + rd["public"]) * np.log1p(c.fiscal_st_growth_start))
    # First order in the knowledge feedback k = knowledge_elasticity * high-tech's share of
    # R&D (0.01 at the fitted 0.02): the exact fixed point known / (R (1 - k)) has a pole at
    # k = 1, inside the accepted inputs, where the loop alone is explosive.
    feedback = p.knowledge_elasticity * rd["hightech"] / rd["total"]
    return known / rd["total"] * (1.0 + feedback)


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    """The start year's R&D as the statistics give it (certification's extra R&D is 0 then)."""
    subsidy_rd = p.subsidy_rd_leverage * b.fiscal_st_spending * p.share_rd_subsidies
    public_rd = p.public_rd_fraction * b.fiscal_st_spending * p.share_public_research
    return {"rd_expenditure": c.rd_start,
            "enterprise_rd": c.rd_start - public_rd - c.public_rd_nonfiscal,
            "industrial_rd": c.industrial_share_of_own_rd * (c.own_rd_start + subsidy_rd)}


def checks(b: Inputs, p: Inputs, c: Constants) -> list[tuple[str, Number, str]]:
    return [
        ("rd_intensity", c.own_rd_start,
         "public and subsidy-induced R&D alone exceed the baseline R&D"),
        ("hightech_va_share", c.industrial_va_other_start,
         "high-tech value added exceeds all above-scale industrial value added"),
        ("industrial_rd_ratio", 1.0 - c.industrial_share_of_own_rd,
         "above-scale industry's R&D at this ratio of its revenue exceeds all firms' R&D "
         "(R&D intensity, fiscal money and the value-added rate say less)"),
    ]


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {"rd_capital": c.rd_capital_start, "rd_incentive": 1.0, "rd_propensity": 1.0}


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    incentive = s["rd_incentive"]
    target = incentive_target(p, c.super_deduction_start)
    v["rd_incentive_adjustment"] = (target - incentive) / p.rd_adjustment_time
    v["rd_propensity_change"] = np.log1p(p.rd_propensity_drift) * s["rd_propensity"]
    firm_factor = incentive * s["rd_propensity"]
    hightech = c.hightech_rd_per_va * s["hightech_va"] * firm_factor
    other = c.other_industry_rd_per_va * s["industrial_va_other"] * firm_factor
    services = c.services_rd_per_va * s["gdp_nonindustrial"] * firm_factor
    certified_here = (s["hightech_enterprises"] - c.hightech_enterprises_start
                      - s["relocated_hightech_enterprises"])
    certification = (p.certification_rd_uplift * c.rd_per_hightech_enterprise
                     * certified_here * firm_factor)
    subsidy = p.subsidy_rd_leverage * v["rd_subsidies"]
    enterprise_rd = hightech + other + services + certification + subsidy
    public_rd = p.public_rd_fraction * v["public_research_spending"] + c.public_rd_nonfiscal
    rd = enterprise_rd + public_rd
    industrial = hightech + other + certification + subsidy * c.industrial_share_of_own_rd
    v["hightech_industry_rd"], v["other_industry_rd"], v["services_rd"] = hightech, other, services
    v["certification_rd"], v["subsidy_rd"] = certification, subsidy
    v["enterprise_rd"] = enterprise_rd
    v["industrial_rd"] = industrial
    v["public_rd"] = public_rd
    v["rd_expenditure"] = rd
    v["rd_capital_formation"] = rd
    v["rd_capital_depreciation"] = p.rd_depreciation * s["rd_capital"]
    v["rd_capital_growth"] = (rd - v["rd_capital_depreciation"]) / s["rd_capital"]
    v["rd_intensity"] = rd / v["gdp"]
    v["industrial_rd_ratio"] = industrial / v["industrial_revenue"]


SECTOR = Sector("rd", "R&D: firms' R&D following output, public R&D, intensity, R&D capital",
                RD, STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS,
                checks=checks, totals=TOTALS, ratios=RATIOS, start_totals=start_totals)
