"""A region that is not shipped: innosim new, the Excel data sheet both ways, validation that
lists every problem at once, plausibility warnings, and the app's Data view (issue 12)."""

from __future__ import annotations

import io
import re
import sys
from argparse import Namespace
from pathlib import Path

import pytest
import tomlkit
from openpyxl import load_workbook

from model import load_scenario
from model.catalogue import BASELINES, LEVERS, TYPICAL_START
from model.cli import main
from model.cli.new import handle as new_handle
from model.errors import ScenarioError, ScenarioErrors
from model.plausibility import RATIOS, implausible
from model.sheet import NUMBERS, SCENARIO, TARGETS, export_workbook, import_workbook
from model.simulate import simulate
from model.targets import check

from .page_tables import html_tables

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
KECHENG = SCENARIOS / "kecheng-2027.toml"
LINE = re.compile(r"^(?P<file>[^:]+): (?P<field>[^:]+): (?P<problem>.+?)( \((?P<expected>.+)\))?$")
REGION = {"region": "丽水市莲都区", "region_en": "Liandu District, Lishui",
          "plan": "莲都区科技创新三年行动计划(2024—2026年)", "seed": "莲政办发〔2024〕9号"}
STATISTICS = "2023年莲都区国民经济和社会发展统计公报"
# The county's own numbers, as a planner types them into the sheet (display units).
OWN_NUMBERS = {"gdp": 520.0, "population": 60.5, "industrial_va": 160.0,
               "budget_expenditure": 70.0, "fiscal_st_spending": 2.6, "rd_intensity": 2.2,
               "rd_personnel": 2900, "invention_patent_grants": 260,
               "invention_patents_per_10k": 14.0}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def new_county(tmp_path: Path, capsys, name: str = "liandu-2026.toml") -> Path:
    path = tmp_path / name
    code, out, _err = run(capsys, "new", path, "--start", "2023", "--target-year", "2026")
    assert code == 0 and f"written {path}" in out
    return path


def numbers_rows(sheet) -> dict[str, int]:
    """key -> row number in the numbers sheet (start values)."""
    return {row[1].value: row[1].row for row in sheet.iter_rows(min_row=2)
            if row[0].value == "baseline"}


def fill(workbook: Path, filled: Path, numbers: dict[str, float]) -> None:
    """What a planner does in Excel: the region, her own numbers with their source (no
    longer assumptions), and the plan's target in its own words."""
    book = load_workbook(workbook)
    for row in book[SCENARIO].iter_rows(min_row=2):
        if row[0].value in REGION:
            row[1].value = REGION[row[0].value]
    sheet = book[NUMBERS]
    rows = numbers_rows(sheet)
    for key, value in numbers.items():
        r = rows[key]
        sheet.cell(row=r, column=6).value = value
        sheet.cell(row=r, column=7).value = STATISTICS
        sheet.cell(row=r, column=8).value = "否"
        sheet.cell(row=r, column=9).value = None
        sheet.cell(row=r, column=10).value = None
    book[TARGETS].append(["rd_intensity", None, "level", ">=", 2.8, 2026, None, None,
                          "全社会R&D经费投入占GDP比重达到2.8%", REGION["seed"], "是"])
    book.save(filled)


# --- innosim new -----------------------------------------------------------------------------

