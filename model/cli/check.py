"""``innosim check SCENARIO``: one row per target, with a verdict."""

from __future__ import annotations

import argparse
import json

from ..catalogue import INDICATORS
from ..scenario import load_scenario
from ..simulate import simulate
from ..targets import (
    LIKELIHOOD_BANDS,
    MISSED,
    VERDICT_SEED,
    check,
    describe,
    verdict_word,
)
from .table import number, render


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="judge each target of a scenario")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="csv: one row per target, the fields of the JSON records")
    parser.add_argument("--runs", type=int, default=None,
                        help="ensemble size for probabilities (default: one central run)")
    parser.add_argument("--seed", type=int, default=VERDICT_SEED,
                        help=f"random seed for --runs (default: {VERDICT_SEED}, the app's)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    if args.runs is not None and args.runs < 1:
        from ..errors import ScenarioError
        raise ScenarioError(args.scenario, "--runs", f"{args.runs}", "a whole number >= 1")
    from .ensemble import check_seed

    check_seed(args.scenario, args.seed)
    if args.runs is None:
        results = simulate(scenario)
    else:
        from .progress import progress_bar

        with progress_bar(f"{args.runs:,} runs") as progress:
            results = simulate(scenario, runs=args.runs, seed=args.seed, progress=progress)
    verdicts = check(scenario, results)
    if args.format == "json":
        print(json.dumps([v.record() for v in verdicts], ensure_ascii=False, indent=1))
    elif args.format == "csv":
        import sys

        import pandas as pd

        from ..untrusted import write_csv

        write_csv(pd.DataFrame([v.record() for v in verdicts]), sys.stdout, index=False)
    else:
        header = ["indicator", "target", "simulated", "gap", "unit", "verdict", "first year"]
        if args.runs:   # the verdict is the likelihood; without runs, the central run's
            header[5:6] = ["P(reach)", "likelihood"]
        else:
            header[5] = "central run"
        rows = []
        for v in verdicts:
            spec = INDICATORS.get(v.target.indicator)
            # An untracked target has no model indicator: show the plan's own words.
            name = f"{spec.zh} / {spec.en}" if spec and v.target.tracked else _short(
                v.target.quote)
            row = [name, describe(v.target, year=True, plain=True), number(v.value),
                   number(v.gap), v.unit,
                   f"{verdict_word(v.verdict, 'zh')} {v.verdict}",
                   str(v.first_year) if v.first_year else "–"]
            if args.runs and v.likelihood:
                row[5:6] = [number(v.probability), f"{verdict_word(v.likelihood, 'zh')} "
                            f"{v.likelihood}"]
            elif args.runs:
                row[5:6] = ["–", row[5]]
            rows.append(row)
        meta = scenario.meta
        print(f"{meta.region} · {meta.plan} · target year {meta.target_year}")
        print(render(header, rows, [h in ("simulated", "gap", "P(reach)", "first year")
                                    for h in header]))
        print(f"{LIKELIHOOD_BANDS['zh']}\n{LIKELIHOOD_BANDS['en']}" if args.runs else
              "central run only, a reference: --runs 500 --seed 1 gives each target's "
              "likelihood")
    return 1 if any(v.verdict == MISSED for v in verdicts) else 0


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
