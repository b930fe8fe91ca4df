"""Issue 14, part 8: random arguments to the public Python API (tests/fuzz_api.py), and a
regression test for each defect the fuzzing found.

Every family draws a bounded number of calls (the whole file runs in well under a minute);
``pytest -s`` prints the counts tried / clean per family at the end. A longer run:
``python -m tests.fuzz_api 300``.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.backtest import backtest
from model.calibrate import CalibrationError, calibrate
from model.ensemble import ensemble
from model.errors import InputError, ScenarioError
from model.goalseek import what_it_takes
from model.levers import changed_levers, lever_range, plan_levers, set_lever
from model.scenario import Target, load_scenario, parse_scenario
from model.sensitivity import sensitivity
from model.simulate import evaluate, sample, simulate
from model.targets import check

from .fuzz_api import FAMILIES, TALLY, kecheng, outcome, pinghu, report

# Calls per family: the dear ones (calibrate, backtest, what_it_takes) run in about 0.1-1 s.
EXAMPLES = {"calibrate": 15, "backtest": 25, "what_it_takes": 30, "sensitivity": 30}


@pytest.fixture(scope="module", autouse=True)
def _counts():
    yield
    print("\nrandom API arguments, calls tried / clean per family:\n" + report())


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_random_arguments_give_finite_results_or_one_clean_line(family):
    @settings(max_examples=EXAMPLES.get(family, 60), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(call=FAMILIES[family])
    def run(call):
        assert outcome(family, call) in ("finite", "refused")

    run()
    assert TALLY[family]["clean"] == TALLY[family]["tried"] > 0


def one_line(error: pytest.ExceptionInfo) -> str:
    text = str(error.value)
    assert "\n" not in text and len(text) < 400, text
    return text


# --- the defects found, one regression test each --------------------------------------------


@pytest.mark.parametrize("value", [None, 3.0, ["scenarios/pinghu-2020.toml"], b"x.toml"])
def test_a_scenario_argument_of_another_type_is_one_line(value):
    with pytest.raises(InputError, match="scenario") as error:
        simulate(value)
    one_line(error)
    for call in (lambda: evaluate(value), lambda: sample(value, 3), lambda: ensemble(value, 3),
                 lambda: sensitivity(value), lambda: calibrate(value, ["rd_depreciation"]),
                 lambda: backtest(value), lambda: check(value, simulate(pinghu())),
                 lambda: plan_levers(value), lambda: lever_range(value, "fiscal_st_growth")):
        with pytest.raises(InputError, match="scenario"):
            call()


def test_paths_and_texts_of_another_type_are_one_line():
    with pytest.raises(InputError, match="path"):
        load_scenario(None)
    with pytest.raises(InputError, match="path"):
        load_scenario(b"scenarios/pinghu-2020.toml")
    for data in (None, 12, ["a"]):
        with pytest.raises(InputError, match="data"):
            parse_scenario(data)


def test_a_file_name_with_a_newline_is_reported_on_one_line(tmp_path):
    with pytest.raises(ScenarioError) as error:
        load_scenario(tmp_path / "two\nlines.toml")
    assert "two\\nlines.toml" in one_line(error)


@pytest.mark.parametrize("mapping", [1.0, [("fiscal_st_growth", 10)], "fiscal_st_growth", {3: 1.0}])
def test_levers_and_inputs_must_be_mappings_of_names(mapping):
    with pytest.raises(InputError, match="levers"):
        evaluate(pinghu(), levers=mapping)
    with pytest.raises(InputError, match="inputs"):
        evaluate(pinghu(), mapping)
    with pytest.raises(InputError, match="levers"):
        ensemble(pinghu(), 2, levers=mapping)
    with pytest.raises(InputError, match="fixed"):
        ensemble(pinghu(), 2, fixed=mapping)


@pytest.mark.parametrize("value", ["10", None, b"1", True, {"a": 1}, [], ["1", "2"]])
def test_a_lever_or_input_value_must_be_numbers(value):
    """``"10"`` used to pass as 10 and None as a TypeError traceback."""
    with pytest.raises(InputError, match="fiscal_st_growth") as error:
        simulate(pinghu(), levers={"fiscal_st_growth": value})
    one_line(error)
    with pytest.raises(InputError, match="rd_depreciation"):
        evaluate(pinghu(), {"rd_depreciation": value})
    with pytest.raises(InputError, match="fiscal_st_growth"):
        set_lever(plan_levers(pinghu()), "fiscal_st_growth", value)


def test_outputs_and_integration_are_checked():
    with pytest.raises(InputError, match="outputs"):
        evaluate(pinghu(), outputs=("nope",))
    with pytest.raises(InputError, match="outputs"):
        evaluate(pinghu(), outputs=3)
    with pytest.raises(InputError, match="integration"):
        evaluate(pinghu(), integration=np.array(["euler", "rk4"]))
    with pytest.raises(InputError, match="method"):
        sample(pinghu(), 3, method=np.array(["lhs", "sobol"]))
    assert evaluate(pinghu(), outputs=("gdp",)).indicators[0] == "gdp"


def test_shares_off_100_are_an_input_error():
    with pytest.raises(InputError, match="100 %"):
        evaluate(pinghu(), levers={"share_talent": 90.0})


def test_check_refuses_what_are_not_results():
    for results in ("x", None, np.zeros(3)):
        with pytest.raises(InputError, match="results"):
            check(pinghu(), results)


def test_what_it_takes_refuses_targets_it_cannot_judge():
    target = next(t for t in pinghu().targets if t.tracked)
    for bad in (None, 3, "rd_intensity"):
        with pytest.raises(InputError, match="target"):
            what_it_takes(pinghu(), bad, "fiscal_st_growth")
    with pytest.raises(InputError, match="outside the run") as error:  # was IndexError
        what_it_takes(pinghu(), kecheng().targets[0], "fiscal_st_growth")
    one_line(error)
    untracked = next((t for t in kecheng().targets if not t.tracked), None)
    if untracked is not None:
        with pytest.raises(InputError, match="not modelled"):  # was a bare ValueError
            what_it_takes(kecheng(), untracked, "fiscal_st_growth")
    with pytest.raises(InputError, match="lever"):
        what_it_takes(pinghu(), target, ["fiscal_st_growth"])   # was TypeError (unhashable)
    # Levers not given keep the plan's (was KeyError on a share missing from ``levers``).
    answer = what_it_takes(pinghu(), target, "share_rd_subsidies", levers={})
    assert answer.low <= (answer.value if answer.value is not None else answer.low)


def test_set_lever_and_changed_levers_refuse_in_one_line():
    plan = plan_levers(pinghu())
    with pytest.raises(InputError, match="share_incubation"):   # was KeyError
        set_lever({"share_rd_subsidies": 40.0}, "share_rd_subsidies", 50.0)
    with pytest.raises(InputError, match="above 100"):
        set_lever(dict(plan), "share_rd_subsidies", 101.0)
    with pytest.raises(InputError, match="grid"):
        set_lever(plan, "share_rd_subsidies", 50.0, grid=0)
    with pytest.raises(InputError, match="levers"):
        set_lever(3.0, "fiscal_st_growth", 10.0)
    with pytest.raises(InputError, match="not a finite"):        # NaN was dropped silently
        changed_levers(pinghu(), {**plan, "fiscal_st_growth": math.nan})
    with pytest.raises(InputError, match="unknown levers"):      # was KeyError
        changed_levers(pinghu(), {"nope": 1.0})


def test_calibration_and_backtest_arguments():
    with pytest.raises(InputError, match="no parameters"):
        calibrate(kecheng(), [])
    assert issubclass(CalibrationError, InputError)
    with pytest.raises(InputError, match="params"):
        calibrate(kecheng(), 3)
    with pytest.raises(InputError, match="backcast"):
        backtest(kecheng(), runs=2, backcast="yes")


@pytest.mark.parametrize("call", [
    lambda: simulate(pinghu(), runs=10**5000, seed=1),
    lambda: simulate(pinghu(), runs=3, seed=10**5000),
    lambda: sensitivity(pinghu(), n=10**5000),
    lambda: evaluate(pinghu(), dt=5e-324),
    lambda: what_it_takes(pinghu(), pinghu().targets[0], "fiscal_st_growth",
                          tolerance=10**400),
], ids=["runs", "seed", "n", "dt", "tolerance"])
def test_numbers_too_large_to_print_or_convert_are_one_line(call):
    """Were ValueError (Python's digit limit), OverflowError."""
    with pytest.raises(InputError) as error:
        call()
    one_line(error)


def test_a_bootstrap_needs_two_resamples():
    with pytest.raises(InputError, match="num_resamples"):  # one gave NaN and a warning
        sensitivity(pinghu(), n=16, num_resamples=1)


def quietly(call):
    """Run ``call`` with RuntimeWarnings as errors: a NaN on the way is a failure."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        return call()


def test_a_zero_divisor_in_one_run_of_many_is_one_line_without_warnings():
    """A zero start value in one run of an array raised a RuntimeWarning and went on."""
    with pytest.raises(ScenarioError, match="calibrated") as error:
        quietly(lambda: evaluate(pinghu(), {
            "baseline.invention_patent_grants": np.array([0.0, 5.0, 5.0])}))
    one_line(error)


def test_a_run_that_explodes_is_refused_not_returned_with_infinities():
    """An elasticity at its bound makes the fiscal loop explode: the run was returned full
    of inf and NaN (with RuntimeWarnings)."""
    with pytest.raises(ScenarioError,
                       match=r"run: .* is no longer a finite number \((nan|inf|-inf)\) in 20"
                       ) as error:
        quietly(lambda: ensemble(pinghu(), 6, seed=3166392, block_runs=4,
                                 fixed={"knowledge_elasticity": 2.0}))
    assert "elasticities" in one_line(error)


def test_a_zero_employment_rate_is_outside_its_domain():
    """Employed persons divide R&D personnel per 10k employed (division by zero before)."""
    with pytest.raises(InputError, match="employment_rate.*below 1"):
        quietly(lambda: evaluate(pinghu(), {"employment_rate": 0.0}))


def test_valid_calls_still_run_finite():
    results = quietly(lambda: simulate(pinghu(), runs=3, seed=1, levers={
        "fiscal_st_growth": 12.0}))
    assert np.isfinite(results.values[:, 1:, :]).all()
    assert all(v.probability is not None for v in check(pinghu(), results) if v.target.tracked)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
@settings(max_examples=20, deadline=None)
def test_an_ad_hoc_target_in_the_run_is_judged(value):
    target = Target(indicator="rd_intensity", op=">=", value=abs(value) % 10, year=2019,
                    quote="test", seed="test")
    answer = what_it_takes(pinghu(), target, "fiscal_st_growth")
    assert answer.low <= answer.high
