"""``innosim priorities SCENARIO``: which assumed number to collect first.

Ranks the scenario's assumed inputs by the share of the verdicts' uncertainty they carry
(Sobol total index on the target margins, over the assumptions only; see
:mod:`model.priorities` for the definitions) and says it in one line:
"找到这3个数字，达成概率的不确定性可减少X%". ``--format json`` gives every figure.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ScenarioError
from ..priorities import (
    DEFAULT_N,
    DEFAULT_SEED,
    DEFAULT_TOP,
    MAX_TOP,
    definition,
    priorities,
    sentence,
)
from ..scenario import load_scenario
from ..sensitivity import check_design
from .ensemble import check_seed
from .progress import progress_bar
from .table import number, render

SHOWN = 8   # ranked numbers printed (at least --top)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "priorities", help="which assumed number to collect first (Sobol over the assumptions)")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--n", type=int, default=DEFAULT_N,
                        help=f"Sobol base sample N, a power of 2 ({DEFAULT_N}; "
                             "N x (assumed inputs + 2) runs)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"random seed ({DEFAULT_SEED}; the app uses the same)")
    parser.add_argument("--top", type=int, default=DEFAULT_TOP,
                        help=f"how many numbers to name ({DEFAULT_TOP})")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    check_seed(args.scenario, args.seed)
    if not 1 <= args.top <= MAX_TOP:
        raise ScenarioError(args.scenario, "--top", f"{args.top}",
                            f"a whole number from 1 to {MAX_TOP}")
    reason = check_design("sobol", args.n, 2)
    if reason:
        raise ScenarioError(args.scenario, "--n", reason, "a power of 2 such as 1024")
    with progress_bar(f"Sobol N={args.n} over the assumptions") as progress:
        result = priorities(scenario, args.n, args.seed, args.top, progress=progress)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(result.record(), ensure_ascii=False, indent=1))
        return 0
    meta = scenario.meta
    print(f"{meta.region} · {meta.name} · which number to collect first")
    print(sentence(result, "zh"))
    print(sentence(result, "en"))
    print()
    rows = []
    for rank, r in enumerate(result.ranking[:max(SHOWN, args.top)], start=1):
        rows.append([("→ " if rank <= args.top else "  ") + str(rank), r.key,
                     f"{r.name('zh')} / {r.name('en')}", f"{r.value:g}",
                     f"{r.low:g}–{r.high:g}", r.unit, r.origin, number(r.score, 3)])
    print(render(["#", "number", "name", "value", "range", "unit", "set in", "score"], rows,
                 [True, False, False, True, False, False, False, True]))
    print()
    rows = []
    for share in result.targets:
        leading = ", ".join(f"{key} {value:.2f}" for key, value in share.top)
        rows.append([share.label, f"{share.probability:.0%}", number(share.weight, 3),
                     f"{share.carried:.0%}", leading])
    print(render(["target (margin)", "P (assumptions vary)", "weight p(1-p)",
                  f"carried by the {args.top}", "leading assumed inputs (ST)"], rows,
                 [False, True, True, True, False]))
    print()
    print(definition(result, "zh"))
    print(definition(result, "en"))
    return 0
