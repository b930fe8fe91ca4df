"""Fan, tornado and backtest charts: as matplotlib figures, or written as PNG files.

Figures are made with :class:`matplotlib.figure.Figure` directly, not through pyplot, so
importing this module changes nothing in matplotlib (a notebook keeps its inline backend)
and writing a file needs no display. ``fan_figure`` and ``tornado_figure`` give a figure to
show (Jupyter shows it as PNG by itself: ``display(figure)``, or the cell's last value);
``fan_chart`` and ``tornado_chart`` write the PNG.

Labels are in English: the default matplotlib fonts have no Chinese glyphs. The report's
charts (:func:`trajectory_png`) are in Chinese or English: they find a CJK font
(:func:`cjk_font`, Debian's ``fonts-wqy-microhei`` from ``make fonts``) and draw inside
:func:`matplotlib.rc_context`, so matplotlib's settings are left as they were.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .catalogue import INDICATORS
from .saving import save
from .untrusted import figure_text

DPI = 110


class Chart(Figure):
    """A figure that Jupyter shows as PNG by itself, without pyplot or ``%matplotlib``."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=DPI)
        return buffer.getvalue()


def fan_chart(quantiles: pd.DataFrame, indicators: Sequence[str], path: str | Path,
              targets: Sequence[tuple[str, int, float]] = (), title: str = "", *,
              overwrite: bool = True) -> Path:
    """:func:`fan_figure` written to ``path`` as PNG."""
    return write_png(fan_figure(quantiles, indicators, targets, title), path, overwrite)


def fan_figure(quantiles: pd.DataFrame, indicators: Sequence[str],
               targets: Sequence[tuple[str, int, float]] = (), title: str = "") -> Chart:
    """Median with 25-75 % and 5-95 % bands per indicator; targets as markers.

    ``quantiles``: columns indicator, year, q05, q25, q50, q75, q95 (as
    :class:`model.ensemble.EnsembleResult` gives). ``targets``: (indicator, year, value).
    """
    indicators = list(dict.fromkeys(indicators))
    columns = min(3, len(indicators)) or 1
    rows = max(1, math.ceil(len(indicators) / columns))
    figure = Chart(figsize=(4.2 * columns, 3.0 * rows))
    axes = figure.subplots(rows, columns, squeeze=False)
    for ax, key in zip(axes.flat, indicators, strict=False):
        data = quantiles[quantiles.indicator == key]
        ax.fill_between(data.year, data.q05, data.q95, alpha=0.25, color="tab:blue",
                        label="5-95 %")
        ax.fill_between(data.year, data.q25, data.q75, alpha=0.45, color="tab:blue",
                        label="25-75 %")
        ax.plot(data.year, data.q50, color="tab:blue", label="median")
        for indicator, year, value in targets:
            if indicator == key:
                ax.plot([year], [value], marker="*", color="tab:red", markersize=11,
                        linestyle="none", label="target")
        spec = INDICATORS.get(key)
        unit = spec.unit if spec and spec.unit.isascii() else ""  # no CJK glyphs
        ax.set_title(f"{spec.en if spec else key}" + (f" [{unit}]" if unit else ""), fontsize=8)
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[len(indicators):]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=6)
    if title:
        figure.suptitle(figure_text(title), fontsize=10)  # the region: "$" is no math
    figure.tight_layout(rect=(0, 0, 1, 0.97) if title else (0, 0, 1, 1))
    return figure


def tornado_chart(table: pd.DataFrame, index: str, path: str | Path, title: str = "",
                  error: str | None = None, top: int = 12, *, overwrite: bool = True) -> Path:
    """:func:`tornado_figure` written to ``path`` as PNG."""
    return write_png(tornado_figure(table, index, title, error, top), path, overwrite)


