"""``innosim sensitivity SCENARIO --method sobol --n 1024``: which inputs decide each target?

Prints per target the inputs ranked by Sobol's total index ST (with S1 and their 95 %
intervals) or by Morris' mu* (with sigma), writes the full table to
``OUT/<name>-<method>.csv`` and a tornado chart to ``OUT/<name>-<method>-tornado.png``
(``<name>``: the scenario's name as a safe file name, see :func:`model.saving.output_key`),
and warns on stderr when the sample is too small for stable indices.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ScenarioError
from ..saving import output_key, refuse_existing
from ..scenario import _suggest, load_scenario
from ..sensitivity import METHODS, check_design, lever_laws, sensitivity
from ..uncertainty import uncertain
from ..untrusted import save_csv
from .cluster import add_scheduler_option, connect
from .ensemble import check_seed, output_folder
from .progress import progress_bar
from .table import number, render


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("sensitivity",
                                 help="global sensitivity of each target (Sobol or Morris)")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--method", choices=METHODS, default="sobol")
    parser.add_argument("--n", type=int, default=1024,
                        help="Sobol: base sample N (power of 2; N*(D+2) runs); "
                             "Morris: trajectories (N*(D+1) runs)")
    parser.add_argument("--params", default=None,
                        help="comma-separated uncertain inputs to vary (default: all)")
    parser.add_argument("--levers", action="store_true",
                        help="the policy levers are factors too, each over its slider's "
                             "range (named lever.<key>): rank policies against uncertainties")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--top", type=int, default=5, help="inputs shown per target (5)")
    parser.add_argument("--out", default="out", help="folder for the CSV and PNG (out)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--force", action="store_true",
                        help="replace files of the same name in the folder (default: refuse)")
    add_scheduler_option(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    check_seed(args.scenario, args.seed)
    available = [law.key for law in uncertain(scenario)]
    if args.levers:
        available += [law.key for law in lever_laws(scenario)]
    params = None
    if args.params is not None:
        params = [p.strip() for p in args.params.split(",") if p.strip()]
        if not params:
            raise ScenarioError(args.scenario, "--params", "no names given",
                                "comma-separated uncertain inputs, e.g. " + ",".join(available[:2]))
        for key in params:
            if key not in available:
                raise ScenarioError(args.scenario, "--params", f"{key!r} is not an uncertain "
                                    "input of this scenario", _suggest(key, available))
    reason = check_design(args.method, args.n, len(params or available))
    if reason:
        raise ScenarioError(args.scenario, "--n", reason,
                            "sobol: a power of 2 such as 1024; morris: 4 or more trajectories")
    folder = output_folder(args.scenario, args.out)
    name = output_key(scenario)  # the file's own text: never a path out of --out
    csv_path = folder / f"{name}-{args.method}.csv"
    tornado_path = folder / f"{name}-{args.method}-tornado.png"
    refuse_existing([csv_path, tornado_path], args.force)
    with connect(args.scheduler, args.scenario) as client, \
            progress_bar(f"{args.method} N={args.n}") as progress:
        result = sensitivity(scenario, args.method, args.n, args.seed, params, client=client,
                             progress=progress, include_levers=args.levers)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    save_csv(result.table, csv_path, overwrite=args.force, index=False)
    written = [csv_path]
    if len(result.table):
        from ..plots import tornado_chart

        written.append(tornado_chart(result.table, result.index,
                                     tornado_path,
                                     title=f"{scenario.meta.region_en}: {args.method} "
                                           f"N={args.n}", error=result.error,
                                     overwrite=args.force))
    if args.format == "json":
        print(json.dumps({"scenario": scenario.meta.name, "method": args.method, "n": args.n,
                          "runs": result.runs, "seed": result.seed,
                          "inputs": list(result.inputs), "warnings": result.warnings,
                          "indices": result.table.to_dict(orient="records"),
                          "files": [str(p) for p in written]}, ensure_ascii=False, indent=1))
        return 0
    print(f"{scenario.meta.region} · {args.method} N={args.n} · {result.runs:,} runs · "
          f"{len(result.inputs)} inputs · seed {result.seed}")
    columns = [c for c in result.table.columns if c != "target"]
    rows = []
    for target, group in result.table.groupby("target", sort=False):
        for rank, row in enumerate(group.head(args.top).itertuples(index=False), start=1):
            rows.append([target if rank == 1 else "", str(rank), row.input,
                         *(number(getattr(row, c), 3) for c in columns[1:])])
    print(render(["target (margin)", "#", "input", *columns[1:]], rows,
                 [False, True, False, *([True] * (len(columns) - 1))]))
    for path in written:
        print(f"wrote {path}")
    return 0
