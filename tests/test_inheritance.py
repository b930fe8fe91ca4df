"""extends: merge semantics, chains, and where a parent may live."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from model.errors import ScenarioError
from model.inheritance import merge
from model.scenario import load_scenario, parse_scenario

KECHENG = Path(__file__).resolve().parent.parent / "scenarios" / "kecheng-2027.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(KECHENG, tmp_path / "kecheng-2027.toml")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_tables_merge_key_by_key_and_entries_replace_whole():
    parent = {"levers": {"a": {"value": 1, "source": "p"}, "b": {"value": 2, "source": "p"}},
              "targets": [{"x": 1}, {"x": 2}], "events": [{"e": 1}]}
    child = {"extends": "p.toml", "levers": {"a": {"value": 5, "assumption": True}},
             "targets": [{"x": 3}]}
    merged = merge(parent, child)
    assert merged["levers"] == {"a": {"value": 5, "assumption": True},
                                "b": {"value": 2, "source": "p"}}
    assert merged["targets"] == [{"x": 3}]      # arrays replaced whole
    assert merged["events"] == [{"e": 1}]       # inherited when not given
    assert "extends" not in merged


def test_variant_inherits_everything_it_does_not_set(folder):
    variant = write(folder / "v.toml", 'extends = "kecheng-2027.toml"\n[scenario]\nname = "v"\n'
                    '[levers]\nfiscal_st_growth = { value = 25, source = "variant" }\n')
    base, child = load_scenario(folder / "kecheng-2027.toml"), load_scenario(variant)
    assert child.meta.name == "v" and child.meta.region == base.meta.region
    assert child.levers["fiscal_st_growth"].value == 25
    assert child.levers["fiscal_st_growth"].source == "variant"
    assert child.levers["share_talent"] == base.levers["share_talent"]
    # A variant changes policy, not history: the parent's lever value is its start-year value.
    assert child.baseline == {**base.baseline, "fiscal_st_growth": base.levers["fiscal_st_growth"]}
    assert child.targets == base.targets and child.events == base.events
    assert child.extends == (str(folder / "kecheng-2027.toml"),)


def test_a_new_value_does_not_inherit_its_parents_source(folder):
    variant = write(folder / "v.toml", 'extends = "kecheng-2027.toml"\n'
                    "[levers]\nfiscal_st_growth = { value = 25 }\n")
    with pytest.raises(ScenarioError) as error:
        load_scenario(variant)
    assert error.value.field == "levers.fiscal_st_growth"
    assert "source" in error.value.problem


def test_chains_resolve_parent_first(folder):
    write(folder / "a.toml", 'extends = "kecheng-2027.toml"\n'
          '[levers]\nfiscal_st_growth = { value = 25, source = "a" }\n'
          'share_talent = { value = 20, source = "a" }\n')
    b = write(folder / "b.toml", 'extends = "a.toml"\n'
              '[levers]\nfiscal_st_growth = { value = 30, source = "b" }\n')
    scenario = load_scenario(b)
    assert scenario.levers["fiscal_st_growth"].source == "b"
    assert scenario.levers["share_talent"].source == "a"
    assert [Path(p).name for p in scenario.extends] == ["a.toml", "kecheng-2027.toml"]


def test_parent_in_a_subfolder_is_allowed(folder):
    (folder / "plans").mkdir()
    shutil.move(folder / "kecheng-2027.toml", folder / "plans" / "kecheng-2027.toml")
    variant = write(folder / "v.toml", 'extends = "plans/kecheng-2027.toml"\n')
    assert load_scenario(variant).meta.name == "kecheng-2027"


def test_a_variant_is_validated_as_the_whole_scenario(folder):
    variant = write(folder / "v.toml", 'extends = "kecheng-2027.toml"\n'
                    '[levers]\nshare_talent = { value = 30, source = "v" }\n')
    with pytest.raises(ScenarioError) as error:
        load_scenario(variant)
    assert "allocation shares sum to 110" in str(error.value)
    assert error.value.path == str(variant)


def test_text_without_a_folder_cannot_extend():
    with pytest.raises(ScenarioError) as error:
        parse_scenario('extends = "kecheng-2027.toml"\n', "pasted.toml")
    assert error.value.field == "extends"


def test_a_variant_share_change_acts_from_the_first_plan_year(folder):
    from model import simulate

    variant = write(folder / "v.toml", 'extends = "kecheng-2027.toml"\n[levers]\n'
                    'share_talent = { value = 30, source = "variant" }\n'
                    'share_public_research = { value = 10, source = "variant" }\n')
    base = simulate(load_scenario(folder / "kecheng-2027.toml")).sel("high_level_recruitment")
    more = simulate(load_scenario(variant)).sel("high_level_recruitment")
    assert more[0, 0] == base[0, 0]          # the start year is the parent's history
    assert (more[1:, 0] > base[1:, 0]).all()  # more talent spending from the first plan year
