"""Matplotlib charts of one indicator: trajectory, plan-as-written line, 5-95 % band, target.

Chinese labels need a CJK font. The project's set-up (``make``) installs Debian's
``fonts-wqy-microhei`` when no CJK font is present; :func:`use_cjk_font` registers the first
CJK font file found with matplotlib's font manager explicitly, so charts never show boxes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # server side: no display

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from model.results import Results  # noqa: E402
from model.scenario import Scenario, Target  # noqa: E402
from model.targets import probability_text  # noqa: E402
from model.untrusted import figure_text  # noqa: E402

from .i18n import t, unit  # noqa: E402

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

COLOURS = {"run": "#1f5fa8", "plan": "#7a7a7a", "band": "#9cc3ea", "target": "#c62828",
           "median": "#0d3b73", "history": "#000000"}
FIGURE_SIZE = (4.6, 3.4)  # inches: two charts side by side on a laptop screen
DPI = 100
PRINT_DPI = 300           # downloads: print resolution
REPORT_SIZE = (6.4, 4.8)  # inches: a report's half page, with a header above the chart


@cache
def use_cjk_font() -> str | None:
    """Register a CJK font with matplotlib and put it first; its family name, or None."""
    candidates = [Path(p) for p in CJK_FONT_FILES]
    candidates += [Path(f) for f in font_manager.findSystemFonts()
                   if any(h.lower() in Path(f).name.lower() for h in ("cjk", "wqy", "droid"))]
    for path in candidates:
        if not path.is_file():
            continue
        font_manager.fontManager.addfont(str(path))
        family = font_manager.FontProperties(fname=str(path)).get_name()
        plt.rcParams["font.family"] = "sans-serif"
        plt.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
        plt.rcParams["axes.unicode_minus"] = False  # CJK fonts often lack U+2212
        return family
    for entry in font_manager.fontManager.ttflist:  # e.g. a font installed elsewhere
        if any(h.lower() in entry.name.lower() for h in CJK_NAME_HINTS):
            plt.rcParams["font.sans-serif"] = [entry.name, "DejaVu Sans"]
            plt.rcParams["axes.unicode_minus"] = False
            return entry.name
    return None


def indicator_figure(
    scenario: Scenario,
    indicator: str,
    central: Results,
    band: pd.DataFrame,
    plan: Results | None,
    language: str,
    targets: Iterable[Target] = (),
    legend: bool = True,
    header: Sequence[str] = (),
) -> Figure:
    """One indicator's chart. ``band`` has ``q05``/``q50``/``q95`` columns by year.

    ``legend=False`` leaves the legend out (the page shows one legend for all its charts,
    :func:`legend_figure`; text is most of the drawing time). ``header``: lines written
    above the chart for a report (scenario, verdict, date), the first in bold.
    """
    use_cjk_font()
    spec = central.specs[indicator]
    years = central.years
    size = FIGURE_SIZE if legend else (FIGURE_SIZE[0], FIGURE_SIZE[1] * 0.8)
    if header:
        size = REPORT_SIZE
    figure = Figure(figsize=size, dpi=DPI)
    # Fixed margins rather than constrained layout: the layout pass costs a second draw.
    top = 0.9 if not header else 0.9 - 0.045 * len(header)
    bottom = (0.27 if not header else 0.19) if legend else 0.1
    figure.subplots_adjust(left=0.12, right=0.97, bottom=bottom, top=top)
    for i, line in enumerate(header):
        figure.text(0.02, 0.975 - 0.045 * i, figure_text(line), ha="left", va="top",
                    fontsize=10 if i == 0 else 8, fontweight="bold" if i == 0 else "normal")
    axes = figure.subplots()
    axes.fill_between(years, band["q05"], band["q95"], color=COLOURS["band"], alpha=0.55,
                      linewidth=0, label=t("band", language))
    # The ensemble's median: the table's simulated value.
    axes.plot(years, band["q50"], color=COLOURS["median"], linestyle=":", linewidth=1.6,
              label=t("median", language))
    if plan is not None:
        axes.plot(years, plan.sel(indicator)[:, 0], color=COLOURS["plan"], linestyle="--",
                  linewidth=1.2, label=t("plan_run", language))
    axes.plot(years, central.sel(indicator)[:, 0], color=COLOURS["run"], linewidth=2.0,
              marker="o", markersize=3, label=t("simulation", language))
    observed, assumed = observations(scenario, indicator)
    if observed:
        # Observations only: the scenario's [[history]] (e.g. Kecheng's 2020-2022 R&D
        # intensity) and a start-year baseline value with a source.
        axes.plot(sorted(observed), [observed[y] for y in sorted(observed)], linestyle="none",
                  marker="s", markersize=6, color=COLOURS["history"],
                  label=t("history", language))
    if assumed:
        # A start value the file assumes (assumption = true, with a range): what the run
        # starts from, not something anybody observed. Hollow, and said so in the legend.
        axes.plot(sorted(assumed), [assumed[y] for y in sorted(assumed)], linestyle="none",
                  marker="s", markersize=6, markerfacecolor="white",
                  markeredgecolor=COLOURS["history"], markeredgewidth=1.3,
                  color=COLOURS["history"], label=t("assumed", language))
    for target in targets:
        if target.kind == "level" and target.value is not None:
            axes.plot([target.year], [target.value], linestyle="none", marker="*",
                      markersize=13, color=COLOURS["target"], label=t("target_marker", language))
            axes.annotate(f"{target.value:g}", (target.year, target.value),
                          textcoords="offset points", xytext=(6, 4), color=COLOURS["target"],
                          fontsize=8)
    shown_unit = unit(spec.unit, language)
    if header:   # the header's first line names the indicator; the axis says the unit
        axes.set_ylabel(shown_unit, fontsize=8)
    else:
        axes.set_title(spec.label(language) + (f" ({shown_unit})" if shown_unit else ""),
                       fontsize=10)
    shown_years = sorted({*years.tolist(), *observed, *assumed})
    axes.set_xticks(shown_years[::2] if len(shown_years) > 8 else shown_years)
    axes.tick_params(labelsize=8)
    axes.grid(alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_major_locator(MaxNLocator(5))
    if legend:
        _legend_below(figure, axes)
    return figure


def observations(scenario: Scenario, indicator: str) -> tuple[dict[int, float],
                                                               dict[int, float]]:
    """(observed, assumed) values of ``indicator`` by year: [[history]] points and a sourced
    baseline value are observed; a baseline value with ``assumption = true`` is assumed."""
    observed = {point.year: point.value for point in scenario.history
                if point.indicator == indicator}
    assumed: dict[int, float] = {}
    entry = scenario.baseline.get(indicator)
    if entry is not None and scenario.meta.start not in observed:
        (assumed if entry.assumption else observed)[scenario.meta.start] = entry.value
    return observed, assumed


def _legend_below(figure: Figure, axes) -> None:
    """Below the axes, so the legend never hides the lines."""
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    figure.legend(unique.values(), unique.keys(), loc="lower center", ncol=3, fontsize=7,
                  frameon=False)


def legend_figure(language: str) -> Figure:
    """The legend shared by the page's charts, as a strip of its own."""
    use_cjk_font()
    figure = Figure(figsize=(9.2, 0.35), dpi=DPI)
    handles = [
        Patch(color=COLOURS["band"], alpha=0.55, label=t("band", language)),
        Line2D([], [], color=COLOURS["median"], linestyle=":", linewidth=1.6,
               label=t("median", language)),
        Line2D([], [], color=COLOURS["plan"], linestyle="--", label=t("plan_run", language)),
        Line2D([], [], color=COLOURS["run"], linewidth=2, marker="o", markersize=3,
               label=t("simulation", language)),
        Line2D([], [], color=COLOURS["target"], marker="*", markersize=11, linestyle="none",
               label=t("target_marker", language)),
        Line2D([], [], color=COLOURS["history"], marker="s", markersize=6, linestyle="none",
               label=t("history", language)),
        Line2D([], [], color=COLOURS["history"], marker="s", markersize=6, linestyle="none",
               markerfacecolor="white", markeredgewidth=1.3, label=t("assumed", language)),
    ]
    figure.legend(handles=handles, loc="center", ncol=len(handles), fontsize=8,
                  frameon=False)
    return figure


