"""The model's structure, derived from the sectors' declarations and checked when built.

From each sector's declared stocks, flows, auxiliaries, constants and reads this module
derives the arrows of the stock-and-flow diagram, the order in which sectors compute their
rates and calibrate their constants (topological orders), and checks the contract:

* a quantity provided by two sectors, a read no sector provides, or a read whose unit is not
  the provider's unit is an error;
* a variable that reads something neither its sector computes nor declares as read is an error;
* the code is probed once: every stock, value, constant and input ``rates`` reads must be
  declared, and it must write exactly its declared flows and auxiliaries;
* a cycle of reads between auxiliaries (a loop with no stock in it) is an error naming it;
* each declared feedback loop must close through the declared arrows, unless marked open.

Every problem is raised as one :class:`StructureError` naming the sector and quantity.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import numpy as np

from .catalogue import INPUTS
from .sectors.common import Loop, Sector, Variable

BASELINE_PREFIX = "baseline."
# Inputs that are not numbers but choices of structure.
STRUCTURAL_INPUTS = ("fiscal_rule",)


class StructureError(ValueError):
    """The sectors' declarations do not fit together (raised when a model is built)."""


@dataclass(frozen=True)
class Structure:
    """Sectors in evaluation and calibration order, with every arrow of the diagram."""

    sectors: tuple[Sector, ...]
    rate_order: tuple[Sector, ...]
    calibration_order: tuple[Sector, ...]
    provided: Mapping[str, tuple[str, str]]       # quantity -> (sector, unit)
    arrows: frozenset[tuple[str, str]]            # (cause, effect)
    loops: tuple[Loop, ...]

    @property
    def stocks(self) -> dict[str, Any]:
        return {name: spec for s in self.rate_order for name, spec in s.stocks.items()}

    def variable(self, name: str) -> Variable | None:
        for sector in self.sectors:
            for group in (sector.flows, sector.auxiliaries, sector.discrete_flows,
                          sector.constants):
                if name in group:
                    return group[name]
        return None

    @property
    def totals(self) -> tuple[str, ...]:
        """Quantities recorded as year totals (flows are, always)."""
        return tuple(name for s in self.sectors for name in s.totals)

    @property
    def ratios(self) -> dict[str, tuple[str, str]]:
        """Quantities recorded as the ratio of two year totals."""
        return {name: pair for s in self.sectors for name, pair in s.ratios.items()}

    @property
    def annual(self) -> frozenset[str]:
        """Quantities recorded as the year's (year totals, ratios of totals, flows), not as
        their year-end values: what a restart must scale, not impose."""
        flows = {f for spec in self.stocks.values() for f in spec.inflows + spec.outflows}
        return frozenset(self.totals) | frozenset(self.ratios) | frozenset(flows)

    def loops_of(self, name: str) -> tuple[str, ...]:
        return tuple(loop.name for loop in self.loops if name in loop.variables)


def build(sectors: Sequence[Sector], loops: Sequence[Loop] = ()) -> Structure:
    """Check the declarations of ``sectors`` and derive the model's structure."""
    provided = _provided(sectors)
    constants = _constants(sectors)
    for sector in sectors:
        _check_reads(sector, provided)
        _check_variables(sector, constants)
        _probe(sector, provided, constants)
    _check_annual(sectors, provided)
    arrows = _arrows(sectors)
    # Stocks are known at the start of a step: reading one orders nothing.
    stocks = {name for sector in sectors for name in sector.stocks}
    rate_order = _order(sectors, lambda s: [
        provided[name][0] for name in s.reads if name not in stocks], "rates")
    calibration_order = _order(sectors, lambda s: [
        constants[name] for var in s.constants.values() for name in var.reads
        if name in constants and constants[name] != s.name], "calibration")
    structure = Structure(tuple(sectors), rate_order, calibration_order, provided,
                          frozenset(arrows), tuple(loops))
    for loop in loops:
        _check_loop(loop, structure)
    return structure


