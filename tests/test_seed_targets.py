"""Every quantitative target of the five seed texts is in its scenario file, and nothing else
is: the list made from the texts (tests/data/seed_targets.toml) against the files. Prints, per
plan, the targets in the seed / in the file / tracked (``pytest -s`` shows the table; the
README quotes it)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from model.scenario import Target, load_scenario

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
LIST = ROOT / "tests" / "data" / "seed_targets.toml"
PLANS = tomllib.loads(LIST.read_text(encoding="utf-8"))["plan"]
IDS = [plan["scenario"].removesuffix(".toml") for plan in PLANS]


def _plain(text: str) -> str:
    """The normalisation of tests/test_shipped_scenarios.py: no spaces, quotation marks,
    brackets or list commas (the seeds mix full- and half-width ones)."""
    return re.sub(r"[\s“”\"'()(),,、]", "", text)


def matches(entry: dict, targets: list[Target]) -> list[Target]:
    """The file's targets that are this listed one: the quote holds its wording and the
    value is its number, or the number the file judges it at (``judged``: a converted
    target, which must say how in its proxy note); a "rises" target has none."""
    wording = _plain(entry["q"])
    found = []
    for target in targets:
        if wording not in _plain(target.quote):
            continue
        if "v" not in entry:
            if target.kind == "rises":
                found.append(target)
        elif target.value is not None and any(
                abs(target.value - number) < 1e-9
                for number in (entry["v"], entry.get("judged", entry["v"]))):
            found.append(target)
    if "judged" in entry:
        assert all(t.proxy for t in found if t.value == entry["judged"]), entry["q"]
    return found


def count(plan: dict) -> dict[str, int]:
    """in_seed, in_file, tracked, and the same for headline targets, of one plan."""
    targets = load_scenario(ROOT / "scenarios" / plan["scenario"]).targets
    tally = dict.fromkeys(("in_seed", "in_file", "tracked", "pending", "headline",
                           "headline_tracked"), 0)
    for entry in plan["targets"]:
        n = entry.get("n", 1)              # one clause, n targets ("100家双突破")
        found = matches(entry, targets)
        tracked = sum(t.tracked for t in found)
        tally["in_seed"] += n
        tally["in_file"] += min(len(found), n)
        tally["tracked"] += min(tracked, n)
        tally["pending"] += min(sum(not t.tracked and (t.reason or "").startswith("pending:")
                                    for t in found), n)
        if entry["h"]:
            tally["headline"] += n
            tally["headline_tracked"] += min(tracked, n)
    return tally


def table() -> str:
    """Per plan: in the seed / in the file / tracked (headline: tracked / all)."""
    lines = ["| plan | seed | in the seed | in the file | tracked | pending | headline tracked |",
             "|---|---|---|---|---|---|---|"]
    total: dict[str, int] = {}
    for plan in PLANS:
        tally = count(plan)
        for key, value in tally.items():
            total[key] = total.get(key, 0) + value
        lines.append(f"| {plan['name']} | {plan['seed'][:3]} | {tally['in_seed']} | "
                     f"{tally['in_file']} | {tally['tracked']} | {tally['pending']} | "
                     f"{tally['headline_tracked']} / {tally['headline']} |")
    lines.append(f"| **all** | | {total['in_seed']} | {total['in_file']} | {total['tracked']} "
                 f"| {total['pending']} | {total['headline_tracked']} / {total['headline']} |")
    return "\n".join(lines)


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not mounted")
@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_every_listed_target_is_worded_as_in_its_seed(plan):
    seed = _plain((SEEDS / plan["seed"]).read_text(encoding="utf-8"))
    assert [e["q"] for e in plan["targets"] if _plain(e["q"]) not in seed] == []


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_every_target_of_the_seed_is_in_its_scenario_file(plan):
    scenario = load_scenario(ROOT / "scenarios" / plan["scenario"])
    assert scenario.meta.seed == plan["seed"]
    missing = [e["q"] for e in plan["targets"]
               if len(matches(e, scenario.targets)) < e.get("n", 1)]
    assert missing == [], f"{plan['scenario']} lacks these targets of its seed"


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_every_target_in_the_file_is_one_of_the_seed(plan):
    """A row the list does not know is a target the list lacks (or one the plan lacks)."""
    scenario = load_scenario(ROOT / "scenarios" / plan["scenario"])
    unknown = [(t.indicator, t.quote) for t in scenario.targets
               if not any(t in matches(e, scenario.targets) for e in plan["targets"])]
    assert unknown == []


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_every_headline_target_is_tracked_or_says_why_not(plan):
    targets = load_scenario(ROOT / "scenarios" / plan["scenario"]).targets
    for entry in (e for e in plan["targets"] if e["h"]):
        for target in matches(entry, targets):
            assert target.tracked or len((target.reason or "").split()) >= 5, target.indicator


def test_the_counts_cover_every_plan_and_print(capsys):
    text = table()
    with capsys.disabled():
        print("\n" + text)
    totals = count(PLANS[0])
    assert totals["in_file"] == totals["in_seed"]       # Kecheng: all of its 43 targets
    assert len(text.splitlines()) == len(PLANS) + 3
    assert {plan["scenario"] for plan in PLANS} <= {p.name for p in
                                                    (ROOT / "scenarios").glob("*.toml")}


def test_every_reason_in_the_shipped_files_reads_in_chinese():
    """A target the model does not judge says why in the page's language: its reason is in
    model/reasons.py or the file gives reason_zh (else the Chinese page quotes English)."""
    from model.reasons import REASONS_ZH
    untranslated = [(path.name, t.indicator)
                    for path in sorted((ROOT / "scenarios").glob("*.toml"))
                    for t in load_scenario(path).targets
                    if not t.tracked and not (t.reason_zh or t.reason in REASONS_ZH)]
    assert untranslated == []
