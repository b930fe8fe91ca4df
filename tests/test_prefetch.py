"""Views computed ahead (app/prefetch.py): after a lever move the next arrow-key step either
way is computed in the background, and the page takes it instead of computing it again."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app.compute import compute_view
from app.prefetch import Prefetcher
from app.sidebar import next_steps, slider_step
from model.levers import lever_range, plan_levers, set_lever
from model.targets import probability_text

from .page_tables import html_tables

APP = str(Path(__file__).resolve().parents[1] / "app" / "streamlit_app.py")


def test_a_view_computed_ahead_is_taken_once():
    ahead = Prefetcher()
    ahead.ahead([("k", lambda: "view")])
    assert ahead.waiting() == ["k"]
    assert ahead.take("k") == "view"
    assert ahead.take("k") is None and ahead.waiting() == []   # taken: gone
    assert ahead.take("never asked") is None


def test_taking_a_view_being_computed_waits_for_it_and_does_not_compute_it_again():
    started, release, calls = threading.Event(), threading.Event(), []

    def slow() -> str:
        calls.append(1)
        started.set()
        release.wait(5)
        return "view"

    ahead = Prefetcher()
    ahead.ahead([("k", slow)])
    ahead.ahead([("k", slow)])   # asked twice: computed once
    assert started.wait(5)
    threading.Timer(0.05, release.set).start()
    assert ahead.take("k") == "view" and calls == [1]


def test_a_view_not_started_is_not_waited_for_behind_another():
    """The planner turned back: the step the other way is still queued behind the first;
    the page computes it at once rather than wait for both."""
    gate, calls = threading.Event(), []
    ahead = Prefetcher()
    ahead.ahead([("right", lambda: gate.wait(5) and "right"),
                 ("left", lambda: calls.append(1) or "left")])
    assert ahead.take("left") is None
    gate.set()
    assert ahead.take("right") == "right" and calls == []   # cancelled, never computed


def test_a_new_move_drops_what_earlier_moves_asked_for_and_has_not_started():
    """A held arrow key: the steps of values already passed are not computed."""
    gate, computed = threading.Event(), []
    ahead = Prefetcher()
    ahead.ahead([("v1+", lambda: gate.wait(5) and "v1+"),
                 ("v1-", lambda: computed.append("v1-"))])
    ahead.ahead([("v2+", lambda: computed.append("v2+") or "v2+"),
                 ("v1+", lambda: computed.append("again"))])   # running: kept, not resubmitted
    assert ahead.waiting() == ["v1+", "v2+"]
    gate.set()
    assert ahead.take("v1+") == "v1+"
    assert ahead.take("v2+") in ("v2+", None)   # None if not started yet when taken
    assert "v1-" not in computed and "again" not in computed


def test_a_refused_computation_leaves_the_page_to_compute_and_report_it():
    ahead = Prefetcher()

    def refused() -> str:
        raise ValueError("the model refuses this value")

    ahead.ahead([("bad", refused)])
    assert ahead.take("bad") is None


def test_at_most_kept_views_wait_the_oldest_goes_first():
    ahead = Prefetcher(kept=2)
    gate, started_b = threading.Event(), threading.Event()
    ahead.ahead([("busy", lambda: gate.wait(5) and "busy"),   # keeps the worker busy
                 ("a", lambda: "a"),
                 ("b", lambda: started_b.set() or "b")])   # "busy" is dropped, finishes unread
    assert ahead.waiting() == ["a", "b"]
    gate.set()
    assert started_b.wait(5)
    assert ahead.take("busy") is None and ahead.take("b") == "b"


def test_a_view_the_page_holds_is_not_computed_ahead_again():
    """The value the planner just left is one arrow-key step back: its view is in the page's
    cache, and computing it again would cost a run of the model on every move."""
    computed: list[str] = []
    ahead = Prefetcher()
    ahead.held("back")
    ahead.ahead([("on", lambda: computed.append("on") or "on"),
                 ("back", lambda: computed.append("back") or "back")])
    assert ahead.waiting() == ["on"]
    assert ahead.take("on") == "on" and computed == ["on"]


def test_a_view_the_page_cache_let_go_is_computed_ahead_again():
    at_most_two = Prefetcher(held=2)
    for key in ("a", "b", "c"):   # "a" is the oldest: the page's cache has let it go
        at_most_two.held(key)
    at_most_two.ahead([(key, lambda: "view") for key in ("a", "b", "c")])
    assert at_most_two.waiting() == ["a"]
    expired = Prefetcher(held_seconds=0.0)
    expired.held("a")
    expired.ahead([("a", lambda: "view")])
    assert expired.waiting() == ["a"]


def test_the_next_steps_are_the_sliders_own_values(kecheng):
    levers = plan_levers(kecheng)
    low, high = lever_range(kecheng, "fiscal_st_growth")
    step = slider_step(low, high)
    right, left = next_steps(kecheng, levers, "fiscal_st_growth", 1.0)
    assert right["fiscal_st_growth"] == pytest.approx(levers["fiscal_st_growth"] + step)
    assert left["fiscal_st_growth"] == pytest.approx(levers["fiscal_st_growth"] - step)
    first, _ = next_steps(kecheng, levers, "fiscal_st_growth", -1.0)
    assert first == left   # the way it moved first
    # At the end of its range there is one step only, inward.
    at_top = set_lever(levers, "fiscal_st_growth", high)
    assert [s["fiscal_st_growth"] for s in next_steps(kecheng, at_top, "fiscal_st_growth",
                                                      1.0)] == [pytest.approx(high - step)]
    # A share: the others rescale, all five still sum to 100 %.
    for shares in next_steps(kecheng, levers, "share_talent", 1.0):
        assert sum(v for k, v in shares.items() if k.startswith("share_")) == \
            pytest.approx(100.0)


@pytest.fixture(autouse=True, scope="module")
def _keep_main_module():
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture()
def fresh_caches():
    """The server's view cache and prefetcher as a new server has them: other tests in this
    process leave views the page holds (not computed ahead again) and steps still waiting."""
    from app import cache

    cache.view.clear()
    cache.prefetcher.clear()
    yield cache


def test_a_move_computes_the_next_steps_and_the_next_press_takes_one(kecheng, fresh_caches):
    cache = fresh_caches
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, at.exception
    slider = at.slider(key="lever:fiscal_st_growth")
    low, high = lever_range(kecheng, "fiscal_st_growth")
    step = slider_step(low, high)
    moved = round(slider.value + 10 * step, 9)
    slider.set_value(moved).run()   # reruns the page's fragments
    assert not at.exception, at.exception
    at.run()   # AppTest keeps the last run's elements only: the whole page again
    waiting = [dict(key[1]) for key in cache.prefetcher().waiting()]
    ahead = [round(levers["fiscal_st_growth"], 9) for levers in waiting]
    assert round(moved + step, 9) in ahead and round(moved - step, 9) in ahead
    assert ahead.index(round(moved + step, 9)) < ahead.index(round(moved - step, 9))

    at.slider(key="lever:fiscal_st_growth").set_value(round(moved + step, 9)).run()
    assert not at.exception, at.exception
    at.run()
    still = [round(v, 9) for v in (dict(key[1]).get("fiscal_st_growth")
                                   for key in cache.prefetcher().waiting()) if v is not None]
    assert round(moved + step, 9) not in still   # taken by the page
    # The step back is the value just left: the page holds its view, so it is not computed
    # again; the step on is.
    assert round(moved + 2 * step, 9) in still
    assert round(moved, 9) not in still
    # What the page shows from the view computed ahead is what computing it gives.
    shown = html_tables(at)[0]
    levers = set_lever(plan_levers(kecheng), "fiscal_st_growth", round(moved + step, 9))
    expected = [v for v in compute_view(kecheng, levers).verdicts if v.target.tracked]
    assert len(shown) == len(expected)
    words = [probability_text(v.probability) for v in expected]
    assert [_text(f) for f in shown["达成概率"]] == words


def _text(figure: object) -> str:
    """A probability cell back as the page wrote it ("79%" was read as 0.79)."""
    return f"{round(figure * 100)}%" if isinstance(figure, float) else str(figure)


def test_a_share_steps_ahead_with_the_other_shares_rescaled_as_the_page_will(kecheng,
                                                                             fresh_caches):
    """Moving one allocation share rescales the other four (the callback, on the slider's
    grid): the step computed ahead must be the levers the page then computes, or the next
    press would not find it."""
    cache = fresh_caches
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, at.exception
    share = "share_rd_subsidies"
    start = at.slider(key=f"lever:{share}").value
    at.slider(key=f"lever:{share}").set_value(start + 1).run()
    assert not at.exception, at.exception
    at.run()
    ahead = {dict(key[1])[share]: key for key in cache.prefetcher().waiting()}
    # Both ways: back at the plan's share, the other shares are rescaled from where the move
    # left them, not the plan's (a view the page does not hold).
    assert set(ahead) >= {start + 2, start}
    at.slider(key=f"lever:{share}").set_value(start + 2).run()
    assert not at.exception, at.exception
    assert ahead[start + 2] not in cache.prefetcher().waiting()   # taken by the page
    shown = {k: at.session_state[f"lever:{k}"] for k in dict(ahead[start + 2][1])
             if k.startswith("share_")}
    assert shown == {k: v for k, v in dict(ahead[start + 2][1]).items()
                     if k.startswith("share_")}
