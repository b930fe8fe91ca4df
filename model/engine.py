"""A small stock-and-flow engine on a SimPy clock.

The engine knows nothing about innovation. It integrates named stocks, held as numpy
arrays whose single axis is the ensemble (N parameter sets at once), with explicit Euler
steps of ``dt`` years, and runs scheduled discrete events as SimPy processes.

Integration is explicit Euler (the default, as in Vensim and PySD) or classical fourth-order
Runge-Kutta (``method="rk4"``), which checks integration error the other way.

A model handed to :class:`Engine` provides

* ``stocks``: a mapping ``name -> StockSpec`` (unit, inflow names, outflow names);
* ``initial_state(n_runs)``: the stocks at the start time, arrays of shape ``(n_runs,)``;
* ``rates(time, state)``: every flow (per year) and auxiliary at ``time``, as arrays; it
  must not change the model (the start is recorded with ``time`` just below the start);
* ``events(ledger)``: generator functions (SimPy processes) that act on the state at
  scheduled times through the :class:`Ledger`, so that discrete moves are booked as flows;
* ``outputs``: the names of stocks, auxiliaries and flows to record at each year end;
* an output ``level:<stock>`` records the stock's value at the year end even where the
  stock itself is recorded as a year total (the state a run can be resumed from);
* optionally ``totals``: names of auxiliaries or stocks recorded as year totals (their
  integral over the year, as flows are) rather than as values at the year end;
  ``ratios``: ``name -> (numerator, denominator)``, recorded as the ratio of the two year
  totals (an annual statistic such as R&D spending / GDP is a ratio of year totals, not
  of year-end rates); and ``start_totals(n_runs)``: the start year's totals of annual
  quantities, which the model knows from its data (the start year is not simulated).

Conservation is by construction: continuous flows change stocks only through the Euler
update, and discrete events only through :meth:`Ledger.transfer`. Both are booked per
year, so ``stock[Y] - stock[Y-1] == sum(inflows) - sum(outflows)`` can be checked.

Time is in years on a ``simpy.Environment`` whose clock starts at the start year; time
``Y`` is the end of year ``Y``, so year ``Y``'s flows run over ``(Y-1, Y]``.
Values are recorded at each whole year: the start year holds the initial state, year
``Y`` the state at time ``Y`` after the events scheduled for time ``Y`` have fired.
A flow or total recorded for year ``Y`` is its integral over ``(Y-1, Y]``; for the start
year it is the model's ``start_totals`` value where given, else the rate at the start
(continuous flows) or NaN (discrete flows).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import simpy

State = dict[str, np.ndarray]
LEVEL = "level:"  # an output "level:<stock>" is the stock's value at the year end
Process = Generator[simpy.Event, Any, None]


@dataclass(frozen=True)
class StockSpec:
    """A stock: its unit and the names of the flows that fill and drain it."""

    unit: str
    inflows: tuple[str, ...] = ()
    outflows: tuple[str, ...] = ()
    doc: str = ""


class StockFlowModel(Protocol):
    stocks: Mapping[str, StockSpec]
    outputs: tuple[str, ...]

    def initial_state(self, n_runs: int) -> State: ...

    def rates(self, time: float, state: State) -> Mapping[str, np.ndarray]: ...

    def events(self, ledger: Ledger) -> Iterable[Callable[[], Process]]: ...


def _totals(model: object) -> tuple[str, ...]:
    return tuple(getattr(model, "totals", ()))


def _ratios(model: object) -> Mapping[str, tuple[str, str]]:
    return getattr(model, "ratios", {})


def _start_totals(model: object, n_runs: int) -> Mapping[str, np.ndarray]:
    start_totals = getattr(model, "start_totals", None)
    return start_totals(n_runs) if start_totals is not None else {}


@dataclass
class Ledger:
    """The handle scheduled events use to read and move the state.

    ``transfer`` books a discrete flow: ``amount`` leaves ``source`` (unless None) and
    enters ``target`` (unless None), and is added to ``flow``'s total for the year.
    """

    env: simpy.Environment
    state: State
    discrete_flows: dict[str, np.ndarray] = field(default_factory=dict)

    def transfer(
        self, flow: str, amount: np.ndarray, source: str | None = None, target: str | None = None
    ) -> None:
        # In place: the state's arrays are views into the engine's stock matrix.
        if source is not None:
            self.state[source] -= amount
        if target is not None:
            self.state[target] += amount
        self.discrete_flows[flow] = self.discrete_flows.get(flow, 0.0) + amount

    def timeout(self, delay: float) -> simpy.Timeout:
        return self.env.timeout(delay)


@dataclass
class Trajectory:
    """Raw engine output: ``values[variable_index, year_index, run]``."""

    variables: tuple[str, ...]
    years: np.ndarray
    values: np.ndarray


class Engine:
    """Integrates a :class:`StockFlowModel` from ``start`` to ``end`` (whole years)."""

    METHODS = ("euler", "rk4")

    def __init__(self, start: int, end: int, dt: float = 0.25, method: str = "euler") -> None:
        if end <= start:
            raise ValueError(f"end year {end} must be after start year {start}")
        steps = round(1.0 / dt) if dt > 0 else 0
        if steps < 1 or abs(steps * dt - 1.0) > 1e-9:
            raise ValueError(f"dt must divide a year into whole steps (got {dt})")
        if method not in self.METHODS:
            raise ValueError(f"integration method {method!r} is not one of {self.METHODS}")
        self.start, self.end, self.dt, self.steps_per_year = start, end, 1.0 / steps, steps
        self.method = method

    def run(
        self, model: StockFlowModel, n_runs: int, out: np.ndarray | None = None,
        resumed: bool = False,
    ) -> Trajectory:
        """Simulate ``n_runs`` at once; ``out`` (variables x years x runs) may be given.

        ``resumed``: the model's initial state is a previous run's state at the end of the
        start year (a restart), so the start is recorded as that run recorded its year ends,
        after the changes scheduled for that instant; the run then continues it exactly.
        """
        env = simpy.Environment(initial_time=self.start)
        stock_names = tuple(model.stocks)
        initial = model.initial_state(n_runs)
        # One matrix holds every stock; the state dict maps names to its rows (views), so
        # that one matrix product advances all stocks at once.
        stocks = np.empty((len(stock_names), n_runs))
        for i, name in enumerate(stock_names):
            stocks[i] = initial[name]
        state = {name: stocks[i] for i, name in enumerate(stock_names)}
        ledger = Ledger(env, state)
        years = np.arange(self.start, self.end + 1)
        outputs = model.outputs
        record = out if out is not None else np.empty((len(outputs), len(years), n_runs))
        for process in model.events(ledger):
            env.process(process())
        env.process(self._integrate(env, model, ledger, stocks, record, outputs, resumed))
        env.run()
        return Trajectory(outputs, years, record)

    def _integrate(
        self,
        env: simpy.Environment,
        model: StockFlowModel,
        ledger: Ledger,
        stocks: np.ndarray,
        record: np.ndarray,
        outputs: tuple[str, ...],
        resumed: bool = False,
    ) -> Process:
        state, dt = ledger.state, self.dt
        ratios = {name: pair for name, pair in _ratios(model).items() if name in outputs}
        # Year totals are kept only for what is recorded: flows, declared totals, and the
        # two totals of each recorded ratio.
        flow_names = {f for spec in model.stocks.values() for f in spec.inflows + spec.outflows}
        wanted = set(outputs) | {part for pair in ratios.values() for part in pair}
        totalled = tuple(dict.fromkeys(
            name for name in (*outputs, *(p for pair in ratios.values() for p in pair),
                              *_totals(model))
            if name in wanted and (name in flow_names or name in _totals(model))))
        stock_totals = tuple(name for name in totalled if name in model.stocks)
        rate_totals = tuple(name for name in totalled if name not in model.stocks)
        advance = self._euler_update(model, state, stocks, dt)
        step_rates = (self._rk4_rates(model, stocks, dt, rate_totals)
                      if self.method == "rk4" else None)
        flow_rows = {name: i for i, name in enumerate(totalled)}
        annual = np.zeros((len(totalled), stocks.shape[1]))
        specs = model.stocks
        stock_weight = 0.5 if self.method == "rk4" else 1.0

        def net_flows(rates: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
            return {name: sum((rates[f] for f in specs[name].inflows), np.zeros(1))
                    - sum((rates[f] for f in specs[name].outflows), np.zeros(1))
                    for name in stock_totals}
        # The start is recorded as the left limit at the start time: inputs scheduled to
        # change at the start instant, like events there, act from the first step on.
        # A resumed run's start is a year end: recorded after the start instant's changes.
        if not resumed:
            rates = model.rates(float(np.nextafter(float(env.now), -np.inf)), state)
            self._record(record, 0, outputs, state, rates, {}, {}, None, start=True,
                         start_totals=_start_totals(model, stocks.shape[1]), ratios=ratios)
        # Events scheduled for the start instant act after the start is recorded and
        # before the first step.
        yield env.timeout(0)
        rates = model.rates(env.now, state)
        net_at_year_start = net_at_year_end = net_flows(rates)
        if resumed:
            self._record(record, 0, outputs, state, rates, {}, {}, None, start=True,
                         ratios=ratios)
        n_steps = (self.end - self.start) * self.steps_per_year
        for step in range(1, n_steps + 1):
            if step_rates is not None:
                rates = step_rates(env.now, rates)  # RK4's weighted mean of four slopes
            for name in rate_totals:
                annual[flow_rows[name]] += rates[name]
            # A stock's year total: under Euler its level before the step (the rule the flows
            # and auxiliaries follow); under RK4 the trapezoid rule, half before the step...
            for name in stock_totals:
                annual[flow_rows[name]] += stock_weight * state[name]
            advance(rates)  # the rates move the stocks from t to t + dt
            for name in stock_totals:  # ... and half after it
                annual[flow_rows[name]] += (1.0 - stock_weight) * state[name]
            # Time is computed, not accumulated, so that year ends fall on whole numbers.
            now = self.start + step / self.steps_per_year
            yield env.timeout(now - env.now)
            if step % self.steps_per_year == 0 and stock_totals and self.method == "rk4":
                # The stocks' slopes at the year's end, before inputs and events change there.
                net_at_year_end = net_flows(model.rates(float(np.nextafter(now, -np.inf)),
                                                        state))
            # Yield the floor: events scheduled for this instant act before rates are taken.
            yield env.timeout(0)
            rates = model.rates(env.now, state)
            if step % self.steps_per_year == 0:
                # The trapezoid sums of stock totals, corrected to fourth order: the
                # Euler-Maclaurin end terms dt^2/12 (S'(start) - S'(end)) telescope to the year's.
                for name in stock_totals if self.method == "rk4" else ():
                    annual[flow_rows[name]] += dt / 12.0 * (
                        net_at_year_start[name] - net_at_year_end[name])
                net_at_year_start = net_flows(rates)  # the next year's, after the changes
                annual *= dt
                self._record(record, step // self.steps_per_year, outputs, state, rates,
                             flow_rows, ledger.discrete_flows, annual, start=False,
                             ratios=ratios)
                annual[:] = 0.0
                ledger.discrete_flows = {}

    SMALL_ENSEMBLE = 64

    def _rk4_rates(self, model: StockFlowModel, stocks: np.ndarray, dt: float,
                   totals: tuple[str, ...] = ()):
        """A function giving classical Runge-Kutta's flows for one step from time ``t``.

        The four slopes are taken on a scratch copy of the stocks; the step then applies
        their weighted mean (k1 + 2 k2 + 2 k3 + k4) / 6 as one set of flows, so the step and
        the annual flow totals stay one Euler-like update and stocks still conserve.
        Auxiliaries kept as year totals get the same weighted mean (Simpson's rule over the
        step). Discrete events act between steps, as with Euler.
        """
        trial = np.empty_like(stocks)
        trial_state = {name: trial[i] for i, name in enumerate(model.stocks)}
        half = self._euler_update(model, trial_state, trial, dt / 2)
        full = self._euler_update(model, trial_state, trial, dt)
        flow_names = tuple(dict.fromkeys(
            (*(f for spec in model.stocks.values() for f in spec.inflows + spec.outflows),
             *totals)))

        def step_rates(time: float, k1: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
            trial[...] = stocks
            half(k1)
            k2 = model.rates(time + dt / 2, trial_state)
            trial[...] = stocks
            half(k2)
            k3 = model.rates(time + dt / 2, trial_state)
            trial[...] = stocks
            full(k3)
            # The left limit at the step's end: inputs that change at whole years change
            # between steps, as events do, never inside one.
            k4 = model.rates(float(np.nextafter(time + dt, -np.inf)), trial_state)
            mean = {name: (k1[name] + 2.0 * (k2[name] + k3[name]) + k4[name]) / 6.0
                    for name in flow_names}
            return {**k1, **mean}

        return step_rates

    def _euler_update(self, model: StockFlowModel, state: State, stocks: np.ndarray, dt: float):
        """A function adding ``dt`` times each stock's net flow to the stocks, in place.

        Few runs: one product of the incidence matrix (+1 inflow, -1 outflow) with the stacked
        flows, fewest numpy calls. Many runs: each stock's own flows summed, since most flows
        touch one or two stocks and the dense product would mostly multiply zeros.
        """
        specs = model.stocks
        if stocks.shape[1] <= self.SMALL_ENSEMBLE:
            flow_names = tuple(dict.fromkeys(
                f for spec in specs.values() for f in spec.inflows + spec.outflows))
            incidence = np.zeros((len(specs), len(flow_names)))
            for i, spec in enumerate(specs.values()):
                for flow in spec.inflows:
                    incidence[i, flow_names.index(flow)] += dt
                for flow in spec.outflows:
                    incidence[i, flow_names.index(flow)] -= dt
            flows = np.empty((len(flow_names), stocks.shape[1]))

            def dense(rates: Mapping[str, np.ndarray]) -> None:
                for row, name in enumerate(flow_names):
                    flows[row] = rates[name]  # assignment broadcasts a scalar rate
                stocks[...] += incidence @ flows

            return dense

        plan = [(state[name], spec.inflows, spec.outflows) for name, spec in specs.items()]

        def advance(rates: Mapping[str, np.ndarray]) -> None:
            for level, inflows, outflows in plan:
                net: float | np.ndarray = 0.0
                for name in inflows:
                    net = net + rates[name]
                for name in outflows:
                    net = net - rates[name]
                level += dt * net  # in place: ``level`` is a row of ``stocks``

        return advance

    @staticmethod
    def _record(
        record: np.ndarray,
        year_index: int,
        outputs: tuple[str, ...],
        state: State,
        rates: Mapping[str, np.ndarray],
        flow_rows: Mapping[str, int],
        discrete: Mapping[str, np.ndarray],
        annual: np.ndarray | None,
        start: bool,
        start_totals: Mapping[str, np.ndarray] | None = None,
        ratios: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        ratios = ratios or {}
        for i, name in enumerate(outputs):
            if name.startswith(LEVEL) and name[len(LEVEL):] in state:
                record[i, year_index] = state[name[len(LEVEL):]]
            elif name in ratios:
                numerator, denominator = ratios[name]
                if start:
                    given = start_totals or {}
                    if numerator in given and denominator in given:
                        record[i, year_index] = given[numerator] / given[denominator]
                    else:  # no start-year totals: the ratio of the rates at the start
                        now = {**rates, **state}
                        record[i, year_index] = now[numerator] / now[denominator]
                elif annual is not None:
                    record[i, year_index] = (annual[flow_rows[numerator]]
                                             / annual[flow_rows[denominator]])
            elif start and start_totals and name in start_totals:
                record[i, year_index] = start_totals[name]
            elif name in flow_rows and annual is not None:
                record[i, year_index] = annual[flow_rows[name]]
            elif name in state:
                record[i, year_index] = state[name]
            elif name in discrete:
                record[i, year_index] = discrete[name]
            elif name in rates:
                # An auxiliary, or in the start year a continuous flow: its rate at the start.
                record[i, year_index] = rates[name]
            else:
                # A discrete flow in the start year, or one that did not occur this year.
                record[i, year_index] = np.nan if start else 0.0
