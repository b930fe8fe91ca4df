"""Sample -> evaluate: turn a scenario into model inputs, run the engine, label the results.

``simulate(scenario)`` is one deterministic run at the central values;
``simulate(scenario, runs=N, seed=s)`` draws the uncertain numbers (every parameter or
baseline with a ``range``; levers are the planner's choices and stay fixed) and runs the N
draws at once on the ensemble axis. The same seed gives the same numbers.
"""

from __future__ import annotations

import mmap
from collections.abc import Callable, Mapping

import numpy as np

from . import arguments
from .catalogue import (
    ALLOCATION_SHARES,
    BASELINES,
    DERIVED,
    INDICATORS,
    INPUTS,
    LEVERS,
    Derived,
    shares_sum_off,
)
from .engine import LEVEL, Engine
from .errors import InputError, ScenarioError, UnknownName
from .quantities import Spec
from .results import Results
from .scenario import Scenario, load_scenario, region_spec
from .schedule import LeverEvent
from .system import InconsistentBaseline, InnovationModel, shipped_structure
from .uncertainty import METHODS, Method, draw, resolve_seed, uncertain

CHUNK_RUNS = 8192
# The model's stocks: the state a run can be resumed from (see :func:`resume`), recorded by
# name like indicators (in display units where a stock is also an indicator).
STOCK_NAMES: tuple[str, ...] = tuple(InnovationModel.stocks)
STOCK_SCALES = {name: INDICATORS[name].scale for name in STOCK_NAMES if name in INDICATORS}


def level_name(stock: str) -> str:
    """The output recording ``stock``'s value at each year end. A stock that is the level of
    an annual flow (fiscal S&T spending) is recorded under its own name as its year total."""
    return LEVEL + stock


STATE_OUTPUTS: tuple[str, ...] = tuple(level_name(s) for s in STOCK_NAMES)
LARGE_ARRAY_BYTES = 64 * 2**20


def central_inputs(scenario: Scenario) -> dict[str, float]:
    """Every baseline (as ``baseline.x``), lever and parameter at its central value."""
    values = {f"baseline.{k}": e.value for k, e in scenario.baseline.items()}
    values.update({key: scenario.input_value(key) for key in INPUTS})
    return values


def sample(scenario: Scenario, runs: int, seed: int | None = None, method: Method = "lhs"
           ) -> dict[str, np.ndarray]:
    """Draw ``runs`` input sets (display units) by Latin hypercube, Sobol or plain random
    sampling, each uncertain input through its distribution (see :mod:`model.uncertainty`).
    """
    scenario = arguments.scenario(scenario)
    runs = arguments.whole_number("runs", runs, 1)
    seed = arguments.seed(seed)
    check_method(method)
    arguments.runs_in_memory("runs", runs, bytes_per_run(scenario))
    drawn = {key: np.full(runs, value) for key, value in central_inputs(scenario).items()}
    drawn.update(draw(uncertain(scenario), resolve_seed(seed), method, 0, runs, runs))
    return drawn


def evaluate(
    scenario: Scenario,
    inputs: Mapping[str, float | np.ndarray] | None = None,
    dt: float | None = None,
    outputs: tuple[str, ...] | None = None,
    levers: Mapping[str, float | np.ndarray] | None = None,
    progress: Callable[[int, int], None] | None = None,
    integration: str | None = None,
) -> Results:
    """Run the model on given inputs (display units; missing keys take central values).

    ``dt`` and ``integration`` ("euler" or "rk4") default to the scenario's own.

    A lever has a start-year value, on which the start year is calibrated (``baseline.<lever>``
    where the scenario states it, else the ``[levers]`` value), and a plan value that holds
    from the first plan year (start + 1), changed in given years by ``[[events]]`` and
    ``[paths]`` (which may also change parameters).
    ``inputs`` keyed by a lever set its ``[levers]`` value. ``levers`` are a planner's
    "what if": each holds from the first plan year on and replaces the scenario's own
    scheduled changes of that lever, while the start year keeps the scenario's values.

    ``progress(done, total)`` is called after each chunk of runs (e.g. a progress bar).

    Large ensembles run in chunks of :data:`CHUNK_RUNS` so that the temporaries of each
    step stay in the processor's cache; the numbers do not depend on the chunking.
    """
    return _run(scenario, inputs, dt, outputs, levers, progress, integration)


