"""``innosim provenance SCENARIO``: every number a run uses, where it comes from."""

from __future__ import annotations

import argparse
import json

from ..provenance import assumption_share, numbers
from ..scenario import load_scenario
from .table import render


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "provenance", help="list every number of a scenario with its source or assumption")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--assumptions", action="store_true",
                        help="list only the numbers that rest on assumptions")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    rows = numbers(scenario)
    share = assumption_share(rows)
    shown = [r for r in rows if r.is_assumption] if args.assumptions else rows
    if args.format == "json":
        print(json.dumps({
            "scenario": scenario.path,
            "extends": list(scenario.extends),
            "numbers": [{"section": r.section, "key": r.key, "value": r.value, "unit": r.unit,
                         "source": r.source, "assumption": r.is_assumption,
                         "range": list(r.range) if r.range else None, "origin": r.origin}
                        for r in shown],
            "assumption_share": share,
        }, ensure_ascii=False, indent=1))
        return 0
    table = [[f"{r.section}.{r.key}", f"{r.value:g}", r.unit,
              "assumption" + (f" [{r.range[0]:g}, {r.range[1]:g}]" if r.range else "")
              if r.is_assumption else _short(r.source or ""), r.origin] for r in shown]
    print(f"{scenario.meta.region} · {scenario.meta.name}"
          + (f" · extends {' -> '.join(scenario.extends)}" if scenario.extends else ""))
    print(render(["number", "value", "unit", "source", "set in"], table,
                 [False, True, False, False, False]))
    assumed = sum(r.is_assumption for r in rows)
    in_file = [r for r in rows if r.origin != "model default"]
    print(f"\nassumptions: {assumed} of {len(rows)} numbers ({share:.0%}); "
          f"in the scenario files: {sum(r.is_assumption for r in in_file)} of {len(in_file)} "
          f"({assumption_share(in_file):.0%})")
    return 0


def _short(text: str, size: int = 90) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
