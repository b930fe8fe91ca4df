"""The sector contract: what every sector declares, and helpers shared by sectors.

A sector is a :class:`Sector` record. It declares

* its **stocks** (unit, inflows, outflows);
* its **flows** and **auxiliaries**, each a :class:`Variable`: unit, equation in words, the
  model quantities it reads (stocks, flows, auxiliaries of any sector: the arrows of the
  stock-and-flow diagram), the inputs it uses (levers, parameters), and its source;
* its **constants**: values calibrated once at the start year from baselines and inputs;
* what it **reads** from other sectors, with the unit it expects;
* which of its annual quantities are recorded as **year totals** (``totals``: stocks that are
  levels of annual flows, and auxiliaries) and which as **ratios of year totals**
  (``ratios``: ``name -> (numerator, denominator)``), as the statistics define them, with
  ``start_totals(b, p, c)`` giving the start year's totals from the data (flows included);
* three functions (and optionally ``checks`` of its start values and ``events``, a SimPy
  process factory for discrete flows), none of which changes its arguments:
  ``calibrate(b, p, c) -> constants``, ``initial(b, p, c, n) -> start values of the stocks``
  and ``rates(s, p, c, v) -> None``, which writes its flows and auxiliaries into ``v``.
  ``b`` is the baseline and ``p`` the inputs in force (both namespaces in model units),
  ``c`` the constants calibrated so far (all sectors), ``s`` the stocks, ``v`` the values
  computed so far this step.

The system derives the evaluation order from the declarations and refuses, when a model is
built, a read no sector provides, a quantity provided twice, a unit that does not match, and
a read the code makes but the sector does not declare.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, SimpleNamespace

import numpy as np

from ..catalogue import SectorCatalogue
from ..engine import StockSpec

Number = float | np.ndarray
Inputs = SimpleNamespace     # attribute per key; floats, or arrays of shape (runs,)
Constants = SimpleNamespace  # calibrated at the start; read-only by convention, never written
Stocks = Mapping[str, np.ndarray]
Values = dict[str, Number]


@dataclass(frozen=True)
class Variable:
    """A flow, an auxiliary or a calibrated constant, as the documentation and diagram show it.

    ``reads`` are model quantities (stocks, flows, auxiliaries; for constants also
    ``baseline.<key>`` and other constants): the arrows into this variable. ``inputs`` are the
    levers and parameters it uses. ``source`` names where the relation comes from; an empty
    source means the numbers it uses carry their own (see the catalogue).
    """

    unit: str
    equation: str
    reads: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Sector:
    """One sector of the model: its declarations and its three functions."""

    name: str
    title: str
    catalogue: SectorCatalogue
    stocks: Mapping[str, StockSpec]
    flows: Mapping[str, Variable]
    auxiliaries: Mapping[str, Variable]
    reads: Mapping[str, str]
    calibrate: Callable[[Inputs, Inputs, Constants], dict[str, Number]]
    initial: Callable[[Inputs, Inputs, Constants, int], dict[str, Number]]
    rates: Callable[[Stocks, Inputs, Constants, Values], None]
    constants: Mapping[str, Variable] = field(default_factory=dict)
    discrete_flows: Mapping[str, Variable] = field(default_factory=dict)
    # Discrete flow -> (source stock, target stock), None outside the model.
    transfers: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)
    checks: Callable[[Inputs, Inputs, Constants], list[tuple[str, Number, str]]] | None = None
    events: Callable[..., object] | None = None
    totals: tuple[str, ...] = ()
    ratios: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    start_totals: Callable[[Inputs, Inputs, Constants], dict[str, Number]] | None = None

    def __post_init__(self) -> None:
        for name in ("stocks", "flows", "auxiliaries", "reads", "constants", "discrete_flows",
                     "transfers", "ratios"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    @property
    def provides(self) -> dict[str, str]:
        """Every model quantity this sector computes, with its unit."""
        provided = {name: spec.unit for name, spec in self.stocks.items()}
        for group in (self.flows, self.auxiliaries, self.discrete_flows):
            provided.update({name: var.unit for name, var in group.items()})
        return provided


@dataclass(frozen=True)
class Loop:
    """A feedback loop: its variables in causal order; the last one feeds the first.

    ``open`` marks a loop that is documented but whose arrows the code does not (yet) close.
    """

    name: str
    polarity: str          # "R" reinforcing, "B" balancing
    title_zh: str
    title_en: str
    variables: tuple[str, ...]
    open: bool = False


def spending_index(start_spending: Number) -> tuple[np.ndarray, np.ndarray]:
    """(scale, offset) such that ``spending * scale + offset`` is spending / its start value.

    With (practically) no spending at the start there is nothing to scale: the index stays 1, so a
    programme that did not exist at the start changes nothing it did not already do.
    """
    start = np.asarray(start_spending, dtype=float)
    # Below 1 yuan (1e-8 亿元) a budget line is treated as absent; its inverse would overflow.
    funded = start > 1e-8
    scale = np.divide(1.0, start, where=funded, out=np.zeros_like(start))
    return scale, np.where(funded, 0.0, 1.0)


def year_end_rate(year_total: Number, growth: Number) -> Number:
    """The rate at a year's end of a flow whose total over that year was ``year_total``.

    Statistics give annual quantities (GDP, R&D spending, patent grants) as year totals; the
    model's stocks and flows are rates at an instant. For a flow growing steadily at ``growth``
    per year (continuous rate g = ln(1 + growth)) the total over a year is the end rate times
    (1 - e^-g) / g, so the end rate is total * g / (1 - e^-g), about total * (1 + growth / 2).
    Starting a run from the year total itself would make the first simulated year grow about
    half a year's growth too little.
    """
    return year_end_rate_at(year_total, np.log1p(np.asarray(growth, dtype=float)))


def year_end_rate_at(year_total: Number, rate: Number) -> Number:
    """:func:`year_end_rate` for a continuous growth rate ``rate`` (1/yr): finite for any
    finite rate (for a large one the end rate is about total * rate)."""
    rate = np.asarray(rate, dtype=float)
    small = np.abs(rate) < 1e-9
    safe = np.where(small, 1.0, rate)
    with np.errstate(over="ignore"):   # e^-rate overflows only for a steep decline: factor 0
        factor = np.where(small, 1.0 + rate / 2.0, safe / -np.expm1(-safe))
    return year_total * factor


def start_value(b: Inputs, key: str, fallback: Number) -> Number:
    """The baseline value ``key`` where the scenario gives it, else ``fallback`` (for an
    optional start value, whose derivation its spec states in ``fallback``)."""
    value: Number | None = getattr(b, key, None)
    return fallback if value is None else value


def ladder_hazards(counts: tuple[Number, ...], growth: Number, exit_rate: Number,
                   floor: Number, cap: Number) -> tuple[tuple[Number, ...], Number]:
    """Promotion hazards up a ladder of titles and the entry flow into its first rung, such
    that the number holding each title or a higher one grows at ``growth`` (its recent trend)
    at the start.

    ``counts`` are the start counts by highest title, from the lowest rung up; every rung
    loses ``exit_rate`` a year. The titles held at rung i or above change only by promotions
    from rung i-1 and by exits, so rung i-1's hazard is (growth + exit_rate) * held_i /
    count_{i-1}, and the entry flow (growth + exit_rate) * held_0. Where nothing is held at
    rung i or above, or rung i-1 is empty, no local precedent fixes the hazard: ``floor``.
    Hazards are at most ``cap`` a year. Returns (hazards of rungs 0..n-2, entry flow).
    """
    held: list[Number] = []
    for count in reversed(counts):
        held.insert(0, count + (held[0] if held else 0.0))
    rate = growth + exit_rate
    hazards: list[Number] = []
    for lower, above in zip(counts[:-1], held[1:], strict=True):
        lower_arr, above_arr = np.asarray(lower, dtype=float), np.asarray(above, dtype=float)
        needed = np.asarray(rate * above_arr, dtype=float)
        calibrated = np.divide(needed, lower_arr, out=np.zeros(np.broadcast(
            needed, lower_arr).shape), where=lower_arr > 0)
        hazards.append(np.minimum(np.where((above_arr > 0) & (lower_arr > 0), calibrated,
                                           floor), cap))
    return tuple(hazards), rate * held[0]
