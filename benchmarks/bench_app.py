"""Speed of one slider move on the planner's screen (server side), on Kecheng 2027.

A move recomputes one deterministic run, a 500-run band with verdicts, and redraws the charts
shown by default (two), as PNG, without their legends (the page draws one shared legend,
cached per language). Goal: median under 150 ms. Prints the figures; no assertion
(speed is a benchmark, not a unit test). Run: `make bench` or
`.venv/bin/python benchmarks/bench_app.py [--moves 20] [--charts 2]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.charts import figure_png, indicator_figure, use_cjk_font  # noqa: E402
from app.compute import BAND_RUNS, compute_view  # noqa: E402
from model import load_scenario, simulate  # noqa: E402
from model.levers import plan_levers, set_lever  # noqa: E402

GOAL_MS = 150.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=20, help="slider moves timed")
    parser.add_argument("--charts", type=int, default=2, help="charts redrawn per move")
    args = parser.parse_args()
    scenario = load_scenario(ROOT / "scenarios" / "kecheng-2027.toml")
    font = use_cjk_font()
    plan = simulate(scenario)  # the plan-as-written line: computed once per scenario
    indicators = list(dict.fromkeys(t.indicator for t in scenario.targets))[:args.charts]
    levers = plan_levers(scenario)
    # warm-up: imports, font cache, first figure
    compute_view(scenario, levers)
    figure_png(indicator_figure(scenario, indicators[0], plan, compute_view(
        scenario, levers).bands[indicators[0]], plan, "zh"))

    model_ms, draw_ms, total_ms = [], [], []
    for move in range(args.moves):
        growth = 5.0 + 20.0 * move / max(args.moves - 1, 1)   # 5 % ... 25 %
        moved = set_lever(levers, "fiscal_st_growth", growth)
        start = time.perf_counter()
        view = compute_view(scenario, moved)
        computed = time.perf_counter()
        for indicator in indicators:
            targets = [t for t in scenario.targets if t.indicator == indicator]
            figure_png(indicator_figure(scenario, indicator, view.central,
                                        view.bands[indicator], plan, "zh", targets,
                                        legend=False))
        drawn = time.perf_counter()
        model_ms.append((computed - start) * 1e3)
        draw_ms.append((drawn - computed) * 1e3)
        total_ms.append((drawn - start) * 1e3)

    median = statistics.median(total_ms)
    print(f"slider move on Kecheng 2027: 1 deterministic run + {BAND_RUNS}-run band + verdicts"
          f" + {len(indicators)} charts (font: {font})")
    print(f"  model   median {statistics.median(model_ms):6.1f} ms   max {max(model_ms):6.1f} ms")
    print(f"  charts  median {statistics.median(draw_ms):6.1f} ms   max {max(draw_ms):6.1f} ms"
          f"   ({statistics.median(draw_ms) / len(indicators):.1f} ms per chart)")
    print(f"  total   median {median:6.1f} ms   max {max(total_ms):6.1f} ms   "
          f"over {args.moves} moves; goal < {GOAL_MS:.0f} ms: "
          f"{'met' if median < GOAL_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
