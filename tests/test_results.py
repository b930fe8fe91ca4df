"""Labelled results: selection by name and year, quantiles, long and wide tables, CSV."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from model import simulate


@pytest.fixture(scope="module")
def many(kecheng):
    return simulate(kecheng, runs=40, seed=3)


def test_selection_by_indicator_and_year(many):
    assert many.sel("tech_smes").shape == (len(many.years), 40)
    np.testing.assert_array_equal(many.sel("tech_smes", 2027), many.sel("tech_smes")[5])
    with pytest.raises(KeyError, match="outside the run"):
        many.sel("tech_smes", 2040)
    with pytest.raises(KeyError, match="no indicator 'tech_sme'"):
        many.sel("tech_sme")


def test_quantiles_bracket_the_runs(many):
    table = many.quantiles("rd_intensity", (0.05, 0.5, 0.95))
    assert list(table.columns) == ["q05", "q50", "q95"]
    values = many.sel("rd_intensity")
    assert (table["q05"] <= table["q50"]).all() and (table["q50"] <= table["q95"]).all()
    assert table.loc[2027, "q50"] == pytest.approx(np.median(values[5]))


def test_long_table_and_csv_round_trip(many, tmp_path):
    frame = many.to_dataframe()
    assert len(frame) == many.values.size
    row = frame[(frame.indicator == "hightech_enterprises") & (frame.year == 2026)
                & (frame.run == 7)]
    assert row.value.item() == many.sel("hightech_enterprises", 2026)[7]
    assert row.unit.item() == "家"
    path = tmp_path / "runs.csv"
    many.to_csv(path)
    back = pd.read_csv(path)
    assert len(back) == len(frame) and list(back.columns) == list(frame.columns)


def test_wide_table_and_series_follow_one_run(many):
    wide = many.to_wide(run=2, language="zh")
    assert wide.loc["rd_intensity", "name"] == "全社会R&D经费投入占GDP比重"
    assert wide.loc["rd_intensity", 2030] == many.sel("rd_intensity", 2030)[2]
    series = many.series("tech_smes", run=2)
    assert series.index.tolist() == many.years.tolist()
    assert series[2030] == many.sel("tech_smes", 2030)[2]
