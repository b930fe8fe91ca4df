"""Beside the verdicts: which assumed number to collect first, and the Word report.

Both call the model's public functions (:func:`model.priorities.priorities`,
:mod:`model.report`) with the command line's defaults (Sobol N and seed; 500 runs, seed 1 for
the report), so ``innosim priorities`` and ``innosim report`` give the same figures for the
same plan. The analysis takes a few seconds: it runs on a button press and is cached.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.errors import InputError
from model.levers import changed_levers
from model.priorities import DEFAULT_N, DEFAULT_SEED, Priorities, definition, priorities, sentence
from model.provenance import MODEL_DEFAULT
from model.report import DEFAULT_RUNS, gather, report_bytes
from model.scenario import Scenario
from model.untrusted import plain, plain_line, safe_cells, safe_key

from .i18n import t, unit
from .sidebar import Choice

LeverItems = tuple[tuple[str, float], ...]
N_CHOICES = (256, DEFAULT_N, 4096)
ss = st.session_state


def _items(values: dict[str, float]) -> LeverItems:
    return tuple(sorted((k, round(float(v), 9)) for k, v in values.items()))


@st.cache_data(max_entries=16, show_spinner=False)
def ranked(scenario_key: str, _scenario: Scenario, levers: LeverItems, parameters: LeverItems,
           n: int, seed: int) -> Priorities:
    """The priorities for these lever edits and edited parameters (held, not ranked)."""
    policy = changed_levers(_scenario, dict(levers))
    return priorities(_scenario, n, seed, levers=policy, fixed=dict(parameters))


def _stored_key(choice: Choice, n: int) -> str:
    return f"priorities:{choice.key}:{_items(choice.levers)}:{_items(choice.parameters)}:{n}"


def priorities_section(choice: Choice, language: str) -> None:
    """The panel under the verdict table: a button, then the headline and the ranking."""
    # Lazy: its widgets are drawn (and sent on a slider move) only while it is open; the
    # panel stays open across reruns by its own state ("priorities_open").
    panel = st.expander(t("priorities", language), key="priorities_open", on_change="rerun")
    if not panel.open:
        return
    with panel:
        st.caption(t("priorities_help", language))
        n = st.selectbox(t("priorities_n", language), N_CHOICES,
                         index=N_CHOICES.index(ss.get("priorities_n_picked", DEFAULT_N)),
                         format_func=lambda v: f"N = {v:,}", key=f"priorities_n:{language}")
        ss["priorities_n_picked"] = n
        stored = _stored_key(choice, n)
        if st.button(t("priorities_run", language), key=f"priorities_run:{choice.name}"):
            with st.spinner(t("priorities_running", language)):
                try:
                    ss[stored] = ranked(choice.key, choice.scenario, _items(choice.levers),
                                        _items(choice.parameters), n, DEFAULT_SEED)
                except InputError as error:
                    st.warning(plain_line(f"{choice.name}: {error}"))
                    return
        result = ss.get(stored)
        if result is None:
            return
        st.markdown(f"**{plain(sentence(result, language))}**")
        st.table(safe_cells(ranking_table(result, language), plain).style.hide(axis="index")
                 .format({t("prio_score", language): "{:.0%}"}))
        st.table(safe_cells(target_table(result, language), plain).style.hide(axis="index")
                 .format({t("prio_p", language): "{:.0%}",
                          t("prio_carried", language, top=result.top): "{:.0%}"}))
        st.caption(plain(definition(result, language)))
        for warning in result.warnings:
            st.caption(plain_line(warning))


def ranking_table(result: Priorities, language: str, shown: int = 8) -> pd.DataFrame:
    """The assumed numbers, highest share first; the chosen ones marked ★."""
    rows = []
    for rank, r in enumerate(result.ranking[:max(shown, result.top)], start=1):
        rows.append({
            t("prio_rank", language): ("★ " if rank <= result.top else "") + str(rank),
            t("prio_name", language): r.name(language),
            t("prio_value", language): f"{r.value:g}",
            t("prio_range", language): f"{r.low:g}–{r.high:g}",
            t("unit", language): unit(r.unit, language),
            t("prio_set_in", language): t("model_default", language)
            if r.origin == MODEL_DEFAULT else r.origin,
            t("prio_score", language): r.score,
        })
    return pd.DataFrame(rows)


def target_table(result: Priorities, language: str) -> pd.DataFrame:
    """Per target: how often it is reached when only the assumptions vary, what the chosen
    numbers carry of its margin's variance, and its own leading assumptions."""
    from model.priorities import input_spec

    return pd.DataFrame([{
        t("prio_target", language): share.name(language),
        t("prio_p", language): share.probability,
        t("prio_carried", language, top=result.top): share.carried,
        t("prio_leading", language): "; ".join(
            f"{input_spec(k).label(language)} {v:.2f}" for k, v in share.top),
    } for share in result.targets])


def report_button(choice: Choice, language: str) -> None:
    """The Word report of what is on the screen (the lever and parameter edits included),
    built only when the button is pressed."""

    def build() -> bytes:
        levers, parameters = _items(choice.levers), _items(choice.parameters)
        cached = ranked(choice.key, choice.scenario, levers, parameters, DEFAULT_N,
                        DEFAULT_SEED) if _rankable(choice) else None
        content = gather(choice.scenario, language, DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_N,
                         levers=choice.levers, parameters=choice.parameters, ranked=cached)
        return report_bytes(content)

    st.download_button(
        t("download_report", language), build,
        file_name=f"{safe_key(choice.scenario.meta.name)}-report-{language}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key=f"report:{language}", on_click="ignore", help=t("report_help", language,
                                                             runs=DEFAULT_RUNS,
                                                             seed=DEFAULT_SEED))


def _rankable(choice: Choice) -> bool:
    from model.provenance import assumed_inputs

    return len([k for k in assumed_inputs(choice.scenario) if k not in choice.parameters]) >= 2