def tornado_figure(table: pd.DataFrame, index: str, title: str = "", error: str | None = None,
                   top: int = 12) -> Chart:
    """Horizontal bars of ``table[index]`` per input, one panel per target.

    ``table``: columns target, input, ``index`` (and optionally ``error``), as
    :func:`model.sensitivity.sensitivity` gives.
    """
    targets = list(dict.fromkeys(table.target))
    columns = min(2, len(targets)) or 1
    rows = max(1, math.ceil(len(targets) / columns))
    figure = Chart(figsize=(6.0 * columns, 0.28 * top * rows + 1))
    axes = figure.subplots(rows, columns, squeeze=False)
    for ax, target in zip(axes.flat, targets, strict=False):
        data = table[table.target == target].sort_values(index, ascending=False).head(top)
        data = data.iloc[::-1]
        ax.barh(data.input, data[index], xerr=data[error] if error else None,
                color="tab:orange", ecolor="grey")
        ax.set_title(target, fontsize=8)
        ax.tick_params(labelsize=7)
        ax.set_xlabel(index, fontsize=7)
    for ax in list(axes.flat)[len(targets):]:
        ax.axis("off")
    if title:
        figure.suptitle(figure_text(title), fontsize=10)  # the region: "$" is no math
    figure.tight_layout(rect=(0, 0, 1, 0.97) if title else (0, 0, 1, 1))
    return figure



def backtest_chart(fit, band: pd.DataFrame, central: pd.Series, path: str | Path,
                   title: str = "", *, overwrite: bool = True) -> Path:
    """One indicator's backtest: the ensemble's 5-95 % band and central run over the run's
    years, the history (scored points filled, earlier ones hollow) and both naive forecasts.

    ``fit`` is a :class:`model.backtest.IndicatorBacktest`; ``band`` has columns q05 and q95
    indexed by year; ``central`` is the central run indexed by year.
    """
    figure = Chart(figsize=(6.0, 3.6))
    ax = figure.subplots()
    ax.fill_between(band.index, band.q05, band.q95, alpha=0.25, color="tab:blue",
                    label="model 5-95 %")
    ax.plot(central.index, central.values, color="tab:blue", label="model, central run")
    if fit.before:
        ax.plot(list(fit.before), list(fit.before.values()), marker="o", color="black",
                markerfacecolor="white", linestyle="none", label="history (not scored)")
    ax.plot(fit.years, fit.observed, marker="o", color="black", linestyle="none",
            label="history (scored)")
    years = central.index.to_numpy(dtype=float)   # the naive forecasts over the whole run
    ax.plot(years, [fit.start_value] * len(years), color="tab:grey", linestyle=":",
            label="naive: start value held")
    if fit.growth is not None:
        ax.plot(years, fit.start_value * (1.0 + fit.growth) ** (years - years[0]),
                color="tab:orange", linestyle="--",
                label=f"naive: {fit.growth:+.1%}/yr since {fit.growth_from} continued")
    spec = INDICATORS.get(fit.indicator)
    unit = spec.unit if spec and spec.unit.isascii() else ""  # no CJK glyphs
    name = spec.en if spec else fit.indicator
    ax.set_title((f"{title}: " if title else "") + name + (f" [{unit}]" if unit else ""),
                 fontsize=9)
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=6)
    figure.tight_layout()
    return write_png(figure, path, overwrite)


