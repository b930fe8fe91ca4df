"""The engine on a toy model that knows nothing of innovation."""

from __future__ import annotations

import numpy as np
import pytest

from model.engine import Engine, Ledger, StockSpec


class Tank:
    """One stock draining at a rate, filled by a constant inflow, plus a yearly top-up."""

    stocks = {"water": StockSpec("m3", inflows=("tap",), outflows=("drain",))}
    outputs = ("water", "tap", "drain", "top_up", "level_squared")

    def __init__(self, inflow: float, drain_rate: np.ndarray, top_up_year: int | None = None):
        self.inflow, self.drain_rate, self.top_up_year = inflow, drain_rate, top_up_year
        self.seen_at_top_up: list[float] = []

    def initial_state(self, n_runs):
        return {"water": np.full(n_runs, 10.0)}

    def rates(self, time, state):
        water = state["water"]
        return {"tap": self.inflow, "drain": self.drain_rate * water, "level_squared": water**2}

    def events(self, ledger: Ledger):
        if self.top_up_year is None:
            return

        def process():
            yield ledger.timeout(self.top_up_year - 2000)
            self.seen_at_top_up.append(ledger.env.now)
            ledger.transfer("top_up", np.full(ledger.state["water"].shape, 5.0), target="water")

        yield process


def test_euler_matches_closed_form_of_the_discrete_map():
    engine = Engine(2000, 2003, dt=0.25)
    model = Tank(inflow=0.0, drain_rate=np.array([0.2]))
    result = engine.run(model, 1)
    water = result.values[0, :, 0]
    # Explicit Euler: each year multiplies by (1 - 0.2 * 0.25) ** 4.
    assert water == pytest.approx(10.0 * (1 - 0.05) ** (4 * np.arange(4)))


def test_stock_change_equals_integral_of_flows_and_discrete_moves():
    engine = Engine(2000, 2005, dt=0.125)
    model = Tank(inflow=3.0, drain_rate=np.array([0.1, 0.5]), top_up_year=2002)
    result = engine.run(model, 2)
    water, tap, drain, top_up = (result.values[i] for i in range(4))
    change = np.diff(water, axis=0)
    assert change == pytest.approx(tap[1:] - drain[1:] + top_up[1:])
    assert top_up[2].tolist() == [5.0, 5.0] and top_up[3].tolist() == [0.0, 0.0]
    assert np.isnan(top_up[0]).all()  # a discrete flow has no start-year value


def test_event_fires_before_rates_are_taken_and_values_recorded_after_it():
    engine = Engine(2000, 2003, dt=0.5)
    with_event = engine.run(Tank(0.0, np.array([0.0]), top_up_year=2002), 1).values
    without = engine.run(Tank(0.0, np.array([0.0])), 1).values
    assert with_event[0, 2, 0] == without[0, 2, 0] + 5.0  # the 2002 record includes the top-up
    # Auxiliaries recorded in 2002 already see the topped-up level.
    assert with_event[4, 2, 0] == pytest.approx(15.0**2)


def test_event_time_is_a_whole_year_even_for_inexact_steps():
    model = Tank(0.0, np.array([0.0]), top_up_year=2002)
    Engine(2000, 2003, dt=0.1).run(model, 1)
    assert model.seen_at_top_up == [2002]


def test_ensemble_runs_equal_single_runs():
    rates = np.array([0.05, 0.3, 0.7])
    together = Engine(2000, 2004).run(Tank(2.0, rates), 3).values
    for i, rate in enumerate(rates):
        alone = Engine(2000, 2004).run(Tank(2.0, np.array([rate])), 1).values
        np.testing.assert_array_equal(together[:, :, i], alone[:, :, 0])


@pytest.mark.parametrize("dt", [0.0, -0.25, 0.3, 2.0])
def test_dt_must_divide_a_year(dt):
    with pytest.raises(ValueError, match="dt"):
        Engine(2000, 2003, dt=dt)


def test_end_must_follow_start():
    with pytest.raises(ValueError, match="after start"):
        Engine(2003, 2003)


def test_small_and_large_ensemble_updates_agree():
    # Up to Engine.SMALL_ENSEMBLE runs use the incidence-matrix product, more the sparse sums.
    rates = np.linspace(0.01, 0.9, Engine.SMALL_ENSEMBLE + 36)
    large = Engine(2000, 2006, dt=0.125).run(Tank(2.0, rates, top_up_year=2003), len(rates))
    for i in (0, 17, len(rates) - 1):
        small = Engine(2000, 2006, dt=0.125).run(Tank(2.0, rates[i:i + 1], top_up_year=2003), 1)
        np.testing.assert_allclose(large.values[:, :, i], small.values[:, :, 0], rtol=1e-12,
                                   equal_nan=True)


