"""Issue 14, part 8: random arguments to the public Python API.

Each family calls one entry point (simulate, evaluate, sample, ensemble, sensitivity,
what_it_takes, check, calibrate, backtest, set_lever/changed_levers, load/parse_scenario)
with arguments drawn from their valid values mixed with hostile ones: NaN, infinities, huge
and negative numbers, strings, booleans, None, wrong lengths, unknown names. A call must
return finite results or raise one clean exception, :class:`InputError` or
:class:`ScenarioError` (both ``ValueError``) with a one-line message: never another
exception type, a RuntimeWarning on the way, a hang or NaN in what it returns.

Shared by tests/test_fuzz_api.py and a longer run that prints the counts tried / clean per
family: ``python -m tests.fuzz_api [examples per family]``.
"""

from __future__ import annotations

import math
import signal
import traceback
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from model.backtest import Backtest, backtest
from model.calibrate import Calibration, calibrate
from model.catalogue import ALLOCATION_SHARES, BASELINES, INDICATORS, INPUTS, LEVERS, PARAMETERS
from model.ensemble import EnsembleResult, ensemble
from model.errors import InputError, ScenarioError
from model.goalseek import GoalSeek, what_it_takes
from model.levers import changed_levers, lever_range, plan_levers, set_lever
from model.quantities import Spec
from model.results import Results
from model.scenario import Scenario, load_scenario, parse_scenario
from model.sensitivity import SensitivityResult, sensitivity
from model.simulate import evaluate, sample, simulate
from model.targets import Verdict, check
from model.uncertainty import uncertain

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
CALL_SECONDS = 60   # one call longer than this is a hang (the sizes drawn run in < 2 s)

# --- the scenarios called on ---------------------------------------------------------------


@cache
def pinghu() -> Scenario:
    return load_scenario(SCENARIOS / "pinghu-2020.toml")


@cache
def kecheng() -> Scenario:
    """Has [[history]]: calibrate and backtest run on it."""
    return load_scenario(SCENARIOS / "kecheng-2027.toml")


# --- hostile values ------------------------------------------------------------------------

SPECIAL_NUMBERS = (0, 0.0, -0.0, -1, -1.5, 1e-300, 5e-324, 1e300, 1e308, math.nan, math.inf,
                   -math.inf, 10**40, 2**63, 2**64, -(2**63), 10**9, 10**12, 0.5, 2.5, 100,
                   300, -50, 1e-9)
SPECIAL_TEXT = ("", "10", "nan", "1e3", "-1", "nope", "../x", "a\x00b", "x" * 300, "inf",
                "lhs ", "SOBOL")


def wild_numbers() -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(SPECIAL_NUMBERS), st.floats(),
                     st.integers(-(10**20), 10**20), st.booleans(),
                     st.builds(np.float64, st.floats()), st.builds(np.int64, st.integers(
                         -(2**63), 2**63 - 1)))


def wild() -> st.SearchStrategy[Any]:
    """Any value of a wrong or hostile type or size."""
    return st.one_of(
        wild_numbers(),
        st.sampled_from(SPECIAL_TEXT), st.text(max_size=8), st.none(),
        st.lists(st.floats(), max_size=4),
        arrays(np.float64, st.integers(0, 5), elements=st.floats()),
        st.dictionaries(st.text(max_size=5), st.floats(), max_size=2),
        st.tuples(st.floats(), st.floats()), st.binary(max_size=8),
    )


def counts() -> st.SearchStrategy[Any]:
    """A count (runs, n, ...) that must be refused: never a valid one large enough to run
    for minutes (those are the limits' own tests)."""
    return st.one_of(st.sampled_from(
        (0, -1, -3, 2.5, 3.0, True, "10", None, math.nan, 10**9, 10**12, 2**63, 2**64,
         10**5000)), st.text(max_size=4), st.floats())


def seeds(valid: bool = False) -> st.SearchStrategy[Any]:
    if valid:
        return st.one_of(st.none(), st.integers(0, 2**63 - 1))
    return st.sampled_from((-1, 1.5, "7", 2**64, math.nan, True, 10**5000, np.float64(3)))


def names(catalogue: dict[str, Any] | list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(sorted(catalogue)),
                     st.sampled_from(("nope", "", "baseline.gdp", "levers.x", "GDP")),
                     st.text(max_size=6))


