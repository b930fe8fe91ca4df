"""Yearly paths (``[paths.<key>]``): validation, merge rule, scheduled changes, effect on a run."""

from __future__ import annotations

import numpy as np
import pytest
from malformed_cases import BASE

from model import load_scenario, simulate
from model.errors import ScenarioError
from model.inheritance import merge
from model.provenance import numbers
from model.scenario import Change, parse_scenario

FISCAL_PATH = '''
[paths.fiscal_st_growth]
source = "test: fiscal S&T growth year by year"
years  = [2024, 2026]
values = [5.0, 30.0]
'''
EVENT = '''
[[events]]
year = 2025
lever = "super_deduction_rate"
value = 120
source = "test"
'''


def _with(extra: str):
    return parse_scenario(BASE + extra, "p.toml")


def test_a_path_parses_and_changes_lists_events_and_paths_by_year():
    scenario = _with(FISCAL_PATH + EVENT)
    assert scenario.paths["fiscal_st_growth"].years == [2024, 2026]
    assert scenario.changes() == [Change(2024, "fiscal_st_growth", 5.0),
                                  Change(2025, "super_deduction_rate", 120.0),
                                  Change(2026, "fiscal_st_growth", 30.0)]


def test_a_scenario_without_paths_or_events_has_no_changes(kecheng):
    assert kecheng.paths == {} and kecheng.changes() == []


@pytest.mark.parametrize(("extra", "line"), [
    ('[paths.fiscal_growth]\nsource = "s"\nyears = [2024]\nvalues = [5]\n',
     "p.toml: paths.fiscal_growth: unknown input 'fiscal_growth' "
     "(did you mean 'fiscal_st_growth'?)"),
    ('[paths.gdp]\nsource = "s"\nyears = [2024]\nvalues = [5]\n',
     "p.toml: paths.gdp: unknown input 'gdp' "
     "(a lever or parameter; 'gdp' is not an input the run can be given)"),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = [2025, 2024]\nvalues = [5, 6]\n',
     "p.toml: paths.fiscal_st_growth: years must increase strictly (2024 follows 2025)"),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = [2024, 2024]\nvalues = [5, 6]\n',
     "p.toml: paths.fiscal_st_growth: years must increase strictly (2024 follows 2024)"),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = [2024, 2025]\nvalues = [5]\n',
     "p.toml: paths.fiscal_st_growth: 2 years but 1 values (one value for each year)"),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = []\nvalues = []\n',
     "p.toml: paths.fiscal_st_growth: a path needs at least one year "
     "(years = [...], values = [...])"),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = [2022]\nvalues = [5]\n',
     "p.toml: paths.fiscal_st_growth.years[0]: 2022 lies outside the run "
     "(a year from 2023 to 2030)"),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = [2024, 2031]\nvalues = [5, 6]\n',
     "p.toml: paths.fiscal_st_growth.years[1]: 2031 lies outside the run "
     "(a year from 2023 to 2030)"),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = [2024, 2025]\nvalues = [5, 150]\n',
     "p.toml: paths.fiscal_st_growth.values[1]: 150 is above 50 "
     "(a value <= 50 %/年 for fiscal S&T spending growth)"),
    ('[paths.patent_lapse]\nsource = "s"\nyears = [2024]\nvalues = [-1]\n',
     "p.toml: paths.patent_lapse.values[0]: -1 is negative "
     "(a value >= 0 %/年 for invention patent lapse)"),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = [2024]\nvalues = [nan]\n',
     "p.toml: paths.fiscal_st_growth.values[0]: got nan (a finite number, not nan or inf)"),
    ('[paths.fiscal_st_growth]\nyears = [2024]\nvalues = [5]\n',
     'p.toml: paths.fiscal_st_growth: every number needs source = "..." or assumption = true'),
    ('[paths.fiscal_st_growth]\nsource = "s"\nyears = [2024]\nvalues = [5]\nvalue = 5\n',
     "p.toml: paths.fiscal_st_growth.value: unknown key 'value' (did you mean 'values'?)"),
    ('[paths.super_deduction_rate]\nsource = "s"\nyears = [2024]\nvalues = [100]\n' + EVENT,
     "p.toml: paths.super_deduction_rate: 'super_deduction_rate' is also changed by "
     "[[events]] (each input scheduled either in [paths] or in [[events]])"),
])
def test_a_bad_path_gives_its_one_line_error(extra, line):
    with pytest.raises(ScenarioError) as raised:
        _with(extra)
    assert str(raised.value) == line


def test_an_assumed_path_is_accepted():
    scenario = _with('[paths.fiscal_st_growth]\nassumption = true\nyears = [2024]\n'
                     'values = [5]\n')
    assert scenario.changes() == [Change(2024, "fiscal_st_growth", 5.0)]


def _total_ratio(before: float, after: float) -> float:
    """This year's total over last year's, for a flow that grew at ``before`` last year and
    grows at ``after`` this year, continuously (the rate is the same at the year boundary)."""
    g0, g1 = np.log1p(before), np.log1p(after)
    return float((np.expm1(g1) / g1) / (-np.expm1(-g0) / g0))


