"""innosim: a system-dynamics simulator of a region's innovation system.

    from model import load_scenario, simulate
    sc = load_scenario("scenarios/kecheng-2027.toml")
    one = simulate(sc)                          # deterministic, central values
    many = simulate(sc, runs=10_000, seed=1)    # uncertain numbers drawn from their ranges
"""

from .errors import ScenarioError
from .results import Results
from .scenario import Scenario, load_scenario, parse_scenario
from .simulate import evaluate, sample, simulate
from .targets import Verdict, check

__all__ = [
    "Results",
    "Scenario",
    "ScenarioError",
    "Verdict",
    "check",
    "evaluate",
    "load_scenario",
    "parse_scenario",
    "sample",
    "simulate",
]