def test_rk4_is_far_more_accurate_than_euler_on_exponential_decay():
    exact = 10.0 * np.exp(-0.8 * np.arange(5))
    errors = {}
    for method in ("euler", "rk4"):
        water = Engine(2000, 2004, dt=0.25, method=method).run(
            Tank(0.0, np.array([0.8])), 1).values[0, :, 0]
        errors[method] = np.max(np.abs(water - exact) / exact)
    assert errors["rk4"] < 1e-4 < errors["euler"]
    assert errors["rk4"] < errors["euler"] / 1000


def test_rk4_steps_conserve_with_their_recorded_flows():
    result = Engine(2000, 2005, dt=0.5, method="rk4").run(
        Tank(3.0, np.array([0.2, 0.6]), top_up_year=2002), 2)
    water, tap, drain, top_up = (result.values[i] for i in range(4))
    assert np.diff(water, axis=0) == pytest.approx(tap[1:] - drain[1:] + top_up[1:])


def test_unknown_integration_method_is_refused():
    with pytest.raises(ValueError, match="integration method"):
        Engine(2000, 2003, method="rk45")


class Growing:
    """A level growing at ``rate`` (continuous), with an auxiliary twice the level and a flow
    equal to it: year totals, ratios of totals and given start-year totals."""

    stocks = {"level": StockSpec("亿元/年", inflows=("growth",))}
    totals = ("level", "double")
    ratios = {"share": ("level", "double")}

    def __init__(self, rate: float, outputs: tuple[str, ...], start_totals: dict | None = None):
        self.rate, self.outputs, self._start = rate, outputs, start_totals

    def initial_state(self, n_runs: int) -> dict[str, np.ndarray]:
        return {"level": np.ones(n_runs)}

    def rates(self, time: float, state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        return {"growth": self.rate * state["level"], "double": 2.0 * state["level"]}

    def events(self, ledger: Ledger):
        return ()

    def start_totals(self, n_runs: int) -> dict[str, np.ndarray]:
        return {k: np.full(n_runs, v) for k, v in (self._start or {}).items()}


@pytest.mark.parametrize("method, tolerance", [("rk4", 1e-6), ("euler", 5e-2)])
def test_year_totals_are_integrals_over_each_year(method, tolerance):
    rate = 0.2
    model = Growing(rate, ("level", "double", "growth", "share"))
    trajectory = Engine(2020, 2023, dt=0.25, method=method).run(model, 1)
    values = dict(zip(trajectory.variables, trajectory.values[:, :, 0], strict=True))
    years = np.arange(1, 4)
    exact = (np.exp(rate * years) - np.exp(rate * (years - 1))) / rate  # integral of e^(rt)
    np.testing.assert_allclose(values["level"][1:], exact, rtol=tolerance)
    np.testing.assert_allclose(values["double"][1:], 2.0 * exact, rtol=tolerance)
    np.testing.assert_allclose(values["growth"][1:], rate * exact, rtol=tolerance)
    # A ratio of year totals, not of year-end rates (here both are 0.5).
    np.testing.assert_allclose(values["share"], 0.5)


def test_given_start_totals_are_recorded_for_the_start_year_only():
    model = Growing(0.1, ("level", "double", "share", "growth"),
                    start_totals={"level": 0.9, "double": 3.6})
    trajectory = Engine(2020, 2022, dt=0.25, method="rk4").run(model, 2)
    values = dict(zip(trajectory.variables, trajectory.values[:, :, 0], strict=True))
    assert values["level"][0] == 0.9 and values["double"][0] == 3.6
    assert values["share"][0] == pytest.approx(0.25)       # the given totals' ratio
    assert values["growth"][0] == pytest.approx(0.1)        # no total given: rate at start
    assert values["level"][1] == pytest.approx((np.exp(0.1) - 1) / 0.1)


def test_a_flow_started_at_its_year_end_rate_continues_the_trend_of_its_year_total():
    from model.sectors.common import year_end_rate

    growth = 0.15
    start_total = 100.0
    start_rate = float(year_end_rate(start_total, growth))
    rate = np.log1p(growth)

    class Started(Growing):
        def initial_state(self, n_runs):
            return {"level": np.full(n_runs, start_rate)}

    trajectory = Engine(2020, 2022, method="rk4").run(
        Started(rate, ("level",), {"level": start_total}), 1)
    level = trajectory.values[0, :, 0]
    np.testing.assert_allclose(level, [100.0, 115.0, 132.25], rtol=1e-6)
    assert float(year_end_rate(start_total, 0.0)) == start_total
    assert float(year_end_rate(start_total, -0.1)) < start_total


def test_the_year_end_rate_stays_finite_for_any_finite_growth():
    # Found by the API fuzz: a start year's registrations 40 times the register gave a pool
    # growth whose e^g overflowed; the continuous form needs no e^g.
    import warnings

    from model.sectors.common import year_end_rate_at

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert float(year_end_rate_at(1.0, 800.0)) == pytest.approx(800.0)
        assert float(year_end_rate_at(1.0, -800.0)) == 0.0
        assert float(year_end_rate_at(2.0, 0.0)) == 2.0
