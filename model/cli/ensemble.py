"""``innosim ensemble SCENARIO --runs N --seed S``: how likely is each target?

Prints per target the probability of reaching it and the 5/50/95 % quantiles of the
compared quantity; writes quantiles (5/25/50/75/95 %) per indicator and year to
``OUT/<name>-quantiles.csv`` and fan charts to ``OUT/<name>-fan.png`` (``<name>``: the
scenario's name as a safe file name, see :func:`model.saving.output_key`).
Existing files are kept unless ``--force``; every file is written atomically.
``--format json`` prints the probabilities and quantiles as JSON instead of the table.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from ..catalogue import INDICATORS
from ..ensemble import ensemble
from ..errors import ScenarioError
from ..results import quantile_name
from ..saving import output_key, refuse_existing
from ..scenario import load_scenario
from ..targets import MISSED, describe, verdict_word
from ..uncertainty import METHODS
from ..untrusted import save_csv
from .cluster import add_scheduler_option, connect
from .progress import progress_bar
from .table import number, render

MAX_RUNS = 100_000_000


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("ensemble", help="probability of reaching each target")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--runs", type=int, default=10_000, help="number of draws (10000)")
    parser.add_argument("--seed", type=int, default=None,
                        help="random seed (default: fresh, printed so the run can be repeated)")
    parser.add_argument("--method", choices=METHODS, default="lhs",
                        help="sampling design: Latin hypercube (default), Sobol, random")
    parser.add_argument("--out", default="out", help="folder for the CSV and PNG (out)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--no-plot", action="store_true", help="do not write the fan chart")
    parser.add_argument("--force", action="store_true",
                        help="replace files of the same name in the folder (default: refuse)")
    add_scheduler_option(parser)
    parser.set_defaults(handler=handle)


def check_runs(path: str, runs: int, least: int = 1, option: str = "--runs") -> None:
    if not least <= runs <= MAX_RUNS:
        beyond = ("; for more, run several seeds and pool them, or use --scheduler"
                  if runs > MAX_RUNS else "")
        raise ScenarioError(path, option, f"{runs:,}",
                            f"a whole number from {least:,} to {MAX_RUNS:,}{beyond}")


def check_seed(path: str, seed: int | None) -> None:
    if seed is not None and not 0 <= seed < 2**63:
        raise ScenarioError(path, "--seed", f"{seed}", "a whole number >= 0")


def output_folder(path: str, out: str) -> Path:
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ScenarioError(path, "--out", f"cannot create folder {out!r}: {error.strerror}",
                            "a writable folder") from None
    return folder


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    check_runs(args.scenario, args.runs)
    check_seed(args.scenario, args.seed)
    folder = output_folder(args.scenario, args.out)
    name = output_key(scenario)  # the file's own text: never a path out of --out
    csv_path, fan_path = folder / f"{name}-quantiles.csv", folder / f"{name}-fan.png"
    refuse_existing([csv_path] + ([] if args.no_plot else [fan_path]), args.force)
    with connect(args.scheduler, args.scenario) as client, \
            progress_bar(f"{args.runs:,} runs") as progress:
        result = ensemble(scenario, args.runs, args.seed, args.method, client=client,
                          progress=progress)
    save_csv(result.quantiles, csv_path, overwrite=args.force, index=False)
    written = [csv_path]
    if not args.no_plot:
        from ..plots import fan_chart

        tracked = [t for t in scenario.targets if t.tracked]
        fan_targets = [(t.indicator, t.year, t.goal) for t in tracked if t.kind == "level"]
        written.append(fan_chart(result.quantiles, [t.indicator for t in tracked],
                                 fan_path, fan_targets,
                                 title=f"{scenario.meta.region_en}: {args.runs:,} runs",
                                 overwrite=args.force))
    if args.format == "json":
        document = result.to_json()
        document["files"] = [str(p) for p in written]
        print(json.dumps(_finite(document), ensure_ascii=False, indent=1))
    else:
        print(f"{scenario.meta.region} · {scenario.meta.plan} · {args.runs:,} runs "
              f"({args.method}, seed {result.seed}) · {len(result.inputs)} uncertain inputs")
        header = ["indicator", "target", "P(reach)", quantile_name(0.05), "median",
                  quantile_name(0.95), "unit", "median verdict"]
        rows = []
        for i, v in enumerate(result.verdicts):
            spec = INDICATORS.get(v.target.indicator)
            name_cell = f"{spec.zh} / {spec.en}" if spec else v.target.indicator
            q = result.target_quantiles.get(i, {})
            rows.append([name_cell, describe(v.target, year=True, plain=True),
                         number(v.probability), number(q.get(0.05)),
                         number(v.value), number(q.get(0.95)), v.unit,
                         f"{verdict_word(v.verdict, 'zh')} {v.verdict}"])
        print(render(header, rows, [False, False, True, True, True, True, False, False]))
        for path in written:
            print(f"wrote {path}")
    return 1 if any(v.verdict == MISSED for v in result.verdicts) else 0


def _finite(node):
    """JSON has no NaN: write null (e.g. a growth rate in the start year)."""
    if isinstance(node, float) and not math.isfinite(node):
        return None
    if isinstance(node, dict):
        return {k: _finite(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_finite(v) for v in node]
    return node
