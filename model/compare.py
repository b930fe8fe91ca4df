"""Semantic differences between two scenarios, as a reviewer reads a budget change.

Levers, parameters and baseline values are compared by key on their effective values (a key
a scenario does not set takes the model's default), with the source of each side; meta
fields by name; targets matched by their label (indicator, kind and span, as
:func:`model.targets.label` gives) and worded by :func:`model.targets.describe`;
events and yearly paths by (year, key).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalogue import BASELINES, INPUTS, LEVERS, PARAMETERS
from .scenario import Entry, Event, Scenario, Target, YearlyPath
from .targets import describe, label


@dataclass(frozen=True)
class Change:
    field: str              # e.g. levers.fiscal_st_growth, targets[rd_intensity 2027]
    old: Any                # None: absent in A
    new: Any                # None: absent in B
    unit: str = ""
    old_source: str = ""
    new_source: str = ""

    def record(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new, "unit": self.unit,
                "old_source": self.old_source, "new_source": self.new_source}


def _provenance(entry: Entry | None, default_source: str | None = None) -> str:
    if entry is None:
        return "model default" + (f": {default_source}" if default_source else "")
    if entry.assumption:
        low, high = entry.range or (entry.value, entry.value)
        return f"assumption [{low:g}, {high:g}]"
    return entry.source or ""


def differences(a: Scenario, b: Scenario) -> list[Change]:
    """What changes from scenario ``a`` to scenario ``b``."""
    changes: list[Change] = []
    parent_a = Path(a.extends[0]).name if a.extends else None
    parent_b = Path(b.extends[0]).name if b.extends else None
    if parent_a != parent_b:
        changes.append(Change("extends", parent_a, parent_b))
    meta_a, meta_b = a.meta.model_dump(), b.meta.model_dump()
    for key in meta_a:
        if meta_a[key] != meta_b[key]:
            changes.append(Change(f"scenario.{key}", meta_a[key], meta_b[key]))
    changes += _entries("baseline", a.baseline, b.baseline, BASELINES, defaults=False)
    changes += _entries("levers", a.levers, b.levers, LEVERS)
    changes += _entries("parameters", a.parameters, b.parameters, PARAMETERS)
    changes += _events(a.events, b.events)
    changes += _paths(a.paths, b.paths)
    changes += _targets(a.targets, b.targets)
    return changes


def _events(a: list[Event], b: list[Event]) -> list[Change]:
    """Scheduled lever changes matched by (year, lever)."""
    keyed_a = {(e.year, e.lever): e for e in a}
    keyed_b = {(e.year, e.lever): e for e in b}
    changes = []
    for key in sorted({*keyed_a, *keyed_b}):
        ea, eb = keyed_a.get(key), keyed_b.get(key)
        old = (ea.value, ea.source or "assumption") if ea else (None, "")
        new = (eb.value, eb.source or "assumption") if eb else (None, "")
        if old != new:
            unit = LEVERS[key[1]].unit if key[1] in LEVERS else ""
            changes.append(Change(f"events[{key[0]} {key[1]}]", old[0], new[0], unit,
                                  old[1], new[1]))
    return changes


def _paths(a: dict[str, YearlyPath], b: dict[str, YearlyPath]) -> list[Change]:
    """Yearly path values matched by (year, key)."""
    def keyed(paths: dict[str, YearlyPath]) -> dict[tuple[int, str], tuple[float, str]]:
        return {(year, key): (value, path.source or "assumption")
                for key, path in paths.items()
                for year, value in zip(path.years, path.values, strict=True)}

    keyed_a, keyed_b = keyed(a), keyed(b)
    changes = []
    for year, key in sorted({*keyed_a, *keyed_b}):
        old, new = keyed_a.get((year, key), (None, "")), keyed_b.get((year, key), (None, ""))
        if old != new:
            unit = INPUTS[key].unit if key in INPUTS else ""
            changes.append(Change(f"paths[{year} {key}]", old[0], new[0], unit, old[1], new[1]))
    return changes


def _entries(section: str, a: dict[str, Entry], b: dict[str, Entry], declared,
             defaults: bool = True) -> list[Change]:
    changes = []
    for key in [k for k in declared if k in a or k in b]:
        spec = declared[key]
        entry_a, entry_b = a.get(key), b.get(key)
        value_a = entry_a.value if entry_a else (float(spec.default) if defaults else None)
        value_b = entry_b.value if entry_b else (float(spec.default) if defaults else None)
        source_a = _provenance(entry_a, spec.source)
        source_b = _provenance(entry_b, spec.source)
        if value_a != value_b or source_a != source_b:
            changes.append(Change(f"{section}.{key}", value_a, value_b, spec.unit,
                                  source_a, source_b))
    return changes


def _target_text(t: Target) -> str:
    if not t.tracked:
        return f"not modelled ({t.reason})"
    return describe(t, plain=True)


def _targets(a: list[Target], b: list[Target]) -> list[Change]:
    keyed_a = {label(t): t for t in a}
    keyed_b = {label(t): t for t in b}
    changes = []
    for key in [*keyed_a, *(k for k in keyed_b if k not in keyed_a)]:
        ta, tb = keyed_a.get(key), keyed_b.get(key)
        text_a = _target_text(ta) if ta else None
        text_b = _target_text(tb) if tb else None
        if text_a != text_b or (ta and tb and ta.quote != tb.quote):
            changes.append(Change(f"targets[{key}]", text_a, text_b, "",
                                  f"{ta.seed}: {ta.quote}" if ta else "",
                                  f"{tb.seed}: {tb.quote}" if tb else ""))
    return changes
