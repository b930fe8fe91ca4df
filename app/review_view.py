"""The review tab: where the plan stands now (model/review.py).

Per target: the plan's pace, the actual path, the re-forecast from the latest actuals with
its band and likelihood, on track / behind / ahead, the pace now required against the pace
achieved; what it would take from the restart year (on demand, one lever); for an ended plan
the ex-post table. The plan as written is reviewed (its own levers), not the sliders' variant.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.catalogue import INDICATORS, LEVERS
from model.goalseek import ALWAYS_REACHED, NOT_REACHABLE
from model.levers import plan_levers
from model.review import Review, TargetReview, review
from model.scenario import Scenario
from model.targets import describe, probability_text
from model.untrusted import plain, safe_cells

from .compute import BAND_RUNS, BAND_SEED
from .i18n import t, unit, verdict_label
from .sidebar import Setup


@st.cache_resource(max_entries=16, show_spinner=False)
def cached_review(scenario_key: str, _scenario: Scenario, lever: str | None) -> Review:
    return review(_scenario, runs=BAND_RUNS, seed=BAND_SEED, lever=lever)


def _number(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}g}"


def _path(row: TargetReview, language: str) -> str:
    base = row.pace.base_year if row.pace else 0
    shown = [f"{y}: {v:g}" for y, v in sorted(row.actual_path.items()) if y > base]
    return "; ".join(shown) if shown else t("review_no_actual", language)


def mid_term_table(result: Review, language: str) -> pd.DataFrame:
    rows = []
    for row in result.rows:
        if not row.target.tracked:
            continue
        p, spec = row.pace, INDICATORS[row.target.indicator]
        pace_unit = unit(p.unit, language) if p else ""
        band = row.band
        rows.append({
            t("indicator", language): spec.label(language),
            t("target", language): describe(row.target, language, year=True),
            t("review_plan_pace", language): f"{_number(p.plan if p else None)} {pace_unit}",
            t("review_actual_path", language): _path(row, language),
            t("review_achieved", language): _number(p.achieved if p else None),
            t("review_required", language): _number(p.required if p else None),
            t("review_status", language): t(f"status_{(p.status if p else 'no actual')}"
                                            .replace(" ", "_"), language),
            t("review_forecast", language): (f"{_number(band[0.5])} "
                                             f"[{_number(band[0.05])}–{_number(band[0.95])}]"),
            t("review_p_before", language): probability_text(row.ex_ante.probability),
            t("review_p_now", language): probability_text(row.restarted.probability),
            t("review_likelihood", language): verdict_label(row.restarted.likelihood, language),
        })
    return pd.DataFrame(rows)


def ex_post_table(result: Review, language: str) -> pd.DataFrame:
    rows = []
    for row in result.rows:
        if not row.target.tracked:
            continue
        rows.append({
            t("indicator", language): INDICATORS[row.target.indicator].label(language),
            t("target", language): describe(row.target, language, year=True),
            t("review_ex_ante", language): f"{_number(row.ex_ante.value)} "
                                           f"{verdict_label(row.ex_ante.likelihood, language)}",
            t("review_restarted", language): f"{_number(row.restarted.value)} "
                                             f"{verdict_label(row.restarted.likelihood, language)}",
            t("review_outcome", language): (_number(row.outcome) if row.outcome is not None
                                            else t("review_no_actual", language)),
            t("review_ex_ante_call", language): t(f"call_{row.ex_ante_call}".replace(" ", "_"),
                                                  language),
            t("review_restarted_call", language): t(
                f"call_{row.restarted_call}".replace(" ", "_"), language),
        })
    return pd.DataFrame(rows)


def review_section(choice: Setup, language: str) -> None:
    scenario = choice.scenario
    result = cached_review(choice.key, scenario, None)
    meta = scenario.meta
    if result.year is None:
        st.info(t("review_none", language, start=meta.start, year=meta.target_year))
    else:
        st.caption(t("review_restart", language, year=result.year, runs=result.runs,
                     imposed=", ".join(INDICATORS[k].label(language)
                                       for k in result.restart.imposed) or "–"))
    st.table(safe_cells(mid_term_table(result, language), plain).style.hide(axis="index"))
    st.caption(t("review_pace_note", language))
    levers = list(plan_levers(scenario))
    lever = st.selectbox(t("goal_lever", language), levers,
                         format_func=lambda k: LEVERS[k].label(language),
                         key=f"review_lever:{choice.name}:{language}")
    if st.button(t("review_takes", language), key=f"review_takes:{choice.name}"):
        with st.spinner(t("review_working", language)):
            seeks = cached_review(choice.key, scenario, lever)
        start = (seeks.year if seeks.year is not None else meta.start) + 1
        st.markdown(t("review_takes_from", language, year=start))
        spec = LEVERS[lever]
        for row in seeks.rows:
            if row.goal_seek is None:
                continue
            seek, goal = row.goal_seek, (f"{INDICATORS[row.target.indicator].label(language)} "
                                         f"{describe(row.target, language, year=True)}")
            shown_unit = unit(spec.unit, language)
            if seek.status == NOT_REACHABLE:
                st.write(f"{goal}: " + t("review_never", language))
            elif seek.status == ALWAYS_REACHED:
                st.write(f"{goal}: " + t("review_always", language))
            else:
                word = "review_at_least" if seek.increasing else "review_at_most"
                st.write(f"{goal}: " + t(word, language, lever=spec.label(language),
                                         value=f"{seek.value:.3g} {shown_unit}"))
    if result.ended or result.withheld_after is not None:
        st.subheader(t("review_ex_post", language, year=meta.target_year))
        if result.withheld_after is not None:
            st.info(t("review_withheld", language, year=result.withheld_after))
        st.table(safe_cells(ex_post_table(result, language), plain).style.hide(axis="index"))
