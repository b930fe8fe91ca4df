"""What one slider move computes (app.compute.compute_view): the central run rides as run 0
of the ensemble's batch (one pass of the model instead of two), so it must give what two
separate calls give, and refuse what they refuse, in the same words."""

from __future__ import annotations

import numpy as np
import pytest

from app.compute import Bands, compute_view, ensemble_inputs
from model.errors import ScenarioError
from model.levers import changed_levers, plan_levers, set_lever
from model.scenario import load_scenario
from model.simulate import evaluate
from model.targets import check

from .conftest import KECHENG, SCENARIOS


@pytest.mark.parametrize("path", [KECHENG, SCENARIOS / "pinghu-2020.toml"],
                         ids=lambda p: p.stem)
def test_the_batch_gives_what_two_separate_runs_give(path):
    scenario = load_scenario(path)
    levers = plan_levers(scenario)
    if "fiscal_st_growth" in levers:
        levers = set_lever(levers, "fiscal_st_growth", 21.0)
    parameters = {"rd_depreciation": 18.0}
    shown = compute_view(scenario, levers, parameters, runs=60, seed=4)

    policy = changed_levers(scenario, levers)
    central = evaluate(scenario, parameters, levers=policy)
    ensemble = evaluate(scenario, ensemble_inputs(scenario, parameters, 60, 4), levers=policy)
    # The draws: bit for bit. The central run: numpy's vector and scalar loops may differ in
    # the last bit, nothing more.
    np.testing.assert_allclose(shown.central.values, central.values, rtol=1e-14, atol=0)
    assert shown.central.n_runs == 1 and shown.central.indicators == central.indicators
    quantiles = np.quantile(ensemble.values, (0.05, 0.5, 0.95), axis=2)
    key = "rd_intensity"
    row = ensemble.indicators.index(key)
    np.testing.assert_array_equal(shown.bands[key].to_numpy(), quantiles[:, row, :].T)
    assert [v.probability for v in shown.verdicts] == [
        v.probability for v in check(scenario, ensemble)]
    assert [v.verdict for v in shown.central_verdicts] == [
        v.verdict for v in check(scenario, central)]
    # Each run's inputs are its own: the central run holds the edited parameter.
    assert shown.central.inputs["rd_depreciation"].tolist() == [18.0]


def test_a_refused_run_is_refused_in_the_words_of_a_lone_run(kecheng):
    """An elasticity at its bound makes the loop explode: the batch refuses it as the
    central run alone does (no run numbers of the batch in the message)."""
    parameters = {"knowledge_elasticity": 2.0}
    with pytest.raises(ScenarioError) as alone:
        evaluate(kecheng, parameters)
    with pytest.raises(ScenarioError) as batch:
        compute_view(kecheng, plan_levers(kecheng), parameters, runs=20, seed=1)
    assert str(batch.value) == str(alone.value)


def test_bands_are_made_when_read_and_read_alike():
    quantiles = np.arange(2 * 3 * 4, dtype=float).reshape(3, 2, 4)   # (q, indicator, year)
    bands = Bands(quantiles, ("a", "b"), np.arange(2020, 2024))
    assert list(bands) == ["a", "b"] and len(bands) == 2 and "b" in bands
    first = bands["b"]
    assert first is bands["b"]   # made once
    assert list(first.columns) == ["q05", "q50", "q95"]
    assert first.loc[2021].tolist() == [5.0, 13.0, 21.0]
    with pytest.raises(KeyError):
        bands["c"]
