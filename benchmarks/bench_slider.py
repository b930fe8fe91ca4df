"""A slider move in a real browser: key press -> settled page, our app beside a one-slider page.

Starts two Streamlit servers on this machine -- the planner's screen (Kecheng 2027) and a
page holding one slider and its value -- and drives each in Debian's Chromium (Playwright):
focus a slider, press an arrow key, and time until the server has finished the rerun it
caused (Streamlit's ``script_finished`` message on the page's websocket, not counting a run
that stopped early for a rerun) and the browser has painted the result (two animation
frames). The two pages take turns, press by press, so that a change in the machine's load
falls on both alike (timed one after the other, a busy spell in either half moved the ratio).

Two kinds of move, timed apart:
- **a new value** (every press goes one step further right): the model runs for the value
  (one deterministic run and the 500-run band), then the page is drawn -- what a planner
  exploring a lever waits for;
- **a value seen before** (right, left, right, ...): the computed view is kept
  (``app/cache.py``), so only the page is drawn.
Prints the medians side by side and their ratios; the goal (issue 11) is at most 2x the
one-slider page. No assertion: a benchmark, not a test.

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


class SliderPage:
    """One page in the browser, its slider focused, ready to time key presses."""

    def __init__(self, browser, url: str, slider_name: str, viewport: dict) -> None:
        self.page = browser.new_page(viewport=viewport)
        self.finished: list[float] = []
        self.page.on("websocket", self._on_socket)
        self.page.goto(url)
        self.slider = self.page.get_by_role("slider", name=slider_name).first
        self.slider.wait_for(timeout=120_000)
        self._settle()
        self.slider.focus()

    def _on_socket(self, socket) -> None:
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
                self.finished.append(time.perf_counter())
        socket.on("framereceived", on_frame)

    def _settle(self) -> None:
        # The first run done (the app's first run fills its caches, tens of seconds on a busy
        # machine; the sidebar's sliders show long before): no "running" indicator for a while.
        settled_since = time.perf_counter()
        deadline = settled_since + 300
        while time.perf_counter() - settled_since < 3 and time.perf_counter() < deadline:
            if self.page.get_by_test_id("stStatusWidget").count():
                settled_since = time.perf_counter()
            self.page.wait_for_timeout(100)

    def move(self, key: str) -> float:
        """Seconds from one key press to the finished rerun, painted."""
        seen = len(self.finished)
        start = time.perf_counter()
        self.page.bring_to_front()
        self.page.keyboard.press(key)
        deadline = start + 30
        while len(self.finished) == seen and time.perf_counter() < deadline:
            self.page.wait_for_timeout(2)
        self.page.evaluate(PAINTED)
        elapsed = time.perf_counter() - start
        self.page.wait_for_timeout(300)   # let any trailing rerun end before the next press
        return elapsed


def time_alternately(pages: list[SliderPage], keys: list[str], untimed: int
                     ) -> list[list[float]]:
    """One timed press of each key on each page, the pages taking turns press by press, so
    a change in the machine's load falls on both alike; the first ``untimed`` presses are
    not timed (they warm caches, or step past a value already computed)."""
    timings: list[list[float]] = [[] for _ in pages]
    for i, key in enumerate(keys):
        for page, times in zip(pages, timings, strict=True):
            elapsed = page.move(key)
            if i >= untimed:
                times.append(elapsed)
    return timings


def report(title: str, baseline: list[float], ours: list[float]) -> None:
    base_ms, ours_ms = (statistics.median(x) * 1000 for x in (baseline, ours))
    print(f"{title}, median of {len(ours)} moves (this machine):")
    print(f"  one-slider Streamlit page   {base_ms:7.0f} ms   "
          f"(p90 {statistics.quantiles(baseline, n=10)[-1] * 1000:.0f} ms)")
    print(f"  innosim, Kecheng 2027       {ours_ms:7.0f} ms   "
          f"(p90 {statistics.quantiles(ours, n=10)[-1] * 1000:.0f} ms)")
    ratio = ours_ms / base_ms
    print(f"  ratio {ratio:.2f}x (goal <= {GOAL_RATIO:.0f}x): "
          f"{'met' if ratio <= GOAL_RATIO else 'not met'}")


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
        with streamlit_server(simple) as simple_url, streamlit_server() as our_url:
            pages = [SliderPage(browser, simple_url, "x", viewport),
                     SliderPage(browser, our_url, "高新技术产业投资增速", viewport)]
            # Right, left, ...: two values, computed by the first two presses (untimed).
            back_and_forth = ["ArrowRight", "ArrowLeft"] * (args.moves // 2 + 1)
            seen = time_alternately(pages, back_and_forth, untimed=2)
            # Back where it started, one step right is a value seen: step past it untimed.
            new = time_alternately(pages, ["ArrowRight"] * (args.moves + 1), untimed=1)
        browser.close()
    report("key press -> settled page, a new value", *new)
    report("key press -> settled page, a value seen before", *seen)


if __name__ == "__main__":
    main()
