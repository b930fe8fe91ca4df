"""``innosim diff A B``: which lever moved, from what to what, on whose authority."""

from __future__ import annotations

import argparse
import json

from ..compare import Change, differences
from ..scenario import load_scenario


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "diff", help="semantic differences between two scenarios (levers, parameters, "
                     "baselines, targets), with their sources")
    parser.add_argument("old", help="scenario file A (.toml)")
    parser.add_argument("new", help="scenario file B (.toml)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=handle)


def show(value) -> str:
    if value is None:
        return "(absent)"
    return f"{value:g}" if isinstance(value, float) else str(value)


def line(change: Change) -> list[str]:
    unit = f" {change.unit}" if change.unit and change.old is not None else ""
    lines = [f"{change.field}: {show(change.old)}{unit} → {show(change.new)}"
             + (f" {change.unit}" if change.unit and change.new is not None else "")]
    if change.old_source != change.new_source:
        lines.append(f"    was: {change.old_source or '–'}")
        lines.append(f"    now: {change.new_source or '–'}")
    elif change.new_source:
        lines.append(f"    source: {change.new_source}")
    return lines


def handle(args: argparse.Namespace) -> int:
    old, new = load_scenario(args.old), load_scenario(args.new)
    changes = differences(old, new)
    if args.format == "json":
        print(json.dumps([c.record() for c in changes], ensure_ascii=False, indent=1))
        return 0
    print(f"--- {args.old}\n+++ {args.new}")
    if not changes:
        print("no differences")
    for change in changes:
        print("\n".join(line(change)))
    return 0
