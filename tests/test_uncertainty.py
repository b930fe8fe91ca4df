"""Distributions in scenario entries, and the sampling design (LHS, Sobol, random)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import KECHENG
from scipy import stats

from model import sample
from model.errors import ScenarioError
from model.scenario import validate_document
from model.uncertainty import BLOCK_RUNS, Uncertain, uncertain, unit_design


def _document_with(entry: dict, key: str = "nonindustrial_growth") -> dict:
    import tomllib

    document = tomllib.loads(KECHENG.read_text(encoding="utf-8"))
    document.setdefault("parameters", {})[key] = entry
    return document


@pytest.mark.parametrize(("entry", "words"), [
    ({"value": 5, "assumption": True, "range": [8, 3]}, "low end above its high end"),
    ({"value": 5, "assumption": True, "range": [3, 8], "distribution": "truncnormal",
      "sd": -1.0}, "sd -1 must be positive"),
    ({"value": 5, "assumption": True, "range": [3, 8], "distribution": "truncnormal"},
     "needs sd"),
    ({"value": 9, "assumption": True, "range": [3, 8], "distribution": "uniform"},
     "outside its range"),
    ({"value": 5, "assumption": True, "range": [3, 8], "distribution": "triangular",
      "mode": 9.0}, "mode 9 lies outside"),
    ({"value": 5, "source": "x", "distribution": "uniform"}, "needs range"),
    ({"value": 5, "assumption": True, "range": [3, 8], "distribution": "gamma"}, "gamma"),
    ({"value": 5, "assumption": True, "range": [3, 8], "sd": 1.0}, "need distribution"),
])
def test_bad_distributions_are_one_line_errors_naming_the_field(entry, words):
    with pytest.raises(ScenarioError) as caught:
        validate_document(_document_with(entry), "k.toml")
    line = str(caught.value)
    assert "\n" not in line
    assert line.startswith("k.toml: parameters.nonindustrial_growth")
    assert words in line


def test_unknown_history_indicator_is_an_error():
    import tomllib

    document = tomllib.loads(KECHENG.read_text(encoding="utf-8"))
    document["history"] = [{"indicator": "rd_intensty", "year": 2021, "value": 2.0,
                            "source": "x"}]
    with pytest.raises(ScenarioError, match=r"history\[0\]\.indicator.*rd_intensity"):
        validate_document(document, "k.toml")


@pytest.mark.parametrize("law", [
    Uncertain("x", 2.0, 10.0),
    Uncertain("x", 2.0, 10.0, "triangular", centre=4.0),
    Uncertain("x", 2.0, 10.0, "truncnormal", centre=4.0, sd=3.0),
    Uncertain("x", 2.0, 10.0, "lognormal", centre=4.0, sd=0.5),
])
def test_every_distribution_stays_in_its_range_and_matches_its_law(law):
    u = np.random.default_rng(0).random(20_000)
    values = law.ppf(u)
    assert values.min() >= law.low and values.max() <= law.high
    reference = {
        "uniform": stats.uniform(2, 8),
        "triangular": stats.triang(0.25, loc=2, scale=8),
        "truncnormal": stats.truncnorm(-2 / 3, 2, loc=4, scale=3),
        "lognormal": None,
    }[law.distribution]
    if reference is not None:
        assert stats.kstest(values, reference.cdf).pvalue > 1e-3
    else:  # median of the truncated law: the untruncated median 4 shifts only a little
        assert 3.5 < np.median(values) < 4.5


@pytest.mark.parametrize("method", ["lhs", "sobol", "random"])
def test_a_design_does_not_depend_on_how_it_is_cut(method):
    total = BLOCK_RUNS + 1000
    whole = unit_design(3, 7, method, 0, total, total)
    cuts = [0, 100, BLOCK_RUNS - 5, BLOCK_RUNS + 17, total]
    pieces = np.concatenate([unit_design(3, 7, method, a, b, total)
                             for a, b in zip(cuts[:-1], cuts[1:], strict=True)])
    assert np.array_equal(whole, pieces)
    assert ((whole >= 0) & (whole < 1)).all()


def test_latin_hypercube_puts_one_point_in_each_stratum():
    points = unit_design(4, 3, "lhs", 0, 50, 50)
    for column in points.T:
        assert sorted(np.floor(column * 50).astype(int)) == list(range(50))


def test_sample_uses_the_scenarios_distributions(kecheng):
    copy = kecheng.model_copy(deep=True)
    entry = copy.baseline["gdp"].model_copy(update={"distribution": "truncnormal", "sd": 5.0})
    copy.baseline["gdp"] = entry
    laws = {u.key: u for u in uncertain(copy)}
    assert laws["baseline.gdp"].distribution == "truncnormal"
    drawn = sample(copy, 4000, seed=1)["baseline.gdp"]
    uniform = sample(kecheng, 4000, seed=1)["baseline.gdp"]
    assert abs(np.mean(drawn) - 280) < 1 and np.std(drawn) < 6 < np.std(uniform)


def test_same_seed_same_draws_other_seed_other_draws(kecheng):
    a, b, c = (sample(kecheng, 64, seed=s, method="sobol") for s in (1, 1, 2))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["baseline.gdp"], c["baseline.gdp"])


def test_a_distribution_on_a_lever_is_refused():
    import tomllib

    document = tomllib.loads(KECHENG.read_text(encoding="utf-8"))
    document["levers"]["share_talent"]["distribution"] = "uniform"
    with pytest.raises(ScenarioError, match=r"levers\.share_talent\.distribution"):
        validate_document(document, "k.toml")


def test_start_year_allocation_shares_are_drawn_as_one_split():
    from pathlib import Path

    from model import load_scenario, sample
    from model.catalogue import ALLOCATION_SHARES

    path = Path(__file__).resolve().parents[1] / "scenarios" / "kecheng-2027-accelerated.toml"
    scenario = load_scenario(path)
    assert any(k in scenario.baseline for k in ALLOCATION_SHARES)  # start-year shares stated
    draws = sample(scenario, 50, seed=2)
    total = sum(draws[f"baseline.{k}"] if f"baseline.{k}" in draws
                else draws[k] for k in ALLOCATION_SHARES)
    assert abs(total - 100.0).max() < 1e-9
