"""``innosim backtest SCENARIO``: how well does the model reproduce the scenario's history?

Per indicator with ``[[history]]`` after the start year: points scored, MAPE of the central
run and of two naive forecasts (the five years' growth before the start continued; the start
value held), Theil's U with its bias / variance / covariance shares (UM / US / UC), Theil's U
of the naive forecasts, and the share of points inside the ensemble's 5-95 % band; a total
row pooled over all points. History at or before the start year is not scored: it feeds the
naive forecasts (``--backcast`` starts the run in the earliest history year instead, an
approximation: see :mod:`model.backtest`). ``--out DIR`` writes one PNG chart per indicator.
Exit 0 when the table is printed, however bad the fit; 2 on bad input.
"""

from __future__ import annotations

import argparse
import json

from ..backtest import BAND, Backtest, backtest
from ..catalogue import INDICATORS
from ..saving import refuse_existing
from ..scenario import load_scenario
from .ensemble import check_runs, check_seed, output_folder
from .progress import progress_bar
from .table import number, render


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("backtest", help="score the model against the scenario's "
                                 "history, with naive forecasts for comparison")
    parser.add_argument("scenario", help="scenario file (.toml) with [[history]]")
    parser.add_argument("--runs", type=int, default=500,
                        help="ensemble size for the 5-95 %% band (500)")
    parser.add_argument("--seed", type=int, default=0, help="random seed for --runs (0)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--force", action="store_true",
                        help="replace files of the same name in the folder (default: refuse)")
    parser.add_argument("--json", action="store_const", const="json", dest="format",
                        help="same as --format json")
    parser.add_argument("--out", default=None,
                        help="folder for one PNG chart per indicator (default: no charts)")
    parser.add_argument("--backcast", action="store_true",
                        help="start the run in the earliest history year (approximate: the "
                             "other baseline values stay those of the start year)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    check_runs(args.scenario, args.runs)
    check_seed(args.scenario, args.seed)
    folder = output_folder(args.scenario, args.out) if args.out else None
    with progress_bar(f"{args.runs:,} runs"):
        result = backtest(scenario, runs=args.runs, seed=args.seed, backcast=args.backcast)
    written = _charts(result, folder, scenario.meta.region_en, args.force) if folder else []
    if args.format == "json":
        document = result.record()
        document["files"] = [str(p) for p in written]
        print(json.dumps(document, ensure_ascii=False, indent=1))
        return 0
    meta = scenario.meta
    print(f"{meta.region} · {meta.name} · run {result.start}–{result.end}"
          + (" (backcast from the earliest history year)" if result.backcast else "")
          + f" · {result.runs:,} runs, seed {result.seed}")
    if result.n:
        print(table(result))
    for line in notes(result):
        print(line)
    for path in written:
        print(f"wrote {path}")
    return 0


def table(result: Backtest) -> str:
    header = ["indicator", "n", "MAPE model", "naive growth", "naive flat", "U", "UM", "US",
              "UC", "U growth", "U flat", f"in {BAND[0]:.0%}-{BAND[1]:.0%} band"]
    rows = []
    for fit in result.indicators:
        spec = INDICATORS.get(fit.indicator)
        name = spec.en if spec else fit.indicator
        growth = fit.naive
        rows.append([name, str(fit.n), _pct(fit.model.mape),
                     _pct(growth.mape) if growth else "–", _pct(fit.flat.mape),
                     number(fit.model.u, 3), number(fit.model.um), number(fit.model.us),
                     number(fit.model.uc), number(growth.u, 3) if growth else "–",
                     number(fit.flat.u, 3), f"{fit.inside}/{fit.n}"])
    total = result.total()
    partial = "*" if total["n_naive_growth"] < total["n"] else ""
    rows.append(["total (pooled)", str(total["n"]), _pct(total["mape_model"]),
                 _pct(total["mape_naive_growth"]) + partial, _pct(total["mape_naive_flat"]),
                 "", "", "", "", "", "",
                 f"{total['inside_band']}/{total['n']}" + (
                     f" ({total['coverage']:.0%})" if total["n"] else "")])
    return render(header, rows, [False, *([True] * (len(header) - 1))])


def notes(result: Backtest) -> list[str]:
    total = result.total()
    lines = []
    if total["n"]:
        growth = (f"below naive growth on {total['beats_naive_growth']} of "
                  f"{total['with_naive_growth']} indicators, " if total["with_naive_growth"]
                  else "")
        lines.append(f"model MAPE {growth}below naive flat on {total['beats_naive_flat']} of "
                     f"{total['indicators']}; {total['coverage']:.0%} of points in the 5-95 % "
                     "band (about 90 % expected)")
    if 0 < total["n_naive_growth"] < total["n"]:
        lines.append(f"* naive growth over the {total['n_naive_growth']} points that have one "
                     f"(model on those: {_pct(total['mape_model_where_naive_growth'])})")
    elif total["n"] and not total["n_naive_growth"]:
        lines.append("* no naive growth forecast: no history in the five years before the start")
    for fit in result.indicators:
        for note in fit.notes:
            lines.append(f"note: {fit.indicator}: {note}")
    for key, why in result.unscored:
        lines.append(f"not scored: {key}: {why}")
    if not total["n"]:
        lines.append("nothing to score: no history after the start year (try --backcast)")
    return lines


def _charts(result: Backtest, folder, region: str, force: bool) -> list:
    from ..plots import backtest_chart

    refuse_existing([folder / f"backtest-{fit.indicator}.png" for fit in result.indicators],
                    force)
    written = []
    for fit in result.indicators:
        band = result.ensemble.quantiles(fit.indicator, BAND)
        band.columns = ["q05", "q95"]
        written.append(backtest_chart(fit, band, result.results.series(fit.indicator),
                                      folder / f"backtest-{fit.indicator}.png", title=region,
                                      overwrite=force))
    return written


def _pct(value: float) -> str:
    return "–" if value != value else f"{value:.1f} %"
