"""Global sensitivity of each target's margin to the uncertain inputs (SALib).

The output analysed is a target's *margin* at its year (:func:`model.targets.margin`):
simulated minus target, signed so that a positive margin means reached (``<``/``<=``: target
minus simulated; ``about``: tolerance minus the distance; ``rises``: the smallest
year-on-year rise). Targets are named by :func:`model.targets.label`.

* Sobol (Saltelli's scheme, ``SALib.sample.sobol`` then ``SALib.analyze.sobol``, without
  second-order indices): ``N * (D + 2)`` runs; S1 and ST with bootstrap 95 % intervals.
* Morris (``SALib.sample.morris``, 4 levels): ``N * (D + 1)`` runs; mu* (with its
  interval) and sigma, in margin units per full range of the input.

Inputs are sampled in the unit hypercube and mapped through each input's distribution
(see :mod:`model.uncertainty`), so the indices refer to the scenario's distributions.
Sobol and Morris assume independent factors: an input that ``moves_with`` another is one
factor with it (SALib's groups; Jacques, Lavergne & Devictor 2006), named after the input
it moves with, the pair drawn together through the copula within the group.
Inputs not analysed stay at their central values (or at ``fixed`` values); ``levers`` are a
planner's "what if" (:func:`model.simulate.evaluate`). ``params="assumptions"`` varies only
the uncertain inputs that rest on assumptions (:func:`model.provenance.assumed_inputs`),
holding the sourced ones: which guesses decide the verdicts (:mod:`model.priorities`).

With ``include_levers=True`` the planner's levers are factors too, each uniform over its
slider's range (:func:`model.levers.lever_range`) and applied as the planner's policy from
the first plan year, so an analyst can rank policies against uncertainties. The five
allocation shares are one split of one budget: each is drawn over its range as a weight and
the five are scaled to sum to 100 %, so a share's index is that of its weight in the split.
Only the levers that act under the scenario's fiscal rule are included.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import arguments
from .catalogue import ALLOCATION_SHARES, LEVERS
from .effects import applies
from .errors import InputError, UnknownName
from .levers import lever_range
from .scenario import Scenario
from .simulate import evaluate
from .targets import label as target_label
from .targets import margin, measured
from .uncertainty import BLOCK_RUNS, Uncertain, correlate, resolve_seed, uncertain

METHODS = ("sobol", "morris")
MIN_SOBOL_N = 16
MIN_MORRIS_TRAJECTORIES = 4
MORRIS_LEVELS = 4
# An index counts as unstable when it is negative beyond this, or when it is at least
# this large and its confidence interval is wider than the index itself.
UNSTABLE_INDEX = 0.02

ASSUMPTIONS = "assumptions"   # params: the uncertain inputs that rest on assumptions

Progress = Callable[[int, int], None]


@dataclass
class SensitivityResult:
    method: str
    n: int
    runs: int
    seed: int
    inputs: tuple[str, ...]
    table: pd.DataFrame        # target, input, and the method's indices; ranked per target
    warnings: list[str] = field(default_factory=list)
    index: str = "ST"          # the column the table is ranked by
    error: str = "ST_conf"
    # target -> share of the design's runs whose margin is >= 0 (every row of a Saltelli or
    # Morris design is a draw from the inputs' distributions)
    reached: dict[str, float] = field(default_factory=dict)


LEVER_PREFIX = "lever."   # a lever factor's name in the table: lever.fiscal_st_growth


def lever_laws(scenario: Scenario, keys: Sequence[str] | None = None) -> list[Uncertain]:
    """Each acting lever as a uniform factor over its slider's range, named ``lever.<key>``.

    ``keys`` restricts them (lever names, with or without the prefix).
    """
    acting = [k for k in LEVERS if applies(k, scenario.meta.fiscal_rule)]
    wanted = acting if keys is None else [k.removeprefix(LEVER_PREFIX) for k in keys]
    for key in wanted:
        if key not in acting:
            raise UnknownName("params", f"{key!r} is not a lever acting under the "
                              f"{scenario.meta.fiscal_rule} rule of this scenario",
                              "one of " + ", ".join(acting))
    laws = []
    for key in wanted:
        low, high = lever_range(scenario, key)
        if low < high:
            laws.append(Uncertain(LEVER_PREFIX + key, low, high))
    return laws


def split_factors(scenario: Scenario, laws: Sequence[Uncertain], unit: np.ndarray
                  ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """(inputs, levers) of the runs whose unit-cube values are ``unit`` (runs x D)."""
    inputs: dict[str, np.ndarray] = {}
    levers: dict[str, np.ndarray] = {}
    unit = correlate(laws, unit)
    for i, law in enumerate(laws):
        values = law.ppf(unit[:, i])
        if law.key.startswith(LEVER_PREFIX):
            levers[law.key.removeprefix(LEVER_PREFIX)] = values
        else:
            inputs[law.key] = values
    drawn_shares = [k for k in ALLOCATION_SHARES if k in levers]
    if drawn_shares:
        # The drawn shares are weights; the others keep the scenario's value as theirs.
        weights = {k: levers.get(k, np.full(len(unit), scenario.input_value(k)))
                   for k in ALLOCATION_SHARES}
        total = sum(weights.values())
        safe = np.where(total > 0, total, 1.0)
        for k in ALLOCATION_SHARES:
            levers[k] = np.where(total > 0, 100.0 * weights[k] / safe, 100.0 / 5)
    return inputs, levers


def margins_of_block(scenario: Scenario, laws: Sequence[Uncertain], unit: np.ndarray,
                     levers: Mapping[str, float] | None = None,
                     fixed: Mapping[str, float] | None = None) -> np.ndarray:
    """Margins (targets x runs) of the runs whose unit-cube inputs are ``unit`` (runs x D);
    ``fixed`` inputs held at given values, ``levers`` changed from the first plan year (a
    lever drawn as a factor takes its drawn values instead)."""
    drawn_inputs, drawn_levers = split_factors(scenario, laws, unit)
    inputs: dict[str, float | np.ndarray] = {**dict(fixed or {}), **drawn_inputs}
    policy: dict[str, float | np.ndarray] = {**dict(levers or {}), **drawn_levers}
    results = evaluate(scenario, inputs, levers=policy or None)
    tracked = [t for t in scenario.targets if t.tracked]
    return np.array([margin(t, measured(t, results, t.year)) for t in tracked]).reshape(
        len(tracked), len(unit))


def check_design(method: str, n: int, dimensions: int) -> str | None:
    """Why ``n`` is not usable for ``method`` (None if it is)."""
    if method not in METHODS:
        return f"unknown method {method!r}; one of {', '.join(METHODS)}"
    if dimensions < 2:
        return f"{dimensions} uncertain input(s): a sensitivity analysis needs at least 2"
    if method == "sobol":
        if n < MIN_SOBOL_N or n & (n - 1):
            return f"N = {n}: Sobol needs a power of 2, at least {MIN_SOBOL_N}"
    elif n < MIN_MORRIS_TRAJECTORIES:
        return f"N = {n}: Morris needs at least {MIN_MORRIS_TRAJECTORIES} trajectories"
    return None


def sensitivity(
    scenario: Scenario,
    method: str = "sobol",
    n: int = 1024,
    seed: int | None = None,
    params: Sequence[str] | None = None,
    client=None,
    progress: Progress | None = None,
    num_resamples: int = 100,
    levers: Mapping[str, float] | None = None,
    fixed: Mapping[str, float] | None = None,
    include_levers: bool = False,
) -> SensitivityResult:
    """Sobol or Morris indices of every tracked target's margin.

    ``params``: the uncertain inputs to vary (default: all; ``"assumptions"``: those resting
    on assumptions); a key that is not uncertain raises ``UnknownName``. ``fixed``: inputs
    held at given values (a planner's edited parameters; not varied even if listed).
    ``levers``: lever values from the first plan year. ``include_levers``: the acting levers
    are factors as well, over their slider ranges (named ``lever.<key>``; in ``params`` such
    names pick levers). ``client``: a ``dask.distributed.Client`` to evaluate blocks of the
    design on; only margins come back. ``progress(done, total)`` after each block.
    """
    scenario = arguments.scenario(scenario)
    if params is not None and params != ASSUMPTIONS:
        params = arguments.names("params", params, "names of inputs with a range")
    method = arguments.choice("method", method, ("sobol", "morris"))
    fixed = dict(fixed or {})
    if params == ASSUMPTIONS:
        from .provenance import assumed_inputs

        params = [key for key in assumed_inputs(scenario) if key not in fixed]
    elif isinstance(params, str):
        params = [params]
    elif params is None and fixed:
        params = [law.key for law in uncertain(scenario) if law.key not in fixed]
    if params is not None:
        params = [key for key in params if key not in fixed]

    def is_lever(name: str) -> bool:
        return name.startswith(LEVER_PREFIX) or (include_levers and name in LEVERS)

    lever_keys = None if params is None else [p for p in params if is_lever(p)]
    if lever_keys and not include_levers:
        raise UnknownName("params", f"{lever_keys[0]!r} is a lever",
                          "include_levers=True to vary levers")
    input_keys = None if params is None else [p for p in params if not is_lever(p)]
    try:
        laws = uncertain(scenario, input_keys) if input_keys != [] else []
        if include_levers:
            laws += lever_laws(scenario, lever_keys or None)
    except KeyError as unknown:
        key = unknown.args[0] if unknown.args else "?"
        raise UnknownName("params", f"{key!r} is not an uncertain input of this scenario",
                          "names of inputs with a range") from None
    n = arguments.whole_number("n", n, 1)
    seed = arguments.seed(seed)
    # a bootstrap confidence interval needs at least two resamples to have a spread
    num_resamples = arguments.whole_number("num_resamples", num_resamples, 2, 100_000)
    groups = factor_groups(laws)
    rows = n * (len(set(groups)) + (2 if method == "sobol" else 1))
    if rows > arguments.MAX_DESIGN_ROWS:
        raise InputError("n", f"N = {arguments.count(n)} with {len(laws)} inputs is a design "
                         f"of {arguments.count(rows)} runs",
                         f"at most {arguments.MAX_DESIGN_ROWS:,} runs (N × (inputs + "
                         f"{2 if method == 'sobol' else 1})); vary fewer inputs (--params)")
    problem: dict[str, Any] = {"num_vars": len(laws), "names": [law.key for law in laws],
               "bounds": [[0.0, 1.0]] * len(laws)}
    if groups != problem["names"]:
        problem["groups"] = groups
    names = factor_names(problem)
    reason = check_design(method, n, len(names))
    if reason:
        raise InputError("n" if reason.startswith("N =") else
                         "params" if "uncertain input" in reason else "method", reason)
    seed = resolve_seed(seed)
    if method == "sobol":
        from SALib.sample import sobol as sobol_sample

        unit = sobol_sample.sample(problem, n, calc_second_order=False, seed=seed)
    else:
        from SALib.sample import morris as morris_sample

        unit = morris_sample.sample(problem, n, num_levels=MORRIS_LEVELS, seed=seed)
    margins = _evaluate_blocks(scenario, laws, unit, client, progress, dict(levers or {}),
                               fixed)
    tracked = [t for t in scenario.targets if t.tracked]
    frames, warnings = [], [f"{law.key} moves with {group}: one factor with it, named "
                            f"after it (drawn together)" for law, group in
                            zip(laws, groups, strict=True) if law.key != group]
    reached: dict[str, float] = {}
    for k, target in enumerate(tracked):
        label = target_label(target)
        y = margins[k]
        reached[label] = float(np.mean(y >= 0))
        if not np.all(np.isfinite(y)):
            warnings.append(f"{label}: {int((~np.isfinite(y)).sum())} runs gave no finite "
                            "margin; target left out")
            continue
        if np.ptp(y) == 0:
            warnings.append(f"{label}: the margin does not vary with these inputs; left out")
            continue
        frame, warning = (_sobol(problem, y, seed, num_resamples) if method == "sobol"
                          else _morris(problem, unit, y, seed, num_resamples))
        frame.insert(0, "target", label)
        frames.append(frame)
        if warning:
            warnings.append(f"{label}: {warning}")
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    index, error = ("ST", "ST_conf") if method == "sobol" else ("mu_star", "mu_star_conf")
    return SensitivityResult(method, n, len(unit), seed, tuple(names), table,
                             warnings, index, error, reached)


def factor_groups(laws: Sequence[Uncertain]) -> list[str]:
    """Each input's factor: the input it moves with when that one is varied too, else its
    own key."""
    keys = {law.key for law in laws}
    return [law.moves_with if law.moves_with in keys else law.key for law in laws]


def factor_names(problem: dict) -> list[str]:
    """The factors SALib reports on: the groups in order of appearance, or the inputs."""
    names = problem.get("groups", problem["names"])
    return [str(name) for name in dict.fromkeys(names)]


def _evaluate_blocks(scenario, laws, unit, client, progress, levers, fixed) -> np.ndarray:
    bounds = [(lo, min(lo + BLOCK_RUNS, len(unit))) for lo in range(0, len(unit), BLOCK_RUNS)]
    if client is None:
        parts = []
        for done, (lo, hi) in enumerate(bounds, start=1):
            parts.append(margins_of_block(scenario, laws, unit[lo:hi], levers, fixed))
            if progress:
                progress(done, len(bounds))
    else:
        from dask.distributed import as_completed

        from .ensemble import DASK_RETRIES

        shared = client.scatter([scenario, laws], broadcast=True)
        futures = client.map(margins_of_block, [shared[0]] * len(bounds),
                             [shared[1]] * len(bounds), [unit[lo:hi] for lo, hi in bounds],
                             [levers] * len(bounds), [fixed] * len(bounds),
                             pure=False, retries=DASK_RETRIES)
        for done, _future in enumerate(as_completed(futures), start=1):
            if progress:
                progress(done, len(bounds))
        parts = client.gather(futures)  # in submission order, whoever ran them
    return np.concatenate(parts, axis=1)


def _sobol(problem: dict, y: np.ndarray, seed: int, num_resamples: int
           ) -> tuple[pd.DataFrame, str]:
    from SALib.analyze import sobol

    si = sobol.analyze(problem, y, calc_second_order=False, num_resamples=num_resamples,
                       seed=seed)
    frame = pd.DataFrame({"input": factor_names(problem), "S1": si["S1"], "S1_conf": si["S1_conf"],
                          "ST": si["ST"], "ST_conf": si["ST_conf"]})
    frame = frame.sort_values("ST", ascending=False, ignore_index=True)
    negative = frame[(frame.S1 < -UNSTABLE_INDEX) | (frame.ST < -UNSTABLE_INDEX)]
    wide = frame[((frame.ST >= UNSTABLE_INDEX) & (frame.ST_conf > frame.ST)) |
                 ((frame.S1 >= UNSTABLE_INDEX) & (frame.S1_conf > frame.S1))]
    problems = []
    if len(negative):
        problems.append(f"{len(negative)} negative indices (e.g. {negative.input.iloc[0]})")
    if len(wide):
        problems.append(f"{len(wide)} intervals wider than their index "
                        f"(e.g. {wide.input.iloc[0]})")
    warning = ("; ".join(problems) + ": the sample is too small for stable indices, "
               "raise N") if problems else ""
    return frame, warning


def _morris(problem: dict, unit: np.ndarray, y: np.ndarray, seed: int, num_resamples: int
            ) -> tuple[pd.DataFrame, str]:
    from SALib.analyze import morris

    si = morris.analyze(problem, unit, y, num_resamples=num_resamples,
                        num_levels=MORRIS_LEVELS, seed=seed)
    frame = pd.DataFrame({"input": factor_names(problem), "mu_star": si["mu_star"],
                          "mu_star_conf": si["mu_star_conf"], "sigma": si["sigma"]})
    frame = frame.sort_values("mu_star", ascending=False, ignore_index=True)
    top = frame.mu_star.max()
    wide = frame[(frame.mu_star >= 0.05 * top) & (frame.mu_star_conf > frame.mu_star)]
    warning = (f"{len(wide)} mu* intervals wider than mu* (e.g. {wide.input.iloc[0]}): "
               "too few trajectories for a stable ranking, raise N") if len(wide) else ""
    return frame, warning
