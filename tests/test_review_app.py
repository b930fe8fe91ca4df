"""The review tab of the planner's screen, driven headless with Streamlit's AppTest."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app" / "streamlit_app.py")


@pytest.fixture(autouse=True, scope="module")
def _keep_main_module():
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


def _table_with(at: AppTest, column: str):
    return next(table.value for table in at.table if column in table.value.columns)


def test_kecheng_review_tab_says_where_no_actual_exists():
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    assert any(tab.label == "中期评估" for tab in at.tabs)
    at.session_state["tabs:zh"] = "中期评估"   # a lazy tab: drawn when open
    at.run()
    table = _table_with(at, "规划所需年均进度")
    assert "研发" in " ".join(table["指标"])
    assert set(table["进度判断"]) == {"无实际值"}
    assert any("没有 2022 年之后" in info.value for info in at.info)
    rd = table[table["指标"].str.contains("占GDP比重")].iloc[0]
    assert rd["规划所需年均进度"].replace("\\", "").startswith("0.098 百分点")  # (3.2 - 2.71) / 5
    # what it would take from 2023 on, on the chosen lever
    at.button(key="review_takes:kecheng-2027.toml").click().run()
    assert not at.exception, at.exception
    assert any("自 2023 年起" in m.value for m in at.markdown)


def test_the_national_review_shows_the_ex_post_table_in_english():
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["scenario"] = "china-2015.toml"
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    at.session_state["tabs:en"] = "Where we stand"   # a lazy tab: drawn when open
    at.run()
    table = _table_with(at, "Pace now required")
    assert "behind" in set(table["Status"])
    # the paces' units in English too (points a year, % a year), never 百分点/年
    paces = " ".join(str(v) for v in table["Plan pace"]).replace("\\", "")
    assert "pp/yr" in paces and "百分点" not in paces and "年" not in paces
    ex_post = _table_with(at, "Actual outcome")
    assert set(ex_post["Actual outcome"]) == {"no actual"}
    assert any("withheld for out-of-sample judging" in info.value for info in at.info)
