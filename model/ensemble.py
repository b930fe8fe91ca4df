"""Large ensembles with streamed reductions: target probabilities and quantile fans.

``ensemble(scenario, runs=1_000_000, seed=1)`` draws the design (see
:mod:`model.uncertainty`) and runs it in fixed blocks of ``block_runs`` runs, in this
process or on the workers of a Dask cluster (``client=``). Each block is reduced where it
ran to

* per target: how many runs reach it, and a quantile sketch of the compared quantity;
* per indicator and year: a quantile sketch of the values across the block's runs,

and only these come back, never the run x year x indicator array.

Quantile sketch (why and its error): exact quantiles of 10^6 runs x ~35 indicators x
9 years need every value (2.4 GB in float64). A block keeps instead its values at the
:data:`SKETCH_POINTS` probabilities ``0, 1/1000, ..., 1`` (exact order statistics,
linearly interpolated as ``numpy.quantile`` does). Blocks merge by averaging their
piecewise-linear CDFs, weighted by their runs, and inverting the mixture. With one block
the result is numpy's exact quantile; with several, each quantile lies between the exact
quantiles at ``q - 0.001`` and ``q + 0.001`` (the rank error of one sketch step), which
tests check. Counts of runs reaching a target are exact integers.

Results depend on the scenario, ``runs``, ``seed``, ``method`` and ``block_runs`` only:
blocks are merged in block order whichever worker ran them, so an in-process run and a
cluster run give bit-identical numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import arguments
from .catalogue import INDICATORS
from .results import quantile_name
from .scenario import Scenario, Target
from .simulate import check_method, evaluate
from .targets import Verdict, holds, measured, summarise
from .uncertainty import BLOCK_RUNS, Method, Uncertain, draw, resolve_seed, uncertain

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
SKETCH_POINTS = 1001
_GRID = np.arange(SKETCH_POINTS) / (SKETCH_POINTS - 1)
DASK_RETRIES = 3  # a block whose worker died is rerun elsewhere, never dropped

Progress = Callable[[int, int], None]


@dataclass
class BlockSummary:
    """What one block of runs sends back: counts and sketches, a few MB at most."""

    start: int
    runs: int
    reached: np.ndarray          # (targets,) runs reaching each tracked target
    target_sketch: np.ndarray    # (targets, SKETCH_POINTS)
    sketch: np.ndarray           # (indicators * years, SKETCH_POINTS)
    indicators: tuple[str, ...] = ()
    years: tuple[int, ...] = ()


@dataclass
class EnsembleResult:
    """Target probabilities and indicator quantiles of an ensemble."""

    scenario: Scenario
    runs: int
    seed: int
    method: str
    verdicts: list[Verdict]
    target_quantiles: dict[int, dict[float, float]]   # target index -> q -> value
    quantiles: pd.DataFrame  # indicator, unit, year, q05, q25, q50, q75, q95
    inputs: tuple[str, ...] = field(default=())

    def records(self) -> list[dict]:
        """One record per target: the check record plus the ensemble's quantiles."""
        rows = []
        for i, verdict in enumerate(self.verdicts):
            row = verdict.record()
            row.pop("first_year")
            for q, value in self.target_quantiles.get(i, {}).items():
                row[quantile_name(q)] = value
            rows.append(row)
        return rows

    def to_json(self) -> dict:
        return {
            "scenario": self.scenario.meta.name,
            "runs": self.runs,
            "seed": self.seed,
            "method": self.method,
            "uncertain_inputs": list(self.inputs),
            "targets": self.records(),
            "quantiles": self.quantiles.to_dict(orient="records"),
        }


def sketch(values: np.ndarray) -> np.ndarray:
    """Quantile sketch of each row of ``values`` (rows x runs): rows x SKETCH_POINTS.

    A row with any NaN (e.g. a growth rate in the start year) sketches to NaN.
    """
    n = values.shape[1]
    ordered = np.sort(values, axis=1)
    position = _GRID * (n - 1)
    below = np.floor(position).astype(int)
    above = np.minimum(below + 1, n - 1)
    weight = position - below
    result = ordered[:, below] * (1.0 - weight) + ordered[:, above] * weight
    result[np.isnan(values).any(axis=1)] = np.nan
    return result


