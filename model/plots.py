"""Fan, tornado and backtest charts: as matplotlib figures, or written as PNG files.

Figures are made with :class:`matplotlib.figure.Figure` directly, not through pyplot, so
importing this module changes nothing in matplotlib (a notebook keeps its inline backend)
and writing a file needs no display. ``fan_figure`` and ``tornado_figure`` give a figure to
show (Jupyter shows it as PNG by itself: ``display(figure)``, or the cell's last value);
``fan_chart`` and ``tornado_chart`` write the PNG.

Labels are in English: the default matplotlib fonts have no Chinese glyphs.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

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
