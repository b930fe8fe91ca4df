"""``innosim calibrate SCENARIO --params a,b,c``: fit parameters to the scenario's history.

Prints the fitted values and the fit per indicator (MAPE, Theil's U with its bias /
variance / covariance shares), and writes a variant scenario that ``extends`` the
original with the calibrated values (default: ``<scenario>-calibrated.toml`` beside it;
an existing file is never overwritten without ``--force``), atomically, with the one writer
of scenario files (:func:`model.variants.write_scenario`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..calibrate import CalibrationError, calibrate, variant_document
from ..errors import ScenarioError
from ..scenario import load_scenario
from ..variants import write_scenario
from .table import number, render


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("calibrate", help="fit parameters to the scenario's history")
    parser.add_argument("scenario", help="scenario file (.toml) with [[history]]")
    parser.add_argument("--params", required=True,
                        help="comma-separated parameters to fit within their ranges")
    parser.add_argument("--output", default=None,
                        help="variant file to write (default: <scenario>-calibrated.toml)")
    parser.add_argument("--force", action="store_true", help="overwrite --output if it exists")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    source = Path(args.scenario)
    output = Path(args.output) if args.output else source.with_name(
        f"{source.stem}-calibrated.toml")
    if _same_file(output, [source, *map(Path, scenario.extends)]):
        raise ScenarioError(args.scenario, "--output", f"{output} is the scenario itself or "
                            "a file it extends", "a new file name for the calibrated variant")
    if output.exists() and not args.force:
        raise ScenarioError(args.scenario, "--output", f"{output} exists",
                            "a new file name, or --force to overwrite it")
    params = [p.strip() for p in args.params.split(",") if p.strip()]
    try:
        result = calibrate(scenario, params)
    except CalibrationError as error:
        raise ScenarioError(args.scenario, error.field, error.problem, error.expected) \
            from None
    document = variant_document(scenario, result, extends=source.name)
    try:
        # Checked by loading it back where its base is beside it (extends resolves there).
        write_scenario(document, output, overwrite=args.force,
                       check=output.parent.resolve() == source.parent.resolve())
    except OSError as error:
        raise ScenarioError(args.scenario, "--output", f"cannot write {output}: "
                            f"{error.strerror}", "a writable path") from None
    if output.parent.resolve() != source.parent.resolve():
        print(f"warning: {output} extends {source.name!r}, which is not in its folder: copy "
              f"{source.name} beside it for it to load", file=sys.stderr)
    for key in result.at_bounds:
        print(f"warning: {key} was fitted to an end of its range "
              f"{list(result.ranges[key])}: the history asks for more than the range allows",
              file=sys.stderr)
    if args.format == "json":
        print(json.dumps({
            "scenario": scenario.meta.name, "start_year": result.start_year,
            "replaced_baselines": result.replaced_baselines,
            "params": result.params, "before": result.start_values,
            "at_bounds": result.at_bounds, "success": result.success,
            "fits": [vars(f) for f in result.fits], "written": str(output)},
            ensure_ascii=False, indent=1))
        return 0
    start = (f" (run from {result.start_year} with " + ", ".join(
        f"{k} = {v:g}" for k, v in result.replaced_baselines.items()) + ")"
             if result.replaced_baselines else "")
    print(f"{scenario.meta.region} · calibration to {len(result.history)} history points"
          f"{start}")
    print(render(["parameter", "before", "fitted", "range"],
                 [[k, number(result.start_values[k], 4), number(v, 4),
                   f"[{result.ranges[k][0]:g}, {result.ranges[k][1]:g}]"]
                  for k, v in result.params.items()], [False, True, True, False]))
    print()
    print(render(["indicator", "years", "observed", "simulated", "MAPE %", "Theil U", "UM",
                  "US", "UC"],
                 [[f.indicator, ", ".join(map(str, f.years)),
                   ", ".join(number(v) for v in f.observed),
                   ", ".join(number(v) for v in f.simulated), number(f.mape, 1),
                   number(f.theil_u, 3), number(f.um), number(f.us), number(f.uc)]
                  for f in result.fits],
                 [False, False, True, True, True, True, True, True, True]))
    print(f"wrote {output}")
    return 0


def _same_file(output: Path, files: list[Path]) -> bool:
    """Whether ``output`` names one of ``files`` (through links and relative paths too)."""
    try:
        target = output.resolve()
    except (OSError, RuntimeError):
        return False
    for path in files:
        try:
            if target == path.resolve() or (output.exists() and output.samefile(path)):
                return True
        except OSError:
            continue
    return False
