"""Sample -> evaluate: turn a scenario into model inputs, run the engine, label the results.

``simulate(scenario)`` is one deterministic run at the central values;
``simulate(scenario, runs=N, seed=s)`` draws the uncertain numbers (every parameter or
baseline with a ``range``; levers are the planner's choices and stay fixed) and runs the N
draws at once on the ensemble axis. The same seed gives the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from .engine import Engine
from .errors import ScenarioError
from .quantities import Spec
from .results import Results
from .scenario import Scenario, load_scenario
from .system import (
    BASELINES,
    DERIVED_INDICATORS,
    INDICATORS,
    INPUTS,
    LEVERS,
    InconsistentBaseline,
    InnovationModel,
    LeverEvent,
)
from .uncertainty import Method, draw, resolve_seed, uncertain

CHUNK_RUNS = 8192


def uncertain_inputs(scenario: Scenario) -> dict[str, tuple[float, float]]:
    """Keys (``baseline.x`` or input keys) drawn in an ensemble, with their ranges."""
    return {u.key: (u.low, u.high) for u in uncertain(scenario)}


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
    if runs < 1:
        raise ValueError(f"runs must be at least 1 (got {runs})")
    drawn = {key: np.full(runs, value) for key, value in central_inputs(scenario).items()}
    drawn.update(draw(uncertain(scenario), resolve_seed(seed), method, 0, runs, runs))
    return drawn


def evaluate(
    scenario: Scenario,
    inputs: Mapping[str, float | np.ndarray] | None = None,
    dt: float | None = None,
    outputs: tuple[str, ...] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Results:
    """Run the model on given inputs (display units; missing keys take central values).

    ``progress(done, total)`` is called after each chunk of runs (e.g. a progress bar).

    Large ensembles run in chunks of :data:`CHUNK_RUNS` so that the temporaries of each
    step stay in the processor's cache; the numbers do not depend on the chunking.
    """
    values: dict[str, float | np.ndarray] = dict(central_inputs(scenario))
    if inputs:
        unknown = [k for k in inputs if k not in values]
        if unknown:
            raise KeyError(f"unknown inputs: {', '.join(unknown)}")
        values.update(inputs)
    n_runs = max((np.size(v) for v in values.values()), default=1)
    meta = scenario.meta
    engine = Engine(meta.start, meta.end, dt if dt is not None else meta.dt)
    columns = {k: np.broadcast_to(np.asarray(v, dtype=float), (n_runs,))
               for k, v in values.items()}

    def build(lo: int, hi: int) -> InnovationModel:
        def part(key: str, spec: Spec) -> float | np.ndarray:
            column = columns[key]
            if column.strides == (0,):  # the same value in every run: keep it a scalar
                return float(column[0]) / spec.scale
            return column[lo:hi] / spec.scale

        baseline = {k: part(f"baseline.{k}", spec) for k, spec in BASELINES.items()}
        model_inputs = {k: part(k, spec) for k, spec in INPUTS.items()}
        events = [LeverEvent(e.year, e.lever, e.value / LEVERS[e.lever].scale)
                  for e in scenario.events]
        return InnovationModel(baseline, model_inputs, meta.start, meta.end, hi - lo,
                               fiscal_rule=meta.fiscal_rule, events=events, outputs=outputs)

    try:
        # Check every run's start values before any chunk runs, to report them all at once.
        build(0, n_runs).initial_state(n_runs)
    except InconsistentBaseline as error:
        raise ScenarioError(scenario.path, f"baseline ({error.quantity})",
                            f"inconsistent start values: {error.problem}"
                            + ("" if n_runs == 1 else f" in {error.bad_runs} of {n_runs} runs"),
                            "baseline values and parameters that fit together") from None
    recorded = build(0, 1).outputs
    derived = [d for d in DERIVED_INDICATORS if d.key == "rd_growth" and
               "rd_expenditure" in recorded]
    years = np.arange(meta.start, meta.end + 1)
    buffer = np.empty((len(recorded) + len(derived), len(years), n_runs))
    for lo in range(0, n_runs, CHUNK_RUNS):
        hi = min(lo + CHUNK_RUNS, n_runs)
        engine.run(build(lo, hi), hi - lo, out=buffer[:len(recorded), :, lo:hi])
        if progress:
            progress(hi, n_runs)
    return _label(recorded, derived, years, buffer, columns)


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
    uncertain numbers, seeded, drawn by ``method``
    (lhs, sobol or random). ``levers`` overrides lever values (display units).
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    if levers:
        unknown = [k for k in levers if k not in LEVERS]
        if unknown:
            raise KeyError(f"unknown levers: {', '.join(unknown)}")
    inputs: dict[str, float | np.ndarray] = (
        sample(scenario, runs, seed, method) if runs is not None else {})
    if levers:
        inputs.update(levers)
    return evaluate(scenario, inputs, dt=dt, progress=progress)


def _label(recorded: tuple[str, ...], derived: list[Spec], years: np.ndarray,
           buffer: np.ndarray, inputs: dict[str, np.ndarray]) -> Results:
    """Scale to display units in place and fill the derived indicators."""
    specs = {k: INDICATORS.get(k) or Spec(k, k, k, "") for k in recorded}
    for i, key in enumerate(recorded):
        if specs[key].scale != 1.0:
            buffer[i] *= specs[key].scale
    names = list(recorded)
    for offset, spec in enumerate(derived):
        rd = buffer[names.index("rd_expenditure")]
        growth = buffer[len(recorded) + offset]
        growth[0] = np.nan
        np.divide(rd[1:], rd[:-1], out=growth[1:])
        growth[1:] -= 1.0
        growth[1:] *= 100.0
        names.append(spec.key)
        specs[spec.key] = spec
    return Results(buffer, tuple(names), years, specs, inputs)