def values_for(keys: st.SearchStrategy[str]) -> st.SearchStrategy[dict[Any, Any]]:
    """A mapping of names to values: mostly plausible numbers, sometimes hostile ones."""
    plausible = st.one_of(st.floats(-20, 120), st.integers(-5, 50))
    return st.dictionaries(keys, st.one_of(plausible, plausible, wild()), max_size=3)


def lever_maps() -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), values_for(names(LEVERS)), wild())


def input_maps() -> st.SearchStrategy[Any]:
    keys = st.one_of(names(INPUTS), st.sampled_from([f"baseline.{k}" for k in BASELINES]))
    arrays_of = st.one_of(arrays(np.float64, st.integers(0, 4), elements=st.floats(0, 100)),
                          st.lists(st.floats(0, 100), min_size=0, max_size=4))
    return st.one_of(st.none(), values_for(keys),
                     st.dictionaries(keys, arrays_of, max_size=3), wild())


# --- judging what comes back ---------------------------------------------------------------


class Unclean(AssertionError):
    """A call that neither gave finite results nor raised one clean line."""


def _finite(value: object, what: str) -> None:
    if value is None:
        return
    if isinstance(value, bool | int | float | np.number) and not math.isfinite(float(value)):
        raise Unclean(f"{what} is {value}")


def finite_results(results: Results, what: str = "results") -> None:
    values = results.values[:, 1:, :]  # growth rates have no value in the start year
    if not np.isfinite(values).all():
        bad = [k for i, k in enumerate(results.indicators) if not np.isfinite(values[i]).all()]
        raise Unclean(f"non-finite {what}: {', '.join(bad[:5])}")


def finite_verdicts(verdicts: list[Verdict]) -> None:
    for verdict in verdicts:
        for name in ("value", "gap", "probability"):
            _finite(getattr(verdict, name), f"verdict {verdict.target.indicator} {name}")
        if verdict.probability is not None and not 0 <= verdict.probability <= 1:
            raise Unclean(f"probability {verdict.probability}")


def finite_frame(frame: pd.DataFrame, what: str) -> None:
    numbers = frame.select_dtypes("number")
    if not np.isfinite(numbers.to_numpy(dtype=float)).all():
        raise Unclean(f"non-finite {what}")


def judge(result: object) -> None:
    """Raise :class:`Unclean` if what a call returned holds NaN or infinities."""
    if isinstance(result, Results):
        finite_results(result)
    elif isinstance(result, EnsembleResult):
        finite_verdicts(result.verdicts)
        # growth rates have no value in the start year, as in the results
        later = result.quantiles[result.quantiles["year"] > result.scenario.meta.start]
        finite_frame(later.drop(columns="year"), "ensemble quantiles")
    elif isinstance(result, SensitivityResult):
        # An index is NaN only where the method says it cannot be computed, and says so.
        indices = result.table.select_dtypes("number")
        if not np.isfinite(indices.to_numpy(dtype=float)).all() and not result.warnings:
            raise Unclean("NaN sensitivity indices without a warning")
    elif isinstance(result, GoalSeek):
        for name in ("value", "low", "high", "margin_low", "margin_high"):
            _finite(getattr(result, name), f"goal seek {name}")
    elif isinstance(result, Calibration):
        for key, value in result.params.items():
            _finite(value, f"calibrated {key}")
        _finite(result.cost, "calibration cost")
    elif isinstance(result, Backtest):
        finite_results(result.results, "central run")
        finite_results(result.ensemble, "ensemble")
    elif isinstance(result, dict):
        for key, value in result.items():
            _finite(value, f"lever {key}")
    elif isinstance(result, list):
        finite_verdicts(result)
    elif isinstance(result, Scenario | tuple):
        pass
    else:
        raise Unclean(f"unexpected result {type(result).__name__}")


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int):
    """SIGALRM after ``seconds`` (main thread): a call that long is a hang."""
    def alarm(_signum, _frame):
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


TALLY: defaultdict[str, Counter] = defaultdict(Counter)
REFUSALS: defaultdict[str, Counter] = defaultdict(Counter)  # the refusals' fields and problems


