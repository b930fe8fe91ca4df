"""innosim list, diff, provenance and validate of a folder, through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from model.cli import main
from model.provenance import assumption_share, numbers
from model.scenario import load_scenario

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
KECHENG = SCENARIOS / "kecheng-2027.toml"
ACCELERATED = SCENARIOS / "kecheng-2027-accelerated.toml"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_shows_every_scenario_with_its_verdict_counts(capsys):
    code, out, err = run(capsys, "list", str(SCENARIOS), "--format", "json")
    assert code == 0 and err == ""
    rows = {row["file"]: row for row in json.loads(out)}
    assert set(rows) == {p.name for p in SCENARIOS.glob("*.toml")}
    kecheng = rows["kecheng-2027.toml"]
    assert (kecheng["region"], kecheng["target_year"], kecheng["extends"]) == (
        "柯城区", 2027, None)
    assert rows["kecheng-2027-austerity.toml"]["extends"] == "kecheng-2027.toml"
    scenario = load_scenario(KECHENG)
    counts = kecheng["targets"]
    assert sum(counts.values()) == len(scenario.targets)
    assert counts["not modelled"] == sum(not t.tracked for t in scenario.targets)


def test_list_reports_a_bad_file_and_still_lists_the_good_ones(tmp_path, capsys):
    shutil.copy(KECHENG, tmp_path / "kecheng-2027.toml")
    (tmp_path / "broken.toml").write_text("[scenario\n", encoding="utf-8")
    code, out, err = run(capsys, "list", str(tmp_path), "--no-run")
    assert code == 2
    assert "kecheng-2027.toml" in out
    assert err.startswith(f"{tmp_path / 'broken.toml'}: (file): broken TOML")
    assert len(err.splitlines()) == 1


def test_diff_names_the_lever_old_and_new_value_and_both_sources(capsys):
    code, out, _ = run(capsys, "diff", str(KECHENG), str(ACCELERATED))
    assert code == 0
    lines = out.splitlines()
    at = lines.index("levers.fiscal_st_growth: 15 %/年 → 25 %/年")
    assert lines[at + 1] == "    was: seed 000 三(二): 力争财政科技投入增长15%"
    assert lines[at + 2].startswith("    now: policy variant: fiscal S&T spending +25 %/year")
    assert not any(line.startswith("targets[") for line in lines)   # targets inherited
    assert not any(line.startswith("baseline.") for line in lines)


def test_diff_of_a_scenario_with_itself_is_empty(capsys):
    code, out, _ = run(capsys, "diff", str(KECHENG), str(KECHENG), "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_diff_shows_changed_added_and_removed_targets(tmp_path, capsys):
    text = KECHENG.read_text("utf-8")
    changed = text.replace("value = 250\nyear = 2027", "value = 260\nyear = 2027", 1)
    (tmp_path / "b.toml").write_text(changed, encoding="utf-8")
    code, out, _ = run(capsys, "diff", str(KECHENG), str(tmp_path / "b.toml"),
                       "--format", "json")
    records = json.loads(out)
    assert [(r["field"], r["old"], r["new"]) for r in records] == [
        ("targets[hightech_enterprises 2027]", ">= 250", ">= 260")]
    code, out, _ = run(capsys, "diff", str(SCENARIOS / "bozhou-hitech-2025.toml"),
                       str(KECHENG), "--format", "json")
    fields = {r["field"]: r for r in json.loads(out)}
    assert fields["targets[tech_contract_absorbed 2025]"]["new"] is None   # bought, not sold
    assert fields["targets[tech_contract_turnover 2027]"]["old"] is None
    assert fields["baseline.gdp"]["old"] == 150 and fields["baseline.gdp"]["new"] == 280


def test_provenance_lists_every_number_and_the_assumption_share(capsys):
    code, out, _ = run(capsys, "provenance", str(ACCELERATED), "--format", "json")
    assert code == 0
    report = json.loads(out)
    scenario = load_scenario(ACCELERATED)
    rows = numbers(scenario)
    assert len(report["numbers"]) == len(rows)
    assert report["assumption_share"] == assumption_share(rows)
    by_key = {(n["section"], n["key"]): n for n in report["numbers"]}
    assert by_key[("levers", "fiscal_st_growth")]["origin"] == ACCELERATED.name
    assert by_key[("levers", "super_deduction_rate")]["origin"] == KECHENG.name
    assert by_key[("parameters", "rd_depreciation")]["origin"] == "model default"
    assert by_key[("baseline", "gdp")]["assumption"] is True
    assert by_key[("baseline", "rd_intensity")]["assumption"] is False


def test_provenance_table_ends_with_the_share(capsys):
    code, out, _ = run(capsys, "provenance", str(SCENARIOS / "pinghu-2020.toml"))
    rows = numbers(load_scenario(SCENARIOS / "pinghu-2020.toml"))
    assumed = sum(r.is_assumption for r in rows)
    assert out.splitlines()[-1].startswith(f"assumptions: {assumed} of {len(rows)} numbers")


def test_validate_checks_a_whole_folder(tmp_path, capsys):
    code, out, err = run(capsys, "validate", str(SCENARIOS))
    assert code == 0 and err == ""
    assert len(out.splitlines()) == len(list(SCENARIOS.glob("*.toml")))
    shutil.copy(KECHENG, tmp_path / "good.toml")
    (tmp_path / "bad.toml").write_bytes(b"\xff\xfe")
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 2
    assert out.startswith("ok  ") and err.startswith(str(tmp_path / "bad.toml"))


def test_diff_matches_events_by_year_and_lever(capsys):
    code, out, _ = run(capsys, "diff", str(SCENARIOS / "xinhua-2025.toml"),
                       str(SCENARIOS / "xinhua-2025-accelerated.toml"), "--format", "json")
    events = {r["field"]: r for r in json.loads(out) if r["field"].startswith("events")}
    assert set(events) == {"events[2021 share_incubation]", "events[2021 share_rd_subsidies]",
                           "events[2021 share_public_research]"}     # 2023 event unchanged
    added = events["events[2021 share_incubation]"]
    assert (added["old"], added["new"], added["unit"]) == (None, 30, "%")
    assert added["new_source"].startswith("policy variant")


def test_check_table_keeps_untracked_targets_as_not_modelled(capsys):
    code, out, _ = run(capsys, "check", str(KECHENG))
    scenario = load_scenario(KECHENG)
    untracked = [t for t in scenario.targets if not t.tracked]
    rows = [line for line in out.splitlines() if "not modelled" in line]
    assert len(rows) == len(untracked) > 0
    assert code == 1        # Kecheng misses some tracked targets; untracked ones never count
