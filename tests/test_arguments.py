"""Issue 14: argument types and resource limits, one line each (InputError from Python,
exit 2 from the command line)."""

from __future__ import annotations

import math

import pytest

from model.cli import main
from model.ensemble import ensemble
from model.errors import InputError, ScenarioError
from model.goalseek import what_it_takes
from model.scenario import load_scenario
from model.sensitivity import sensitivity
from model.simulate import evaluate, sample, simulate
from model.targets import check

from .conftest import KECHENG, SCENARIOS

PINGHU = SCENARIOS / "pinghu-2020.toml"


@pytest.fixture(scope="module")
def pinghu():
    return load_scenario(PINGHU)


def one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and len(text) < 400
    return text


@pytest.mark.parametrize("runs", ["10", 2.5, 3.0, True, 0, -3])
def test_runs_must_be_a_whole_number_of_at_least_one(pinghu, runs):
    with pytest.raises(InputError, match="runs") as error:
        sample(pinghu, runs)
    one_line(error.value)
    with pytest.raises(InputError, match="runs"):
        ensemble(pinghu, runs)


def test_runs_beyond_memory_are_refused_with_the_cap_and_a_way_on(pinghu):
    with pytest.raises(InputError, match="GiB") as error:
        simulate(pinghu, runs=10**9, seed=1)
    text = one_line(error.value)
    assert "at most" in text and "--scheduler" in text and "ensemble" in text
    with pytest.raises(InputError, match="runs"):
        ensemble(pinghu, 10**12)


@pytest.mark.parametrize("seed", [-1, 1.5, "7", 2**64])
def test_seed_must_be_a_non_negative_whole_number(pinghu, seed):
    with pytest.raises(InputError, match="seed"):
        simulate(pinghu, runs=3, seed=seed)


@pytest.mark.parametrize("dt", [0, -0.25, math.nan, math.inf, 1e-9, 1e-300, 0.3, 1 / 128, "0.25"])
def test_dt_is_one_over_a_whole_number_up_to_64(pinghu, dt):
    with pytest.raises(InputError, match="dt"):
        evaluate(pinghu, dt=dt)
    with pytest.raises(InputError, match="dt"):
        simulate(pinghu, dt=dt)


def test_dt_of_one_sixty_fourth_still_runs(pinghu):
    assert math.isfinite(evaluate(pinghu, dt=1 / 64).values[:, -1, 0].sum())


@pytest.mark.parametrize("dt", ["1e-300", "1e-9", "0.01", "0", "-0.25"])
def test_dt_in_a_file_is_checked_the_same_way(tmp_path, dt):
    text = PINGHU.read_text(encoding="utf-8").replace("dt = 0.25", f"dt = {dt}", 1)
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match="dt") as error:
        load_scenario(path)
    one_line(error.value)


def test_arrays_of_different_lengths_are_refused(pinghu):
    import numpy as np

    with pytest.raises(InputError, match="different lengths"):
        evaluate(pinghu, {"baseline.population": np.full(3, 50.0),
                          "baseline.industrial_va": np.full(4, 500.0)})


def test_sensitivity_arguments(pinghu):
    with pytest.raises(InputError, match="'nope'"):
        sensitivity(pinghu, params=["nope"])
    with pytest.raises(KeyError):  # still a KeyError for callers that caught one
        sensitivity(pinghu, params=["nope"])
    with pytest.raises(InputError, match="at most"):
        sensitivity(pinghu, n=2**30)
    with pytest.raises(InputError, match="at most"):
        sensitivity(pinghu, method="morris", n=10**8)
    with pytest.raises(InputError, match="num_resamples"):
        sensitivity(pinghu, n=64, num_resamples=0)
    with pytest.raises(InputError, match="n"):
        sensitivity(pinghu, n=2.5)


def test_what_it_takes_arguments(pinghu):
    target = next(t for t in pinghu.targets if t.tracked)
    lever = "fiscal_st_budget_share"
    for bounds in [(math.nan, math.nan), (1e3, 1e6), (5, 5), (8, 2), ("a", "b"), (1,)]:
        with pytest.raises(InputError, match="bounds") as error:
            what_it_takes(pinghu, target, lever, bounds=bounds)
        one_line(error.value)
    for tolerance in (0, -1, math.nan):
        with pytest.raises(InputError, match="tolerance"):
            what_it_takes(pinghu, target, lever, tolerance=tolerance)
    with pytest.raises(InputError, match="runs"):
        what_it_takes(pinghu, target, lever, runs="10")
    with pytest.raises(InputError, match="'nope'"):
        what_it_takes(pinghu, target, "nope")


def test_check_refuses_results_of_another_scenario(pinghu):
    other = load_scenario(KECHENG)
    with pytest.raises(InputError, match="results") as error:
        check(pinghu, simulate(other))
    one_line(error.value)


@pytest.mark.parametrize("args", [
    ["run", "{s}", "--dt", "0"], ["run", "{s}", "--dt", "-0.25"], ["run", "{s}", "--dt", "nan"],
    ["run", "{s}", "--dt", "1e-9"], ["check", "{s}", "--runs", "1000000000"],
    ["check", "{s}", "--runs", "3", "--seed", "-1"],
    ["ensemble", "{s}", "--seed", "-1", "--out", "{out}"],
    ["ensemble", "{s}", "--runs", "1000000000", "--out", "{out}"],
    ["sensitivity", "{s}", "--n", "1073741824", "--out", "{out}"],
    ["sensitivity", "{s}", "--method", "morris", "--n", "100000000", "--out", "{out}"],
    ["sensitivity", "{s}", "--params", ",", "--out", "{out}"],
    ["sensitivity", "{s}", "--params", "nope", "--out", "{out}"],
])
def test_the_cli_answers_bad_options_in_one_line_with_exit_2(capsys, tmp_path, args):
    argv = [a.format(s=PINGHU, out=tmp_path / "out") for a in args]
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_set_lever_sampling_method_and_integration_are_checked(pinghu):
    from model.levers import plan_levers, set_lever

    levers = plan_levers(pinghu)
    with pytest.raises(InputError, match="not a finite number"):
        set_lever(levers, "fiscal_st_growth", math.nan)
    with pytest.raises(InputError, match="above"):
        set_lever(levers, "fiscal_st_budget_share", 1e6)
    with pytest.raises(KeyError, match="nope"):
        set_lever(levers, "nope", 1.0)
    with pytest.raises(InputError, match="method"):
        sample(pinghu, 3, 1, method="nope")
    with pytest.raises(InputError, match="method"):
        ensemble(pinghu, 3, 1, method="nope")
    with pytest.raises(InputError, match="integration"):
        evaluate(pinghu, integration="nope")


def test_too_many_ensemble_runs_say_how_to_go_on(capsys, tmp_path):
    code = main(["ensemble", str(PINGHU), "--runs", "1000000000", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "100,000,000" in err and "--scheduler" in err
