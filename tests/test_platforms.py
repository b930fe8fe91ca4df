"""The platform ladders, talent programmes, funded projects and IP pledge financing (issue 10):
money moves each new stock the declared way, titles are reached only from the title below,
the start year reproduces the stated start values, omitted start values are derived, and
extreme inputs give finite numbers."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from model import evaluate, load_scenario
from model.catalogue import BASELINES, INDICATORS, PARAMETERS
from model.effects import (
    INCUBATION_PLATFORMS,
    OTHER_PLATFORMS,
    PROJECT_COUNTS,
    RD_LADDER,
    TALENT_TIERS,
)
from model.errors import ScenarioError
from model.levers import plan_levers, set_lever
from model.scenario import parse_scenario
from model.sectors.common import ladder_hazards
from model.sectors.platforms import LADDERS
from model.simulate import central_inputs
from model.system import InnovationModel

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
NEW_INDICATORS = (*INCUBATION_PLATFORMS, *OTHER_PLATFORMS, *RD_LADDER, "rd_institution_rate",
                  "firms_with_rd_institution", *TALENT_TIERS, *PROJECT_COUNTS,
                  "ip_pledge_financing")
# Each allocation share and the new indicators only it pays for.
PAID_BY = {
    "share_incubation": INCUBATION_PLATFORMS + OTHER_PLATFORMS,
    "share_talent": TALENT_TIERS,
    "share_rd_subsidies": PROJECT_COUNTS,
}


@pytest.fixture(scope="module")
def kecheng():
    return load_scenario(SCENARIOS / "kecheng-2027.toml")


def _with_share(scenario, key: str, value: float):
    return {k: v for k, v in set_lever(plan_levers(scenario), key, value).items()
            if k.startswith("share_")}


def _at(results, indicator: str, year: int) -> float:
    return float(results.sel(indicator, year)[0])


def test_the_new_indicators_are_reported(kecheng):
    results = evaluate(kecheng)
    for indicator in NEW_INDICATORS:
        assert indicator in INDICATORS
        values = results.sel(indicator)
        assert np.isfinite(values).all() and (values >= -1e-9).all(), indicator


@pytest.mark.parametrize("share", sorted(PAID_BY))
def test_the_money_of_a_share_moves_what_it_pays_for(kecheng, share):
    """More of the line raises every stock it pays for by the target year; less lowers it."""
    low = evaluate(kecheng, levers=_with_share(kecheng, share, 5.0))
    high = evaluate(kecheng, levers=_with_share(kecheng, share, 40.0))
    for indicator in PAID_BY[share]:
        assert _at(high, indicator, 2027) > _at(low, indicator, 2027) + 1e-6, indicator


def test_fiscal_growth_moves_every_new_stock_up(kecheng):
    low = evaluate(kecheng, levers={"fiscal_st_growth": 0.0})
    high = evaluate(kecheng, levers={"fiscal_st_growth": 30.0})
    for indicator in NEW_INDICATORS:
        assert _at(high, indicator, 2027) > _at(low, indicator, 2027), indicator


def test_start_year_reproduces_the_stated_start_values():
    for path in sorted(SCENARIOS.glob("*.toml")):
        scenario = load_scenario(path)
        results = evaluate(scenario)
        stated = [k for k in scenario.baseline if k in BASELINES and BASELINES[k].optional
                  and k in results.indicators]   # (a history statistic is not a stock)
        for key in stated:
            assert _at(results, key, scenario.meta.start) == pytest.approx(
                scenario.baseline[key].value, abs=1e-9), (path.name, key)


def test_omitted_counts_are_the_count_at_the_next_higher_title(kecheng):
    document = copy.deepcopy(kecheng)
    for key in ("maker_spaces", "provincial_maker_spaces"):
        del document.baseline[key]
    results = evaluate(document, inputs={"baseline.national_maker_spaces": 1.0})
    start = kecheng.meta.start
    for key in ("maker_spaces", "provincial_maker_spaces", "national_maker_spaces"):
        assert _at(results, key, start) == 1.0, key
    # IP pledge financing left out: the national ratio times the valid invention patents.
    patents = kecheng.baseline["invention_patents_per_10k"].value * kecheng.baseline[
        "population"].value
    ratio = PARAMETERS["ip_pledge_per_patent"].default_value / 1e4
    assert _at(results, "ip_pledge_financing", start) == pytest.approx(ratio * patents)


def test_a_file_without_the_new_start_values_still_loads_and_runs(kecheng):
    text = (SCENARIOS / "kecheng-2027.toml").read_text(encoding="utf-8")
    optional = {k for k, spec in BASELINES.items() if spec.optional}
    kept = [line for line in text.splitlines()
            if line.split(" = ")[0] not in optional]
    scenario = parse_scenario("\n".join(kept))
    assert not optional & set(scenario.baseline)
    results = evaluate(scenario)
    for indicator in NEW_INDICATORS:
        assert np.isfinite(results.sel(indicator)).all(), indicator
    # With no platform at all, the platform money accredits new ones: money still moves them.
    assert _at(results, "provincial_incubation_platforms", 2027) > 0


def test_more_provincial_than_all_platforms_is_one_clear_error(kecheng):
    with pytest.raises(ScenarioError, match="provincial_maker_spaces"):
        evaluate(kecheng, inputs={"baseline.provincial_maker_spaces": 20.0})


def test_a_title_is_reached_only_from_the_title_below(kecheng):
    """Municipal maker spaces only: with no promotion where no platform has been promoted
    before, none ever reaches a provincial or national title; with it, the national count
    lags the provincial one (it needs a provincial platform first)."""
    only_municipal = {"baseline.maker_spaces": 6.0, "baseline.provincial_maker_spaces": 0.0,
                      "baseline.national_maker_spaces": 0.0}
    frozen = evaluate(kecheng, inputs={**only_municipal, "platform_promotion_hazard": 0.0})
    assert (frozen.sel("provincial_maker_spaces") == 0.0).all()
    assert (frozen.sel("national_maker_spaces") == 0.0).all()
    assert frozen.sel("maker_spaces")[-1, 0] > 6.0
    moving = evaluate(kecheng, inputs=only_municipal)
    provincial = moving.sel("provincial_maker_spaces")[:, 0]
    national = moving.sel("national_maker_spaces")[:, 0]
    assert provincial[1] > 0 and national[1] < 0.2 * provincial[1]
    first_provincial = int(np.argmax(provincial >= 1.0))
    first_national = int(np.argmax(national >= 1.0))
    assert provincial[-1] >= 1.0 and national[-1] >= 1.0
    assert first_national > first_provincial


def test_ladder_calibration_makes_each_title_held_grow_at_its_trend():
    counts = (5.0, 3.0, 1.0, 0.0)
    growth, exit_rate, floor = 0.08, 0.03, 0.15
    hazards, entry = ladder_hazards(counts, growth, exit_rate, floor, 1.0)
    inflow = (entry, *(h * c for h, c in zip(hazards, counts[:-1], strict=True)))
    held = [sum(counts[i:]) for i in range(len(counts))]
    for i in range(3):  # titles held by somebody: each grows at the trend
        outflow = exit_rate * held[i]
        assert inflow[i] - outflow == pytest.approx(growth * held[i]), i
    assert hazards[2] == floor   # nobody holds the top title: the floor
    # An empty rung below held titles cannot feed them: the floor, never a division by zero.
    hazards, entry = ladder_hazards((0.0, 2.0), growth, exit_rate, floor, 1.0)
    assert hazards == (floor,) and entry == pytest.approx(0.11 * 2.0)


def test_model_start_rates_continue_the_trend_of_every_title_held(kecheng):
    values = central_inputs(kecheng)
    baseline = {k: values[f"baseline.{k}"] / spec.scale for k, spec in BASELINES.items()
                if f"baseline.{k}" in values}
    from model.catalogue import INPUTS
    inputs = {k: values[k] / spec.scale for k, spec in INPUTS.items()}
    model = InnovationModel(baseline, inputs, kecheng.meta.start, kecheng.meta.end, 1)
    state = model.initial_state(1)
    rates = model.rates(float(kecheng.meta.start), state)
    growth = inputs["platform_growth_before_start"]
    for ladder, (rungs, held_keys, _) in LADDERS.items():
        for i, key in enumerate(held_keys):
            held = sum(state[r] for r in rungs[i:])
            if float(held[0]) == 0.0:
                continue
            change = sum(rates[f"{r}_delisting"] for r in rungs[i:])
            change = (rates[f"{ladder}_accreditation"] if i == 0
                      else rates[f"{rungs[i - 1]}_promotion"]) - change
            assert float(change[0]) == pytest.approx(growth * float(held[0])), (ladder, key)


def test_projects_deliver_after_their_term(kecheng):
    """Doubling the project money from the first plan year doubles project starts at once;
    breakthroughs, which come from completed projects, rise later and by less at first."""
    share = plan_levers(kecheng)["share_rd_subsidies"]
    base = evaluate(kecheng)
    double = evaluate(kecheng, levers=_with_share(kecheng, "share_rd_subsidies", 2 * share))
    first = kecheng.meta.start + 1
    starts_up = (_at(double, "st_projects", first) / _at(base, "st_projects", first))
    outputs_up = (_at(double, "major_technologies", first)
                  / _at(base, "major_technologies", first))
    assert starts_up > outputs_up > 1.0


def test_talent_money_pays_leading_talents_per_head(kecheng):
    cost = PARAMETERS["high_end_talent_cost"].default_value
    cheap = evaluate(kecheng, inputs={"high_end_talent_cost": cost / 2})
    base = evaluate(kecheng)
    assert _at(cheap, "high_end_talents", 2027) == pytest.approx(
        2 * _at(base, "high_end_talents", 2027), rel=1e-9)


@pytest.mark.parametrize("case", ["no money", "ten times", "all to platforms", "huge counts"])
def test_extreme_inputs_give_finite_numbers(kecheng, case):
    inputs: dict[str, float] = {}
    levers = None
    if case == "no money":
        inputs = {"baseline.fiscal_st_spending": 0.0}
    elif case == "ten times":  # 50 %/yr, the most the file accepts: x 19 by 2030
        levers = {"fiscal_st_growth": 50.0}
    elif case == "all to platforms":
        levers = _with_share(kecheng, "share_incubation", 100.0)
    else:
        inputs = {"baseline.maker_spaces": 1e4, "baseline.provincial_maker_spaces": 1e4,
                  "baseline.national_maker_spaces": 1e4, "baseline.rd_institution_rate": 99.0,
                  "baseline.academician_workstations": 1e4}
    results = evaluate(kecheng, inputs=inputs, levers=levers)
    for indicator in NEW_INDICATORS:
        values = results.sel(indicator)
        assert np.isfinite(values).all(), indicator
        if INDICATORS[indicator].lower is not None:  # a net change may be negative
            assert (values >= -1e-9).all(), indicator
    rate = results.sel("rd_institution_rate")
    assert (rate <= 100.0 + 1e-9).all()


def test_the_counts_of_titles_held_add_up_the_rungs(kecheng):
    """Plans split 省市级 into 省级 and 市级: the municipal-only rung and the provincial-and-above
    count make up the municipal-and-above one; the sums over ladders are their parts."""
    results = evaluate(kecheng)
    for year in (kecheng.meta.start, 2027):
        assert _at(results, "municipal_only_rd_centres", year) + _at(
            results, "enterprise_tech_centres", year) == pytest.approx(
            _at(results, "rd_centers", year))
        assert _at(results, "rd_and_engineering_centres", year) == pytest.approx(
            _at(results, "rd_centers", year) + _at(results, "tech_innovation_centres", year))
        assert _at(results, "incubation_platforms", year) == pytest.approx(sum(
            _at(results, key, year) for key in ("incubators", "maker_spaces", "star_spaces")))
    assert _at(results, "new_rd_institutions_built", kecheng.meta.start) == 0.0


def test_an_institute_costs_its_own_set_up_money(kecheng):
    """Where a region has no new-type R&D institution, the platform money sets them up at
    new_rd_institution_cost each: halving the cost doubles the first year's entries (the
    other ladders keep platform_accreditation_cost)."""
    cost = PARAMETERS["new_rd_institution_cost"].default_value
    base = evaluate(kecheng)
    cheap = evaluate(kecheng, inputs={"new_rd_institution_cost": cost / 2})
    first = kecheng.meta.start + 1
    assert _at(cheap, "new_rd_institutions", first) == pytest.approx(
        2 * _at(base, "new_rd_institutions", first), rel=0.05)
    assert _at(cheap, "maker_spaces", first) == pytest.approx(_at(base, "maker_spaces", first))


def test_firms_with_an_rd_institution_are_the_rate_times_the_firms(kecheng):
    """At the start: the stated rate times the stated count of manufacturers (one per 亿元 of
    industrial value added where the file gives none)."""
    start = kecheng.meta.start
    rate = kecheng.baseline["rd_institution_rate"].value / 100
    counted = evaluate(kecheng, inputs={"baseline.above_scale_manufacturers": 200.0})
    assert _at(counted, "firms_with_rd_institution", start) == pytest.approx(rate * 200.0)
    default = evaluate(kecheng)
    assert _at(default, "firms_with_rd_institution", start) == pytest.approx(
        rate * kecheng.baseline["industrial_va"].value)
