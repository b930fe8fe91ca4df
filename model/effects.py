"""Expected effects of the levers: what theory says each lever does to each indicator.

For every lever of :data:`model.catalogue.LEVERS` and every indicator of
:data:`model.catalogue.INDICATORS` this module declares the expected sign of the effect of
raising the lever (the other levers held, allocation shares rescaled by
:func:`model.levers.set_lever`), read at a plan's target year:

``"+"``            the indicator does not fall when the lever rises (it may stay equal);
``"-"``            the indicator does not rise when the lever rises;
``"0/ambiguous"``  no channel, or channels of opposite sign whose balance theory does not settle.

A sign is declared only where the theory is unambiguous, i.e. every channel from the lever to
the indicator has the same sign; each declaration carries a one-line reason. This is data,
read by the validation battery (tests/test_battery.py), not by the model: it states what any
version of the model must satisfy, whatever its structure.

The allocation shares are zero-sum: raising one cuts the other four in proportion. A share
therefore has a sign only on what it pays for directly (and a "-" where the cut use is the
only thing that pays for an indicator); elsewhere its effect is ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Sign = Literal["+", "-", "0/ambiguous"]
SIGNS: tuple[Sign, ...] = ("+", "-", "0/ambiguous")
AMBIGUOUS: Sign = "0/ambiguous"

# The fiscal levers act only under their fiscal rule (scenario.fiscal_rule).
APPLIES_UNDER = MappingProxyType({
    "fiscal_st_growth": "growth",
    "fiscal_st_budget_share": "share",
})


@dataclass(frozen=True)
class Effect:
    """The expected sign of a lever's effect on an indicator, with its reason."""

    lever: str
    indicator: str
    sign: Sign
    reason: str


# --- reasons shared by several levers ---------------------------------------------------------
_EXOGENOUS = "exogenous: follows its own growth parameters; no lever moves it"
_GROWTH_AMBIGUOUS = ("a growth rate in the target year: a higher level of R&D need not grow "
                     "faster (the weights of fast- and slow-growing parts shift)")
_SME_DRAIN = ("more R&D helps firms onto the SME register but also certifies more of them as "
              "high-tech, which takes some off the register: the balance is not settled")
_ZERO_SUM = "zero-sum: the uses it takes money from also feed this indicator"
_NO_CHANNEL = "no channel from this lever"
_RD_TO_GDP = "more R&D builds knowledge that raises output (R1); nothing lowers output"
_OUTPUT = "high-tech value added is part of above-scale industry and of GDP"
_PATENTS = "more R&D money and R&D staff produce more inventions (Griliches 1990)"
_PER_10K = "more patents over a population the lever does not move"
_TURNOVER = "more valid patents to license and sell; no channel lowers the contracts"
_ACHIEVEMENTS = "S&T achievements transformed follow technology-contract turnover"
_CAPITAL = "R&D capital accumulates R&D expenditure (perpetual inventory)"
_STAFF = "more R&D money pays more R&D staff; nothing cuts the supply of staff"
_STAFF_PER_10K = "more R&D staff over employment the lever does not move"
_DEMAND_TALENT = ("firms doing more R&D recruit more masters and PhDs; talent-programme money "
                  "is unchanged")
_CUMULATIVE_TALENT = "cumulative sum of high-level recruitment, which rises"
_CERTIFIED = ("more firms reach the certification thresholds (R&D 3-5 % of sales, "
              "国科发火〔2016〕32号) as R&D and R&D capital grow")
_RECERTIFIED = "more firms certified three years before, and with more R&D, to re-certify"
_NEW_PRODUCTS = "new products come from the R&D capital stock, which rises"
_HT_SHARE_KNOWLEDGE = ("high-tech industries are the R&D-intensive ones (OECD definition): "
                       "knowledge-led growth raises their share of industry")
_INCUBATION_UP = "incubation money (share x total) rises and buys incubator seats"
_STARTUPS_UP = "more incubator seats let more start-ups in (less congestion)"
_SEATS_CUT = ("incubation money is cut in proportion, and only it pays for public incubator "
              "seats")

