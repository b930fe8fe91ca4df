"""Each named feedback loop (model/system.py) is present: cutting or widening it changes
behaviour in the direction its polarity says."""

from __future__ import annotations

import numpy as np

from model import simulate
from model.scenario import Entry


def _with_parameters(scenario, **values):
    copy = scenario.model_copy(deep=True)
    for key, value in values.items():
        entry = copy.levers.get(key) or copy.parameters.get(key)
        if entry is None:
            copy.parameters[key] = Entry(value=value, source="test")
        else:
            entry.value = value
    return copy


def test_r3_enterprise_ladder_certified_firms_rd_certifies_more(kecheng):
    # No firms moving in: they arrive certified, so their R&D comes with their output and
    # certification's extra R&D counts only the firms certified here.
    alone = {"hightech_relocations_per_year": 0.0}
    cut = simulate(_with_parameters(kecheng, certification_rd_uplift=0.0), levers=alone)
    closed = simulate(_with_parameters(kecheng, certification_rd_uplift=30.0), levers=alone)
    start = kecheng.baseline["hightech_enterprises"].value
    grown = closed.sel("hightech_enterprises")[1:, 0] > start
    # Where high-tech enterprises outnumber the start, their extra R&D lifts firms' R&D,
    # and with it the firms that reach the certification thresholds.
    assert grown[-1]
    later = slice(int(np.argmax(grown)) + 2, None)
    assert (closed.sel("enterprise_rd")[later] > cut.sel("enterprise_rd")[later]).all()
    assert (closed.sel("hightech_certification")[later]
            > cut.sel("hightech_certification")[later]).all()


def test_r1_more_hightech_output_raises_rd_intensity(kecheng):
    slow = simulate(kecheng, levers={"hightech_investment_growth": 0})
    fast = simulate(kecheng, levers={"hightech_investment_growth": 30})
    # Firms' R&D follows output, and high-tech industry is the more R&D-intensive.
    assert (fast.sel("enterprise_rd")[1:] > slow.sel("enterprise_rd")[1:]).all()
    assert (fast.sel("rd_intensity")[1:] > slow.sel("rd_intensity")[1:]).all()


def test_r1_knowledge_feeds_hightech_growth(kecheng):
    cut = simulate(_with_parameters(kecheng, knowledge_elasticity=0.0))
    closed = simulate(_with_parameters(kecheng, knowledge_elasticity=0.6))
    assert (closed.sel("hightech_va")[1:] > cut.sel("hightech_va")[1:]).all()


def test_r2_share_rule_links_fiscal_spending_to_growth(kecheng):
    share_rule = kecheng.model_copy(deep=True)
    share_rule.scenario.fiscal_rule = "share"
    share_rule.levers["fiscal_st_budget_share"] = share_rule.levers["fiscal_st_growth"].model_copy(
        update={"value": 1.59 / 45 * 100})
    slow = simulate(share_rule, levers={"hightech_investment_growth": 0})
    fast = simulate(share_rule, levers={"hightech_investment_growth": 30})
    # Faster high-tech growth -> larger GDP -> larger budget -> more fiscal S&T spending.
    assert (fast.sel("fiscal_st_spending")[2:] > slow.sel("fiscal_st_spending")[2:]).all()


def test_b3_incubator_congestion_keeps_startups_below_seats(kecheng):
    crowded = simulate(kecheng, levers={"share_incubation": 60, "share_rd_subsidies": 10,
                                        "share_talent": 10, "share_tech_market": 5,
                                        "share_public_research": 15})
    assert (crowded.sel("startups_in_incubation") < crowded.sel("incubator_capacity")).all()


def test_b4_talent_supply_caps_hiring(kecheng):
    rich = {"fiscal_st_growth": 40.0}
    ample = simulate(_with_parameters(kecheng, talent_supply_rate=20.0), levers=rich)
    scarce = simulate(_with_parameters(kecheng, talent_supply_rate=2.0), levers=rich)
    assert scarce.sel("rd_personnel", 2030)[0] < ample.sel("rd_personnel", 2030)[0]
    staff = scarce.sel("rd_personnel")[:, 0]
    recruits = scarce.sel("high_level_recruitment")[:, 0]
    # Net growth (after replacing leavers) never beats 2 % of staff plus the year's recruits.
    assert (np.diff(staff) <= 0.02 * staff[1:] + recruits[1:] + 1e-9).all()


def test_b5_recertification_drains_the_expiring_cohort(kecheng):
    strict = simulate(_with_parameters(kecheng, recertification_rate=60.0))
    lenient = simulate(_with_parameters(kecheng, recertification_rate=90.0))
    assert (strict.sel("hightech_enterprises")[1:] < lenient.sel("hightech_enterprises")[1:]).all()


def test_r1_more_investment_raises_rd_intensity_in_every_shipped_plan():
    # Declared ambiguous in model/effects.py (a region whose R&D is mostly fiscal money can see
    # it diluted); in every shipped plan, as written, the composition effect wins.
    from pathlib import Path

    from model import load_scenario

    for path in sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.toml")):
        scenario = load_scenario(path)
        year = scenario.meta.target_year
        low, high = (simulate(scenario, levers={"hightech_investment_growth": g})
                     .sel("rd_intensity", year)[0] for g in (0.0, 25.0))
        assert high > low, path.name
