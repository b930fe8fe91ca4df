"""The app's non-UI parts: exports, charts with Chinese text, uploads, page addresses."""

from __future__ import annotations

import datetime as dt
import io
import json
import tomllib
import warnings

import pandas as pd
import pytest

from app.charts import figure_png, indicator_figure, legend_figure, observations, use_cjk_font
from app.compute import compute_view
from app.exports import results_csv, results_xlsx, variant_toml, verdict_table, verdicts_csv
from app.state import read_address, read_upload, write_address
from model.catalogue import LEVERS
from model.errors import ScenarioError
from model.levers import changed_levers, plan_levers, set_lever
from model.scenario import MAX_FILE_BYTES, load_scenario
from model.targets import probability_text

from .conftest import KECHENG, SCENARIOS

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def edited(kecheng):
    levers = set_lever(plan_levers(kecheng), "fiscal_st_growth", 12.0)
    levers = set_lever(levers, "share_talent", 30.0)
    return levers


@pytest.fixture(scope="module")
def view(kecheng, edited):
    return compute_view(kecheng, edited, {"rd_depreciation": 20.0}, runs=100, seed=1)


def test_variant_toml_extends_the_parent_and_sets_only_changed_levers(kecheng, edited):
    changed = changed_levers(kecheng, edited)
    text = variant_toml(kecheng, changed, {"rd_depreciation": 20.0}, TODAY)
    document = tomllib.loads(text)
    assert document["extends"] == KECHENG.name
    assert document["scenario"]["name"] == "kecheng-2027-edited-20261122"
    assert set(document["levers"]) == set(changed) >= {"fiscal_st_growth", "share_talent"}
    assert "super_deduction_rate" not in document["levers"]
    for entry in document["levers"].values():
        assert entry["source"] == "edited in innosim on 2026-11-22"
    assert document["levers"]["fiscal_st_growth"]["value"] == 12.0
    shares = [document["levers"].get(k, {}).get("value", kecheng.input_value(k))
              for k in ("share_rd_subsidies", "share_incubation", "share_talent",
                        "share_tech_market", "share_public_research")]
    assert sum(shares) == pytest.approx(100.0)
    assert document["parameters"]["rd_depreciation"]["value"] == 20.0
    assert set(document) == {"extends", "scenario", "levers", "parameters"}


def test_variant_without_changes_has_no_lever_table(kecheng):
    document = tomllib.loads(variant_toml(kecheng, {}, {}, TODAY))
    assert "levers" not in document and document["extends"] == KECHENG.name


def test_results_csv_has_every_indicator_and_year_with_its_band(view):
    table = pd.read_csv(io.BytesIO(results_csv(view, "zh")), encoding="utf-8-sig")
    assert list(table.columns) == ["指标代码", "指标", "单位", "年份", "中心情景", "5% 分位数",
                                   "中位数", "95% 分位数"]   # headers in the page's language
    central = view.central
    assert len(table) == len(central.indicators) * len(central.years)
    rd = table[(table["指标代码"] == "rd_intensity") & (table["年份"] == 2027)].iloc[0]
    assert rd["指标"] == "全社会R&D经费投入占GDP比重"
    assert rd["5% 分位数"] <= rd["中位数"] <= rd["95% 分位数"]
    assert rd["中心情景"] == pytest.approx(central.sel("rd_intensity", 2027)[0])


def test_excel_workbook_has_the_planners_sheets(kecheng, view, edited):
    names = {k: LEVERS[k].label("en") for k in edited}
    data = results_xlsx(view, "en", edited, plan_levers(kecheng), names, scenario=kecheng)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(sheets) == ["verdicts", "indicators", "bands", "levers", "about"]
    assert len(sheets["verdicts"]) == len(kecheng.targets)
    assert "Verdict" in sheets["verdicts"].columns
    assert list(sheets["verdicts"]["Plan's wording"]) == [tg.quote for tg in kecheng.targets]
    levers = sheets["levers"].set_index("Key")
    assert levers.loc["fiscal_st_growth", "Value"] == 12.0
    assert levers.loc["fiscal_st_growth", "Plan"] == 15.0
    assert levers.loc["fiscal_st_growth", "Unit"] == "%/yr"
    chinese = pd.read_excel(io.BytesIO(results_xlsx(view, "zh", edited, plan_levers(kecheng),
                                                    names, scenario=kecheng)), sheet_name=None)
    assert list(chinese) == ["目标判断", "指标逐年", "不确定区间", "政策杠杆", "说明"]
    assert "判断" in chinese["目标判断"].columns
    # No English header on the Chinese workbook (units and keys are cells, not headers).
    for frame in chinese.values():
        assert not [c for c in frame.columns if isinstance(c, str) and c.isascii()], frame


