"""The sidebar: language, scenario picker and upload, one slider per lever, parameters."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from model.catalogue import ALLOCATION_SHARES, LEVERS, PARAMETERS, shares_sum_off
from model.errors import ScenarioError
from model.levers import lever_range, plan_levers, set_lever
from model.scenario import Scenario
from model.simulate import evaluate
from model.untrusted import one_line, plain_line

from . import cache, uploads
from .i18n import LANGUAGES, t, unit
from .messages import error_line
from .state import URL, check_in_range

ss = st.session_state
# The page's fragments: what reads the levers (app/main_view.py), the allocation shares'
# sliders, and each other lever's slider (:func:`fragment_key`).
VIEW_FRAGMENT = "view"
SHARES_FRAGMENT = "shares"
GOAL_FRAGMENT = "goal"   # "what would it take?" (app/main_view.py)


@dataclass
class Choice:
    """What the sidebar decided: the scenario, its cache key, levers and edited parameters."""

    name: str
    key: str
    scenario: Scenario
    levers: dict[str, float]
    parameters: dict[str, float]   # only the edited ones


def slider_step(low: float, high: float) -> float:
    """About 500-1000 steps over the range, a round number (0.1 for 0-100 %)."""
    span = high - low
    return 10.0 ** math.floor(math.log10(span)) / 100.0 if span > 0 else 1.0


def shown_levers(scenario: Scenario) -> list[str]:
    """Levers that act under the scenario's fiscal rule."""
    unused = "fiscal_st_budget_share" if scenario.meta.fiscal_rule == "growth" else (
        "fiscal_st_growth")
    return [k for k in LEVERS if k != unused]


def tunable_parameters(scenario: Scenario) -> list[str]:
    """Parameters with a range (the uncertain ones)."""
    return list(parameter_ranges(scenario))


def parameter_ranges(scenario: Scenario) -> dict[str, tuple[float, float]]:
    """Each parameter with a range (the uncertain ones): its range."""
    return {k: bounds for k in PARAMETERS
            if (bounds := scenario.input_entry(k)[1]) is not None}


def _on_upload() -> None:
    """Keep the uploaded files (a variant with its parent: several at once) in the server's
    upload store, check that each loads and runs, and pick the one no other extends."""
    uploaded = ss.get("upload") or []
    if not isinstance(uploaded, list):
        uploaded = [uploaded]
    # The uploader keeps every file dropped on it: only the new ones are this upload (a
    # broken file dropped earlier must not block the next one).
    seen = ss.setdefault("upload_seen", set())
    new = [f for f in uploaded if f.file_id not in seen]
    seen.update(f.file_id for f in uploaded)
    if not new:
        return
    files = [(f.name, f.getvalue()) for f in new]
    store = uploads.store()
    # A variant may extend a file uploaded earlier in this session, or a shipped one.
    earlier = [p.parent for p in (store.path(k) for k in ss.get("uploads", {})) if p]
    try:
        keys = store.keep(files, ss.get("scenario_folder"), earlier)
        scenarios = {key: load(key, {})[1] for key in keys}
        for key, scenario in scenarios.items():
            trial_run(scenario, key.rpartition("/")[2])
    except ScenarioError as error:
        ss["upload_error"] = error   # previous scenario and moved levers stay
        return
    ss["upload_error"] = None
    parents = {p for s in scenarios.values() for p in s.extends}
    leaves = [k for k in keys if k.rpartition("/")[2] not in parents] or keys
    for key in keys:
        ss.setdefault("uploads", {})[key] = key.rpartition("/")[2]
    ss["scenario_name"] = leaves[0]


def share_grid(scenario: Scenario) -> float:
    """The grid the rescaled shares land on: the finest of the share sliders' steps."""
    return min(slider_step(*lever_range(scenario, k)) for k in ALLOCATION_SHARES)