def merge_quantiles(sketches: Sequence[np.ndarray], weights: Sequence[float],
                    q: Sequence[float]) -> np.ndarray:
    """Quantiles ``q`` of the mixture of several sketches (rows x points each)."""
    weights = np.asarray(weights, dtype=float) / np.sum(weights)
    rows = sketches[0].shape[0]
    out = np.empty((rows, len(q)))
    if len(sketches) == 1:
        for r in range(rows):
            out[r] = np.interp(q, _GRID, sketches[0][r]) if not np.isnan(
                sketches[0][r, 0]) else np.nan
        return out
    stacked = np.stack(sketches)                      # blocks x rows x points
    position = np.asarray(q, dtype=float) * (SKETCH_POINTS - 1)
    below = np.minimum(np.floor(position).astype(int), SKETCH_POINTS - 2)
    fraction = position - below
    # Each block's own quantiles: the mixture's q-quantile lies between their min and max.
    own = stacked[:, :, below] * (1 - fraction) + stacked[:, :, below + 1] * fraction
    for r in range(rows):
        parts = stacked[:, r]
        if np.isnan(parts[:, 0]).any():
            out[r] = np.nan
            continue
        for j, level in enumerate(q):
            low, high = own[:, r, j].min(), own[:, r, j].max()
            if low == high:
                out[r, j] = low
                continue
            # The mixture CDF is linear between the blocks' points: invert it on those
            # points inside [low, high] and the two ends.
            inside = parts[(parts > low) & (parts < high)]
            support = np.unique(np.concatenate(([low, high], inside)))
            cdf = np.zeros_like(support)
            for w, p in zip(weights, parts, strict=True):
                cdf += w * _cdf(support, p)
            out[r, j] = np.interp(level, cdf, support)
    return out


def _cdf(x: np.ndarray, points: np.ndarray) -> np.ndarray:
    """The piecewise-linear CDF a sketch describes, at ``x`` (0 below it, 1 above).

    At a value repeated in the sketch (a jump of the CDF) it takes a probability within the
    jump, which is within the sketch's rank error.
    """
    return np.interp(x, points, _GRID)


def tracked_targets(scenario: Scenario) -> list[tuple[int, Target]]:
    return [(i, t) for i, t in enumerate(scenario.targets) if t.tracked]


def summarise_block(scenario: Scenario, laws: Sequence[Uncertain], seed: int, method: Method,
                    start: int, stop: int, total: int,
                    policy: tuple[Mapping[str, float], Mapping[str, float]] = ({}, {}),
                    ) -> BlockSummary:
    """Run runs ``start..stop-1`` of the design and reduce them (runs on a worker).

    ``policy`` is (lever changes from the first plan year, inputs held fixed)."""
    levers, fixed = policy
    inputs: dict[str, np.ndarray | float] = {**draw(laws, seed, method, start, stop, total),
                                             **fixed}
    results = evaluate(scenario, inputs, levers=levers)
    targets = tracked_targets(scenario)
    compared = np.array([measured(t, results, t.year) for _, t in targets]).reshape(
        len(targets), stop - start)
    reached = np.array([int(holds(t, compared[k]).sum()) for k, (_, t) in
                        enumerate(targets)], dtype=np.int64)
    values = results.values.reshape(-1, stop - start)
    return BlockSummary(start, stop - start, reached, sketch(compared), sketch(values),
                        results.indicators, tuple(int(y) for y in results.years))


