"""Streamed ensembles: probabilities, quantile sketches, chunking, Dask, the CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest

from model import evaluate, sample
from model.cli import main
from model.ensemble import QUANTILES, ensemble, merge_quantiles, sketch
from model.targets import check
from model.uncertainty import draw, uncertain

RUNS = 6000


@pytest.fixture(scope="module")
def exact(kecheng):
    """The same design run whole, kept in memory: the reference for the reductions."""
    results = evaluate(kecheng, sample(kecheng, RUNS, seed=3))
    return results, check(kecheng, results)


def test_probabilities_are_exact_and_independent_of_blocks(kecheng, exact):
    results, verdicts = exact
    one = ensemble(kecheng, RUNS, seed=3)
    many = ensemble(kecheng, RUNS, seed=3, block_runs=1000)
    for a, b, reference in zip(one.verdicts, many.verdicts, verdicts, strict=True):
        assert a.probability == b.probability == reference.probability
    tracked = [v.probability for v in one.verdicts if v.target.tracked]
    assert 0 < sum(tracked) < len(tracked)
    assert all(v.probability is None for v in one.verdicts if not v.target.tracked)


def test_one_block_quantiles_are_numpys(kecheng, exact):
    results, _ = exact
    one = ensemble(kecheng, RUNS, seed=3)
    table = one.quantiles[one.quantiles.indicator == "hightech_enterprises"]
    expected = np.quantile(results.sel("hightech_enterprises"), QUANTILES, axis=1).T
    assert np.allclose(table[["q05", "q25", "q50", "q75", "q95"]].to_numpy(), expected,
                       rtol=1e-12)


def test_merged_quantiles_are_within_the_sketch_rank_error(kecheng, exact):
    results, _ = exact
    many = ensemble(kecheng, RUNS, seed=3, block_runs=700)
    for indicator in ("rd_intensity", "tech_smes", "gdp"):
        values = results.sel(indicator)[-1]
        row = many.quantiles[(many.quantiles.indicator == indicator) &
                             (many.quantiles.year == int(results.years[-1]))]
        for q in QUANTILES:
            low, high = np.quantile(values, [q - 0.002, q + 0.002])
            assert low <= float(row[f"q{round(q * 100):02d}"].iloc[0]) <= high


def test_mixture_of_two_different_blocks_has_the_pooled_median():
    rng = np.random.default_rng(0)
    a, b = rng.normal(0, 1, 5000), rng.normal(5, 1, 15000)
    merged = merge_quantiles([sketch(a[None]), sketch(b[None])], [5000, 15000], [0.25, 0.5])
    pooled = np.quantile(np.concatenate([a, b]), [0.25, 0.5])
    assert np.allclose(merged[0], pooled, atol=0.02)


def test_progress_reports_every_block(kecheng):
    calls = []
    ensemble(kecheng, 2500, seed=1, block_runs=1000, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_same_numbers_on_a_two_worker_cluster(kecheng):
    distributed = pytest.importorskip("dask.distributed")
    local = ensemble(kecheng, 3000, seed=5, block_runs=1000)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = ensemble(kecheng, 3000, seed=5, block_runs=1000, client=client)
    assert [v.probability for v in remote.verdicts] == [v.probability for v in local.verdicts]
    assert remote.target_quantiles == local.target_quantiles
    assert remote.quantiles.equals(local.quantiles)


def test_cli_prints_json_and_writes_csv_and_png(tmp_path, capsys):
    from conftest import KECHENG

    from model import load_scenario

    code = main(["ensemble", str(KECHENG), "--runs", "300", "--seed", "2", "--out",
                 str(tmp_path), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    scenario = load_scenario(KECHENG)
    assert document["runs"] == 300 and len(document["targets"]) == len(scenario.targets)
    tracked = [t for t in document["targets"] if t["verdict"] != "not modelled"]
    assert len(tracked) == sum(t.tracked for t in scenario.targets)
    assert all(0 <= t["probability"] <= 1 for t in tracked)
    assert (tmp_path / "kecheng-2027-quantiles.csv").stat().st_size > 1000
    assert (tmp_path / "kecheng-2027-fan.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(("options", "words"), [
    (["--runs", "0"], "--runs: 0"),
    (["--seed", "-4"], "--seed: -4"),
    (["--scheduler", "tcp://127.0.0.1:9"], "--scheduler: cannot reach"),
])
def test_cli_bad_options_are_one_line_exit_2(tmp_path, capsys, options, words):
    from conftest import KECHENG


    code = main(["ensemble", str(KECHENG), "--runs", "50", "--out", str(tmp_path), *options])
    error = capsys.readouterr().err.strip()
    assert code == 2
    assert words in error and "\n" not in error and "Traceback" not in error


def test_a_worker_lost_mid_run_is_replaced_and_no_block_is_dropped(kecheng):
    distributed = pytest.importorskip("dask.distributed")
    import os
    import signal

    local = ensemble(kecheng, 4000, seed=8, block_runs=250)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        victim = sorted(client.scheduler_info()["workers"])[0]
        pid = client.run(os.getpid, workers=[victim])[victim]
        killed = []

        def kill_one_worker(done: int, total: int) -> None:
            if done == 2 and not killed:  # blocks are still queued and running
                os.kill(pid, signal.SIGKILL)
                killed.append(victim)

        remote = ensemble(kecheng, 4000, seed=8, block_runs=250, client=client,
                          progress=kill_one_worker)
    assert killed
    assert [v.probability for v in remote.verdicts] == [v.probability for v in local.verdicts]
    assert remote.quantiles.equals(local.quantiles)


def test_simulate_reports_progress_per_chunk(kecheng):
    from model import simulate
    from model.simulate import CHUNK_RUNS

    calls = []
    simulate(kecheng, runs=2 * CHUNK_RUNS + 5, seed=1, progress=lambda d, t: calls.append(d))
    assert calls == [CHUNK_RUNS, 2 * CHUNK_RUNS, 2 * CHUNK_RUNS + 5]


def test_lever_changes_and_fixed_inputs_reach_every_block(kecheng):
    policy, fixed = {"fiscal_st_growth": 30.0}, {"recertification_rate": 90.0}
    result = ensemble(kecheng, 400, seed=5, levers=policy, fixed=fixed, block_runs=150)
    laws = [law for law in uncertain(kecheng) if law.key not in fixed]
    inputs = {**draw(laws, 5, "lhs", 0, 400, 400), **fixed}
    exact = check(kecheng, evaluate(kecheng, inputs, levers=policy))
    assert [v.probability for v in result.verdicts] == [v.probability for v in exact]
    plain = ensemble(kecheng, 400, seed=5, block_runs=150)
    assert [v.probability for v in result.verdicts] != [v.probability for v in plain.verdicts]
