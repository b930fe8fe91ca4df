"""Incubation sector: incubators, start-ups, tech SMEs and the high-tech certification chain.

Stocks
  incubator_capacity        [个]  incubator and maker-space seats
  startups_in_incubation    [家]  start-ups and teams in incubation
  tech_smes                 [家]  evaluated tech-based SMEs (科技型中小企业)
  hightech_cohort_0/1/2     [家]  high-tech enterprises certified 0, 1 and 2 years ago
Continuous flows (per year)
  incubator_capacity_added   = incubator_retirement * capacity(start)
                               * (1 - incubator_public_share
                                  + incubator_public_share * incubation spending index)
  incubator_capacity_retired = incubator_retirement * incubator_capacity
  startup_entries            = startup_entry_rate * free seats               (loop B3: congestion)
  startup_graduations        = graduation_rate * startups_in_incubation
  startup_failures           = startup_failure_rate * startups_in_incubation
  sme_registrations          = graduate_sme_fraction * startup_graduations + sme_external_entries
  sme_exits                  = sme_exit_rate * tech_smes
  hightech_exits_k           = hightech_exit_rate * hightech_cohort_k
Discrete flows, each year end (a SimPy process: certification is valid 3 years,
国科发火〔2016〕32号)
  hightech_decertification  (1 - recertification_rate) * hightech_cohort_2 leave     (loop B5)
  hightech_recertification  recertification_rate * hightech_cohort_2 -> hightech_cohort_0
  hightech_ageing_2 / _1    cohort 1 -> cohort 2, cohort 0 -> cohort 1
  hightech_certification    conversion rate * tech_smes  tech_smes -> hightech_cohort_0
  hightech_relocation       hightech_relocations_per_year -> hightech_cohort_0
The conversion rate rises with the R&D capital stock: conversion_rate * (K/K0)**e (loop R3:
more HTEs -> more enterprise R&D -> more R&D capital -> more certifications).

Reads: incubation_spending (fiscal), rd_capital (rd).

Calibrated at the start, so that the start year is a steady state where the data say
nothing else: seat additions that keep the seats at their baseline number,
startup_entry_rate (entries that keep start-ups at their baseline number), and
sme_external_entries = baseline new tech SMEs per year minus the SMEs
that incubator graduates found; a negative value is an inconsistent baseline.
At the start the high-tech enterprises not certified in the start year are split evenly
between the two older cohorts (assumption).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..catalogue import INCUBATION
from ..engine import Ledger, StockSpec
from .common import Constants, Inputs, Number, Sector, Stocks, Values, Variable, spending_index

COHORTS = ("hightech_cohort_0", "hightech_cohort_1", "hightech_cohort_2")

STOCKS = {
    "incubator_capacity": StockSpec(
        "个", inflows=("incubator_capacity_added",), outflows=("incubator_capacity_retired",)
    ),
    "startups_in_incubation": StockSpec(
        "家", inflows=("startup_entries",), outflows=("startup_graduations", "startup_failures")
    ),
    "tech_smes": StockSpec("家", inflows=("sme_registrations",), outflows=("sme_exits",)),
    **{cohort: StockSpec("家", outflows=(f"hightech_exits_{k}",)) for k, cohort in
       enumerate(COHORTS)},
}

# Discrete flows of the yearly certification round: name -> (source stock, target stock);
# None is outside the model.
DISCRETE_FLOWS = {
    "hightech_decertification": ("hightech_cohort_2", None),
    "hightech_recertification": ("hightech_cohort_2", "hightech_cohort_0"),
    "hightech_ageing_2": ("hightech_cohort_1", "hightech_cohort_2"),
    "hightech_ageing_1": ("hightech_cohort_0", "hightech_cohort_1"),
    "hightech_certification": ("tech_smes", "hightech_cohort_0"),
    "hightech_relocation": (None, "hightech_cohort_0"),
}

DISCRETE = {
    "hightech_decertification": Variable(
        "家/年", "(1 - recertification_rate) * hightech_cohort_2, each year end",
        ("hightech_cohort_2",), ("recertification_rate",), "valid 3 years (国科发火〔2016〕32号)"),
    "hightech_recertification": Variable(
        "家/年", "recertification_rate * hightech_cohort_2, each year end",
        ("hightech_cohort_2",), ("recertification_rate",)),
    "hightech_ageing_2": Variable("家/年", "hightech_cohort_1 moves on, each year end",
                                  ("hightech_cohort_1",)),
    "hightech_ageing_1": Variable("家/年", "hightech_cohort_0 moves on, each year end",
                                  ("hightech_cohort_0",)),
    "hightech_certification": Variable(
        "家/年", "min(conversion_rate * (rd_capital / its start) ** "
        "conversion_knowledge_elasticity, 1) * tech_smes, each year end",
        ("tech_smes", "rd_capital"), ("conversion_rate", "conversion_knowledge_elasticity")),
    "hightech_relocation": Variable("家/年", "hightech_relocations_per_year, each year end", (),
                                    ("hightech_relocations_per_year",)),
}

FLOWS = {
    "incubator_capacity_added": Variable(
        "个/年", "seat_replacement * (1 - incubator_public_share + incubator_public_share * "
        "incubation_spending / its start value)", ("incubation_spending",),
        ("incubator_public_share",)),
    "incubator_capacity_retired": Variable("个/年", "incubator_retirement * incubator_capacity",
                                           ("incubator_capacity",), ("incubator_retirement",)),
    "startup_entries": Variable(
        "家/年", "startup_entry_rate * max(incubator_capacity - startups_in_incubation, 0)",
        ("incubator_capacity", "startups_in_incubation")),
    "startup_graduations": Variable("家/年", "graduation_rate * startups_in_incubation",
                                    ("startups_in_incubation",), ("graduation_rate",)),
    "startup_failures": Variable("家/年", "startup_failure_rate * startups_in_incubation",
                                 ("startups_in_incubation",), ("startup_failure_rate",)),
    "sme_registrations": Variable(
        "家/年", "graduate_sme_fraction * startup_graduations + sme_external_entries",
        ("startup_graduations",), ("graduate_sme_fraction",)),
    "sme_exits": Variable("家/年", "sme_exit_rate * tech_smes", ("tech_smes",),
                          ("sme_exit_rate",)),
    **{f"hightech_exits_{k}": Variable("家/年", f"hightech_exit_rate * {cohort}", (cohort,),
                                       ("hightech_exit_rate",))
       for k, cohort in enumerate(COHORTS)},
}

AUXILIARIES = {
    "hightech_enterprises": Variable("家", " + ".join(COHORTS), COHORTS),
}

CONSTANTS = {
    "incubation_index_scale": Variable(
        "1/(亿元/年)", "1 / incubation spending at the start (0 if none)",
        ("baseline.fiscal_st_spending",), ("share_incubation",)),
    "incubation_index_offset": Variable(
        "1", "1 if there was no incubation spending at the start, else 0",
        ("baseline.fiscal_st_spending",), ("share_incubation",)),
    "seat_replacement": Variable("个/年", "incubator_retirement * incubator seats at the start",
                                 ("baseline.incubator_capacity",), ("incubator_retirement",)),
    "startup_entry_rate": Variable(
        "1/年", "(graduation_rate + startup_failure_rate) * start-ups / free seats at the start",
        ("baseline.startups_in_incubation", "baseline.incubator_capacity"),
        ("graduation_rate", "startup_failure_rate")),
    "sme_external_entries": Variable(
        "家/年", "new tech SMEs at the start - graduate_sme_fraction * graduates at the start "
        "(must be >= 0)", ("baseline.tech_smes_new_per_year", "baseline.startups_in_incubation"),
        ("graduate_sme_fraction", "graduation_rate")),
}

READS = {"incubation_spending": "亿元/年", "rd_capital": "亿元"}


def calibrate(b: Inputs, p: Inputs, c: Constants) -> dict[str, Number]:
    graduates = p.graduation_rate * b.startups_in_incubation
    scale, offset = spending_index(b.fiscal_st_spending * p.share_incubation)
    free_seats = b.incubator_capacity - b.startups_in_incubation
    return {
        "incubation_index_scale": scale,
        "incubation_index_offset": offset,
        "seat_replacement": p.incubator_retirement * b.incubator_capacity,
        "startup_entry_rate": (p.graduation_rate + p.startup_failure_rate) * (
            b.startups_in_incubation / free_seats),
        "sme_external_entries": b.tech_smes_new_per_year - p.graduate_sme_fraction * graduates,
    }


def _older_cohort(b: Inputs) -> Number:
    return (b.hightech_enterprises - b.hightech_certified_start_year) / 2.0


def checks(b: Inputs, p: Inputs, c: Constants) -> list[tuple[str, Number, str]]:
    return [
        ("incubator_capacity", b.incubator_capacity - b.startups_in_incubation,
         "more start-ups in incubation than seats"),
        ("hightech_cohorts", _older_cohort(b),
         "more high-tech enterprises certified in the start year than exist"),
        ("sme_external_entries", c.sme_external_entries,
         "incubator graduates alone found more tech SMEs than the baseline's new ones"),
    ]


def initial(b: Inputs, p: Inputs, c: Constants, n: int) -> dict[str, Number]:
    older = _older_cohort(b)
    return {
        "incubator_capacity": b.incubator_capacity,
        "startups_in_incubation": b.startups_in_incubation,
        "tech_smes": b.tech_smes,
        "hightech_cohort_0": b.hightech_certified_start_year,
        "hightech_cohort_1": older,
        "hightech_cohort_2": older,
    }


def rates(s: Stocks, p: Inputs, c: Constants, v: Values) -> None:
    capacity, startups = s["incubator_capacity"], s["startups_in_incubation"]
    spending_index = v["incubation_spending"] * c.incubation_index_scale + (
        c.incubation_index_offset)
    v["incubator_capacity_added"] = c.seat_replacement * (
        1.0 - p.incubator_public_share + p.incubator_public_share * spending_index)
    v["incubator_capacity_retired"] = p.incubator_retirement * capacity
    v["startup_entries"] = c.startup_entry_rate * np.maximum(capacity - startups, 0.0)
    graduations = p.graduation_rate * startups
    v["startup_graduations"] = graduations
    v["startup_failures"] = p.startup_failure_rate * startups
    v["sme_registrations"] = p.graduate_sme_fraction * graduations + c.sme_external_entries
    v["sme_exits"] = p.sme_exit_rate * s["tech_smes"]
    total = 0.0
    for k, cohort in enumerate(COHORTS):
        v[f"hightech_exits_{k}"] = p.hightech_exit_rate * s[cohort]
        total = total + s[cohort]
    v["hightech_enterprises"] = total


def certification_process(ledger: Ledger, inputs_at: Callable[[float], Inputs], c: Constants,
                          start: int, end: int):
    """Yearly certification round at each year end (a SimPy process)."""

    def move(flow: str, amount) -> None:
        source, target = DISCRETE_FLOWS[flow]
        ledger.transfer(flow, amount, source=source, target=target)

    def process():
        for _year in range(start + 1, end + 1):
            yield ledger.timeout(1)
            p = inputs_at(ledger.env.now)
            state = ledger.state
            expiring, middle, young = (state[cohort].copy() for cohort in reversed(COHORTS))
            move("hightech_decertification", (1.0 - p.recertification_rate) * expiring)
            move("hightech_recertification", p.recertification_rate * expiring)
            move("hightech_ageing_2", middle)
            move("hightech_ageing_1", young)
            knowledge_index = state["rd_capital"] / c.rd_capital_start
            # A yearly share of the SME pool: it cannot exceed the whole pool.
            rate = np.minimum(
                p.conversion_rate * knowledge_index ** p.conversion_knowledge_elasticity, 1.0)
            move("hightech_certification", rate * state["tech_smes"])
            move("hightech_relocation", np.broadcast_to(
                p.hightech_relocations_per_year, state["tech_smes"].shape))

    return process


SECTOR = Sector(
    "incubation", "Incubation: incubators, start-ups, tech SMEs, high-tech certification",
    INCUBATION, STOCKS, FLOWS, AUXILIARIES, READS, calibrate, initial, rates, CONSTANTS,
    discrete_flows=DISCRETE, transfers=DISCRETE_FLOWS, checks=checks,
    events=certification_process)
