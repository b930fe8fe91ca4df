"""Engine speed and memory on Kecheng 2022-2030 at dt 0.25 (issue #2's goals).

Prints runs per second for one deterministic run and for ensembles of 1 000 and 100 000
runs, each the median of several repeats, and the peak memory of each ensemble size.
Goals (2-core machine): one deterministic run < 5 ms; 100 000 runs at >= 100 000 runs/s.
Run on demand: ``make bench`` or ``.venv/bin/python benchmarks/bench_engine.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model import load_scenario, simulate  # noqa: E402

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "kecheng-2027.toml"


def timed(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(function) -> float:
    tracemalloc.start()
    function()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    scenario = load_scenario(SCENARIO)
    simulate(scenario)  # warm up imports and caches
    print(f"scenario {scenario.meta.name}: {scenario.meta.start}-{scenario.meta.end}, "
          f"dt {scenario.meta.dt}")
    seconds = timed(lambda: simulate(scenario), repeats=200)
    print(f"  deterministic run (N=1): {seconds * 1000:7.2f} ms   {1 / seconds:12,.0f} runs/s"
          f"   goal < 5 ms")
    for runs, repeats in ((1_000, 20), (100_000, 3)):
        seconds = timed(lambda runs=runs: simulate(scenario, runs=runs, seed=1), repeats)
        memory = peak_memory(lambda runs=runs: simulate(scenario, runs=runs, seed=1))
        goal = "   goal >= 100,000 runs/s" if runs == 100_000 else ""
        print(f"  ensemble N={runs:>7,}: {seconds * 1000:9.1f} ms   {runs / seconds:12,.0f} "
              f"runs/s   peak {memory:7.1f} MiB (numpy, tracemalloc){goal}")


if __name__ == "__main__":
    main()
