"""The system-dynamics validation battery (Sterman 2000 ch. 21; Barlas 1996), automated.

Structure (conservation, non-negativity), extreme conditions, integration error, the sign
of policy effects, and ensemble = one-by-one, on the Kecheng 2027 scenario.
"""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import evaluate, load_scenario, sample, simulate
from model.engine import Engine
from model.levers import lever_range
from model.scenario import Event
from model.sectors import rd
from model.simulate import central_inputs
from model.system import (
    ALLOCATION_SHARES,
    BASELINES,
    INPUTS,
    LEVERS,
    SECTORS,
    STOCKS,
    InnovationModel,
    LeverEvent,
    shipped_structure,
)

ALL_VARIABLES = InnovationModel.all_variables()
# Discrete flows (yearly rounds booked through the ledger) of every sector, if any.
DISCRETE_FLOWS = {flow: ends for s in SECTORS for flow, ends in s.transfers.items()}
# Module level rather than a fixture: hypothesis prints its arguments on failure.
KECHENG = load_scenario(Path(__file__).resolve().parents[1] / "scenarios" / "kecheng-2027.toml")


def _all_variables(scenario, inputs=None, dt=None):
    return evaluate(scenario, inputs, dt=dt, outputs=ALL_VARIABLES)


@pytest.mark.parametrize("integration", ["euler", "rk4"])
def test_every_stock_changes_by_the_integral_of_its_flows(kecheng, integration):
    results = evaluate(kecheng, sample(kecheng, 50, seed=3), outputs=ALL_VARIABLES,
                       integration=integration)
    # A stock that is the level of an annual flow (fiscal S&T spending, value added) is
    # recorded as its year total, not its year-end level: conservation cannot be read off it.
    levels = set(shipped_structure().totals)
    for stock, spec in STOCKS.items():
        if stock in levels:
            continue
        level = results.sel(stock)
        expected = np.zeros_like(level[1:])
        for flow in spec.inflows:
            expected += results.sel(flow)[1:]
        for flow in spec.outflows:
            expected -= results.sel(flow)[1:]
        for flow, (source, target) in DISCRETE_FLOWS.items():
            if target == stock:
                expected += results.sel(flow)[1:]
            if source == stock:
                expected -= results.sel(flow)[1:]
        np.testing.assert_allclose(np.diff(level, axis=0), expected, rtol=1e-9, atol=1e-9,
                                   err_msg=f"stock {stock} does not conserve")


def test_indicators_reproduce_the_baseline_in_the_start_year(kecheng):
    results = simulate(kecheng)
    for key in ("rd_intensity", "hightech_enterprises", "tech_smes", "invention_patent_grants",
                "hightech_va_share", "fiscal_st_spending", "high_value_patents_per_10k"):
        assert results.sel(key, 2022)[0] == pytest.approx(kecheng.baseline[key].value), key


def _lever_strategy():
    """Any lever values within Kecheng's slider ranges, allocation shares summing to 100 %."""
    others = {k: st.floats(*lever_range(KECHENG, k)) for k in LEVERS
              if k not in ALLOCATION_SHARES}
    weights = st.lists(st.floats(0.0, 1.0), min_size=len(ALLOCATION_SHARES),
                       max_size=len(ALLOCATION_SHARES)).filter(lambda w: sum(w) > 1e-3)
    return st.fixed_dictionaries(others), weights


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(levers=_lever_strategy()[0], weights=_lever_strategy()[1],
       fiscal_rule=st.sampled_from(["growth", "share"]), as_policy=st.booleans())
def test_no_stock_goes_negative_anywhere_in_the_levers_ranges(levers, weights, fiscal_rule,
                                                              as_policy):
    kecheng = KECHENG
    total = sum(weights)
    shares = {k: 100.0 * w / total for k, w in zip(ALLOCATION_SHARES, weights, strict=True)}
    scenario = kecheng.model_copy(deep=True)
    scenario.scenario.fiscal_rule = fiscal_rule
    draws = sample(kecheng, 20, seed=7)
    if as_policy:   # levers moved from the first plan year, as the app's sliders do
        results = evaluate(scenario, draws, outputs=ALL_VARIABLES, levers={**levers, **shares})
    else:           # levers as start-year values, which the start year is calibrated on
        results = _all_variables(scenario, {**draws, **levers, **shares})
    for stock in STOCKS:
        assert (results.sel(stock) >= 0).all(), stock
    assert np.isfinite(results.values[:, 1:]).all()