_FISCAL_TOTAL = {
    "gdp": ("+", _RD_TO_GDP),
    "population": (AMBIGUOUS, _EXOGENOUS),
    "employed": (AMBIGUOUS, _EXOGENOUS),
    "industrial_va": ("+", "high-tech value added rises with R&D capital; other industry is "
                           "not cut"),
    "industrial_revenue": ("+", "revenue follows industrial value added"),
    "budget_expenditure": ("+", "the budget follows GDP; more S&T spending is not taken from it"),
    "fiscal_st_spending": ("+", "the lever sets fiscal S&T spending directly"),
    "fiscal_st_share": ("+", "S&T spending rises directly; the budget only through the small "
                             "GDP effect of R&D"),
    "hightech_enterprises": ("+", "subsidies and incubation raise the firms that can be "
                                  "certified; certification adds to the stock"),
    "tech_smes": (AMBIGUOUS, "incubation adds SMEs, but faster certification moves some off "
                             "the SME register"),
    "hightech_certification": ("+", "more incubated SMEs and more R&D (subsidies, R&D capital) "
                                    "reaching the 3-5 % thresholds"),
    "hightech_recertification": ("+", _RECERTIFIED),
    "sme_registrations": ("+", "incubation money rises: more graduates found tech SMEs"),
    "incubator_capacity": ("+", _INCUBATION_UP),
    "startups_in_incubation": ("+", _STARTUPS_UP),
    "rd_expenditure": ("+", "public research is R&D performed and subsidies add to firms' R&D "
                            "(no full crowding-out: Dimos & Pugh 2016)"),
    "rd_intensity": ("+", "public research is R&D performed and subsidies add to firms' R&D; "
                          "GDP rises only through the small knowledge effect"),
    "enterprise_rd": ("+", "subsidies add to firms' R&D (additionality 0.5-1.2 per yuan); "
                           "more certified firms and output add more"),
    "industrial_rd_ratio": ("+", "subsidies add to industrial firms' R&D; revenue rises only "
                                 "through knowledge, with R&D following it"),
    "rd_capital": ("+", _CAPITAL),
    "rd_personnel": ("+", "more R&D money pays more staff and talent programmes supply more"),
    "rd_personnel_per_10k_employed": ("+", _STAFF_PER_10K),
    "high_level_recruitment": ("+", "talent-programme money rises with total S&T spending"),
    "high_level_talent": ("+", _CUMULATIVE_TALENT),
    "invention_patent_grants": ("+", _PATENTS),
    "valid_invention_patents": ("+", _PATENTS),
    "invention_patents_per_10k": ("+", _PER_10K),
    "high_value_patents_per_10k": ("+", _PER_10K),
    "tech_contract_turnover": ("+", "more valid patents and more technology-market support"),
    "achievements_transformed": ("+", _ACHIEVEMENTS),
    "hightech_va": ("+", "R&D capital raises high-tech value added (R1)"),
    "hightech_va_share": ("+", _HT_SHARE_KNOWLEDGE),
    "new_product_rate": ("+", _NEW_PRODUCTS),
    "rd_growth": (AMBIGUOUS, _GROWTH_AMBIGUOUS),
}