def _check_annual(sectors: Sequence[Sector], provided: Mapping[str, tuple[str, str]]) -> None:
    """Year totals and ratios of year totals must name quantities the model computes."""
    flows = {f for s in sectors for spec in s.stocks.values() for f in spec.inflows + spec.outflows}
    for sector in sectors:
        for name in sector.totals:
            if provided.get(name, ("",))[0] != sector.name:
                raise StructureError(f"{name}: recorded as a year total by the {sector.name} "
                                     "sector, which does not compute it")
        for name, pair in sector.ratios.items():
            if provided.get(name, ("",))[0] != sector.name:
                raise StructureError(f"{name}: a ratio of year totals declared by the "
                                     f"{sector.name} sector, which does not compute it")
            totalled = flows | {t for s in sectors for t in s.totals}
            for part in pair:
                if part not in totalled:
                    raise StructureError(f"{name}: its ratio reads {part}, which is not "
                                         "recorded as a year total (declare it in totals)")


def _provided(sectors: Sequence[Sector]) -> dict[str, tuple[str, str]]:
    provided: dict[str, tuple[str, str]] = {}
    for sector in sectors:
        for name, unit in sector.provides.items():
            if name in provided:
                raise StructureError(f"{name}: provided by both the {provided[name][0]} and the "
                                     f"{sector.name} sector (one sector computes a quantity)")
            provided[name] = (sector.name, unit)
    return provided


def _constants(sectors: Sequence[Sector]) -> dict[str, str]:
    owners: dict[str, str] = {}
    for sector in sectors:
        for name in sector.constants:
            if name in owners:
                raise StructureError(f"{name}: calibrated by both the {owners[name]} and the "
                                     f"{sector.name} sector")
            owners[name] = sector.name
    return owners


def _check_reads(sector: Sector, provided: Mapping[str, tuple[str, str]]) -> None:
    for name, unit in sector.reads.items():
        if name not in provided:
            raise StructureError(f"{sector.name} sector reads {name}: no sector provides it")
        owner, provided_unit = provided[name]
        if owner == sector.name:
            raise StructureError(f"{sector.name} sector declares reading {name}, which it "
                                 f"computes itself")
        if unit != provided_unit:
            raise StructureError(f"{sector.name} sector reads {name} in {unit}, but the {owner} "
                                 f"sector provides it in {provided_unit}")


def _check_variables(sector: Sector, constants: Mapping[str, str]) -> None:
    own = set(sector.provides)
    for group in (sector.flows, sector.auxiliaries, sector.discrete_flows):
        for name, var in group.items():
            for read in var.reads:
                if read not in own and read not in sector.reads:
                    raise StructureError(f"{sector.name}.{name} reads {read}, which the "
                                         f"{sector.name} sector neither computes nor declares "
                                         f"as read")
            _check_inputs(sector, name, var)
    for name, var in sector.constants.items():
        for read in var.reads:
            if not (read.startswith(BASELINE_PREFIX) or read in constants):
                raise StructureError(f"{sector.name}.{name} (a constant) reads {read}: not a "
                                     f"baseline value nor a calibrated constant")
        _check_inputs(sector, name, var)


def _check_inputs(sector: Sector, name: str, var: Variable) -> None:
    unknown = [key for key in var.inputs if key not in INPUTS]
    if unknown:
        raise StructureError(f"{sector.name}.{name} uses unknown inputs {', '.join(unknown)}")


