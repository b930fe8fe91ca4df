"""``innosim list [FOLDER]``: the scenarios of a folder with region, plan, target year and
how many of their targets the central run reaches."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import ScenarioError
from ..scenario import load_scenario
from ..simulate import simulate
from ..targets import MISSED, NOT_MODELLED, REACHED, check
from .table import render


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "list", help="scenarios of a folder: region, plan, target year, targets reached")
    parser.add_argument("folder", nargs="?", default="scenarios",
                        help="folder of scenario files (default: scenarios)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--no-run", action="store_true",
                        help="do not simulate (leave the targets-reached column empty)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        raise ScenarioError(folder, "", "is not a folder", "a folder of .toml scenarios")
    rows: list[dict[str, Any]] = []
    bad = 0
    for path in sorted(folder.glob("*.toml")):
        try:
            scenario = load_scenario(path)
            counts: dict[str, int] | None = None
            if not args.no_run:
                verdicts = [v.verdict for v in check(scenario, simulate(scenario))]
                counts = {k: verdicts.count(k) for k in (REACHED, MISSED, NOT_MODELLED)}
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
                     "targets": counts})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        table = []
        for row in rows:
            counts = row["targets"]
            reached = "–" if counts is None else (
                f"{counts[REACHED]}/{counts[REACHED] + counts[MISSED]}"
                + (f" (+{counts[NOT_MODELLED]} not modelled)" if counts[NOT_MODELLED] else ""))
            # "?": the plan's text does not establish the target year (the file says why)
            years = f"{row['start']}→{row['target_year']}" + (
                "?" if row["target_year_assumed"] else "")
            table.append([row["file"], row["region"], _short(row["plan"]), years,
                          row["extends"] or "", reached, str(row["proxies"] or "")])
        print(render(["file", "region", "plan", "years", "extends", "targets reached",
                      "judged on a proxy"], table, [False] * 6 + [True]))
        if any(row["target_year_assumed"] for row in rows):
            print("? target year assumed: the plan's text does not establish it "
                  "(see the file's target_year_note)")
    return 2 if bad else 0


def _short(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