_SUPER_DEDUCTION = {
    "gdp": ("+", _RD_TO_GDP),
    "population": (AMBIGUOUS, _EXOGENOUS),
    "employed": (AMBIGUOUS, _EXOGENOUS),
    "industrial_va": ("+", "firms' R&D raises high-tech value added through R&D capital"),
    "industrial_revenue": ("+", "revenue follows industrial value added"),
    "budget_expenditure": (AMBIGUOUS, "a tax expenditure: less corporate income tax, against "
                                      "a larger tax base from growth"),
    "fiscal_st_spending": (AMBIGUOUS, "unchanged under the growth rule; follows a budget of "
                                      "ambiguous sign under the share rule"),
    "fiscal_st_share": (AMBIGUOUS, "the budget moves either way (tax expenditure vs growth)"),
    "hightech_enterprises": ("+", _CERTIFIED),
    "tech_smes": (AMBIGUOUS, _SME_DRAIN),
    "hightech_certification": ("+", _CERTIFIED),
    "hightech_recertification": ("+", _RECERTIFIED),
    "sme_registrations": ("+", "cheaper R&D lets more small firms meet the SME evaluation's R&D "
                               "criteria; nothing lowers registrations"),
    "incubator_capacity": (AMBIGUOUS, _NO_CHANNEL),
    "startups_in_incubation": (AMBIGUOUS, _NO_CHANNEL),
    "rd_expenditure": ("+", "a larger deduction lowers the user cost of R&D, 1 - t(1 + d) "
                            "(elasticity 1.6-2.1, Qian, Zhan & Pan)"),
    "rd_intensity": ("+", "firms' R&D rises through the user cost; GDP only through the small "
                          "knowledge effect"),
    "enterprise_rd": ("+", "a larger deduction lowers the user cost of firms' R&D"),
    "industrial_rd_ratio": ("+", "industrial firms' R&D rises through the user cost; revenue "
                                 "only through knowledge"),
    "rd_capital": ("+", _CAPITAL),
    "rd_personnel": ("+", _STAFF),
    "rd_personnel_per_10k_employed": ("+", _STAFF_PER_10K),
    "high_level_recruitment": ("+", _DEMAND_TALENT),
    "high_level_talent": ("+", _CUMULATIVE_TALENT),
    "invention_patent_grants": ("+", _PATENTS),
    "valid_invention_patents": ("+", _PATENTS),
    "invention_patents_per_10k": ("+", _PER_10K),
    "high_value_patents_per_10k": ("+", _PER_10K),
    "tech_contract_turnover": ("+", _TURNOVER),
    "achievements_transformed": ("+", _ACHIEVEMENTS),
    "hightech_va": ("+", "R&D capital raises high-tech value added (R1)"),
    "hightech_va_share": ("+", _HT_SHARE_KNOWLEDGE),
    "new_product_rate": ("+", _NEW_PRODUCTS),
    "rd_growth": (AMBIGUOUS, _GROWTH_AMBIGUOUS),
}

_INVESTMENT = {
    "gdp": ("+", "investment grows high-tech capacity and value added, part of GDP"),
    "population": (AMBIGUOUS, _EXOGENOUS),
    "employed": (AMBIGUOUS, _EXOGENOUS),
    "industrial_va": ("+", _OUTPUT),
    "industrial_revenue": ("+", "revenue follows industrial value added"),
    "budget_expenditure": ("+", "the budget follows GDP"),
    "fiscal_st_spending": ("+", "unchanged under the growth rule; follows the larger budget "
                                "under the share rule"),
    "fiscal_st_share": ("-", "a larger budget, with S&T spending fixed by its growth rule or "
                             "following the budget with a lag"),
    "hightech_enterprises": ("+", "growing high-tech firms' R&D and R&D capital bring more "
                                  "firms to the certification thresholds"),
    "tech_smes": (AMBIGUOUS, _SME_DRAIN),
    "hightech_certification": ("+", _CERTIFIED),
    "hightech_recertification": ("+", _RECERTIFIED),
    "sme_registrations": (AMBIGUOUS, "no direct channel (investment goes to existing firms)"),
    "incubator_capacity": (AMBIGUOUS, "no direct channel; only via the budget under the share "
                                      "rule"),
    "startups_in_incubation": (AMBIGUOUS, "no direct channel; only via the budget under the "
                                          "share rule"),
    "rd_expenditure": ("+", "firms' R&D follows their output, and high-tech firms must spend "
                            "3-5 % of sales on R&D (国科发火〔2016〕32号)"),
    "rd_intensity": (AMBIGUOUS, "firms' R&D follows output, high-tech industry's most (R1), "
                                "but output also raises GDP: intensity rises where high-tech "
                                "industry's R&D per unit of value added exceeds the region's "
                                "R&D / GDP, falls where fiscal money does most of the R&D; "
                                "tests/test_loops.py checks it rises in every shipped plan"),
    "enterprise_rd": ("+", "firms' R&D follows their output; high-tech firms must spend 3-5 % "
                           "of sales on R&D"),
    "industrial_rd_ratio": (AMBIGUOUS, "high-tech industry's R&D / revenue is above other "
                                       "industry's (NBS 2019: 2.41 % vs 1.32 % for all), so its "
                                       "growth raises the average, but R&D that does not follow "
                                       "output (subsidies, certification) is diluted"),
    "rd_capital": ("+", _CAPITAL),
    "rd_personnel": ("+", _STAFF),
    "rd_personnel_per_10k_employed": ("+", _STAFF_PER_10K),
    "high_level_recruitment": ("+", _DEMAND_TALENT),
    "high_level_talent": ("+", _CUMULATIVE_TALENT),
    "invention_patent_grants": ("+", _PATENTS),
    "valid_invention_patents": ("+", _PATENTS),
    "invention_patents_per_10k": ("+", _PER_10K),
    "high_value_patents_per_10k": ("+", _PER_10K),
    "tech_contract_turnover": ("+", _TURNOVER),
    "achievements_transformed": ("+", _ACHIEVEMENTS),
    "hightech_va": ("+", "investment grows high-tech capacity (investment elasticity > 0)"),
    "hightech_va_share": ("+", "high-tech value added grows; other industry does not respond "
                               "to high-tech investment"),
    "new_product_rate": ("+", "high-tech industry has the higher new-product rate, and R&D "
                              "capital grows"),
    "rd_growth": (AMBIGUOUS, _GROWTH_AMBIGUOUS),
}

