"""Save and share: the edited levers as a variant scenario TOML, results as CSV and Excel.

The variant ``extends`` the file it was made from and sets only the levers that changed,
each with a source saying it was edited here, so it is ready to commit next to its parent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

import pandas as pd
import tomlkit

from model.catalogue import LEVERS
from model.reasons import reason_text
from model.scenario import Scenario, Target
from model.targets import describe
from model.untrusted import safe_cells, text_cells, write_csv, xlsx_text
from model.variants import variant_document

from .compute import View
from .i18n import t, unit


def variant_toml(scenario: Scenario, changed: Mapping[str, float],
                 parameters: Mapping[str, float] | None = None,
                 today: dt.date | None = None) -> str:
    """A scenario TOML that extends ``scenario``'s file and sets the ``changed`` levers."""
    today = today or dt.date.today()
    parent = Path(scenario.path).name
    source = f"edited in innosim on {today:%Y-%m-%d}"

    def entries(values: Mapping[str, float]) -> dict[str, dict[str, object]]:
        return {k: {"value": round(float(v), 6), "source": source} for k, v in values.items()}

    document = variant_document(
        parent, f"{scenario.meta.name}-edited-{today:%Y%m%d}",
        comments=[f"Variant of {parent} made in the innosim app on {today:%Y-%m-%d}.",
                  "Everything not given here is inherited from the parent file."],
        meta={"plan_en": f"{scenario.meta.plan_en}, edited variant"}
        if scenario.meta.plan_en else None,
        sections={"levers": entries(changed), "parameters": entries(parameters or {})})
    return tomlkit.dumps(document)


RESULT_COLUMNS = ("indicator_key", "indicator", "unit", "year", "central_run", "q05", "q50",
                  "q95")


def results_table(view: View, language: str) -> pd.DataFrame:
    """Long table: indicator, name, unit, year, central run, 5 %/50 %/95 % of the ensemble
    (headers in ``language``)."""
    central = view.central
    frames = []
    for i, key in enumerate(central.indicators):
        spec = central.specs[key]
        band = view.bands[key]
        frames.append(pd.DataFrame(dict(zip((t(c, language) for c in RESULT_COLUMNS), (
            key, spec.label(language), unit(spec.unit, language), central.years.astype(int),
            central.values[i, :, 0], band["q05"].to_numpy(), band["q50"].to_numpy(),
            band["q95"].to_numpy()), strict=True))))
    return pd.concat(frames, ignore_index=True)


def target_name(target: Target, view: View, language: str) -> str:
    """The indicator's name; for a target the model does not cover, the plan's own words."""
    spec = view.central.specs.get(target.indicator)
    if spec is not None:
        return spec.label(language)
    return target.quote if language == "zh" else target.indicator.replace("_", " ")


def goal_text(target: Target, language: str) -> str:
    """The plan's target as a short phrase (:func:`model.targets.describe`)."""
    return describe(target, language)


def proxy_text(target: Target, language: str) -> str:
    """What the model judges instead of the plan's own statistic ("" where it judges that)."""
    if target.proxy is None:
        return ""
    return target.proxy.zh if language == "zh" else target.proxy.en


def verdict_table(view: View, language: str, modelled: bool | None = None) -> pd.DataFrame:
    """One row per target, with the screen's column names in ``language``.

    Each row gives the plan's own wording (the quote), the model's indicator it is judged
    on and, where that is a proxy, the statistic used instead. ``modelled=True`` keeps the
    targets the model judges, ``False`` the others (with the reason), ``None`` all of them.
    """
    rows = []
    central = dict(enumerate(view.central_verdicts))
    for i, verdict in enumerate(view.verdicts):
        target = verdict.target
        if modelled is not None and target.tracked != modelled:
            continue
        name = target_name(target, view, language)
        # the unit of the compared quantity (model.targets.compared_unit)
        shown_unit = unit(verdict.unit, language) if verdict.unit else ""
        goal = goal_text(target, language)
        rows.append({
            t("plan_wording", language): target.quote,
            t("indicator", language): name,
            **({} if modelled is False else {t("proxy", language): proxy_text(target,
                                                                               language)}),
            t("target", language): goal,
            t("year", language): target.year,
            t("simulated", language): verdict.value,
            t("gap", language): verdict.gap,
            t("unit", language): shown_unit,
            # the verdict is the likelihood from the ensemble (model.targets.likelihood)
            t("verdict", language): t(verdict.likelihood or verdict.verdict, language),
            t("probability", language): verdict.probability,
            **({} if modelled is False else {t("central_verdict", language): t(
                central[i].verdict, language) if i in central else "—"}),
            t("first_year", language): verdict.first_year,
            **({} if modelled else {t("reason", language): reason_text(target, language)}),
        })
    return pd.DataFrame(rows)


def verdicts_csv(view: View, language: str) -> bytes:
    """The verdict table (every target, the plan's wording, proxy notes, reasons) as CSV,
    UTF-8 with a byte-order mark; text cells are data, never formulas."""
    return write_csv(verdict_table(view, language), index=False).encode("utf-8-sig")


def results_csv(view: View, language: str) -> bytes:
    """The results table as CSV, UTF-8 with a byte-order mark so Excel reads the Chinese.

    Text cells are data, never formulas (see :mod:`model.untrusted`).
    """
    return write_csv(results_table(view, language), index=False).encode("utf-8-sig")


