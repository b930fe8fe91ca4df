"""The validation battery (issue 9, part 5) over every shipped scenario.

Each lever's declared effects (model/effects.py) hold in a sweep of the lever over its range;
extreme conditions give real, finite, plausible results or a clean refusal; with policy frozen
at its start values no indicator jumps in the first year. See tests/battery.py for the
definitions. ``pytest -s tests/test_battery.py`` prints the counts and every failure.
"""

from __future__ import annotations

import numpy as np
import pytest
from battery import (
    JUMP_LIMIT,
    MAX_RD_INTENSITY,
    POLE_RD_INTENSITY,
    SCENARIO_PATHS,
    extreme_conditions,
    frozen_policy,
    implausible_rd_intensity,
    jumps,
    report,
    sign_sweep,
)

from model.catalogue import FISCAL_RULES, INDICATORS, LEVERS
from model.effects import APPLIES_UNDER, EFFECTS, SIGNS, applies, expected_effect

IDS = [path.stem for path in SCENARIO_PATHS]


def test_every_lever_declares_its_effect_on_every_indicator():
    assert set(EFFECTS) == set(LEVERS)
    for lever in LEVERS:
        assert set(EFFECTS[lever]) == set(INDICATORS), lever
        for indicator in INDICATORS:
            effect = expected_effect(lever, indicator)
            assert effect.sign in SIGNS, (lever, indicator)
            assert effect.reason.strip() and "\n" not in effect.reason, (lever, indicator)


def test_fiscal_levers_each_act_under_one_rule():
    assert set(APPLIES_UNDER.values()) <= set(FISCAL_RULES)
    for lever in LEVERS:
        assert any(applies(lever, rule) for rule in FISCAL_RULES), lever
    assert applies("fiscal_st_growth", "growth") and not applies("fiscal_st_growth", "share")
    assert applies("fiscal_st_budget_share", "share")
    assert not applies("fiscal_st_budget_share", "growth")


def test_lookup_names_what_is_missing():
    with pytest.raises(KeyError, match="no_such_lever"):
        expected_effect("no_such_lever", "rd_intensity")
    with pytest.raises(KeyError, match="no_such_indicator"):
        expected_effect("fiscal_st_growth", "no_such_indicator")


def test_scenarios_are_found():
    assert len(SCENARIO_PATHS) >= 1


@pytest.mark.parametrize("path", SCENARIO_PATHS, ids=IDS)
def test_no_lever_moves_an_indicator_the_wrong_way(path):
    found = sign_sweep(str(path))
    assert found.pairs > 0
    lines = [w.line() for w in found.wrong_signs] + [p.line() for p in found.problems]
    if lines:
        pytest.fail("\n".join(lines), pytrace=False)


@pytest.mark.parametrize("path", SCENARIO_PATHS, ids=IDS)
def test_extreme_conditions_give_plausible_results_or_a_clean_refusal(path):
    found = extreme_conditions(str(path))
    assert found.cases > 0
    if found.failures:
        pytest.fail("\n".join(f.line() for f in found.failures), pytrace=False)


@pytest.mark.parametrize("path", SCENARIO_PATHS, ids=IDS)
def test_frozen_policy_continues_trends(path):
    """Every draw, policy frozen: no indicator leaves its trend at the start."""
    found = frozen_policy(str(path))
    assert found.judged > 0
    if found.jumps:
        pytest.fail("\n".join(j.line() for j in found.jumps), pytrace=False)


@pytest.mark.parametrize("path", SCENARIO_PATHS, ids=IDS)
def test_frozen_policy_central_run_continues_every_trend(path):
    """The plan's central values, policy frozen: no indicator leaves its trend at the start."""
    found = frozen_policy(str(path))
    assert found.judged > 0
    if found.central_jumps:
        pytest.fail("\n".join(j.line() for j in found.central_jumps), pytrace=False)


def _years(*values: float) -> np.ndarray:
    return np.array(values, dtype=float)[:, None]