def test_the_excel_says_what_produced_it_and_formats_its_numbers(kecheng, view, edited):
    import hashlib

    import openpyxl

    from app.compute import BAND_SEED

    names = {k: LEVERS[k].label("en") for k in edited}
    data = results_xlsx(view, "en", edited, plan_levers(kecheng), names, scenario=kecheng)
    about = pd.read_excel(io.BytesIO(data), sheet_name="about").set_index("Field")["Value"]
    assert about["Scenario file"] == KECHENG.name
    assert about["File hash (SHA-256)"] == hashlib.sha256(KECHENG.read_bytes()).hexdigest()
    assert "fiscal_st_growth" in about["Levers changed (plan → value)"]
    assert "15 → 12" in about["Levers changed (plan → value)"]
    assert str(about["Runs"]) == str(view.runs) and str(about["Random seed"]) == str(BAND_SEED)
    assert about["Software version"].startswith("innosim ")
    book = openpyxl.load_workbook(io.BytesIO(data))
    verdicts = book["verdicts"]
    header = [c.value for c in verdicts[1]]
    probability = verdicts.cell(2, header.index("Probability") + 1)
    assert probability.number_format == "0%" and isinstance(probability.value, float)
    assert verdicts.freeze_panes == "A2" and verdicts["A1"].font.bold


def test_the_verdicts_export_gives_the_plans_wording_and_each_proxy_in_both_languages():
    liuzhou = load_scenario(SCENARIOS / "liuzhou-2022.toml")
    shown = compute_view(liuzhou, plan_levers(liuzhou), {}, runs=50, seed=1)
    columns = (("zh", "规划原文", "替代统计（代理指标）", "一般成果数"),
               ("en", "Plan's wording", "Proxy: judged instead on", "generic count"))
    for language, wording, proxy, words in columns:
        table = pd.read_csv(io.BytesIO(verdicts_csv(shown, language)), encoding="utf-8-sig",
                            keep_default_na=False)
        assert len(table) == len(liuzhou.targets)
        assert list(table[wording]) == [t.quote for t in liuzhou.targets]
        marked = [bool(p) for p in table[proxy]]
        assert marked == [t.proxy is not None for t in liuzhou.targets] and any(marked)
        achievements = [p for p, t in zip(table[proxy], liuzhou.targets, strict=True)
                        if t.indicator == "achievements_transformed"]
        assert achievements and all(words in p for p in achievements)
    workbook = pd.read_excel(io.BytesIO(results_xlsx(
        shown, "zh", plan_levers(liuzhou), plan_levers(liuzhou),
        {k: k for k in plan_levers(liuzhou)})), sheet_name="目标判断")
    assert "规划原文" in workbook.columns and "替代统计（代理指标）" in workbook.columns


def test_verdict_table_writes_operators_that_markdown_leaves_alone(view):
    goals = verdict_table(view, "zh")["规划目标"]
    assert not any(g.startswith(">") for g in goals)
    assert goals.iloc[0].startswith("＞")


