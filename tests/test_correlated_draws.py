"""Inputs drawn together (``moves_with`` / ``rank_correlation``) and inputs bounded by the
region (``Spec.upper_share_of``): issue 9's frozen-policy and extreme-condition work."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from model import evaluate, load_scenario, sample
from model.errors import InputError, ScenarioError
from model.levers import lever_range, region_spec
from model.scenario import parse_scenario
from model.sensitivity import sensitivity
from model.uncertainty import Uncertain, correlate

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
XINHUA = SCENARIOS / "xinhua-2025.toml"


def _xinhua_text() -> str:
    return XINHUA.read_text(encoding="utf-8")


def _edited(old: str, new: str) -> str:
    text = _xinhua_text()
    assert old in text, old
    return text.replace(old, new, 1)


# --- the copula ----------------------------------------------------------------------------------

def test_a_follower_keeps_its_distribution_and_takes_the_stated_rank_correlation():
    rng = np.random.default_rng(4)
    unit = rng.random((20_000, 2))
    for rho in (0.9, 0.5, -0.6):
        laws = [Uncertain("a", 0.0, 1.0), Uncertain("b", 10.0, 20.0, moves_with="a",
                                                    rank_correlation=rho)]
        drawn = correlate(laws, unit)
        assert np.array_equal(drawn[:, 0], unit[:, 0])       # the leader is untouched
        assert stats.spearmanr(drawn[:, 0], drawn[:, 1])[0] == pytest.approx(rho, abs=0.02)
        assert stats.kstest(drawn[:, 1], "uniform").pvalue > 0.01   # still uniform


def test_the_design_is_not_changed_in_place_and_a_lone_follower_moves_alone():
    unit = np.random.default_rng(1).random((100, 2))
    before = unit.copy()
    laws = [Uncertain("b", 0.0, 1.0, moves_with="a", rank_correlation=0.9),
            Uncertain("c", 0.0, 1.0)]
    assert np.array_equal(correlate(laws, unit), before)   # leader "a" not drawn here
    assert np.array_equal(unit, before)


def test_shipped_stock_moves_with_its_inflow_in_the_ensemble():
    scenario = load_scenario(XINHUA)
    drawn = sample(scenario, 2000, seed=3)
    stock, inflow = (drawn["baseline.invention_patents_per_10k"],
                     drawn["baseline.invention_patent_grants"])
    stated = scenario.baseline["invention_patents_per_10k"].rank_correlation
    assert stats.spearmanr(stock, inflow)[0] == pytest.approx(stated, abs=0.03)
    low, high = scenario.baseline["invention_patents_per_10k"].range
    assert low <= stock.min() and stock.max() <= high


def test_sobol_treats_a_pair_drawn_together_as_one_factor():
    scenario = load_scenario(XINHUA)
    params = ["baseline.invention_patent_grants", "baseline.invention_patents_per_10k",
              "patent_lapse"]
    result = sensitivity(scenario, "sobol", n=64, seed=2, params=params)
    assert result.inputs == ("baseline.invention_patent_grants", "patent_lapse")
    assert set(result.table["input"]) <= set(result.inputs)
    assert any("invention_patents_per_10k moves with" in w for w in result.warnings)


# --- validation of the file --------------------------------------------------------------------

@pytest.mark.parametrize(("entry", "problem"), [
    ('moves_with = "invention_patent_grants" }', "go together"),
    ('moves_with = "no_such_key", rank_correlation = 0.9 }', "no [baseline] key"),
    ('moves_with = "invention_patents_per_10k", rank_correlation = 0.9 }', "itself"),
    ('moves_with = "invention_patent_grants", rank_correlation = 1.5 }', "-1..1"),
])
def test_a_bad_correlation_is_one_line_naming_the_field(entry, problem):
    text = _xinhua_text()
    line = next(x for x in text.splitlines() if x.startswith("invention_patents_per_10k = {"))
    body = line[:line.index(", moves_with")] if ", moves_with" in line else line[:-1]
    bad = text.replace(line, f"{body}, {entry}")
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(bad, "xinhua-edited.toml")
    message = str(caught.value)
    assert "\n" not in message and problem in message
    assert "invention_patents_per_10k" in message and "xinhua-edited.toml" in message


def test_a_follower_whose_leader_gets_a_source_is_drawn_alone():
    text = _xinhua_text()
    line = next(x for x in text.splitlines() if x.startswith("invention_patent_grants = {"))
    sourced = text.replace(line, 'invention_patent_grants = { value = 60, source = "bulletin" }')
    scenario = parse_scenario(sourced, "sourced.toml")
    drawn = sample(scenario, 500, seed=1)
    assert np.ptp(np.atleast_1d(drawn.get("baseline.invention_patent_grants", 60.0))) == 0
    assert np.ptp(drawn["baseline.invention_patents_per_10k"]) > 0


def test_a_chain_of_followers_is_refused():
    text = _xinhua_text()
    line = next(x for x in text.splitlines() if x.startswith("invention_patent_grants = {"))
    chained = text.replace(line, line[:-1].rstrip() + ', moves_with = "tech_smes_new_per_year", '
                                                    'rank_correlation = 0.5 }')
    with pytest.raises(ScenarioError, match="itself moves with"):
        parse_scenario(chained, "chain.toml")


# --- bounds relative to the region --------------------------------------------------------------

def test_relocations_are_bounded_by_the_regions_high_tech_enterprises():
    scenario = load_scenario(SCENARIOS / "kecheng-2027.toml")
    start = scenario.baseline["hightech_enterprises"].value
    bound = region_spec(scenario, "hightech_relocations_per_year").upper
    assert bound == pytest.approx(0.12 * start, rel=1e-3)
    assert lever_range(scenario, "hightech_relocations_per_year")[1] <= bound
    with pytest.raises(InputError) as caught:
        evaluate(scenario, levers={"hightech_relocations_per_year": bound + 1})
    assert "high-tech enterprises" in str(caught.value) and "\n" not in str(caught.value)
    evaluate(scenario, levers={"hightech_relocations_per_year": bound})   # the bound is valid


def test_a_small_county_keeps_the_floor_of_two_a_year():
    scenario = load_scenario(SCENARIOS / "baojing-2021.toml")
    assert scenario.baseline["hightech_enterprises"].value * 0.12 < 2
    assert region_spec(scenario, "hightech_relocations_per_year").upper == 2


def test_a_file_moving_in_more_firms_than_the_region_can_hold_is_refused():
    text = _edited('hightech_relocations_per_year = { value = 1, assumption = true, '
                   'range = [0, 4] }',
                   'hightech_relocations_per_year = { value = 1, assumption = true, '
                   'range = [0, 40] }')
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "xinhua-many.toml")
    message = str(caught.value)
    assert "levers.hightech_relocations_per_year.range" in message
    assert "40 is above" in message and "xinhua-many.toml" in message
