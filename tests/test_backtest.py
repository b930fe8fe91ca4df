"""Backtests: the metrics against hand-computed examples, the national replay, the CLI."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from model import load_scenario
from model.backtest import backtest, coverage, growth_rate, mape, naive_growth, theil
from model.cli import main

from .conftest import KECHENG, SCENARIOS

CHINA = SCENARIOS / "china-2015.toml"
RUNS = ["--runs", "16"]


# --- metrics ----------------------------------------------------------------------------------

def test_mape_by_hand():
    assert mape([100, 200], [110, 180]) == pytest.approx(10.0)
    assert mape([4.0], [5.0]) == pytest.approx(25.0)
    assert math.isnan(mape([], []))


def test_a_perfect_fit_has_theil_u_zero():
    assert theil([1.0, 2.0, 4.0], [1.0, 2.0, 4.0]) == (0.0, 0.0, 0.0, 0.0)


def test_a_constant_bias_is_all_um():
    u, um, us, uc = theil([1.0, 2.0, 4.0, 3.0], [1.5, 2.5, 4.5, 3.5])
    assert (um, us, uc) == pytest.approx((1.0, 0.0, 0.0))
    assert 0 < u < 1


def test_a_flat_forecast_through_the_mean_is_all_us_by_hand():
    # MSE = (1 + 0 + 1) / 3; equal means; s_sim = 0, s_obs^2 = 2/3.
    u, um, us, uc = theil([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])
    assert (um, us, uc) == pytest.approx((0.0, 1.0, 0.0))
    assert u == pytest.approx(math.sqrt(2 / 3) / (2.0 + math.sqrt(14 / 3)))


def test_a_mirror_image_is_all_uc_by_hand():
    # Equal means and spreads, correlation -1: MSE = 8/3 = 2 (1 - -1) s^2 with s^2 = 2/3.
    u, um, us, uc = theil([1.0, 2.0, 3.0], [3.0, 2.0, 1.0])
    assert (um, us, uc) == pytest.approx((0.0, 0.0, 1.0))
    assert u == pytest.approx(math.sqrt(8 / 3) / (2 * math.sqrt(14 / 3)))


def test_theil_shares_sum_to_one():
    rng = np.random.default_rng(1)
    for _ in range(20):
        observed, simulated = rng.uniform(1, 10, 6), rng.uniform(1, 10, 6)
        _u, um, us, uc = theil(observed, simulated)
        assert um + us + uc == pytest.approx(1.0)
        assert min(um, us, uc) >= -1e-12


def test_naive_growth_continues_the_five_years_before_the_start():
    points = {2009: 1.0, 2010: 100.0, 2013: 115.0, 2015: 999.0}
    rate, first = growth_rate(points, 2015, 100 * 1.1 ** 5)
    assert (rate, first) == (pytest.approx(0.1), 2010)     # 2009 is more than five years back
    assert growth_rate({2012: 100.0}, 2015, 133.1) == (pytest.approx(0.1), 2012)
    assert growth_rate({2008: 1.0, 2015: 2.0}, 2015, 2.0) is None
    np.testing.assert_allclose(naive_growth(2015, 100.0, 0.1, [2016, 2018]), [110.0, 133.1])


def test_coverage_counts_points_inside_the_band_ends_included():
    assert coverage([1.0, 2.0, 3.0, 4.0], [1.0, 2.5, 2.0, 0.0], [2.0, 3.0, 3.0, 3.9]) == 2


# --- the national replay ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def china():
    return backtest(load_scenario(CHINA), runs=16, seed=3)


def test_the_national_replay_scores_seven_indicators_2016_to_2019(china):
    assert [f.indicator for f in china.indicators] == [
        "rd_expenditure", "rd_intensity", "rd_personnel", "invention_patents_per_10k",
        "hightech_enterprises", "tech_contract_turnover", "hightech_va_share"]
    for fit in china.indicators:
        assert fit.years == [2016, 2017, 2018, 2019], fit.indicator
        assert max(fit.before) == 2015 and all(np.isfinite(fit.central))
        assert all(lo <= hi for lo, hi in zip(fit.low, fit.high, strict=True))
        assert fit.naive_flat == [fit.start_value] * 4
    by_key = {f.indicator: f for f in china.indicators}
    # Fewer than five years before the start: the report says so.
    assert by_key["hightech_enterprises"].growth_from == 2012
    assert any("3 year(s)" in note for note in by_key["hightech_enterprises"].notes)
    assert by_key["hightech_va_share"].naive is None
    assert by_key["rd_intensity"].growth == pytest.approx((2.06 / 1.71) ** 0.2 - 1)
    total = china.total()
    assert total["n"] == 28 and total["n_naive_growth"] == 24
    assert 0 <= total["coverage"] <= 1


def test_kecheng_history_at_or_before_its_start_is_not_scored_unless_backcast():
    scenario = load_scenario(KECHENG)
    plain = backtest(scenario, runs=8)
    assert plain.indicators == [] and plain.unscored[0][0] == "rd_intensity"
    backcast = backtest(scenario, runs=8, backcast=True)
    (fit,) = backcast.indicators
    assert backcast.start == 2020 and fit.years == [2021, 2022]
    assert fit.start_value == 1.85 and fit.naive is None


# --- the command ------------------------------------------------------------------------------

def test_the_cli_prints_the_table_and_exits_0(capsys):
    assert main(["backtest", str(CHINA), *RUNS]) == 0
    out = capsys.readouterr().out
    assert "MAPE model" in out and "naive growth" in out and "total (pooled)" in out
    assert "R&D intensity" in out and "UM" in out
    assert "naive growth from 3 year(s) (2012-2015)" in out


def test_the_cli_json_parses(capsys):
    assert main(["backtest", str(CHINA), *RUNS, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["indicators"]) == 7 and document["total"]["n"] == 28
    first = document["indicators"][0]
    assert {"model", "flat", "naive", "coverage", "history_before_start"} <= set(first)
    assert set(first["model"]) == {"mape", "u", "um", "us", "uc"}
    hightech_share = document["indicators"][-1]
    assert hightech_share["naive"] is None and hightech_share["growth"] is None


def test_the_cli_writes_one_chart_per_indicator(tmp_path, capsys):
    assert main(["backtest", str(CHINA), "--runs", "8", "--out", str(tmp_path)]) == 0
    charts = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(charts) == 7 and "backtest-rd_intensity.png" in charts
    assert (tmp_path / "backtest-rd_intensity.png").read_bytes()[:4] == b"\x89PNG"


def test_the_cli_on_kecheng_says_there_is_nothing_to_score(capsys):
    assert main(["backtest", str(KECHENG), "--runs", "8"]) == 0
    out = capsys.readouterr().out
    assert "not scored: rd_intensity: no history after the start 2022" in out


@pytest.mark.parametrize(("args", "line"), [
    (["scenarios/pinghu-2020.toml"], "history: the scenario has no [[history]] to backtest "
                                     "against ([[history]] points after the start year)"),
    ([str(CHINA), "--runs", "0"], "--runs: 0 (a whole number from 1 to 100,000,000)"),
    ([str(CHINA), "--seed", "-1"], "--seed: -1 (a whole number >= 0)"),
])
def test_bad_input_is_one_line_and_exit_2(args, line, capsys, monkeypatch):
    monkeypatch.chdir(SCENARIOS.parent)
    assert main(["backtest", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith(line) and "\n" not in err


def test_the_national_replay_beats_both_naive_forecasts_on_most_indicators():
    # In sample: seven parameters were fitted on these years (model/catalogue.py says which),
    # so this is the least the model must do; 2020-2023 is the out-of-sample test.
    result = backtest(load_scenario(CHINA), runs=200, seed=0)
    total = result.total()
    for fit in result.indicators:
        naive = f"{fit.naive.mape:5.1f} %" if fit.naive is not None else "  –  "
        print(f"{fit.indicator:32} MAPE model {fit.model.mape:5.1f} %  naive growth {naive}  "
              f"flat {fit.flat.mape:5.1f} %  in band {fit.inside}/{fit.n}")
    print(f"coverage {total['coverage']:.0%}")
    assert total["beats_naive_growth"] > total["with_naive_growth"] / 2
    assert total["beats_naive_flat"] > total["indicators"] / 2
    assert total["mape_model"] < min(total["mape_naive_flat"], total["mape_naive_growth"])