SHEETS = {"zh": ("目标判断", "指标逐年", "不确定区间", "政策杠杆", "说明"),
          "en": ("verdicts", "indicators", "bands", "levers", "about")}
HEADER_ROWS = 0   # the header is the sheet's first row (pandas.read_excel(header=0))
# Excel number formats by column label key: a report shows 41 %, 3.21 and 2027, not 0.41,
# 3.2134567 and 2027.0.
NUMBER_FORMATS = {"probability": "0%", "year": "0", "first_year": "0", "simulated": "#,##0.00",
                  "gap": "+#,##0.00;-#,##0.00;0", "central_run": "#,##0.00", "q05": "#,##0.00",
                  "q50": "#,##0.00", "q95": "#,##0.00", "lever_value": "#,##0.00",
                  "lever_plan": "#,##0.00"}


def scenario_digest(scenario: Scenario, data: bytes | None = None) -> str:
    """The sha256 of the scenario file's bytes (``data`` for an upload), or "" if unreadable."""
    if data is None:
        try:
            data = Path(scenario.path).read_bytes()
        except OSError:
            return ""
    return hashlib.sha256(data).hexdigest()


def innosim_version() -> str:
    try:
        return metadata.version("innosim")
    except metadata.PackageNotFoundError:
        return "unknown"


def metadata_table(scenario: Scenario, view: View, language: str,
                   levers: Mapping[str, float], plan: Mapping[str, float],
                   lever_names: Mapping[str, str], digest: str | None = None,
                   now: dt.datetime | None = None) -> pd.DataFrame:
    """What produced the numbers: file and hash, plan, levers changed, runs, seed, version."""
    from .compute import BAND_SEED

    now = now or dt.datetime.now().replace(microsecond=0)
    changed = [f"{lever_names.get(k, k)} ({k}): {plan[k]:g} → {v:g}"
               for k, v in levers.items() if k in plan and abs(v - plan[k]) > 1e-9]
    meta = scenario.meta
    rows = [
        ("meta_file", Path(scenario.path).name),
        ("meta_sha256", digest if digest is not None else scenario_digest(scenario)),
        ("meta_region", meta.region if language == "zh" else meta.region_en or meta.region),
        ("meta_plan", meta.plan if language == "zh" else meta.plan_en or meta.plan),
        ("meta_years", f"{meta.start}–{meta.end}"),
        ("meta_levers", "; ".join(changed) or t("no_changes", language)),
        ("meta_runs", str(view.runs)),
        ("meta_seed", str(BAND_SEED)),
        ("meta_version", f"innosim {innosim_version()}"),
        ("meta_made", f"{now:%Y-%m-%d %H:%M}"),
    ]
    return pd.DataFrame({t("meta_field", language): [t(k, language) for k, _ in rows],
                         t("meta_value", language): [v for _, v in rows]})


def results_xlsx(view: View, language: str, levers: Mapping[str, float],
                 plan: Mapping[str, float], lever_names: Mapping[str, str],
                 scenario: Scenario | None = None, digest: str | None = None) -> bytes:
    """A report's workbook: verdicts (with the plan's wording), indicators by year (central
    run), bands, lever values, and with ``scenario`` a sheet saying what produced them.

    Headers are in ``language``, numbers carry formats (percent, two decimals, whole years),
    units have their own column. The verdicts carry the scenario's own text (quotes,
    reasons): every string is written as a text cell, never a formula, whatever it starts
    with.
    """
    buffer = io.BytesIO()
    central = view.central.to_wide(language=language)
    central["unit"] = [unit(u, language) for u in central["unit"]]
    central = central.rename(columns={"name": t("indicator", language),
                                      "unit": t("unit", language)})
    central.index.name = t("indicator_key", language)
    lever_frame = pd.DataFrame({
        t("lever_key", language): list(levers),
        t("goal_lever", language): [lever_names.get(k, k) for k in levers],
        t("unit", language): [unit(LEVERS[k].unit, language) if k in LEVERS else ""
                              for k in levers],
        t("lever_value", language): [levers[k] for k in levers],
        t("lever_plan", language): [plan[k] for k in levers],
    })
    frames = [verdict_table(view, language), central,
              results_table(view, language), lever_frame]
    if scenario is not None:
        frames.append(metadata_table(scenario, view, language, levers, plan, lever_names,
                                     digest))
    sheets = dict(zip(SHEETS[language], frames, strict=False))
    formats = {t(k, language): f for k, f in NUMBER_FORMATS.items()}
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            safe_cells(frame, xlsx_text).to_excel(writer, sheet_name=name,
                                                  index=frame is central)
            _lay_out(writer.book[name], formats, years=frame is central)
        text_cells(writer.book)
    return buffer.getvalue()


def _lay_out(sheet, formats: Mapping[str, str], years: bool) -> None:
    """Bold, frozen header; number formats by column; widths that fit the text."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "B2" if years else "A2"
    for column, cells in enumerate(sheet.iter_cols(), start=1):
        header = cells[0].value
        cells[0].font = Font(bold=True)
        number_format = formats.get(str(header)) or (
            "#,##0.00" if years and isinstance(header, int) else None)
        if number_format:
            for cell in cells[1:]:
                cell.number_format = number_format
        longest = max((len(str(c.value)) * (2 if _wide(str(c.value)) else 1)
                       for c in cells if c.value is not None), default=8)
        sheet.column_dimensions[get_column_letter(column)].width = min(max(longest + 2, 8), 60)


def _wide(text: str) -> bool:
    return any(ord(c) > 0x2E80 for c in text)