def trial_run(scenario: Scenario, shown: str) -> None:
    """One deterministic run of a new scenario before it replaces the loaded one: a file
    that loads but cannot run (a pole, an overflow, a value the model refuses) is refused
    here, in one line, instead of on the page after the planner's levers were reset."""
    try:
        with np.errstate(all="ignore"):
            results = evaluate(scenario)
    except ScenarioError:
        raise
    except (ValueError, ArithmeticError) as error:  # InputError is a ValueError
        raise ScenarioError(shown, "", f"does not run: {one_line(str(error))}",
                            "values the model can run with") from None
    bad = [k for i, k in enumerate(results.indicators)
           if not np.isfinite(results.values[i, 1:, 0]).all()]
    if bad:
        raise ScenarioError(shown, "", f"runs to values that are not finite: "
                            f"{', '.join(bad[:5])}", "baseline values and parameters that "
                            "fit together")


def _on_share_change(key: str, grid: float) -> None:
    """Rescale the other shares so the five still sum to 100 % (no silent clamp).

    The moved slider's own state is never written here: writing it sends a value back to the
    browser while the planner's next key presses are arriving, and those presses get lost.
    A value written to another share comes back from the browser as if that share had been
    moved (more so when quick key presses interrupt reruns): such an echo is ignored, or it
    would rescale the share the planner is moving.
    """
    current = {k: float(ss[f"lever:{k}"]) for k in ALLOCATION_SHARES}
    written = ss.setdefault("share_written", {})
    if written.get(key) == current[key]:
        return
    written.pop(key, None)
    previous = ss.get("levers_store", {})
    before = {k: previous.get(k, current[k]) for k in ALLOCATION_SHARES}
    before[key] = current[key]
    try:
        updated = set_lever({**before}, key, current[key], grid=grid)
    except ValueError:
        ss["share_message"] = "share_error"
        ss[f"lever:{key}"] = previous.get(key, current[key])
        return
    for other in ALLOCATION_SHARES:
        if other != key and updated[other] != current[other]:
            ss[f"lever:{other}"] = written[other] = updated[other]
    ss["share_message"] = "share_rescaled"


def _on_lever_change(key: str, grid: float) -> None:
    """A lever moved: rerun what reads the levers (the page's view fragment, which also
    draws the ◆ marks: :func:`moved_marks`), and the sliders themselves only when one must be
    drawn anew (the rescaled shares). A slider the browser already shows at its new value is
    not sent again.
    """
    redraw = key in ALLOCATION_SHARES
    before = ss.get("levers_store", {}).get(key)
    if before is not None:   # which way it moved: the step computed ahead first
        ss["lever_moved"] = (key, 1.0 if float(ss[f"lever:{key}"]) >= before else -1.0)
    if redraw:
        _on_share_change(key, grid)
    if ss.pop("errors_shown", False):
        st.rerun()   # the whole page: the errors shown once (a bad link) go
    # An answer of "what would it take?" was for the levers before the move: it goes.
    stale = [GOAL_FRAGMENT] if ss.get("goal_answer_shown") else []
    st.rerun([*([fragment_key(key)] if redraw else []), VIEW_FRAGMENT, *stale])


def _on_pick(files: dict[str, Path], picker: str) -> None:
    """A picked file that does not load leaves the previous scenario loaded, and says why."""
    name = ss["scenario_name"] = ss[picker]
    try:
        load(name, files)
    except ScenarioError as error:
        ss["pick_error"] = error
        ss["scenario_name"] = ss.get("loaded") or next(iter(files))
        return
    ss["pick_error"] = None


def _reset_to_plan(plan: dict[str, float], parameters: dict[str, float]) -> None:
    for key, value in plan.items():
        ss[f"lever:{key}"] = value
    for key, value in parameters.items():
        ss[f"param:{key}"] = value
    ss["parameters_store"] = dict(parameters)
    ss["share_message"] = None


def _scenario_options(files: dict[str, Path]) -> list[str]:
    return [*files, *ss.get("uploads", {})]