def resume(
    scenario: Scenario,
    year: int,
    state: Mapping[str, float | np.ndarray],
    inputs: Mapping[str, float | np.ndarray] | None = None,
    outputs: tuple[str, ...] | None = None,
    levers: Mapping[str, float | np.ndarray] | None = None,
    end: int | None = None,
) -> Results:
    """Continue runs of ``scenario`` from the state of every stock (:data:`STOCK_NAMES`,
    in the units :func:`evaluate` records them) at the end of ``year``, to ``end``
    (default: the scenario's end).

    The model is built as :func:`evaluate` builds it from ``inputs`` (its start-year
    calibration, schedule and constants), so resuming a run's own state at a whole year
    continues that run exactly. The results start in ``year``, recorded as a year end.
    ``levers`` act from the start of ``year + 1`` (the first year the resumed run makes).
    """
    meta = scenario.meta
    last = meta.end if end is None else end
    if not (isinstance(year, int) and meta.start <= year < last <= meta.end):
        raise InputError("year", f"{year} cannot start a run that ends in {last}",
                         f"a year from {meta.start} to {last - 1}")
    missing = sorted(set(STOCK_NAMES) - set(state))
    if missing:
        raise InputError("state", f"no value for the stocks {', '.join(missing)}",
                         "every stock of the model")
    return _run(scenario, inputs or {}, None, outputs, levers, None, None,
                resume_from=(year, state), end=last)


def _run(scenario: Scenario, inputs: Mapping[str, float | np.ndarray] | None,
         dt: float | None, outputs: tuple[str, ...] | None,
         levers: Mapping[str, float | np.ndarray] | None,
         progress: Callable[[int, int], None] | None, integration: str | None,
         resume_from: tuple[int, Mapping[str, float | np.ndarray]] | None = None,
         end: int | None = None) -> Results:
    scenario = arguments.scenario(scenario)
    policy = _checked_policy(scenario, arguments.mapping("levers", levers,
                                                         "a dict of lever -> value"))
    given = _input_columns(scenario, arguments.mapping("inputs", inputs,
                                                       "a dict of input -> value or array"))
    outputs = _checked_outputs(outputs)
    n_runs = max((np.size(v) for v in given.values()), default=1)
    if resume_from is not None:
        n_runs = max([n_runs, *(np.size(v) for v in resume_from[1].values())])
    arguments.runs_in_memory("inputs", n_runs, bytes_per_run(scenario, outputs))
    sizes = sorted({np.size(v) for v in given.values()} - {1})
    if len(sizes) > 1:
        raise InputError("inputs", f"arrays of different lengths ({', '.join(map(str, sizes))})",
                         "single numbers or arrays of one length, one value per run")
    columns = {k: np.broadcast_to(np.asarray(v, dtype=float), (n_runs,))
               for k, v in given.items()}
    meta = scenario.meta
    if integration is not None and (not isinstance(integration, str)
                                    or integration not in ("euler", "rk4")):
        raise InputError("integration", f"{str(integration)[:40]!r} is not a method",
                         "euler or rk4")
    first_year = meta.start if resume_from is None else resume_from[0]
    last_year = meta.end if end is None else end
    engine = Engine(first_year, last_year,
                    arguments.time_step(dt) if dt is not None else meta.dt,
                    integration or meta.integration)

    def build(lo: int, hi: int) -> InnovationModel | _Resumed:
        baseline, start_inputs, changes = _model_inputs(scenario, columns, policy, lo, hi)
        model = InnovationModel(baseline, start_inputs, meta.start, meta.end, hi - lo,
                                fiscal_rule=meta.fiscal_rule, events=changes, outputs=outputs)
        if resume_from is None:
            return model
        return _Resumed(model, {name: _chunk(value, STOCK_SCALES.get(name, 1.0), lo, hi)
                                for name, value in resume_from[1].items()})

    try:
        # numpy raises as Python does for one run: a zero divisor in any run is caught here,
        # not carried on as infinities with a RuntimeWarning.
        with np.errstate(divide="raise", invalid="raise"):
            first = build(0, n_runs)
    except (ZeroDivisionError, FloatingPointError) as error:
        # A start value the calibration divides by (a zero GDP, R&D intensity, patent stock):
        # the model cannot start from it.
        raise ScenarioError(scenario.path, "baseline", f"the start values cannot be "
                            f"calibrated ({error})", "non-zero baseline values the model "
                            "divides by") from None
    _check_start(scenario, first, n_runs)
    recorded = first.outputs
    derived = [d for d in DERIVED if d.of in recorded]
    years = np.arange(first_year, last_year + 1)
    buffer = _allocate((len(recorded) + len(derived), len(years), n_runs))
    for lo in range(0, n_runs, CHUNK_RUNS):
        hi = min(lo + CHUNK_RUNS, n_runs)
        chunk = buffer[:len(recorded), :, lo:hi]
        # Values within their bounds can still combine into a loop that explodes (elasticities
        # at their bounds): the run is refused in one line, never returned with infinities.
        with np.errstate(all="ignore"):
            engine.run(build(lo, hi), hi - lo, out=chunk, resumed=resume_from is not None)
        _check_finite(scenario, recorded, years, chunk, lo, n_runs)
        if progress:
            progress(hi, n_runs)
    return _label(recorded, derived, years, buffer, columns)



