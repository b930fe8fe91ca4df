"""Uncertain inputs and their sampling design: distributions, Latin hypercube, Sobol.

Every baseline value or parameter with a ``range`` (levers are the planner's choices and
stay fixed, and so do start-year allocation shares, which must sum to 100 %) is uncertain.
Its distribution is uniform on the range unless the scenario says otherwise (see
:class:`model.scenario.Entry`); all are truncated to the range. An input that ``moves_with``
another is drawn with it through a Gaussian copula at the stated rank correlation: its unit
draw ``u`` becomes ``Phi(r z_leader + sqrt(1 - r^2) z)``, ``z = Phi^-1(u)``, with
``r = 2 sin(pi rho_s / 6)`` for the Spearman correlation ``rho_s``; its marginal
distribution is unchanged. The leader must be drawn in the same design (restricting the
keys to one of the pair draws it alone).

A design is drawn in the unit hypercube (``scipy.stats.qmc``) and mapped through each
input's inverse CDF. Designs are cut into fixed blocks of :data:`BLOCK_RUNS` runs, each
drawn from its own seed derived from ``(seed, block index)`` (Sobol: one scrambled
sequence, fast-forwarded to the block's first point), so that run ``i`` gets the same
numbers however the runs are later split among processes or machines.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import stats
from scipy.stats import qmc

from .catalogue import ALLOCATION_SHARES, PARAMETERS
from .scenario import Scenario

BLOCK_RUNS = 32_768
Method = Literal["random", "lhs", "sobol"]
METHODS: tuple[str, ...] = ("random", "lhs", "sobol")
_SOBOL_STREAM = 0x50B0  # keeps the Sobol scramble independent of the LHS/random streams


@dataclass(frozen=True)
class Uncertain:
    """One uncertain input: ``key`` (``baseline.x`` or an input key), in display units."""

    key: str
    low: float
    high: float
    distribution: str = "uniform"
    centre: float | None = None   # value: mean (truncnormal), median (lognormal)
    sd: float | None = None
    mode: float | None = None
    moves_with: str | None = None         # the key of the input it is drawn with
    rank_correlation: float = 0.0         # Spearman, with that input

    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Map unit-interval draws ``u`` to values of this input (inverse CDF)."""
        low, high = self.low, self.high
        if self.distribution == "uniform":
            return low + u * (high - low)
        if self.distribution == "triangular":
            mode = self._given("mode", self.mode if self.mode is not None else self.centre)
            return stats.triang.ppf(u, (mode - low) / (high - low), loc=low, scale=high - low)
        if self.distribution == "truncnormal":
            centre, sd = self._given("centre", self.centre), self._given("sd", self.sd)
            a, b = (low - centre) / sd, (high - centre) / sd
            return stats.truncnorm.ppf(u, a, b, loc=centre, scale=sd)
        if self.distribution == "lognormal":
            law = stats.lognorm(self._given("sd", self.sd),
                                scale=self._given("centre", self.centre))
            cdf_low, cdf_high = law.cdf(low), law.cdf(high)
            return np.clip(law.ppf(cdf_low + u * (cdf_high - cdf_low)), low, high)
        raise ValueError(f"unknown distribution {self.distribution!r}")

    def _given(self, name: str, value: float | None) -> float:
        """A field the distribution needs (scenario validation guarantees it)."""
        if value is None:
            raise ValueError(f"{self.key}: a {self.distribution} distribution needs {name}")
        return value


def uncertain(scenario: Scenario, keys: Sequence[str] | None = None) -> list[Uncertain]:
    """The scenario's uncertain inputs (those with a range wider than a point), in order.

    ``keys`` restricts them (and orders them); a key that is not uncertain is an error.
    """
    found: dict[str, Uncertain] = {}
    for key, entry in scenario.baseline.items():
        # Start-year allocation shares are one split of one budget: drawn one by one they
        # would not sum to 100 %, so they stay at their stated values.
        if key in ALLOCATION_SHARES:
            continue
        if entry.range is not None and entry.range[0] < entry.range[1]:
            found[f"baseline.{key}"] = _from_entry(f"baseline.{key}", entry, "baseline.")
    for key in PARAMETERS:
        if key in scenario.parameters:
            entry = scenario.parameters[key]
            if entry.range is not None and entry.range[0] < entry.range[1]:
                found[key] = _from_entry(key, entry, "")
        else:
            spec = PARAMETERS[key]
            if spec.range is not None and spec.range[0] < spec.range[1]:
                found[key] = Uncertain(key, float(spec.range[0]), float(spec.range[1]),
                                       centre=spec.default)
    if keys is None:
        return list(found.values())
    missing = [k for k in keys if k not in found]
    if missing:
        raise KeyError(missing[0])
    return [found[k] for k in keys]