def write_png(figure: Figure, path: str | Path, overwrite: bool = True) -> Path:
    """Write ``figure`` to ``path`` (folders made as needed) as PNG, atomically (see
    :mod:`model.saving`; an existing file is replaced only with ``overwrite``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a figure without pyplot renders with Agg for PNG
    return save(path, lambda stream: figure.savefig(stream, format="png", dpi=DPI),
                overwrite=overwrite, binary=True)


# --- charts with Chinese text (the report) -------------------------------------------------

# Where Debian/Ubuntu put the CJK fonts the Makefile may install (first found wins).
CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
CJK_NAME_HINTS = ("CJK", "WenQuanYi", "Micro Hei", "Zen Hei", "Droid Sans Fallback",
                  "Source Han", "SimHei", "Heiti")


@cache
def cjk_font() -> str | None:
    """The family name of a CJK font known to matplotlib (registered from its file if need
    be), or None when the machine has none (``make fonts`` installs one)."""
    candidates = [Path(p) for p in CJK_FONT_FILES]
    candidates += [Path(f) for f in font_manager.findSystemFonts()
                   if any(h in Path(f).name.lower() for h in ("cjk", "wqy", "droid"))]
    for path in candidates:
        if path.is_file():
            font_manager.fontManager.addfont(str(path))
            return str(font_manager.FontProperties(fname=str(path)).get_name())
    for entry in font_manager.fontManager.ttflist:  # e.g. a font installed elsewhere
        if any(h.lower() in entry.name.lower() for h in CJK_NAME_HINTS):
            return str(entry.name)
    return None


@contextmanager
def cjk_text() -> Iterator[None]:
    """Draw with the CJK font first (when there is one); matplotlib's settings are restored
    on leaving. Fonts are looked up when a figure is drawn: render inside the block."""
    family = cjk_font()
    with matplotlib.rc_context({"font.family": "sans-serif", "axes.unicode_minus": False,
                                "font.sans-serif": [family or "DejaVu Sans", "DejaVu Sans"]}):
        yield


TRAJECTORY_COLOURS = {"run": "#1f5fa8", "band": "#9cc3ea", "median": "#0d3b73",
                      "target": "#c62828", "history": "#000000"}


def trajectory_png(title: str, years: np.ndarray, central: np.ndarray, band: pd.DataFrame,
                   words: Mapping[str, str], targets: Sequence[tuple[int, float]] = (),
                   observed: Mapping[int, float] | None = None,
                   assumed: Mapping[int, float] | None = None,
                   size: tuple[float, float] = (3.4, 2.3), dpi: int = 200) -> bytes:
    """One indicator over the run as PNG: the ensemble's 5-95 % band and median, the central
    run, level targets (stars), observed and assumed start values (filled/hollow squares).

    ``words``: the legend's labels (keys band, median, central, target, observed, assumed),
    in the report's language; ``title`` may hold Chinese. No legend is drawn
    (:func:`trajectory_legend_png` draws one strip for all charts).
    """
    with cjk_text():
        figure = Figure(figsize=size, dpi=dpi)
        figure.subplots_adjust(left=0.14, right=0.97, bottom=0.12, top=0.87)
        ax = figure.subplots()
        ax.fill_between(years, band["q05"], band["q95"], color=TRAJECTORY_COLOURS["band"],
                        alpha=0.55, linewidth=0)
        ax.plot(years, band["q50"], color=TRAJECTORY_COLOURS["median"], linestyle=":",
                linewidth=1.4)
        ax.plot(years, central, color=TRAJECTORY_COLOURS["run"], linewidth=1.6, marker="o",
                markersize=2.5)
        for year, value in (observed or {}).items():
            ax.plot([year], [value], linestyle="none", marker="s", markersize=4.5,
                    color=TRAJECTORY_COLOURS["history"])
        for year, value in (assumed or {}).items():
            ax.plot([year], [value], linestyle="none", marker="s", markersize=4.5,
                    markerfacecolor="white", markeredgecolor=TRAJECTORY_COLOURS["history"])
        for year, value in targets:
            ax.plot([year], [value], linestyle="none", marker="*", markersize=10,
                    color=TRAJECTORY_COLOURS["target"])
            ax.annotate(f"{value:g}", (year, value), textcoords="offset points",
                        xytext=(5, 3), color=TRAJECTORY_COLOURS["target"], fontsize=6.5)
        ax.set_title(figure_text(title), fontsize=7.5)
        shown = sorted({*map(int, years), *(observed or {}), *(assumed or {})})
        ax.set_xticks(shown[::2] if len(shown) > 8 else shown)
        ax.tick_params(labelsize=6)
        ax.grid(alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.yaxis.set_major_locator(MaxNLocator(5))
        return _png(figure, dpi)


def trajectory_legend_png(words: Mapping[str, str], width: float = 7.0, dpi: int = 200
                          ) -> bytes:
    """The legend of :func:`trajectory_png`'s charts as one strip."""
    colours = TRAJECTORY_COLOURS
    handles = [
        Patch(color=colours["band"], alpha=0.55, label=words["band"]),
        Line2D([], [], color=colours["median"], linestyle=":", label=words["median"]),
        Line2D([], [], color=colours["run"], marker="o", markersize=2.5,
               label=words["central"]),
        Line2D([], [], color=colours["target"], marker="*", markersize=8, linestyle="none",
               label=words["target"]),
        Line2D([], [], color=colours["history"], marker="s", markersize=4, linestyle="none",
               label=words["observed"]),
        Line2D([], [], color=colours["history"], marker="s", markersize=4, linestyle="none",
               markerfacecolor="white", label=words["assumed"]),
    ]
    with cjk_text():
        figure = Figure(figsize=(width, 0.32), dpi=dpi)
        figure.legend(handles=handles, loc="center", ncol=len(handles), fontsize=6.5,
                      frameon=False)
        return _png(figure, dpi)


def _png(figure: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
