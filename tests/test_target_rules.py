"""The rules about targets, each written once (model/targets.py) and used everywhere:
margin, "about" tolerance, units of the compared quantity, wording, labels, the share
tolerance and quantile names."""

from __future__ import annotations

import numpy as np
import pytest

from model import goalseek, sensitivity
from model.catalogue import (
    ALLOCATION_SHARES,
    INDICATORS,
    LEVERS,
    SHARE_TOLERANCE,
    shares_sum_off,
)
from model.errors import ScenarioError
from model.results import quantile_name
from model.scenario import Target, parse_scenario
from model.targets import (
    DEFAULT_ABOUT_TOLERANCE,
    about_tolerance,
    compared_unit,
    describe,
    holds,
    kind_word,
    label,
    margin,
    verdict_word,
)

from .conftest import KECHENG


def target(**fields) -> Target:
    fields.setdefault("indicator", "x")
    fields.setdefault("year", 2025)
    fields.setdefault("quote", "测试")
    fields.setdefault("seed", "test.txt")
    return Target(**fields)


def test_goal_seeking_and_sensitivity_use_the_one_margin():
    assert goalseek.margin is margin and sensitivity.margin is margin


@pytest.mark.parametrize("fields", [
    {"op": ">", "value": 10.0}, {"op": ">=", "value": 10.0}, {"op": "<", "value": 10.0},
    {"op": "<=", "value": 10.0}, {"op": "about", "value": 10.0},
    {"op": "about", "value": 10.0, "tolerance": 2.0},
])
def test_the_margin_is_positive_where_the_target_holds(fields):
    t = target(**fields)
    values = np.array([7.0, 9.4, 9.6, 11.0, 13.0])
    reached = margin(t, values) > 0
    assert list(reached) == list(holds(t, values) & (np.abs(margin(t, values)) > 1e-9))


def test_about_tolerance_is_the_targets_own_or_five_per_cent_of_it():
    assert about_tolerance(target(op="about", value=-200.0)) == pytest.approx(
        200.0 * DEFAULT_ABOUT_TOLERANCE) == pytest.approx(10.0)
    assert about_tolerance(target(op="about", value=200.0, tolerance=3.0)) == 3.0
    assert list(margin(target(op="about", value=100.0), np.array([95.5, 104.5, 106.0]))) == \
        pytest.approx([0.5, 0.5, -1.0])


@pytest.mark.parametrize(("kind", "unit", "shown"), [
    ("level", "件/年", "件/年"), ("flow", "件/年", "件/年"), ("cumulative", "件/年", "件"),
    ("cumulative", "亿元", "亿元"), ("growth", "亿元", "%/年"), ("rises", "%", "百分点"),
    ("rises", "家", "家"),
])
def test_the_compared_quantity_has_its_own_unit(kind, unit, shown):
    assert compared_unit(kind, unit) == shown


def test_describe_says_each_kind_in_both_languages_and_both_symbol_sets():
    level = target(op=">=", value=250.0)
    assert describe(level, "zh") == "≥ 250"
    assert describe(level, year=True, plain=True) == ">= 250 (2025)"
    total = target(kind="cumulative", op=">=", value=400.0, from_year=2021)
    assert describe(total, plain=True) == ">= 400 (Σ 2021-2025)"
    growth = target(kind="growth", op=">", value=10.0, from_year=2020)
    assert describe(growth, "zh") == "＞ 10 (年均增速 2020-2025)"
    about = target(kind="flow", op="about", value=1200.0, tolerance=120.0, from_year=2021)
    assert describe(about, "en") == "≈ 1200 ± 120 (2021-2025 every year)"
    assert describe(about, plain=True) == "about 1200 ± 120 (2021-2025 every year)"
    assert describe(target(kind="rises", from_year=2020), "en") == "rises every year (2020-2025)"
    untracked = target(tracked=False, reason="not in the model")
    assert describe(untracked) == "" and describe(untracked, year=True) == "(2025)"


def test_labels_name_indicator_kind_and_span():
    assert label(target(indicator="rd_intensity", op=">", value=3.0, year=2027)) == \
        "rd_intensity 2027"
    assert label(target(indicator="p", kind="cumulative", op=">=", value=1.0,
                        from_year=2023, year=2027)) == "p sum 2023-2027"
    assert label(target(indicator="p", kind="rises", from_year=2023)) == "p rises 2023-2025"


def test_kind_and_verdict_words():
    assert kind_word("cumulative", "zh") == "累计" and kind_word("growth", "en") == \
        "average growth"
    assert verdict_word("missed", "zh") == "未达成" and verdict_word("reached", "en") == \
        "reached"
    assert kind_word("unknown", "zh") == "unknown"


def test_optional_fields_that_validation_guarantees_are_typed_and_refused_when_absent():
    t = target(op=">=", value=3.0)
    assert (t.goal, t.relation) == (3.0, ">=")
    with pytest.raises(ValueError, match="has no from_year"):
        _ = t.start_year
    rises = target(kind="rises", from_year=2020)
    assert rises.start_year == 2020
    with pytest.raises(ValueError, match="has no value"):
        _ = rises.goal
    assert LEVERS["fiscal_st_growth"].default_value == LEVERS["fiscal_st_growth"].default
    with pytest.raises(ValueError, match="has no default value"):
        _ = INDICATORS["rd_intensity"].default_value


def _with_talent_share(value: float) -> str:
    text = KECHENG.read_text("utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("share_talent ="))
    entry = line.split("value = ", 1)[1].split(",", 1)[0]
    return text.replace(line, line.replace(f"value = {entry}", f"value = {value}"), 1)


def test_allocation_shares_may_be_off_by_the_share_tolerance_and_no_more():
    assert SHARE_TOLERANCE == 0.01
    assert not shares_sum_off(100.0 + SHARE_TOLERANCE / 2)
    assert shares_sum_off(100.0 + SHARE_TOLERANCE * 2)
    current = parse_scenario(KECHENG.read_bytes()).input_value("share_talent")
    parse_scenario(_with_talent_share(current + SHARE_TOLERANCE / 2))  # loads
    with pytest.raises(ScenarioError, match="allocation shares sum to"):
        parse_scenario(_with_talent_share(current + SHARE_TOLERANCE * 2))
    assert len(ALLOCATION_SHARES) == 5


def test_quantile_names():
    assert [quantile_name(q) for q in (0.05, 0.25, 0.5, 0.75, 0.95)] == \
        ["q05", "q25", "q50", "q75", "q95"]
