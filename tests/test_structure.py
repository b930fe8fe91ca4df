"""The sector contract: declared arrows, derived order, fixed inputs, run-twice determinism."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from model import load_scenario
from model.engine import Engine
from model.sectors import economy, rd
from model.sectors.common import Variable
from model.simulate import central_inputs
from model.structure import StructureError, build, open_arrows
from model.system import BASELINES, INPUTS, LOOPS, SECTORS, InnovationModel, shipped_structure

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def _model(name: str) -> tuple[InnovationModel, Engine]:
    scenario = load_scenario(SCENARIOS / name)
    values = central_inputs(scenario)
    baseline = {k: values[f"baseline.{k}"] / spec.scale for k, spec in BASELINES.items()
                if f"baseline.{k}" in values}  # optional start values may be left out
    inputs = {k: values[k] / spec.scale for k, spec in INPUTS.items()}
    meta = scenario.meta
    return (InnovationModel(baseline, inputs, meta.start, meta.end, 1),
            Engine(meta.start, meta.end, meta.dt))


def test_one_model_object_run_twice_gives_identical_numbers():
    model, engine = _model("kecheng-2027.toml")
    first = engine.run(model, 1).values.copy()
    second = engine.run(model, 1).values
    np.testing.assert_array_equal(first, second)


def test_two_models_run_interleaved_do_not_disturb_each_other():
    kecheng, kecheng_engine = _model("kecheng-2027.toml")
    pinghu, pinghu_engine = _model("pinghu-2020.toml")
    alone_k = kecheng_engine.run(kecheng, 1).values.copy()
    alone_p = pinghu_engine.run(pinghu, 1).values.copy()
    for _ in range(2):
        np.testing.assert_array_equal(pinghu_engine.run(pinghu, 1).values, alone_p)
        np.testing.assert_array_equal(kecheng_engine.run(kecheng, 1).values, alone_k)


def test_the_order_of_evaluation_comes_from_the_declared_reads():
    structure = shipped_structure()
    position = {s.name: i for i, s in enumerate(structure.rate_order)}
    for sector in structure.rate_order:
        for name in sector.reads:
            owner = structure.provided[name][0]
            if name not in structure.stocks:
                assert position[owner] < position[sector.name], (sector.name, name)
    # The declared order of the sectors is not needed: reversed, an order that respects
    # every read results, with the sectors that read nothing computed this step (economy)
    # before those that need it.
    reversed_order = build(tuple(reversed(SECTORS)), LOOPS).rate_order
    position = {s.name: i for i, s in enumerate(reversed_order)}
    for sector in reversed_order:
        for name in sector.reads:
            if name not in structure.stocks:
                assert position[structure.provided[name][0]] < position[sector.name], name
    assert position["economy"] < position["fiscal"] < position["rd"]


def _replace_sector(name: str, **changes) -> tuple:
    return tuple(dataclasses.replace(s, **changes) if s.name == name else s for s in SECTORS)


def test_an_undeclared_read_fails_when_the_model_is_built():
    reads = {k: v for k, v in rd.READS.items() if k != "gdp_nonindustrial"}
    flows = dict(rd.AUXILIARIES)
    flows["services_rd"] = Variable("亿元/年", "without its declared read", ("rd_incentive",))
    with pytest.raises(StructureError,
                       match="rd sector reads gdp_nonindustrial without declaring it"):
        build(_replace_sector("rd", reads=reads, auxiliaries=flows), LOOPS)


def test_a_unit_mismatch_fails_when_the_model_is_built():
    reads = {**economy.READS, "hightech_va": "万元/年"}
    with pytest.raises(StructureError, match="economy sector reads hightech_va in 万元/年, but "
                                             "the hightech sector provides it in 亿元/年"):
        build(_replace_sector("economy", reads=reads), LOOPS)


def test_a_quantity_provided_twice_fails():
    auxiliaries = {**economy.AUXILIARIES, "rd_intensity": Variable("1", "a second definition")}
    with pytest.raises(StructureError, match="rd_intensity: provided by both"):
        build(_replace_sector("economy", auxiliaries=auxiliaries), LOOPS)


def test_a_loop_without_a_stock_fails_naming_it():
    # Economy reading an auxiliary of the R&D sector, which reads economy's GDP: no stock.
    reads = {**economy.READS, "rd_intensity": "1"}

    def rates(s, p, c, v):
        economy.rates(s, p, c, v)
        v["gdp"] = v["gdp"] + 0.0 * v.get("rd_intensity", 0.0)

    with pytest.raises(StructureError, match="a loop with no stock"):
        build(_replace_sector("economy", reads=reads, rates=rates), LOOPS)


def test_every_declared_loop_closes_except_the_one_marked_open():
    structure = shipped_structure()
    for loop in LOOPS:
        gaps = open_arrows(loop, structure)
        assert bool(gaps) == loop.open, (loop.name, gaps)


def test_every_stock_flow_and_auxiliary_is_declared_with_a_unit_and_equation():
    for sector in SECTORS:
        for group in (sector.flows, sector.auxiliaries, sector.constants, sector.discrete_flows):
            for name, variable in group.items():
                assert variable.unit and variable.equation, f"{sector.name}.{name}"


def test_annual_quantities_are_totals_ratios_and_flows_not_year_end_levels():
    annual = shipped_structure().annual
    assert {"invention_patent_grants", "rd_intensity", "fiscal_st_spending"} <= annual
    assert "hightech_enterprises" not in annual         # a stock counted at the year's end
    assert "valid_invention_patents" not in annual