def outcome(family: str, call: Callable[[], object]) -> str:
    """"finite" or "refused" (one clean line), counted per family; raises :class:`Unclean`
    for anything else."""
    TALLY[family]["tried"] += 1
    try:
        with warnings.catch_warnings(), time_limit(CALL_SECONDS):
            warnings.simplefilter("error", RuntimeWarning)  # a NaN on the way is a failure
            result = call()
    except (InputError, ScenarioError) as error:
        line = str(error)
        if "\n" in line or len(line) > 500:
            TALLY[family]["unclean"] += 1
            raise Unclean(f"not one short line: {line[:300]!r}") from None
        TALLY[family]["refused"] += 1
        TALLY[family]["clean"] += 1
        REFUSALS[family][" ".join(line.split(":")[:2])[:60]] += 1
        return "refused"
    except Exception as error:  # noqa: BLE001 - every other exception is the finding
        TALLY[family]["unclean"] += 1
        where = traceback.extract_tb(error.__traceback__)[-1]
        raise Unclean(f"{type(error).__name__}: {str(error)[:300]} "
                      f"[{Path(where.filename).name}:{where.lineno}]") from error
    try:
        judge(result)
    except Unclean:
        TALLY[family]["unclean"] += 1
        raise
    TALLY[family]["finite"] += 1
    TALLY[family]["clean"] += 1
    return "finite"


def report() -> str:
    lines = [f"{'family':<16}{'tried':>7}{'clean':>7}{'finite':>8}{'refused':>9}"]
    for family, tally in sorted(TALLY.items()):
        lines.append(f"{family:<16}{tally['tried']:>7}{tally['clean']:>7}{tally['finite']:>8}"
                     f"{tally['refused']:>9}")
    total = sum((t for t in TALLY.values()), Counter())
    lines.append(f"{'all':<16}{total['tried']:>7}{total['clean']:>7}{total['finite']:>8}"
                 f"{total['refused']:>9}")
    return "\n".join(lines)


# --- the families: a strategy of calls -----------------------------------------------------


def in_domain(spec: Spec) -> st.SearchStrategy[float]:
    """A value where the equations hold: the bounds themselves or anything between."""
    low = spec.lower if spec.lower is not None else -1e3
    high = spec.upper if spec.upper is not None else low + 1e6
    return st.one_of(st.sampled_from((low, high)), st.floats(low, high))


# Levers moved one at a time (a share moved alone breaks the sum: that is a refusal).
MOVABLE = sorted(k for k in LEVERS if k not in ALLOCATION_SHARES)


def valid_levers() -> st.SearchStrategy[dict[str, float]]:
    return st.one_of(st.none(), st.sampled_from(MOVABLE).flatmap(
        lambda k: in_domain(LEVERS[k]).map(lambda v: {k: v})))


def valid_parameters() -> st.SearchStrategy[dict[str, float]]:
    return st.one_of(st.none(), st.sampled_from(sorted(PARAMETERS)).flatmap(
        lambda k: in_domain(PARAMETERS[k]).map(lambda v: {k: v})))


def valid_inputs() -> st.SearchStrategy[dict[str, Any]]:
    """Parameters or baselines, a number or one value per run (three runs)."""
    def column(spec: Spec) -> st.SearchStrategy[Any]:
        return st.one_of(in_domain(spec), st.lists(in_domain(spec), min_size=3, max_size=3)
                         .map(np.array))
    keys = [(k, PARAMETERS[k]) for k in sorted(PARAMETERS)] + [
        (f"baseline.{k}", BASELINES[k]) for k in sorted(BASELINES)]
    return st.one_of(st.none(), st.sampled_from(keys).flatmap(
        lambda item: column(item[1]).map(lambda v: {item[0]: v})))


@st.composite
def calls(draw, function: Callable[..., object], **arguments: tuple[Any, Any]
          ) -> Callable[[], object]:
    """A call of ``function``: every argument valid (about half the calls), or one or two of
    them drawn from their hostile values. ``arguments``: name -> (valid, hostile)
    strategies; a name starting with ``_`` is passed by position."""
    names = list(arguments)
    spoiled = draw(st.one_of(st.just(frozenset()),
                             st.frozensets(st.sampled_from(names), min_size=1, max_size=2)))
    values = {name: draw(arguments[name][name in spoiled]) for name in names}
    positional = [v for k, v in values.items() if k.startswith("_")]
    keywords = {k: v for k, v in values.items() if not k.startswith("_")}
    return Call(function, positional, keywords)