def _from_entry(key: str, entry, prefix: str) -> Uncertain:
    low, high = entry.range
    leader = None if entry.moves_with is None else prefix + entry.moves_with
    return Uncertain(key, float(low), float(high), entry.distribution or "uniform",
                     entry.value, entry.sd, entry.mode, leader,
                     float(entry.rank_correlation or 0.0))


def unit_design(dimensions: int, seed: int, method: Method, start: int, stop: int,
                total: int) -> np.ndarray:
    """Points ``start..stop-1`` of a ``total``-point design in ``[0, 1)^dimensions``.

    Sobol: one scrambled sequence, fast-forwarded to ``start``. LHS and random: fixed
    blocks of :data:`BLOCK_RUNS` points (the last one shorter), each from the seed
    ``(seed, block)``; a block's size depends on ``total`` only, never on ``start``/``stop``.
    """
    if not 0 <= start <= stop <= total:
        raise ValueError(f"runs {start}..{stop} are not within a design of {total}")
    if method == "sobol":
        engine = qmc.Sobol(dimensions, scramble=True,
                           rng=np.random.default_rng([seed, _SOBOL_STREAM]))
        if start:  # scipy refuses fast_forward(0)
            engine.fast_forward(start)
        with warnings.catch_warnings():  # balance warning for sizes not a power of 2
            warnings.simplefilter("ignore", UserWarning)
            return engine.random(stop - start)
    if method not in METHODS:
        raise ValueError(f"unknown sampling method {method!r}; one of {', '.join(METHODS)}")
    parts = [np.empty((0, dimensions))]
    for block in range(start // BLOCK_RUNS, -(-stop // BLOCK_RUNS)):
        first = block * BLOCK_RUNS
        size = min(BLOCK_RUNS, total - first)
        rng = np.random.default_rng([seed, block])
        points = (qmc.LatinHypercube(dimensions, rng=rng).random(size) if method == "lhs"
                  else rng.random((size, dimensions)))
        parts.append(points[max(start - first, 0):stop - first])
    return np.concatenate(parts)


def draw(inputs: Sequence[Uncertain], seed: int, method: Method, start: int, stop: int,
         total: int) -> dict[str, np.ndarray]:
    """Values of runs ``start..stop-1`` of a ``total``-run design (display units)."""
    unit = correlate(inputs, unit_design(len(inputs), seed, method, start, stop, total))
    return {u.key: u.ppf(unit[:, i]) for i, u in enumerate(inputs)}


def correlate(inputs: Sequence[Uncertain], unit: np.ndarray) -> np.ndarray:
    """The design with each follower's column drawn with its leader's (Gaussian copula);
    a new array, columns of inputs that move alone unchanged."""
    column = {u.key: i for i, u in enumerate(inputs)}
    out = unit.copy()
    for i, u in enumerate(inputs):
        if u.moves_with is None or u.moves_with not in column:
            continue
        r = 2.0 * np.sin(np.pi * u.rank_correlation / 6.0)
        # Open interval: a design point at exactly 0 would map to -inf.
        z_leader, z_own = (stats.norm.ppf(np.clip(unit[:, j], 1e-12, 1.0 - 1e-12))
                           for j in (column[u.moves_with], i))
        out[:, i] = stats.norm.cdf(r * z_leader + np.sqrt(max(1.0 - r * r, 0.0)) * z_own)
    return out


def resolve_seed(seed: int | None) -> int:
    """A concrete seed: the given one, or fresh entropy (then report it to rerun)."""
    if seed is None:
        entropy = np.random.SeedSequence().entropy  # an int when drawn fresh
        if not isinstance(entropy, int):
            raise TypeError(f"unexpected entropy {entropy!r}")
        return entropy % 2**63
    if seed < 0:
        raise ValueError(f"seed must be >= 0 (got {seed})")
    return int(seed)
