"""Global sensitivity (SALib) of target margins: signs, rankings, warnings, CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest

from model.cli import main
from model.scenario import Target
from model.sensitivity import margin, sensitivity

FEW = ["baseline.high_level_recruits", "baseline.gdp", "talent_programme_share"]
SUM_TARGET = "high_level_recruitment sum 2023-2027"


def _target(op, value=10.0, **extra):
    return Target(indicator="gdp", op=op, value=value, year=2025, quote="q", seed="s",
                  **extra)


def test_margin_is_positive_exactly_when_reached():
    values = np.array([8.0, 10.0, 12.0])
    assert list(margin(_target(">="), values)) == [-2.0, 0.0, 2.0]
    assert list(margin(_target("<="), values)) == [2.0, 0.0, -2.0]
    assert list(margin(_target("about", tolerance=1.0), values)) == [-1.0, 1.0, -1.0]


@pytest.mark.parametrize("method", ["sobol", "morris"])
def test_the_input_a_target_is_built_from_ranks_first_and_an_unrelated_one_last(kecheng,
                                                                                method):
    result = sensitivity(kecheng, method, 64 if method == "sobol" else 20, seed=1,
                         params=FEW)
    table = result.table[result.table.target == SUM_TARGET].set_index("input")
    index = result.index
    assert table[index].idxmax() == "baseline.high_level_recruits"
    # GDP does not enter recruitment: zero effect, up to sampling noise.
    assert abs(table.loc["baseline.gdp", index]) < 0.02 * table[index].max()
    assert result.runs == (64 * 5 if method == "sobol" else 20 * 4)


def test_small_samples_are_flagged_as_unstable(kecheng):
    result = sensitivity(kecheng, "sobol", 16, seed=2)
    assert any("too small" in w for w in result.warnings)


def test_bad_designs_are_refused(kecheng):
    with pytest.raises(ValueError, match="power of 2"):
        sensitivity(kecheng, "sobol", 100, params=FEW)
    with pytest.raises(ValueError, match="at least 4"):
        sensitivity(kecheng, "morris", 2, params=FEW)
    with pytest.raises(KeyError):
        sensitivity(kecheng, "sobol", 64, params=["fiscal_st_growth", "baseline.gdp"])


def test_same_indices_on_a_two_worker_cluster(kecheng):
    distributed = pytest.importorskip("dask.distributed")
    local = sensitivity(kecheng, "sobol", 32, seed=4, params=FEW)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = sensitivity(kecheng, "sobol", 32, seed=4, params=FEW, client=client)
    assert remote.table.equals(local.table)


def test_cli_json_and_files(tmp_path, capsys):
    from conftest import KECHENG

    code = main(["sensitivity", str(KECHENG), "--n", "32", "--params", ",".join(FEW),
                 "--seed", "1", "--out", str(tmp_path), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0 and document["runs"] == 32 * 5
    assert {row["input"] for row in document["indices"]} == set(FEW)
    assert (tmp_path / "kecheng-2027-sobol-tornado.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(("options", "words"), [
    (["--n", "1000"], "--n: N = 1000: Sobol needs a power of 2"),
    (["--method", "morris", "--n", "1"], "Morris needs at least 4"),
    (["--params", "gdp_x"], "--params: 'gdp_x' is not an uncertain input"),
    (["--params", "baseline.gdp"], "at least 2"),
])
def test_cli_bad_options_are_one_line_exit_2(tmp_path, capsys, options, words):
    from conftest import KECHENG

    code = main(["sensitivity", str(KECHENG), "--out", str(tmp_path), *options])
    error = capsys.readouterr().err.strip()
    assert code == 2 and words in error and "\n" not in error


def test_levers_are_factors_over_their_slider_ranges(kecheng):
    """Issue 11, item 9: "which policy matters most" has an answer."""
    from model.levers import lever_range
    from model.sensitivity import lever_laws

    with pytest.raises(KeyError, match="lever"):
        sensitivity(kecheng, "morris", 4, params=["lever.hightech_relocations_per_year",
                                                  "baseline.gdp"])
    laws = {law.key: law for law in lever_laws(kecheng)}
    assert (laws["lever.fiscal_st_growth"].low, laws["lever.fiscal_st_growth"].high) == (
        lever_range(kecheng, "fiscal_st_growth"))
    assert "lever.fiscal_st_budget_share" not in laws   # not acting under the growth rule
    result = sensitivity(kecheng, "morris", 8, seed=3, include_levers=True,
                         params=["hightech_relocations_per_year", "lever.fiscal_st_growth",
                                 "baseline.gdp"])
    assert set(result.inputs) == {"lever.hightech_relocations_per_year",
                                  "lever.fiscal_st_growth", "baseline.gdp"}
    firms = result.table[result.table.target == "hightech_enterprises 2027"].set_index("input")
    # Relocated firms add to the high-tech enterprises directly; GDP does not enter them.
    assert firms["mu_star"].idxmax() == "lever.hightech_relocations_per_year"
    assert firms.loc["baseline.gdp", "mu_star"] < 0.01 * firms["mu_star"].max()
    everything = sensitivity(kecheng, "morris", 4, seed=3, include_levers=True)
    assert set(laws) < set(everything.inputs) and "baseline.gdp" in everything.inputs


def test_drawn_allocation_shares_are_weights_that_sum_to_100(kecheng):
    from model.sensitivity import lever_laws, split_factors

    laws = lever_laws(kecheng, ["share_talent", "share_incubation"])
    unit = np.array([[0.0, 0.0], [1.0, 1.0], [0.3, 0.9]])
    _, levers = split_factors(kecheng, laws, unit)
    shares = ("share_rd_subsidies", "share_incubation", "share_talent", "share_tech_market",
              "share_public_research")
    assert np.allclose(sum(levers[k] for k in shares), 100.0)
    assert levers["share_talent"][1] > levers["share_talent"][0]


def test_cli_ranks_levers_with_the_uncertain_inputs(tmp_path, capsys):
    from conftest import KECHENG

    code = main(["sensitivity", str(KECHENG), "--method", "morris", "--n", "4", "--levers",
                 "--params", "lever.fiscal_st_growth,lever.super_deduction_rate,baseline.gdp",
                 "--seed", "1", "--out", str(tmp_path), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0 and "lever.super_deduction_rate" in document["inputs"]
    assert {row["input"] for row in document["indices"]} == {
        "lever.fiscal_st_growth", "lever.super_deduction_rate", "baseline.gdp"}
    code = main(["sensitivity", str(KECHENG), "--method", "morris", "--n", "4",
                 "--params", "lever.fiscal_st_growth,baseline.gdp", "--out", str(tmp_path)])
    assert code == 2 and "not an uncertain input" in capsys.readouterr().err
