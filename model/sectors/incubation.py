"""Incubation sector: incubators, start-ups, tech SMEs and high-tech enterprises.

Stocks
  incubator_capacity        [个]  incubator and maker-space seats
  startups_in_incubation    [家]  start-ups and teams in incubation
  tech_smes                 [家]  evaluated tech-based SMEs (科技型中小企业)
  hightech_enterprises      [家]  enterprises with a valid high-tech certificate
  relocated_hightech_enterprises [家]  of those, firms that moved in certified since the
                                 start (a co-flow: their R&D comes with their output, so
                                 certification's extra R&D leaves them out)
Flows (per year)
  incubator_capacity_added   = seat_replacement * (1 - incubator_public_share
                               + incubator_public_share * incubation spending index)
  incubator_capacity_retired = incubator_retirement * incubator_capacity
  startup_entries            = min(startup_entry_demand, seats vacated by graduations and
                               failures + free seats / 0.5 year)      (loop B3: congestion)
  startup_graduations        = graduation_rate * startups_in_incubation
  startup_failures           = startup_failure_rate * startups_in_incubation
  sme_registrations          = graduate_sme_fraction * startup_graduations + sme_external_entries
  sme_exits                  = sme_exit_rate * tech_smes
  hightech_certification     = new certifications at start * (certification_sme_share
                               * tech_smes / start + (1 - certification_sme_share)
                               * enterprise_rd / start)                       (loop R3)
  hightech_relocation        = hightech_relocations_per_year
  hightech_expiry            = (1 - recertification_rate) * hightech_enterprises / 3 years
                                                                              (loop B5)
  hightech_exits             = hightech_exit_rate * hightech_enterprises
  relocated_arrivals         = hightech_relocation
  relocated_departures       = ((1 - recertification_rate) / 3 years + hightech_exit_rate)
                               * relocated_hightech_enterprises
Auxiliaries
  hightech_recertification   = recertification_rate * hightech_enterprises / 3 years
Reads: incubation_spending (fiscal), enterprise_rd (rd).

A certificate is valid 3 years (国科发火〔2016〕32号): each year about a third of the
certified firms come up for renewal. The stock is one stock with a first-order expiry rather
than three cohorts, so that the start, whose cohorts are not known, sets off no 3-year echo.
New certifications come from the pool of firms that can qualify: the tech-SME register
(certified SMEs stay on it while they are SMEs, so certification does not drain it) and other
firms reaching the R&D thresholds, whose number follows firms' R&D. Their rate is the start
year's new certifications (a statistic each plan's bulletin gives), not an unsourced share.

Calibrated at the start: seat additions that keep the seats at their baseline number,
startup_entry_demand (entries that keep start-ups at their baseline number), and
sme_external_entries = (1 - incubator_share_of_new_smes) * the start year's new tech SMEs:
the SMEs founded by incubator graduates are modelled, never absorbed by the calibration.
New certifications are a year total: the start year's is the statistic, recorded as given;
the flow starts at the rate that total ends the year with, growing as its pool does at the
start (certification_sme_share * the register's growth + the rest * firms' R&D growth at
the start, as the R&D sector's start gives it).
"""

from __future__ import annotations

import numpy as np

from ..catalogue import INCUBATION
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

CERTIFICATE_YEARS = 3.0  # 国科发火〔2016〕32号: a certificate is valid three years
# Assumption (range 0.25-1 year): a free seat is taken within half a year when start-ups queue
# for it. Entries are capped by the seats leavers vacate (refilled from the queue as they
# leave) plus free seats over this time, not proportional to free seats: a proportional rate
# calibrated on nearly full incubators is so steep that Euler steps oscillate, and a cap of
# free seats alone would keep a full incubator from replacing its leavers, so that start-ups
# dropped in the first year wherever the start had fewer free seats than half a year's
# leavers (issue 9's frozen-policy test: up to 24 % in China's draws).
SEAT_FILL_YEARS = 0.5

STOCKS = {
    "incubator_capacity": StockSpec(
        "个", inflows=("incubator_capacity_added",), outflows=("incubator_capacity_retired",)
    ),
    "startups_in_incubation": StockSpec(
        "家", inflows=("startup_entries",), outflows=("startup_graduations", "startup_failures")
    ),
    "tech_smes": StockSpec("家", inflows=("sme_registrations",), outflows=("sme_exits",)),
    "hightech_enterprises": StockSpec(
        "家", inflows=("hightech_certification", "hightech_relocation"),
        outflows=("hightech_expiry", "hightech_exits")),
    "relocated_hightech_enterprises": StockSpec(
        "家", inflows=("relocated_arrivals",), outflows=("relocated_departures",)),
}