class Call:
    """A prepared call, shown in a failure as the call it makes."""

    def __init__(self, function: Callable[..., object], args: list[Any],
                 kwargs: dict[str, Any]) -> None:
        self.function, self.args, self.kwargs = function, args, kwargs

    def __call__(self) -> object:
        return self.function(*self.args, **self.kwargs)

    def __repr__(self) -> str:
        def short(value: Any) -> str:
            if isinstance(value, Scenario):
                return f"<{Path(value.path).name}>"
            try:
                text = repr(value)
            except ValueError:  # an int beyond Python's digit limit for printing
                text = f"<int of {value.bit_length()} bits>"
            return text if len(text) < 80 else text[:77] + "..."
        shown = [short(v) for v in self.args] + [f"{k}={short(v)}" for k, v in self.kwargs.items()]
        return f"{self.function.__name__}({', '.join(shown)})"


def the(build: Callable[[], Any]) -> st.SearchStrategy[Any]:
    """A value made when drawn (a scenario loaded once, results computed per call)."""
    return st.builds(build)


def scenario_args() -> tuple[Any, Any]:
    hostile = st.one_of(st.sampled_from(("nope.toml", str(SCENARIOS), "/dev/null")), wild())
    return the(pinghu), hostile


def methods() -> st.SearchStrategy[Any]:
    return st.sampled_from(("lhs", "sobol", "random"))


FAMILIES: dict[str, st.SearchStrategy[Callable[[], object]]] = {}


def family(name: str):
    def register(build: Callable[[], st.SearchStrategy[Callable[[], object]]]):
        FAMILIES[name] = build()
        return build
    return register


@family("simulate")
def _simulate():
    return calls(simulate, _scenario=scenario_args(),
                 runs=(st.one_of(st.none(), st.integers(1, 3)), counts()),
                 seed=(seeds(valid=True), seeds()), dt=(st.sampled_from((None, 1, 0.5, 0.25)),
                                                       wild()),
                 levers=(valid_levers(), lever_maps()), method=(methods(), wild()))


@family("evaluate")
def _evaluate():
    outputs = st.one_of(st.none(), st.lists(st.sampled_from(sorted(INDICATORS)), min_size=1,
                                            max_size=3).map(tuple))
    hostile_outputs = st.one_of(st.lists(names(INDICATORS), max_size=3).map(tuple), wild())
    return calls(evaluate, _scenario=scenario_args(), inputs=(valid_inputs(), input_maps()),
                 dt=(st.sampled_from((None, 1, 0.5)), wild()), outputs=(outputs, hostile_outputs),
                 levers=(valid_levers(), lever_maps()),
                 integration=(st.sampled_from((None, "euler", "rk4")), wild()))


@family("sample")
def _sample():
    return calls(sample, _scenario=scenario_args(), _runs=(st.integers(1, 5), counts()),
                 _seed=(seeds(valid=True), seeds()), _method=(methods(), wild()))


@family("ensemble")
def _ensemble():
    return calls(ensemble, _scenario=scenario_args(), _runs=(st.integers(1, 8), counts()),
                 seed=(seeds(valid=True), seeds()), method=(methods(), wild()),
                 block_runs=(st.integers(1, 4), counts()),
                 levers=(valid_levers(), lever_maps()),
                 fixed=(valid_parameters(), st.one_of(values_for(names(PARAMETERS)), wild())))


@family("sensitivity")
def _sensitivity():
    keys = [u.key for u in uncertain(pinghu())]
    return calls(sensitivity, _scenario=scenario_args(),
                 method=(st.sampled_from(("sobol", "morris")), wild()),
                 n=(st.sampled_from((4, 8, 16)), counts()), seed=(seeds(valid=True), seeds()),
                 params=(st.one_of(st.none(), st.lists(st.sampled_from(keys), min_size=2,
                                                        max_size=3, unique=True)),
                         st.one_of(st.lists(names(keys), max_size=3), wild())),
                 num_resamples=(st.integers(1, 50), counts()))


def _tracked(scenario: Scenario) -> st.SearchStrategy[Any]:
    return st.sampled_from([t for t in scenario.targets if t.tracked])


