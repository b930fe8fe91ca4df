"""Which number to collect first? The assumed inputs ranked by the verdicts' uncertainty
they carry.

Most of a new region's numbers are guesses (``innosim provenance``). This module says which
guesses matter: a Sobol analysis (:func:`model.sensitivity.sensitivity`, Saltelli's scheme)
of every tracked target's margin (simulated minus target, signed so that > 0 is reached;
:func:`model.targets.margin`) over the uncertain inputs that rest on assumptions only
(baselines and parameters with a range, :func:`model.provenance.assumed_inputs`); sourced
numbers stay at their values, levers at the plan's (or the planner's) values.

Definitions, stated wherever the result is shown:

* ``ST[t, i]``: input i's Sobol total index on target t's margin (clipped to 0-1): the share
  of the margin's variance that involves i, alone or with other inputs.
* ``p[t]``: the share of the design's runs that reach t; its weight ``w[t] = p (1 - p)`` is
  how uncertain the verdict is (0 when every run agrees: nothing to learn there).
* An input's score: ``sum_t w[t] ST[t, i] / sum_t w[t]`` (plain mean over the targets when
  every verdict is certain). The ranking is by score.
* For the ``top`` inputs chosen: ``carried[t] = min(1, sum_i ST[t, i])`` and the headline
  X = ``sum_t w[t] carried[t] / sum_t w[t]``: the share of the margins' variance those inputs
  carry, averaged over the targets by how uncertain their verdicts are. Knowing the inputs
  exactly removes at most this share of the variance; the first-order indices give the part
  it removes at least (``sum_i S1``, ``reduction_low``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .catalogue import BASELINES, INDICATORS, LEVERS, PARAMETERS
from .errors import InputError
from .provenance import assumed_inputs, input_key, numbers
from .quantities import Spec
from .scenario import Scenario, Target
from .sensitivity import ASSUMPTIONS, sensitivity
from .targets import describe
from .targets import label as target_label
from .uncertainty import uncertain

DEFAULT_N = 1024    # Sobol base sample: N * (D + 2) runs, about 3 s for Kecheng's 40 guesses
DEFAULT_SEED = 1
DEFAULT_TOP = 3
MAX_TOP = 10

Progress = Callable[[int, int], None]


def input_spec(key: str) -> Spec:
    """The catalogue's record of an input key ("baseline.gdp", "patent_lag")."""
    if key.startswith("baseline."):
        name = key.removeprefix("baseline.")
        return BASELINES.get(name) or LEVERS[name]
    return PARAMETERS[key]


@dataclass(frozen=True)
class Ranked:
    """One assumed input and its score (weighted mean total index over the targets)."""

    key: str
    score: float
    value: float
    low: float
    high: float
    unit: str
    origin: str        # the file that sets it, or "model default"

    def name(self, language: str) -> str:
        return input_spec(self.key).label(language)


@dataclass(frozen=True)
class TargetShare:
    """One target: how uncertain its verdict is, and what the chosen inputs carry of it."""

    label: str
    target: Target
    probability: float                  # share of the design's runs that reach it
    weight: float                       # p (1 - p)
    carried: float                      # min(1, sum of the chosen inputs' ST)
    carried_low: float                  # min(1, sum of their S1), at least 0
    top: tuple[tuple[str, float], ...]  # this target's own leading inputs, (key, ST)

    @property
    def indicator(self) -> str:
        return self.target.indicator

    def name(self, language: str) -> str:
        """The indicator's name and the target as the plan states it."""
        return (f"{INDICATORS[self.target.indicator].label(language)} "
                f"{describe(self.target, language, year=True)}")