_RELOCATIONS = {
    "gdp": ("+", "firms moving in bring their output"),
    "population": (AMBIGUOUS, _EXOGENOUS),
    "employed": (AMBIGUOUS, _EXOGENOUS),
    "industrial_va": ("+", "firms moving in bring their output"),
    "industrial_revenue": ("+", "firms moving in bring their sales"),
    "budget_expenditure": ("+", "the budget follows GDP"),
    "fiscal_st_spending": ("+", "unchanged under the growth rule; follows the larger budget "
                                "under the share rule"),
    "fiscal_st_share": ("-", "a larger budget, with S&T spending fixed by its growth rule or "
                             "following the budget with a lag"),
    "hightech_enterprises": ("+", "certified firms move in (certificates stay valid)"),
    "tech_smes": (AMBIGUOUS, _SME_DRAIN),
    "hightech_certification": ("+", "relocated firms' R&D adds to the knowledge that brings "
                                    "local firms to the thresholds; relocations are not "
                                    "counted as certifications"),
    "hightech_recertification": ("+", "more certified firms (relocated ones included) reach "
                                      "their three-year re-certification"),
    "sme_registrations": (AMBIGUOUS, _NO_CHANNEL),
    "incubator_capacity": (AMBIGUOUS, "no direct channel; only via the budget under the share "
                                      "rule"),
    "startups_in_incubation": (AMBIGUOUS, "no direct channel; only via the budget under the "
                                          "share rule"),
    "rd_expenditure": ("+", "firms moving in bring their output and the R&D high-tech "
                            "output carries (certified firms spend 3-5 % of sales on R&D, "
                            "国科发火〔2016〕32号)"),
    "rd_intensity": (AMBIGUOUS, "a firm moving in brings an average certified firm's output "
                                "with the R&D high-tech output carries here: R&D / GDP rises "
                                "where that is above the region's R&D / GDP (nearly every "
                                "draw), falls where public R&D puts the average above it"),
    "enterprise_rd": ("+", "each certified firm must spend 3-5 % of sales on R&D"),
    "industrial_rd_ratio": (AMBIGUOUS, "a relocated firm's R&D / sales (3-5 % threshold) may be "
                                       "above or below the region's industrial average"),
    "rd_capital": ("+", _CAPITAL),
    "rd_personnel": ("+", _STAFF),
    "rd_personnel_per_10k_employed": ("+", _STAFF_PER_10K),
    "high_level_recruitment": ("+", _DEMAND_TALENT),
    "high_level_talent": ("+", _CUMULATIVE_TALENT),
    "invention_patent_grants": ("+", _PATENTS),
    "valid_invention_patents": ("+", _PATENTS),
    "invention_patents_per_10k": ("+", _PER_10K),
    "high_value_patents_per_10k": ("+", _PER_10K),
    "tech_contract_turnover": ("+", _TURNOVER),
    "achievements_transformed": ("+", _ACHIEVEMENTS),
    "hightech_va": ("+", "certified firms moving in are high-tech producers"),
    "hightech_va_share": ("+", "high-tech value added grows; other industry does not respond"),
    "new_product_rate": (AMBIGUOUS, "a relocated firm's new-product rate may be above or below "
                                    "the region's"),
    "rd_growth": (AMBIGUOUS, _GROWTH_AMBIGUOUS),
}