def figure_png(figure: Figure, dpi: int = DPI) -> bytes:
    """The figure as PNG bytes (for the page; ``dpi=PRINT_DPI`` for a download)."""
    buffer = io.BytesIO()
    # Low zlib effort: the PNG is a few kB larger and drawn in half the time.
    figure.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


COMPARE_COLOURS = ("#1f5fa8", "#d9822b", "#2e7d32")


def comparison_figure(runs: dict[str, tuple[Results, pd.DataFrame]], indicator: str,
                      language: str) -> Figure:
    """One indicator across scenarios: each one's central run (solid) and median (dotted)."""
    use_cjk_font()
    figure = Figure(figsize=(7.0, 3.4), dpi=DPI)
    figure.subplots_adjust(left=0.09, right=0.98, bottom=0.25, top=0.9)
    axes = figure.subplots()
    spec = None
    for colour, (label, (central, band)) in zip(COMPARE_COLOURS, runs.items(), strict=False):
        if indicator not in central.indicators:
            continue
        spec = central.specs[indicator]
        label = figure_text(label)   # a file or upload name: "$" is no math
        axes.plot(central.years, central.sel(indicator)[:, 0], color=colour, linewidth=2,
                  label=f"{label} · {t('simulation', language)}")
        axes.plot(band.index, band["q50"], color=colour, linestyle=":", linewidth=1.5,
                  label=f"{label} · {t('median', language)}")
    if spec is not None:
        shown_unit = unit(spec.unit, language)
        axes.set_title(spec.label(language) + (f" ({shown_unit})" if shown_unit else ""),
                       fontsize=10)
    axes.tick_params(labelsize=8)
    axes.grid(alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    figure.legend(*axes.get_legend_handles_labels(), loc="lower center", ncol=2, fontsize=7,
                  frameon=False)
    return figure


def report_header(scenario: Scenario, view, indicator: str, language: str,
                  today: str | None = None) -> list[str]:
    """The lines above a downloaded chart: the indicator, the scenario, each of its targets'
    verdict (likelihood and probability), and the date with the ensemble that judged."""
    import datetime as dt

    from model.targets import describe

    spec = view.central.specs[indicator]
    meta = scenario.meta
    region = meta.region if language == "zh" else meta.region_en or meta.region
    plan = meta.plan if language == "zh" else meta.plan_en or meta.plan
    lines = [spec.label(language), f"{region} · {plan}"]
    for verdict in view.verdicts:
        target = verdict.target
        if target.indicator != indicator or not target.tracked:
            continue
        chance = ("" if verdict.probability is None
                  else f" ({probability_text(verdict.probability)})")
        word = t(verdict.likelihood or verdict.verdict, language)
        lines.append(f"{t('target', language)} {describe(target, language, year=True)}："
                     f"{word}{chance}" if language == "zh" else
                     f"{t('target', language)} {describe(target, language, year=True)}: "
                     f"{word}{chance}")
    date = today or dt.date.today().isoformat()
    lines.append(t("report_made", language, date=date, runs=view.runs))
    return lines
