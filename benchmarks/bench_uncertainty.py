"""Uncertainty at scale on Kecheng 2022-2030 (issue #5's goals), on this machine.

1. Sobol analysis, 20 parameters, N = 1024 (22 528 runs) including SALib's analysis of
   every target's margin: goal < 5 s.
2. A 1 000 000-run ensemble (Latin hypercube) producing target probabilities and
   quantiles, streamed in blocks: goal < 60 s and peak memory < 2 GB.
3. The same ensemble on a 2-worker LocalCluster: the numbers must be identical.

Prints runs/s, wall time and peak resident memory (``resource.getrusage``; for the
cluster, each worker's own VmHWM). ``--runs`` makes step 2 and 3 smaller.
Run on demand: ``.venv/bin/python benchmarks/bench_uncertainty.py [--runs N] [--no-cluster]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model import load_scenario  # noqa: E402
from model.ensemble import ensemble  # noqa: E402
from model.sensitivity import sensitivity  # noqa: E402
from model.uncertainty import uncertain  # noqa: E402

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "kecheng-2027.toml"


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def high_water_mib() -> float:
    """This process's own peak RSS (VmHWM). Unlike ru_maxrss it is not inherited from the
    process that started it, which matters for Dask's spawned workers."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    options = argparse.ArgumentParser()
    options.add_argument("--runs", type=int, default=1_000_000)
    options.add_argument("--no-cluster", action="store_true")
    args = options.parse_args()
    scenario = load_scenario(SCENARIO)
    params = [u.key for u in uncertain(scenario) if not u.key.startswith("baseline.")][:20]
    sensitivity(scenario, "sobol", 16, seed=0, params=params)  # warm up imports

    start = time.perf_counter()
    result = sensitivity(scenario, "sobol", 1024, seed=1, params=params)
    seconds = time.perf_counter() - start
    print(f"Sobol, {len(params)} parameters, N=1024: {result.runs:,} runs + analysis of "
          f"{result.table.target.nunique()} targets in {seconds:.2f} s "
          f"({result.runs / seconds:,.0f} runs/s)   goal < 5 s")

    start = time.perf_counter()
    local = ensemble(scenario, args.runs, seed=1)
    seconds = time.perf_counter() - start
    print(f"ensemble, {args.runs:,} runs (lhs), in-process: {seconds:.1f} s "
          f"({args.runs / seconds:,.0f} runs/s), peak RSS {peak_rss_mib():,.0f} MiB"
          f"   goal < 60 s, < 2048 MiB")
    for v in local.verdicts:
        if not v.target.tracked:
            continue
        print(f"  P({v.target.indicator} {v.target.kind} {v.target.year}) = {v.probability:.4f}"
              f"   median {v.value:.3f}")
    if args.no_cluster:
        return
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        start = time.perf_counter()
        remote = ensemble(scenario, args.runs, seed=1, client=client)
        seconds = time.perf_counter() - start
        workers = client.run(high_water_mib)
    same = ([v.probability for v in remote.verdicts] == [v.probability for v in local.verdicts]
            and remote.target_quantiles == local.target_quantiles
            and remote.quantiles.equals(local.quantiles))
    print(f"ensemble, {args.runs:,} runs on a 2-worker LocalCluster: {seconds:.1f} s "
          f"({args.runs / seconds:,.0f} runs/s), worker peak RSS "
          + ", ".join(f"{m:,.0f}" for m in workers.values())
          + f" MiB; identical to in-process: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
