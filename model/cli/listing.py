"""``innosim list [FOLDER]``: the scenarios of a folder with region, plan, target year and
how likely their targets are reached.

The counts come from the same seeded ensemble the app and ``check --runs`` judge with
(:data:`model.targets.VERDICT_RUNS` runs, seed :data:`model.targets.VERDICT_SEED`), so a
file's "likely" count here is the number of 很可能达成 rows on its page.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import ScenarioError
from ..scenario import load_scenario
from ..simulate import simulate
from ..targets import AT_RISK, LIKELY, NOT_MODELLED, UNLIKELY, VERDICT_RUNS, VERDICT_SEED, check
from .ensemble import check_seed
from .table import render

BANDS = (LIKELY, AT_RISK, UNLIKELY)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "list", help="scenarios of a folder: region, plan, target year, targets likely reached")
    parser.add_argument("folder", nargs="?", default="scenarios",
                        help="folder of scenario files (default: scenarios)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--runs", type=int, default=VERDICT_RUNS,
                        help=f"ensemble size of each file's verdicts (default: {VERDICT_RUNS}, "
                             "as in the app and check)")
    parser.add_argument("--seed", type=int, default=VERDICT_SEED,
                        help=f"random seed (default: {VERDICT_SEED}, as in the app and check)")
    parser.add_argument("--no-run", action="store_true",
                        help="do not simulate (leave the targets column empty)")
    parser.set_defaults(handler=handle)


def verdict_counts(scenario, runs: int, seed: int) -> tuple[dict[str, int], list[dict]]:
    """Targets per likelihood band (and not modelled) from the seeded ensemble, and the
    verdicts' records (:meth:`model.targets.Verdict.record`)."""
    verdicts = check(scenario, simulate(scenario, runs=runs, seed=seed))
    counts = {band: sum(v.likelihood == band for v in verdicts) for band in BANDS}
    counts[NOT_MODELLED] = sum(not v.target.tracked for v in verdicts)
    return counts, [v.record() for v in verdicts]


def handle(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        raise ScenarioError(folder, "", "is not a folder", "a folder of .toml scenarios")
    if args.runs < 1:
        raise ScenarioError(folder, "--runs", f"{args.runs}", "a whole number >= 1")
    check_seed(str(folder), args.seed)
    rows: list[dict[str, Any]] = []
    bad = 0
    for path in sorted(folder.glob("*.toml")):
        try:
            scenario = load_scenario(path)
            counts: dict[str, int] | None = None
            records: list[dict] | None = None
            if not args.no_run:
                counts, records = verdict_counts(scenario, args.runs, args.seed)
        except ScenarioError as error:
            print(error.line(), file=sys.stderr)
            bad += 1
            continue
        meta = scenario.meta
        rows.append({"file": path.name, "region": meta.region, "region_en": meta.region_en,
                     "plan": meta.plan, "start": meta.start, "target_year": meta.target_year,
                     "target_year_assumed": meta.target_year_assumed,
                     "proxies": sum(1 for t in scenario.targets if t.tracked and t.proxy),
                     "extends": Path(scenario.extends[0]).name if scenario.extends else None,
                     "runs": None if args.no_run else args.runs,
                     "seed": None if args.no_run else args.seed,
                     "targets": counts, "verdicts": records})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        table = []
        for row in rows:
            counts = row["targets"]
            judged = "–" if counts is None else (
                f"{counts[LIKELY]}/{sum(counts[b] for b in BANDS)} likely, "
                f"{counts[AT_RISK]} at risk, {counts[UNLIKELY]} unlikely"
                + (f" (+{counts[NOT_MODELLED]} not modelled)" if counts[NOT_MODELLED] else ""))
            # "?": the plan's text does not establish the target year (the file says why)
            years = f"{row['start']}→{row['target_year']}" + (
                "?" if row["target_year_assumed"] else "")
            table.append([row["file"], row["region"], _short(row["plan"]), years,
                          row["extends"] or "", judged, str(row["proxies"] or "")])
        print(render(["file", "region", "plan", "years", "extends", "targets",
                      "judged on a proxy"], table, [False] * 6 + [True]))
        if any(row["target_year_assumed"] for row in rows):
            print("? target year assumed: the plan's text does not establish it "
                  "(see the file's target_year_note)")
        if not args.no_run:
            print(f"{args.runs} runs, seed {args.seed} (as in the app and `check --runs "
                  f"{args.runs}`); likely: P >= 80 %, at risk: 20-80 %, unlikely: < 20 %")
    return 2 if bad else 0


def _short(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