@pytest.mark.parametrize("series", [
    (100, 110, 121, 133.1),                       # steady growth
    (100, 90, 81, 72.9),                          # steady decline
    (5, 5, 5, 5),                                 # flat
    # a stock catching up with its inflow: grants 179 a year on 362 valid patents, 10 %
    # lapse, grants growing 15 %/yr (Pinghu's start): growth slows steadily, 40 % -> 31 %
    "catching up",
])
def test_a_steady_or_steadily_slowing_trend_is_no_jump(series):
    if series == "catching up":
        series = tuple(_stock_catching_up(362.0, 179.0, np.log(1.15), 0.10, t)
                       for t in range(4))
        assert series[1] / series[0] - series[2] / series[1] > 0.05   # slows by over 5 %
    assert jumps(_years(*series))[0] <= JUMP_LIMIT


@pytest.mark.parametrize("start, inflow, outflow_rate", [
    (362.0, 179.0, 0.10),      # Pinghu's grants against its valid patents
    (1.46, 1.38, 0.20),        # a county's 1.5 high-tech firms certifying 1.4 a year
    (86_000.0, 55_000.0, 0.25),   # a register far below its new registrations
])
def test_a_stock_catching_up_fast_is_no_jump_when_judged_on_five_years(start, inflow,
                                                                      outflow_rate):
    series = [_stock_catching_up(start, inflow, np.log(1.10), outflow_rate, t)
              for t in range(5)]
    linear = jumps(_years(*series[:4]))[0]
    assert jumps(_years(*series))[0] <= JUMP_LIMIT
    assert jumps(_years(*series))[0] <= linear


def test_first_order_catching_up_is_judged_only_within_its_bounds():
    # log growth 0.45, 0.30, 0.22, 0.17: slowing by a shrinking amount (r = 1.6), 7 % off
    # the linear trend but on the first-order one; a first year of 0 % before it is a stall
    converging = _years(*np.exp(np.cumsum([0.0, 0.45, 0.30, 0.22, 0.17])))
    assert jumps(converging)[0] <= JUMP_LIMIT
    stalled = _years(*np.exp(np.cumsum([0.0, 0.0, 0.30, 0.22, 0.17])))
    assert jumps(stalled)[0] > JUMP_LIMIT
    # quickening by a growing amount is no convergence: judged on the linear trend alone
    quickening = _years(*np.exp(np.cumsum([0.0, 0.45, 0.10, 0.12, 0.20])))
    assert jumps(quickening)[0] == jumps(quickening[:4])[0]


def _stock_catching_up(start: float, inflow: float, growth: float, outflow_rate: float,
                       t: float) -> float:
    """S(t) of S' = inflow * e^(growth t) - outflow_rate * S, S(0) = start (exact)."""
    rate = growth + outflow_rate
    return float(np.exp(-outflow_rate * t) * (start + inflow * np.expm1(rate * t) / rate))


@pytest.mark.parametrize("series", [
    (100, 100, 115, 132.25),                      # a pipeline stalling a year, then 15 %/yr
    (35.7, 34.6, 8.2, 45.9),                      # a 3-year certification echo
    (100, 130, 133, 136),                         # a step, then the trend
    (-1.0, 1.0, 1.0, 1.0),                        # not positive: changes compared
    # the same on five years, where first-order catching up is a reference too
    (100, 100, 115, 132.25, 152.09),
    (35.7, 34.6, 8.2, 45.9, 35.7),
    (100, 130, 133, 136, 139.1),
    (100, 130, 133, 135.9, 138.7),                # a step, then a trend slowing steadily
])
def test_a_start_artefact_is_a_jump(series):
    assert jumps(_years(*series))[0] > JUMP_LIMIT


def test_battery_report():
    """The counts and every failure, for ``pytest -s``; the checks above fail on them."""
    print()
    print(report())


def test_rd_intensity_is_judged_on_the_central_run_the_band_and_every_draw_for_poles():
    years = np.array([2025, 2030])
    central = np.array([[3.0], [MAX_RD_INTENSITY + 0.1]])
    assert implausible_rd_intensity(central, years)            # a central run over the limit
    draws = np.full((2, 200), 3.0)
    draws[1, :5] = MAX_RD_INTENSITY + 1.0                      # 5 of 200 draws: above the band
    assert not implausible_rd_intensity(draws, years)
    draws[1, :15] = MAX_RD_INTENSITY + 1.0                     # 15 of 200: the band's top is over
    assert "95th percentile" in implausible_rd_intensity(draws, years)[0]
    draws = np.full((2, 200), 3.0)
    draws[1, 0] = POLE_RD_INTENSITY + 1.0                      # a single pole is found
    assert "pole" in implausible_rd_intensity(draws, years)[0]
