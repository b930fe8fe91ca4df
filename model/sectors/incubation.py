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

Calibrated at the start, so that the start year is a steady state where the data say
nothing else: seat additions that keep the seats at their baseline number,
startup_entry_rate (entries that keep start-ups at their baseline number), and
sme_external_entries = baseline new tech SMEs per year minus the SMEs
that incubator graduates found; a negative value is an inconsistent baseline.
At the start the high-tech enterprises not certified in the start year are split evenly
between the two older cohorts (assumption).
"""

from __future__ import annotations

import numpy as np

from ..engine import Ledger, StockSpec
from .common import Inputs, Stocks, Values, spending_index

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

def initial(b: Inputs, p: Inputs, n: int) -> dict[str, np.ndarray]:
    older = (b.hightech_enterprises - b.hightech_certified_start_year) / 2.0
    graduates = p.graduation_rate * b.startups_in_incubation
    p.incubation_index_scale, p.incubation_index_offset = spending_index(
        b.fiscal_st_spending * p.share_incubation)
    p.seat_replacement = p.incubator_retirement * b.incubator_capacity
    free_seats = b.incubator_capacity - b.startups_in_incubation
    p.startup_entry_rate = (p.graduation_rate + p.startup_failure_rate) * (
        b.startups_in_incubation / free_seats)
    p.sme_external_entries = b.tech_smes_new_per_year - p.graduate_sme_fraction * graduates
    p.consistency_checks += [
        ("incubator_capacity", free_seats, "more start-ups in incubation than seats"),
        ("hightech_cohorts", older,
         "more high-tech enterprises certified in the start year than exist"),
        ("sme_external_entries", p.sme_external_entries,
         "incubator graduates alone found more tech SMEs than the baseline's new ones"),
    ]
    return {
        "incubator_capacity": np.broadcast_to(b.incubator_capacity, (n,)),
        "startups_in_incubation": np.broadcast_to(b.startups_in_incubation, (n,)),
        "tech_smes": np.broadcast_to(b.tech_smes, (n,)),
        "hightech_cohort_0": np.broadcast_to(b.hightech_certified_start_year, (n,)),
        "hightech_cohort_1": np.broadcast_to(older, (n,)),
        "hightech_cohort_2": np.broadcast_to(older, (n,)),
    }


def rates(s: Stocks, p: Inputs, v: Values) -> None:
    capacity, startups = s["incubator_capacity"], s["startups_in_incubation"]
    spending_index = v["incubation_spending"] * p.incubation_index_scale + (
        p.incubation_index_offset)
    v["incubator_capacity_added"] = p.seat_replacement * (
        1.0 - p.incubator_public_share + p.incubator_public_share * spending_index)
    v["incubator_capacity_retired"] = p.incubator_retirement * capacity
    v["startup_entries"] = p.startup_entry_rate * np.maximum(capacity - startups, 0.0)
    graduations = p.graduation_rate * startups
    v["startup_graduations"] = graduations
    v["startup_failures"] = p.startup_failure_rate * startups
    v["sme_registrations"] = p.graduate_sme_fraction * graduations + p.sme_external_entries
    v["sme_exits"] = p.sme_exit_rate * s["tech_smes"]
    total = 0.0
    for k, cohort in enumerate(COHORTS):
        v[f"hightech_exits_{k}"] = p.hightech_exit_rate * s[cohort]
        total = total + s[cohort]
    v["hightech_enterprises"] = total


def certification_process(ledger: Ledger, p: Inputs, start: int, end: int):
    """Yearly certification round at each year end (a SimPy process)."""

    def move(flow: str, amount) -> None:
        source, target = DISCRETE_FLOWS[flow]
        ledger.transfer(flow, amount, source=source, target=target)

    def process():
        for _year in range(start + 1, end + 1):
            yield ledger.timeout(1)
            state = ledger.state
            expiring, middle, young = (state[c].copy() for c in reversed(COHORTS))
            move("hightech_decertification", (1.0 - p.recertification_rate) * expiring)
            move("hightech_recertification", p.recertification_rate * expiring)
            move("hightech_ageing_2", middle)
            move("hightech_ageing_1", young)
            knowledge_index = state["rd_capital"] / p.rd_capital_start
            # A yearly share of the SME pool: it cannot exceed the whole pool.
            rate = np.minimum(
                p.conversion_rate * knowledge_index ** p.conversion_knowledge_elasticity, 1.0)
            move("hightech_certification", rate * state["tech_smes"])
            move("hightech_relocation", np.broadcast_to(
                p.hightech_relocations_per_year, state["tech_smes"].shape))

    return process
