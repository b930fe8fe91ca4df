"""``innosim review SCENARIO``: where the plan stands now (model/review.py).

Per target: the plan's pace from its base, the actual path so far, the re-forecast from the
latest actuals with its band and likelihood, on track / behind / ahead, the pace now required
against the pace achieved, and what it would take from here; for a plan whose target year has
passed, the ex-ante and restarted verdicts beside the actual outcome.
"""

from __future__ import annotations

import argparse
import json

from ..catalogue import INDICATORS, LEVERS
from ..errors import ScenarioError
from ..goalseek import NOT_REACHABLE
from ..review import DEFAULT_RUNS, DEFAULT_SEED, Review, TargetReview, review
from ..scenario import load_scenario
from ..targets import LIKELIHOOD_BANDS, MISSED, describe, verdict_word
from .table import number, render


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "review", help="mid-term / ex-post review: restart from the latest actuals")
    parser.add_argument("scenario", help="scenario file (.toml)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help=f"ensemble size (default {DEFAULT_RUNS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--lever", default="fiscal_st_growth",
                        help="the lever the goal seek moves from the restart year on")
    parser.add_argument("--as-of", type=int, default=None,
                        help="the year of the review (default: this year)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    if args.lever not in LEVERS:
        raise ScenarioError(scenario.path, "--lever", f"unknown lever {args.lever!r}",
                            "one of " + ", ".join(LEVERS))
    if args.runs < 1:
        raise ScenarioError(scenario.path, "--runs", f"{args.runs}", "a whole number >= 1")
    result = review(scenario, runs=args.runs, seed=args.seed, lever=args.lever,
                    as_of=args.as_of)
    if args.format == "json":
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        return 1 if any(row.restarted.verdict == MISSED for row in result.rows) else 0
    print("\n".join(lines(result)))
    return 1 if any(row.restarted.verdict == MISSED for row in result.rows) else 0


def lines(result: Review) -> list[str]:
    meta = result.scenario.meta
    out = [f"{meta.region} · {meta.plan} · base {meta.start} · target year {meta.target_year}"]
    out.append(restart_sentence(result))
    header = ["indicator", "target", "plan pace", "actual path", "achieved", "required",
              "status", "re-forecast [5-95 %]", "P before", "P now", "likelihood now"]
    rows = [_row(row) for row in result.rows if row.target.tracked]
    untracked = sum(not row.target.tracked for row in result.rows)
    out.append(render(header, rows, [h in ("plan pace", "achieved", "required", "P before",
                                           "P now") for h in header]))
    if untracked:
        out.append(f"{untracked} targets not modelled (innosim check lists them)")
    out.append(f"{LIKELIHOOD_BANDS['zh']}\n{LIKELIHOOD_BANDS['en']}")
    out.append("pace: compound growth (%/年) for amounts, points a year (百分点/年) for "
               "indicators in %, an even share a year for sums; status: the actual against "
               "the plan's path (ahead ≥ 110 % of the planned change, behind < 90 %)")
    seeks = [_seek(row) for row in result.rows if row.goal_seek is not None]
    if seeks:
        start = result.year if result.year is not None else meta.start
        out.append(f"what it would take from {start + 1} on (other levers as planned, "
                   "central run):")
        out += [f"  {line}" for line in seeks]
    if result.ended or result.withheld_after is not None:
        out.append("")
        out += ex_post_lines(result)
    return out


def restart_sentence(result: Review) -> str:
    meta = result.scenario.meta
    if result.year is None:
        return (f"no actuals after {meta.start} before {meta.target_year} in [[history]]: "
                "the re-forecast is the ex-ante run")
    imposed = ", ".join(result.restart.imposed) or "none"
    compared = ", ".join(result.restart.compared) or "none"
    return (f"restarted from the actuals of {result.year} ({result.runs} runs, seed "
            f"{result.seed}); state re-estimated from: {imposed}; compared only: {compared}")


def _row(row: TargetReview) -> list[str]:
    t = row.target
    spec = INDICATORS.get(t.indicator)
    name = f"{spec.zh} / {spec.en}" if spec and t.tracked else _short(t.quote)
    if not t.tracked:
        return [name, "not modelled", "–", "–", "–", "–", "–", "–", "–", "–", "–"]
    p = row.pace
    path = " ".join(f"{y}:{v:g}" for y, v in sorted(row.actual_path.items())
                    if y > (p.base_year if p else 0)) or "no actual"
    band = (f"{number(row.band[0.5])} [{number(row.band[0.05])}-{number(row.band[0.95])}]"
            if row.band else "–")
    likely = row.restarted.likelihood
    return [name, describe(t, year=True, plain=True),
            _pace(p.plan if p else None, p.unit if p else ""), path,
            _pace(p.achieved if p else None, ""), _pace(p.required if p else None, ""),
            p.status if p else "–", band, number(row.ex_ante.probability),
            number(row.restarted.probability),
            f"{verdict_word(likely, 'zh')} {likely}" if likely else "–"]


def _pace(value: float | None, unit: str) -> str:
    return "–" if value is None else f"{value:.2f} {unit}".strip()


def _seek(row: TargetReview) -> str:
    seek = row.goal_seek
    assert seek is not None
    spec = LEVERS[seek.lever]
    goal = f"{row.target.indicator} {describe(row.target, year=True, plain=True)}"
    if seek.status == NOT_REACHABLE:
        return (f"{goal}: not reachable with {spec.en} within {seek.low:g}–{seek.high:g} "
                f"{spec.unit}")
    direction = "at least" if seek.increasing else "at most"
    return f"{goal}: {spec.en} {direction} {seek.value:.2f} {spec.unit} ({seek.status})"


def ex_post_lines(result: Review) -> list[str]:
    meta = result.scenario.meta
    out = [f"ex-post review (target year {meta.target_year}"
           + (", ended)" if result.ended else ")")]
    if result.withheld_after is not None:
        out.append(f"actuals after {result.withheld_after} are withheld for out-of-sample "
                   "judging: they are deliberately not in this scenario")
    header = ["indicator", "target", "ex-ante", "restarted", "actual", "outcome",
              "ex-ante call", "restarted call"]
    rows = []
    for row in result.rows:
        if not row.target.tracked:
            continue
        rows.append([row.target.indicator, describe(row.target, year=True, plain=True),
                     _verdict(row.ex_ante.value, row.ex_ante.likelihood),
                     _verdict(row.restarted.value, row.restarted.likelihood),
                     number(row.outcome) if row.outcome is not None else "no actual",
                     row.outcome_verdict or "–", row.ex_ante_call, row.restarted_call])
    out.append(render(header, rows, [False] * len(header)))
    return out


def _verdict(value: float | None, likelihood: str | None) -> str:
    return f"{number(value)} {likelihood or ''}".strip()


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
