"""The innovation system: the sectors wired into one stock-and-flow model for the engine.

Feedback loops (numbered here; model-science.md lists relations, not loop names)
  R1 innovation-growth  enterprise R&D -> R&D capital -> high-tech value added ->
                        industrial revenue -> enterprise R&D              (rd, hightech, economy)
  R2 fiscal dividend    high-tech value added -> GDP -> budget -> fiscal S&T spending (share
                        rule) -> subsidies and public R&D -> R&D capital -> high-tech VA
  R3 enterprise ladder  high-tech enterprises -> enterprise R&D -> R&D capital -> conversion
                        of tech SMEs -> high-tech enterprises                  (incubation, rd)
  B1 depreciation       R&D capital -> depreciation -> R&D capital                       (rd)
  B2 patent lapse       valid patents -> lapses -> valid patents                  (knowledge)
  B3 incubator congestion  start-ups -> fewer free seats -> fewer entries        (incubation)
  B4 talent supply      staff gap -> hiring, capped by supply -> staff gap           (talent)
  B5 re-certification   high-tech enterprises -> expiring cohort -> de-certification
                        -> high-tech enterprises                                 (incubation)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np

from .catalogue import (
    ALLOCATION_SHARES,
    BASELINES,
    DERIVED_INDICATORS,
    FISCAL_RULES,
    INDICATORS,
    INPUTS,
    LEVERS,
    PARAMETERS,
)
from .engine import Ledger, StockSpec
from .sectors import economy, fiscal, hightech, incubation, knowledge, rd, talent

# Order matters for rates: each sector reads auxiliaries computed by the ones before it.
SECTORS = (economy, fiscal, incubation, rd, talent, knowledge, hightech)
# Order for start values: R&D capital (rd) is needed by incubation's and hightech's.
INITIAL_ORDER = (economy, fiscal, rd, incubation, talent, knowledge, hightech)

STOCKS: dict[str, StockSpec] = {}
for _sector in SECTORS:
    STOCKS.update(_sector.STOCKS)

__all__ = ["ALLOCATION_SHARES", "BASELINES", "DERIVED_INDICATORS", "FISCAL_RULES", "INDICATORS",
           "INPUTS", "LEVERS", "PARAMETERS", "InnovationModel", "LeverEvent"]


class InconsistentBaseline(ValueError):
    """Start values that the model cannot reconcile (e.g. negative calibrated R&D ratio)."""

    def __init__(self, quantity: str, problem: str, bad_runs: int, runs: int) -> None:
        self.quantity, self.problem, self.bad_runs, self.runs = quantity, problem, bad_runs, runs
        where = "" if runs == 1 else f" in {bad_runs} of {runs} runs"
        super().__init__(f"{quantity}: {problem}{where}")


@dataclass(frozen=True)
class LeverEvent:
    """A lever set to ``value`` (model units) from the start of ``year`` (time ``year - 1``)."""

    year: int
    lever: str
    value: float


class InnovationModel:
    """The stock-and-flow model of a region's innovation system.

    ``baseline`` and ``inputs`` map keys to values in model units (fractions, not per
    cent): floats, or arrays of shape ``(n_runs,)`` for an ensemble.
    """

    stocks: Mapping[str, StockSpec] = STOCKS

    def __init__(
        self,
        baseline: Mapping[str, float | np.ndarray],
        inputs: Mapping[str, float | np.ndarray],
        start: int,
        end: int,
        n_runs: int,
        fiscal_rule: str = "growth",
        events: Sequence[LeverEvent] = (),
        outputs: Iterable[str] | None = None,
    ) -> None:
        if fiscal_rule not in FISCAL_RULES:
            raise ValueError(f"fiscal rule {fiscal_rule!r} is not one of {FISCAL_RULES}")
        self.baseline = SimpleNamespace(**baseline)
        self.params = SimpleNamespace(**inputs, fiscal_rule=fiscal_rule, consistency_checks=[])
        self.start, self.end, self.n_runs = start, end, n_runs
        self.lever_events = tuple(events)
        self.outputs = tuple(outputs) if outputs is not None else tuple(
            k for k in INDICATORS if k not in {s.key for s in DERIVED_INDICATORS})

    @staticmethod
    def all_variables() -> tuple[str, ...]:
        """Every stock and flow, for the conservation checks."""
        names = list(STOCKS)
        for spec in STOCKS.values():
            names += [f for f in spec.inflows + spec.outflows if f not in names]
        return tuple(names) + tuple(incubation.DISCRETE_FLOWS)

    def initial_state(self, n_runs: int) -> dict[str, np.ndarray]:
        state: dict[str, np.ndarray] = {}
        for sector in INITIAL_ORDER:
            state.update(sector.initial(self.baseline, self.params, n_runs))
        for quantity, values, problem in self.params.consistency_checks:
            bad = ~(np.broadcast_to(values, (n_runs,)) >= 0.0)
            if bad.any():
                raise InconsistentBaseline(quantity, problem, int(bad.sum()), n_runs)
        return {name: np.array(values, dtype=float) for name, values in state.items()}

    def rates(self, time: float, state: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        values: dict[str, np.ndarray] = {}
        for sector in SECTORS:
            sector.rates(state, self.params, values)
        return values

    def events(self, ledger: Ledger):
        yield incubation.certification_process(ledger, self.params, self.start, self.end)
        for event in self.lever_events:
            yield self._lever_change(ledger, event)

    def _lever_change(self, ledger: Ledger, event: LeverEvent):
        def process():
            yield ledger.timeout(event.year - 1 - self.start)
            setattr(self.params, event.lever, event.value)

        return process
