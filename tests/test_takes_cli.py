"""``innosim what-it-takes``: the answer reaches the target and a little less does not."""

from __future__ import annotations

import json

from model import check, load_scenario, simulate
from model.cli import main

from .conftest import KECHENG


def _answer(capsys, *args: str) -> tuple[int, dict]:
    code = main(["what-it-takes", str(KECHENG), *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def _reached(lever: str, value: float, indicator: str) -> bool:
    scenario = load_scenario(KECHENG)
    verdicts = check(scenario, simulate(scenario, levers={lever: value}))
    return next(v for v in verdicts if v.target.indicator == indicator).verdict == "reached"


def test_the_value_found_just_reaches_the_target(capsys):
    lever = "hightech_investment_growth"
    code, answer = _answer(capsys, "--target", "rd_intensity", "--lever", lever)
    assert code == 0 and answer["status"] == "reachable" and answer["direction"] == "at least"
    # The plan's own value is on the side of the answer its verdict says.
    plan_reaches = _reached(lever, answer["plan_value"], "rd_intensity")
    assert (answer["value"] <= answer["plan_value"]) == plan_reaches
    assert _reached(lever, answer["value"], "rd_intensity")
    assert not _reached(lever, answer["value"] - 0.05, "rd_intensity")


def test_a_target_out_of_the_levers_reach_says_so(capsys):
    code, answer = _answer(capsys, "--target", "tech_smes", "--lever", "fiscal_st_growth")
    assert code == 0 and answer["status"] == "not reachable" and answer["value"] is None
    assert not _reached("fiscal_st_growth", answer["range"][1], "tech_smes")


def test_bad_target_or_lever_is_one_line_exit_2(capsys):
    for args, words in ((["--target", "rd_intensty", "--lever", "fiscal_st_growth"],
                         "no modelled target for 'rd_intensty'"),
                        (["--target", "1", "--lever", "fiscal_growth"],
                         "unknown lever 'fiscal_growth'"),
                        (["--target", "99", "--lever", "fiscal_st_growth"],
                         "no target number 99")):
        code = main(["what-it-takes", str(KECHENG), *args])
        err = capsys.readouterr().err
        assert code == 2 and words in err and len(err.strip().splitlines()) == 1


def _probability(lever: str, value: float, indicator: str) -> float:
    from model.targets import VERDICT_RUNS, VERDICT_SEED

    scenario = load_scenario(KECHENG)
    verdicts = check(scenario, simulate(scenario, runs=VERDICT_RUNS, seed=VERDICT_SEED,
                                        levers={lever: value}))
    return next(v for v in verdicts if v.target.indicator == indicator).probability


def test_with_confidence_the_value_reaches_the_target_that_often_and_the_app_agrees(capsys):
    """Issue 11, item 2: `takes --probability 0.8` and the app's goal seek at 80 % give the
    same number; at it the verdict table's ensemble reaches the target in >= 80 % of runs."""
    import sys

    from streamlit.testing.v1 import AppTest

    from .test_app import APP, TIMEOUT_S

    lever = "hightech_investment_growth"
    code = main(["takes", str(KECHENG), "--target", "rd_intensity", "--lever", lever,
                 "--probability", "0.8", "--format", "json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 0 and answer["status"] == "reachable"
    assert (answer["probability"], answer["runs"]) == (0.8, 500)
    value = answer["value"]
    assert _probability(lever, value, "rd_intensity") >= 0.8
    assert _probability(lever, value - 0.05, "rd_intensity") < 0.8
    median = main(["takes", str(KECHENG), "--target", "rd_intensity", "--lever", lever,
                   "--probability", "0.5", "--format", "json"])
    assert median == 0 and json.loads(capsys.readouterr().out)["value"] < value

    main_module = sys.modules["__main__"]
    try:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
        at.run()
        at.selectbox(key="goal_target:kecheng-2027.toml:zh").set_value(0)
        at.selectbox(key="goal_lever:kecheng-2027.toml:zh").set_value(lever)
        at.selectbox(key="goal_probability:zh").set_value(0.8)
        at.button(key="goal_run:kecheng-2027.toml").click().run()
        shown = " ".join(s.value for s in at.success)
    finally:
        sys.modules["__main__"] = main_module
    assert f"至少需要 {value:.2f} %/年" in shown and "至少 80% 达成" in shown, shown


def test_a_probability_outside_0_to_1_is_one_line_exit_2(capsys):
    code = main(["takes", str(KECHENG), "--target", "rd_intensity", "--lever",
                 "fiscal_st_growth", "--probability", "80"])
    err = capsys.readouterr().err
    assert code == 2 and "--probability" in err and len(err.strip().splitlines()) == 1