# --- the platform, talent-programme, project and IP-finance indicators --------------------------
INCUBATION_PLATFORMS = (
    "incubators", "provincial_incubators", "national_incubators", "maker_spaces",
    "provincial_maker_spaces", "national_maker_spaces", "star_spaces", "provincial_star_spaces",
    "national_star_spaces", "provincial_incubation_platforms", "new_incubation_platforms")
RD_LADDER = ("rd_centers", "enterprise_tech_centres", "provincial_enterprise_research_institutes",
             "provincial_key_enterprise_research_institutes", "tech_innovation_centres",
             "provincial_tech_innovation_centres", "national_tech_innovation_centres",
             "rd_and_engineering_centres")
# Paid by the platform money alone, like the incubation platforms (no pool of firms).
OTHER_PLATFORMS = ("new_rd_institutions", "provincial_new_rd_institutions",
                   "new_rd_institutions_built", "incubation_platforms")
# A first rung alone: more money and more firms add entries but also promote more out of it.
FIRST_RUNGS = ("municipal_only_rd_centres",)
# Firms with an R&D institution: the rate times firms following industrial value added.
FIRMS_WITH_INSTITUTION = ("firms_with_rd_institution",)
TALENT_TIERS = ("high_end_talents", "academician_workstations", "academician_teams")
PROJECT_COUNTS = ("provincial_major_projects", "municipal_key_tech_projects", "st_projects",
                  "major_technologies", "landmark_results")


def _rows(indicators: tuple[str, ...], sign: Sign, reason: str) -> dict[str, tuple[Sign, str]]:
    return {indicator: (sign, reason) for indicator in indicators}


_PLATFORM_MONEY_UP = ("more platform money (the incubation share of a larger total) speeds "
                      "accreditation and promotion up the ladder")
_PLATFORM_MONEY_CUT = ("the platform money is cut in proportion, and only it (with operators' "
                       "own means, unchanged) moves accreditation and promotion")
_TALENT_MONEY_CUT = "the talent money is cut in proportion, and it pays these tiers per head"
_PROJECT_MONEY_CUT = ("the R&D-subsidy line, which funds the projects, is cut in proportion; "
                      "outputs follow completed projects")
_BUDGET_ONLY = ("only through the budget under the share rule (more money); no channel under "
                "the growth rule")
_PLEDGE = "pledge financing follows the valid invention patents, which rise"

_FISCAL_TOTAL.update({
    **_rows(INCUBATION_PLATFORMS + OTHER_PLATFORMS, "+", _PLATFORM_MONEY_UP),
    **_rows(RD_LADDER, "+", "more platform money, and more high-tech enterprises among which "
                            "R&D centres are accredited"),
    "rd_institution_rate": ("+", "subsidies raise firms' R&D per firm and platform money "
                                 "supports setting up R&D institutions"),
    **_rows(TALENT_TIERS, "+", "the talent line pays leading talents and workstations per head"),
    **_rows(PROJECT_COUNTS, "+", "the R&D-subsidy line funds more projects; outputs follow "
                                 "their completion"),
    "ip_pledge_financing": ("+", _PLEDGE),
})
_FIRST_RUNG = ("more entries to the first title, but also more promotions out of it to the "
               "next: the balance is not settled")
for _row in (_FISCAL_TOTAL, _SUPER_DEDUCTION, _INVESTMENT, _RELOCATIONS):
    _row.update(_rows(FIRST_RUNGS, AMBIGUOUS, _FIRST_RUNG))
_FISCAL_TOTAL["firms_with_rd_institution"] = (
    "+", "subsidies and platform money raise the share of firms with an R&D institution, and "
         "knowledge raises the output the number of firms follows; nothing lowers either")