def test_a_lever_path_changes_the_run_from_its_first_year_only(kecheng):
    plain = simulate(kecheng)
    pathed = simulate(_with(FISCAL_PATH))
    spending = "fiscal_st_spending"
    # Before 2024 the plan's 15 %/yr holds; from 2024 (time 2023 on) 5 %, from 2026 30 %.
    np.testing.assert_allclose(pathed.sel(spending)[:2], plain.sel(spending)[:2])
    ratio = pathed.sel(spending)[:, 0] / np.r_[np.nan, pathed.sel(spending)[:-1, 0]]
    # Spending is a year total: the year after a change in growth mixes both rates.
    assert ratio[2] == pytest.approx(_total_ratio(0.15, 0.05), abs=0.003)   # 2024
    assert ratio[3] == pytest.approx(1.05, abs=0.003)                        # 2025
    assert ratio[4] == pytest.approx(_total_ratio(0.05, 0.30), abs=0.003)   # 2026
    assert ratio[5] == pytest.approx(1.30, abs=0.01)                         # 2027
    assert pathed.sel("rd_intensity", 2030)[0] != plain.sel("rd_intensity", 2030)[0]


def test_a_planners_lever_replaces_the_lever_path(kecheng):
    pathed = _with(FISCAL_PATH)
    moved = simulate(pathed, levers={"fiscal_st_growth": 15.0})
    np.testing.assert_allclose(moved.sel("fiscal_st_spending"),
                               simulate(kecheng).sel("fiscal_st_spending"))


def test_a_parameter_path_read_every_step_changes_the_run(kecheng):
    # patent_lapse is read by the knowledge sector's rates at every step.
    pathed = simulate(_with('[paths.patent_lapse]\nsource = "test"\nyears = [2025]\n'
                            'values = [30]\n'))
    plain = simulate(kecheng)
    key = "invention_patents_per_10k"
    np.testing.assert_allclose(pathed.sel(key)[:3], plain.sel(key)[:3])
    assert pathed.sel(key, 2026)[0] < plain.sel(key, 2026)[0] * 0.9


def test_a_gdp_growth_path_changes_gdp_from_its_year(kecheng):
    pathed = simulate(_with('[paths.nonindustrial_growth]\nsource = "test"\nyears = [2025]\n'
                            'values = [-5]\n'))
    plain = simulate(kecheng)
    np.testing.assert_allclose(pathed.sel("gdp")[:3], plain.sel("gdp")[:3])
    assert pathed.sel("gdp", 2026)[0] < plain.sel("gdp", 2026)[0] * 0.95


def test_a_childs_path_replaces_the_parents_whole_and_other_paths_are_inherited():
    parent = {"paths": {"fiscal_st_growth": {"years": [2024, 2025], "values": [5, 6],
                                             "source": "parent"},
                        "patent_lapse": {"years": [2024], "values": [10], "source": "parent"}}}
    child = {"paths": {"fiscal_st_growth": {"years": [2026], "values": [9], "source": "child"}}}
    merged = merge(parent, child)
    assert merged["paths"]["fiscal_st_growth"] == child["paths"]["fiscal_st_growth"]
    assert merged["paths"]["patent_lapse"] == parent["paths"]["patent_lapse"]


def test_a_child_setting_the_value_drops_the_parents_path_for_it():
    parent = {"levers": {}, "baseline": {},
              "paths": {"fiscal_st_growth": {"years": [2024], "values": [5], "source": "p"},
                        "patent_lapse": {"years": [2024], "values": [10], "source": "p"}}}
    child = {"levers": {"fiscal_st_growth": {"value": 20, "source": "child"}}}
    assert list(merge(parent, child)["paths"]) == ["patent_lapse"]


def test_a_variant_file_inherits_and_overrides_paths(tmp_path):
    (tmp_path / "base.toml").write_text(BASE + FISCAL_PATH, encoding="utf-8")
    (tmp_path / "child.toml").write_text(
        'extends = "base.toml"\n[paths.fiscal_st_growth]\nsource = "child"\n'
        'years = [2027]\nvalues = [1.0]\n', encoding="utf-8")
    child = load_scenario(tmp_path / "child.toml")
    assert child.changes() == [Change(2027, "fiscal_st_growth", 1.0)]


def test_provenance_lists_every_path_value():
    rows = [r for r in numbers(_with(FISCAL_PATH)) if r.section == "paths"]
    assert [(r.key, r.value, r.source) for r in rows] == [
        ("fiscal_st_growth 2024", 5.0, "test: fiscal S&T growth year by year"),
        ("fiscal_st_growth 2026", 30.0, "test: fiscal S&T growth year by year")]


def test_diff_shows_changed_path_values(kecheng):
    from model.compare import differences

    changes = differences(kecheng, _with(FISCAL_PATH))
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("paths[2024 fiscal_st_growth]", None, 5.0), ("paths[2026 fiscal_st_growth]", None, 30.0)]
