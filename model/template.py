"""A scenario for a region that is not shipped: every field, explained, ready to fill in.

:func:`new_document` writes every required field of a scenario with a comment in Chinese
and English above it (what it is, its unit, where the number is usually published: 统计公报,
科技统计年报, 财政决算 ...). Every start value is an assumption at a mid-sized county's value
with a range (:data:`model.catalogue.TYPICAL_START`) until the planner gives her own number
and its source; the text fields the planner must give (region, plan, seed) are left empty,
so ``innosim validate`` lists them all.

With ``like`` (another scenario), the new file copies its structure (years, integration,
fiscal rule), the plan's levers and the shape of its targets, but never that region's sourced
numbers: a sourced start value or lever becomes an assumption at the model's default, with a
note saying what the other file had; the targets keep indicator, comparison, value and year
but lose the other plan's words (``quote``, ``seed``), which the planner must give.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import Table

from .catalogue import BASELINES, LEVERS, PARAMETERS, TYPICAL_START
from .quantities import Spec
from .scenario import Entry, Scenario

TEMPLATE_NOTE = "模板默认值（中等规模县）/ template default (a mid-sized county): replace it"
DEFAULT_NOTE = "模型默认值 / model default: give your plan's value and its source"
# Notes that say a number is a placeholder: they go once the number has a source.
PLACEHOLDER_NOTES = (TEMPLATE_NOTE, DEFAULT_NOTE)


@dataclass(frozen=True)
class Field:
    """A ``[scenario]`` field: its comment in both languages."""

    key: str
    zh: str
    en: str


SCENARIO_FIELDS = (
    Field("name", "情景名称，用作输出文件名（字母、数字、连字符）",
          "short name, used for output files (letters, digits, -)"),
    Field("region", "地区名称（中文）", "the region's name in Chinese"),
    Field("region_en", "地区英文名", "the region's name in English"),
    Field("plan", "规划或方案的全称", "the plan's full title"),
    Field("plan_en", "规划英文名（可空）", "the plan's title in English (may stay empty)"),
    Field("document", "文号，如 某政办发〔2023〕16号（可空）",
          "the document number (may stay empty)"),
    Field("seed", "规划原文：文件名或文号（目标引文出自此处）",
          "the plan's text: its file or number (the targets quote it)"),
    Field("issued", "印发日期 YYYY-MM-DD（可空）", "date issued, YYYY-MM-DD (may stay empty)"),
    Field("start", "基期年：下面[baseline]各数字所属年份", "start year: the year of the [baseline] "
          "numbers below"),
    Field("end", "模拟结束年", "last simulated year"),
    Field("target_year", "规划目标年", "the plan's target year"),
    Field("integration", "数值积分方法（rk4 更精确）", "integration method (rk4 is more exact)"),
    Field("fiscal_rule", "财政科技投入规则：growth 按增速，share 按占预算比重",
          "fiscal S&T rule: growth (a growth rate) or share (a share of the budget)"),
)


def new_document(*, name: str, start: int, target_year: int, end: int, region: str = "",
                 region_en: str = "", plan: str = "", plan_en: str = "", document: str = "",
                 seed: str = "", issued: str = "", like: Scenario | None = None,
                 created: str = "") -> tomlkit.TOMLDocument:
    """The scenario document for a new region (see the module's doc)."""
    doc = tomlkit.document()
    for line in _header(created, like):
        doc.add(tomlkit.comment(line))
    doc.add(tomlkit.nl())
    meta: dict[str, Any] = {
        "name": name, "region": region, "region_en": region_en, "plan": plan,
        "plan_en": plan_en, "document": document, "seed": seed, "issued": issued,
        "start": start, "end": end, "target_year": target_year,
        "integration": like.meta.integration if like else "rk4",
        "fiscal_rule": like.meta.fiscal_rule if like else "growth",
    }
    table = tomlkit.table()
    for field in SCENARIO_FIELDS:
        table.add(tomlkit.comment(f"{field.zh} / {field.en}"))
        table.add(field.key, meta[field.key])
    table.add("dt", like.meta.dt if like else 0.25)
    doc.add("scenario", table)
    doc.add("baseline", _baseline(start, like))
    doc.add("levers", _levers(like))
    parameters = _parameters(like)
    if parameters is not None:
        doc.add("parameters", parameters)
    _targets(doc, target_year, like, seed)
    doc.add(tomlkit.nl())
    for line in HISTORY_HELP:
        doc.add(tomlkit.comment(line))
    return doc


HISTORY_HELP = (
    "--- 历史实际值 / observed values (for innosim calibrate and backtest) ---",
    "[[history]]",
    "indicator = \"rd_intensity\"   # 指标 / indicator",
    "year = 2021",
    "value = 2.0",
    "source = \"2021年统计公报\"      # 出处 / where it was published",
)


def _header(created: str, like: Scenario | None) -> list[str]:
    lines = [
        "新地区情景 / A scenario for a new region (innosim new"
        f"{', ' + created if created else ''})",
        "每个数字须有 source = \"出处\"，或 assumption = true 并给出合理范围 range = [低, 高]。",
        "Every number has source = \"where it was published\", or assumption = true with a "
        "range.",
        "下列起始值均为模板假设（中等规模县），请换成本地数据并注明出处。",
        "The start values below are template assumptions (a mid-sized county): replace them "
        "with yours and their sources.",
        "Next: innosim validate FILE lists what is still missing; innosim sheet export FILE -o "
        "SHEET.xlsx to fill it in Excel.",
    ]
    if like is not None:
        lines += [
            f"结构与规划杠杆参照 {Path(like.path).name}；"
            "该地区有出处的数字未复制（已换为默认假设）。",
            f"Structure and the plan's levers follow {Path(like.path).name}; its sourced numbers "
            "were not copied (model defaults, marked as assumptions).",
        ]
    return lines


def _spec_comment(spec: Spec, year: int | None = None) -> list[str]:
    unit = "" if spec.unit == "1" else f" · {spec.unit}"
    when = f" · {year}年 / {year} value" if year is not None else ""
    lines = [f"{spec.zh} / {spec.en}{unit}{when}"]
    if spec.published:
        lines.append(f"常见出处 / usually published in: {spec.published}")
    if spec.plausible is not None:
        lines.append(f"县、区、市的合理范围 / plausible for a county, district or city: "
                     f"{spec.plausible.low:g}–{spec.plausible.high:g} {spec.unit}")
    return lines


def _inline(fields: dict[str, Any]) -> Any:
    entry = tomlkit.inline_table()
    entry.update(fields)
    return entry


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _elsewhere(like: Scenario, entry: Entry) -> str:
    """A note on what the other file had, for a number that was not copied."""
    source = entry.source or "assumption"
    if len(source) > 80:
        source = source[:79] + "…"
    return (f"{Path(like.path).name} had {entry.value:g} ({source}): another region's "
            "number, not copied")


def _baseline(start: int, like: Scenario | None) -> Table:
    table = tomlkit.table()
    table.add(tomlkit.comment(f"--- {start}年起始值 / start values of {start} ---"))
    optional = [key for key, spec in BASELINES.items()
                if spec.optional and key not in TYPICAL_START]
    for key, spec in BASELINES.items():
        if key in optional:
            continue   # the model derives it when left out (listed below)
        value, (low, high) = TYPICAL_START[key]
        note = TEMPLATE_NOTE
        if like is not None and key in like.baseline and not like.baseline[key].assumption:
            note = f"{TEMPLATE_NOTE}; {_elsewhere(like, like.baseline[key])}"
        for line in _spec_comment(spec, start):
            table.add(tomlkit.comment(line))
        table.add(key, _inline({"value": _number(value), "assumption": True,
                                "range": [_number(low), _number(high)], "note": note}))
    if optional:
        table.add(tomlkit.comment("可选起始值（不填则由模型推算）/ optional start values (derived "
                                  "when left out): " + ", ".join(optional)))
    return table


def _levers(like: Scenario | None) -> Table:
    table = tomlkit.table()
    table.add(tomlkit.comment("--- 规划的政策杠杆 / the plan's levers (from the first plan "
                              "year on) ---"))
    for key, spec in LEVERS.items():
        if like is not None and key not in like.levers:
            continue   # the other plan leaves it at the model's default: so does this one
        fields = _region_capped(spec, _copied_or_default(
            key, spec, like.levers.get(key) if like else None, like))
        for line in _spec_comment(spec):
            table.add(tomlkit.comment(line))
        if spec.doc:
            table.add(tomlkit.comment(f"说明 / about: {spec.doc}"))
        table.add(key, _inline(fields))
    return table


def _parameters(like: Scenario | None) -> Table | None:
    if like is None or not like.parameters:
        return None
    table = tomlkit.table()
    for key, entry in like.parameters.items():
        spec = PARAMETERS[key]
        for line in _spec_comment(spec):
            table.add(tomlkit.comment(line))
        table.add(key, _inline(_copied_or_default(key, spec, entry, like)))
    return table


def _region_capped(spec: Spec, fields: dict[str, Any]) -> dict[str, Any]:
    """A lever bounded relative to the region (``Spec.upper_share_of``) kept within the
    bound the template's own start value sets, so the new file loads."""
    if spec.upper_share_of is None:
        return fields
    upper = spec.upper_for(TYPICAL_START[spec.upper_share_of[0]][0])
    if upper is None:
        return fields
    capped = dict(fields)
    capped["value"] = _number(min(float(fields["value"]), upper))
    if "range" in fields:
        low, high = fields["range"]
        capped["range"] = [_number(min(float(low), upper)), _number(min(float(high), upper))]
    return capped


def _copied_or_default(key: str, spec: Spec, entry: Entry | None,
                       like: Scenario | None) -> dict[str, Any]:
    """An assumed entry of the other file is copied as it is (it is a guess, not a fact of
    that region); a sourced one, and a missing one, become the model's default."""
    if entry is not None and entry.assumption and entry.range is not None:
        fields: dict[str, Any] = {"value": _number(entry.value), "assumption": True,
                                  "range": [_number(x) for x in entry.range]}
        if entry.note:
            fields["note"] = entry.note
        return fields
    low, high = spec.range or (spec.default_value, spec.default_value)
    note = DEFAULT_NOTE
    if entry is not None and like is not None:
        note += f"; {_elsewhere(like, entry)}"
    return {"value": _number(spec.default_value), "assumption": True,
            "range": [_number(low), _number(high)], "note": note}


def _targets(doc: tomlkit.TOMLDocument, target_year: int, like: Scenario | None,
             seed: str) -> None:
    doc.add(tomlkit.nl())
    doc.add(tomlkit.comment("--- 规划目标 / the plan's targets: one [[targets]] each; quote = "
                            "规划原文, seed = 规划文件 ---"))
    if like is None or not any(t.tracked for t in like.targets):
        for line in ("[[targets]]", "indicator = \"rd_intensity\"  # 指标 / indicator "
                     "(innosim document docs lists them)", "op = \">=\"",
                     "value = 2.5", f"year = {target_year}",
                     "quote = \"全社会R&D经费投入占GDP比重达到2.5%\"  # 规划原文 / plan's words",
                     f"seed = \"{seed}\"  # 规划文件 / the plan document"):
            doc.add(tomlkit.comment(line))
        return
    targets = tomlkit.aot()
    for target in like.targets:
        if not target.tracked:
            continue
        table = tomlkit.table()
        table.add(tomlkit.comment(f"参照 / shaped like {Path(like.path).name}: give your plan's "
                                  "value, quote and seed, or delete it"))
        shape = target.model_dump(exclude_none=True, exclude={"quote", "seed", "tracked",
                                                              "reason", "note"})
        for key, value in shape.items():
            table.add(key, _number(value) if isinstance(value, float) else value)
        table.add("quote", "")
        table.add("seed", seed)   # the new plan's document, where its targets are quoted
        targets.append(table)
    doc.add("targets", targets)