def test_charts_have_a_cjk_font_and_no_missing_glyphs(kecheng, view):
    family = use_cjk_font()
    assert family, "no CJK font: run `make` (installs fonts-wqy-microhei) or add one"
    targets = [t for t in kecheng.targets if t.indicator == "rd_intensity"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = figure_png(indicator_figure(kecheng, "rd_intensity", view.central,
                                          view.bands["rd_intensity"], view.central, "zh",
                                          targets))
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing
    assert png.startswith(b"\x89PNG")


def test_uploads_get_the_cli_one_line_errors():
    with pytest.raises(ScenarioError) as error:
        read_upload("plan.toml", b"x" * (MAX_FILE_BYTES + 1))
    assert error.value.line().startswith("plan.toml: (file): file is 1,000,001 bytes")
    with pytest.raises(ScenarioError, match="not UTF-8"):
        read_upload("photo.toml", b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(ScenarioError, match="is not a .toml file"):
        read_upload("notes.txt", b"hello")
    with pytest.raises(ScenarioError) as error:
        read_upload("broken.toml", b"[scenario\n")
    assert error.value.line().startswith("broken.toml: ") and "\n" not in error.value.line()


def test_a_valid_upload_is_a_scenario():
    scenario = read_upload("kecheng.toml", KECHENG.read_bytes())
    assert scenario.meta.name == "kecheng-2027" and scenario.path == "kecheng.toml"


def test_address_round_trip_and_problems():
    params = write_address("kecheng-2027.toml", "en", {"fiscal_st_growth": 12.5},
                           {"rd_depreciation": 20.0})
    address = read_address(params)
    assert address.scenario == "kecheng-2027.toml" and address.language == "en"
    assert address.levers == {"fiscal_st_growth": 12.5}
    assert address.parameters == {"rd_depreciation": 20.0}
    assert not address.problems
    bad = read_address({"lang": "fr", "fiscal_st_growth": "nan", "p.nothing": "1"})
    assert len(bad.problems) == 3 and bad.language == "zh" and not bad.levers


def test_variant_toml_loads_as_a_scenario_next_to_its_parent(kecheng, edited, tmp_path):
    from model import load_scenario

    (tmp_path / KECHENG.name).write_bytes(KECHENG.read_bytes())
    changed = changed_levers(kecheng, edited)
    variant = tmp_path / "kecheng-2027-edited.toml"
    variant.write_text(variant_toml(kecheng, changed, {}, TODAY), encoding="utf-8")
    loaded = load_scenario(variant)
    assert loaded.meta.name == "kecheng-2027-edited-20261122"
    assert plan_levers(loaded) == pytest.approx(edited)
    assert loaded.targets == kecheng.targets


def test_goal_text_says_each_kind_of_target():
    from app.exports import goal_text
    from model.scenario import Target

    def target(**fields):
        return Target(indicator="x", year=2025, quote="q", seed="s", **fields)

    assert goal_text(target(op=">=", value=250), "zh") == "≥ 250"
    assert goal_text(target(kind="cumulative", op=">=", value=400, from_year=2021),
                     "en") == "≥ 400 (Σ 2021-2025)"
    assert goal_text(target(kind="flow", op=">=", value=80, from_year=2021),
                     "zh") == "≥ 80 (2021-2025 每年)"
    assert goal_text(target(kind="rises", from_year=2020), "zh") == "逐年提高 (2020-2025)"
    assert goal_text(target(kind="growth", op=">", value=10, from_year=2020),
                     "en") == "＞ 10 (average growth 2020-2025)"


def test_an_uploaded_variant_finds_its_parent_in_the_folder_and_errors_name_the_upload(
        kecheng):
    folder = KECHENG.parent
    text = variant_toml(kecheng, {"fiscal_st_growth": 30.0}, {}, TODAY).encode()
    scenario = read_upload("shared.toml", text, folder)
    assert scenario.path == "shared.toml" and scenario.input_value("fiscal_st_growth") == 30.0
    with pytest.raises(ScenarioError, match="cannot be resolved"):
        read_upload("shared.toml", text)  # no folder: said so in one line
    orphan = text.replace(b'extends = "kecheng-2027.toml"', b'extends = "nowhere.toml"')
    with pytest.raises(ScenarioError) as error:
        read_upload("orphan.toml", orphan, folder)
    assert error.value.line().startswith("orphan.toml: extends: ")
    assert "innosim-upload-" not in error.value.line()


def test_charts_show_the_scenarios_history_points(kecheng):
    view = compute_view(kecheng, {}, {}, runs=50, seed=1)
    figure = indicator_figure(kecheng, "rd_intensity", view.central, view.bands["rd_intensity"],
                              view.central, "en")
    points = [line for line in figure.axes[0].get_lines()
              if line.get_label() == "observed (history)"]
    assert len(points) == 1
    observed = dict(zip(points[0].get_xdata(), points[0].get_ydata(), strict=True))
    history = {p.year: p.value for p in kecheng.history if p.indicator == "rd_intensity"}
    assert len(history) >= 2 and observed == history


def test_set_lever_on_a_grid_keeps_the_moved_share_and_rounds_the_others(kecheng):
    plan = plan_levers(kecheng)
    shares = ("share_rd_subsidies", "share_incubation", "share_talent", "share_tech_market",
              "share_public_research")
    levers = plan
    for value in (30.0, 31.0, 17.0, 23.0):
        levers = set_lever(levers, "share_talent", value, grid=1.0)
        assert levers["share_talent"] == value
        assert sum(levers[k] for k in shares) == 100.0
        assert all(levers[k] == round(levers[k]) for k in shares), levers
    # without a grid the rule is the plain proportional one
    assert set_lever(plan, "share_talent", 30.0)["share_incubation"] == pytest.approx(13.125)
    # a saved variant holds the clean values
    edited = set_lever(plan, "share_talent", 30.0, grid=1.0)
    document = tomllib.loads(variant_toml(kecheng, changed_levers(kecheng, edited), {}, TODAY))
    assert {k: v["value"] for k, v in document["levers"].items()} == {
        "share_rd_subsidies": 35.0, "share_incubation": 13.0, "share_talent": 30.0,
        "share_tech_market": 4.0, "share_public_research": 18.0}


def test_an_assumed_start_value_is_drawn_hollow_not_as_history(kecheng):
    """Kecheng's 110 high-tech enterprises are an assumption with a range: not observed."""
    assert kecheng.baseline["hightech_enterprises"].assumption
    view = compute_view(kecheng, {}, {}, runs=50, seed=1)
    figure = indicator_figure(kecheng, "hightech_enterprises", view.central,
                              view.bands["hightech_enterprises"], view.central, "en")
    lines = {line.get_label(): line for line in figure.axes[0].get_lines()}
    assert "observed (history)" not in lines
    assumed = lines["assumed (not observed)"]
    assert list(assumed.get_xdata()) == [kecheng.meta.start]
    assert list(assumed.get_ydata()) == [110]
    assert assumed.get_markerfacecolor() == "white"
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert "assumed (not observed)" in legend and "observed (history)" not in legend
    strip = [text.get_text() for text in legend_figure("zh").legends[0].get_texts()]
    assert "假设值（非观测）" in strip and "历史实际值" in strip


def test_a_sourced_start_value_is_an_observation(kecheng):
    entry = kecheng.baseline["invention_patent_grants"]
    assert not entry.assumption and entry.source
    observed, assumed = observations(kecheng, "invention_patent_grants")
    assert observed == {kecheng.meta.start: entry.value} and assumed == {}


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.stem)
def test_the_app_and_check_give_the_same_likelihoods_for_the_same_seed(path, capsys):
    """The page's 500 runs with its seed and `check --runs 500 --seed` agree, target by target."""
    from app.compute import BAND_RUNS, BAND_SEED
    from model.cli import main
    from model.scenario import load_scenario

    main(["check", str(path), "--runs", str(BAND_RUNS), "--seed", str(BAND_SEED),
          "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    scenario = load_scenario(path)
    shown = compute_view(scenario, plan_levers(scenario))
    assert [(r["probability"], r["likelihood"]) for r in records] == [
        (v.probability, v.likelihood) for v in shown.verdicts]


def test_an_upload_that_loads_but_cannot_run_is_refused_in_one_line(monkeypatch):
    """Issue 14: run-time failures of a new upload are caught before it replaces anything."""
    import numpy as np

    from app import sidebar
    from model.errors import InputError, ScenarioError
    from model.scenario import load_scenario

    from .conftest import KECHENG

    scenario = load_scenario(KECHENG)
    sidebar.trial_run(scenario, "fine.toml")  # the shipped file runs
    for failure in (ZeroDivisionError("division by zero"), InputError("dt", "too small"),
                    ValueError("0.0 cannot be raised to a negative power")):
        def fails(*_args, failure=failure, **_kwargs):
            raise failure

        monkeypatch.setattr(sidebar, "evaluate", fails)
        with pytest.raises(ScenarioError, match=r"^bad\.toml: \(file\): does not run: "):
            sidebar.trial_run(scenario, "bad.toml")
    from model.simulate import evaluate

    def nan_results(*args, **kwargs):
        results = evaluate(*args, **kwargs)
        results.values[0, 2:, :] = np.nan
        return results

    monkeypatch.setattr(sidebar, "evaluate", nan_results)
    with pytest.raises(ScenarioError, match="not finite"):
        sidebar.trial_run(scenario, "nan.toml")


def test_error_lines_on_the_chinese_page_have_a_chinese_frame_and_field_names():
    """Issue 11, item 6: the one-line error in the page's language; the file comes first."""
    from app.messages import error_line
    from model.catalogue import INDICATORS

    cases = [
        (ScenarioError("URL", "fiscal_st_growth", "'lots' is not a number", "a value in %/年"),
         f"网址：{LEVERS['fiscal_st_growth'].zh}：'lots' 不是数字（应为：以 %/年 为单位的数值）"),
        (ScenarioError("up.toml", "baseline.gdp", "got 'x'", "a number"),
         f"up.toml：基期值·{INDICATORS['gdp'].zh}：实际为 'x'（应为：数字）"),
        (ScenarioError("up.toml", "", "broken TOML: Unclosed array (at line 4, column 2)",
                       "valid TOML"),
         "up.toml：（文件）：TOML 格式错误：数组未闭合（第 4 行第 2 列）"
         "（应为：合法的 TOML 文本）"),
        (ScenarioError("URL", "share_talent", "500 lies outside the range",
                       "a value from 0 to 100"),
         f"网址：{LEVERS['share_talent'].zh}：500 超出可调范围（应为：0 到 100 之间的值）"),
    ]
    for error, chinese in cases:
        assert error_line(error, "zh") == chinese
        assert error_line(error, "en") == error.line()


def test_a_downloaded_chart_is_print_ready_with_title_scenario_date_and_verdict(kecheng):
    """Issue 11, item 7: 300 dpi, and the header says what, where, when and how likely."""
    from PIL import Image

    from app import cache
    from app.charts import PRINT_DPI, report_header
    from model.targets import VERDICT_RUNS

    levers = tuple(sorted(plan_levers(kecheng).items()))
    data = cache.chart_png("file:kecheng-report", kecheng, levers, (), "rd_intensity", "zh",
                           legend=True, today="2026-03-01")
    image = Image.open(io.BytesIO(data))
    assert round(image.info["dpi"][0]) == PRINT_DPI and image.width >= 6 * PRINT_DPI
    shown = compute_view(kecheng, plan_levers(kecheng))
    header = report_header(kecheng, shown, "rd_intensity", "zh", "2026-03-01")
    rd = next(v for v in shown.verdicts if v.target.indicator == "rd_intensity")
    assert header[0] == "全社会R&D经费投入占GDP比重"
    assert header[1].startswith("柯城区 · ")
    likelihood = {"likely": "很可能达成", "at risk": "有风险", "unlikely": "很可能未达成"}
    assert any(likelihood[rd.likelihood] in line and f"({probability_text(rd.probability)})" in line
               for line in header[2:])
    assert header[-1].startswith("2026-03-01") and str(VERDICT_RUNS) in header[-1]
    english = report_header(kecheng, shown, "rd_intensity", "en", "2026-03-01")
    assert english[0] == "R&D intensity" and "made with innosim on 2026-03-01" in english[-1]
    page = cache.chart_png("file:kecheng-report", kecheng, levers, (), "rd_intensity", "zh")
    assert Image.open(io.BytesIO(page)).width < image.width   # the page's stays light


def test_the_upload_store_keeps_bundles_by_content_and_evicts_the_oldest(tmp_path):
    import os
    import time

    from app.uploads import UploadStore

    store = UploadStore(tmp_path / "uploads", limit_bytes=3 * len(KECHENG.read_bytes()))
    data = KECHENG.read_bytes()
    first = store.keep([("a.toml", data)], SCENARIOS)
    assert store.keep([("a.toml", data)], SCENARIOS) == first   # the same content, one copy
    again = store.path(first[0])
    assert again is not None and again.read_bytes() == data
    old = time.time() - 100
    os.utime(again.parent, (old, old))
    variant = b'extends = "kecheng-2027.toml"\n[scenario]\nname = "v"\n'
    second = store.keep([("v.toml", variant)], SCENARIOS)
    # the shipped parent is copied in: the bundle resolves on its own
    assert (store.path(second[0]).parent / "kecheng-2027.toml").read_bytes() == data
    store.keep([("b.toml", data.replace(b"15,", b"16,", 1))], SCENARIOS)
    assert store.path(first[0]) is None          # the least recently used went
    assert store.path(second[0]) is not None
    with pytest.raises(ScenarioError, match=r"^\.x\.toml: \(file\): is not a usable file"):
        store.keep([("../.x.toml", b"")], SCENARIOS)
    assert store.path("upload-../../etc/passwd") is None


def test_page_charts_are_vega_lite_with_hover_values_of_the_run(kecheng, view):
    """Issue 11, item 8: the page's charts are drawn in the browser; hovering a year shows
    every line's value; the numbers are the run's."""
    from app.vega import SERIES, chart_template, series_frame, with_series
    from model.simulate import evaluate

    plan = evaluate(kecheng)
    targets = [tg for tg in kecheng.targets if tg.tracked and tg.indicator == "rd_intensity"]
    template = chart_template(kecheng, "rd_intensity", plan, "zh", targets)
    frame = series_frame("rd_intensity", view.central, view.bands["rd_intensity"], plan, "zh")
    spec = with_series(template, frame)
    assert SERIES not in template.get("datasets", {})          # the template is not changed
    assert spec["datasets"][SERIES] is frame
    assert list(frame["当前情景（中心值）"]) == list(view.central.sel("rd_intensity")[:, 0])
    assert spec["title"]["text"] == "全社会R&D经费投入占GDP比重 (%)"
    rule = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rule")
    shown = {tip["field"] for tip in rule["encoding"]["tooltip"]}
    assert {"年份", "当前情景（中心值）", "中位数", "5%", "95%", "规划原值"} <= shown
    assert rule["data"] == {"name": SERIES} and "params" in rule or spec.get("params")
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert "square" in marks and "point" in marks    # observed values and the target star
