"""Every shipped scenario validates, runs (central and 1,000 draws), checks, and behaves (the
SD "family member" test); every target in plan-targets.md appears in its scenario. The national
replay (china-2015) keeps its history to what the shared data give for fitting."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from model.scenario import load_scenario
from model.simulate import simulate
from model.targets import NOT_MODELLED, check

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.toml"))
# Year-end flows and growth rates have no value in the start year (NaN by design).
NO_START_VALUE = {"rd_growth", "hightech_certification", "hightech_recertification"}
SHARED = ROOT.parent / "shared"       # ../shared: the plan texts and their digest
PLAN_TARGETS = SHARED / "docs" / "plan-targets.md"
# Scenarios whose plan text is not among shared/seeds: their quotes cannot be checked there.
NO_SEED_TEXT = {"china-2015": "the national 13th five-year S&T plan (国发〔2016〕43号) is not "
                              "among shared/seeds"}
PLANS = {  # the tables of plan-targets.md, in order, and the scenario of each
    0: "kecheng-2027.toml", 1: "liuzhou-2022.toml", 2: "xinhua-2025.toml",
    3: "cangzhou-2022.toml", 4: "bozhou-hitech-2025.toml", 5: "pinghu-2020.toml",
}


def test_all_six_plans_and_two_variants_of_each_2025_2027_plan_are_shipped():
    names = {p.name for p in SCENARIOS}
    assert set(PLANS.values()) <= names
    assert {f"{stem}.toml" for stem in NO_SEED_TEXT} <= names
    for plan in ("kecheng-2027", "xinhua-2025", "bozhou-hitech-2025"):
        variants = [p for p in SCENARIOS if p.name.startswith(plan + "-")]
        assert len(variants) >= 2, plan
        for path in variants:
            assert load_scenario(path).extends == (str(path.parent / f"{plan}.toml"),)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_family_member_runs_non_negative_and_finite(path):
    scenario = load_scenario(path)
    for runs in (None, 1000):   # every draw must give consistent start values
        results = simulate(scenario, runs=runs, seed=7)
        for key in results.indicators:
            values = results.sel(key)
            start = 1 if key in NO_START_VALUE else 0
            assert np.isfinite(values[start:]).all(), key
            if results.specs[key].lower == 0:
                assert (values[start:] >= -1e-9).all(), key
    verdicts = check(scenario, simulate(scenario))
    assert len(verdicts) == len(scenario.targets)
    for verdict in verdicts:
        assert (verdict.verdict == NOT_MODELLED) == (not verdict.target.tracked)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_number_has_provenance_and_every_target_its_quote(path):
    scenario = load_scenario(path)
    for table in (scenario.baseline, scenario.levers, scenario.parameters):
        for entry in table.values():
            assert entry.source or (entry.assumption and entry.range)
    for target in scenario.targets:
        assert re.search(r"[\u4e00-\u9fff]", target.quote), target.quote
        assert target.seed == scenario.meta.seed


def _plain(text: str) -> str:
    return re.sub(r"[\s“”\"'()(),,、]", "", text)


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="shared seeds not mounted")
@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_quote_is_found_in_its_seed_text(path):
    """Each run of four or more Chinese characters of a quote occurs in the seed, unless the
    target itself says the wording is not in the seed text."""
    if path.stem in NO_SEED_TEXT:
        pytest.skip(NO_SEED_TEXT[path.stem])
    scenario = load_scenario(path)
    seed = _plain((SHARED / "seeds" / scenario.meta.seed).read_text(encoding="utf-8"))
    for target in scenario.targets:
        if "not in the seed text" in target.quote:
            assert not target.tracked
            continue
        for part in re.split(r"\s*/\s*|……", target.quote):
            for run in re.findall(r"[\u4e00-\u9fff%]{4,}", _plain(part)):
                assert run in seed, (target.indicator, run)


def _tables(text: str) -> list[list[list[str]]]:
    tables, current = [], None
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if current is None:
                current = []          # header row
            elif not set("".join(cells)) <= set("-: "):
                current.append(cells)
        elif current is not None:
            tables.append(current)
            current = None
    if current is not None:
        tables.append(current)
    return tables


def _numbers(cell: str) -> list[float]:
    first = re.search(r"\d+(?:\.\d+)?", cell)
    found = [float(first.group())] if first else []
    extra = re.search(r"with (\d+) new", cell)
    return found + ([float(extra.group(1))] if extra else [])


@pytest.mark.skipif(not PLAN_TARGETS.exists(), reason="shared docs not mounted")
@pytest.mark.parametrize("index", sorted(PLANS), ids=list(PLANS.values()))
def test_every_target_of_plan_targets_md_is_in_its_scenario(index):
    rows = _tables(PLAN_TARGETS.read_text(encoding="utf-8"))[index]
    scenario = load_scenario(ROOT / "scenarios" / PLANS[index])
    target_values = {t.value for t in scenario.targets if t.value is not None}
    rises = {t.indicator for t in scenario.targets if t.kind == "rises"}
    lever_values = {e.value for e in scenario.levers.values()}
    for key, wording, *targets in rows:
        if key.startswith("(lever)"):
            assert _numbers(targets[-1])[0] in lever_values, key
            continue
        if index == 5:                  # Pinghu: 2015 baseline | 2020 target
            baseline, targets = targets[0], targets[1:]
            if _numbers(baseline) and "not counted" not in baseline:
                assert _numbers(baseline)[0] in {e.value for e in scenario.baseline.values()}
        for cell in targets:
            if "rises every year" in cell:
                assert key in rises, key
            elif cell == "counts":
                for number in re.findall(r"\d+", wording):
                    assert float(number) in target_values, (key, number)
            else:
                for number in _numbers(cell):
                    assert number in target_values, (key, cell)


@pytest.mark.parametrize("plan", ["kecheng-2027", "xinhua-2025", "bozhou-hitech-2025"])
def test_variants_move_the_plan_the_way_their_policies_say(plan):
    """Sign test: more money -> more R&D and more high-tech firms; less money -> less."""
    folder = ROOT / "scenarios"
    runs = {name: simulate(load_scenario(folder / f"{name}.toml"))
            for name in (plan, f"{plan}-accelerated", f"{plan}-austerity")}
    year = load_scenario(folder / f"{plan}.toml").meta.target_year
    for indicator in ("fiscal_st_spending", "rd_expenditure", "hightech_enterprises"):
        base, fast, slow = (float(runs[name].sel(indicator, year)[0]) for name in (
            plan, f"{plan}-accelerated", f"{plan}-austerity"))
        assert slow < base < fast, (indicator, slow, base, fast)


def test_the_national_replay_has_history_through_2019_only_and_paths_through_2023():
    """Outcomes after 2019 are the out-of-sample test: they must not be in the file."""
    scenario = load_scenario(ROOT / "scenarios" / "china-2015.toml")
    assert scenario.history and max(p.year for p in scenario.history) == 2019
    assert {p.year for p in scenario.history if p.indicator == "rd_intensity"} == set(
        range(2010, 2020))
    for key in ("fiscal_st_growth", "nonindustrial_growth", "other_industry_growth",
                "population_growth"):
        assert scenario.paths[key].years == list(range(2016, 2024)), key
    assert [c.value for c in scenario.changes() if c.key == "super_deduction_rate"] == [75, 100]