_SUPER_DEDUCTION["firms_with_rd_institution"] = (
    AMBIGUOUS, "as rd_institution_rate: under the share rule the platform money moves with a "
               "budget of ambiguous sign")
_INVESTMENT["firms_with_rd_institution"] = (
    AMBIGUOUS, "more output means more firms, but the share with an R&D institution may fall "
               "(see rd_institution_rate)")
_RELOCATIONS["firms_with_rd_institution"] = (
    AMBIGUOUS, "more output means more firms, but a relocated firm's R&D per unit of output may "
               "be above or below the region's")
_SUPER_DEDUCTION.update({
    **_rows(INCUBATION_PLATFORMS + OTHER_PLATFORMS, AMBIGUOUS,
            "no channel under the growth rule; under the share rule the budget moves either "
            "way"),
    **_rows(RD_LADDER, AMBIGUOUS, "more high-tech enterprises to accredit among, but under the "
                                  "share rule the platform money moves with a budget of "
                                  "ambiguous sign"),
    "rd_institution_rate": (AMBIGUOUS, "firms' R&D per firm rises, but under the share rule the "
                                       "platform money moves with a budget of ambiguous sign"),
    **_rows(TALENT_TIERS + PROJECT_COUNTS, AMBIGUOUS,
            "no channel under the growth rule; under the share rule the budget moves either "
            "way"),
    "ip_pledge_financing": ("+", _PLEDGE),
})
_INVESTMENT.update({
    **_rows(INCUBATION_PLATFORMS + OTHER_PLATFORMS + TALENT_TIERS + PROJECT_COUNTS, "+",
            _BUDGET_ONLY),
    **_rows(RD_LADDER, "+", "more high-tech enterprises to accredit R&D centres among, and "
                            "under the share rule more platform money"),
    "rd_institution_rate": (AMBIGUOUS, "firms' R&D follows output, but R&D per firm rises only "
                                       "where high-tech industry is more R&D-intensive than "
                                       "the average firm (see industrial_rd_ratio)"),
    "ip_pledge_financing": ("+", _PLEDGE),
})
_RELOCATIONS.update({
    **_rows(INCUBATION_PLATFORMS + OTHER_PLATFORMS + TALENT_TIERS + PROJECT_COUNTS, "+",
            _BUDGET_ONLY),
    **_rows(RD_LADDER, "+", "more high-tech enterprises to accredit R&D centres among, and "
                            "under the share rule more platform money"),
    "rd_institution_rate": (AMBIGUOUS, "a relocated firm's R&D per unit of output may be above "
                                       "or below the region's"),
    "ip_pledge_financing": ("+", _PLEDGE),
})


def _share(direct: dict[str, tuple[Sign, str]]) -> dict[str, tuple[Sign, str]]:
    """An allocation share: ambiguous except on what it pays for (``direct``)."""
    effects: dict[str, tuple[Sign, str]] = {key: (AMBIGUOUS, _ZERO_SUM) for key in _FISCAL_TOTAL}
    effects.update({
        "population": (AMBIGUOUS, _EXOGENOUS),
        "employed": (AMBIGUOUS, _EXOGENOUS),
        "fiscal_st_spending": (AMBIGUOUS, "the split does not change the total (growth rule); "
                                          "under the share rule only through GDP, either way"),
        "fiscal_st_share": (AMBIGUOUS, "the split does not change the total; the budget moves "
                                       "with GDP either way"),
        "incubator_capacity": ("-", _SEATS_CUT),
        "rd_growth": (AMBIGUOUS, _GROWTH_AMBIGUOUS),
        **_rows(INCUBATION_PLATFORMS + OTHER_PLATFORMS, "-", _PLATFORM_MONEY_CUT),
        **_rows(TALENT_TIERS, "-", _TALENT_MONEY_CUT),
        **_rows(PROJECT_COUNTS, "-", _PROJECT_MONEY_CUT),
    })
    effects.update(direct)
    return effects


