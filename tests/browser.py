"""Helpers for the real-browser test: Debian's Chromium and a `streamlit run` server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
APP = Path(__file__).resolve().parents[1] / "app" / "streamlit_app.py"
START_TIMEOUT_S = 60


def ensure_chromium() -> str | None:
    """Install Debian's chromium when missing; None when present, else why it cannot be."""
    if CHROMIUM.exists():
        return None
    if shutil.which("apt-get") is None:
        return "no /usr/bin/chromium and no apt-get to install it"
    prefix = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if prefix is None:
        return "no /usr/bin/chromium, and installing it needs root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "chromium", "fonts-wqy-microhei"]):
        done = subprocess.run(prefix + command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            return f"`{' '.join(command)}` failed: {done.stderr.strip()[-300:]}"
    return None if CHROMIUM.exists() else "chromium installed but /usr/bin/chromium is missing"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def streamlit_server(script: Path = APP) -> Iterator[str]:
    """Start `streamlit run` (the app, or ``script``) on a free localhost port; yield its
    address; stop it."""
    with streamlit_process(script) as (url, _process):
        yield url


@contextmanager
def streamlit_process(script: Path = APP) -> Iterator[tuple[str, subprocess.Popen]]:
    """Start `streamlit run` on a free localhost port; yield its address and process (whose
    memory a benchmark reads); stop it. Uploads are kept in a folder of its own."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # The server's log goes to a file: a pipe nobody reads would block a long-running server.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log, \
            tempfile.TemporaryDirectory(prefix="innosim-uploads-") as uploads:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false",
             # No reloading: a file edited while the server runs must not swap the model's
             # classes under the cached objects (a benchmark runs for minutes).
             "--server.fileWatcherType", "none"],
            cwd=APP.parents[1], stdout=log, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "INNOSIM_UPLOADS": uploads})
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"streamlit did not start on {url}: {log.read()[-1000:]}")
                time.sleep(0.3)
            yield url, process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def chromium_browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright, headless (the test is skipped without it)."""
    import pytest
    from playwright import sync_api

    why_not = ensure_chromium()
    if why_not:
        pytest.skip(why_not)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