def test_new_writes_every_field_explained_and_validate_lists_what_is_left(tmp_path, capsys):
    path = new_county(tmp_path, capsys)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for key, spec in BASELINES.items():
        if spec.optional and key not in TYPICAL_START:   # derived when left out: listed
            assert key in text.split("optional start values")[1], key
            continue
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key} = "))
        comments = "\n".join(lines[at - 3:at])
        # meaning in both languages, unit, where it is published, the plausible range
        assert spec.zh in comments and spec.en in comments and spec.unit in comments, key
        assert "常见出处 / usually published in" in comments, key
        assert "plausible for a county, district or city" in comments, key
    scenario_text = text.split("[baseline]")[0]
    assert "统计公报" in text and "财政决算" in text and "科技统计年报" in text
    assert "# 地区名称（中文） / the region's name in Chinese" in scenario_text
    document = tomlkit.parse(text)
    for key, (value, (low, high)) in TYPICAL_START.items():
        entry = document["baseline"][key]
        assert entry["assumption"] is True and entry["value"] == value
        assert list(entry["range"]) == [low, high] and "source" not in entry
    code, out, err = run(capsys, "validate", path)
    problems = err.strip().splitlines()
    assert code == 2 and out == ""
    # every missing field in one round, one line each: file: field: problem (expected)
    assert [LINE.match(p)["field"] for p in problems] == [
        "scenario.region", "scenario.region_en", "scenario.plan", "scenario.seed"]
    assert all(LINE.match(p)["file"] == str(path) and LINE.match(p)["expected"]
               for p in problems)


def test_new_refuses_to_replace_a_file_without_force(tmp_path, capsys):
    path = new_county(tmp_path, capsys)
    path.write_text("# mine\n", encoding="utf-8")
    code, _out, err = run(capsys, "new", path)
    assert code == 2 and "file exists" in err and path.read_text() == "# mine\n"
    code, _out, _err = run(capsys, "new", path, "--force", "--start", "2023")
    assert code == 0 and "[baseline]" in path.read_text(encoding="utf-8")


def test_interactive_new_asks_for_the_region_and_the_years(tmp_path, capsys):
    answers = iter(["", "某县", "Mou County", "某县科技创新行动", "", "", "某政办发〔2024〕1号",
                    "", "20x3", "2024", "2027", ""])
    args = Namespace(file=str(tmp_path / "mou.toml"), like=None, interactive=True, name=None,
                     force=False, start=None, target_year=None, end=None,
                     **{f: "" for f in ("region", "region_en", "plan", "plan_en", "document",
                                        "seed", "issued")})
    assert new_handle(args, ask=lambda _question: next(answers)) == 0
    captured = capsys.readouterr()
    assert "scenario.start: got '20x3' (a year such as 2023)" in captured.err
    scenario = load_scenario(tmp_path / "mou.toml")   # complete: it validates
    assert (scenario.meta.region, scenario.meta.start, scenario.meta.target_year) == (
        "某县", 2024, 2027)
    assert all(entry.assumption for entry in scenario.baseline.values())


def test_like_copies_structure_and_levers_but_never_sourced_numbers(tmp_path, capsys):
    path = tmp_path / "mou.toml"
    code, out, _err = run(capsys, "new", path, "--like", KECHENG, *sum(
        ([f"--{k.replace('_', '-')}", v] for k, v in REGION.items()), []))
    assert code == 0
    kecheng = load_scenario(KECHENG)
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    sourced = {e.source for e in [*kecheng.baseline.values(), *kecheng.levers.values()]
               if e.source}
    for section in ("baseline", "levers"):
        for key, entry in document[section].items():
            assert entry["assumption"] is True and "source" not in entry, key
    # a sourced number of Kecheng's: the model's default, saying what Kecheng had
    growth = document["levers"]["fiscal_st_growth"]
    assert growth["value"] == LEVERS["fiscal_st_growth"].default
    assert "kecheng-2027.toml had 15" in growth["note"]
    assert "kecheng-2027.toml had 1.59" in document["baseline"]["fiscal_st_spending"]["note"]
    # an assumed lever is a guess, not Kecheng's fact: copied with its range
    shares = document["levers"]["share_rd_subsidies"]
    assert (shares["value"], list(shares["range"])) == (40, [20, 60])
    assert not any(f'source = "{s}"' in path.read_text(encoding="utf-8") for s in sourced)
    # the structure: years and method, and the shape of the tracked targets without words
    assert document["scenario"]["start"] == 2022 and document["scenario"]["integration"] == "rk4"
    tracked = [t for t in kecheng.targets if t.tracked]
    assert [t["indicator"] for t in document["targets"]] == [t.indicator for t in tracked]
    assert all(t["quote"] == "" and t["seed"] == REGION["seed"] for t in document["targets"])
    code, _out, err = run(capsys, "validate", path)
    assert code == 2 and len(err.splitlines()) == len(tracked)
    assert all(": empty (the plan's own words for this target)" in line
               for line in err.splitlines())