_SHARE_RD_SUBSIDIES = _share({
    "enterprise_rd": ("+", "subsidies are added to firms' R&D at once (additionality 0.5-1.2 "
                           "per yuan); the cut uses reach firms' R&D only slowly, at a fraction"),
    "industrial_rd_ratio": ("+", "subsidies add to industrial firms' R&D at once; revenue moves "
                                 "only through knowledge"),
    **_rows(PROJECT_COUNTS, "+", "the R&D-subsidy line funds the projects; outputs follow "
                                 "their completion"),
})

_SHARE_INCUBATION = _share({
    "incubator_capacity": ("+", "incubation money buys incubator seats"),
    "startups_in_incubation": ("+", "incubation money buys the seats start-ups occupy"),
    **_rows(INCUBATION_PLATFORMS + OTHER_PLATFORMS, "+",
            "the platform money speeds accreditation and promotion up the ladder"),
})

_SHARE_TALENT = _share({
    "high_level_recruitment": ("+", "talent-programme money pays for recruiting high-level "
                                    "talent"),
    "high_level_talent": ("+", _CUMULATIVE_TALENT),
    **_rows(TALENT_TIERS, "+", "the talent money pays leading talents and workstations per "
                               "head"),
})

_SHARE_TECH_MARKET = _share({
    "tech_contract_turnover": ("+", "technology-market support is paid to contracts and "
                                    "brokers; patents move only slowly"),
    "achievements_transformed": ("+", _ACHIEVEMENTS),
})

_SHARE_PUBLIC_RESEARCH = _share({
    "rd_expenditure": (AMBIGUOUS, "public research counts as R&D at 60-95 %, the subsidies cut "
                                  "add 0.5-1.2 per yuan: either may be larger"),
})

_TABLE = {
    "fiscal_st_growth": _FISCAL_TOTAL,
    "fiscal_st_budget_share": _FISCAL_TOTAL,
    "share_rd_subsidies": _SHARE_RD_SUBSIDIES,
    "share_incubation": _SHARE_INCUBATION,
    "share_talent": _SHARE_TALENT,
    "share_tech_market": _SHARE_TECH_MARKET,
    "share_public_research": _SHARE_PUBLIC_RESEARCH,
    "super_deduction_rate": _SUPER_DEDUCTION,
    "hightech_investment_growth": _INVESTMENT,
    "hightech_relocations_per_year": _RELOCATIONS,
}



def _with_industrial_rd(row: dict[str, tuple[Sign, str]]) -> dict[str, tuple[Sign, str]]:
    """Above-scale industrial firms' R&D is a part of firms' R&D, with the same expectation;
    the number of above-scale manufacturers follows industrial value added."""
    sign, reason = row["enterprise_rd"]
    va_sign, va_reason = row["industrial_va"]
    return {**row, "industrial_rd": (sign, f"the industrial part of firms' R&D: {reason}"),
            "above_scale_manufacturers": (va_sign, "their number follows industrial value "
                                                   f"added: {va_reason}")}


EFFECTS: MappingProxyType[str, MappingProxyType[str, Effect]] = MappingProxyType({
    lever: MappingProxyType({indicator: Effect(lever, indicator, sign, reason)
                             for indicator, (sign, reason) in _with_industrial_rd(row).items()})
    for lever, row in _TABLE.items()
})


def expected_effect(lever: str, indicator: str) -> Effect:
    """The declared effect of raising ``lever`` on ``indicator``."""
    try:
        row = EFFECTS[lever]
    except KeyError:
        raise KeyError(f"no effects declared for lever {lever!r}") from None
    try:
        return row[indicator]
    except KeyError:
        raise KeyError(f"lever {lever!r} declares no effect on indicator {indicator!r}") \
            from None


def applies(lever: str, fiscal_rule: str) -> bool:
    """Whether ``lever`` acts under ``fiscal_rule`` (the two fiscal levers each under one)."""
    return APPLIES_UNDER.get(lever, fiscal_rule) == fiscal_rule


def signed_effects() -> list[Effect]:
    """Every declaration with a sign ("+" or "-"), lever by lever."""
    return [effect for row in EFFECTS.values() for effect in row.values()
            if effect.sign != AMBIGUOUS]