def scenario_label(name: str, files: dict[str, Path], language: str, size: int = 26) -> str:
    """A scenario as the picker lists it: region and plan in ``language``, the file name as
    a hint (a file that does not load is listed by its name)."""
    try:
        scenario = load(name, files)[1]
    except (ScenarioError, KeyError):
        return name
    meta = scenario.meta
    region = meta.region if language == "zh" else meta.region_en or meta.region
    plan = meta.plan if language == "zh" else meta.plan_en or meta.plan
    plan = plan if len(plan) <= size else plan[:size - 1] + "…"
    variant = f" · {t('variant', language)}" if scenario.extends and (
        language == "zh" or "variant" not in plan) else ""
    file = name.rpartition("/")[2]   # an upload's key is upload-<hash>/<file name>
    if uploads.UploadStore.is_key(name):
        # Numbered from its content hash: a widget tells its options apart by their labels,
        # and an upload may share its file name (and plan) with a folder file or another
        # upload. (From the key alone: a label must not depend on the session's state.)
        number = int(name[len(uploads.PREFIX):][:uploads.HASH_CHARS], 16) % 10_000
        file = t("uploaded_as", language, number=f"{number:04d}", file=file)
    hint = f"（{file}）" if language == "zh" else f" ({file})"
    return f"{region} · {plan}{variant}{hint}"


def load(name: str, files: dict[str, Path]) -> tuple[str, Scenario]:
    """(cache key, scenario) for a file name or an upload key (``upload-<hash>/<name>``)."""
    stamp = cache.folder_stamp(files)
    if name in files:
        key = cache.file_key(files[name], stamp)
        return key, cache.scenario_from_file(key, str(files[name]))
    if uploads.UploadStore.is_key(name):
        # The key holds the content hash, and the bundle its parents: always the same scenario.
        return f"upload:{name}", cache.scenario_from_store(name, str(uploads.store().folder))
    raise KeyError(name)


def _fill_widgets(scenario: Scenario, name: str) -> None:
    """Put the scenario's values (or the address's, on first load) into the widgets."""
    pending = ss.pop("pending_address", None)
    plan = plan_levers(scenario)
    levers = dict(plan)
    parameters = {k: scenario.input_value(k) for k in tunable_parameters(scenario)}
    if pending is not None and pending.scenario in (None, name):
        acting = shown_levers(scenario)
        for key, value in pending.levers.items():
            if key not in acting:
                ss.setdefault("address_problems", []).append(ScenarioError(
                    URL, key, f"does not act under the {scenario.meta.fiscal_rule} rule of "
                    "this scenario; not applied", f"one of {', '.join(acting)}"))
                continue
            problem = check_in_range(key, value, *lever_range(scenario, key))
            if problem:
                ss.setdefault("address_problems", []).append(problem)
                continue
            levers = set_lever(levers, key, value) if key not in ALLOCATION_SHARES else {
                **levers, key: value}
        ranges = parameter_ranges(scenario)
        for key, value in pending.parameters.items():
            if key not in parameters:
                ss.setdefault("address_problems", []).append(ScenarioError(
                    URL, f"p.{key}", "has no range in this scenario, so it cannot be edited; "
                    "not applied", "p.<a parameter with a range>"))
                continue
            low, high = ranges[key]
            problem = check_in_range(f"p.{key}", value, low, high)
            if problem:
                ss.setdefault("address_problems", []).append(problem)
                continue
            parameters[key] = value
        total = sum(levers[k] for k in ALLOCATION_SHARES)
        if shares_sum_off(total):
            ss.setdefault("address_problems", []).append(ScenarioError(
                URL, "/".join(ALLOCATION_SHARES), f"allocation shares sum to {total:g} %; "
                "the plan's shares are shown", "shares summing to 100 %"))
            levers.update({k: plan[k] for k in ALLOCATION_SHARES})
    for key, value in levers.items():
        ss[f"lever:{key}"] = float(value)
    for key, value in parameters.items():
        ss[f"param:{key}"] = float(value)
    ss["parameters_store"] = {k: float(v) for k, v in parameters.items()}
    ss["loaded"] = name
    ss["levers_store"] = levers