class _Resumed:
    """A built model whose initial state is given: a previous run's state at a year end."""

    def __init__(self, model: InnovationModel, state: Mapping[str, float | np.ndarray]) -> None:
        self.model, self.state = model, state
        self.stocks, self.outputs = model.stocks, model.outputs
        self.totals, self.ratios = model.totals, model.ratios  # the start year is not made

    def initial_state(self, n_runs: int) -> dict[str, np.ndarray]:
        return {name: np.array(np.broadcast_to(self.state[name], (n_runs,)), dtype=float)
                for name in self.stocks}

    def check_start(self, n_runs: int) -> None:
        self.model.check_start(n_runs)

    def rates(self, time: float, state):
        return self.model.rates(time, state)

    def events(self, ledger):
        return self.model.events(ledger)


def _chunk(value: float | np.ndarray, scale: float, lo: int, hi: int) -> float | np.ndarray:
    """Runs ``lo:hi`` of a stock's values in model units."""
    array = np.asarray(value, dtype=float)
    return float(array) / scale if array.ndim == 0 else array[lo:hi] / scale
def _check_finite(scenario: Scenario, recorded: tuple[str, ...], years: np.ndarray,
                  chunk: np.ndarray, lo: int, n_runs: int) -> None:
    finite = np.isfinite(chunk)
    if finite.all():
        return
    bad = np.argwhere(~finite)                                 # (indicator, year, run)
    # The earliest year; there an overflow (inf) before the NaN it causes downstream.
    is_nan = np.isnan(chunk[tuple(bad.T)])
    indicator, year, run = (int(i) for i in bad[np.lexsort((bad[:, 0], is_nan, bad[:, 1]))[0]])
    bad_runs = int((~finite.all(axis=(0, 1))).sum())
    where = "" if n_runs == 1 else f" (in {bad_runs} of runs {lo}-{lo + chunk.shape[2] - 1})"
    raise ScenarioError(scenario.path, "run", f"{recorded[indicator]} is no longer a finite "
                        f"number ({chunk[indicator, year, run]}) in {int(years[year])}{where}",
                        "inputs whose feedback loops stay finite, e.g. smaller elasticities")


def _checked_outputs(outputs: object) -> tuple[str, ...] | None:
    """``None`` (every indicator) or names of quantities the model records."""
    if outputs is None:
        return None
    found = tuple(arguments.names("outputs", outputs, "names of the model's quantities"))
    recordable = shipped_structure().provided   # stocks, flows and auxiliaries
    levels = set(STATE_OUTPUTS)                 # a stock's year-end level: level:<stock>
    unknown = [k for k in found if k not in recordable and k not in levels]
    if unknown:
        raise UnknownName("outputs", f"not quantities the model records: "
                          f"{arguments.listed(unknown)}", "stocks, flows and auxiliaries of "
                          "docs/model.md (a derived rate such as rd_growth comes with its "
                          "source)")
    return found