# --- validation: every problem at once -------------------------------------------------------

def test_every_missing_start_value_is_listed_at_once(tmp_path, capsys):
    text = KECHENG.read_text(encoding="utf-8")
    removed = ("population", "tech_smes", "rd_personnel")   # in the catalogue's order
    for key in removed:
        text = re.sub(rf"^{key} = .*\n", "", text, flags=re.M)
    text = text.replace('seed = "000_99f5de129bc11a13.txt"\nissued', 'seed = ""\nissued')
    text = text.replace('source = "Kecheng 2022 statistical bulletin: 60 new provincial tech '
                        'SMEs"', 'source = " "')
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioErrors) as raised:
        load_scenario(path)
    fields = [e.field for e in raised.value.errors]
    assert fields == ["scenario.seed", "baseline.tech_smes_new_per_year.source",
                      *(f"baseline.{k}" for k in removed)]
    assert raised.value.errors[0].problem == "empty"
    code, _out, err = run(capsys, "check", path)
    assert code == 2 and len(err.splitlines()) == 5


def test_a_part_above_its_whole_is_an_error(tmp_path):
    text = KECHENG.read_text(encoding="utf-8").replace(
        "industrial_va = { value = 90, assumption = true, range = [75, 105]",
        "industrial_va = { value = 300, assumption = true, range = [75, 305]")
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    assert raised.value.field == "baseline.industrial_va.value"
    assert "above GDP 280" in raised.value.problem


# --- plausibility ----------------------------------------------------------------------------

def test_no_shipped_scenario_is_implausible():
    for path in sorted(SCENARIOS.glob("*.toml")):
        assert implausible(load_scenario(path)) == [], path.name


def test_the_shipped_ratios_lie_inside_their_ranges():
    """The ratio ranges are not so wide that they say nothing: each shipped region's ratio
    is inside, a tenfold slip of one number outside."""
    for path in sorted(SCENARIOS.glob("*.toml")):
        start = {k: e.value for k, e in load_scenario(path).baseline.items()}
        for name, ratio in RATIOS.items():
            value = ratio.compute(start)
            assert ratio.low <= value <= ratio.high, (path.name, name, value)
            slipped = dict(start, **{ratio.inputs[0]: start[ratio.inputs[0]] * 1e4})
            assert not ratio.low <= ratio.compute(slipped) <= ratio.high, (path.name, name)


def test_a_unit_slip_is_a_warning_naming_it_and_an_impossible_value_an_error(tmp_path,
                                                                              capsys):
    base = KECHENG.read_text(encoding="utf-8")
    slip = tmp_path / "slip.toml"   # GDP typed in 万元: 280000 where 28 亿元 was meant
    slip.write_text(base.replace("gdp = { value = 280, assumption = true, range = [250, 310]",
                                 "gdp = { value = 280000, assumption = true, "
                                 "range = [250000, 310000]"), encoding="utf-8")
    code, out, err = run(capsys, "validate", slip)
    assert code == 0 and out.startswith("ok")      # valid: the exit code is unchanged
    warnings = err.splitlines()
    assert warnings[0] == (
        f"{slip}: baseline.gdp: warning: GDP 280000 亿元: 亿元 expected, a county's, "
        "district's or city's GDP is 5–45000 亿元 (written in 万元? that is 28 亿元)")
    assert any("baseline.gdp/population: warning: GDP per head 5957 万元/人" in w
               for w in warnings)
    code, _out, err = run(capsys, "check", slip)
    assert code in (0, 1) and "GDP 280000 亿元: 亿元 expected" in err
    impossible = tmp_path / "impossible.toml"   # the same slip on a city: above China's GDP
    impossible.write_text(base.replace("gdp = { value = 280, assumption = true, "
                                       "range = [250, 310]",
                                       "gdp = { value = 2800000, assumption = true, "
                                       "range = [2500000, 3100000]"), encoding="utf-8")
    code, _out, err = run(capsys, "validate", impossible)
    assert code == 2 and err.splitlines() == [
        f"{impossible}: baseline.gdp.value: 2.8e+06 is above 2e+06 (a value <= 2e+06 亿元 for "
        "GDP; written in 万元? that is 280 亿元)"]


