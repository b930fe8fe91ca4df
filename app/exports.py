"""Save and share: the edited levers as a variant scenario TOML, results as CSV and Excel.

The variant ``extends`` the file it was made from and sets only the levers that changed,
each with a source saying it was edited here, so it is ready to commit next to its parent.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import tomlkit

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


def results_table(view: View, language: str) -> pd.DataFrame:
    """Long table: indicator, name, unit, year, central run, 5 %/50 %/95 % of the ensemble."""
    central = view.central
    frames = []
    for i, key in enumerate(central.indicators):
        spec = central.specs[key]
        band = view.bands[key]
        frames.append(pd.DataFrame({
            "indicator": key,
            "name": spec.label(language),
            "unit": unit(spec.unit, language),
            "year": central.years.astype(int),
            "central": central.values[i, :, 0],
            "q05": band["q05"].to_numpy(),
            "q50": band["q50"].to_numpy(),
            "q95": band["q95"].to_numpy(),
        }))
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
            **({} if modelled else {t("reason", language): target.reason or ""}),
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


SHEETS = {"zh": ("目标判断", "指标逐年", "不确定区间", "政策杠杆"),
          "en": ("verdicts", "indicators", "bands", "levers")}


def results_xlsx(view: View, language: str, levers: Mapping[str, float],
                 plan: Mapping[str, float], lever_names: Mapping[str, str]) -> bytes:
    """A workbook: verdicts, indicators by year (central run), bands, lever values.

    The verdicts carry the scenario's own text (quotes, reasons): every string is written
    as a text cell, never a formula, whatever it starts with.
    """
    buffer = io.BytesIO()
    central = view.central.to_wide(language=language)
    central["unit"] = [unit(u, language) for u in central["unit"]]
    lever_frame = pd.DataFrame({
        "lever": list(levers),
        "name": [lever_names[k] for k in levers],
        "value": [levers[k] for k in levers],
        "plan": [plan[k] for k in levers],
    })
    frames = (verdict_table(view, language), central, results_table(view, language),
              lever_frame)
    sheets = dict(zip(SHEETS[language], frames, strict=True))
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            safe_cells(frame, xlsx_text).to_excel(writer, sheet_name=name,
                                                  index=frame is central)
        text_cells(writer.book)
    return buffer.getvalue()
