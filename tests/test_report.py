"""The Word report: its sections, its verdict rows and probabilities equal to ``check``'s,
text as data, no overwrite without --force. (Rendering: tests/test_report_render.py.)"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from docx import Document

from model.catalogue import INDICATORS
from model.cli import main
from model.priorities import priorities, sentence
from model.targets import probability_text, verdict_word

from .conftest import KECHENG

N = "64"   # Sobol N of the priorities: small, the report's layout is under test here
HEADINGS_ZH = ["要点", "一、规划与情景", "二、目标达成判断", "三、指标走势",
               "四、未达成目标需要什么条件", "五、优先核实的数字", "六、主要假设及其来源",
               "七、方法说明", "八、模型版本与复现"]


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "kecheng.docx"
    assert main(["report", str(KECHENG), "-o", str(path), "--n", N]) == 0
    return path


@pytest.fixture(scope="module")
def checked() -> list[dict]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", str(KECHENG), "--runs", "500", "--seed", "1", "--format", "json"])
    return json.loads(out.getvalue())


def _headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_the_report_has_every_section_in_order(written):
    document = Document(str(written))
    assert _headings(document) == HEADINGS_ZH
    assert document.paragraphs[0].text == "柯城区科技创新规划目标达成情况模拟评估报告"


def test_verdict_rows_are_checks_rows_with_its_probabilities(written, checked):
    document = Document(str(written))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "序号")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    tracked = [r for r in checked if r["likelihood"] is not None]
    assert len(rows) == len(tracked)
    for row, record in zip(rows, tracked, strict=True):
        assert row[1] == INDICATORS[record["indicator"]].zh
        assert row[2] == record["quote"]                 # the plan's own words
        assert row[5] == probability_text(record["probability"])
        assert row[6] == verdict_word(record["likelihood"], "zh")
        assert row[4].startswith(f"{record['value']:.4g}")
    untracked = next(t for t in document.tables if t.rows[0].cells[-1].text == "原因")
    assert [r.cells[0].text for r in untracked.rows[1:]] == [
        r["quote"] for r in checked if r["likelihood"] is None]


def test_the_report_names_the_numbers_to_collect_first(written, kecheng):
    document = Document(str(written))
    text = "\n".join(p.text for p in document.paragraphs)
    ranked = priorities(kecheng, int(N), seed=1)
    assert sentence(ranked, "zh") in text and "X 的定义" in text
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "承载份额")
    assert table.rows[1].cells[1].text == ranked.chosen[0].name("zh")


def test_charts_missed_targets_and_reproduction_are_there(written, checked):
    document = Document(str(written))
    indicators = {r["indicator"] for r in checked if r["likelihood"] is not None}
    pictures = document.inline_shapes
    assert len(pictures) == len(indicators) + 1        # one chart each, and the legend
    missed = [r for r in checked if r["verdict"] == "missed"]
    level3 = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    for record in missed:
        assert any(h.startswith(INDICATORS[record["indicator"]].zh) for h in level3)
    version = document.tables[-1]
    cells = {row.cells[0].text: row.cells[1].text for row in version.rows}
    assert cells["情景文件"] == "kecheng-2027.toml"
    assert "--seed 1" in cells["复现命令"] and "--runs 500" in cells["复现命令"]
    assert cells["达成概率"] == "500 次拉丁超立方抽样，随机种子 1"


def test_an_existing_report_is_kept_unless_forced(written, capsys):
    before = written.read_bytes()
    code, _, err = run_cli(capsys, "report", str(KECHENG), "-o", str(written), "--n", N)
    assert code == 2 and "file exists" in err and len(err.strip().splitlines()) == 1
    assert written.read_bytes() == before
    code, _, _ = run_cli(capsys, "report", str(KECHENG), "-o", str(written), "--n", N,
                         "--language", "en", "--force")
    assert code == 0
    document = Document(str(written))
    assert _headings(document)[1] == "1. The plan and the scenario"
    assert not list(written.parent.glob(".*"))   # no temporary file left beside it


@pytest.mark.parametrize("args, expected", [
    (["-o", "x.pdf"], ".docx"),
    (["-o", "no/such/folder/x.docx"], "folder"),
    (["-o", "x.docx", "--runs", "0"], "--runs"),
    (["-o", "x.docx", "--n", "100"], "--n"),
])
def test_bad_options_are_one_line(capsys, tmp_path, monkeypatch, args, expected):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "report", str(KECHENG), *args)
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


HOSTILE_QUOTE = '{ HYPERLINK "http://example.invalid" } =cmd|\' /c calc\'!A1 \\u0007 <w:t>'


def test_a_scenarios_text_is_data_not_fields(tmp_path, capsys):
    text = KECHENG.read_text(encoding="utf-8")
    first_quote = text.index('quote = "') + len('quote = "')
    end = text.index('"', first_quote)
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(text[:first_quote] + HOSTILE_QUOTE.replace('"', '\\"')
                       + text[end:], encoding="utf-8")
    report = tmp_path / "hostile.docx"
    code, _, err = run_cli(capsys, "report", str(hostile), "-o", str(report), "--n", N)
    assert code == 0, err
    xml = zipfile.ZipFile(report).read("word/document.xml").decode("utf-8")
    assert "fldSimple" not in xml and "instrText" not in xml and "fldChar" not in xml
    cells = [c.text for t in Document(str(report)).tables for row in t.rows for c in row.cells]
    # the control character is replaced, the rest stays as written
    assert '{ HYPERLINK "http://example.invalid" } =cmd|\' /c calc\'!A1 \ufffd <w:t>' in cells
    footer = zipfile.ZipFile(report).read("word/footer1.xml").decode("utf-8")
    assert footer.count("instrText") == 2 and " PAGE " in footer  # the page number only