# --- the data sheet --------------------------------------------------------------------------

def test_an_unchanged_sheet_gives_back_the_same_file_and_verdicts(tmp_path, capsys):
    for name in ("kecheng-2027.toml", "kecheng-2027-accelerated.toml", "china-2015.toml"):
        folder = tmp_path / name
        folder.mkdir()
        for parent in SCENARIOS.glob(f"{name.split('-')[0]}*.toml"):
            (folder / parent.name).write_bytes(parent.read_bytes())
        source = folder / name
        sheet = tmp_path / f"{name}.xlsx"
        code, _out, _err = run(capsys, "sheet", "export", source, "-o", sheet)
        assert code == 0
        back = folder / f"back-{name}"
        code, _out, err = run(capsys, "sheet", "import", sheet, "-o", back)
        assert code == 0, err
        assert back.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
        before, after = load_scenario(source), load_scenario(back)
        verdicts = [[v.record() for v in check(s, simulate(s, runs=40, seed=3))]
                    for s in (before, after)]
        assert verdicts[0] == verdicts[1]


def test_the_sheet_holds_one_row_per_number_as_data(tmp_path):
    data = export_workbook(KECHENG.read_text(encoding="utf-8"), KECHENG)
    path = tmp_path / "k.xlsx"
    path.write_bytes(data)
    book = load_workbook(path)
    sheet = book[NUMBERS]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["栏目 section", "键 key", "名称", "name", "单位 unit", "数值 value",
                          "来源 source", "假设 assumed"]
    rows = {(r[0].value, r[1].value): r for r in sheet.iter_rows(min_row=2)}
    gdp = rows[("baseline", "gdp")]
    assert [c.value for c in gdp[2:10]] == ["地区生产总值", "GDP", "亿元", 280, None, "是",
                                            250, 310]
    assert gdp[10].value == "5–45000 亿元"
    assert rows[("baseline", "rd_intensity")][7].value == "否"
    # the targets each number moves: from a run of the model, not from a list
    investment = rows[("levers", "hightech_investment_growth")][11].value
    assert "全社会R&D经费投入占GDP比重 2027" in investment
    assert "高新技术企业 2027" in rows[("baseline", "hightech_new_certifications")][11].value
    assert all(c.data_type != "f" for s in book.worksheets for r in s.iter_rows() for c in r)
    targets = list(book[TARGETS].iter_rows(min_row=2, values_only=True))
    assert targets[0][8] == "全社会R&D经费投入占GDP比重突破3.2%"
    assert book["_innosim"].sheet_state == "hidden"


