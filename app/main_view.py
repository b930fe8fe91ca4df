"""The main view: verdict table, charts, what would it take, comparison, save and share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from model.catalogue import INDICATORS, LEVERS
from model.ensemble import ensemble
from model.errors import ScenarioError
from model.goalseek import ALWAYS_REACHED, NOT_REACHABLE, what_it_takes
from model.levers import changed_levers, plan_levers
from model.scenario import Scenario
from model.targets import AT_RISK, LIKELY, UNLIKELY, describe, probability_text
from model.untrusted import plain, plain_line, safe_cells, safe_key

from . import cache, exports, priorities_view, uploads
from .charts import comparison_figure, figure_png
from .compute import BAND_RUNS, BAND_SEED, View
from .i18n import kind, t, unit
from .messages import error_line
from .sidebar import (
    GOAL_FRAGMENT,
    VIEW_FRAGMENT,
    Choice,
    Setup,
    current_levers,
    load,
    moved_marks,
    next_steps,
    shown_levers,
)
from .state import write_address
from .tables import BAND_CLASSES, html_table
from .vega import series_frame, with_series

MAX_COMPARED = 3
GOAL_PROBABILITIES = (0.5, 0.8, 0.9)   # "what it takes" to reach a target this likely
ss = st.session_state


def _items(values: dict[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((k, round(float(v), 9)) for k, v in values.items()))


def current_view(choice: Choice) -> View:
    return cache.view(choice.key, choice.scenario, _items(choice.levers),
                      _items(choice.parameters))


# The tabs under the charts, in order (labels: app/i18n.py).
TABS = ("goalseek", "review", "compare", "save", "data", "structure")


@st.fragment(key=VIEW_FRAGMENT)
def planner(setup: Setup, files: dict[str, Path], language: str, verdict_box: DeltaGenerator,
            chart_box: DeltaGenerator, picked: list[str], tab: DeltaGenerator,
            opened: str) -> None:
    """What a lever move changes: the verdicts, the charts, the page address and the open
    tab when it shows what the levers change (the comparison, the downloads).

    A fragment: moving a lever reruns this alone (the lever's callback asks for it,
    :func:`app.sidebar._on_lever_change`), not the scenario picker, the sliders, the
    uncertain parameters, the headings and the charts' picker (:func:`verdict_heading`,
    :func:`chart_picker`: drawn by the full run around ``verdict_box`` and ``chart_box``)
    or a tab that does not read the levers (review, data, structure).
    """
    levers = current_levers(setup.scenario)
    ss["levers_store"] = levers
    choice = setup.choice(levers)
    try:
        shown = current_view(choice)   # on a full run, the main script computed (cached) it
    except ScenarioError as error:
        verdict_box.error(plain_line(error_line(error, language)))
        return
    except (ValueError, ArithmeticError) as error:  # InputError: a value the model refuses
        verdict_box.error(plain_line(f"{choice.name}: {error}"))
        return
    marks = moved_marks(choice.scenario, choice.levers)
    with verdict_box:
        if marks:   # a style sheet only: Streamlit shows nothing for it
            st.html(marks)
        verdict_section(choice, shown, language)
    with chart_box:
        chart_section(choice, shown, picked, language)
    with tab:
        if opened == "compare":
            compare_section(choice, files, language)
        elif opened == "save":
            save_section(choice, shown, language)
    st.query_params.from_dict(write_address(
        choice.name, language, changed_levers(choice.scenario, choice.levers),
        choice.parameters))
    moved = ss.pop("lever_moved", None)
    if moved is not None and moved[0] in choice.levers:
        # The next arrow-key step of the lever just moved, computed while the planner reads.
        cache.compute_ahead(choice.key, choice.scenario,
                            [_items(levers) for levers in next_steps(choice.scenario,
                                                                     choice.levers, *moved)],
                            _items(choice.parameters))


def verdict_heading(scenario: Scenario, language: str) -> None:
    """The verdicts' heading, and the note when the plan's text does not establish the
    target year: drawn once per full run (they do not move with a lever)."""
    st.subheader(t("verdicts", language))
    meta = scenario.meta
    if meta.target_year_assumed:   # the plan's text does not establish the year (file says how)
        st.warning(t("target_year_assumed", language, note=plain_line(meta.target_year_note)))


def verdict_html(shown: View, language: str) -> str:
    """The verdict table (the targets the model judges) as the page shows it: one HTML
    block (:mod:`app.tables`), figures formatted as before, each verdict in its colour."""
    table = exports.verdict_table(shown, language, modelled=True)
    bands = {t(band, language): BAND_CLASSES[band] for band in (LIKELY, AT_RISK, UNLIKELY)}
    formats = {t("simulated", language): "{:.4g}".format, t("gap", language): "{:+.3g}".format,
               t("probability", language): probability_text,
               t("first_year", language): "{:.0f}".format}
    numbers = tuple(t(k, language) for k in ("year", "simulated", "gap", "probability",
                                             "first_year"))
    return html_table(table, formats, {t("verdict", language): lambda w: bands.get(w, "")},
                      numbers)


def verdict_section(choice: Choice, shown: View, language: str) -> None:
    verdicts = [v for v in shown.verdicts if v.target.tracked]
    counts = {band: sum(v.likelihood == band for v in verdicts)
              for band in (LIKELY, AT_RISK, UNLIKELY)}
    st.markdown(t("summary", language, likely=counts[LIKELY], at_risk=counts[AT_RISK],
                  unlikely=counts[UNLIKELY], total=len(verdicts), runs=shown.runs))
    # One HTML block, not st.table of a Styler: the browser redraws it on every move.
    st.html(verdict_html(shown, language))
    st.caption(t("likelihood_note", language, runs=shown.runs))
    larger_ensemble(choice, language)
    untracked = exports.verdict_table(shown, language, modelled=False)
    if len(untracked):
        # Lazy: the table is drawn (and sent on a slider move) only while it is open.
        panel = st.expander(t("untracked", language, count=len(untracked)),
                            key="untracked_open", on_change="rerun")
        if panel.open:
            columns = [t(k, language) for k in ("plan_wording", "target", "year", "reason")]
            # The plan's own words (quote, reason): table cells are Markdown, show them as text.
            panel.table(safe_cells(untracked[columns], plain), hide_index=True)
    priorities_view.priorities_section(choice, language)


LARGE_RUNS = (10_000, 100_000)


def larger_ensemble(choice: Choice, language: str) -> None:
    """Probabilities from a larger ensemble on request, with a progress bar (streamed in
    blocks by :func:`model.ensemble.ensemble`; the page's own band uses 500 runs)."""
    # Lazy: its widgets are drawn (and sent on a slider move) only while it is open.
    panel = st.expander(t("larger_ensemble", language), key="larger_open", on_change="rerun")
    if not panel.open:
        return
    with panel:
        runs = st.selectbox(t("ensemble_runs", language), LARGE_RUNS,
                            format_func=lambda n: f"{n:,}", key=f"large_runs:{language}")
        if not st.button(t("run_ensemble", language), key=f"run_large:{language}"):
            return
        bar = st.progress(0.0, text=t("ensemble_progress", language, runs=runs))
        policy = changed_levers(choice.scenario, choice.levers)

        def advance(done: int, total: int) -> None:
            bar.progress(done / total)

        result = ensemble(choice.scenario, runs, seed=BAND_SEED, levers=policy,
                          fixed=choice.parameters, block_runs=max(runs // 20, 1000),
                          progress=advance)
        bar.empty()
        rows = [{t("indicator", language): _label(v, language),
                 t("target", language): exports.goal_text(v.target, language),
                 t("probability", language): v.probability,
                 t("simulated", language): v.value}
                for v in result.verdicts if v.probability is not None]
        st.table(pd.DataFrame(rows).style.hide(axis="index").format(
            {t("probability", language): "{:.1%}", t("simulated", language): "{:.4g}"}))


def _label(verdict, language: str) -> str:
    spec = INDICATORS.get(verdict.target.indicator)
    return spec.label(language) if spec else verdict.target.indicator


def chart_picker(setup: Setup, shown: View, language: str) -> list[str]:
    """The charts' heading, the indicators to chart and the legend: drawn once per full run
    (a pick reruns the page); the charts themselves move with the levers
    (:func:`chart_section`). Returns the indicators picked.

    The picker (pills, one per indicator: 71 for Kecheng) is in a panel drawn only while
    open: the browser redraws every element of the page several times a slider move, and
    those 71 buttons cost it more than the verdicts or the charts."""
    st.subheader(t("charts", language))
    scenario = setup.scenario
    target_indicators = list(dict.fromkeys(
        tg.indicator for tg in scenario.targets if tg.tracked))
    options = list(dict.fromkeys([*target_indicators, *shown.central.indicators]))
    specs = shown.central.specs
    # Two charts by default keep a slider move fast; the planner adds any indicator.
    default = target_indicators[:2] or options[:2]
    # The choice is kept apart from the widget, so a language switch or a closed panel does
    # not lose it.
    remembered = f"charts_picked:{setup.name}"
    picked = [k for k in ss.get(remembered, default) if k in options]
    panel = st.expander(t("chart_indicators", language), key="charts_open", on_change="rerun")
    if panel.open:
        # Streamlit keeps a widget's option labels per key, so the key carries the language.
        # Pills, not a multiselect: every choice is labelled in the page's language (a
        # multiselect's dropdown adds Streamlit's own English "Select all").
        picked = panel.pills(t("chart_indicators", language), options, selection_mode="multi",
                             default=picked, format_func=lambda k: specs[k].label(language),
                             key=f"charts:{setup.name}:{language}",
                             label_visibility="collapsed") or []
    ss[remembered] = list(picked)
    if picked:
        st.image(cache.legend_png(language), width="stretch")
    return list(picked)


def chart_section(choice: Choice, shown: View, picked: list[str], language: str) -> None:
    """The picked indicators' charts (:func:`chart_picker`), two a row."""
    if not picked:
        return
    columns = st.columns(2)
    levers, parameters = _items(choice.levers), _items(choice.parameters)
    plan = cache.plan_run(choice.key, choice.scenario)
    for i, indicator in enumerate(picked):
        if indicator not in shown.bands:
            continue
        # Drawn in the browser (Vega-Lite, hover values); the server sends numbers only.
        frame = series_frame(indicator, shown.central, shown.bands[indicator], plan, language)
        template = cache.chart_template(choice.key, choice.scenario, indicator, language)

        def with_legend(indicator: str = indicator) -> bytes:
            # The download carries its own legend, drawn only when asked for.
            return cache.chart_png(choice.key, choice.scenario, levers, parameters,
                                   indicator, language, legend=True,
                                   today=dt.date.today().isoformat())

        with columns[i % 2]:
            st.vega_lite_chart(with_series(template, frame), width="stretch")
            st.download_button(t("download_png", language), with_legend,
                               file_name=f"{safe_key(choice.scenario.meta.name)}-{indicator}.png",
                               mime="image/png", key=f"png:{indicator}", on_click="ignore")


@st.fragment(key=GOAL_FRAGMENT)
def goalseek_section(setup: Setup, language: str) -> None:
    """A fragment of its own: it runs alone when its widgets change, and reads the levers
    when it runs. A lever move reruns it only when it shows an answer (computed for the
    levers before the move), which then goes (:func:`app.sidebar._on_lever_change`)."""
    ss["goal_answer_shown"] = False
    choice = setup.choice(current_levers(setup.scenario))
    tracked = [i for i, tg in enumerate(choice.scenario.targets) if tg.tracked]
    if not tracked:
        return
    specs = current_view(choice).central.specs
    targets = choice.scenario.targets

    def target_label(i: int) -> str:
        tg = targets[i]
        return f"{specs[tg.indicator].label(language)} {describe(tg, language, year=True)}"

    levers = shown_levers(choice.scenario)
    # Keys carry the scenario as well as the language: a select box keeps its options per
    # key, and another scenario's targets must never show after a switch.
    scope = f"{choice.name}:{language}"
    target_picked, lever_picked = (f"goal_target_picked:{choice.name}",
                                   f"goal_lever_picked:{choice.name}")
    left, right, chance = st.columns([3, 3, 2])
    index = left.selectbox(t("goal_target", language), tracked, format_func=target_label,
                           index=tracked.index(ss[target_picked])
                           if ss.get(target_picked) in tracked else 0,
                           key=f"goal_target:{scope}")
    lever = right.selectbox(t("goal_lever", language), levers,
                            index=levers.index(ss[lever_picked])
                            if ss.get(lever_picked) in levers else 0,
                            format_func=lambda k: LEVERS[k].label(language),
                            key=f"goal_lever:{scope}")
    probability = chance.selectbox(
        t("goal_probability", language), GOAL_PROBABILITIES,
        index=GOAL_PROBABILITIES.index(ss.get("goal_probability_picked", 0.8)),
        format_func=lambda p: f"{p:.0%}", key=f"goal_probability:{language}")
    ss[target_picked], ss[lever_picked] = index, lever
    ss["goal_probability_picked"] = probability
    if not st.button(t("goal_run", language), key=f"goal_run:{choice.name}"):
        return
    # The verdict table's ensemble (same runs, same seed): the CLI's `takes --probability`
    # gives the same number.
    answer = what_it_takes(choice.scenario, targets[index], lever,
                           levers=choice.levers, parameters=choice.parameters,
                           runs=BAND_RUNS, seed=BAND_SEED, probability=probability)
    ss["goal_answer_shown"] = True
    spec = LEVERS[lever]
    shown_unit = unit(spec.unit, language)
    low, high = (f"{x:.4g} {shown_unit}" for x in (answer.low, answer.high))
    if answer.status == NOT_REACHABLE:
        st.warning(t("goal_never", language, low=low, high=high))
    elif answer.status == ALWAYS_REACHED:
        st.success(t("goal_always", language, low=low, high=high))
    else:
        word = "goal_at_least" if answer.increasing else "goal_at_most"
        st.success(t(word, language, lever=spec.label(language),
                     value=f"{answer.value:.2f} {shown_unit}", runs=BAND_RUNS,
                     probability=f"{probability:.0%}"))


def compare_section(choice: Choice, files: dict[str, Path], language: str) -> None:
    current = t("compare_current", language)
    options = [current, *files, *st.session_state.get("uploads", {})]
    # The current edits are stored as "" so the pick survives a language switch.
    stored = [o for o in ss.get("compare_picked", [""]) if o == "" or o in options]
    key = f"compare:{choice.name}:{language}"

    def at_most_three() -> None:
        # Our own limit and message: Streamlit's max_selections speaks English only.
        if len(ss[key] or []) > MAX_COMPARED:
            ss[key] = [current if o == "" else o for o in ss.get("compare_picked", [""])]
            ss["compare_message"] = True

    picked = st.pills(t("compare_pick", language), options, selection_mode="multi",
                      default=[current if o == "" else o for o in stored],
                      format_func=lambda o: o if o == current else _short_label(o, files,
                                                                               language),
                      key=key, on_change=at_most_three) or []
    if ss.pop("compare_message", False):
        st.caption(t("compare_too_many", language))
    ss["compare_picked"] = ["" if o == current else o for o in picked]
    columns: dict[str, pd.Series] = {}
    views: dict[str, View] = {}
    for label in picked:
        try:
            if label == current:
                shown = current_view(choice)
            else:
                key, scenario = load(label, files)
                shown = cache.view(key, scenario, _items(plan_levers(scenario)), ())
        except ScenarioError as error:
            st.error(plain_line(error_line(error, language)))
            continue
        views[label] = shown
        cells = {}
        for verdict in shown.verdicts:
            tg = verdict.target
            if not tg.tracked:
                continue  # listed under the verdict table, nothing to compare
            name = exports.target_name(tg, shown, language)
            row = f"{name} · {kind(tg.kind, language)} · {tg.year}"
            if verdict.value is None:
                cells[row] = t(verdict.verdict, language)
            else:
                chance = ("" if verdict.probability is None
                          else f", {probability_text(verdict.probability)}")
                cells[row] = (f"{verdict.value:.4g} "
                              f"({t(verdict.likelihood or verdict.verdict, language)}{chance})")
        columns[label] = pd.Series(cells)
    if columns:
        st.dataframe(pd.DataFrame(columns).fillna("—"), width="stretch")
    if len(views) < 2:
        return
    specs = next(iter(views.values())).central.specs
    options = list(dict.fromkeys(k for v in views.values() for k in v.central.indicators))
    indicator = st.selectbox(t("indicator", language), options,
                             index=options.index("rd_intensity") if "rd_intensity" in options
                             else 0, format_func=lambda k: specs[k].label(language),
                             key=f"compare_indicator:{choice.name}:{language}")
    figure = comparison_figure({k: (v.central, v.bands[indicator]) for k, v in views.items()
                                if indicator in v.bands}, indicator, language)
    st.image(figure_png(figure), width="stretch")


def _short_label(name: str, files: dict[str, Path], language: str) -> str:
    """A compared scenario: its region and file name (short enough for a pill)."""
    try:
        meta = load(name, files)[1].meta
    except (ScenarioError, KeyError):
        return name
    region = meta.region if language == "zh" else meta.region_en
    return f"{region} · {name}"


def save_section(choice: Choice, shown: View, language: str) -> None:
    plan = plan_levers(choice.scenario)
    changed = changed_levers(choice.scenario, choice.levers)
    name = safe_key(choice.scenario.meta.name)   # a file name from the file's own text
    today = dt.date.today()
    if not changed and not choice.parameters:
        st.caption(t("no_changes", language))
    # Files are built only when a button is pressed (callables), and pressing one does not
    # rerun the page: a slider move stays cheap.
    left, middle, verdicts_column, right = st.columns(4)
    left.download_button(
        t("download_toml", language),
        lambda: exports.variant_toml(choice.scenario, changed, choice.parameters, today),
        file_name=f"{name}-edited-{today:%Y%m%d}.toml", mime="application/toml",
        key="save_toml", on_click="ignore")
    middle.download_button(
        t("download_csv", language), lambda: exports.results_csv(shown, language),
        file_name=f"{name}-results.csv", mime="text/csv", key="save_csv", on_click="ignore")
    verdicts_column.download_button(
        t("download_verdicts_csv", language), lambda: exports.verdicts_csv(shown, language),
        file_name=f"{name}-verdicts.csv", mime="text/csv", key="save_verdicts_csv",
        on_click="ignore")
    names = {k: LEVERS[k].label(language) for k in choice.levers}
    right.download_button(
        t("download_xlsx", language),
        lambda: exports.results_xlsx(shown, language, choice.levers, plan, names,
                                     scenario=choice.scenario,
                                     digest=uploads.digest(uploads.store(), choice.name)
                                     if uploads.UploadStore.is_key(choice.name) else None),
        file_name=f"{name}-results.xlsx", key="save_xlsx", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    st.caption(t("share_link", language))
    priorities_view.report_button(choice, language)
