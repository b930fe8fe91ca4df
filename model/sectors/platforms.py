"""Platforms sector: the accreditation ladders of innovation platforms, and the share of
above-scale manufacturers with an R&D institution.

Six ladders, each a chain of stocks counting platforms by their highest title [家]:
  incubators     municipal_only_incubators -> provincial_only_incubators -> national_incubators
  maker spaces   municipal_only_maker_spaces -> provincial_only_maker_spaces
                 -> national_maker_spaces                                    (众创空间)
  星创天地        municipal_only_star_spaces -> provincial_only_star_spaces -> national_star_spaces
  R&D ladder     municipal_only_rd_centres -> provincial_only_rd_centres
                 -> non_key_research_institutes -> provincial_key_enterprise_research_institutes
                 (企业研发中心 -> 省级研发中心 -> 省企业研究院 -> 省重点企业研究院, Zhejiang's
                 ladder; Hebei's 省级企业技术中心 is the provincial rung)
  技术创新中心    municipal_only_tech_innovation_centres -> provincial_only_tech_innovation_centres
                 -> national_tech_innovation_centres (the S&T departments' 工程技术研究中心,
                 renamed 技术创新中心 in Hebei: accredited in firms, like the R&D ladder)
  新型研发机构    municipal_only_new_rd_institutions -> provincial_new_rd_institutions
                 (institutes set up with universities, academies or firms)
Flows (per year) of each ladder
  <ladder>_accreditation = entry at the start * pool index * support mix   (first title)
  <rung>_promotion       = min(promotion hazard * support mix, 1) * rung  (to the next title)
  <rung>_delisting       = platform_delisting_rate * rung               (title revoked)
  support mix = 1 - platform_support_share + platform_support_share * platform money index
  (platform money = incubation_spending, the fiscal line "incubators and platforms");
  pool index: 1 for the incubation ladders and new-type R&D institutions; for the R&D and
  技术创新中心 ladders high-tech enterprises / their start number (Zhejiang's provincial R&D
  centres are accredited among high-tech enterprises: 省级高新技术企业研究开发中心; the
  engineering centres are built in the same firms).
A platform reaches a title only from the title below it: the national count rises only after
provincial ones exist, with the lag of the first-order promotion (mean wait 1 / hazard).

Calibrated at the start (``ladder_hazards``): the hazards and the entry flow that make the
number holding each title (or a higher one) grow at platform_growth_before_start, its recent
trend, so that a frozen policy continues it. Promotion into a title nobody holds yet, or out
of an empty rung, takes platform_promotion_hazard (no local precedent to calibrate on);
hazards are at most 1 a year (accreditation rounds are yearly). A region holding none of a
ladder's titles accredits platform money / platform_accreditation_cost a year into it
(new_rd_institution_cost for new-type R&D institutions), the money spread evenly over the
ladders (assumption).

Counts as plans count them (titles held): provincial_incubators = provincial_only + national,
incubators = all three rungs; enterprise_tech_centres (省级及以上企业研发(技术)中心) =
provincial_only_rd_centres + institutes; rd_centers = all four rungs; municipal_only_rd_centres
the first rung alone (plans that split 省市级 into 省级 and 市级 count it); the 技术创新中心
and 新型研发机构 counts likewise; incubation_platforms = all rungs of the three incubation
ladders; rd_and_engineering_centres = rd_centers + tech_innovation_centres;
new_rd_institutions_built = new_rd_institutions - its start value.

R&D institutions
  rd_institution_coverage [fraction] (stock) share of above-scale manufacturers with an R&D
  institution, reported as rd_institution_rate (in per cent)
  rd_institution_setup   = min(setup hazard * (R&D per firm index) **
                           rd_institution_elasticity * support mix, 1) * (1 - rate)
  rd_institution_closing = rd_institution_closure * rd_institution_coverage
  R&D per firm index = (enterprise_rd / industrial_va) / its start value (firms counted in
  proportion to industrial value added: value added per firm held at its start value).
  The setup hazard is calibrated so that the rate grows at rd_institution_trend (relative) at
  the start: (rd_institution_trend + rd_institution_closure) * rate / (1 - rate).
  firms_with_rd_institution [家] = rd_institution_coverage * above_scale_manufacturers, their
  number following industrial value added from its start count (the same value added per
  firm as above; one per 亿元 of value added where the file gives no count).
Reads: incubation_spending (fiscal), hightech_enterprises (incubation), enterprise_rd (rd),
industrial_va (economy).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ..catalogue import PLATFORMS
from ..engine import StockSpec
from .common import (
    Constants,
    Inputs,
    Number,
    Sector,
    Stocks,
    Values,
    Variable,
    ladder_hazards,
    spending_index,
    start_value,
)

# Ladder -> its rungs (stocks) from the first title up, the baseline counts of titles held at
# each rung and above, and the pool its first title is accredited from.
LADDERS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...], str | None]] = {
    "incubators": (("municipal_only_incubators", "provincial_only_incubators",
                    "national_incubators"),
                   ("incubators", "provincial_incubators", "national_incubators"), None),
    "maker_spaces": (("municipal_only_maker_spaces", "provincial_only_maker_spaces",
                      "national_maker_spaces"),
                     ("maker_spaces", "provincial_maker_spaces", "national_maker_spaces"), None),
    "star_spaces": (("municipal_only_star_spaces", "provincial_only_star_spaces",
                     "national_star_spaces"),
                    ("star_spaces", "provincial_star_spaces", "national_star_spaces"), None),
    "rd_centres": (("municipal_only_rd_centres", "provincial_only_rd_centres",
                    "non_key_research_institutes",
                    "provincial_key_enterprise_research_institutes"),
                   ("rd_centers", "enterprise_tech_centres",
                    "provincial_enterprise_research_institutes",
                    "provincial_key_enterprise_research_institutes"), "hightech_enterprises"),
    "tech_innovation_centres": (("municipal_only_tech_innovation_centres",
                                 "provincial_only_tech_innovation_centres",
                                 "national_tech_innovation_centres"),
                                ("tech_innovation_centres", "provincial_tech_innovation_centres",
                                 "national_tech_innovation_centres"), "hightech_enterprises"),
    "new_rd_institutions": (("municipal_only_new_rd_institutions",
                             "provincial_new_rd_institutions"),
                            ("new_rd_institutions", "provincial_new_rd_institutions"), None),
}
# The platform money per new platform where a region holds none of a ladder's titles: an
# institute costs more to set up than a title costs to win.
ACCREDITATION_COST: Mapping[str, str] = {"new_rd_institutions": "new_rd_institution_cost"}
INCUBATION_LADDERS = ("incubators", "maker_spaces", "star_spaces")
PROMOTION_CAP = 1.0  # a year: accreditation rounds are yearly
SETUP_CAP = 1.0      # a year: at most every firm without an R&D institution sets one up

_MIX = ("1 - platform_support_share + platform_support_share * incubation_spending / its "
        "start value")
_MIX_INPUTS = ("platform_support_share",)


def _entry(ladder: str) -> str:
    return f"{ladder}_accreditation"


def _promotion(rung: str) -> str:
    return f"{rung}_promotion"


def _delisting(rung: str) -> str:
    return f"{rung}_delisting"


def _stocks() -> dict[str, StockSpec]:
    stocks: dict[str, StockSpec] = {}
    for ladder, (rungs, _, _) in LADDERS.items():
        for i, rung in enumerate(rungs):
            inflow = _entry(ladder) if i == 0 else _promotion(rungs[i - 1])
            outflows = (_delisting(rung),) + ((_promotion(rung),) if i < len(rungs) - 1 else ())
            stocks[rung] = StockSpec("家", inflows=(inflow,), outflows=outflows)
    stocks["rd_institution_coverage"] = StockSpec(
        "1", inflows=("rd_institution_setup",), outflows=("rd_institution_closing",))
    return stocks


def _flows() -> dict[str, Variable]:
    flows: dict[str, Variable] = {}
    for ladder, (rungs, _, pool) in LADDERS.items():
        pool_reads = (pool,) if pool else ()
        pool_words = f" * {pool} / its start value" if pool else ""
        flows[_entry(ladder)] = Variable(
            "家/年", f"entry at the start{pool_words} * ({_MIX})",
            ("incubation_spending", *pool_reads), _MIX_INPUTS,
            "entry calibrated on the recent trend (platform_growth_before_start)")
        for i, rung in enumerate(rungs):
            flows[_delisting(rung)] = Variable(
                "家/年", f"platform_delisting_rate * {rung}", (rung,), ("platform_delisting_rate",))
            if i < len(rungs) - 1:
                flows[_promotion(rung)] = Variable(
                    "家/年", f"min(promotion hazard * ({_MIX}), 1) * {rung}",
                    (rung, "incubation_spending"), _MIX_INPUTS,
                    "first-order promotion; hazard calibrated on the recent trend")
    flows["rd_institution_setup"] = Variable(
        "1/年", "min(setup hazard * ((enterprise_rd / industrial_va) / its start value) ** "
        f"rd_institution_elasticity * ({_MIX}), 1) * (1 - rd_institution_coverage)",
        ("rd_institution_coverage", "enterprise_rd", "industrial_va", "incubation_spending"),
        ("rd_institution_elasticity", *_MIX_INPUTS))
    flows["rd_institution_closing"] = Variable(
        "1/年", "rd_institution_closure * rd_institution_coverage", ("rd_institution_coverage",),
        ("rd_institution_closure",))
    return flows


STOCKS = _stocks()
FLOWS = _flows()

_INCUBATION_COUNTS = tuple(f"provincial_{ladder}" for ladder in INCUBATION_LADDERS)
# Ladders whose counts of titles held are summed generically (the older ones spell theirs out).
SUMMED_LADDERS = ("tech_innovation_centres", "new_rd_institutions")


def held_sums(ladder: str) -> dict[str, tuple[str, ...]]:
    """The counts of titles held that are sums of rungs: count -> the rungs it adds."""
    rungs, held, _ = LADDERS[ladder]
    return {key: rungs[i:] for i, key in enumerate(held) if key not in rungs}


_ALL_INCUBATION_RUNGS = tuple(r for ladder in INCUBATION_LADDERS for r in LADDERS[ladder][0])

AUXILIARIES = {
    **{f"provincial_{ladder}": Variable(
        "家", f"{LADDERS[ladder][0][1]} + {LADDERS[ladder][0][2]}", LADDERS[ladder][0][1:])
       for ladder in INCUBATION_LADDERS},
    **{ladder: Variable("家", " + ".join(LADDERS[ladder][0]), LADDERS[ladder][0])
       for ladder in INCUBATION_LADDERS},
    "provincial_enterprise_research_institutes": Variable(
        "家", "non_key_research_institutes + provincial_key_enterprise_research_institutes",
        ("non_key_research_institutes", "provincial_key_enterprise_research_institutes")),
    "enterprise_tech_centres": Variable(
        "家", "provincial_only_rd_centres + provincial_enterprise_research_institutes",
        ("provincial_only_rd_centres", "provincial_enterprise_research_institutes")),
    "rd_centers": Variable("家", "municipal_only_rd_centres + enterprise_tech_centres",
                           ("municipal_only_rd_centres", "enterprise_tech_centres")),
    "provincial_incubation_platforms": Variable(
        "家", " + ".join(_INCUBATION_COUNTS), _INCUBATION_COUNTS),
    "rd_institution_rate": Variable("1", "rd_institution_coverage (as a share)",
                                    ("rd_institution_coverage",)),
    "new_incubation_platforms": Variable(
        "家", "provincial_incubation_platforms - its start value",
        ("provincial_incubation_platforms",)),
    **{key: Variable("家", " + ".join(rungs), rungs)
       for ladder in SUMMED_LADDERS for key, rungs in held_sums(ladder).items()},
    "incubation_platforms": Variable("家", "incubators + maker_spaces + star_spaces",
                                     ("incubators", "maker_spaces", "star_spaces")),
    "rd_and_engineering_centres": Variable("家", "rd_centers + tech_innovation_centres",
                                           ("rd_centers", "tech_innovation_centres")),
    "new_rd_institutions_built": Variable("家", "new_rd_institutions - its start value",
                                          ("new_rd_institutions",)),
    "above_scale_manufacturers": Variable(
        "家", "industrial_va * manufacturers_per_va (value added per firm held at its start)",
        ("industrial_va",)),
    "firms_with_rd_institution": Variable(
        "家", "rd_institution_coverage * above_scale_manufacturers",
        ("rd_institution_coverage", "above_scale_manufacturers")),
}


def _baseline_reads(ladder: str) -> tuple[str, ...]:
    return tuple(f"baseline.{key}" for key in LADDERS[ladder][1])


CONSTANTS = {
    "platform_index_scale": Variable(
        "1/(亿元/年)", "1 / platform money at the start (0 if none)",
        ("fiscal_st_rate_start",), ("share_incubation",)),
    "platform_index_offset": Variable(
        "1", "1 if there was no platform money at the start, else 0",
        ("fiscal_st_rate_start",), ("share_incubation",)),
    **{f"{ladder}_entry_start": Variable(
        "家/年", "(growth + delisting) * platforms holding any title at the start, or "
        "platform money / platform_accreditation_cost / 4 where there is none",
        (*_baseline_reads(ladder), "fiscal_st_rate_start"),
        ("platform_growth_before_start", "platform_delisting_rate", "platform_promotion_hazard",
         ACCREDITATION_COST.get(ladder, "platform_accreditation_cost"), "share_incubation"))
       for ladder in LADDERS},
    **{f"{rung}_hazard": Variable(
        "1/年", "(growth + delisting) * platforms holding a higher title / this rung at the start "
        "(platform_promotion_hazard where either is empty), at most 1", _baseline_reads(ladder),
        ("platform_growth_before_start", "platform_delisting_rate", "platform_promotion_hazard"))
       for ladder, (rungs, _, _) in LADDERS.items() for rung in rungs[:-1]},
    "hightech_enterprises_at_start": Variable("家", "high-tech enterprises at the start",
                                              ("baseline.hightech_enterprises",)),
    "provincial_incubation_platforms_start": Variable(
        "家", "provincial-and-above incubation platforms at the start (omitted counts: the "
        "count at the next higher title)",
        tuple(f"baseline.{key}" for ladder in INCUBATION_LADDERS
              for key in LADDERS[ladder][1][1:])),
    "new_rd_institutions_start": Variable(
        "家", "new-type R&D institutions at the start (omitted counts: the count at the next "
        "higher title)", _baseline_reads("new_rd_institutions")),
    "rd_per_va_start": Variable(
        "1", "enterprise R&D / industrial value added at the start",
        ("enterprise_rd_start", "industrial_va_other_rate_start", "hightech_va_rate_start")),
    "rd_institution_setup_hazard": Variable(
        "1/年", "(rd_institution_trend + rd_institution_closure) * rate / (1 - rate), rate "
        "at the start", ("baseline.rd_institution_rate",),
        ("rd_institution_trend", "rd_institution_closure")),
    "rd_institution_rate_start": Variable("1", "the rate at the start (30 % if not given)",
                                          ("baseline.rd_institution_rate",)),
    "manufacturers_per_va": Variable(
        "家/(亿元/年)", "above-scale manufacturers (one per 亿元 of industrial value added if no "
        "count is given) / industrial value added at the start",
        ("baseline.above_scale_manufacturers", "baseline.industrial_va",
         "industrial_va_other_rate_start", "hightech_va_rate_start")),
}

READS = {"incubation_spending": "亿元/年", "hightech_enterprises": "家",
         "enterprise_rd": "亿元/年", "industrial_va": "亿元/年"}

DEFAULT_RD_INSTITUTION_RATE = 0.30  # assumption, see the catalogue's fallback


def rung_counts(b: Inputs, ladder: str) -> tuple[Number, ...]:
    """Platforms by highest title, from the counts of titles held (each rung and above)."""
    held: list[Number] = []
    for key in reversed(LADDERS[ladder][1]):
        # An omitted count is the count at the next higher title (none held at this one).
        held.insert(0, start_value(b, key, held[0] if held else 0.0))
    return tuple(held[i] - held[i + 1] for i in range(len(held) - 1)) + (held[-1],)


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    platform_money = c.fiscal_st_rate_start * p.share_incubation
    scale, offset = spending_index(platform_money)
    constants: dict[str, Number] = {"platform_index_scale": scale,
                                    "platform_index_offset": offset}
    for ladder, (rungs, _, _) in LADDERS.items():
        counts = rung_counts(b, ladder)
        hazards, entry = ladder_hazards(counts, p.platform_growth_before_start,
                                        p.platform_delisting_rate, p.platform_promotion_hazard,
                                        PROMOTION_CAP)
        # 亿元 -> 万元: x 1e4; the money is spread evenly over the ladders.
        cost = getattr(p, ACCREDITATION_COST.get(ladder, "platform_accreditation_cost"))
        from_money = platform_money * 1e4 / cost / len(LADDERS)
        holding_any = np.asarray(sum(counts, start=0.0)) > 0
        constants[f"{ladder}_entry_start"] = np.where(holding_any, entry, from_money)
        constants.update({f"{rung}_hazard": hazard for rung, hazard in zip(rungs, hazards,
                                                                            strict=False)})
    rate = start_value(b, "rd_institution_rate", DEFAULT_RD_INSTITUTION_RATE)
    industrial_va_start = c.industrial_va_other_rate_start + c.hightech_va_rate_start
    constants.update({
        "hightech_enterprises_at_start": b.hightech_enterprises,
        "provincial_incubation_platforms_start": sum(
            (sum(rung_counts(b, ladder)[1:], start=0.0) for ladder in INCUBATION_LADDERS),
            start=0.0),
        "new_rd_institutions_start": sum(rung_counts(b, "new_rd_institutions"), start=0.0),
        "rd_per_va_start": c.enterprise_rd_start / industrial_va_start,
        "rd_institution_setup_hazard": (p.rd_institution_trend + p.rd_institution_closure)
        * rate / (1.0 - rate),
        "rd_institution_rate_start": rate,
        # One manufacturer per 亿元 of value added where the file gives no count.
        # Per the value-added rate the run starts at, so the start year counts the stated firms
        # (one per 亿元 of the start year's value added where the file gives no count).
        "manufacturers_per_va": start_value(b, "above_scale_manufacturers",
                                            b.industrial_va) / industrial_va_start,
    })
    return constants


def checks(b: Inputs, p: Inputs, c: Constants) -> list[tuple[str, Number, str]]:
    found = []
    for ladder, (_, held, _) in LADDERS.items():
        for count, upper in zip(rung_counts(b, ladder), held[1:], strict=False):
            found.append((upper, count, f"more {upper} than the count at the title below "
                          "(a platform with a higher title counts among the lower ones)"))
    found.append(("rd_institution_rate", c.rd_per_va_start,
                  "firms' R&D at the start is negative"))
    return found


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    state: dict[str, Number] = {}
    for ladder, (rungs, _, _) in LADDERS.items():
        state.update(zip(rungs, rung_counts(b, ladder), strict=True))
    state["rd_institution_coverage"] = c.rd_institution_rate_start
    return state


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    money_index = v["incubation_spending"] * c.platform_index_scale + c.platform_index_offset
    mix = 1.0 - p.platform_support_share + p.platform_support_share * money_index
    for ladder, (rungs, _, pool) in LADDERS.items():
        pool_index = 1.0 if pool is None else s[pool] / c.hightech_enterprises_at_start
        v[_entry(ladder)] = getattr(c, f"{ladder}_entry_start") * pool_index * mix
        for i, rung in enumerate(rungs):
            v[_delisting(rung)] = p.platform_delisting_rate * s[rung]
            if i < len(rungs) - 1:
                # At most one promotion a year per platform, however much money: yearly
                # rounds (and a rate Euler or RK4 steps can follow).
                hazard = np.minimum(getattr(c, f"{rung}_hazard") * mix, PROMOTION_CAP)
                v[_promotion(rung)] = hazard * s[rung]
    for ladder in INCUBATION_LADDERS:
        rungs = LADDERS[ladder][0]
        v[f"provincial_{ladder}"] = s[rungs[1]] + s[rungs[2]]
        v[ladder] = s[rungs[0]] + s[rungs[1]] + s[rungs[2]]
    institutes = (s["non_key_research_institutes"]
                  + s["provincial_key_enterprise_research_institutes"])
    v["provincial_enterprise_research_institutes"] = institutes
    v["enterprise_tech_centres"] = s["provincial_only_rd_centres"] + institutes
    v["rd_centers"] = s["municipal_only_rd_centres"] + v["enterprise_tech_centres"]
    for ladder in SUMMED_LADDERS:
        for key, rungs in held_sums(ladder).items():
            v[key] = sum((s[r] for r in rungs), start=0.0)
    v["incubation_platforms"] = sum((s[r] for r in _ALL_INCUBATION_RUNGS), start=0.0)
    v["rd_and_engineering_centres"] = v["rd_centers"] + v["tech_innovation_centres"]
    v["new_rd_institutions_built"] = v["new_rd_institutions"] - c.new_rd_institutions_start
    provincial = sum((v[key] for key in _INCUBATION_COUNTS), start=0.0)
    v["provincial_incubation_platforms"] = provincial
    v["new_incubation_platforms"] = provincial - c.provincial_incubation_platforms_start
    rate = s["rd_institution_coverage"]
    v["rd_institution_rate"] = rate
    v["above_scale_manufacturers"] = v["industrial_va"] * c.manufacturers_per_va
    v["firms_with_rd_institution"] = rate * v["above_scale_manufacturers"]
    rd_per_firm = np.maximum(v["enterprise_rd"], 0.0) / v["industrial_va"] / c.rd_per_va_start
    # At most every firm without an R&D institution sets one up within a year.
    setup_hazard = np.minimum(c.rd_institution_setup_hazard
                              * rd_per_firm ** p.rd_institution_elasticity * mix, SETUP_CAP)
    v["rd_institution_setup"] = setup_hazard * np.maximum(1.0 - rate, 0.0)
    v["rd_institution_closing"] = p.rd_institution_closure * rate


SECTOR = Sector(
    "platforms", "Platforms: accredited incubation platforms, R&D centres and institutes, "
    "R&D institutions in firms", PLATFORMS, STOCKS, FLOWS, AUXILIARIES, READS, calibrate,
    initial, rates, CONSTANTS, checks=checks)
