"""Where every number of a scenario comes from: its file, its source, or its assumption.

A run uses every baseline value of the scenario, every lever and parameter (the scenario's
own entry, inherited from a parent file, or the model's declared default), every scheduled
event and every yearly path. :func:`numbers` lists them with their provenance, so that a
reviewer sees which rest on documents and which on assumptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import BASELINES, INPUTS, LEVERS, PARAMETERS
from .scenario import Scenario, read_document


@dataclass(frozen=True)
class Number:
    """One number a run uses. ``origin`` is the file that sets it, or ``model default``."""

    section: str                       # baseline / levers / parameters / events / paths
    key: str
    value: float
    unit: str
    source: str | None                 # None: an assumption
    range: tuple[float, float] | None
    origin: str

    @property
    def is_assumption(self) -> bool:
        return self.source is None


MODEL_DEFAULT = "model default"


def numbers(scenario: Scenario) -> list[Number]:
    """Every number the scenario's run uses, with its provenance."""
    origin = _origins(scenario)
    rows: list[Number] = []
    for key, entry in scenario.baseline.items():
        rows.append(Number("baseline", key, entry.value, (BASELINES.get(key) or LEVERS[key]).unit,
                           None if entry.assumption else entry.source,
                           _bounds(entry.range),
                           origin.get(("baseline", key), Path(scenario.path).name)))
    for section, declared in (("levers", LEVERS), ("parameters", PARAMETERS)):
        table = getattr(scenario, section)
        for key, spec in declared.items():
            if key in table:
                entry = table[key]
                rows.append(Number(section, key, entry.value, spec.unit,
                                   None if entry.assumption else entry.source,
                                   _bounds(entry.range),
                                   origin.get((section, key), Path(scenario.path).name)))
            else:
                rows.append(Number(section, key, float(spec.default_value), spec.unit,
                                   spec.source,
                                   spec.range, MODEL_DEFAULT))
    for i, event in enumerate(scenario.events):
        rows.append(Number("events", f"[{i}] {event.year} {event.lever}", event.value,
                           LEVERS[event.lever].unit if event.lever in LEVERS else "",
                           None if event.assumption or not event.source else event.source,
                           None, origin.get(("events", ""), Path(scenario.path).name)))
    for key, path in scenario.paths.items():
        for year, value in zip(path.years, path.values, strict=True):
            rows.append(Number("paths", f"{key} {year}", value, INPUTS[key].unit,
                               None if path.assumption or not path.source else path.source,
                               None, origin.get(("paths", key), Path(scenario.path).name)))
    return rows


def input_key(number: Number) -> str:
    """The key a run's inputs use for ``number`` ("baseline.gdp", "patent_lag")."""
    return f"baseline.{number.key}" if number.section == "baseline" else number.key


def assumed_inputs(scenario: Scenario) -> list[str]:
    """The uncertain inputs (:func:`model.uncertainty.uncertain`, baselines and parameters
    with a range) that rest on assumptions rather than a source, in that order."""
    from .uncertainty import uncertain

    assumed = {input_key(r) for r in numbers(scenario)
               if r.is_assumption and r.section in ("baseline", "parameters")}
    return [law.key for law in uncertain(scenario) if law.key in assumed]


def _bounds(entry_range: list[float] | None) -> tuple[float, float] | None:
    return (entry_range[0], entry_range[1]) if entry_range else None


def assumption_share(rows: list[Number]) -> float:
    """Share (0-1) of the numbers that rest on assumptions rather than a source."""
    return sum(r.is_assumption for r in rows) / len(rows) if rows else 0.0


def _origins(scenario: Scenario) -> dict[tuple[str, str], str]:
    """(section, key) -> name of the nearest file in the extends chain that sets it."""
    chain = [Path(scenario.path), *map(Path, scenario.extends)]
    if len(chain) == 1:
        return {}
    found: dict[tuple[str, str], str] = {}
    for path in chain:          # child first: the nearest file wins
        document = read_document(path)
        for section in ("baseline", "levers", "parameters", "paths"):
            table = document.get(section)
            if isinstance(table, dict):
                for key in table:
                    found.setdefault((section, key), path.name)
        if "events" in document:
            found.setdefault(("events", ""), path.name)
    return found
