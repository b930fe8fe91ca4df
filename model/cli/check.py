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
    probability_text,
    verdict_word,
)
from .table import number, render
from .validate import warn_implausible


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
    warn_implausible(scenario, args.scenario)
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
        # The plan's own wording first; the model's indicator it is judged on next to it
        # (named in both languages under the table), marked "*" where that is a proxy (the
        # statistic used instead is listed under the table too).
        header = ["#", "plan (quote)", "judged on", "target", "simulated", "gap", "unit",
                  "verdict", "first year"]
        at = header.index("verdict")
        if args.runs:   # the verdict is the likelihood; without runs, the central run's
            header[at:at + 1] = ["P(reach)", "likelihood"]
        else:
            header[at] = "central run"
        rows = []
        for i, v in enumerate(verdicts, 1):
            judged = (v.target.indicator if v.target.tracked else "–") + (
                " *" if v.target.proxy else "")
            row = [str(i), _short(v.target.quote), judged,
                   describe(v.target, year=True, plain=True), number(v.value),
                   number(v.gap), v.unit,
                   f"{verdict_word(v.verdict, 'zh')} {v.verdict}",
                   str(v.first_year) if v.first_year else "–"]
            if args.runs and v.likelihood:
                row[at:at + 1] = [probability_text(v.probability, fraction=True),
                                  f"{verdict_word(v.likelihood, 'zh')} "
                                  f"{v.likelihood}"]
            elif args.runs:
                row[at:at + 1] = ["–", row[at]]
            rows.append(row)
        meta = scenario.meta
        print(f"{meta.region} · {meta.plan} · target year {meta.target_year}")
        if meta.target_year_assumed:
            print(f"target year assumed: {meta.target_year_note}")
        print(render(header, rows, [h in ("#", "simulated", "gap", "P(reach)", "first year")
                                    for h in header]))
        judged_on = dict.fromkeys(v.target.indicator for v in verdicts if v.target.tracked)
        for key in judged_on:
            spec = INDICATORS[key]
            print(f"{key} = {spec.zh} / {spec.en}")
        for i, v in enumerate(verdicts, 1):
            if v.target.proxy:
                print(f"* {i} proxy: {v.target.proxy.zh} / {v.target.proxy.en}")
        print(f"{LIKELIHOOD_BANDS['zh']}\n{LIKELIHOOD_BANDS['en']}" if args.runs else
              "central run only, a reference: --runs 500 --seed 1 gives each target's "
              "likelihood")
    return 1 if any(v.verdict == MISSED for v in verdicts) else 0


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