@dataclass
class Setup:
    """What the sidebar decided before the levers: the scenario, its cache key, the edited
    parameters, and the place in the sidebar where the lever sliders go
    (:func:`lever_sliders`, drawn by the page's fragment so a lever move reruns only what
    depends on the levers)."""

    name: str
    key: str
    scenario: Scenario
    parameters: dict[str, float]   # only the edited ones
    levers_box: DeltaGenerator

    def choice(self, levers: dict[str, float]) -> Choice:
        return Choice(self.name, self.key, self.scenario, levers, self.parameters)


def current_levers(scenario: Scenario) -> dict[str, float]:
    """The lever values the sliders hold now (the plan's for a lever not shown)."""
    levers = plan_levers(scenario)
    levers.update({k: float(ss[f"lever:{k}"]) for k in shown_levers(scenario)})
    return levers


def render(files: dict[str, Path]) -> Setup:
    """Draw the sidebar but the lever sliders (:func:`lever_sliders` draws them into
    ``levers_box``) and return what it chose."""
    bar = st.sidebar
    ss["folder_names"] = tuple(files)
    ss["scenario_folder"] = next(iter(files.values())).parent if files else None
    language = bar.radio(t("language", ss.get("lang", "zh")), list(LANGUAGES),
                         format_func=LANGUAGES.get, key="lang", horizontal=True)
    options = _scenario_options(files)
    if ss.get("scenario_name") not in options:
        ss["scenario_name"] = options[0]
    # The picker's labels are in the page's language and a select box keeps its labels per
    # key: one widget per language ("picker:zh"), the choice itself in "scenario_name".
    picker = f"picker:{language}"
    if ss.get(picker) != ss["scenario_name"]:   # written only on a change: no echo
        ss[picker] = ss["scenario_name"]
    bar.selectbox(t("scenario", language), options, key=picker, on_change=_on_pick,
                  args=(files, picker), format_func=lambda n: scenario_label(n, files, language))
    name = ss["scenario_name"]
    if ss.get("pick_error"):
        bar.error(plain_line(error_line(ss["pick_error"], language)))
    bar.file_uploader(t("upload", language), type=None, key="upload", on_change=_on_upload,
                      help=t("upload_help", language), accept_multiple_files=True)
    if ss.get("upload_error"):
        bar.error(plain_line(error_line(ss["upload_error"], language)))
    scenario_key, scenario = load(name, files)
    if ss.get("loaded") != name:
        _fill_widgets(scenario, name)
    plan = plan_levers(scenario)
    parameter_plan = {k: scenario.input_value(k) for k in tunable_parameters(scenario)}

    bar.subheader(t("levers", language))
    # The reset button reruns the whole page: it resets the parameters too.
    bar.button(t("reset", language), on_click=_reset_to_plan, args=(plan, parameter_plan))
    levers_box = bar.container()

    # The uncertain parameters' sliders are drawn only while their expander is open (dozens
    # of sliders the browser would otherwise redraw on every move); their values live in
    # "parameters_store", so a closed expander forgets nothing.
    store = ss.setdefault("parameters_store", dict(parameter_plan))
    expander = bar.expander(t("parameters", language), key="parameters_open",
                            on_change="rerun")
    if expander.open:
        with expander:
            st.caption(t("parameters_help", language))
            for key, (low, high) in parameter_ranges(scenario).items():
                spec = PARAMETERS[key]
                shown_unit = unit(spec.unit, language)
                if f"param:{key}" not in ss:   # dropped by Streamlit while not drawn
                    ss[f"param:{key}"] = store.get(key, parameter_plan[key])
                store[key] = float(st.slider(
                    spec.label(language) + (f" ({shown_unit})" if shown_unit else ""),
                    min_value=float(low), max_value=float(high),
                    step=slider_step(low, high), key=f"param:{key}",
                    help=f"{t('plan_value', language)}: {parameter_plan[key]:g} {shown_unit}"))
    parameters = {k: v for k, v in store.items()
                  if k in parameter_plan and abs(v - parameter_plan[k]) > 1e-9}
    return Setup(name, scenario_key, scenario, parameters, levers_box)


