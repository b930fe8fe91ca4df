"""Target kinds and their verdict logic, on hand-made results whose answers are known."""

from __future__ import annotations

import numpy as np
import pytest

from model.quantities import Spec
from model.results import Results
from model.scenario import Target
from model.targets import (
    AT_RISK,
    LIKELY,
    MISSED,
    NOT_MODELLED,
    REACHED,
    UNLIKELY,
    describe,
    judge,
    likelihood,
    verdict_word,
)

START = 2020


def results(**series) -> Results:
    """Results from ``name=[[runs of year 0], [runs of year 1], ...]`` (year x run)."""
    names = tuple(series)
    values = np.array([np.asarray(series[k], dtype=float) for k in names])
    years = np.arange(START, START + values.shape[1])
    specs = {k: Spec(k, k, k, "u") for k in names}
    return Results(values, names, years, specs, {})


def target(**fields) -> Target:
    fields.setdefault("quote", "测试")
    fields.setdefault("seed", "test.txt")
    return Target(**fields)


def one_run(values):
    return [[v] for v in values]


@pytest.mark.parametrize(("op", "goal", "verdict"), [
    (">", 10, MISSED), (">=", 10, REACHED), ("<=", 10, REACHED), ("<", 10, MISSED),
    (">", 9.99, REACHED), ("<", 10.01, REACHED), (">=", 10.01, MISSED), ("<=", 9.99, MISSED),
])
def test_level_compares_the_value_in_its_year(op, goal, verdict):
    r = results(x=one_run([1, 5, 10, 20]))
    v = judge(target(indicator="x", op=op, value=goal, year=2022), r)
    assert v.value == 10
    assert v.verdict == verdict
    assert v.gap == pytest.approx(10 - goal)


def test_level_first_year_is_when_the_condition_first_holds():
    r = results(x=one_run([1, 5, 10, 20]))
    v = judge(target(indicator="x", op=">=", value=6, year=2023), r)
    assert v.first_year == 2022


def test_about_uses_the_given_tolerance_both_ways():
    r = results(x=one_run([0, 23.9, 26.3]))
    inside = judge(target(indicator="x", op="about", value=25, tolerance=1.2, year=2021), r)
    above = judge(target(indicator="x", op="about", value=25, tolerance=1.2, year=2022), r)
    wider = judge(target(indicator="x", op="about", value=25, tolerance=1.5, year=2022), r)
    assert (inside.verdict, above.verdict, wider.verdict) == (REACHED, MISSED, REACHED)


def test_about_without_tolerance_allows_five_per_cent_of_the_target():
    r = results(x=one_run([0, 95.5, 94.5]))
    assert judge(target(indicator="x", op="about", value=100, year=2021), r).verdict == REACHED
    assert judge(target(indicator="x", op="about", value=100, year=2022), r).verdict == MISSED


def test_cumulative_sums_the_flow_over_its_years_inclusive():
    r = results(x=one_run([1000, 80, 90, 100, 130]))
    v = judge(target(indicator="x", kind="cumulative", op=">=", value=400, from_year=2021,
                     year=2024), r)
    assert v.value == 400            # the start year's 1000 is not in 2021-2024
    assert v.verdict == REACHED
    short = judge(target(indicator="x", kind="cumulative", op=">=", value=400, from_year=2021,
                         year=2023), r)
    assert short.value == 270 and short.verdict == MISSED


def test_growth_is_the_average_annual_rate_in_per_cent():
    r = results(x=one_run([100, 130, 120, 100 * 1.15 ** 3]))
    v = judge(target(indicator="x", kind="growth", op=">=", value=15, from_year=2020,
                     year=2023), r)
    assert v.value == pytest.approx(15.0)
    assert v.verdict == REACHED     # the dip in 2022 does not matter, only the average
    faster = judge(target(indicator="x", kind="growth", op=">=", value=15.1, from_year=2020,
                          year=2023), r)
    assert faster.verdict == MISSED


def test_flow_needs_every_year_and_reports_the_worst():
    r = results(x=one_run([0, 85, 79, 90]))
    v = judge(target(indicator="x", kind="flow", op=">=", value=80, from_year=2021,
                     year=2023), r)
    assert v.value == 79 and v.verdict == MISSED
    capped = judge(target(indicator="x", kind="flow", op="<=", value=90, from_year=2021,
                          year=2023), r)
    assert capped.value == 90 and capped.verdict == REACHED