def check_method(method: object) -> None:
    if not isinstance(method, str) or method not in METHODS:
        raise InputError("method", f"unknown sampling method {str(method)[:40]!r}",
                         f"one of {', '.join(METHODS)}")


def bytes_per_run(scenario: Scenario, outputs: tuple[str, ...] | None = None) -> int:
    """Memory one run of :func:`evaluate` holds: its results and its inputs."""
    years = scenario.meta.end - scenario.meta.start + 1
    series = (len(outputs) if outputs is not None else len(INDICATORS)) + len(DERIVED)
    return 8 * (series * years + 2 * len(INPUTS) + len(BASELINES))


def check_domain(field: str, value: float | np.ndarray, spec: Spec) -> None:
    """Refuse values outside the domain where the equations hold (the same bounds a scenario
    file is checked against), NaN and infinities: one line, raised as :class:`InputError`."""
    values = arguments.real_numbers(field, value, f"a number in {spec.unit}")
    if not np.isfinite(values).all():
        raise InputError(field, "not a finite number", f"a number in {spec.unit}")
    if spec.lower is not None and (values < spec.lower).any():
        raise InputError(field, f"{values.min():g} is below {spec.lower:g}",
                         f"a value >= {spec.lower:g} {spec.unit} for {spec.en}")
    if spec.upper is not None and (values > spec.upper).any():
        raise InputError(field, f"{values.max():g} is above {spec.upper:g}",
                         f"a value <= {spec.upper:g} {spec.unit} for {spec.en}")


def _checked_policy(scenario: Scenario, levers: Mapping[str, float | np.ndarray]
                    ) -> dict[str, float | np.ndarray]:
    """A planner's lever values, checked: known levers, allocation shares summing to 100 %."""
    policy = dict(levers)
    unknown_levers = [k for k in policy if k not in LEVERS]
    if unknown_levers:
        raise UnknownName("levers", f"unknown levers: {arguments.listed(unknown_levers)}",
                          "names of levers")
    for key, value in policy.items():
        check_domain(f"levers.{key}", value, region_spec(scenario, key))
    if any(k in policy for k in ALLOCATION_SHARES):
        total = sum(np.asarray(policy.get(k, scenario.input_value(k)), dtype=float)
                    for k in ALLOCATION_SHARES)
        if any(shares_sum_off(float(run)) for run in np.atleast_1d(total)):
            raise InputError("levers", f"allocation shares sum to {np.max(total):g} %",
                             "allocation shares that sum to 100 %")
    return policy


def _input_columns(scenario: Scenario, inputs: Mapping[str, float | np.ndarray]
                   ) -> dict[str, float | np.ndarray]:
    """Every baseline, lever and parameter: the given values over the central ones."""
    values: dict[str, float | np.ndarray] = dict(central_inputs(scenario))
    # A start value the scenario leaves out (the model derives it) may still be given.
    optional = {f"baseline.{k}" for k, spec in BASELINES.items() if spec.optional}
    unknown = [k for k in inputs if k not in values and k not in optional]
    if unknown:
        raise UnknownName("inputs", f"unknown inputs: {arguments.listed(unknown)}",
                          "baseline.<name>, levers and parameters of the catalogue")
    for key, value in inputs.items():
        spec = (BASELINES.get(key.removeprefix("baseline.")) if key.startswith("baseline.")
                else INPUTS[key])
        if spec is not None:  # None: a lever's start value (baseline.<lever>), checked in files
            check_domain(f"inputs.{key}", value,
                         spec if key.startswith("baseline.") else region_spec(scenario, key))
    values.update(inputs)
    return values


