"""innosim: a system-dynamics simulator of a region's innovation system.

    from model import load_scenario, simulate
    sc = load_scenario("scenarios/kecheng-2027.toml")
    one = simulate(sc)                          # deterministic, central values
    many = simulate(sc, runs=10_000, seed=1)    # uncertain numbers drawn from their ranges

Importing the package does nothing else: the names below are loaded on first use
(PEP 562), so ``import model.scenario`` reads scenario files without importing the engine,
the sectors or matplotlib.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import ScenarioError
    from .results import Results
    from .review import Restart, Review, restart, review
    from .scenario import Scenario, load_scenario, parse_scenario
    from .simulate import evaluate, resume, sample, simulate
    from .targets import Verdict, check

# public name -> the module that defines it
_LAZY = {
    "Restart": "review",
    "Results": "results",
    "Review": "review",
    "Scenario": "scenario",
    "ScenarioError": "errors",
    "Verdict": "targets",
    "check": "targets",
    "evaluate": "simulate",
    "load_scenario": "scenario",
    "parse_scenario": "scenario",
    "restart": "review",
    "review": "review",
    "resume": "simulate",
    "sample": "simulate",
    "simulate": "simulate",
}

__all__ = [
    "Restart",
    "Results",
    "Review",
    "Scenario",
    "ScenarioError",
    "Verdict",
    "check",
    "evaluate",
    "load_scenario",
    "parse_scenario",
    "restart",
    "resume",
    "review",
    "sample",
    "simulate",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The package, whose ``simulate`` is the function even once the submodule of the same
    name is loaded (the import system then sets ``model.simulate`` to that submodule)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
