"""Streamlit caches around the model: scenarios by file or upload, views, chart PNGs.

Arguments whose names start with ``_`` are not hashed by Streamlit; ``scenario_key``
(file path and modification time, or upload name and content hash) stands for them.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import streamlit as st

from model.results import Results
from model.scenario import Scenario, load_scenario
from model.simulate import evaluate

from .charts import DPI, PRINT_DPI, figure_png, indicator_figure, legend_figure, report_header
from .compute import BAND_RUNS, View, compute_view
from .prefetch import Prefetcher
from .state import read_upload

LeverItems = tuple[tuple[str, float], ...]

# The caches are shared by every session of the server; their bounds keep its memory flat
# (benchmarks/bench_memory.py): a view is about 50 kB, a chart PNG about 20 kB, so at most
# about 6 + 8 MB, released an hour after last use.
VIEWS_KEPT = 128
CHARTS_KEPT = 384
KEPT_SECONDS = 3600
# The page of a move is sent when its run ends; the worker starts after it (it would share
# the interpreter's lock with the run's last messages).
AHEAD_AFTER_S = 0.03


def folder_stamp(files: Mapping[str, Path]) -> str:
    """Changes whenever a scenario file of the folder changes. A variant (a file or an
    upload) reads its parent there: an edited parent must not leave every session seeing the
    variant as it was."""
    stamps = []
    for name, path in sorted(files.items()):
        try:
            stamps.append(f"{name}:{path.stat().st_mtime_ns}")
        except OSError:
            stamps.append(f"{name}:gone")
    return hashlib.sha256("|".join(stamps).encode()).hexdigest()[:16]


def file_key(path: Path, stamp: str = "") -> str:
    return f"file:{path}:{path.stat().st_mtime_ns}:{stamp}"


def upload_key(name: str, data: bytes, stamp: str = "") -> str:
    return f"upload:{name}:{hashlib.sha256(data).hexdigest()[:16]}:{stamp}"


@st.cache_resource(max_entries=64, show_spinner=False)
def scenario_from_file(scenario_key: str, path: str) -> Scenario:
    """A scenario file (re-read when it changes: the key holds its modification time)."""
    return load_scenario(path)


@st.cache_resource(max_entries=64, show_spinner=False)
def scenario_from_store(upload_key: str, folder: str) -> Scenario:
    """An uploaded scenario kept in the upload store (``app/uploads.py``)."""
    from .uploads import load_stored, store

    uploads = store()
    return load_stored(uploads if str(uploads.folder) == folder else
                       uploads.__class__(Path(folder), uploads.limit_bytes), upload_key)


@st.cache_resource(max_entries=16, show_spinner=False)
def scenario_from_upload(scenario_key: str, name: str, _data: bytes,
                         folder: str | None = None) -> Scenario:
    return read_upload(name, _data, Path(folder) if folder else None)


@st.cache_resource(max_entries=VIEWS_KEPT, ttl=KEPT_SECONDS, show_spinner=False)
def view(scenario_key: str, _scenario: Scenario, levers: LeverItems, parameters: LeverItems,
         runs: int = BAND_RUNS) -> View:
    """One object shared by every reader (a resource, not a copy): the page reads the view
    several times a rerun, and unpickling a copy (60 bands, the central run) each time cost
    more than drawing it. A view is never changed after it is computed. A view computed
    ahead (:func:`compute_ahead`) is taken, not computed again."""
    key, worker = (scenario_key, levers, parameters, runs), prefetcher()
    ahead = worker.take(key)
    computed = ahead if ahead is not None else compute_view(
        _scenario, dict(levers), dict(parameters), runs=runs)
    worker.held(key)   # kept by this cache now: not to be computed ahead again
    return computed


@st.cache_resource(show_spinner=False)
def prefetcher() -> Prefetcher:
    """The server's one worker computing views ahead (:mod:`app.prefetch`)."""
    return Prefetcher(held=VIEWS_KEPT, held_seconds=KEPT_SECONDS)


def compute_ahead(scenario_key: str, scenario: Scenario, steps: Sequence[LeverItems],
                  parameters: LeverItems, runs: int = BAND_RUNS) -> None:
    """Compute in the background, in order, the views :func:`view` will be asked for with
    each of these lever values (the next arrow-key steps of a lever), after a pause that
    lets the page of the move just made reach the browser first."""
    def computing(levers: LeverItems) -> Callable[[], View]:
        def compute() -> View:
            time.sleep(AHEAD_AFTER_S)
            return compute_view(scenario, dict(levers), dict(parameters), runs=runs)
        return compute

    prefetcher().ahead([((scenario_key, levers, parameters, runs), computing(levers))
                        for levers in steps])


@st.cache_data(max_entries=64, ttl=KEPT_SECONDS, show_spinner=False)
def plan_run(scenario_key: str, _scenario: Scenario) -> Results:
    """The plan as written: its own levers, parameters at their central values."""
    return evaluate(_scenario)


@st.cache_data(max_entries=CHARTS_KEPT, ttl=KEPT_SECONDS, show_spinner=False)
def chart_png(scenario_key: str, _scenario: Scenario, levers: LeverItems,
              parameters: LeverItems, indicator: str, language: str,
              legend: bool = False, today: str | None = None) -> bytes:
    """A chart as PNG: without legend for the page; for the download (``legend=True``)
    at print resolution, with the scenario, the verdicts on this indicator's targets and
    the date (``today``, ISO) above it."""
    shown = view(scenario_key, _scenario, levers, parameters)
    targets = [t for t in _scenario.targets if t.tracked and t.indicator == indicator]
    header = report_header(_scenario, shown, indicator, language, today) if legend else ()
    figure = indicator_figure(_scenario, indicator, shown.central, shown.bands[indicator],
                              plan_run(scenario_key, _scenario), language, targets,
                              legend=legend, header=header)
    return figure_png(figure, PRINT_DPI if legend else DPI)


@st.cache_data(max_entries=256, show_spinner=False)
def chart_template(scenario_key: str, _scenario: Scenario, indicator: str, language: str
                   ) -> dict:
    """The page chart's Vega-Lite specification, without the numbers a slider moves."""
    from .vega import chart_template as template

    targets = [t for t in _scenario.targets if t.tracked and t.indicator == indicator]
    return template(_scenario, indicator, plan_run(scenario_key, _scenario), language, targets)


@st.cache_data(max_entries=4, show_spinner=False)
def legend_png(language: str) -> bytes:
    return figure_png(legend_figure(language))