def _with_baseline(scenario, **values):
    copy = scenario.model_copy(deep=True)
    for key, value in values.items():
        copy.baseline[key].value = value
    return copy


def test_zero_fiscal_spending_leaves_firms_rd_only_and_nothing_negative(kecheng):
    scenario = _with_baseline(kecheng, fiscal_st_spending=0.0)
    results = _all_variables(scenario)
    for stock in STOCKS:
        assert (results.sel(stock) >= 0).all(), stock
    # The perpetual inventory still holds: K[t+1] = K[t] + formation - depreciation.
    capital = results.sel("rd_capital")[:, 0]
    formation = results.sel("rd_capital_formation")[1:, 0]
    depreciation = results.sel("rd_capital_depreciation")[1:, 0]
    assert np.diff(capital) == pytest.approx(formation - depreciation)
    assert (results.sel("fiscal_st_spending") == 0).all()


def _rd_switched_off(scenario, year: int, dt: float = 0.25):
    """Every source of R&D set to zero from ``year`` on (an extreme-condition test).

    Subsidy additionality and public R&D are inputs, changed by events; firms' own R&D is
    calibrated, so the R&D sector is wrapped to scale its calibrated R&D by a switch input.
    """
    inputs = central_inputs(scenario)
    baseline = {k: inputs[f"baseline.{k}"] / spec.scale for k, spec in BASELINES.items()
                if f"baseline.{k}" in inputs}  # optional start values may be left out
    model_inputs = {k: inputs[k] / spec.scale for k, spec in INPUTS.items()}
    model_inputs["rd_switch"] = 1.0
    switched = ("hightech_rd_per_va", "other_industry_rd_per_va", "services_rd_per_va",
                "rd_per_hightech_enterprise", "public_rd_nonfiscal")

    def rates(s, p, c, v):
        scaled = SimpleNamespace(**{**vars(c), **{k: getattr(c, k) * p.rd_switch
                                                  for k in switched}})
        rd.rates(s, p, scaled, v)

    sectors = tuple(dataclasses.replace(s, rates=rates) if s.name == "rd" else s
                    for s in shipped_structure().rate_order)
    structure = dataclasses.replace(shipped_structure(), rate_order=sectors)
    events = [LeverEvent(year, name, 0.0) for name in
              ("rd_switch", "subsidy_rd_leverage", "public_rd_fraction")]
    meta = scenario.meta
    model = InnovationModel(baseline, model_inputs, meta.start, meta.end, 1, events=events,
                            outputs=ALL_VARIABLES + ("rd_expenditure",), structure=structure)
    trajectory = Engine(meta.start, meta.end, dt).run(model, 1)
    return {name: trajectory.values[i, :, 0] for i, name in enumerate(trajectory.variables)}


def test_zero_rd_makes_rd_capital_decay_at_its_depreciation_rate(kecheng):
    run = _rd_switched_off(kecheng, 2024)
    delta = kecheng.input_value("rd_depreciation") / 100
    capital = run["rd_capital"][2:]          # from 2024 on
    assert (run["rd_expenditure"][2:] == 0).all()
    # Euler with dt = 0.25: each year multiplies by (1 - delta/4)**4.
    assert capital[1:] / capital[:-1] == pytest.approx((1 - delta / 4) ** 4)


def test_zero_rd_makes_patent_grants_fall_to_zero(kecheng):
    run = _rd_switched_off(kecheng, 2023)
    applications, grants = run["invention_applications"], run["invention_patent_grants"]
    assert (applications[2:] == 0).all()
    assert (np.diff(grants[2:]) < 0).all()
    assert grants[-1] < 0.05 * grants[1]