def test_flow_about_reports_the_year_furthest_from_the_target():
    r = results(x=one_run([0, 1190, 1330, 1210]))
    v = judge(target(indicator="x", kind="flow", op="about", value=1200, tolerance=120,
                     from_year=2021, year=2023), r)
    assert v.value == 1330 and v.verdict == MISSED


def test_flow_about_or_above_reports_the_lowest_year():
    r = results(x=one_run([0, 1190, 1330, 1100]))
    reached = judge(target(indicator="x", kind="flow", op="about_or_above", value=1200,
                           tolerance=120, from_year=2021, year=2023), r)
    assert reached.value == 1100 and reached.verdict == REACHED     # 1100 >= 1200 - 120
    missed = judge(target(indicator="x", kind="flow", op="about_or_above", value=1200,
                          tolerance=50, from_year=2021, year=2023), r)
    assert missed.value == 1100 and missed.verdict == MISSED


def test_rises_needs_a_rise_every_year():
    rising = results(x=one_run([1.0, 1.1, 1.3, 1.35]))
    flat = results(x=one_run([1.0, 1.1, 1.1, 1.35]))
    v = judge(target(indicator="x", kind="rises", from_year=2020, year=2023), rising)
    assert v.verdict == REACHED and v.value == pytest.approx(0.05)
    assert judge(target(indicator="x", kind="rises", from_year=2020, year=2023),
                 flat).verdict == MISSED
    # a fall outside the window does not count
    late_fall = results(x=one_run([1.0, 1.1, 1.3, 1.2]))
    assert judge(target(indicator="x", kind="rises", from_year=2020, year=2022),
                 late_fall).verdict == REACHED


def test_probability_is_the_share_of_runs_and_the_verdict_follows_the_median():
    # five runs; the target is reached in runs with value >= 10 in 2021: three of five
    r = results(x=[[0, 0, 0, 0, 0], [5, 10, 12, 8, 30]])
    v = judge(target(indicator="x", op=">=", value=10, year=2021), r)
    assert v.probability == pytest.approx(0.6)
    assert v.value == 10 and v.verdict == REACHED


def test_untracked_target_is_not_modelled_and_needs_no_indicator():
    r = results(x=one_run([1, 2]))
    v = judge(target(indicator="academician_team", op=">=", value=1, year=2021,
                     tracked=False, reason="no such quantity in the model"), r)
    assert v.verdict == NOT_MODELLED
    assert v.value is None and v.probability is None
    assert v.record()["reason"] == "no such quantity in the model"


@pytest.mark.parametrize(("probability", "band"), [
    (1.0, LIKELY), (0.8, LIKELY), (0.7999, AT_RISK), (0.5, AT_RISK), (0.2, AT_RISK),
    (0.1999, UNLIKELY), (0.0, UNLIKELY), (None, None)])
def test_likelihood_bands(probability, band):
    assert likelihood(probability) == band


def test_likelihood_words_in_both_languages():
    assert [verdict_word(w, "zh") for w in (LIKELY, AT_RISK, UNLIKELY)] == [
        "很可能达成", "有风险", "很可能未达成"]
    assert [verdict_word(w, "en") for w in (LIKELY, AT_RISK, UNLIKELY)] == [
        "likely", "at risk", "unlikely"]


def test_one_run_gives_no_probability_and_no_likelihood():
    v = judge(target(indicator="x", op=">=", value=1, year=2021), results(x=one_run([0, 2])))
    assert v.verdict == REACHED and v.probability is None and v.likelihood is None
    assert v.record()["probability"] is None and v.record()["likelihood"] is None
    five = judge(target(indicator="x", op=">=", value=10, year=2021),
                 results(x=[[0, 0, 0, 0, 0], [5, 10, 12, 8, 30]]))
    assert five.likelihood == AT_RISK and five.record()["likelihood"] == "at risk"


def test_an_about_target_shows_the_tolerance_it_is_judged_with():
    about = {"indicator": "x", "year": 2021, "op": "about"}
    assert describe(target(**about, value=25.0), "zh") == "≈ 25 ± 1.25"
    assert describe(target(**about, value=1200.0, tolerance=120.0), "en") == "≈ 1200 ± 120"
