"""``innosim check SCENARIO``: one row per target, with a verdict."""

from __future__ import annotations

import argparse
import json

from ..catalogue import INDICATORS
from ..scenario import load_scenario
from ..simulate import simulate
from ..targets import MISSED, check
from .table import number, render

VERDICT_ZH = {"reached": "达成", "missed": "未达成", "not modelled": "未建模"}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="judge each target of a scenario")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--runs", type=int, default=None,
                        help="ensemble size for probabilities (default: one central run)")
    parser.add_argument("--seed", type=int, default=None, help="random seed for --runs")
    parser.set_defaults(handler=handle)


def describe(verdict) -> str:
    return describe_target(verdict.target)


def describe_target(t) -> str:
    """A target as one phrase, e.g. '>= 250 (2027)' or 'Σ >= 400 (2023–2027)'."""
    if t.kind == "rises":
        return f"rises {t.from_year}–{t.year}"
    if t.op is None or t.value is None:  # an untracked target may give no number
        return f"({t.year})"
    span = f"{t.from_year}–{t.year}" if t.kind != "level" else str(t.year)
    kind = {"level": "", "cumulative": "Σ ", "growth": "avg growth ", "flow": "every year "}[
        t.kind]
    return f"{kind}{t.op} {t.value:g} ({span})"


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    if args.runs is not None and args.runs < 1:
        from ..errors import ScenarioError
        raise ScenarioError(args.scenario, "--runs", f"{args.runs}", "a whole number >= 1")
    if args.runs is None:
        results = simulate(scenario)
    else:
        from .progress import progress_bar

        with progress_bar(f"{args.runs:,} runs") as progress:
            results = simulate(scenario, runs=args.runs, seed=args.seed, progress=progress)
    verdicts = check(scenario, results)
    if args.format == "json":
        print(json.dumps([v.record() for v in verdicts], ensure_ascii=False, indent=1))
    else:
        header = ["indicator", "target", "simulated", "gap", "unit", "verdict", "first year"]
        if args.runs:
            header.insert(6, "P(reach)")
        rows = []
        for v in verdicts:
            spec = INDICATORS.get(v.target.indicator)
            # An untracked target has no model indicator: show the plan's own words.
            name = f"{spec.zh} / {spec.en}" if spec and v.target.tracked else _short(
                v.target.quote)
            row = [name, describe(v), number(v.value), number(v.gap), v.unit,
                   f"{VERDICT_ZH[v.verdict]} {v.verdict}",
                   str(v.first_year) if v.first_year else "–"]
            if args.runs:
                row.insert(6, number(v.probability) if v.probability is not None else "–")
            rows.append(row)
        meta = scenario.meta
        print(f"{meta.region} · {meta.plan} · target year {meta.target_year}")
        print(render(header, rows, [False, False, True, True, False, False, True, True][
            :len(header)]))
    return 1 if any(v.verdict == MISSED for v in verdicts) else 0


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