def test_huge_budgets_saturate_shares_below_one(kecheng):
    results = simulate(kecheng, levers={"fiscal_st_growth": 40, "hightech_investment_growth": 40})
    for share in ("hightech_va_share", "new_product_rate"):
        assert (results.sel(share) < 100).all() and (results.sel(share) > 0).all()


def test_halving_dt_changes_no_target_indicator_by_more_than_one_percent(kecheng):
    dt = kecheng.meta.dt
    coarse, fine = simulate(kecheng), simulate(kecheng, dt=dt / 2)
    year = kecheng.meta.target_year
    for indicator in {t.indicator for t in kecheng.targets if t.tracked}:
        a, b = coarse.sel(indicator, year)[0], fine.sel(indicator, year)[0]
        assert abs(a - b) <= 0.01 * abs(b), f"{indicator}: {a} at dt {dt}, {b} at dt {dt / 2}"


def test_rk4_at_the_scenario_dt_agrees_with_a_fine_euler_run(kecheng):
    # The shipped scenarios integrate with RK4 at dt 0.25: its answers must agree with Euler
    # at a step eight times finer, whose own error is then about 0.2-0.5 %.
    assert kecheng.meta.integration == "rk4"
    rk4 = simulate(kecheng)
    euler = evaluate(kecheng, dt=kecheng.meta.dt / 8, integration="euler")
    year = kecheng.meta.target_year
    structure = shipped_structure()
    totals = (set(InnovationModel.all_variables()) - set(STOCKS)) | set(structure.totals)
    for indicator in {t.indicator for t in kecheng.targets if t.tracked}:
        a, b = euler.sel(indicator, year)[0], rk4.sel(indicator, year)[0]
        # A year's total (of a flow, or an annual quantity) is, under Euler, a left-point
        # sum: growing at r a year it falls short by about r * dt / 2; levels and ratios of
        # two totals carry no such bias.
        tolerance = 0.01 if indicator in totals else 0.006
        assert abs(a - b) <= tolerance * abs(b), f"{indicator}: Euler {a}, RK4 {b}"


def test_more_fiscal_spending_never_lowers_rd_intensity(kecheng):
    draws = sample(kecheng, 300, seed=11)
    for low, high in ((0, 5), (10, 15), (15, 25), (25, 40)):
        lower = evaluate(kecheng, draws, levers={"fiscal_st_growth": low}).sel("rd_intensity")
        higher = evaluate(kecheng, draws, levers={"fiscal_st_growth": high}).sel("rd_intensity")
        assert (higher >= lower - 1e-12).all(), (low, high)
        assert (higher[-1] > lower[-1]).all()


SIGN_CASES = [  # lever changes from the first plan year, indicator that must rise
    ({"hightech_investment_growth": 10}, {"hightech_investment_growth": 25}, "hightech_va_share"),
    ({"hightech_relocations_per_year": 0}, {"hightech_relocations_per_year": 10},
     "hightech_enterprises"),
    ({"share_talent": 10, "share_public_research": 30},
     {"share_talent": 30, "share_public_research": 10}, "high_level_recruitment"),
    ({"share_incubation": 5, "share_rd_subsidies": 50},
     {"share_incubation": 25, "share_rd_subsidies": 30}, "incubator_capacity"),
    ({"share_rd_subsidies": 20, "share_public_research": 40},
     {"share_rd_subsidies": 50, "share_public_research": 10}, "enterprise_rd"),
    ({"share_tech_market": 2, "share_public_research": 23},
     {"share_tech_market": 10, "share_public_research": 15}, "tech_contract_turnover"),
]


@pytest.mark.parametrize("low, high, indicator", SIGN_CASES,
                         ids=[" vs ".join(map(str, case[:2])) for case in SIGN_CASES])
