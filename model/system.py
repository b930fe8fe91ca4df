"""The innovation system: the sectors wired into one stock-and-flow model for the engine.

The sectors (``model/sectors/``) declare what they compute and read; :mod:`model.structure`
derives from those declarations the order of evaluation and every arrow, and checks them.
The feedback loops are declared here as data, each a chain of variables whose arrows the
structure check follows:

  R1 innovation-growth  enterprise R&D -> R&D capital -> high-tech value added ->
                        high-tech industry's R&D (R&D follows output) -> enterprise R&D
  R2 fiscal dividend    high-tech value added -> GDP -> budget -> fiscal S&T spending (share
                        rule) -> public R&D -> R&D capital -> high-tech VA
  R3 enterprise ladder  high-tech enterprises -> certified firms' extra R&D -> enterprise R&D
                        -> firms reaching the thresholds -> certification -> high-tech enterprises
  B1 depreciation       R&D capital -> depreciation -> R&D capital
  B2 patent lapse       valid patents -> lapses -> valid patents
  B3 incubator congestion  start-ups -> fewer free seats -> fewer entries
  B4 talent supply      R&D staff -> smaller gap -> less hiring -> R&D staff
  B5 re-certification   high-tech enterprises -> certificates not renewed -> high-tech enterprises
(model-science.md lists relations, not loop names: the names are innosim's.)

A model object never changes its inputs: levers and parameters are read from an
:class:`~model.schedule.InputSchedule` as a function of time, and the start-year calibration
is computed once, when the model is built, into read-only constants.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
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
from .schedule import InputSchedule, LeverEvent
from .sectors import (
    economy,
    fiscal,
    hightech,
    incubation,
    ip_finance,
    knowledge,
    platforms,
    projects,
    rd,
    talent,
    talent_programmes,
)
from .sectors.common import Loop, Sector
from .structure import Structure, build

__all__ = ["ALLOCATION_SHARES", "BASELINES", "DERIVED_INDICATORS", "FISCAL_RULES", "INDICATORS",
           "INPUTS", "LEVERS", "LOOPS", "PARAMETERS", "SECTORS", "STOCKS", "InnovationModel",
           "LeverEvent", "shipped_structure"]

SECTORS: tuple[Sector, ...] = (economy.SECTOR, fiscal.SECTOR, incubation.SECTOR, rd.SECTOR,
                               talent.SECTOR, knowledge.SECTOR, hightech.SECTOR,
                               platforms.SECTOR, talent_programmes.SECTOR, projects.SECTOR,
                               ip_finance.SECTOR)

LOOPS: tuple[Loop, ...] = (
    Loop("R1", "R", "创新增长", "innovation growth",
         ("enterprise_rd", "rd_expenditure", "rd_capital_formation", "rd_capital",
          "rd_capital_growth", "hightech_va_growth", "hightech_va", "hightech_industry_rd")),
    Loop("R2", "R", "财政红利", "fiscal dividend",
         ("hightech_va", "industrial_va", "gdp", "budget_expenditure", "fiscal_st_change",
          "fiscal_st_spending", "public_research_spending", "public_rd", "rd_expenditure",
          "rd_capital_formation", "rd_capital", "rd_capital_growth", "hightech_va_growth")),
    Loop("R3", "R", "企业梯度", "enterprise ladder",
         ("hightech_enterprises", "certification_rd", "enterprise_rd",
          "hightech_certification")),
    Loop("B1", "B", "R&D资本折旧", "depreciation",
         ("rd_capital", "rd_capital_depreciation")),
    Loop("B2", "B", "专利失效", "patent lapse",
         ("valid_invention_patents", "invention_patent_lapses")),
    Loop("B3", "B", "孵化器拥挤", "incubator congestion",
         ("startups_in_incubation", "startup_entries")),
    Loop("B4", "B", "人才供给", "talent supply", ("rd_personnel", "rd_personnel_hiring")),
    Loop("B5", "B", "重新认定", "re-certification",
         ("hightech_enterprises", "hightech_expiry")),
)


@cache
def shipped_structure() -> Structure:
    """The checked structure of the shipped model (built once, on first use)."""
    return build(SECTORS, LOOPS)


STOCKS: dict[str, StockSpec] = {name: spec for s in SECTORS for name, spec in s.stocks.items()}


class InconsistentBaseline(ValueError):
    """Start values that the model cannot reconcile (e.g. negative calibrated R&D ratio)."""

    def __init__(self, quantity: str, problem: str, bad_runs: int, runs: int) -> None:
        self.quantity, self.problem, self.bad_runs, self.runs = quantity, problem, bad_runs, runs
        where = "" if runs == 1 else f" in {bad_runs} of {runs} runs"
        super().__init__(f"{quantity}: {problem}{where}")


class InnovationModel:
    """The stock-and-flow model of a region's innovation system.

    ``baseline`` and ``inputs`` map keys to values in model units (fractions, not per
    cent): floats, or arrays of shape ``(n_runs,)`` for an ensemble. ``inputs`` are the
    start year's; ``events`` change inputs from the start of given years.
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
        structure: Structure | None = None,
    ) -> None:
        if fiscal_rule not in FISCAL_RULES:
            raise ValueError(f"fiscal rule {fiscal_rule!r} is not one of {FISCAL_RULES}")
        # Another structure (e.g. a sector replaced in an extreme-condition test) may be given.
        self.structure = structure if structure is not None else shipped_structure()
        self.baseline = SimpleNamespace(**baseline)
        self.schedule = InputSchedule({**inputs, "fiscal_rule": fiscal_rule}, events)
        self.start, self.end, self.n_runs = start, end, n_runs
        self.outputs = tuple(outputs) if outputs is not None else tuple(
            k for k in INDICATORS if k not in {s.key for s in DERIVED_INDICATORS})
        self.constants = self._calibrate()
        self.totals = self.structure.totals
        self.ratios = self.structure.ratios

    def _calibrate(self) -> SimpleNamespace:
        constants = SimpleNamespace()
        start_inputs = self.schedule.start
        for sector in self.structure.calibration_order:
            values = sector.calibrate(self.baseline, start_inputs, constants)
            if set(values) != set(sector.constants):
                raise ValueError(f"{sector.name} calibrates {sorted(values)}, but declares "
                                 f"{sorted(sector.constants)}")
            for name, value in values.items():
                setattr(constants, name, value)
        return constants

    @staticmethod
    def all_variables() -> tuple[str, ...]:
        """Every stock and flow, for the conservation checks."""
        names = list(STOCKS)
        for spec in STOCKS.values():
            names += [f for f in spec.inflows + spec.outflows if f not in names]
        return tuple(names) + tuple(f for s in SECTORS for f in s.transfers)

    def check_start(self, n_runs: int) -> None:
        """Raise :class:`InconsistentBaseline` for start values that do not fit together."""
        for sector in self.structure.calibration_order:
            if sector.checks is None:
                continue
            for quantity, values, problem in sector.checks(
                    self.baseline, self.schedule.start, self.constants):
                bad = ~(np.broadcast_to(values, (n_runs,)) >= 0.0)
                if bad.any():
                    raise InconsistentBaseline(quantity, problem, int(bad.sum()), n_runs)

    def initial_state(self, n_runs: int) -> dict[str, np.ndarray]:
        self.check_start(n_runs)
        state: dict[str, np.ndarray] = {}
        for sector in self.structure.calibration_order:
            values = sector.initial(self.baseline, self.schedule.start, self.constants, n_runs)
            state.update({name: np.array(np.broadcast_to(value, (n_runs,)), dtype=float)
                          for name, value in values.items()})
        return state

    def start_totals(self, n_runs: int) -> dict[str, np.ndarray]:
        """The start year's totals of annual quantities, as the data give them."""
        totals: dict[str, np.ndarray] = {}
        for sector in self.structure.calibration_order:
            if sector.start_totals is None:
                continue
            values = sector.start_totals(self.baseline, self.schedule.start, self.constants)
            totals.update({name: np.array(np.broadcast_to(value, (n_runs,)), dtype=float)
                           for name, value in values.items()})
        return totals

    def rates(self, time: float, state: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        values: dict = {}
        inputs, constants = self.schedule.at(time), self.constants
        for sector in self.structure.rate_order:
            sector.rates(state, inputs, constants, values)
        return values

    def events(self, ledger: Ledger):
        for sector in self.structure.rate_order:
            if sector.events is not None:
                yield sector.events(ledger, self.schedule.at, self.constants, self.start,
                                    self.end)
