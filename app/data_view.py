"""The "数据 / Data" view: a scenario's own numbers, edited, checked and saved as a variant.

The start values, the targets and the history are tables (``st.data_editor``). Every edit is
checked at once as the command line checks a file (every problem one line, named by table
and row; plausibility warnings as on the command line); the edits are saved as a variant that
``extends`` the loaded file with only what changed (a downloaded TOML, or loaded on this page
as an upload). The data sheet (Excel) of the scenario downloads and uploads here too
(:mod:`model.sheet`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
import tomlkit

from model.catalogue import BASELINES, INDICATORS, LEVERS
from model.errors import ScenarioError
from model.plausibility import RATIOS, Implausible, implausible, number
from model.scenario import Scenario, load_scenario
from model.sheet import export_workbook, located, plain_entry, read_workbook
from model.untrusted import display_name, plain_line, safe_key
from model.variants import variant_document

from . import uploads
from .i18n import t, unit
from .sidebar import Setup

ss = st.session_state
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KINDS = ("level", "cumulative", "growth", "flow", "rises")
OPS = (">", ">=", "<", "<=", "about")
TARGET_FIELDS = ("indicator", "kind", "op", "value", "year", "from_year", "tolerance",
                 "quote", "seed", "tracked", "reason", "note")
HISTORY_FIELDS = ("indicator", "year", "value", "source", "note")
MAX_ROWS = 500   # rows of targets or history traced back to their row in a problem


# --- pure parts (tested without a page) ------------------------------------------------------

def baseline_frame(scenario: Scenario, language: str) -> pd.DataFrame:
    """One row per start value: key, name, unit, value, source, assumed, range, plausible."""
    rows = []
    for key, entry in scenario.baseline.items():
        spec = BASELINES.get(key) or LEVERS[key]
        plausible = spec.plausible
        rows.append({
            "key": key, "name": spec.label(language), "unit": unit(spec.unit, language),
            "value": entry.value, "source": entry.source or "",
            "assumed": entry.assumption,
            "low": entry.range[0] if entry.range else None,
            "high": entry.range[1] if entry.range else None,
            "plausible": f"{plausible.low:g}–{plausible.high:g}" if plausible else "",
        })
    return pd.DataFrame(rows)


def target_frame(scenario: Scenario) -> pd.DataFrame:
    rows = [{field: getattr(target, field) for field in TARGET_FIELDS}
            for target in scenario.targets]
    return pd.DataFrame(rows, columns=list(TARGET_FIELDS))


def history_frame(scenario: Scenario) -> pd.DataFrame:
    rows = [{field: getattr(point, field) for field in HISTORY_FIELDS}
            for point in scenario.history]
    return pd.DataFrame(rows, columns=list(HISTORY_FIELDS))


@dataclass
class Edited:
    """A variant built from the tables: its TOML text, the scenario it makes (None when it
    does not validate) and every problem, each one line naming the table and row."""

    text: str
    scenario: Scenario | None
    problems: list[str]
    changed: bool


def edited_variant(scenario: Scenario, text: str, folder: Path | None, baseline: pd.DataFrame,
                   targets: pd.DataFrame, history: pd.DataFrame, language: str,
                   today: dt.date | None = None) -> Edited:
    """The loaded scenario with the tables' edits, as a variant of its file (``extends``)
    when the file is in ``folder``, else as a whole copy of ``text`` with the edits."""
    today = today or dt.date.today()
    name = Path(scenario.path).name
    in_folder = folder is not None and (folder / name).is_file()
    entries = _changed_entries(scenario, baseline)
    new_targets = _records(targets, TARGET_FIELDS)
    new_history = _records(history, HISTORY_FIELDS)
    targets_changed = new_targets != [plain_entry(t.model_dump()) for t in scenario.targets]
    history_changed = new_history != [plain_entry(p.model_dump()) for p in scenario.history]
    changed = bool(entries) or targets_changed or history_changed
    if in_folder:
        document = variant_document(
            name, f"{scenario.meta.name}-data-{today:%Y%m%d}",
            comments=[f"Variant of {name}: data edited in the innosim app on {today:%Y-%m-%d}.",
                      "Everything not given here is inherited from the parent file."],
            sections={"baseline": entries})
    else:
        document = tomlkit.parse(text)
        for key, entry in entries.items():
            if "baseline" not in document:
                document.add("baseline", tomlkit.table())
            inline = tomlkit.inline_table()
            inline.update(entry)
            document["baseline"][key] = inline
    for section, records, edited in (("targets", new_targets, targets_changed),
                                     ("history", new_history, history_changed)):
        if not edited:
            continue
        array = tomlkit.aot()
        for record in records:
            table = tomlkit.table()
            for key, value in record.items():
                table.add(key, value)
            array.append(table)
        if section in document:
            document[section] = array
        else:
            document.add(section, array)
    output = tomlkit.dumps(document)
    saved_as = (folder or Path(".")) / f"{Path(name).stem}-data.toml"
    cells = _cells(baseline, language)
    try:
        loaded = load_scenario(saved_as, output)
    except ScenarioError as error:
        shown = located(error, t("data_title", language), cells)
        return Edited(output, None, shown.lines(), changed)
    return Edited(output, loaded, [], changed)


def _changed_entries(scenario: Scenario, frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The rows whose value, source, assumption or range differ from the scenario's entry."""
    changed: dict[str, dict[str, Any]] = {}
    for row in frame.to_dict("records"):
        key = str(row.get("key") or "")
        old = scenario.baseline.get(key)
        if old is None:
            continue
        entry: dict[str, Any] = {"value": _number(row.get("value"))}
        source = str(row.get("source") or "").strip()
        if source:
            entry["source"] = source
        if bool(row.get("assumed")):   # unticked without a source: validation says so
            entry["assumption"] = True
        low, high = _number(row.get("low")), _number(row.get("high"))
        if low is not None and high is not None:
            entry["range"] = [low, high]
        same = (entry["value"] == old.value and entry.get("source") == (old.source or None)
                and entry.get("assumption", False) == old.assumption
                and entry.get("range") == (list(old.range) if old.range else None))
        if same:
            continue
        if entry["value"] is None:
            del entry["value"]   # validation names the missing value
        if old.note:
            entry["note"] = old.note
        changed[key] = entry
    return changed