FLOWS = {
    "incubator_capacity_added": Variable(
        "个/年", "seat_replacement * (1 - incubator_public_share + incubator_public_share * "
        "incubation_spending / its start value)", ("incubation_spending",),
        ("incubator_public_share",)),
    "incubator_capacity_retired": Variable("个/年", "incubator_retirement * incubator_capacity",
                                           ("incubator_capacity",), ("incubator_retirement",)),
    "startup_entries": Variable(
        "家/年", "min(startup_entry_demand, startup_graduations + startup_failures + "
        "max(incubator_capacity - startups_in_incubation, 0) / 0.5 year)",
        ("incubator_capacity", "startups_in_incubation", "startup_graduations",
         "startup_failures")),
    "startup_graduations": Variable("家/年", "graduation_rate * startups_in_incubation",
                                    ("startups_in_incubation",), ("graduation_rate",)),
    "startup_failures": Variable("家/年", "startup_failure_rate * startups_in_incubation",
                                 ("startups_in_incubation",), ("startup_failure_rate",)),
    "sme_registrations": Variable(
        "家/年", "graduate_sme_fraction * startup_graduations + sme_external_entries",
        ("startup_graduations",), ("graduate_sme_fraction",)),
    "sme_exits": Variable("家/年", "sme_exit_rate * tech_smes", ("tech_smes",),
                          ("sme_exit_rate",)),
    "hightech_certification": Variable(
        "家/年", "new certifications at start * (certification_sme_share * tech_smes / start "
        "+ (1 - certification_sme_share) * enterprise_rd / start)",
        ("tech_smes", "enterprise_rd"), ("certification_sme_share",),
        "rate: the start year's new certifications (bulletin); pool: 国科发火〔2016〕32号"),
    "hightech_relocation": Variable("家/年", "hightech_relocations_per_year", (),
                                    ("hightech_relocations_per_year",)),
    "hightech_expiry": Variable(
        "家/年", "(1 - recertification_rate) * hightech_enterprises / 3 years",
        ("hightech_enterprises",), ("recertification_rate",),
        "valid 3 years (国科发火〔2016〕32号)"),
    "hightech_exits": Variable("家/年", "hightech_exit_rate * hightech_enterprises",
                               ("hightech_enterprises",), ("hightech_exit_rate",)),
    "relocated_arrivals": Variable("家/年", "hightech_relocation", ("hightech_relocation",)),
    "relocated_departures": Variable(
        "家/年", "((1 - recertification_rate) / 3 years + hightech_exit_rate) * "
        "relocated_hightech_enterprises", ("relocated_hightech_enterprises",),
        ("recertification_rate", "hightech_exit_rate"), "as for all certified firms"),
}

AUXILIARIES = {
    "hightech_recertification": Variable(
        "家/年", "recertification_rate * hightech_enterprises / 3 years",
        ("hightech_enterprises",), ("recertification_rate",)),
}

CONSTANTS = {
    "incubation_index_scale": Variable(
        "1/(亿元/年)", "1 / incubation spending at the start (0 if none)",
        ("fiscal_st_rate_start",), ("share_incubation",)),
    "incubation_index_offset": Variable(
        "1", "1 if there was no incubation spending at the start, else 0",
        ("fiscal_st_rate_start",), ("share_incubation",)),
    "seat_replacement": Variable("个/年", "incubator_retirement * incubator seats at the start",
                                 ("baseline.incubator_capacity",), ("incubator_retirement",)),
    "startup_entry_demand": Variable(
        "家/年", "(graduation_rate + startup_failure_rate) * start-ups at the start",
        ("baseline.startups_in_incubation",), ("graduation_rate", "startup_failure_rate")),
    "sme_external_entries": Variable(
        "家/年", "(1 - incubator_share_of_new_smes) * new tech SMEs at the start",
        ("baseline.tech_smes_new_per_year",), ("incubator_share_of_new_smes",)),
    "new_certifications_start": Variable(
        "家/年", "year_end_rate(high-tech enterprises certified for the first time in the start "
        "year, growth of the pool at the start)",
        ("baseline.hightech_new_certifications", "sme_external_entries", "baseline.tech_smes",
         "baseline.startups_in_incubation", "enterprise_rd_growth_start"),
        ("certification_sme_share", "graduate_sme_fraction", "graduation_rate",
         "sme_exit_rate")),
    "tech_smes_start": Variable("家", "tech SMEs at the start", ("baseline.tech_smes",)),
    "enterprise_rd_start": Variable(
        "亿元/年", "firms' R&D rate at the start: the R&D rate less public R&D",
        ("rd_rate_start", "public_rd_nonfiscal", "fiscal_st_rate_start"),
        ("public_rd_fraction", "share_public_research")),
}