def test_a_quote_starting_like_a_formula_stays_text(tmp_path):
    text = KECHENG.read_text(encoding="utf-8").replace(
        'quote = "全社会R&D经费投入占GDP比重突破3.2%"', 'quote = "=HYPERLINK(\\"x\\")"')
    path = tmp_path / "k.xlsx"
    path.write_bytes(export_workbook(text, KECHENG))
    cell = load_workbook(path)[TARGETS]["I2"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


def test_sheet_problems_name_sheet_row_and_column_all_at_once(tmp_path, capsys):
    sheet = tmp_path / "k.xlsx"
    sheet.write_bytes(export_workbook(KECHENG.read_text(encoding="utf-8"), KECHENG))
    book = load_workbook(sheet)
    numbers = book[NUMBERS]
    rows = numbers_rows(numbers)
    numbers.cell(row=rows["gdp"], column=6).value = "二百八十"
    numbers.cell(row=rows["population"], column=6).value = "=A1*2"
    numbers.cell(row=rows["tech_smes"], column=8).value = "maybe"
    numbers.cell(row=rows["incubator_capacity"], column=9).value = None   # only one end
    numbers.append(["baseline", "gpd", None, None, None, 300])
    book.save(sheet)
    out = tmp_path / "out.toml"
    code, _out, err = run(capsys, "sheet", "import", sheet, "-o", out)
    lines = err.splitlines()
    assert code == 2 and not out.exists()
    assert lines == [
        f"{sheet}: sheet '数据 numbers' row {rows['gdp']} column F (数值 value): got '二百八十' "
        "(a number)",
        f"{sheet}: sheet '数据 numbers' row {rows['population']} column F (数值 value): a "
        "formula '=A1*2' (the number itself, typed in)",
        f"{sheet}: sheet '数据 numbers' row {rows['tech_smes']} column H (假设 assumed): got "
        "'maybe' (是 or 否 (yes or no))",
        f"{sheet}: sheet '数据 numbers' row {rows['incubator_capacity']} column I (范围下限 "
        "low): empty (both ends of the range, or neither)",
        f"{sheet}: sheet '数据 numbers' row {numbers.max_row} column B (键 key): unknown "
        "baseline key 'gpd' (did you mean 'gdp'?)",
    ]


def test_validation_problems_are_traced_to_their_cell(tmp_path, capsys):
    sheet = tmp_path / "k.xlsx"
    sheet.write_bytes(export_workbook(KECHENG.read_text(encoding="utf-8"), KECHENG))
    book = load_workbook(sheet)
    rows = numbers_rows(book[NUMBERS])
    book[NUMBERS].cell(row=rows["gdp"], column=6).value = 400   # outside its range
    book[TARGETS]["F2"].value = 2040                              # after the run
    book[TARGETS]["I3"].value = None                              # no quote
    book.save(sheet)
    code, _out, err = run(capsys, "sheet", "import", sheet, "-o", tmp_path / "out.toml")
    assert code == 2
    assert err.splitlines() == [
        f"{sheet}: sheet '数据 numbers' row {rows['gdp']} column F (数值 value) "
        "[baseline.gdp.value]: 400 lies outside its range [250, 310] (a central value "
        "within its range)",
        f"{sheet}: sheet '目标 targets' row 3 column I (规划原文 quote) [targets[1].quote]: "
        "missing (this field to be present)",
        f"{sheet}: sheet '目标 targets' row 2 column F (年份 year) [targets[0].year]: 2040 "
        "lies outside the run (a year from 2023 to 2030)",
    ]


def test_import_never_replaces_a_file_without_force(tmp_path, capsys):
    sheet = tmp_path / "k.xlsx"
    sheet.write_bytes(export_workbook(KECHENG.read_text(encoding="utf-8"), KECHENG))
    out = tmp_path / "mine.toml"
    out.write_text("# mine\n", encoding="utf-8")
    code, _out, err = run(capsys, "sheet", "import", sheet, "-o", out)
    assert code == 2 and "file exists" in err and out.read_text() == "# mine\n"
    assert import_workbook(sheet.read_bytes(), sheet, out, overwrite=True).meta.region == "柯城区"


def test_a_file_that_is_no_workbook_is_one_line(tmp_path, capsys):
    sheet = tmp_path / "k.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not really")
    code, _out, err = run(capsys, "sheet", "import", sheet, "-o", tmp_path / "x.toml")
    assert code == 2 and err.splitlines() == [
        f"{sheet}: (file): not an Excel workbook (BadZipFile) (an .xlsx file written by "
        "innosim sheet export)"]


