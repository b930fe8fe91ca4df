"""``innosim run SCENARIO``: indicators by year."""

from __future__ import annotations

import argparse
import json
import sys

from ..scenario import load_scenario
from ..simulate import simulate
from ..untrusted import write_csv
from .table import number, render


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("run", help="simulate a scenario and print indicators by year")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help="language of indicator names (default zh)")
    parser.add_argument("--dt", type=float, default=None, help="time step in years")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    results = simulate(scenario, dt=args.dt)
    frame = results.to_wide(language=args.lang)
    if args.format == "csv":
        write_csv(frame, sys.stdout)
    elif args.format == "json":
        records = [
            {"indicator": key, "name": row["name"], "unit": row["unit"],
             "values": {str(y): (None if row[y] != row[y] else float(row[y]))
                        for y in results.years.tolist()}}
            for key, row in frame.iterrows()
        ]
        print(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        years = [int(y) for y in results.years]
        header = ["indicator", "unit", *map(str, years)]
        rows = [[row["name"], row["unit"], *(number(row[y]) for y in years)]
                for _key, row in frame.iterrows()]
        print(f"{scenario.meta.region} · {scenario.meta.name} · {years[0]}–{years[-1]}")
        print(render(header, rows, [False, False, *([True] * len(years))]))
    return 0
