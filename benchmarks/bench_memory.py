"""Server memory over hundreds of slider moves on the planner's screen (issue 14, part 7).

Starts `streamlit run` (as the browser tests do), opens the page in Debian's Chromium via
Playwright and moves the lever sliders: a seeded random walk over four levers, one to five
arrow-key steps per move, each move waited for until the page has rerun with it (the page
address holds the new value). Prints the server's resident memory (RSS, from
/proc/<pid>/status) after the page first loads, every 50 moves and at the end, and the
growth over the last half of the moves, which must be about flat: the caches behind a move
(app/cache.py) are bounded by their ``max_entries``. No assertion (a benchmark).

Run: `.venv/bin/python benchmarks/bench_memory.py [--moves 300] [--every 50]`.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.tables import CLASS as TABLE_CLASS  # noqa: E402
from model.catalogue import LEVERS  # noqa: E402
from model.levers import plan_levers  # noqa: E402
from model.scenario import load_scenario  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, ensure_chromium, streamlit_process  # noqa: E402

LEVERS_MOVED = ("hightech_investment_growth", "fiscal_st_growth", "super_deduction_rate",
                "hightech_relocations_per_year")
TIMEOUT_MS = 90_000
SETTLE_MS = 30_000   # a move not run within this is counted as lost


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=300, help="slider moves")
    parser.add_argument("--every", type=int, default=50, help="print RSS every this many")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="print each move")
    args = parser.parse_args()
    why_not = ensure_chromium()
    if why_not:
        sys.exit(f"bench_memory: {why_not}")
    from playwright.sync_api import expect, sync_playwright

    rng = random.Random(args.seed)
    plan = plan_levers(load_scenario(ROOT / "scenarios" / "kecheng-2027.toml"))
    figures: list[tuple[int, float]] = []
    lost: list[str] = []
    with streamlit_process() as (url, server), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1400})
        page.goto(url)
        # The verdict table: one HTML block (app/tables.py), no longer a Streamlit table.
        page.locator(f".{TABLE_CLASS} table").first.wait_for(timeout=TIMEOUT_MS)

        def slider_of(lever: str):
            return page.get_by_role("slider", name=re.compile(re.escape(
                LEVERS[lever].label("zh"))))

        def settle(lever: str) -> None:
            value = slider_of(lever).input_value()
            # The address holds a lever only where it differs from the plan.
            address = (rf"^(?!.*[?&]{lever}=)" if float(value) == plan[lever]
                       else rf"[?&]{lever}={re.escape(value)}(&|$)")
            try:
                expect(page).to_have_url(re.compile(address), timeout=SETTLE_MS)
            except AssertionError:
                # Seen once on a machine loaded by other work: the slider shows a value no
                # rerun received. Counted and printed, not hidden; the walk goes on.
                lost.append(f"{lever}={value}")
            expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT_MS)

        def record(moves: int) -> None:
            figures.append((moves, rss_mib(server.pid)))
            print(f"after {moves:4d} moves: server RSS {figures[-1][1]:7.1f} MiB", flush=True)

        record(0)
        started = time.perf_counter()
        for move in range(1, args.moves + 1):
            lever = rng.choice(LEVERS_MOVED)
            slider_of(lever).focus()
            key = rng.choice(("ArrowLeft", "ArrowRight"))
            for _ in range(rng.randint(1, 5)):
                page.keyboard.press(key)
            settle(lever)
            if args.verbose:
                print(move, lever, key, flush=True)
            if move % args.every == 0 or move == args.moves:
                record(move)
        elapsed = time.perf_counter() - started
        browser.close()
    first, half = figures[0][1], min(figures, key=lambda f: abs(f[0] - args.moves / 2))
    last = figures[-1][1]
    print(f"{args.moves} moves in {elapsed:.0f} s ({elapsed / args.moves * 1e3:.0f} ms a move)")
    if lost:
        print(f"{len(lost)} moves never reached the server: {', '.join(lost[:10])}")
    print(f"RSS: {first:.1f} MiB at start, {half[1]:.1f} MiB after {half[0]} moves, "
          f"{last:.1f} MiB at the end; growth over the last {args.moves - half[0]} moves: "
          f"{last - half[1]:+.1f} MiB ({(last - half[1]) / max(args.moves - half[0], 1) * 1e3:+.0f}"
          " KiB a move)")


if __name__ == "__main__":
    main()
