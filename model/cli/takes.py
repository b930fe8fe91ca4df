"""``innosim what-it-takes SCENARIO --target KEY --lever KEY`` (alias ``takes``): the lever
value that just reaches a target, or "not reachable within the lever's range"
(model/goalseek.py). ``--probability 0.8``: the value at which 80 % of the app's seeded
ensemble reach it (500 runs, the app's seed): the number the app's goal seek shows."""

from __future__ import annotations

import argparse
import json

from ..catalogue import INDICATORS, LEVERS
from ..errors import ScenarioError
from ..goalseek import NOT_REACHABLE, what_it_takes
from ..scenario import Scenario, Target, load_scenario
from ..targets import VERDICT_RUNS, VERDICT_SEED, describe


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "what-it-takes", aliases=["takes"],
        help="the smallest (or largest) lever value that reaches a target")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--target", required=True,
                        help="an indicator key (its first modelled target) or a target's "
                             "position in the file, counted from 1")
    parser.add_argument("--lever", required=True, help="the lever to move, e.g. fiscal_st_growth")
    parser.add_argument("--runs", type=int, default=None,
                        help="judge the median of this many draws (default: the central run; "
                             f"with --probability {VERDICT_RUNS})")
    parser.add_argument("--seed", type=int, default=VERDICT_SEED,
                        help=f"random seed for --runs (default: {VERDICT_SEED}, the app's)")
    parser.add_argument("--probability", type=float, default=None,
                        help="reach the target in at least this share of the runs, e.g. 0.5, "
                             "0.8 or 0.9 (default: the median run)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=handle)


def pick_target(scenario: Scenario, wanted: str) -> Target:
    modelled = [t for t in scenario.targets if t.tracked]
    if wanted.isdigit():
        position = int(wanted)
        if not 1 <= position <= len(scenario.targets):
            raise ScenarioError(scenario.path, "--target", f"no target number {position}",
                                f"a number from 1 to {len(scenario.targets)}")
        target = scenario.targets[position - 1]
        if not target.tracked:
            raise ScenarioError(scenario.path, "--target", f"target {position} is not "
                                f"modelled ({target.reason})", "a modelled target")
        return target
    for target in modelled:
        if target.indicator == wanted:
            return target
    keys = sorted({t.indicator for t in modelled})
    raise ScenarioError(scenario.path, "--target", f"no modelled target for {wanted!r}",
                        "one of " + ", ".join(keys))


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    if args.lever not in LEVERS:
        raise ScenarioError(scenario.path, "--lever", f"unknown lever {args.lever!r}",
                            "one of " + ", ".join(LEVERS))
    if args.runs is not None and args.runs < 1:
        raise ScenarioError(scenario.path, "--runs", f"{args.runs}", "a whole number >= 1")
    if args.probability is not None and not 0 < args.probability < 1:
        raise ScenarioError(scenario.path, "--probability", f"{args.probability:g}",
                            "a share between 0 and 1, e.g. 0.8")
    target = pick_target(scenario, args.target)
    answer = what_it_takes(scenario, target, args.lever, runs=args.runs, seed=args.seed,
                           probability=args.probability)
    spec, indicator = LEVERS[args.lever], INDICATORS[target.indicator]
    if args.format == "json":
        print(json.dumps({
            "indicator": target.indicator, "target": describe(target, year=True, plain=True),
            "lever": args.lever, "unit": spec.unit, "status": answer.status,
            "value": answer.value, "range": [answer.low, answer.high],
            "plan_value": scenario.input_value(args.lever),
            "direction": "at least" if answer.increasing else "at most",
            "probability": answer.probability, "runs": answer.runs, "seed": answer.seed,
        }, ensure_ascii=False, indent=1))
        return 0
    goal = f"{indicator.zh} / {indicator.en} {describe(target, year=True, plain=True)}"
    basis = ("the central run" if answer.runs is None else
             f"the median of {answer.runs} draws" if answer.probability is None else
             f"reached in at least {answer.probability:.0%} of {answer.runs} draws, "
             f"seed {answer.seed}")
    if answer.status == NOT_REACHABLE:
        print(f"{goal}: not reachable within {spec.en}'s range "
              f"{answer.low:g}–{answer.high:g} {spec.unit} (other levers as planned, {basis})")
    else:
        direction = "at least" if answer.increasing else "at most"
        print(f"{goal}: {spec.en} needs {direction} {answer.value:.2f} {spec.unit} "
              f"(plan: {scenario.input_value(args.lever):g} {spec.unit}; other levers as "
              f"planned, {basis}; status: {answer.status})")
    return 0