def ensemble(
    scenario: Scenario,
    runs: int,
    seed: int | None = None,
    method: Method = "lhs",
    client=None,
    progress: Progress | None = None,
    block_runs: int = BLOCK_RUNS,
    levers: Mapping[str, float] | None = None,
    fixed: Mapping[str, float] | None = None,
) -> EnsembleResult:
    """Run ``runs`` draws of the scenario's uncertain inputs and reduce them as they finish.

    ``client``: a ``dask.distributed.Client``; blocks then run on its workers (retried
    if a worker is lost). ``progress(done, total)`` is called after each block.
    ``levers``: a planner's lever changes, from the first plan year (as in
    :func:`model.simulate.evaluate`). ``fixed``: inputs held at a value rather than drawn
    (a planner's edited parameters).
    """
    scenario = arguments.scenario(scenario)
    runs = arguments.runs(runs)
    block_runs = arguments.whole_number("block_runs", block_runs, 1, 10**6)
    seed = resolve_seed(arguments.seed(seed))
    check_method(method)
    fixed = arguments.mapping("fixed", fixed, "a dict of input -> value")
    levers = arguments.mapping("levers", levers, "a dict of lever -> value")
    laws = [law for law in uncertain(scenario) if law.key not in fixed]
    bounds = [(lo, min(lo + block_runs, runs)) for lo in range(0, runs, block_runs)]
    policy = (levers, fixed)
    summaries = _run_blocks(scenario, laws, seed, method, runs, bounds, client, progress,
                            policy)
    return _combine(scenario, runs, seed, method, laws, summaries)


def _run_blocks(scenario, laws, seed, method, runs, bounds, client, progress, policy
                ) -> list[BlockSummary]:
    done = 0
    if client is None:
        summaries = []
        for lo, hi in bounds:
            summaries.append(summarise_block(scenario, laws, seed, method, lo, hi, runs,
                                             policy))
            done += 1
            if progress:
                progress(done, len(bounds))
        return summaries
    from dask.distributed import as_completed

    shared = client.scatter([scenario, laws], broadcast=True)
    futures = client.map(summarise_block, [shared[0]] * len(bounds), [shared[1]] * len(bounds),
                         [seed] * len(bounds), [method] * len(bounds),
                         [lo for lo, _ in bounds], [hi for _, hi in bounds],
                         [runs] * len(bounds), [policy] * len(bounds), pure=False,
                         retries=DASK_RETRIES)
    for _future in as_completed(futures):
        done += 1
        if progress:
            progress(done, len(bounds))
    summaries = client.gather(futures)
    return sorted(summaries, key=lambda s: s.start)  # merge order = block order


def _combine(scenario: Scenario, runs: int, seed: int, method: str,
             laws: Sequence[Uncertain], summaries: Sequence[BlockSummary]) -> EnsembleResult:
    weights = [s.runs for s in summaries]
    targets = tracked_targets(scenario)
    reached = np.sum([s.reached for s in summaries], axis=0)
    target_q = merge_quantiles([s.target_sketch for s in summaries], weights, QUANTILES) \
        if targets else np.empty((0, len(QUANTILES)))
    verdicts: list[Verdict] = []
    target_quantiles: dict[int, dict[float, float]] = {}
    tracked = {i: k for k, (i, _) in enumerate(targets)}
    for i, target in enumerate(scenario.targets):
        if i not in tracked:
            verdicts.append(Verdict(target, None, None, None, "not modelled", None))
            continue
        k = tracked[i]
        median = float(target_q[k, QUANTILES.index(0.5)])
        verdicts.append(summarise(target, median, float(reached[k]) / runs, None,
                                  INDICATORS[target.indicator].unit))
        target_quantiles[i] = {q: float(v) for q, v in zip(QUANTILES, target_q[k], strict=True)}
    first = summaries[0]
    table = merge_quantiles([s.sketch for s in summaries], weights, QUANTILES)
    n_years = len(first.years)
    frame = pd.DataFrame(table, columns=[quantile_name(q) for q in QUANTILES])
    frame.insert(0, "year", np.tile(first.years, len(first.indicators)))
    frame.insert(0, "unit", np.repeat([_unit(k) for k in first.indicators], n_years))
    frame.insert(0, "indicator", np.repeat(first.indicators, n_years))
    return EnsembleResult(scenario, runs, seed, method, verdicts, target_quantiles, frame,
                          tuple(law.key for law in laws))


def _unit(indicator: str) -> str:
    spec = INDICATORS.get(indicator)
    return spec.unit if spec else ""