@dataclass(frozen=True)
class Priorities:
    scenario: str
    n: int
    runs: int
    seed: int
    top: int
    inputs: tuple[str, ...]        # the assumed inputs varied
    held: int                      # uncertain inputs held because they have a source
    ranking: tuple[Ranked, ...]    # every assumed input, highest score first
    targets: tuple[TargetShare, ...]
    reduction: float               # X (0-1), see the module's definitions
    reduction_low: float
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def chosen(self) -> tuple[Ranked, ...]:
        return self.ranking[:self.top]

    def record(self) -> dict:
        """Everything as plain data (JSON)."""
        return {
            "scenario": self.scenario, "n": self.n, "runs": self.runs, "seed": self.seed,
            "top": self.top, "assumed_inputs": list(self.inputs),
            "sourced_inputs_held": self.held,
            "reduction": self.reduction, "reduction_at_least": self.reduction_low,
            "sentence": {language: sentence(self, language) for language in ("zh", "en")},
            "definition": {language: definition(self, language) for language in ("zh", "en")},
            "ranking": [{"rank": i, "input": r.key, "name_zh": r.name("zh"),
                         "name_en": r.name("en"), "score": r.score, "value": r.value,
                         "range": [r.low, r.high], "unit": r.unit, "set_in": r.origin}
                        for i, r in enumerate(self.ranking, start=1)],
            "targets": [{"target": s.label, "indicator": s.indicator,
                         "probability": s.probability, "weight": s.weight,
                         "carried": s.carried, "carried_at_least": s.carried_low,
                         "leading_inputs": [{"input": k, "ST": v} for k, v in s.top]}
                        for s in self.targets],
            "warnings": list(self.warnings),
        }


def priorities(
    scenario: Scenario,
    n: int = DEFAULT_N,
    seed: int | None = DEFAULT_SEED,
    top: int = DEFAULT_TOP,
    levers: Mapping[str, float] | None = None,
    fixed: Mapping[str, float] | None = None,
    progress: Progress | None = None,
) -> Priorities:
    """Rank the scenario's assumed inputs by the verdicts' uncertainty they carry.

    ``n``: Sobol base sample (a power of 2, >= 16); ``levers``: lever values from the first
    plan year (the app's edits); ``fixed``: inputs held at given values (edited parameters,
    not ranked). Raises :class:`InputError` when fewer than two assumed inputs are uncertain.
    """
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= MAX_TOP:
        raise InputError("top", f"{top!r}", f"a whole number from 1 to {MAX_TOP}")
    fixed = dict(fixed or {})
    assumed = [key for key in assumed_inputs(scenario) if key not in fixed]
    if len(assumed) < 2:
        raise InputError("assumptions", f"{len(assumed)} uncertain input(s) rest on "
                         "assumptions: nothing to rank",
                         "at least 2 baselines or parameters marked as assumptions, "
                         "with a range")
    result = sensitivity(scenario, "sobol", n, seed, ASSUMPTIONS, progress=progress,
                         levers=levers, fixed=fixed)
    table = result.table
    tracked = [t for t in scenario.targets if t.tracked]
    labels = [target_label(t) for t in tracked]
    by_label = {target_label(t): t for t in tracked}
    analysed = list(dict.fromkeys(table.target)) if len(table) else []
    st = {label: dict(zip(group.input, np.clip(group.ST, 0.0, 1.0), strict=True))
          for label, group in table.groupby("target", sort=False)} if len(table) else {}
    s1 = {label: dict(zip(group.input, np.clip(group.S1, 0.0, 1.0), strict=True))
          for label, group in table.groupby("target", sort=False)} if len(table) else {}
    weights = {label: result.reached[label] * (1.0 - result.reached[label])
               for label in analysed}
    total = sum(weights.values())
    # Every verdict certain: no weighting tells the inputs apart, take the plain mean.
    share = ({label: w / total for label, w in weights.items()} if total > 0
             else {label: 1.0 / len(analysed) for label in analysed} if analysed else {})
    scores = {key: sum(share[label] * st[label].get(key, 0.0) for label in analysed)
              for key in result.inputs}
    rows = {input_key(r): r for r in numbers(scenario)}
    laws = {law.key: law for law in uncertain(scenario)}
    ranking = tuple(sorted(
        (Ranked(key, scores[key], rows[key].value, laws[key].low, laws[key].high,
                rows[key].unit, rows[key].origin) for key in result.inputs),
        key=lambda r: (-r.score, r.key)))
    chosen = [r.key for r in ranking[:top]]
    targets = []
    for label in labels:
        if label not in st:
            continue  # no varying margin (a warning says so)
        ranked = sorted(st[label].items(), key=lambda item: -item[1])[:top]
        targets.append(TargetShare(
            label, by_label[label], result.reached[label], weights[label],
            min(1.0, sum(st[label].get(k, 0.0) for k in chosen)),
            # sampling noise can put the first-order sum a hair above the total
            min(1.0, sum(st[label].get(k, 0.0) for k in chosen),
                sum(s1[label].get(k, 0.0) for k in chosen)),
            tuple((k, float(v)) for k, v in ranked)))
    reduction = sum(share[s.label] * s.carried for s in targets)
    reduction_low = sum(share[s.label] * s.carried_low for s in targets)
    # An input drawn with another is varied with it (one factor, named after the other).
    grouped = {law.key for law in laws.values() if law.moves_with in result.inputs}
    held = sum(1 for key in laws if key not in result.inputs and key not in fixed
               and key not in grouped)
    return Priorities(scenario.meta.name, result.n, result.runs, result.seed, top,
                      result.inputs, held, ranking, tuple(targets), float(reduction),
                      float(reduction_low), tuple(result.warnings))


