"""The page's charts, drawn in the browser (Vega-Lite through altair) with hover values.

The same picture as :func:`app.charts.indicator_figure` (the 5-95 % band, the ensemble's
median, the plan as written, this scenario's central run, observed and assumed start values,
the target), but the browser draws it: a slider move sends a few hundred numbers instead of
a PNG drawn on the server, and the planner reads exact values off the chart by hovering a
year. Matplotlib still draws the PNG downloads (report-grade, :mod:`app.charts`).
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from model.results import Results
from model.scenario import Scenario, Target

from .charts import COLOURS, observations
from .i18n import t, unit

# A five-pointed star as an SVG path (Vega-Lite's shapes have none).
STAR = ("M0,-1L0.294,-0.405L0.951,-0.309L0.476,0.155L0.588,0.809L0,0.5L-0.588,0.809"
        "L-0.476,0.155L-0.951,-0.309L-0.294,-0.405Z")
HEIGHT = 260
SERIES = "series"   # the dataset that moves with the sliders


def series_names(language: str) -> dict[str, str]:
    """Column names of the moving data as the tooltips show them."""
    return {"year": t("year", language), "q05": "5%", "q95": "95%",
            "q50": t("median", language), "central": t("simulation", language),
            "plan": t("plan_run", language)}


def series_frame(indicator: str, central: Results, band: pd.DataFrame, plan: Results | None,
                 language: str) -> pd.DataFrame:
    """The numbers that move with a slider: one row per year."""
    frame = pd.DataFrame({
        "year": central.years.astype(int),
        "central": central.sel(indicator)[:, 0],
        "q05": band["q05"].to_numpy(), "q50": band["q50"].to_numpy(),
        "q95": band["q95"].to_numpy(),
    })
    if plan is not None:
        frame["plan"] = plan.sel(indicator)[:, 0]
    return frame.rename(columns=series_names(language))


def chart_template(scenario: Scenario, indicator: str, central: Results, language: str,
                   targets: Iterable[Target] = (), with_plan: bool = True) -> dict:
    """The chart's Vega-Lite specification without the moving data (add it with
    :func:`with_series`): built with altair once per scenario, indicator and language, so a
    slider move only sends numbers."""
    spec = central.specs[indicator]
    shown_unit = unit(spec.unit, language)
    names = series_names(language)
    x = alt.X(f"{names['year']}:Q", axis=alt.Axis(format="d", title=None, tickMinStep=1))

    def y(column: str, title: str | None = None) -> alt.Y:
        return alt.Y(f"{column}:Q", title=title, scale=alt.Scale(zero=False))

    base = alt.Chart()   # the series: the data given with the specification
    layers: list[alt.Chart] = [
        base.mark_area(color=COLOURS["band"], opacity=0.55).encode(
            x=x, y=y(names["q05"], shown_unit or None), y2=f"{names['q95']}:Q"),
        base.mark_line(color=COLOURS["median"], strokeDash=[2, 3], strokeWidth=1.6).encode(
            x=x, y=y(names["q50"])),
    ]
    if with_plan:
        layers.append(base.mark_line(color=COLOURS["plan"], strokeDash=[6, 4],
                                     strokeWidth=1.2).encode(x=x, y=y(names["plan"])))
    layers.append(base.mark_line(color=COLOURS["run"], strokeWidth=2, point=alt.OverlayMarkDef(
        size=18, color=COLOURS["run"])).encode(x=x, y=y(names["central"])))
    observed, assumed = observations(scenario, indicator)
    value_name = t("simulated", language)
    kind_name = t("legend_kind", language)
    for points, filled, label in ((observed, True, "history"), (assumed, False, "assumed")):
        if points:
            layers.append(alt.Chart(pd.DataFrame({
                names["year"]: list(points), value_name: list(points.values()),
                kind_name: t(label, language)})).mark_square(
                size=60, color=COLOURS["history"], filled=filled, strokeWidth=1.3).encode(
                x=x, y=y(value_name),
                tooltip=[alt.Tooltip(f"{names['year']}:Q", format="d"), f"{kind_name}:N",
                         alt.Tooltip(f"{value_name}:Q", format=",.4~g")]))
    goals = [(tg.year, tg.value) for tg in targets if tg.kind == "level" and tg.value is not None]
    if goals:
        goal_name = t("target_marker", language)
        layers.append(alt.Chart(pd.DataFrame({
            names["year"]: [g[0] for g in goals], goal_name: [g[1] for g in goals]})).mark_point(
            shape=STAR, size=220, filled=True, color=COLOURS["target"]).encode(
            x=x, y=y(goal_name), tooltip=[alt.Tooltip(f"{names['year']}:Q", format="d"),
                                          alt.Tooltip(f"{goal_name}:Q", format=",.4~g")]))
    # Hover a year anywhere over the chart: a rule and every value of that year.
    hover = alt.selection_point(fields=[names["year"]], nearest=True, on="pointerover",
                                clear="pointerout", empty=False)
    columns = ["central", "q50", "q05", "q95", *(["plan"] if with_plan else [])]
    layers.append(base.mark_rule(color="#888").encode(
        x=x, opacity=alt.condition(hover, alt.value(0.6), alt.value(0)),
        tooltip=[alt.Tooltip(f"{names['year']}:Q", format="d"),
                 *(alt.Tooltip(f"{names[c]}:Q", format=",.4~g") for c in columns)],
    ).add_params(hover))
    title = spec.label(language) + (f" ({shown_unit})" if shown_unit else "")
    chart = alt.layer(*layers).properties(title=alt.TitleParams(title, fontSize=13),
                                          height=HEIGHT)
    template = chart.to_dict(validate=False)
    # altair names a chart without data "empty"; those layers draw the series (with_series).
    for layer in template["layer"]:
        if layer.get("data") == {"name": "empty"}:
            layer["data"] = {"name": SERIES}
    template.get("datasets", {}).pop("empty", None)
    return template


def with_series(template: dict, frame: pd.DataFrame) -> dict:
    """The chart's specification with this move's numbers (:func:`series_frame`); the
    template itself is not changed."""
    return {**template, "datasets": {**template.get("datasets", {}), SERIES: frame}}
