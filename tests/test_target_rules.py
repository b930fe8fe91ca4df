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


# --- "达到X左右": about-or-above, and the plan's language (issue 10) ---------------------------

def test_about_or_above_counts_any_value_above_and_one_below_within_the_tolerance():
    t = target(op="about_or_above", value=25.0)                 # default tolerance 1.25
    values = np.array([22.0, 23.8, 25.0, 26.6, 40.0])
    assert list(holds(t, values)) == [False, True, True, True, True]
    # the symmetric band misses 26.6 (Cangzhou's 达到25%左右 judged wrongly before)
    assert list(holds(target(op="about", value=25.0), values)) == [False, True, True, False,
                                                                   False]
    assert margin(t, values) == pytest.approx(values - 23.75)
    own = target(op="about_or_above", value=25.0, tolerance=0.5)
    assert list(holds(own, np.array([24.4, 24.6]))) == [False, True]


def test_about_or_above_shows_the_lowest_value_that_counts():
    t = target(op="about_or_above", value=25.0)
    assert describe(t, "zh") == "≳ 25 (≥ 25 − 1.25)"
    assert describe(t, plain=True) == "about_or_above 25 (>= 25 - 1.25)"


def test_cangzhou_25_per_cent_or_so_is_reached_at_26_6():
    scenario = parse_scenario((KECHENG.parent / "cangzhou-2022.toml").read_bytes())
    share = next(t for t in scenario.targets if t.indicator == "hightech_va_share")
    assert share.op == "about_or_above" and holds(share, np.array([26.6]))[0]
    assert not holds(share, np.array([23.0]))[0]


def test_a_tolerance_belongs_to_an_about_target_only():
    with pytest.raises(ValueError, match="tolerance applies to op"):
        target(op=">=", value=10.0, tolerance=1.0)


def test_a_proxy_names_the_statistic_in_both_languages_and_only_on_a_judged_target():
    judged = target(op=">=", value=1.0, proxy={"zh": "代理", "en": "a proxy"})
    assert judged.proxy is not None and judged.proxy.en == "a proxy"
    for proxy in ({"zh": "代理"}, {"zh": " ", "en": "x"}, {"zh": "代理", "en": "x", "fr": "y"}):
        with pytest.raises(ValueError):
            target(op=">=", value=1.0, proxy=proxy)
    with pytest.raises(ValueError, match="not judged"):
        target(op=">=", value=1.0, tracked=False, reason="r", proxy={"zh": "代理", "en": "x"})


def test_a_proxy_and_a_bad_one_in_a_file_give_one_line():
    text = KECHENG.read_text(encoding="utf-8")
    line = 'quote = "高新技术企业达到250家以上"\n'
    marked = text.replace(line, line + 'proxy = { zh = "代理", en = "x" }\n')
    assert parse_scenario(marked.encode()).targets[5].proxy.zh == "代理"
    broken = text.replace('quote = "高新技术企业达到250家以上"\n',
                          'quote = "高新技术企业达到250家以上"\nproxy = "only one language"\n')
    with pytest.raises(ScenarioError, match=r"targets\[5\]\.proxy") as caught:
        parse_scenario(broken.encode())
    assert "\n" not in str(caught.value)


def test_an_assumed_target_year_needs_its_note():
    text = KECHENG.read_text(encoding="utf-8").replace(
        "target_year = 2027\n", "target_year = 2027\ntarget_year_assumed = true\n")
    with pytest.raises(ScenarioError, match="target_year_note"):
        parse_scenario(text.encode())
    noted = text.replace("target_year_assumed = true\n", "target_year_assumed = true\n"
                         'target_year_note = "the text garbles it"\n')
    assert parse_scenario(noted.encode()).meta.target_year_assumed


def test_a_verdict_record_carries_the_wording_the_proxy_and_the_tolerance():
    from model.targets import Verdict
    t = target(op="about_or_above", value=25.0, proxy={"zh": "代理", "en": "a proxy"},
               quote="达到25%左右")
    record = Verdict(t, 26.0, 1.0, None, "reached", 2024, "%").record()
    assert record["quote"] == "达到25%左右" and record["tolerance"] == pytest.approx(1.25)
    assert (record["proxy_zh"], record["proxy_en"]) == ("代理", "a proxy")
