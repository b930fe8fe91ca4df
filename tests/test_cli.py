"""The command line as a user runs it: output, JSON records, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from model import load_scenario
from model.cli import main

from .conftest import KECHENG


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_run_prints_every_indicator_by_year(capsys):
    code, out, err = run_cli(capsys, "run", str(KECHENG), "--lang", "en")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert "2022" in lines[1] and "2030" in lines[1]
    assert any(line.startswith("R&D intensity") and " 2.71 " in line for line in lines)


def test_run_csv_has_a_column_per_year(capsys):
    code, out, _ = run_cli(capsys, "run", str(KECHENG), "--format", "csv")
    header = out.splitlines()[0].split(",")
    assert code == 0 and header[:3] == ["indicator", "name", "unit"]
    assert header[3:] == [str(y) for y in range(2022, 2031)]


def test_check_json_records_and_exit_code_follow_the_verdicts(capsys):
    code, out, _ = run_cli(capsys, "check", str(KECHENG), "--format", "json")
    records = json.loads(out)
    assert {"indicator", "year", "op", "target", "value", "verdict"} <= set(records[0])
    verdicts = {r["verdict"] for r in records}
    assert verdicts <= {"reached", "missed", "not modelled"}
    assert code == (1 if "missed" in verdicts else 0)
    intensity = next(r for r in records if r["indicator"] == "rd_intensity")
    assert intensity["op"] == ">" and intensity["target"] == 3.2 and intensity["year"] == 2027
    assert intensity["verdict"] == ("reached" if intensity["value"] > 3.2 else "missed")


def test_check_table_names_indicators_in_chinese_and_english(capsys):
    _code, out, _ = run_cli(capsys, "check", str(KECHENG))
    assert "全社会R&D经费投入占GDP比重 / R&D intensity" in out
    assert "first year" in out


def test_check_with_runs_reports_probabilities(capsys):
    _code, out, _ = run_cli(capsys, "check", str(KECHENG), "--runs", "200", "--seed", "1",
                            "--format", "json")
    records = json.loads(out)
    for record in records:
        if record["verdict"] == "not modelled":   # untracked: nothing to draw
            assert record["probability"] is None
        else:
            assert 0.0 <= record["probability"] <= 1.0
    assert any(r["probability"] is not None for r in records)


def test_check_without_runs_computes_no_probability(capsys):
    """One central run says nothing about how likely a target is: null, never 0 or 1."""
    _code, out, _ = run_cli(capsys, "check", str(KECHENG), "--format", "json")
    records = json.loads(out)
    assert records and all(r["probability"] is None and r["likelihood"] is None
                           for r in records)
    _code, out, _ = run_cli(capsys, "check", str(KECHENG))
    assert "central run" in out and "likely" not in out.replace("likelihood", "")


def test_check_with_runs_states_the_likelihood_by_its_band(capsys):
    _code, out, _ = run_cli(capsys, "check", str(KECHENG), "--runs", "100", "--seed", "1",
                            "--format", "json")
    for record in json.loads(out):
        p = record["probability"]
        expected = None if p is None else (
            "likely" if p >= 0.8 else "at risk" if p >= 0.2 else "unlikely")
        assert record["likelihood"] == expected
    _code, out, _ = run_cli(capsys, "check", str(KECHENG), "--runs", "100", "--seed", "1")
    assert "很可能达成 likely" in out and "有风险" in out and "P >=" not in out
    assert "unlikely: < 20 %" in out


def _write(tmp_path, text: str | bytes, name: str = "bad.toml"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


BASE = KECHENG.read_text(encoding="utf-8")

# (case, how to break the Kecheng file, the field named, words the message must contain)
BAD_INPUTS = [
    ("wrong type", lambda t: t.replace("start = 2022", 'start = "2022"'),
     "scenario.start", "a whole number"),
    ("nan", lambda t: t.replace("value = 1.59,", "value = nan,"),
     "baseline.fiscal_st_spending.value", "finite"),
    ("inf", lambda t: t.replace("value = 452,", "value = inf,"),
     "baseline.invention_patent_grants.value", "finite"),
    ("unknown key", lambda t: t.replace("fiscal_rule = ", "fiscal_rul = "),
     "scenario.fiscal_rul", "did you mean 'fiscal_rule'"),
    ("unknown baseline", lambda t: t.replace("gdp = {", "gpd = {"),
     "baseline.gpd", "did you mean 'gdp'"),
    # a misspelt section is named once, with its suggestion, not also as missing
    ("misspelt section", lambda t: t.replace("[baseline]", "[baseline_values]"),
     "baseline_values", "did you mean 'baseline'"),
    ("missing section", lambda t: t[:t.index("[baseline]")] + t[t.index("[levers]"):],
     "baseline", "missing section [baseline]"),
    ("target year outside the run", lambda t: t.replace("year = 2027\nquote = \"全社会R&D",
                                                         "year = 2035\nquote = \"全社会R&D"),
     "targets[0].year", "outside the run"),
    ("shares not summing to 100", lambda t: t.replace("share_talent = { value = 20",
                                                       "share_talent = { value = 25"),
     "levers.share_rd_subsidies", "sum to 105"),
    ("negative stock", lambda t: t.replace("tech_smes = { value = 350",
                                           "tech_smes = { value = -350"),
     "baseline.tech_smes.value", "negative"),
    ("negative rate", lambda t: t.replace("fiscal_st_growth = { value = 15",
                                          "fiscal_st_growth = { value = -60"),
     "levers.fiscal_st_growth.value", "below -50"),
    ("unknown indicator", lambda t: t.replace('indicator = "tech_smes"',
                                              'indicator = "tech_sme"'),
     "targets[6].indicator", "did you mean 'tech_smes'"),
    ("no provenance", lambda t: t.replace('population = { value = 47, assumption = true, '
                                          'range = [44, 50],', 'population = { value = 47,'),
     "baseline.population", "source"),
    ("value outside its range", lambda t: t.replace("gdp = { value = 280", "gdp = { value = 380"),
     "baseline.gdp.value", "outside its range"),
]


@pytest.mark.parametrize("case, corrupt, field, words", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_scenarios_get_one_line_and_exit_code_2(tmp_path, capsys, case, corrupt, field, words):
    broken = corrupt(BASE)
    assert broken != BASE, f"the {case} case did not change the file"
    path = _write(tmp_path, broken)
    code, out, err = run_cli(capsys, "check", str(path))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{path}: {field}"), lines[0]
    assert words in lines[0]


def test_broken_toml_names_the_line(tmp_path, capsys):
    path = _write(tmp_path, BASE.replace('region = "柯城区"', 'region = "柯城区'))
    code, _out, err = run_cli(capsys, "validate", str(path))
    assert code == 2 and "broken TOML" in err and "line 10" in err


def test_not_utf8(tmp_path, capsys):
    path = _write(tmp_path, BASE.encode("gbk"))
    code, _out, err = run_cli(capsys, "check", str(path))
    assert code == 2 and err.startswith(f"{path}: (file): not UTF-8")


def test_huge_file_is_refused_before_reading(tmp_path, capsys):
    path = _write(tmp_path, BASE + "# " + "x" * 1_100_000 + "\n")
    code, _out, err = run_cli(capsys, "check", str(path))
    assert code == 2 and "at most 1,000,000 bytes" in err


def test_deeply_nested_file(tmp_path, capsys):
    path = _write(tmp_path, BASE + "\n[extra]\nx = " + "[" * 50 + "]" * 50 + "\n")
    code, _out, err = run_cli(capsys, "check", str(path))
    assert code == 2 and "nested too deeply" in err and len(err.strip().splitlines()) == 1


def test_missing_file(tmp_path, capsys):
    code, _out, err = run_cli(capsys, "run", str(tmp_path / "nope.toml"))
    assert code == 2 and "no such file" in err


def test_validate_many_files_reports_each(tmp_path, capsys):
    good = _write(tmp_path, BASE, "good.toml")
    bad = _write(tmp_path, BASE.replace("dt = 0.25", "dt = 0.3"), "bad.toml")
    code, out, err = run_cli(capsys, "validate", str(good), str(bad))
    assert code == 2
    assert f"ok  {good}" in out
    assert err.strip() == f"{bad}: scenario: dt 0.3 must divide a year into whole steps, " \
                          "at most 64 (1, 0.5, 0.25…)"


def test_inconsistent_baseline_is_a_user_error_not_a_traceback(tmp_path, capsys):
    text = BASE.replace("startups_in_incubation = { value = 150, assumption = true, "
                        "range = [100, 190] }",
                        "startups_in_incubation = { value = 400, source = \"test\" }")
    path = _write(tmp_path, text)
    code, _out, err = run_cli(capsys, "check", str(path))
    assert code == 2 and "more start-ups in incubation than seats" in err


def test_console_script_runs_as_installed(tmp_path):
    path = _write(tmp_path, BASE.replace("[levers]", "[lever]"))
    done = subprocess.run([sys.executable, "-m", "model", "check", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "did you mean 'levers'" in done.stderr


# --- the plan's language: wording, proxies, assumed years (issue 10) -----------------------

def test_check_shows_the_plans_wording_and_names_each_proxy(capsys):
    liuzhou = KECHENG.parent / "liuzhou-2022.toml"
    _code, out, _ = run_cli(capsys, "check", str(liuzhou))
    lines = out.splitlines()
    row = next(line for line in lines if "再转化重大科技成果200项以上" in line)
    number = row.split()[0]
    assert "achievements_transformed *" in row            # judged on a proxy, marked
    proxy = next(line for line in lines if line.startswith(f"* {number} proxy: "))
    assert "一般成果数" in proxy and "generic count" in proxy   # both languages
    assert "rd_intensity = 全社会R&D经费投入占GDP比重 / R&D intensity" in lines
    plain_row = next(line for line in lines if "推动全社会研发投入(R&D)强度达到2.2%以上" in line)
    assert "*" not in plain_row.split("rd_intensity")[1].split()[0]


def test_check_json_gives_quote_proxy_and_the_about_tolerance(capsys):
    cangzhou = KECHENG.parent / "cangzhou-2022.toml"
    _code, out, _ = run_cli(capsys, "check", str(cangzhou), "--format", "json")
    records = json.loads(out)
    share = next(r for r in records if r["indicator"] == "hightech_va_share")
    assert share["op"] == "about_or_above" and share["tolerance"] == 1.25
    assert share["quote"].endswith("达到25%左右")
    # 达到25%左右 is reached above 25 %: the symmetric band used to call 26.6 % missed
    assert share["verdict"] == ("reached" if share["value"] >= 23.75 else "missed")
    assert all({"proxy_zh", "proxy_en", "note"} <= set(r) for r in records)
    smes = next(r for r in records if "1200家左右" in r["quote"])
    assert smes["verdict"] == "not modelled" and "assumed constant" in smes["reason"]


def test_check_and_list_say_when_the_target_year_is_assumed(capsys):
    baojing = KECHENG.parent / "baojing-2021.toml"
    _code, out, _ = run_cli(capsys, "check", str(baojing))
    assert out.splitlines()[1].startswith("target year assumed: 汇编文本的年份错乱")
    assert "the compiled text garbles its years" in out.splitlines()[1]
    code, out, _ = run_cli(capsys, "list", str(KECHENG.parent), "--format", "json")
    rows = {row["file"]: row for row in json.loads(out)}
    assert rows["baojing-2021.toml"]["target_year_assumed"] is True
    assert rows["chuangxinxing-xx-2015.toml"]["target_year_assumed"] is False
    liuzhou = load_scenario(KECHENG.parent / "liuzhou-2022.toml")
    proxies = sum(t.proxy is not None for t in liuzhou.targets)
    assert rows["liuzhou-2022.toml"]["proxies"] == proxies >= 2
    _code, table, _ = run_cli(capsys, "list", str(KECHENG.parent))
    assert "2018→2021?" in table and "2010→2015 " in table
    assert "(see the file's target_year_note)" in table