# --- wording (the CLI, the app and the report say the same) ------------------------------

def sentence(result: Priorities, language: str = "zh") -> str:
    """The headline: "找到这3个数字，达成概率的不确定性可减少X%"."""
    k, x = len(result.chosen), round(100 * result.reduction)
    if language == "zh":
        return f"找到这{k}个数字，达成概率的不确定性可减少{x}%"
    return (f"Find these {k} numbers and the uncertainty of the targets' probabilities "
            f"falls by up to {x}%")


def definition(result: Priorities, language: str = "zh") -> str:
    """What X is, in one paragraph."""
    low = round(100 * result.reduction_low)
    if language == "zh":
        return (f"X 的定义：对每个目标，这{len(result.chosen)}个数字的 Sobol 总效应指数之和"
                "（上限 100%）为它们承载的目标余量（模拟值与目标值之差，达成为正）方差的份额；"
                "再按各目标判断的不确定程度 p(1−p) 加权平均，p 为只改变假设数字时达成该目标的"
                "模拟比例（p 为 0 或 1 的目标判断已确定，权重为 0）。查实这些数字最多可消除这一"
                f"份额的方差，至少可消除其一阶指数之和（{low}%）。"
                f"只改变 {len(result.inputs)} 个作为假设的数字（有区间的基期值和参数），"
                f"{result.held} 个有来源的不确定数字固定在其取值；"
                f"Sobol 设计 N={result.n}，{result.runs:,} 次模拟，随机种子 {result.seed}。")
    return (f"X: for each target, the sum of these {len(result.chosen)} numbers' Sobol total "
            "indices (at most 100 %) is the share of the variance of the target's margin "
            "(simulated minus target, positive when reached) that they carry; averaged over "
            "the targets weighted by how uncertain each verdict is, p(1-p), p being the share "
            "of runs reaching the target when only the assumed numbers vary (a verdict with "
            "p = 0 or 1 is settled and weighs 0). Knowing the numbers exactly removes at most "
            f"this share of the variance, and at least their first-order share ({low}%). "
            f"Only the {len(result.inputs)} assumed numbers (baselines and parameters with a "
            f"range) vary; {result.held} sourced uncertain numbers stay at their values; "
            f"Sobol design N={result.n}, {result.runs:,} runs, seed {result.seed}.")
