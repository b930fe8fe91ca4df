"""Calibration to history: recovery of a known parameter, Theil statistics, the variant file."""

from __future__ import annotations

import tomllib

import numpy as np
import pytest

from model import evaluate
from model.calibrate import CalibrationError, calibrate, theil, variant_document
from model.cli import main
from model.scenario import HistoryPoint


def test_theil_shares_add_up_and_a_pure_offset_is_all_bias():
    observed = np.array([1.0, 2.0, 4.0, 3.0])
    u, um, us, uc = theil(observed, observed + 0.5)
    assert um == pytest.approx(1.0) and us == pytest.approx(0.0) and uc == pytest.approx(0.0)
    u, um, us, uc = theil(observed, np.array([1.5, 1.0, 5.0, 2.0]))
    assert um + us + uc == pytest.approx(1.0)
    assert 0 < u < 1


def test_a_parameter_that_made_the_history_is_recovered(kecheng):
    made = kecheng.model_copy(deep=True)
    results = evaluate(made, {"recertification_rate": 88.0})
    made.history = [HistoryPoint(indicator="hightech_enterprises", year=year,
                                 value=float(results.sel("hightech_enterprises", year)[0]),
                                 source="synthetic") for year in (2023, 2024, 2025)]
    fit = calibrate(made, ["recertification_rate"])
    assert fit.params["recertification_rate"] == pytest.approx(88.0, rel=1e-3)
    assert fit.fits[0].mape < 0.01 and fit.start_year == kecheng.meta.start
    assert fit.at_bounds == []


def test_kecheng_history_before_the_start_is_fitted_from_a_2020_start(kecheng):
    fit = calibrate(kecheng, ["investment_elasticity", "hightech_rd_intensity_ratio"])
    assert fit.start_year == 2020 and fit.replaced_baselines == {"rd_intensity": 1.85}
    (rd,) = fit.fits
    assert rd.years == [2021, 2022] and rd.observed == [2.02, 2.71]
    # Fitting can only improve on the uncalibrated parameters.
    before = calibrate(kecheng, ["investment_elasticity"])  # one parameter: a subset of the search
    assert rd.mape <= before.fits[0].mape + 1e-9
    document = tomllib.loads(variant_document(kecheng, fit, "kecheng-2027.toml").as_string())
    assert document["extends"] == "kecheng-2027.toml"
    assert document["scenario"] == {"name": "kecheng-2027-calibrated"}
    entry = document["parameters"]["investment_elasticity"]
    assert entry["value"] == pytest.approx(fit.params["investment_elasticity"], abs=1e-6)
    assert "rd_intensity 2021, 2022" in entry["source"] and "kecheng.gov.cn" in entry["source"]
    assert entry["range"] == list(fit.ranges["investment_elasticity"])


def test_cli_writes_the_variant_and_never_overwrites(tmp_path, capsys):
    from conftest import KECHENG

    output = tmp_path / "variant.toml"
    assert main(["calibrate", str(KECHENG), "--params", "recertification_rate",
                 "--output", str(output)]) == 0
    assert "MAPE" in capsys.readouterr().out
    written = output.read_text(encoding="utf-8")
    assert "extends" in written
    code = main(["calibrate", str(KECHENG), "--params", "recertification_rate",
                 "--output", str(output)])
    assert code == 2 and "exists" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == written


@pytest.mark.parametrize(("params", "words"), [
    ("fiscal_st_growth", "not a model parameter"),
    ("recertification_rate,patent_lapse,sme_exit_rate", "only 2 history points"),
])
def test_cli_bad_params_are_one_line_exit_2(tmp_path, capsys, params, words):
    from conftest import KECHENG

    code = main(["calibrate", str(KECHENG), "--params", params,
                 "--output", str(tmp_path / "v.toml")])
    error = capsys.readouterr().err.strip()
    assert code == 2 and words in error and "\n" not in error


def test_a_scenario_without_history_cannot_be_calibrated(kecheng):
    bare = kecheng.model_copy(update={"history": []})
    with pytest.raises(CalibrationError, match="no \\[\\[history\\]\\]"):
        calibrate(bare, ["recertification_rate"])


def test_the_calibrated_variant_loads_back_with_its_fitted_values(tmp_path, capsys):
    import shutil

    from conftest import KECHENG

    from model import load_scenario

    parent = tmp_path / KECHENG.name
    shutil.copy(KECHENG, parent)
    output = tmp_path / "kecheng-2027-calibrated.toml"
    assert main(["calibrate", str(parent), "--params", "recertification_rate",
                 "--output", str(output)]) == 0
    capsys.readouterr()
    variant = load_scenario(output)
    assert variant.extends == (str(parent),)
    fitted = variant.parameters["recertification_rate"]
    assert 80.0 <= fitted.value <= 98.0 and "rd_intensity" in fitted.source
    assert variant.baseline == load_scenario(parent).baseline


def test_cli_force_replaces_the_variant_in_place(tmp_path, capsys):
    from conftest import KECHENG

    output = tmp_path / "variant.toml"
    output.write_text("# an old file\n", encoding="utf-8")
    assert main(["calibrate", str(KECHENG), "--params", "recertification_rate",
                 "--output", str(output), "--force"]) == 0
    capsys.readouterr()
    assert output.read_text(encoding="utf-8").startswith("# Calibrated variant of")
    assert [p.name for p in tmp_path.iterdir()] == ["variant.toml"]
