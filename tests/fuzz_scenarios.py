"""Issue 14: mutate the numbers of the shipped scenarios and check "finite results or one
clean line" (shared by tests/test_fuzz.py and a longer run: ``python -m tests.fuzz_scenarios``).
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

from model.catalogue import BASELINES, LEVERS, PARAMETERS
from model.errors import InputError, ScenarioError
from model.scenario import load_scenario
from model.simulate import simulate
from model.targets import check

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
FILES = sorted(p.name for p in SCENARIOS.glob("*.toml"))
# A number after "=", "[" or "," outside strings (the shipped files keep numbers out of text).
NUMBER = re.compile(r"(?<=[=\[,]\s)-?\d[\d_]*(\.\d+)?([eE][-+]?\d+)?(?=[\s,\]}])")
REPLACEMENTS = ("0", "-0.0", "-1", "1e-300", "1e300", "1e308", "nan", "inf", "-inf",
                "0.5", "100", "300", "-50", "1" + "0" * 40, "9" * 5000, "1e-9", "2.5", "999")


def numbers(text: str) -> list[re.Match[str]]:
    return list(NUMBER.finditer(text))


def mutate(text: str, picks: list[tuple[int, str]]) -> str:
    """``text`` with the numbers at the given positions (modulo their count) replaced."""
    found = numbers(text)
    spans = sorted({(found[i % len(found)].span(), value) for i, value in picks}, reverse=True)
    for (start, end), value in spans:
        text = text[:start] + value + text[end:]
    return text


# Inputs without an upper bound, where a value near the largest float would overflow in the
# run: none since every catalogue input has one; a new unbounded input shows up here.
KNOWN_OPEN_KEYS = tuple(f"{key} " for group in (LEVERS, PARAMETERS, BASELINES)
                        for key, spec in group.items() if spec.upper is None)
HUGE = ("1e300", "1e308", "inf", "1" + "0" * 40)


def known_open(text: str, picks: list[tuple[int, str]]) -> bool:
    found = numbers(text)
    for i, value in picks:
        match = found[i % len(found)]
        line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        if value in HUGE and line.lstrip().startswith(KNOWN_OPEN_KEYS):
            return True
    return False


def outcome(name: str, text: str) -> str:
    """"finite", "refused" (a clean one-line ScenarioError/InputError) or raises
    AssertionError describing what went wrong."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)  # a NaN on the way is a failure
            scenario = load_scenario(SCENARIOS / name, text)
            results = simulate(scenario)
            verdicts = check(scenario, results)
    except (ScenarioError, InputError) as error:
        line = str(error)
        assert "\n" not in line and len(line) < 2000, line[:300]
        return "refused"
    values = results.values[:, 1:, :]  # growth rates have no value in the start year
    assert np.isfinite(values).all(), "non-finite results: " + ", ".join(
        k for i, k in enumerate(results.indicators) if not np.isfinite(values[i]).all())
    for verdict in verdicts:
        assert verdict.value is None or math.isfinite(verdict.value), verdict
    return "finite"


def main(cases: int = 1000, seed: int = 1) -> Counter:
    rng = np.random.default_rng(seed)
    tally: Counter = Counter()
    failures: list[str] = []
    for _ in range(cases):
        name = FILES[rng.integers(len(FILES))]
        text = (SCENARIOS / name).read_text(encoding="utf-8")
        picks = [(int(rng.integers(10**6)), REPLACEMENTS[rng.integers(len(REPLACEMENTS))])
                 for _ in range(int(rng.integers(1, 4)))]
        prefix = "known open, " if known_open(text, picks) else ""
        try:
            tally[prefix + outcome(name, mutate(text, picks))] += 1
        except Exception as error:  # noqa: BLE001 - counted and shown, this is the fuzzer
            tally[prefix + "unclean"] += 1
            if prefix:
                continue
            shown = [(i, v if len(v) < 20 else f"{v[:8]}…({len(v)} chars)") for i, v in picks]
            failures.append(f"{name} {shown}: {type(error).__name__}: {str(error)[:160]}")
    print(dict(tally))
    for line in failures[:40]:
        print(line)
    return tally


if __name__ == "__main__":
    import sys

    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
