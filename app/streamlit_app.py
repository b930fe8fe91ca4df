"""innosim: the planner's screen. Run with ``make run`` (streamlit on localhost:8501).

Sidebar: language, scenario, levers, uncertain parameters. Main view: verdicts, charts,
what would it take, comparison, save and share, the model's structure. The lever values live
in the page address.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run app/streamlit_app.py` puts only app/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from app import data_view, main_view, review_view, sidebar, structure, uploads  # noqa: E402
from app.i18n import t  # noqa: E402
from app.messages import builtin_text_css, error_line  # noqa: E402
from app.state import read_address, scenario_files  # noqa: E402
from model.errors import ScenarioError  # noqa: E402
from model.untrusted import plain, plain_line  # noqa: E402

# The folder the picker lists; INNOSIM_SCENARIOS points elsewhere (e.g. a planner's own).
SCENARIOS = Path(os.environ.get("INNOSIM_SCENARIOS", ROOT / "scenarios"))

st.set_page_config(page_title="innosim", page_icon="📈", layout="wide")
ss = st.session_state


@st.cache_resource(show_spinner=False)
def imports_frozen() -> bool:
    """Once per server: exempt what the imports made from garbage collection. Streamlit
    collects garbage after every rerun (``runner.postScriptGC``), and walking the 230,000
    objects of pandas, altair, matplotlib and the model took about 100 ms of every slider
    move; objects made later (views, sessions) are still collected."""
    gc.freeze()
    return True


imports_frozen()

if "address_read" not in ss:
    # First run of this browser session: the page address says what to show.
    address = read_address(st.query_params.to_dict())
    ss["address_read"] = True
    ss["lang"] = address.language
    ss["pending_address"] = address
    ss["address_problems"] = list(address.problems)
    if address.scenario:
        ss["scenario_name"] = address.scenario

# First on the page, so no rerun shows Streamlit's English while the rest is redrawn.
st.html(builtin_text_css(ss.get("lang", "zh")))

files = scenario_files(SCENARIOS)
wanted = ss.get("scenario_name")
if wanted is not None and wanted not in files and wanted not in ss.get("uploads", {}) and (
        uploads.store().path(wanted) is not None):
    # A link to an upload kept on this server (app/uploads.py): list it again.
    ss.setdefault("uploads", {})[wanted] = wanted.rpartition("/")[2]
if wanted is not None and uploads.UploadStore.is_key(wanted) and (
        wanted not in ss.get("uploads", {})):
    ss.setdefault("address_problems", []).append(ScenarioError(
        "URL", "scenario", f"the upload {wanted.rpartition('/')[2]!r} is no longer kept on "
        "this server", "the file uploaded again"))
    ss["scenario_name"] = next(iter(files))
elif ss.get("scenario_name") is not None and ss["scenario_name"] not in files and (
        ss["scenario_name"] not in ss.get("uploads", {})):
    ss.setdefault("address_problems", []).append(ScenarioError(
        "URL", "scenario", f"no scenario {ss['scenario_name']!r}",
        f"one of {', '.join(files)}"))
    ss["scenario_name"] = next(iter(files))

try:
    setup = sidebar.render(files)
except ScenarioError as error:
    # A scenario file in the folder is broken: say so in one line, fall back to another.
    st.error(plain_line(error_line(error, ss.get("lang", "zh"))))
    st.stop()
language = ss["lang"]
# The sliders before any run of the model: a lever value the model refuses can be moved back.
sidebar.lever_sliders(setup, language)

# Shown once: the address is rewritten below without the bad values. Every line from a
# file, an upload or the address is shown as text (plain_line), never as Markdown.
problems = ss.pop("address_problems", [])
ss["errors_shown"] = bool(problems)   # then a lever move reruns the whole page (sidebar.py)
for problem in problems:
    st.error(plain_line(error_line(problem, language)))

st.title(t("title", language))
meta = setup.scenario.meta
st.caption(f"{plain(meta.region if language == 'zh' else meta.region_en)} · "
           f"{plain(meta.plan if language == 'zh' else (meta.plan_en or meta.plan))} · "
           f"{meta.start}–{meta.end}")
data_view.plausibility_warnings(setup.scenario, language)

try:
    # The levers' view, computed (and cached) before anything else is drawn: a scenario the
    # model cannot run shows its one line and nothing else. The fragment below reuses it.
    view = main_view.current_view(setup.choice(sidebar.current_levers(setup.scenario)))
except ScenarioError as error:
    st.error(plain_line(error_line(error, language)))
    st.stop()
except (ValueError, ArithmeticError) as error:  # InputError: a value the model refuses
    st.error(plain_line(f"{setup.name}: {error}"))
    st.stop()

# The headings and the charts' picker do not move with the levers: drawn here, once per
# full run, around the two boxes the view fragment (main_view.planner) draws into.
main_view.verdict_heading(setup.scenario, language)
verdict_box = st.container()
picked = main_view.chart_picker(setup, view, language)
chart_box = st.container()
# Lazy tabs: only the open tab is drawn (switching tabs reruns the page). Its content is
# not sent on every slider move, and the browser does not redraw it. The open tab is kept
# across a language switch (each language has its own tab labels, so its own widget).
labels = [t(k, language) for k in main_view.TABS]
tabs = dict(zip(main_view.TABS, st.tabs(
    labels, key=f"tabs:{language}", on_change="rerun",
    default=labels[min(ss.get("tab_open", 0), len(labels) - 1)]), strict=True))
opened = next((k for k, tab in tabs.items() if tab.open), main_view.TABS[0])
ss["tab_open"] = main_view.TABS.index(opened)
# What does not depend on the levers is drawn here, once per full run; a lever move reruns
# only main_view.planner (a fragment: the verdicts, the charts and the open tab if it reads
# the levers), and a slider's fragment only when the slider must change (app/sidebar.py).
ss["goal_answer_shown"] = False   # set again when the goal seek below shows an answer
if opened == "goalseek":
    with tabs["goalseek"]:
        main_view.goalseek_section(setup, language)
elif opened == "review":
    with tabs["review"]:
        review_view.review_section(setup, language)
elif opened == "data":
    with tabs["data"]:
        data_view.data_section(setup, files, language)
elif opened == "structure":
    with tabs["structure"]:
        structure.structure_section(language)
main_view.planner(setup, files, language, verdict_box, chart_box, picked, tabs[opened],
                  opened)
