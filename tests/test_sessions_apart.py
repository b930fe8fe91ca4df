"""Issue 14, part 7: sessions stay apart under load.

One `streamlit run` server, four browser pages at once (each its own Streamlit session, in
its own browser context): three scenarios, one of them twice with different levers. The
pages' sliders are moved in interleaved bursts, so the server runs the sessions' reruns
concurrently and its caches (scenarios, views, charts) hold all of them at the same time.
Each page's verdict table must then show exactly what its own scenario with its own lever
value gives through the Python API (``simulate`` + ``check``, the page's seeded 500 runs),
and the four expected tables differ from each other, so a number leaked from another
session cannot pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import pytest

from app.compute import BAND_RUNS, BAND_SEED
from app.i18n import t
from app.tables import CLASS as TABLE_CLASS
from model.catalogue import INDICATORS, LEVERS
from model.levers import changed_levers, plan_levers, set_lever
from model.scenario import load_scenario
from model.simulate import simulate
from model.targets import check, probability_text

from .browser import chromium_browser, streamlit_server
from .conftest import SCENARIOS

playwright_api = pytest.importorskip("playwright.sync_api")

TIMEOUT_MS = 90_000  # four sessions share two cores: a rerun can wait for the others


@dataclass(frozen=True)
class Session:
    scenario: str
    lever: str
    key: str          # the arrow key pressed on its slider
    presses: int      # per burst; the slider steps 0.1 %-point (1 % for super-deduction)


SESSIONS = (
    Session("kecheng-2027.toml", "fiscal_st_growth", "ArrowRight", 6),
    Session("kecheng-2027.toml", "hightech_investment_growth", "ArrowLeft", 8),
    Session("pinghu-2020.toml", "hightech_investment_growth", "ArrowRight", 7),
    Session("xinhua-2025.toml", "super_deduction_rate", "ArrowRight", 5),
)
BURSTS = 3   # rounds of interleaved key presses before the tables are compared
ROUNDS = 2   # compare, move again, compare again


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as launched:
        yield launched


def expected_rows(session: Session, value: float) -> list[tuple[str, str, str, str]]:
    """(indicator, simulated median, probability, likelihood) of each judged target, as the
    page formats them, from the Python API."""
    scenario = load_scenario(SCENARIOS / session.scenario)
    levers = set_lever(plan_levers(scenario), session.lever, value)
    results = simulate(scenario, runs=BAND_RUNS, seed=BAND_SEED,
                       levers=changed_levers(scenario, levers))
    rows = []
    for verdict in check(scenario, results):
        if not verdict.target.tracked:
            continue
        rows.append((INDICATORS[verdict.target.indicator].label("zh"),
                     "—" if verdict.value is None else f"{verdict.value:.4g}",
                     "—" if verdict.probability is None else probability_text(verdict.probability),
                     t(verdict.likelihood or verdict.verdict, "zh")))
    return rows


def shown_rows(page) -> list[tuple[str, str, str, str]]:
    """The same four cells of each row of the page's verdict table."""
    table = page.locator(f"div.{TABLE_CLASS} table").first   # one HTML block: app/tables.py
    header = [cell.strip() for cell in table.locator("thead th").all_inner_texts()]
    columns = [header.index(t(k, "zh")) for k in ("indicator", "simulated", "probability",
                                                  "verdict")]
    rows = []
    for row in table.locator("tbody tr").all():
        cells = [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        cells = cells[-len(header):]  # an index cell, if drawn, is not a column
        rows.append(tuple(cells[i] for i in columns))
    return rows


def slider(page, session: Session):
    return page.get_by_role("slider", name=re.compile(re.escape(
        LEVERS[session.lever].label("zh"))))


def settled(page, session: Session) -> float:
    """Wait until the page's last rerun has finished; the slider's value it ran with."""
    value = slider(page, session).input_value()
    # The address is written at the end of a rerun: it holds the value once the run has it.
    playwright_api.expect(page).to_have_url(
        re.compile(rf"[?&]{session.lever}={re.escape(value)}(&|$)"), timeout=TIMEOUT_MS)
    playwright_api.expect(page.get_by_test_id("stStatusWidget")).to_have_count(
        0, timeout=TIMEOUT_MS)
    playwright_api.expect(page.locator("[data-stale='true']")).to_have_count(
        0, timeout=TIMEOUT_MS)
    query = parse_qs(urlparse(page.url).query)
    assert query["scenario"] == [session.scenario]
    return float(value)


def test_concurrent_sessions_each_show_their_own_numbers(browser):
    with streamlit_server() as url:
        contexts = [browser.new_context(viewport={"width": 1400, "height": 1400})
                    for _ in SESSIONS]
        pages = [context.new_page() for context in contexts]
        for page, session in zip(pages, SESSIONS, strict=True):
            page.goto(f"{url}/?scenario={session.scenario}")
        for page, session in zip(pages, SESSIONS, strict=True):
            page.locator(f"div.{TABLE_CLASS} table").first.wait_for(timeout=TIMEOUT_MS)
            plan = plan_levers(load_scenario(SCENARIOS / session.scenario))[session.lever]
            playwright_api.expect(slider(page, session)).to_have_value(
                f"{plan:g}", timeout=TIMEOUT_MS)

        seen: list[list[tuple[str, str, str, str]]] = []
        for _ in range(ROUNDS):
            for _ in range(BURSTS):
                # Interleaved: every page's reruns are in flight on the server together.
                for page, session in zip(pages, SESSIONS, strict=True):
                    slider(page, session).focus()
                    for _ in range(session.presses):
                        page.keyboard.press(session.key)
            expected_tables = []
            for page, session in zip(pages, SESSIONS, strict=True):
                value = settled(page, session)
                plan = plan_levers(load_scenario(SCENARIOS / session.scenario))[session.lever]
                assert value != plan, f"{session}: the slider did not move"
                expected = expected_rows(session, value)
                assert shown_rows(page) == expected, (session, value)
                expected_tables.append(expected)
            # Distinct tables: a row shown from another session would have been caught.
            assert len({tuple(table) for table in expected_tables}) == len(SESSIONS)
            seen.append(expected_tables[0])
        assert seen[0] != seen[-1]  # the second round moved the numbers again
        for context in contexts:
            context.close()


# --- what every session shares: the caches of app/cache.py ---------------------------------


def test_an_edited_parent_file_changes_its_variants_cache_key(tmp_path):
    """Scenarios are cached once for all sessions, keyed by file and modification time. A
    variant reads its parent: editing the parent must give the variant a new key, or every
    session would keep seeing the variant as it was."""
    import os
    import shutil

    from app.cache import file_key, folder_stamp, upload_key
    from app.state import scenario_files

    shutil.copy(SCENARIOS / "kecheng-2027.toml", tmp_path / "kecheng-2027.toml")
    variant = tmp_path / "kecheng-2027-accelerated.toml"
    shutil.copy(SCENARIOS / variant.name, variant)
    files = scenario_files(tmp_path)
    before = file_key(variant, folder_stamp(files)), upload_key("v.toml", b"x", folder_stamp(files))
    parent = tmp_path / "kecheng-2027.toml"
    stat = parent.stat()
    os.utime(parent, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    after = file_key(variant, folder_stamp(files)), upload_key("v.toml", b"x", folder_stamp(files))
    assert before[0] != after[0] and before[1] != after[1]
    assert file_key(variant, folder_stamp(files)) == after[0]   # stable while nothing changes


def test_what_a_session_computes_leaves_the_shared_scenario_unchanged():
    """One Scenario object serves every session (st.cache_resource): a slider move, a goal
    seek, a larger ensemble and a variant must not change it."""
    from app.compute import compute_view
    from app.exports import variant_toml
    from model.ensemble import ensemble
    from model.goalseek import what_it_takes

    scenario = load_scenario(SCENARIOS / "kecheng-2027.toml")
    before = scenario.model_dump()
    levers = set_lever(plan_levers(scenario), "share_talent", 30.0, grid=1.0)
    compute_view(scenario, levers, {"rd_depreciation": 20.0}, runs=20)
    target = next(t for t in scenario.targets if t.tracked)
    what_it_takes(scenario, target, "fiscal_st_growth", levers=levers, runs=10, seed=1)
    ensemble(scenario, 50, seed=1, levers=changed_levers(scenario, levers),
             fixed={"rd_depreciation": 20.0})
    variant_toml(scenario, changed_levers(scenario, levers), {"rd_depreciation": 20.0})
    assert scenario.model_dump() == before