class _Recorder(dict):
    """A dict that remembers which keys were read."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        super().__init__(values)
        self.read: set[str] = set()
        self.written: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        if key not in self.written:
            self.read.add(key)
        return super().__getitem__(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self.written.add(key)
        super().__setitem__(key, value)


class _Attributes(SimpleNamespace):
    """A namespace that answers any attribute with a number and remembers which were read."""

    def __init__(self, fixed: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        object.__setattr__(self, "_fixed", dict(fixed or {}))
        object.__setattr__(self, "_read", set())

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        self._read.add(name)
        return self._fixed.get(name, np.full(2, 0.5))


def _probe(sector: Sector, provided: Mapping[str, tuple[str, str]],
           constants: Mapping[str, str]) -> None:
    """Run ``rates`` once on dummy values and compare what it touches with the declarations."""
    ones = np.full(2, 0.5)
    stocks = _Recorder({name: ones for name in provided})
    values = _Recorder({name: ones for name in provided})
    declared_inputs = {key for group in (sector.flows, sector.auxiliaries)
                       for var in group.values() for key in var.inputs}
    for rule in ("growth", "share"):
        inputs = _Attributes({"fiscal_rule": rule})
        consts = _Attributes()
        stocks.read.clear()
        values.read.clear()
        values.written.clear()
        with np.errstate(all="ignore"):
            sector.rates(stocks, inputs, consts, values)
        allowed = set(sector.stocks) | set(sector.reads)
        undeclared = sorted((stocks.read | values.read) - allowed)
        if undeclared:
            raise StructureError(f"{sector.name} sector reads {', '.join(undeclared)} without "
                                 f"declaring it (add it to the sector's READS with its unit)")
        computed = set(sector.flows) | set(sector.auxiliaries)
        if values.written != computed:
            missing, extra = sorted(computed - values.written), sorted(values.written - computed)
            raise StructureError(f"{sector.name} sector: rates() does not write what it declares"
                                 f" (missing {missing}, undeclared {extra})")
        bad_constants = sorted(consts._read - set(constants))
        if bad_constants:
            raise StructureError(f"{sector.name} sector uses constants no sector calibrates: "
                                 f"{', '.join(bad_constants)}")
        used_inputs = inputs._read - set(STRUCTURAL_INPUTS)
        undeclared_inputs = sorted(used_inputs - declared_inputs)
        if undeclared_inputs:
            raise StructureError(f"{sector.name} sector uses inputs "
                                 f"{', '.join(undeclared_inputs)} that none of its variables "
                                 f"declares")


def _arrows(sectors: Sequence[Sector]) -> set[tuple[str, str]]:
    arrows: set[tuple[str, str]] = set()
    for sector in sectors:
        for group in (sector.flows, sector.auxiliaries, sector.discrete_flows):
            for name, var in group.items():
                arrows.update((read, name) for read in var.reads)
        for stock, spec in sector.stocks.items():
            arrows.update((flow, stock) for flow in spec.inflows + spec.outflows)
        for flow, (source, target) in sector.transfers.items():
            arrows.update((flow, stock) for stock in (source, target) if stock is not None)
    return arrows


def _order(sectors: Sequence[Sector], needs: Any, what: str) -> tuple[Sector, ...]:
    """Sectors in an order where each comes after those it needs (declared order breaks ties)."""
    by_name = {s.name: s for s in sectors}
    waiting = {s.name: {n for n in needs(s) if n != s.name} for s in sectors}
    done: list[Sector] = []
    while waiting:
        ready = [name for name in by_name if name in waiting and not waiting[name]]
        if not ready:
            cycle = " -> ".join(sorted(waiting))
            raise StructureError(f"a loop with no stock in it among the sectors' {what}: "
                                 f"{cycle} (each needs another's values in the same step)")
        name = ready[0]
        done.append(by_name[name])
        del waiting[name]
        for rest in waiting.values():
            rest.discard(name)
    return tuple(done)


def _check_loop(loop: Loop, structure: Structure) -> None:
    missing = open_arrows(loop, structure)
    if missing and not loop.open:
        gaps = ", ".join(f"{a} -> {b}" for a, b in missing)
        raise StructureError(f"loop {loop.name} does not close through the declared arrows: "
                             f"no arrow {gaps}")
    if not missing and loop.open:
        raise StructureError(f"loop {loop.name} is marked open but closes; mark it closed")


def open_arrows(loop: Loop, structure: Structure) -> list[tuple[str, str]]:
    """The arrows a loop names that the model does not have."""
    names = loop.variables
    return [(a, b) for a, b in zip(names, names[1:] + names[:1], strict=True)
            if (a, b) not in structure.arrows]