# --- done when: a new county from innosim new, filled in Excel, validated, checked, in the app

@pytest.fixture
def keep_main_module():
    """AppTest leaves the app script as ``sys.modules["__main__"]`` (see test_app.py)."""
    main_module = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main_module


def _picker(at):
    """The scenario picker (one select box per language)."""
    return next(s for s in at.selectbox if (s.key or "").startswith("picker:"))


def test_a_new_county_from_new_through_excel_to_the_app(tmp_path, capsys, monkeypatch,
                                                        keep_main_module):
    from streamlit.testing.v1 import AppTest

    folder = tmp_path / "mine"
    folder.mkdir()
    path = new_county(folder, capsys)
    sheet, filled = tmp_path / "liandu.xlsx", tmp_path / "liandu-filled.xlsx"
    assert run(capsys, "sheet", "export", path, "-o", sheet)[0] == 0
    fill(sheet, filled, OWN_NUMBERS)
    code, out, err = run(capsys, "sheet", "import", filled, "-o", path, "--force")
    assert code == 0 and err == "", err
    code, out, err = run(capsys, "validate", path)
    assert (code, err) == (0, "") and out.startswith(f"ok  {path}  (丽水市莲都区, 1 targets)")
    scenario = load_scenario(path)
    for key, value in OWN_NUMBERS.items():
        entry = scenario.baseline[key]
        assert (entry.value, entry.source, entry.assumption) == (value, STATISTICS, False)
        assert entry.note is None          # the template's placeholder note went with it
    assert scenario.baseline["tech_smes"].assumption   # not given: still the template's guess
    text = path.read_text(encoding="utf-8")
    assert "# 常见出处 / usually published in: 统计公报" in text   # the comments survived
    code, out, err = run(capsys, "check", path)
    assert code in (0, 1) and err == ""
    assert "全社会R&D经费投入占GDP比重 / R&D intensity" in out    # judged on its indicator
    assert ">= 2.8 (2026)" in out

    monkeypatch.setenv("INNOSIM_SCENARIOS", str(folder))
    at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    assert _picker(at).value == path.name
    assert "丽水市莲都区" in at.caption[0].value
    table = html_tables(at)[0]   # the verdict table (one HTML block: app/tables.py)
    assert list(table["指标"]) == ["全社会R&D经费投入占GDP比重"]
    assert not at.warning and not at.error

    # the unit slip: GDP typed in 万元 gets its warning, on the command line and in the app
    fill(sheet, filled, {**OWN_NUMBERS, "gdp": 5200000 / 10})
    slipped = folder / "liandu-slip.toml"
    code, out, err = run(capsys, "sheet", "import", filled, "-o", slipped)
    assert code == 0
    assert f"{slipped}: baseline.gdp: warning: GDP 520000 亿元: 亿元 expected" in err
    assert "(written in 万元? that is 52 亿元)" in err
    at.run()   # the page lists the folder's files anew
    _picker(at).set_value(slipped.name).run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("地区生产总值 520000 亿元" in w and "万元" in w for w in warnings), warnings
    at.radio(key="lang").set_value("en").run()
    assert any("GDP 520000 亿元: 亿元 expected" in w.value.replace("\\", "")
               for w in at.warning)


def test_the_template_runs_an_ensemble_whatever_its_draws(tmp_path, capsys):
    """The template's start values are guesses with ranges: every draw must fit together
    (no start-up without a seat, no high-value patent that is not an invention patent)."""
    path = tmp_path / "t.toml"
    args = ["new", path, "--start", "2023", *sum(([f"--{k.replace('_', '-')}", v]
                                                    for k, v in REGION.items()), [])]
    assert run(capsys, *args)[0] == 0
    results = simulate(load_scenario(path), runs=2000, seed=7)
    assert results.values.shape[-1] == 2000


# --- the app's Data view -----------------------------------------------------------------------

