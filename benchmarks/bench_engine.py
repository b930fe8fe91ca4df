"""Engine speed and memory on Kecheng 2022-2030 at dt 0.25 (issue #2's goals).

Prints runs per second for one deterministic run and for ensembles of 1 000 and 100 000
runs, each the median of several repeats, and the peak resident memory of a fresh process
running each ensemble size (imports included).
Goals (2-core machine): one deterministic run < 5 ms; 100 000 runs at >= 100 000 runs/s.
Run on demand: ``make bench`` or ``.venv/bin/python benchmarks/bench_engine.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
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


def peak_memory(runs: int) -> float:
    """Peak resident memory (MiB) of a fresh process that runs one ensemble of ``runs``."""
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[1]);"
        "from model import load_scenario, simulate;"
        f"simulate(load_scenario(sys.argv[2]), runs={runs}, seed=1);"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    root = str(Path(__file__).resolve().parents[1])
    output = subprocess.run([sys.executable, "-c", code, root, str(SCENARIO)],
                            capture_output=True, text=True, check=True).stdout
    return int(output.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


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
        memory = peak_memory(runs)
        goal = "   goal >= 100,000 runs/s" if runs == 100_000 else ""
        print(f"  ensemble N={runs:>7,}: {seconds * 1000:9.1f} ms   {runs / seconds:12,.0f} "
              f"runs/s   peak RSS {memory:7.1f} MiB{goal}")


if __name__ == "__main__":
    main()