def _number(value: Any) -> float | int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    number_ = float(value)
    return int(number_) if number_.is_integer() and abs(number_) < 1e15 else number_


def _records(frame: pd.DataFrame, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """The rows of an edited table as TOML tables: empty cells and defaults left out."""
    records = []
    for row in frame.to_dict("records"):
        record = {}
        for field in fields:
            value = row.get(field)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if field in ("year", "from_year"):
                value = int(value)
            elif field in ("value", "tolerance"):
                value = _number(value)
            elif field == "tracked":
                value = bool(value)
            elif isinstance(value, str):
                value = value.strip()
            record[field] = value
        if any(v not in ("", None) for k, v in record.items() if k != "tracked"):
            records.append(plain_entry(record))
    return records


def _cells(baseline: pd.DataFrame, language: str) -> dict[str, str]:
    """TOML fields -> the table and row they were edited in, for one-line problems."""
    def row(table: str, i: int, entry: str = "") -> str:
        return t("data_row", language, table=t(table, language), row=i + 1, entry=entry).strip()

    cells = {f"baseline.{key}": row("data_baselines", i, key)
             for i, key in enumerate(baseline.get("key", pd.Series(dtype=str)))}
    for i in range(MAX_ROWS):
        cells[f"targets[{i}]"] = row("data_targets", i)
        cells[f"history[{i}]"] = row("data_history", i)
    return cells


def warning_text(problem: Implausible, language: str) -> str:
    """A plausibility warning in ``language`` (the command line prints it in English)."""
    value = number(problem.value)
    span = f"{problem.low:g}–{problem.high:g}"
    name = problem.zh if language == "zh" else problem.en
    if problem.key in RATIOS:
        ratio = RATIOS[problem.key]
        formula = ratio.formula_zh if language == "zh" else ratio.formula
        return t("implausible_ratio", language, name=name, value=value, unit=problem.unit,
                 formula=formula, span=span)
    text = t("implausible", language, name=name, value=value, unit=problem.unit, span=span)
    if problem.slip_unit is not None and problem.slip_value is not None:
        text += t("implausible_slip", language, written=problem.slip_unit,
                  value=number(problem.slip_value), unit=problem.unit)
    return text


# --- the page --------------------------------------------------------------------------------

def plausibility_warnings(scenario: Scenario, language: str) -> None:
    """Warnings for numbers outside what a region plausibly has (the run goes on)."""
    for problem in implausible(scenario):
        st.warning(plain_line(f"{problem.field}: {warning_text(problem, language)}"))


def scenario_text(choice: Setup, files: Mapping[str, Path]) -> str:
    """The TOML text of the loaded scenario (a file of the folder, or an upload)."""
    if choice.name in files:
        return files[choice.name].read_text(encoding="utf-8")
    stored = uploads.store().path(choice.name)
    if stored is None:   # evicted from the uploads folder since: nothing left to edit
        raise ScenarioError(choice.name.rpartition("/")[2], "", "is no longer kept",
                            "the file uploaded again")
    return stored.read_text(encoding="utf-8")


def data_section(choice: Setup, files: Mapping[str, Path], language: str) -> None:
    st.caption(t("data_intro", language))
    folder = ss.get("scenario_folder")
    text = scenario_text(choice, files)
    stem = safe_key(Path(choice.name).stem)
    left, right = st.columns(2)
    left.download_button(
        t("data_sheet_download", language),
        lambda: export_workbook(text, (folder or Path(".")) / Path(choice.name).name),
        file_name=f"{stem}-data.xlsx", mime=XLSX, key="data_sheet_download",
        on_click="ignore")
    right.file_uploader(t("data_sheet_upload", language), type=["xlsx"], key="data_sheet",
                        on_change=_on_sheet_upload)
    if ss.get("data_sheet_error"):
        for line in ss["data_sheet_error"]:
            right.error(plain_line(line))

    scope = f"{choice.key}:{language}"
    st.subheader(t("data_baselines", language))
    baseline = st.data_editor(
        baseline_frame(choice.scenario, language), key=f"data_baseline:{scope}",
        hide_index=True, width="stretch", disabled=["key", "name", "unit", "plausible"],
        column_config={
            "key": st.column_config.TextColumn(t("data_key", language)),
            "name": st.column_config.TextColumn(t("indicator", language)),
            "unit": st.column_config.TextColumn(t("unit", language)),
            "value": st.column_config.NumberColumn(t("data_value", language), format="%g"),
            "source": st.column_config.TextColumn(t("data_source", language), width="large"),
            "assumed": st.column_config.CheckboxColumn(t("data_assumed", language)),
            "low": st.column_config.NumberColumn(t("data_low", language), format="%g"),
            "high": st.column_config.NumberColumn(t("data_high", language), format="%g"),
            "plausible": st.column_config.TextColumn(t("data_plausible", language)),
        })
    st.subheader(t("data_targets", language))
    targets = st.data_editor(
        target_frame(choice.scenario), key=f"data_targets:{scope}", num_rows="dynamic",
        hide_index=True, width="stretch",
        column_config={
            "indicator": st.column_config.SelectboxColumn(
                t("indicator", language), options=list(INDICATORS)),
            "kind": st.column_config.SelectboxColumn(t("data_kind", language), options=KINDS),
            "op": st.column_config.SelectboxColumn("op", options=OPS),
            "value": st.column_config.NumberColumn(t("data_value", language), format="%g"),
            "year": st.column_config.NumberColumn(t("year", language), format="%d"),
            "from_year": st.column_config.NumberColumn(t("data_from_year", language),
                                                       format="%d"),
            "tolerance": st.column_config.NumberColumn(t("data_tolerance", language),
                                                       format="%g"),
            "quote": st.column_config.TextColumn(t("data_quote", language), width="large"),
            "seed": st.column_config.TextColumn(t("data_seed", language)),
            "tracked": st.column_config.CheckboxColumn(t("data_tracked", language)),
            "reason": st.column_config.TextColumn(t("reason", language)),
            "note": st.column_config.TextColumn(t("data_note", language)),
        })
    st.subheader(t("data_history", language))
    history = st.data_editor(
        history_frame(choice.scenario), key=f"data_history:{scope}", num_rows="dynamic",
        hide_index=True, width="stretch",
        column_config={
            "indicator": st.column_config.SelectboxColumn(
                t("indicator", language), options=list(INDICATORS)),
            "year": st.column_config.NumberColumn(t("year", language), format="%d"),
            "value": st.column_config.NumberColumn(t("data_value", language), format="%g"),
            "source": st.column_config.TextColumn(t("data_source", language), width="large"),
            "note": st.column_config.TextColumn(t("data_note", language)),
        })
    edited = edited_variant(choice.scenario, text, folder, baseline, targets, history,
                            language)
    if not edited.changed:
        st.caption(t("data_unchanged", language))
        return
    if edited.problems:   # every problem, checked on every edit
        for line in edited.problems:
            st.error(plain_line(line))
        return
    st.success(t("data_valid", language))
    if edited.scenario is not None:
        plausibility_warnings(edited.scenario, language)
    name = f"{stem}-data-{dt.date.today():%Y%m%d}.toml"
    left, right = st.columns(2)
    left.download_button(t("data_download_variant", language), edited.text.encode("utf-8"),
                         file_name=name, mime="application/toml", key="data_variant_toml",
                         on_click="ignore")
    right.button(t("data_use_variant", language), key="data_use_variant",
                 on_click=_use_variant, args=(name, edited.text))


def _use_variant(name: str, text: str) -> None:
    """Load the edited variant on this page, kept as an upload of the same text would be
    (its page address then reopens it)."""
    store = uploads.store()
    earlier = [p.parent for p in (store.path(k) for k in ss.get("uploads", {})) if p]
    try:
        keys = store.keep([(name, text.encode("utf-8"))], ss.get("scenario_folder"), earlier)
    except ScenarioError as error:
        ss["data_sheet_error"] = error.lines()
        return
    ss.setdefault("uploads", {})[keys[0]] = name
    ss["scenario_name"] = keys[0]


def _on_sheet_upload() -> None:
    uploaded = ss.get("data_sheet")
    if uploaded is None:
        return
    shown = display_name(uploaded.name)
    folder = ss.get("scenario_folder") or Path(".")
    try:
        imported = read_workbook(uploaded.getvalue(), shown, Path(folder))
        name = f"{Path(imported.base_name).stem}-sheet.toml"
        imported.checked(Path(folder) / name, shown)
        text = tomlkit.dumps(imported.document)
    except ScenarioError as error:
        ss["data_sheet_error"] = error.lines()
        return
    ss["data_sheet_error"] = None
    _use_variant(name, text)
