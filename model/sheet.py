"""The data sheet: a scenario's numbers as an Excel workbook, and back into the TOML.

Planners keep their numbers in Excel. :func:`export_workbook` writes one row per number
(start value, lever, parameter: key, Chinese name, unit, value, source, assumed or not, range,
plausible range, the targets it moves), a sheet of targets in the plan's words, one of
history, one of the scenario's own fields, a sheet of instructions, and a hidden sheet that
records the TOML text the workbook came from. Every cell is data, never a formula
(:func:`model.untrusted.text_cells`).

:func:`document_from_workbook` reads a filled-in workbook back: it starts from the recorded
TOML (tomlkit, so comments and key order are kept) and changes only what the sheet changes,
entry by entry (a variant stays a variant: an unchanged inherited number is not written into
it; targets and history, which a variant replaces whole, are written only when changed).
Every problem names the sheet, the row and the column, one line each, all at once: a cell
that is not a number, a formula, an unknown key, and every problem the scenario's validation
finds, traced back to the cell it came from. An unchanged sheet gives back the same file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .catalogue import ALLOCATION_SHARES, BASELINES, INDICATORS, LEVERS, PARAMETERS
from .errors import ScenarioError, raise_all
from .inheritance import resolve
from .scenario import MAX_FILE_BYTES, Scenario, load_scenario, parse_document, read_document
from .targets import kind_word
from .template import PLACEHOLDER_NOTES
from .untrusted import text_cells, xlsx_text

FORMAT = "innosim data sheet 1"
NUMBERS, TARGETS, HISTORY, SCENARIO, README, META = (
    "数据 numbers", "目标 targets", "历史 history", "情景 scenario", "说明 README", "_innosim")
SECTIONS = {"baseline": {**BASELINES, **LEVERS}, "levers": LEVERS, "parameters": PARAMETERS}
YES, NO = "是", "否"
TRUE_WORDS = {"是", "yes", "y", "true", "1", "假设", "assumption"}
FALSE_WORDS = {"否", "no", "n", "false", "0"}
CHUNK = 30_000   # characters of TOML text per cell (an .xlsx cell holds 32,767)
MAX_SHEET_BYTES = 10_000_000


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    editable: bool = True
    width: int = 14


NUMBER_COLUMNS = (
    Column("section", "栏目 section", width=11),
    Column("key", "键 key", width=26),
    Column("zh", "名称", False, 30),
    Column("en", "name", False, 30),
    Column("unit", "单位 unit", False, 10),
    Column("value", "数值 value"),
    Column("source", "来源 source", width=40),
    Column("assumption", "假设 assumed", width=10),
    Column("low", "范围下限 low"),
    Column("high", "范围上限 high"),
    Column("plausible", "合理范围 plausible", False, 18),
    Column("drives", "影响的目标 drives targets", False, 40),
    Column("note", "备注 note", width=40),
)
TARGET_COLUMNS = (
    Column("indicator", "指标 indicator", width=26),
    Column("name", "名称 name", False, 30),
    Column("kind", "类型 kind", width=11),
    Column("op", "比较 op", width=8),
    Column("value", "目标值 value"),
    Column("year", "年份 year", width=8),
    Column("from_year", "起始年 from_year", width=10),
    Column("tolerance", "容差 tolerance", width=10),
    Column("quote", "规划原文 quote", width=50),
    Column("seed", "规划文件 seed", width=24),
    Column("tracked", "模型计算 tracked", width=10),
    Column("reason", "未计算原因 reason", width=30),
    Column("note", "备注 note", width=30),
)
HISTORY_COLUMNS = (
    Column("indicator", "指标 indicator", width=26),
    Column("name", "名称 name", False, 30),
    Column("year", "年份 year", width=8),
    Column("value", "数值 value"),
    Column("source", "来源 source", width=50),
    Column("note", "备注 note", width=30),
)
SCENARIO_COLUMNS = (
    Column("field", "字段 field", False, 14),
    Column("value", "内容 value", width=50),
    Column("about", "说明 about", False, 60),
)
TEXT_TARGET_FIELDS = ("indicator", "kind", "op", "quote", "seed", "reason", "note")
NUMBER_TARGET_FIELDS = ("value", "tolerance")
YEAR_TARGET_FIELDS = ("year", "from_year")
INSTRUCTIONS = (
    "如何填写 / How to fill this workbook",
    "1. 在「数据 numbers」中填写数值、来源；有出处的数字把「假设」改为「否」。",
    "   Enter each value and where it was published; a number with a source gets 否 (no) under "
    "assumed.",
    "2. 仍是假设的数字保留「是」，并给出范围下限与上限。",
    "   A number that stays an assumption keeps 是 (yes) and needs a low and a high end.",
    "3. 「目标 targets」按规划原文填写；「历史 history」填写往年实际值及出处。",
    "   Targets in the plan's own words; history: observed values of earlier years, with "
    "sources.",
    "4. 「情景 scenario」填写地区、规划名称与文号。",
    "   The scenario sheet: region, plan and document.",
    "5. 只填数字本身，不要公式；灰色列仅供参考，导入时不读取。",
    "   Numbers only, no formulas; grey columns are for reference and are not read back.",
    "6. innosim sheet import SHEET.xlsx -o FILE.toml 读回，逐行报告问题（表、行、列）。",
    "   Read it back with innosim sheet import; every problem is named by sheet, row and "
    "column.",
    "「合理范围」：县、区、市通常的取值；超出时 innosim 会提示可能的单位错误。",
    "Plausible: what a county, district or city usually has; outside it innosim warns of a "
    "likely unit slip.",
)
SCENARIO_ABOUT = {
    "name": "情景名称（输出文件名）/ scenario name, used for output files",
    "region": "地区 / region (Chinese)",
    "region_en": "地区英文名 / region in English",
    "plan": "规划全称 / the plan's title",
    "plan_en": "规划英文名 / the plan's title in English",
    "document": "文号 / document number",
    "seed": "规划原文（文件名或文号）/ the plan's text (file or number)",
    "issued": "印发日期 / date issued",
    "start": "基期年 / start year (the year of the start values)",
    "end": "模拟结束年 / last simulated year",
    "target_year": "规划目标年 / target year",
}
INTEGER_FIELDS = ("start", "end", "target_year")


# --- export ----------------------------------------------------------------------------------

def export_workbook(text: str, path: str | Path) -> bytes:
    """The workbook of the scenario whose TOML text is ``text``, the file ``path`` (where an
    ``extends`` is resolved; the file itself is not read). A file that does not validate yet
    (a new region being filled in) is exported too, without the "drives" column."""
    path = Path(path)
    merged = merged_document(text, path)
    try:
        scenario: Scenario | None = load_scenario(path, text)
    except ScenarioError:
        scenario = None
    drives = _drives(scenario) if scenario is not None else {}
    book = Workbook()
    sheet = book.active
    sheet.title = README
    for line in INSTRUCTIONS:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 110
    _fill(book.create_sheet(SCENARIO), SCENARIO_COLUMNS, _scenario_rows(merged))
    numbers = book.create_sheet(NUMBERS)
    _fill(numbers, NUMBER_COLUMNS, _number_rows(merged, drives))
    choice = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
    numbers.add_data_validation(choice)
    choice.add(f"H2:H{max(numbers.max_row, 2) + 200}")
    _fill(book.create_sheet(TARGETS), TARGET_COLUMNS, _target_rows(merged))
    _fill(book.create_sheet(HISTORY), HISTORY_COLUMNS, _history_rows(merged))
    meta = book.create_sheet(META)
    meta.sheet_state = "hidden"
    for row in _meta_rows(text, path.name):
        meta.append(row)
    book.active = 2   # open on the numbers
    text_cells(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet: Any, columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> None:
    sheet.append([c.header for c in columns])
    for row in rows:
        sheet.append([_cell(row.get(c.key)) for c in columns])
    grey = PatternFill("solid", fgColor="EEEEEE")
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = column.width
        head = sheet.cell(row=1, column=i)
        head.font = Font(bold=True)
        head.alignment = Alignment(wrap_text=True)
        if not column.editable:
            for r in range(1, len(rows) + 2):
                sheet.cell(row=r, column=i).fill = grey
    sheet.freeze_panes = "C2" if columns is NUMBER_COLUMNS else "A2"


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return xlsx_text(value)
    return value


def _range_text(low: float, high: float, unit: str) -> str:
    return f"{low:g}–{high:g} {unit}".strip()


def _number_rows(merged: dict[str, Any], drives: Mapping[tuple[str, str], str]
                 ) -> list[dict[str, Any]]:
    rows = []
    for section, declared in SECTIONS.items():
        table = merged.get(section)
        table = table if isinstance(table, dict) else {}
        keys = list(table)
        if section == "baseline":   # every start value has its row, given or not
            keys += [k for k in BASELINES if k not in table]
        for key in keys:
            entry = table.get(key)
            entry = entry if isinstance(entry, dict) else {}
            spec = declared.get(key)
            span = entry.get("range") if isinstance(entry.get("range"), list) else None
            plausible = ""
            if spec is not None and spec.plausible is not None and section == "baseline":
                plausible = _range_text(spec.plausible.low, spec.plausible.high, spec.unit)
            elif spec is not None and spec.range is not None:
                plausible = "model " + _range_text(*spec.range, spec.unit)
            rows.append({
                "section": section, "key": key,
                "zh": spec.zh if spec else "", "en": spec.en if spec else "",
                "unit": spec.unit if spec else "",
                "value": entry.get("value"), "source": entry.get("source"),
                "assumption": (YES if entry.get("assumption") else NO) if entry else None,
                "low": span[0] if span and len(span) == 2 else None,
                "high": span[1] if span and len(span) == 2 else None,
                "plausible": plausible, "drives": drives.get((section, key), ""),
                "note": entry.get("note"),
            })
    return rows


def _target_rows(merged: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for target in _tables(merged.get("targets")):
        spec = INDICATORS.get(str(target.get("indicator")))
        row = {k: target.get(k) for k in (*TEXT_TARGET_FIELDS, *NUMBER_TARGET_FIELDS,
                                          *YEAR_TARGET_FIELDS)}
        row["kind"] = target.get("kind", "level")
        row["tracked"] = YES if target.get("tracked", True) else NO
        row["name"] = spec.zh if spec else ""
        rows.append(row)
    return rows


def _history_rows(merged: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for point in _tables(merged.get("history")):
        spec = INDICATORS.get(str(point.get("indicator")))
        rows.append({**{k: point.get(k) for k in ("indicator", "year", "value", "source",
                                                   "note")},
                     "name": spec.zh if spec else ""})
    return rows


def _scenario_rows(merged: dict[str, Any]) -> list[dict[str, Any]]:
    meta = _table(merged, "scenario")
    return [{"field": key, "value": meta.get(key), "about": about}
            for key, about in SCENARIO_ABOUT.items()]


def _table(document: Mapping[str, Any], name: str) -> dict[str, Any]:
    value = document.get(name)
    return value if isinstance(value, dict) else {}


def _tables(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _meta_rows(text: str, name: str) -> list[list[str]]:
    rows = [["format", FORMAT], ["file", name],
            ["sha256", hashlib.sha256(text.encode("utf-8")).hexdigest()],
            ["exported", dt.date.today().isoformat()]]
    rows += [["toml", text[i:i + CHUNK]] for i in range(0, len(text), CHUNK)]
    return rows


def _drives(scenario: Scenario) -> dict[tuple[str, str], str]:
    """For each number of the file, the targets whose compared value moves by more than
    0.1 % when the number rises by 10 % (one deterministic run each; an allocation share
    rises with the other four rescaled, as on the planner's slider)."""
    import numpy as np

    from .levers import plan_levers, set_lever
    from .simulate import evaluate
    from .targets import measured

    tracked = [t for t in scenario.targets if t.tracked]
    if not tracked:
        return {}

    def compared(results: Any) -> np.ndarray:
        return np.array([float(np.median(measured(t, results, t.year))) for t in tracked])

    try:
        with np.errstate(all="ignore"):
            before = compared(evaluate(scenario))
    except (ValueError, ArithmeticError):
        return {}
    labels = [_target_label(t) for t in tracked]
    found: dict[tuple[str, str], str] = {}
    plan = plan_levers(scenario)
    for section in SECTIONS:
        for key, entry in getattr(scenario, section).items():
            if section == "baseline" and key in LEVERS:
                continue   # a lever's start value: its lever's row tells
            moved = entry.value * 1.1 if entry.value else 1.0
            try:
                with np.errstate(all="ignore"):
                    if section == "baseline":
                        results = evaluate(scenario, {f"baseline.{key}": moved})
                    elif key in ALLOCATION_SHARES:
                        shares = set_lever(plan, key, min(moved, 100.0))
                        results = evaluate(scenario, {k: shares[k] for k in ALLOCATION_SHARES})
                    else:
                        results = evaluate(scenario, {key: moved})
                after = compared(results)
            except (ValueError, ArithmeticError):
                continue
            change = np.abs(after - before) > 1e-3 * np.maximum(np.abs(before), 1e-9)
            names = list(dict.fromkeys(label for label, c in zip(labels, change, strict=True)
                                       if c))
            found[(section, key)] = "; ".join(names)
    return found


def _target_label(target: Any) -> str:
    spec = INDICATORS.get(target.indicator)
    name = spec.zh if spec else target.indicator
    kind = "" if target.kind == "level" else f"（{kind_word(target.kind, 'zh')}）"
    return f"{name}{kind} {target.year}"


# --- import ----------------------------------------------------------------------------------

@dataclass
class Imported:
    """The document read back from a workbook, and where each TOML field's cell is."""

    document: tomlkit.TOMLDocument
    base_name: str
    cells: dict[str, str]   # TOML field -> "sheet 'x' row r column L (header)"
    problems: list[ScenarioError]   # cells that could not be read (left as they were)

    def checked(self, as_path: Path, sheet_path: str | Path) -> Scenario:
        """The scenario, validated as if saved at ``as_path``; raises every problem, the
        unreadable cells' and the validation's (traced to their cells), at once."""
        text = tomlkit.dumps(self.document)
        try:
            scenario = load_scenario(as_path, text)
        except ScenarioError as error:
            found = located(error, sheet_path, self.cells)
            raise_all([*self.problems, *getattr(found, "errors", (found,))])
            raise
        raise_all(self.problems)
        return scenario


def read_workbook(data: bytes, sheet_path: str | Path, folder: Path) -> Imported:
    """The scenario document a filled-in workbook describes (see the module's doc), to be
    saved in ``folder`` (where a variant's parents are found).

    Raises :class:`ScenarioError` (every problem, one line each) naming ``sheet_path``, the
    sheet, the row and the column.
    """
    if len(data) > MAX_SHEET_BYTES:
        raise ScenarioError(sheet_path, "", f"file is {len(data):,} bytes",
                            f"a workbook of at most {MAX_SHEET_BYTES:,} bytes")
    try:
        book = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a file that is no workbook
        raise ScenarioError(sheet_path, "", f"not an Excel workbook ({type(error).__name__})",
                            "an .xlsx file written by innosim sheet export") from None
    missing = [name for name in (META, NUMBERS, TARGETS, HISTORY, SCENARIO)
               if name not in book.sheetnames]
    if missing:
        raise ScenarioError(sheet_path, f"sheet '{missing[0]}'", "missing",
                            "a workbook written by innosim sheet export, its sheets kept")
    meta = {str(r[0]): r[1] for r in book[META].iter_rows(values_only=True) if r and r[0]}
    chunks = [str(r[1] or "") for r in book[META].iter_rows(values_only=True)
              if r and r[0] == "toml"]
    if meta.get("format") != FORMAT or not chunks:
        raise ScenarioError(sheet_path, f"sheet '{META}'", "not an innosim data sheet",
                            "a workbook written by innosim sheet export")
    text = "".join(chunks)
    name = Path(str(meta.get("file") or "scenario.toml")).name
    try:
        document = tomlkit.parse(text)
        merged = merged_document(text, folder / name)
    except ScenarioError as error:
        raise ScenarioError(sheet_path, f"sheet '{META}' ({error.field or 'file'})",
                            error.problem, error.expected) from None
    except Exception as error:  # tomlkit's parse errors: the recorded text was edited
        raise ScenarioError(sheet_path, f"sheet '{META}'", f"the recorded scenario cannot be "
                            f"read ({type(error).__name__})", "the sheet as exported") from None
    reader = _Reader(sheet_path)
    reader.scenario(book[SCENARIO], document, merged)
    reader.numbers(book[NUMBERS], document, merged)
    reader.arrays(book[TARGETS], TARGET_COLUMNS, "targets", document, merged)
    reader.arrays(book[HISTORY], HISTORY_COLUMNS, "history", document, merged)
    return Imported(document, name, reader.cells, reader.problems)


def merged_document(text: str, as_path: Path) -> dict[str, Any]:
    """The whole scenario ``text`` describes, saved as ``as_path`` (parents merged in)."""
    return resolve(as_path, read_document, parse_document(text, as_path))[0]


class _Reader:
    """Reads the sheets into the document, collecting every problem."""

    def __init__(self, sheet_path: str | Path) -> None:
        self.path = str(sheet_path)
        self.problems: list[ScenarioError] = []
        self.cells: dict[str, str] = {}

    def where(self, sheet: str, row: int, columns: tuple[Column, ...], key: str) -> str:
        index = [c.key for c in columns].index(key)
        return (f"sheet '{sheet}' row {row} column {get_column_letter(index + 1)} "
                f"({columns[index].header})")

    def problem(self, where: str, problem: str, expected: str) -> None:
        self.problems.append(ScenarioError(self.path, where, problem, expected))

    def rows(self, sheet: Any, columns: tuple[Column, ...]) -> list[tuple[int, dict[str, Any]]]:
        """(row number, {column key: cell}) of every row with something in it."""
        found = []
        for r, cells in enumerate(sheet.iter_rows(min_row=2, max_col=len(columns)), start=2):
            row = {c.key: cell for c, cell in zip(columns, cells, strict=False)}
            if any(_empty(cell.value) is False for cell in row.values()):
                found.append((r, row))
        return found

    def value(self, sheet: str, r: int, columns: tuple[Column, ...], row: dict[str, Any],
              key: str, kind: str) -> Any:
        """A cell's value as ``kind`` (number, year, text, yes/no); None if empty or bad."""
        cell = row.get(key)
        raw = None if cell is None else cell.value
        where = self.where(sheet, r, columns, key)
        if cell is not None and cell.data_type == "f":
            self.problem(where, f"a formula {str(raw)[:40]!r}", "the number itself, typed in")
            return None
        if _empty(raw):
            return None
        if isinstance(raw, dt.datetime | dt.date):   # Excel made a date of it
            raw = (raw.date() if isinstance(raw, dt.datetime) else raw).isoformat()
        if kind == "text":
            return str(raw).strip() if not isinstance(raw, float | int) else f"{raw:g}"
        if kind == "yes/no":
            word = str(raw).strip().lower()
            if isinstance(raw, bool):
                return raw
            if word in TRUE_WORDS:
                return True
            if word in FALSE_WORDS:
                return False
            self.problem(where, f"got {str(raw)[:40]!r}", f"{YES} or {NO} (yes or no)")
            return None
        number = _number(raw)
        if number is None:
            self.problem(where, f"got {str(raw)[:40]!r}",
                         "a whole year such as 2023" if kind == "year" else "a number")
            return None
        if kind == "year":
            if not float(number).is_integer():
                self.problem(where, f"got {number:g}", "a whole year such as 2023")
                return None
            return int(number)
        return int(number) if float(number).is_integer() and isinstance(raw, int) else number

    # -- the sheets --

    def scenario(self, sheet: Any, document: Any, merged: dict[str, Any]) -> None:
        meta = _table(merged, "scenario")
        for r, row in self.rows(sheet, SCENARIO_COLUMNS):
            field = self.value(SCENARIO, r, SCENARIO_COLUMNS, row, "field", "text")
            if field not in SCENARIO_ABOUT:
                continue
            kind = "year" if field in INTEGER_FIELDS else "text"
            value = self.value(SCENARIO, r, SCENARIO_COLUMNS, row, "value", kind)
            self.cells[f"scenario.{field}"] = self.where(SCENARIO, r, SCENARIO_COLUMNS,
                                                         "value")
            if value is None:
                value = "" if kind == "text" else meta.get(field)
            if value is not None and value != meta.get(field, "" if kind == "text" else None):
                if "scenario" not in document:
                    document.add("scenario", tomlkit.table())
                document["scenario"][field] = value

    def numbers(self, sheet: Any, document: Any, merged: dict[str, Any]) -> None:
        for r, row in self.rows(sheet, NUMBER_COLUMNS):
            section = self.value(NUMBERS, r, NUMBER_COLUMNS, row, "section", "text")
            key = self.value(NUMBERS, r, NUMBER_COLUMNS, row, "key", "text")
            if section not in SECTIONS:
                self.problem(self.where(NUMBERS, r, NUMBER_COLUMNS, "section"),
                             f"got {section!r}", "baseline, levers or parameters")
                continue
            if key not in SECTIONS[section]:
                import difflib
                close = difflib.get_close_matches(str(key), list(SECTIONS[section]), n=1)
                self.problem(self.where(NUMBERS, r, NUMBER_COLUMNS, "key"),
                             f"unknown {section} key {key!r}",
                             f"did you mean {close[0]!r}?" if close else
                             "a key listed by innosim document")
                continue
            field = f"{section}.{key}"
            for column in ("value", "source", "assumption", "low", "high", "note"):
                self.cells[f"{field}.{column}"] = self.where(NUMBERS, r, NUMBER_COLUMNS, column)
            self.cells[f"{field}.range"] = self.cells[f"{field}.low"]
            self.cells[field] = self.cells[f"{field}.value"]
            entry = self.entry(r, row)
            if entry is None:
                continue
            table = _table(merged, section)
            old = table.get(key) if isinstance(table.get(key), dict) else None
            if old is not None and _visible(old) == _visible(entry):
                continue   # unchanged: the file keeps its own text
            if old is not None and "range" in entry:   # keep how the range is drawn
                entry.update({k: old[k] for k in ("distribution", "sd", "mode", "unit",
                                                    "moves_with", "rank_correlation")
                              if k in old})
            if section not in document:
                document.add(section, tomlkit.table())
            inline = tomlkit.inline_table()
            inline.update(entry)
            document[section][key] = inline

    def entry(self, r: int, row: dict[str, Any]) -> dict[str, Any] | None:
        read = {k: self.value(NUMBERS, r, NUMBER_COLUMNS, row, k, kind) for k, kind in (
            ("value", "number"), ("source", "text"), ("assumption", "yes/no"),
            ("low", "number"), ("high", "number"), ("note", "text"))}
        if read["value"] is None:
            return None   # an empty value: the number is missing (validation says so)
        entry: dict[str, Any] = {"value": read["value"]}
        if read["source"]:
            entry["source"] = read["source"]
        assumed = read["assumption"] if read["assumption"] is not None else not read["source"]
        if assumed:
            entry["assumption"] = True
        if read["low"] is not None or read["high"] is not None:
            if read["low"] is None or read["high"] is None:
                missing = "low" if read["low"] is None else "high"
                self.problem(self.where(NUMBERS, r, NUMBER_COLUMNS, missing), "empty",
                             "both ends of the range, or neither")
                return None
            entry["range"] = [read["low"], read["high"]]
        placeholder = str(read["note"] or "").startswith(PLACEHOLDER_NOTES)
        if read["note"] and not (placeholder and not assumed):   # sourced: no placeholder
            entry["note"] = read["note"]
        return entry

    def arrays(self, sheet: Any, columns: tuple[Column, ...], name: str, document: Any,
               merged: dict[str, Any]) -> None:
        kinds = {"value": "number", "tolerance": "number", "year": "year",
                 "from_year": "year", "tracked": "yes/no"}
        tables = []
        for i, (r, row) in enumerate(self.rows(sheet, columns)):
            table: dict[str, Any] = {}
            for column in columns:
                if not column.editable:
                    continue
                value = self.value(sheet.title, r, columns, row, column.key,
                                   kinds.get(column.key, "text"))
                self.cells[f"{name}[{i}].{column.key}"] = self.where(sheet.title, r, columns,
                                                                     column.key)
                if value is not None:
                    table[column.key] = value
            self.cells[f"{name}[{i}]"] = self.where(sheet.title, r, columns, columns[0].key)
            tables.append(table)
        if [plain_entry(t) for t in tables] == [plain_entry(t) for t in _tables(merged.get(name))]:
            return   # unchanged: the file keeps its own text
        array = tomlkit.aot()
        for table in tables:
            item = tomlkit.table()
            for key, value in plain_entry(table).items():
                item.add(key, value)
            array.append(item)
        if name in document:
            document[name] = array
        else:
            document.add(name, array)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


NUMBER_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else None
    text = str(raw).strip().replace(",", "").replace("，", "")
    return float(text) if NUMBER_TEXT.match(text) else None


def _visible(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of an entry the sheet shows (what decides whether a row changed)."""
    span = entry.get("range")
    return {"value": float(entry.get("value", math.nan)), "source": entry.get("source") or None,
            "assumption": bool(entry.get("assumption", False)),
            "range": [float(x) for x in span] if isinstance(span, list) else None,
            "note": entry.get("note") or None}


def plain_entry(table: Mapping[str, Any]) -> dict[str, Any]:
    """A target or history point without its defaults, numbers as numbers, for comparing
    and writing."""
    plain = {k: v for k, v in table.items() if v is not None and v != ""}
    if plain.get("tracked") is True:
        del plain["tracked"]
    if plain.get("kind") == "level":
        del plain["kind"]
    for key in ("value", "tolerance"):
        if isinstance(plain.get(key), float) and plain[key].is_integer():
            plain[key] = int(plain[key])
    return plain


def import_workbook(data: bytes, sheet_path: str | Path, out: str | Path, *,
                    overwrite: bool = False) -> Scenario:
    """Read a workbook back and write its scenario to ``out`` (atomically, validated first;
    an existing ``out`` replaced only with ``overwrite``). Problems name sheet, row, column."""
    from .variants import write_scenario

    imported = read_workbook(data, sheet_path, Path(out).parent)
    imported.checked(Path(out).parent / f".{Path(out).stem}-check.toml", sheet_path)
    try:
        saved = write_scenario(imported.document, out, overwrite=overwrite)
    except ScenarioError as error:
        raise located(error, sheet_path, imported.cells) from None
    if saved is None:
        raise RuntimeError("written without check")
    return saved


def check_text(text: str, as_path: Path, sheet_path: str | Path,
               cells: Mapping[str, str]) -> Scenario:
    """Validate a scenario read back from a workbook as if saved at ``as_path``, every
    problem named by the workbook's cell."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ScenarioError(sheet_path, "", "the scenario would be larger than 1 MB",
                            "fewer or shorter entries")
    try:
        return load_scenario(as_path, text)
    except ScenarioError as error:
        raise located(error, sheet_path, cells) from None


def located(error: ScenarioError, sheet_path: str | Path, cells: Mapping[str, str]
            ) -> ScenarioError:
    """``error`` with each problem's TOML field traced to the workbook cell it came from
    (the nearest field the sheet has a cell for); fields without one keep their name."""
    problems = []
    for problem in getattr(error, "errors", (error,)):
        field, where = problem.field, None
        probe = field
        while probe:
            if probe in cells:
                where = cells[probe]
                break
            probe = probe.rsplit(".", 1)[0] if "." in probe else ""
        name = f"{where} [{field}]" if where else (field or "(file)")
        problems.append(ScenarioError(sheet_path if where else problem.path, name,
                                      problem.problem, problem.expected))
    if len(problems) == 1:
        return problems[0]
    from .errors import ScenarioErrors
    return ScenarioErrors(problems)