@family("what_it_takes")
def _what_it_takes():
    def bounds_of(lever: str) -> st.SearchStrategy[Any]:
        spec = LEVERS[lever]
        return st.one_of(st.none(), st.tuples(in_domain(spec), in_domain(spec)).filter(
            lambda b: b[0] < b[1]))

    @st.composite
    def call(draw) -> Callable[[], object]:
        lever = draw(st.sampled_from(MOVABLE))
        return draw(calls(
            what_it_takes, _scenario=scenario_args(),
            _target=(st.deferred(lambda: _tracked(pinghu())),
                     st.one_of(st.builds(lambda: kecheng().targets[0]), wild())),
            _lever=(st.just(lever), names(LEVERS)),
            levers=(valid_levers(), lever_maps()),
            bounds=(bounds_of(lever), st.one_of(st.tuples(wild_numbers(), wild_numbers()),
                                                wild())),
            tolerance=(st.sampled_from((1e-4, 0.01, 1.0)), wild()),
            runs=(st.one_of(st.none(), st.integers(1, 3)), counts()),
            seed=(seeds(valid=True), seeds()),
            parameters=(valid_parameters(), st.one_of(values_for(names(PARAMETERS)), wild()))))
    return call()


@family("check")
def _check():
    results = st.one_of(st.builds(lambda: simulate(pinghu())),
                        st.builds(lambda: simulate(pinghu(), runs=3, seed=1)))
    hostile = st.one_of(st.builds(lambda: simulate(kecheng())),
                        st.builds(lambda: evaluate(pinghu(), outputs=("gdp",))), wild())
    return calls(check, _scenario=scenario_args(), _results=(results, hostile))


@family("calibrate")
def _calibrate():
    fitted = [k for k in PARAMETERS if kecheng().input_entry(k)[1] is not None]
    return calls(calibrate, _scenario=(the(kecheng), st.one_of(the(pinghu), wild())),
                 _params=(st.lists(st.sampled_from(fitted), min_size=1, max_size=2, unique=True),
                          st.one_of(st.lists(names(fitted), max_size=4), wild())))


@family("backtest")
def _backtest():
    return calls(backtest, _scenario=(the(kecheng), st.one_of(the(pinghu), wild())),
                 runs=(st.integers(2, 5), counts()), seed=(seeds(valid=True), seeds()),
                 backcast=(st.booleans(), wild()))


@family("levers")
def _levers():
    plan = the(lambda: plan_levers(pinghu()))
    share_values = st.floats(0, 100)
    set_call = st.sampled_from(sorted(LEVERS)).flatmap(lambda key: calls(
        set_lever, _levers=(plan, st.one_of(values_for(names(LEVERS)), wild())),
        _key=(st.just(key), names(LEVERS)),
        _value=(share_values if key in ALLOCATION_SHARES else in_domain(LEVERS[key]), wild()),
        grid=(st.sampled_from((None, 1.0, 0.1)), wild())))
    changed_call = calls(changed_levers, _scenario=scenario_args(),
                         _levers=(plan, st.one_of(values_for(names(LEVERS)), wild())))
    range_call = calls(lever_range, _scenario=scenario_args(),
                       _key=(st.sampled_from(sorted(LEVERS)), names(LEVERS)))
    return st.one_of(set_call, changed_call, range_call)


@family("load_scenario")
def _load():
    text = (SCENARIOS / "pinghu-2020.toml").read_text(encoding="utf-8")
    data = st.one_of(st.text(max_size=40), st.binary(max_size=40), wild(),
                     st.just(text.encode("utf-8-sig")), st.just(text[: len(text) // 2]))
    load_call = st.builds(lambda path: lambda: load_scenario(path), st.one_of(
        st.sampled_from((SCENARIOS / "pinghu-2020.toml", SCENARIOS, SCENARIOS / "nope.toml",
                         "/dev/null", "/etc/passwd")), wild()))
    parse_call = st.builds(lambda data: lambda: parse_scenario(data),
                           st.one_of(st.just(text), data))
    return st.one_of(load_call, parse_call)


def main(examples: int = 200, verbose: bool = False) -> None:
    """Run every family for ``examples`` calls; print the counts and the failures."""
    from hypothesis import HealthCheck, given, settings

    failures: list[str] = []

    def runner(name: str, strategy: st.SearchStrategy[Callable[[], object]]):
        @settings(max_examples=examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(call=strategy)
        def run(call):
            try:
                outcome(name, call)
            except Unclean as error:
                failures.append(f"{name}: {error}\n    {call!r}")
        return run

    for name, strategy in FAMILIES.items():
        runner(name, strategy)()
    print(report())
    for line in dict.fromkeys(failures):
        print(line)
    if verbose:
        for name, refusals in sorted(REFUSALS.items()):
            print(name, refusals.most_common(6))


if __name__ == "__main__":
    import sys

    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, "-v" in sys.argv)
