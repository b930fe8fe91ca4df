"""``innosim report SCENARIO -o REPORT.docx``: a Word document a bureau can file.

The plan and scenario, the verdicts with their probabilities (as ``innosim check --runs 500
--seed 1`` judges them) and the plan's own words, the charts, what it would take for each
missed target, the numbers to collect first, the main assumptions and their sources, a
method note, the model version and seed (:mod:`model.report`). Chinese unless
``--language en``. The file is written atomically; an existing one only with ``--force``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ScenarioError
from ..priorities import DEFAULT_N
from ..report import DEFAULT_RUNS, DEFAULT_SEED, LANGUAGES, gather, write_report
from ..saving import refuse_existing
from ..scenario import load_scenario
from ..sensitivity import check_design
from .ensemble import check_runs, check_seed


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("report", help="write a Word report of a scenario (.docx)")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("-o", "--output", required=True, help="the report file (.docx)")
    parser.add_argument("--language", choices=LANGUAGES, default="zh",
                        help="zh (default) or en")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help=f"runs behind the probabilities ({DEFAULT_RUNS}, as check)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"random seed ({DEFAULT_SEED})")
    parser.add_argument("--n", type=int, default=DEFAULT_N,
                        help=f"Sobol N of the numbers to collect first ({DEFAULT_N})")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() != ".docx":
        raise ScenarioError(args.output, "--output", f"{output.name!r} is not a .docx file",
                            "a file name ending in .docx")
    if output.is_dir():
        raise ScenarioError(args.output, "--output", "is a folder", "a file name ending in .docx")
    scenario = load_scenario(args.scenario)
    check_runs(args.scenario, args.runs)
    check_seed(args.scenario, args.seed)
    reason = check_design("sobol", args.n, 2)
    if reason:
        raise ScenarioError(args.scenario, "--n", reason, "a power of 2 such as 1024")
    refuse_existing([output], args.force)   # before the work, not after it
    if not output.parent.is_dir():
        raise ScenarioError(args.output, "--output", f"no folder {str(output.parent)!r}",
                            "a file in an existing folder")
    content = gather(scenario, args.language, args.runs, args.seed, args.n,
                     progress=lambda step: print(f"… {step}", file=sys.stderr))
    for warning in content.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    write_report(content, output, overwrite=args.force)
    tracked = [v for v in content.verdicts if v.target.tracked]
    print(f"wrote {output}: {len(tracked)} targets judged on {content.runs} runs "
          f"(seed {content.seed}), model {content.version}")
    return 0
