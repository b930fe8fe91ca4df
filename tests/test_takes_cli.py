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