READS = {"incubation_spending": "亿元/年", "enterprise_rd": "亿元/年"}


def leaving_rate(p: Inputs) -> Number:
    """The share of certified firms a year that lose their certificate (renewals failed)
    or close: hightech_expiry + hightech_exits per firm."""
    return (1.0 - p.recertification_rate) / CERTIFICATE_YEARS + p.hightech_exit_rate


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    scale, offset = spending_index(c.fiscal_st_rate_start * p.share_incubation)
    public_rd = p.public_rd_fraction * c.fiscal_st_rate_start * p.share_public_research
    external = (1.0 - p.incubator_share_of_new_smes) * b.tech_smes_new_per_year
    registrations = (p.graduate_sme_fraction * p.graduation_rate * b.startups_in_incubation
                     + external)
    register_growth = registrations / b.tech_smes - p.sme_exit_rate
    pool_growth = (p.certification_sme_share * register_growth
                   + (1.0 - p.certification_sme_share) * c.enterprise_rd_growth_start)
    return {
        "incubation_index_scale": scale,
        "incubation_index_offset": offset,
        "seat_replacement": p.incubator_retirement * b.incubator_capacity,
        "startup_entry_demand": (p.graduation_rate + p.startup_failure_rate)
        * b.startups_in_incubation,
        "sme_external_entries": external,
        "new_certifications_start": year_end_rate_at(b.hightech_new_certifications,
                                                     pool_growth),
        "tech_smes_start": b.tech_smes,
        "enterprise_rd_start": c.rd_rate_start - public_rd - c.public_rd_nonfiscal,
    }


def start_totals(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    return {"hightech_certification": b.hightech_new_certifications}


def checks(b: Inputs, p: Inputs, c: Constants) -> list[tuple[str, Number, str]]:
    return [
        ("incubator_capacity", b.incubator_capacity - b.startups_in_incubation,
         "more start-ups in incubation than seats"),
        ("tech_smes", b.tech_smes - 1.0, "no tech SMEs on the register to certify from"),
    ]


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    return {
        "incubator_capacity": b.incubator_capacity,
        "startups_in_incubation": b.startups_in_incubation,
        "tech_smes": b.tech_smes,
        "hightech_enterprises": b.hightech_enterprises,
        "relocated_hightech_enterprises": 0.0,
    }


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    capacity, startups = s["incubator_capacity"], s["startups_in_incubation"]
    spending_index = v["incubation_spending"] * c.incubation_index_scale + (
        c.incubation_index_offset)
    v["incubator_capacity_added"] = c.seat_replacement * (
        1.0 - p.incubator_public_share + p.incubator_public_share * spending_index)
    v["incubator_capacity_retired"] = p.incubator_retirement * capacity
    graduations = p.graduation_rate * startups
    failures = p.startup_failure_rate * startups
    v["startup_entries"] = np.minimum(
        c.startup_entry_demand,
        graduations + failures + np.maximum(capacity - startups, 0.0) / SEAT_FILL_YEARS)
    v["startup_graduations"] = graduations
    v["startup_failures"] = failures
    v["sme_registrations"] = p.graduate_sme_fraction * graduations + c.sme_external_entries
    v["sme_exits"] = p.sme_exit_rate * s["tech_smes"]
    pool = (p.certification_sme_share * s["tech_smes"] / c.tech_smes_start
            + (1.0 - p.certification_sme_share)
            * np.maximum(v["enterprise_rd"], 0.0) / c.enterprise_rd_start)
    certified = s["hightech_enterprises"]
    v["hightech_certification"] = c.new_certifications_start * pool
    v["hightech_relocation"] = np.broadcast_to(p.hightech_relocations_per_year,
                                               np.shape(certified))
    renewals = certified / CERTIFICATE_YEARS
    v["hightech_expiry"] = (1.0 - p.recertification_rate) * renewals
    v["hightech_recertification"] = p.recertification_rate * renewals
    v["hightech_exits"] = p.hightech_exit_rate * certified
    v["relocated_arrivals"] = v["hightech_relocation"]
    v["relocated_departures"] = leaving_rate(p) * s["relocated_hightech_enterprises"]


SECTOR = Sector(
    "incubation", "Incubation: incubators, start-ups, tech SMEs, high-tech enterprises",
    INCUBATION, STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS,
    checks=checks, start_totals=start_totals)
