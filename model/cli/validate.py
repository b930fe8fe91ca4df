"""``innosim validate SCENARIO...``: check files without running them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ScenarioError
from ..plausibility import implausible
from ..scenario import Scenario, load_scenario


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("validate", help="check scenario files without running them")
    parser.add_argument("paths", nargs="+", help="scenario files, or folders of them")
    parser.set_defaults(handler=handle)


def scenario_files(paths: list[str]) -> list[Path | ScenarioError]:
    """Files to check; a folder without scenarios is a problem, not "all valid"."""
    files: list[Path | ScenarioError] = []
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(path.glob("*.toml"))
        files += found or [ScenarioError(path, "", "a folder without .toml scenario files",
                                         "a scenario file, or a folder holding some")]
    return files


def warn_implausible(scenario: Scenario, path: str | Path) -> int:
    """Print a warning line (stderr) per number outside what a region plausibly has;
    the exit code is left as it is. Returns how many."""
    found = implausible(scenario)
    for problem in found:
        print(problem.line(path), file=sys.stderr)
    return len(found)


def handle(args: argparse.Namespace) -> int:
    bad = 0
    for path in scenario_files(args.paths):
        try:
            if isinstance(path, ScenarioError):
                raise path
            scenario = load_scenario(path)
        except ScenarioError as error:   # every problem of the file, one line each
            for line in error.lines():
                print(line, file=sys.stderr)
            bad += 1
        else:
            parent = f", extends {Path(scenario.extends[0]).name}" if scenario.extends else ""
            print(f"ok  {path}  ({scenario.meta.region}, {len(scenario.targets)} targets"
                  f"{parent})")
            warn_implausible(scenario, path)
    return 2 if bad else 0