def test_the_data_view_saves_only_the_edits_as_a_variant_checking_every_edit():
    from app import data_view

    kecheng = load_scenario(KECHENG)
    text = KECHENG.read_text(encoding="utf-8")
    frames = (data_view.baseline_frame(kecheng, "zh"), data_view.target_frame(kecheng),
              data_view.history_frame(kecheng))
    untouched = data_view.edited_variant(kecheng, text, SCENARIOS, *frames, "zh")
    assert not untouched.changed and untouched.problems == []
    baseline, targets, history = (f.copy() for f in frames)
    gdp = baseline["key"] == "gdp"
    baseline.loc[gdp, ["value", "source", "assumed", "low", "high"]] = [
        291.5, "2022年柯城区统计公报", False, None, None]
    history.loc[len(history)] = ["gdp", 2021, 265.0, "2021年柯城区统计公报", None]
    edited = data_view.edited_variant(kecheng, text, SCENARIOS, baseline, targets, history,
                                      "zh")
    assert edited.changed and edited.problems == [], edited.problems
    document = tomlkit.parse(edited.text)
    assert document["extends"] == "kecheng-2027.toml"
    assert list(document["baseline"]) == ["gdp"]          # only what changed
    assert document["baseline"]["gdp"]["source"] == "2022年柯城区统计公报"
    assert len(document["history"]) == len(kecheng.history) + 1
    assert "targets" not in document                       # unchanged: inherited
    assert edited.scenario is not None and edited.scenario.baseline["gdp"].value == 291.5
    # bad edits: every problem, named by table and row
    targets.loc[0, "year"] = 2040
    baseline.loc[gdp, "value"] = -5
    baseline.loc[baseline["key"] == "population", "assumed"] = False   # and no source
    bad = data_view.edited_variant(kecheng, text, SCENARIOS, baseline, targets, history, "en")
    assert bad.scenario is None and len(bad.problems) == 3, bad.problems
    assert bad.problems[0].startswith("Data: Start values row 7 population "
                                      "[baseline.population]: every number needs source")
    assert bad.problems[1].startswith("Data: Start values row 6 gdp [baseline.gdp.value]: "
                                      "-5 is negative")
    assert bad.problems[2].startswith("Data: Targets row 1 [targets[0].year]: 2040 lies "
                                      "outside the run")


def test_the_data_view_takes_a_filled_sheet_and_shows_its_problems(keep_main_module):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.session_state["tabs:zh"] = "数据"   # a lazy tab: drawn when open
    at.run()
    assert not at.exception and not at.warning
    assert any(b.label == "下载 Excel 数据表" for b in at.get("download_button"))
    data = export_workbook(KECHENG.read_text(encoding="utf-8"), KECHENG)
    book = load_workbook(io.BytesIO(data))
    rows = numbers_rows(book[NUMBERS])
    book[NUMBERS].cell(row=rows["gdp"], column=6).value = "lots"
    book[NUMBERS].cell(row=rows["population"], column=6).value = 470000   # 人, not 万人
    buffer = io.BytesIO()
    book.save(buffer)
    at.file_uploader(key="data_sheet").set_value(("k.xlsx", buffer.getvalue(), "x")).run()
    errors = [e.value.replace("\\", "") for e in at.error]
    assert len(errors) == 2 and "sheet '数据 numbers' row" in errors[0], errors
    assert _picker(at).value == "kecheng-2027.toml"   # nothing lost
    book[NUMBERS].cell(row=rows["gdp"], column=6).value = 280
    book[NUMBERS].cell(row=rows["population"], column=6).value = 47
    book[NUMBERS].cell(row=rows["tech_smes"], column=6).value = 400
    buffer = io.BytesIO()
    book.save(buffer)
    at.file_uploader(key="data_sheet").set_value(("k.xlsx", buffer.getvalue(), "x")).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert _picker(at).value.endswith("/kecheng-2027-sheet.toml")   # kept as an upload