def test_policy_signs_hold_across_the_uncertainty(kecheng, low, high, indicator):
    draws = sample(kecheng, 200, seed=5)
    lower = evaluate(kecheng, draws, levers=low).sel(indicator)
    higher = evaluate(kecheng, draws, levers=high).sel(indicator)
    assert (higher[0] == lower[0]).all()            # the start year is history
    assert (higher[2:] > lower[2:]).all(), indicator  # from the second plan year on


def test_policy_shares_must_still_sum_to_100(kecheng):
    with pytest.raises(ValueError, match="sum to 100"):
        evaluate(kecheng, levers={"share_talent": 40})


def test_a_larger_super_deduction_raises_enterprise_rd(kecheng):
    draws = sample(kecheng, 200, seed=6)
    low = evaluate(kecheng, draws, levers={"super_deduction_rate": 100}).sel("enterprise_rd")
    high = evaluate(kecheng, draws, levers={"super_deduction_rate": 150}).sel("enterprise_rd")
    assert (high[0] == low[0]).all()
    assert (high[1:] > low[1:]).all()


def test_many_parameter_sets_at_once_equal_the_same_sets_one_by_one(kecheng):
    draws = sample(kecheng, 5, seed=2)
    together = evaluate(kecheng, draws)
    for run in range(5):
        alone = evaluate(kecheng, {k: v[run:run + 1] for k, v in draws.items()})
        np.testing.assert_allclose(together.values[:, :, run], alone.values[:, :, 0],
                                   rtol=1e-12, atol=0, equal_nan=True)


def test_chunked_ensembles_equal_unchunked(kecheng, monkeypatch):
    draws = sample(kecheng, 40, seed=9)
    whole = evaluate(kecheng, draws).values
    # `model.simulate` is also the name of the function the package exports.
    monkeypatch.setattr(importlib.import_module("model.simulate"), "CHUNK_RUNS", 7)
    np.testing.assert_array_equal(evaluate(kecheng, draws).values, whole)


def test_same_seed_same_numbers_other_seed_other_numbers(kecheng):
    a = simulate(kecheng, runs=30, seed=4).values
    b = simulate(kecheng, runs=30, seed=4).values
    c = simulate(kecheng, runs=30, seed=5).values
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a[:, 1:], c[:, 1:])


def test_a_start_value_below_the_plan_value_raises_rd_from_the_first_plan_year(kecheng):
    # Kecheng's 2022 effective super-deduction was 90 %; the plan years have 100 %.
    unchanged = kecheng.model_copy(deep=True)
    del unchanged.baseline["super_deduction_rate"]
    changed_rd = simulate(kecheng).sel("enterprise_rd")[:, 0]
    unchanged_rd = simulate(unchanged).sel("enterprise_rd")[:, 0]
    assert changed_rd[0] == pytest.approx(unchanged_rd[0])
    assert (changed_rd[1:] > unchanged_rd[1:]).all()


def test_a_scheduled_event_changes_the_run_from_its_year(kecheng):
    cut = kecheng.model_copy(deep=True)
    cut.events = [Event(year=2025, lever="fiscal_st_growth", value=0.0, source="test")]
    base = simulate(kecheng).sel("fiscal_st_spending")[:, 0]
    after = simulate(cut).sel("fiscal_st_spending")[:, 0]
    assert after[:3] == pytest.approx(base[:3])        # 2022-2024: +15 % a year
    assert after[4] == pytest.approx(after[3])         # 2025 on: flat
    assert (after[3:] < base[3:]).all()


def test_units_agree_along_every_flow():
    """Dimensional consistency: a flow that leaves one stock and enters another carries one
    unit, so both stocks share it (the flow's unit is that unit per year)."""
    touched: dict[str, set[str]] = {}
    for spec in STOCKS.values():
        for flow in spec.inflows + spec.outflows:
            touched.setdefault(flow, set()).add(spec.unit)
    for flow, (source, target) in DISCRETE_FLOWS.items():
        touched.setdefault(flow, set()).update(
            STOCKS[s].unit for s in (source, target) if s is not None)
    mixed = {flow: units for flow, units in touched.items() if len(units) != 1}
    assert not mixed, mixed