def _model_inputs(scenario: Scenario, columns: Mapping[str, np.ndarray],
                  policy: Mapping[str, float | np.ndarray], lo: int, hi: int
                  ) -> tuple[dict[str, float | np.ndarray], dict[str, float | np.ndarray],
                             list[LeverEvent]]:
    """Runs ``lo:hi`` in model units: baseline, start-year inputs and scheduled changes."""

    def part(key: str, spec: Spec, column: np.ndarray | None = None) -> float | np.ndarray:
        column = columns[key] if column is None else column
        if column.ndim == 0:
            return float(column) / spec.scale
        if column.strides == (0,):  # the same value in every run: keep it a scalar
            return float(column[0]) / spec.scale
        return column[lo:hi] / spec.scale

    # Optional start values the scenario leaves out are absent: their sector derives them.
    baseline = {k: part(f"baseline.{k}", spec) for k, spec in BASELINES.items()
                if f"baseline.{k}" in columns}
    start_inputs = {k: part(k, spec) for k, spec in INPUTS.items()}
    first_plan_year = scenario.meta.start + 1
    changes = []
    for key, spec in LEVERS.items():
        if f"baseline.{key}" in columns:
            # The start year runs on the lever's stated start value; the plan's value
            # holds from the first plan year.
            if key not in policy:
                changes.append(LeverEvent(first_plan_year, key, start_inputs[key]))
            start_inputs[key] = part(f"baseline.{key}", spec)
    changes += [LeverEvent(c.year, c.key, c.value / INPUTS[c.key].scale)
                for c in scenario.changes() if c.key not in policy]
    changes += [LeverEvent(first_plan_year, key, part(key, LEVERS[key], np.asarray(value, float)))
                for key, value in policy.items()]
    return baseline, start_inputs, changes


def _check_start(scenario: Scenario, model: InnovationModel | _Resumed, n_runs: int) -> None:
    """Every run's start values, checked before any chunk runs, to report them all at once."""
    try:
        model.check_start(n_runs)
    except InconsistentBaseline as error:
        raise ScenarioError(scenario.path, f"baseline ({error.quantity})",
                            f"inconsistent start values: {error.problem}"
                            + ("" if n_runs == 1 else f" in {error.bad_runs} of {n_runs} runs"),
                            "baseline values and parameters that fit together") from None


def simulate(
    scenario: Scenario | str,
    runs: int | None = None,
    seed: int | None = None,
    dt: float | None = None,
    levers: Mapping[str, float] | None = None,
    method: Method = "lhs",
    progress: Callable[[int, int], None] | None = None,
) -> Results:
    """Simulate a scenario (a :class:`Scenario` or a path).

    ``runs=None``: one deterministic run at central values. ``runs=N``: N draws of the
    uncertain numbers, seeded, drawn by ``method`` (lhs, sobol or random). ``levers``
    sets lever values (display units) from the first plan year on, as a planner's slider
    does (see :func:`evaluate`).
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(arguments.file_path(scenario, "scenario"))
    if dt is not None:
        dt = arguments.time_step(dt)
    inputs: Mapping[str, float | np.ndarray] = (
        sample(scenario, runs, seed, method) if runs is not None else {})
    return evaluate(scenario, inputs, dt=dt, levers=levers, progress=progress)


def _allocate(shape: tuple[int, ...]) -> np.ndarray:
    """An uninitialised float64 array; large ones come from a plain anonymous mmap.

    numpy asks the kernel for transparent huge pages on large arrays; on machines whose
    kernel compacts memory on demand to find them (THP defrag = madvise, as on the
    2-core CI machines), first touching a few hundred MB then stalls for about half a
    second. Ordinary pages avoid the stall.
    """
    nbytes = int(np.prod(shape)) * 8
    if nbytes < LARGE_ARRAY_BYTES:
        return np.empty(shape)
    return np.frombuffer(mmap.mmap(-1, nbytes), dtype=np.float64).reshape(shape)


def _label(recorded: tuple[str, ...], derived: list[Derived], years: np.ndarray,
           buffer: np.ndarray, inputs: dict[str, np.ndarray]) -> Results:
    """Scale to display units in place and fill the derived indicators."""
    specs = {k: INDICATORS.get(k) or INDICATORS.get(k.removeprefix(LEVEL)) or Spec(k, k, k, "")
             for k in recorded}
    for i, key in enumerate(recorded):
        if specs[key].scale != 1.0:
            buffer[i] *= specs[key].scale
    names = list(recorded)
    for offset, rule in enumerate(derived):
        source = buffer[names.index(rule.of)]
        growth = buffer[len(recorded) + offset]
        growth[0] = np.nan
        np.divide(source[1:], source[:-1], out=growth[1:])
        growth[1:] -= 1.0
        growth[1:] *= 100.0
        names.append(rule.spec.key)
        specs[rule.spec.key] = rule.spec
    return Results(buffer, tuple(names), years, specs, inputs)
