"""The industrial R&D ratio starts at its statistic where a scenario gives it (issue 9).

A region that publishes its above-scale industrial R&D / main revenue for the start year
(Zhejiang's counties do, as 规上工业研发费用占营业收入比重) may give it as the baseline
``industrial_rd_ratio``: the share of firms' R&D that industry performs is then calibrated to
it instead of assumed (``services_share_of_firm_rd``), so the indicator starts where its
statistic is. A ratio the rest of the start year cannot hold is refused in one line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from model import evaluate, load_scenario
from model.errors import ScenarioError

from .conftest import KECHENG


def _with_ratio(tmp_path: Path, ratio: float) -> Path:
    text = KECHENG.read_text(encoding="utf-8").replace(
        "[baseline]\n",
        f"[baseline]\nindustrial_rd_ratio = {{ value = {ratio:g}, source = \"the bureau's "
        f"own figure (a test)\" }}\n", 1)
    path = tmp_path / "kecheng-2027-with-ratio.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_start_year_shows_the_ratio_given_and_the_run_moves_on_from_it(tmp_path):
    given = evaluate(load_scenario(_with_ratio(tmp_path, 1.8)))
    assumed = evaluate(load_scenario(KECHENG))
    ratio_given = given.sel("industrial_rd_ratio")[:, 0]
    assert ratio_given[0] == pytest.approx(1.8, rel=1e-9)
    assert assumed.sel("industrial_rd_ratio")[0, 0] != pytest.approx(1.8, rel=1e-3)
    assert np.all(np.diff(ratio_given) > 0)             # the plan's policy still moves it
    # the split changes where R&D sits, not how much there is at the start
    assert given.sel("rd_expenditure")[0, 0] == pytest.approx(
        assumed.sel("rd_expenditure")[0, 0], rel=1e-9)


def test_a_ratio_more_than_all_firms_r_and_d_is_refused_in_one_line(tmp_path):
    scenario = load_scenario(_with_ratio(tmp_path, 15.0))
    with pytest.raises(ScenarioError) as error:
        evaluate(scenario)
    message = str(error.value)
    assert "industrial_rd_ratio" in message and "\n" not in message
