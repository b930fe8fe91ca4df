"""Restart from actuals, the pace arithmetic, and ``innosim review`` (model/review.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from model.cli import main
from model.errors import ScenarioError
from model.review import (
    AHEAD,
    BEHIND,
    NO_ACTUAL,
    NO_CALL,
    ON_TRACK,
    RIGHT,
    WRONG,
    call,
    pace,
    restart,
    review,
)
from model.scenario import HistoryPoint, Target, load_scenario
from model.simulate import STATE_OUTPUTS, STOCK_NAMES, evaluate, level_name

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
KECHENG = SCENARIOS / "kecheng-2027.toml"
CHINA = SCENARIOS / "china-2015.toml"


def with_actuals(scenario, points):
    copy = scenario.model_copy(deep=True)
    copy.history = [*copy.history, *points]
    return copy


def test_restart_reproduces_the_actuals_of_the_restart_year_exactly():
    kecheng = load_scenario(KECHENG)
    actual = {"rd_intensity": 3.05, "hightech_enterprises": 150.0, "tech_smes": 520.0,
              "invention_patents_per_10k": 60.0, "hightech_va_share": 73.0}
    sc = with_actuals(kecheng, [HistoryPoint(indicator=k, year=2025, value=v, source="test")
                                for k, v in actual.items()])
    for runs in (None, 40):
        restarted = restart(sc, runs=runs, seed=3)
        assert restarted.year == 2025 and set(restarted.imposed) == set(actual)
        for key, value in actual.items():
            np.testing.assert_allclose(restarted.combined.sel(key, 2025), value, rtol=1e-9)
        # The run resumed from the re-estimated state starts on the actuals too.
        again = restarted.run_with({})
        for key, value in actual.items():
            np.testing.assert_allclose(again.sel(key, 2025), value, rtol=1e-9)
    # The ensemble starts from the known values: no spread left at 2025 in what was observed,
    # while the ex-ante runs disagreed there.
    many = restart(sc, runs=40, seed=3)
    assert np.ptp(many.ex_ante.sel("hightech_enterprises", 2025)) > 1
    assert np.ptp(many.combined.sel("hightech_enterprises", 2025)) == 0


@pytest.mark.parametrize("path, year", [(KECHENG, 2025), (CHINA, 2018)])
def test_actuals_equal_to_a_runs_own_values_continue_that_run(path, year):
    scenario = load_scenario(path)
    # Without the history after the start, then with the run's own values as actuals.
    bare = scenario.model_copy(deep=True)
    bare.history = [p for p in scenario.history if p.year <= scenario.meta.start]
    previous = evaluate(bare, outputs=STATE_OUTPUTS + ("rd_intensity", "rd_personnel",
                        "invention_patents_per_10k", "hightech_va_share", "tech_smes"))
    own = [HistoryPoint(indicator=k, year=year, value=float(previous.sel(k, year)[0]),
                        source="the previous run")
           for k in ("rd_intensity", "invention_patents_per_10k", "hightech_va_share",
                     "tech_smes", "rd_personnel")]
    restarted = restart(with_actuals(bare, own))
    assert restarted.year == year and len(restarted.imposed) == 5
    for stock in STOCK_NAMES:   # every stock, from the restart year to the end
        level = level_name(stock)  # its value at each year end
        np.testing.assert_allclose(restarted.combined.sel(level)[year - scenario.meta.start:],
                                   previous.sel(level)[year - scenario.meta.start:],
                                   rtol=1e-9, atol=0)
    for level in ("rd_intensity", "gdp", "hightech_va_share", "tech_contract_turnover"):
        np.testing.assert_allclose(restarted.combined.sel(level),
                                   evaluate(bare).sel(level), rtol=1e-9)


def test_actuals_that_differ_move_the_forecast_that_way():
    kecheng = load_scenario(KECHENG)
    base = restart(kecheng)
    low = restart(with_actuals(kecheng, [HistoryPoint(
        indicator="hightech_enterprises", year=2024, value=100.0, source="test")]))
    assert low.combined.sel("hightech_enterprises", 2027)[0] < \
        base.combined.sel("hightech_enterprises", 2027)[0]


def target(**fields):
    return Target(quote="q", seed="s", **fields)


def test_pace_of_a_level_target_by_hand():
    # 100 in 2020 -> 121 in 2022 is 10 %/yr; 2021 actual 105: achieved 5 %, required
    # 121/105 - 1 = 15.238 %; planned by 2021: 110, so half the planned change: behind.
    t = target(indicator="hightech_enterprises", op=">=", value=121.0, year=2022)
    p = pace(t, 2020, 100.0, {2019: 90.0, 2021: 105.0})
    assert p.plan == pytest.approx(10.0) and p.unit == "%/年"
    assert p.achieved == pytest.approx(5.0)
    assert p.required == pytest.approx((121 / 105 - 1) * 100)
    assert p.plan_at_latest == pytest.approx(110.0)
    assert p.status == BEHIND
    assert pace(t, 2020, 100.0, {2021: 112.0}).status == AHEAD       # 120 % of the change
    assert pace(t, 2020, 100.0, {2021: 109.5}).status == ON_TRACK
    assert pace(t, 2020, 100.0, {}).status == NO_ACTUAL


def test_pace_of_shares_is_in_points_and_of_sums_even():
    share = target(indicator="rd_intensity", op=">", value=3.2, year=2027)
    p = pace(share, 2022, 2.7, {2024: 2.9})
    assert p.unit == "百分点/年" and p.plan == pytest.approx(0.1)
    assert p.achieved == pytest.approx(0.1) and p.required == pytest.approx(0.1)
    assert p.status == ON_TRACK
    total = target(indicator="high_level_recruitment", kind="cumulative", op=">=",
                   value=400.0, from_year=2023, year=2027)
    p = pace(total, 2022, None, {2023: 70.0, 2024: 60.0})
    # 80 a year planned; 130 in two years (65 a year); 270 left for three years: 90 a year.
    assert p.plan == pytest.approx(80.0) and p.achieved == pytest.approx(65.0)
    assert p.required == pytest.approx(90.0) and p.status == BEHIND


def test_calls_compare_likelihoods_with_outcomes():
    assert call("likely", "reached") == RIGHT and call("unlikely", "missed") == RIGHT
    assert call("likely", "missed") == WRONG and call("at risk", "reached") == NO_CALL


def test_history_after_withheld_year_is_refused(tmp_path):
    text = CHINA.read_text(encoding="utf-8") + (
        '\n[[history]]\nindicator = "rd_intensity"\nyear = 2020\nvalue = 2.4\nsource = "x"\n')
    bad = tmp_path / "china.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match="withholds"):
        load_scenario(bad)


def test_the_same_actual_twice_is_refused(tmp_path):
    text = KECHENG.read_text(encoding="utf-8") + (
        '\n[[history]]\nindicator = "rd_intensity"\nyear = 2022\nvalue = 2.7\nsource = "x"\n')
    bad = tmp_path / "k.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match="a second rd_intensity actual for 2022"):
        load_scenario(bad)


def test_national_ex_post_review_judges_without_later_actuals():
    result = review(load_scenario(CHINA), runs=50, seed=1, lever=None, as_of=2026)
    assert result.ended and result.year == 2019 and result.withheld_after == 2019
    rd = next(r for r in result.rows if r.target.indicator == "rd_intensity")
    assert rd.pace.latest_year == 2019 and rd.pace.status == BEHIND
    assert rd.outcome is None and rd.ex_ante_call == "no outcome"
    assert 0 <= rd.restarted.probability <= 1 and rd.band[0.05] <= rd.band[0.95]


def test_cli_prints_the_review_table(capsys):
    code = main(["review", str(CHINA), "--runs", "50", "--as-of", "2026"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "restarted from the actuals of 2019" in out
    assert "R&D intensity" in out and "behind" in out and "P now" in out
    assert "actuals after 2019 are withheld for out-of-sample judging" in out
    code = main(["review", str(KECHENG), "--runs", "20", "--format", "json", "--as-of", "2026"])
    data = json.loads(capsys.readouterr().out)
    assert data["restart_year"] is None and not data["ended"]
    rd = next(t for t in data["targets"] if t["indicator"] == "rd_intensity")
    assert rd["status"] == "no actual" and rd["plan_pace"] == pytest.approx((3.2 - 2.71) / 5)


def test_cli_refuses_an_unknown_lever(capsys):
    assert main(["review", str(KECHENG), "--lever", "nope"]) == 2
    assert "unknown lever" in capsys.readouterr().err


def test_every_assimilated_actual_names_an_indicator_and_a_stock_of_the_model():
    from model.catalogue import INDICATORS
    from model.review import ASSIMILATED

    assert set(ASSIMILATED) <= set(INDICATORS)
    assert set(ASSIMILATED.values()) <= set(STOCK_NAMES)


def test_an_actual_after_a_targets_year_is_not_its_path_but_judges_the_later_target():
    # Liuzhou sets high-tech enterprises for 2020 (460) and 2022 (560); an actual of 2022 only.
    liuzhou = load_scenario(SCENARIOS / "liuzhou-2022.toml").model_copy(deep=True)
    liuzhou.history = [HistoryPoint(indicator="hightech_enterprises", year=2022, value=800,
                                    source="test")]
    result = review(liuzhou, runs=20, seed=1, lever=None, as_of=2026)
    rows = {r.target.year: r for r in result.rows
            if r.target.indicator == "hightech_enterprises"}
    assert rows[2020].actual_path == {} and rows[2020].pace.status == NO_ACTUAL
    assert rows[2020].outcome is None and rows[2020].ex_ante_call == "no outcome"
    assert rows[2022].actual_path == {2022: 800}
    assert rows[2022].outcome == 800 and rows[2022].outcome_verdict == "reached"
    # The model's ex-ante call is compared with what happened, whatever it was.
    expected = call(rows[2022].ex_ante.likelihood, "reached")
    assert rows[2022].ex_ante_call == expected
