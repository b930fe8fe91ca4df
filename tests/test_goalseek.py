"""What would it take: the goal seek on a target's margin, and the allocation rule it uses."""

from __future__ import annotations

import pytest

from model.catalogue import ALLOCATION_SHARES
from model.goalseek import ALWAYS_REACHED, NOT_REACHABLE, REACHABLE, target_margin, what_it_takes
from model.levers import changed_levers, lever_range, plan_levers, set_lever
from model.scenario import Target


def _target(scenario, indicator, kind="level"):
    return next(t for t in scenario.targets if t.indicator == indicator and t.kind == kind)


def test_the_value_found_just_reaches_the_target(kecheng):
    target = _target(kecheng, "rd_intensity")
    answer = what_it_takes(kecheng, target, "hightech_investment_growth")
    assert answer.status == REACHABLE and answer.increasing
    assert answer.low < answer.value < answer.high
    levers = plan_levers(kecheng)
    lever = "hightech_investment_growth"
    at_value = target_margin(kecheng, target, set_lever(levers, lever, answer.value))
    just_below = target_margin(kecheng, target, set_lever(levers, lever, answer.value - 0.01))
    assert at_value >= 0 > just_below


def test_ensemble_goal_seek_matches_the_median_verdict(kecheng):
    target = _target(kecheng, "rd_intensity")
    central = what_it_takes(kecheng, target, "hightech_investment_growth")
    ensemble = what_it_takes(kecheng, target, "hightech_investment_growth", runs=200, seed=3)
    assert ensemble.status == REACHABLE
    # The ensemble median sits below the central run here, so more growth is needed.
    assert ensemble.value != pytest.approx(central.value, abs=0.1)


def test_unreachable_when_both_ends_miss(kecheng):
    target = _target(kecheng, "tech_smes")
    answer = what_it_takes(kecheng, target, "fiscal_st_growth")
    assert answer.status == NOT_REACHABLE and not answer.reachable
    assert answer.value is None and answer.margin_low < 0 and answer.margin_high < 0


def test_reached_across_the_range_reports_the_range_end(kecheng):
    easy = Target(indicator="rd_intensity", op=">=", value=1.0, year=2027, quote="test",
                  seed="test")
    answer = what_it_takes(kecheng, easy, "fiscal_st_growth")
    assert answer.status == ALWAYS_REACHED
    assert answer.value == answer.low


def test_a_ceiling_target_is_sought_downwards(kecheng):
    ceiling = Target(indicator="rd_intensity", op="<=", value=3.35, year=2027, quote="test",
                     seed="test")
    answer = what_it_takes(kecheng, ceiling, "fiscal_st_growth")
    assert answer.status == REACHABLE and not answer.increasing
    levers = set_lever(plan_levers(kecheng), "fiscal_st_growth", answer.value)
    assert target_margin(kecheng, ceiling, levers) >= 0


def test_untracked_target_and_unknown_lever_are_refused(kecheng):
    target = _target(kecheng, "rd_intensity")
    with pytest.raises(KeyError):
        what_it_takes(kecheng, target, "no_such_lever")
    untracked = Target(indicator="x", year=2027, quote="q", seed="s", tracked=False,
                       reason="not in the model")
    with pytest.raises(ValueError, match="not modelled"):
        what_it_takes(kecheng, untracked, "fiscal_st_growth")


def test_moving_a_share_rescales_the_others_to_100(kecheng):
    levers = plan_levers(kecheng)
    moved = set_lever(levers, "share_talent", 35.0)
    assert moved["share_talent"] == 35.0
    assert sum(moved[k] for k in ALLOCATION_SHARES) == pytest.approx(100.0)
    others = [k for k in ALLOCATION_SHARES if k != "share_talent"]
    # relative weights of the other uses are kept
    ratio = [moved[k] / levers[k] for k in others if levers[k] > 0]
    assert max(ratio) == pytest.approx(min(ratio))
    with pytest.raises(ValueError):
        set_lever(levers, "share_talent", 120.0)


def test_ranges_contain_the_plan_value_and_changes_are_listed(kecheng):
    levers = plan_levers(kecheng)
    for key, value in levers.items():
        low, high = lever_range(kecheng, key)
        assert low <= value <= high
    assert changed_levers(kecheng, levers) == {}
    moved = set_lever(levers, "fiscal_st_growth", 12.0)
    assert changed_levers(kecheng, moved) == {"fiscal_st_growth": 12.0}


def test_more_confidence_takes_more_and_the_same_seed_gives_the_same_number(kecheng):
    target = _target(kecheng, "rd_intensity")
    lever = "hightech_investment_growth"
    values = [what_it_takes(kecheng, target, lever, runs=200, seed=5, probability=p).value
              for p in (0.5, 0.8, 0.9)]
    assert values[0] < values[1] < values[2]
    again = what_it_takes(kecheng, target, lever, runs=200, seed=5, probability=0.8)
    assert again.value == values[1] and (again.runs, again.seed) == (200, 5)
    with pytest.raises(ValueError, match="between 0 and 1"):
        what_it_takes(kecheng, target, lever, probability=1.0)
