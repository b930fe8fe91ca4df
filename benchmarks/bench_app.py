"""Speed of one slider move on the planner's screen (server side), on Kecheng 2027.

A move to a new value computes the view (one deterministic run and the 500-run band with
verdicts, as one batch of the model: ``app.compute.compute_view``), then what the page
sends: the verdict table's HTML and the two default charts' Vega-Lite specifications with
this move's numbers (the browser draws them; matplotlib draws only the PNG downloads).
Goal: median under 150 ms. Prints the figures; no assertion (speed is a benchmark, not a
unit test). The browser's side: ``benchmarks/bench_slider.py``. Run: ``make bench`` or
``.venv/bin/python benchmarks/bench_app.py [--moves 20] [--charts 2]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.compute import BAND_RUNS, compute_view  # noqa: E402
from app.main_view import verdict_html  # noqa: E402
from app.vega import chart_template, series_frame, with_series  # noqa: E402
from model import load_scenario, simulate  # noqa: E402
from model.levers import plan_levers, set_lever  # noqa: E402

GOAL_MS = 150.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=20, help="slider moves timed")
    parser.add_argument("--charts", type=int, default=2, help="charts redrawn per move")
    args = parser.parse_args()
    scenario = load_scenario(ROOT / "scenarios" / "kecheng-2027.toml")
    plan = simulate(scenario)  # the plan-as-written line: computed once per scenario
    indicators = list(dict.fromkeys(t.indicator for t in scenario.targets))[:args.charts]
    # Built once per scenario, indicator and language (app/cache.py), not per move.
    templates = {k: chart_template(scenario, k, plan, "zh",
                                   [t for t in scenario.targets if t.indicator == k])
                 for k in indicators}
    levers = plan_levers(scenario)
    compute_view(scenario, levers)   # warm-up: imports, first run

    model_ms, page_ms, total_ms = [], [], []
    for move in range(args.moves):
        growth = 5.0 + 20.0 * move / max(args.moves - 1, 1)   # 5 % ... 25 %
        moved = set_lever(levers, "fiscal_st_growth", growth)
        start = time.perf_counter()
        view = compute_view(scenario, moved)
        computed = time.perf_counter()
        verdict_html(view, "zh")
        for indicator in indicators:
            with_series(templates[indicator], series_frame(
                indicator, view.central, view.bands[indicator], plan, "zh"))
        drawn = time.perf_counter()
        model_ms.append((computed - start) * 1e3)
        page_ms.append((drawn - computed) * 1e3)
        total_ms.append((drawn - start) * 1e3)

    median = statistics.median(total_ms)
    print(f"slider move on Kecheng 2027: 1 deterministic run + {BAND_RUNS}-run band + verdicts"
          f" (one batch), verdict table + {len(indicators)} charts' data")
    print(f"  model   median {statistics.median(model_ms):6.1f} ms   max {max(model_ms):6.1f} ms")
    print(f"  page    median {statistics.median(page_ms):6.1f} ms   max {max(page_ms):6.1f} ms")
    print(f"  total   median {median:6.1f} ms   max {max(total_ms):6.1f} ms   "
          f"over {args.moves} moves; goal < {GOAL_MS:.0f} ms: "
          f"{'met' if median < GOAL_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
