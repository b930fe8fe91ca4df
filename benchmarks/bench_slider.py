"""A slider move in a real browser: key press -> settled page, our app beside a one-slider page.

Starts two Streamlit servers on this machine -- the planner's screen (Kecheng 2027) and a
page holding one slider and its value -- and drives each in Debian's Chromium (Playwright):
focus a slider, press an arrow key, and time until the server has finished the rerun it
caused (Streamlit's ``script_finished`` message on the page's websocket, not counting a run
that stopped early for a rerun) and the browser has painted the result (two animation
frames). Prints the medians side by side and their ratio;
the goal (issue 11) is at most 2x the one-slider page. No assertion: a benchmark, not a test.

Run: ``.venv/bin/python benchmarks/bench_slider.py [--moves 20]`` (needs /usr/bin/chromium;
``make test`` installs it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from tests.browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ensure_chromium,
    streamlit_server,
)

GOAL_RATIO = 2.0
ONE_SLIDER = '''import streamlit as st
value = st.slider("x", 0.0, 100.0, 50.0, 0.1, key="x")
st.write(f"value: {value}")
'''
PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def time_moves(url: str, slider_name: str, moves: int, browser, viewport: dict) -> list[float]:
    """Seconds from each key press to the finished rerun, painted."""
    page = browser.new_page(viewport=viewport)
    finished: list[float] = []

    def on_socket(socket) -> None:
        def on_frame(payload) -> None:
            if isinstance(payload, str):
                return
            message = ForwardMsg()
            try:
                message.ParseFromString(payload)
            except Exception:   # noqa: BLE001 (not a ForwardMsg: ignore)
                return
            # A run that stops early for a rerun (a callback asking for the page's fragments
            # to rerun, st.rerun) has not finished what the key press caused: the rerun has.
            if message.WhichOneof("type") == "script_finished" and (
                    message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                finished.append(time.perf_counter())
        socket.on("framereceived", on_frame)

    page.on("websocket", on_socket)
    page.goto(url)
    slider = page.get_by_role("slider", name=slider_name).first
    slider.wait_for(timeout=120_000)
    # The first run done (the app's first run fills its caches, tens of seconds on a busy
    # machine; the sidebar's sliders show long before): no "running" indicator for a while.
    settled_since = time.perf_counter()
    deadline = settled_since + 300
    while time.perf_counter() - settled_since < 3 and time.perf_counter() < deadline:
        if page.get_by_test_id("stStatusWidget").count():
            settled_since = time.perf_counter()
        page.wait_for_timeout(100)
    slider.focus()
    timings = []
    for i in range(moves + 2):
        seen = len(finished)
        start = time.perf_counter()
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        deadline = start + 30
        while len(finished) == seen and time.perf_counter() < deadline:
            page.wait_for_timeout(2)
        page.evaluate(PAINTED)
        if i >= 2:   # the first two moves warm the caches of the moved values
            timings.append(time.perf_counter() - start)
        page.wait_for_timeout(300)   # let any trailing rerun end before the next press
    page.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=20, help="key presses timed per page")
    args = parser.parse_args()
    why_not = ensure_chromium()
    if why_not:
        sys.exit(f"cannot run: {why_not}")
    viewport = {"width": 1500, "height": 1400}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        simple = Path(folder) / "one_slider.py"
        simple.write_text(ONE_SLIDER, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        with streamlit_server(simple) as url:
            baseline = time_moves(url, "x", args.moves, browser, viewport)
        with streamlit_server() as url:
            ours = time_moves(url, "高新技术产业投资增速", args.moves, browser, viewport)
        browser.close()
    base_ms, ours_ms = (statistics.median(x) * 1000 for x in (baseline, ours))
    print(f"key press -> settled page, median of {args.moves} moves (this machine):")
    print(f"  one-slider Streamlit page   {base_ms:7.0f} ms   "
          f"(p90 {statistics.quantiles(baseline, n=10)[-1] * 1000:.0f} ms)")
    print(f"  innosim, Kecheng 2027       {ours_ms:7.0f} ms   "
          f"(p90 {statistics.quantiles(ours, n=10)[-1] * 1000:.0f} ms)")
    ratio = ours_ms / base_ms
    print(f"  ratio {ratio:.2f}x (goal <= {GOAL_RATIO:.0f}x): "
          f"{'met' if ratio <= GOAL_RATIO else 'not met'}")


if __name__ == "__main__":
    main()
