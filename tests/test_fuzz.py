"""Issue 14: property-based fuzzing of the shipped scenarios (bounded: a few seconds).

Numbers in a shipped file are replaced by zeros, negatives, tiny and huge values, NaN,
infinities and over-long integers; every mutation must load and run to finite results and
verdicts, or be refused with a clean one-line ScenarioError/InputError.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from .fuzz_scenarios import FILES, REPLACEMENTS, SCENARIOS, known_open, mutate, outcome

PICKS = st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(REPLACEMENTS)),
                 min_size=1, max_size=3)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(FILES), picks=PICKS)
def test_a_mutated_scenario_runs_finite_or_is_refused_in_one_line(name, picks):
    text = (SCENARIOS / name).read_text(encoding="utf-8")
    assume(not known_open(text, picks))
    assert outcome(name, mutate(text, picks)) in ("finite", "refused")


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_shipped_scenarios_themselves_run_finite(name):
    text = (SCENARIOS / name).read_text(encoding="utf-8")
    assert outcome(name, text) == "finite"


def test_a_5000_digit_integer_is_one_line():
    text = (SCENARIOS / "kecheng-2027.toml").read_text(encoding="utf-8")
    text = text.replace("gdp = { value = 280", "gdp = { value = " + "9" * 5000, 1)
    assert outcome("kecheng-2027.toml", text) == "refused"


def test_a_huge_relocation_count_is_refused():
    name = "kecheng-2027-austerity.toml"
    text = (SCENARIOS / name).read_text(encoding="utf-8")
    picks = [(730181, "1e308")]
    assert not known_open(text, picks)  # every input now has an upper bound
    assert outcome(name, mutate(text, picks)) == "refused"


@pytest.mark.parametrize("key", ["rd_intensity", "rd_personnel", "invention_patents_per_10k",
                                 "invention_patent_grants"])
def test_a_zero_baseline_the_calibration_divides_by_is_one_line(key):
    name = "pinghu-2020.toml"
    text = (SCENARIOS / name).read_text(encoding="utf-8")
    start = text.index(f"\n{key} = {{ value = ") + len(f"\n{key} = {{ value = ")
    end = text.index(",", start)
    assert outcome(name, text[:start] + "0" + text[end:]) == "refused"
