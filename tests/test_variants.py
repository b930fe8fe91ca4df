"""Saving: variants of edited levers, edits in place, and load -> save -> load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import ScenarioError
from model.scenario import load_scenario
from model.variants import save_scenario, save_variant, set_levers

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
PLAIN = sorted(p for p in SCENARIOS.glob("*.toml") if "extends" not in p.read_text("utf-8"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for path in SCENARIOS.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


@pytest.mark.parametrize("name", [p.name for p in SCENARIOS.glob("*.toml")])
def test_load_save_load_gives_the_same_scenario(folder, name):
    before = load_scenario(folder / name)
    after = save_scenario(folder / name, folder / f"copy-{name}")
    assert after.model_dump() == before.model_dump()
    assert (folder / f"copy-{name}").read_text("utf-8") == (folder / name).read_text("utf-8")


def test_save_variant_writes_only_the_edits_and_loads_as_the_base_plus_edits(folder):
    base = folder / "kecheng-2027.toml"
    saved = save_variant(base, {"fiscal_st_growth": 22.5}, folder / "mine.toml",
                         source="planner Wang, 2026-11-22")
    text = (folder / "mine.toml").read_text("utf-8")
    assert 'extends = "kecheng-2027.toml"' in text
    assert "share_talent" not in text                     # untouched levers are inherited
    reloaded = load_scenario(folder / "mine.toml")
    assert reloaded.model_dump() == saved.model_dump()
    assert reloaded.levers["fiscal_st_growth"].value == 22.5
    assert reloaded.levers["fiscal_st_growth"].source == "planner Wang, 2026-11-22"
    original = load_scenario(base)
    # The variant keeps the parent's history: its start year runs on the parent's lever value.
    assert reloaded.baseline == {**original.baseline,
                                 "fiscal_st_growth": original.levers["fiscal_st_growth"]}
    assert reloaded.targets == original.targets


def test_saving_again_keeps_comments_and_order_of_the_variant(folder):
    path = folder / "kecheng-2027-accelerated.toml"
    before = path.read_text("utf-8").splitlines()
    save_variant(folder / "kecheng-2027.toml", {"hightech_relocations_per_year": 9}, path)
    after = path.read_text("utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].startswith("hightech_relocations_per_year")
    assert load_scenario(path).levers["hightech_relocations_per_year"].value == 9


def test_set_levers_changes_one_line_and_keeps_the_rest(folder):
    path = folder / "pinghu-2020.toml"
    before = path.read_text("utf-8").splitlines()
    scenario = set_levers(path, {"fiscal_st_growth": 12}, source="bureau decision 2016")
    after = path.read_text("utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and after[changed[0]].startswith("fiscal_st_growth")
    assert scenario.levers["fiscal_st_growth"].source == "bureau decision 2016"


def test_an_unchanged_value_keeps_its_source(folder):
    path = folder / "kecheng-2027.toml"
    before = path.read_text("utf-8")
    set_levers(path, {"fiscal_st_growth": 15})
    assert path.read_text("utf-8") == before


def test_a_bad_save_leaves_the_saved_file_as_it_was(folder):
    path = folder / "kecheng-2027.toml"
    before = path.read_text("utf-8")
    with pytest.raises(ScenarioError) as error:
        set_levers(path, {"share_talent": 35})          # shares no longer sum to 100 %
    assert error.value.path == str(path)
    assert path.read_text("utf-8") == before
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_unknown_lever_is_refused_with_a_suggestion(folder):
    with pytest.raises(ScenarioError) as error:
        save_variant(folder / "kecheng-2027.toml", {"fiscal_growth": 1}, folder / "v.toml")
    assert "did you mean 'fiscal_st_growth'" in str(error.value)
    assert not (folder / "v.toml").exists()


def test_a_variant_of_another_base_is_not_overwritten(folder):
    target = folder / "xinhua-2025-accelerated.toml"
    before = target.read_text("utf-8")
    with pytest.raises(ScenarioError):
        save_variant(folder / "kecheng-2027.toml", {"fiscal_st_growth": 20}, target)
    assert target.read_text("utf-8") == before


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(growth=st.floats(-50, 50, allow_nan=False), talent=st.floats(0, 40, allow_nan=False))
def test_any_edit_saved_as_a_variant_loads_back_exactly(folder, growth, talent):
    base = folder / "kecheng-2027.toml"
    research = 40.0 - talent           # keep the five shares summing to 100 %
    edits = {"fiscal_st_growth": growth, "share_talent": talent,
             "share_public_research": research}
    saved = save_variant(base, edits, folder / "edited.toml")
    reloaded = load_scenario(folder / "edited.toml")
    assert reloaded.model_dump() == saved.model_dump()
    for key, value in edits.items():
        assert reloaded.levers[key].value == value


def test_the_writer_refuses_an_existing_file_unless_told_and_leaves_no_temporary(folder):
    from model.variants import variant_document, write_scenario

    document = variant_document("kecheng-2027.toml", "mine", comments=["a test"], sections={
        "levers": {"fiscal_st_growth": {"value": 21.0, "source": "test"}}, "parameters": {}})
    path = folder / "mine.toml"
    saved = write_scenario(document, path)
    assert saved is not None and saved.path == str(path)
    assert saved.levers["fiscal_st_growth"].value == 21.0
    text = path.read_text("utf-8")
    assert text.startswith('# a test\nextends = "kecheng-2027.toml"')
    assert "[parameters]" not in text                  # an empty section is left out
    document["scenario"]["name"] = "other"
    with pytest.raises(ScenarioError, match="file exists"):
        write_scenario(document, path)
    assert path.read_text("utf-8") == text
    write_scenario(document, path, overwrite=True)
    assert load_scenario(path).meta.name == "other"
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_the_writer_uses_the_usual_permissions(folder):
    import os
    import stat

    from model.variants import save_variant

    mask = os.umask(0o022)
    try:
        save_variant(folder / "kecheng-2027.toml", {"fiscal_st_growth": 20}, folder / "v.toml")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((folder / "v.toml").stat().st_mode) == 0o644


def test_a_variant_written_away_from_its_base_is_written_unchecked(folder, tmp_path_factory):
    from model.variants import variant_document, write_scenario

    elsewhere = tmp_path_factory.mktemp("elsewhere") / "v.toml"
    document = variant_document("kecheng-2027.toml", "v")
    with pytest.raises(ScenarioError, match="extends"):
        write_scenario(document, elsewhere)          # the base is not beside it: cannot load
    assert not elsewhere.exists()
    assert write_scenario(document, elsewhere, check=False) is None
    assert 'extends = "kecheng-2027.toml"' in elsewhere.read_text("utf-8")


def test_a_copy_does_not_replace_an_existing_file_unless_told(folder):
    before = (folder / "xinhua-2025.toml").read_text("utf-8")
    with pytest.raises(ScenarioError, match="file exists"):
        save_scenario(folder / "kecheng-2027.toml", folder / "xinhua-2025.toml")
    assert (folder / "xinhua-2025.toml").read_text("utf-8") == before
    save_scenario(folder / "kecheng-2027.toml", folder / "xinhua-2025.toml", overwrite=True)
    assert load_scenario(folder / "xinhua-2025.toml").meta.name == "kecheng-2027"