def lever_sliders(setup: Setup, language: str) -> None:
    """One slider per lever, into the sidebar's place for them. Each lever (the five
    allocation shares together) is a fragment of its own: a lever's callback
    (:func:`_on_lever_change`) redraws only the slider that must change."""
    scenario = setup.scenario
    levers = shown_levers(scenario)
    groups: list[tuple[str, ...]] = []
    for lever in levers:
        if lever not in ALLOCATION_SHARES:
            groups.append((lever,))
        elif not groups or groups[-1][0] not in ALLOCATION_SHARES:
            groups.append(tuple(k for k in levers if k in ALLOCATION_SHARES))
    for group in groups:
        st.fragment(_slider_group, key=fragment_key(group[0]))(setup, group, language)
    ss["levers_store"] = current_levers(scenario)


def next_steps(scenario: Scenario, levers: dict[str, float], lever: str, direction: float
               ) -> list[dict[str, float]]:
    """The levers one arrow-key step of ``lever``'s slider away, ``direction`` first then
    the other way, as the page would hold them (the other shares rescaled on the grid);
    none beyond the slider's range or refused by :func:`model.levers.set_lever`."""
    low, high = lever_range(scenario, lever)
    step = slider_step(low, high)
    grid = share_grid(scenario) if lever in ALLOCATION_SHARES else None
    found = []
    for sign in (direction, -direction):
        # The slider snaps to its step grid from its lower end, in decimals.
        value = round(low + round((levers[lever] + sign * step - low) / step) * step, 9)
        if not low <= value <= high:
            continue
        try:
            found.append(set_lever(levers, lever, value, grid=grid))
        except ValueError:
            continue
    return found


def moved_marks(scenario: Scenario, levers: dict[str, float]) -> str:
    """A style sheet that puts ◆ before the label of each lever slider moved off the plan
    (Streamlit gives a keyed widget's box the class ``st-key-<key>``, ``:`` as ``-``)."""
    plan = plan_levers(scenario)
    rules = [f".st-key-lever-{k} [data-testid='stWidgetLabel'] p:first-child::before"
             for k in shown_levers(scenario) if abs(levers[k] - plan[k]) > 1e-9]
    return f"<style>{','.join(rules)}{{content:'◆ '}}</style>" if rules else ""


def fragment_key(lever: str) -> str:
    """The fragment a lever's slider is drawn in (the shares share one)."""
    return SHARES_FRAGMENT if lever in ALLOCATION_SHARES else f"lever-{lever}"


def _slider_group(setup: Setup, group: tuple[str, ...], language: str) -> None:
    scenario = setup.scenario
    plan = plan_levers(scenario)
    bar = setup.levers_box
    if group[0] in ALLOCATION_SHARES and ss.get("share_message"):
        bar.caption(t(ss["share_message"], language))
    grid = share_grid(scenario)
    for lever in group:
        spec = LEVERS[lever]
        low, high = lever_range(scenario, lever)
        shown_unit = unit(spec.unit, language)
        label = f"{spec.label(language)}" + (f" ({shown_unit})" if shown_unit else "")
        # The plan's value in the label, not in a caption and a tooltip of its own: every
        # element of the page is redrawn by the browser several times a slider move. The ◆
        # of a moved lever is drawn by the page's style sheet (:func:`moved_marks`), so the
        # label never changes and the slider is not sent again when the mark comes or goes.
        bar.slider(
            f"{label} · ▲ {t('plan_value', language)} {plan[lever]:g}",
            min_value=low, max_value=high, step=slider_step(low, high),
            key=f"lever:{lever}", on_change=_on_lever_change, args=(lever, grid))
