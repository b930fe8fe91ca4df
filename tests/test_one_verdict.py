"""Issue 11, item 1: one verdict everywhere. The same file gives the same verdicts and
probabilities in `check` (text, JSON, CSV), `list`, the app's table, its CSV and its Excel:
all draw the same seeded ensemble (model.targets.VERDICT_RUNS, VERDICT_SEED)."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest

from app import exports
from app.compute import compute_view
from app.i18n import t
from model.cli import main
from model.levers import plan_levers
from model.scenario import load_scenario
from model.targets import VERDICT_RUNS, VERDICT_SEED, probability_text

from .conftest import SCENARIOS

FILES = sorted(SCENARIOS.glob("*.toml"))
ROUND = 3   # probabilities of 500 runs are multiples of 0.002: three decimals are exact


def _cli(capsys, *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def listed():
    """`innosim list --format json` with its defaults, once for every file."""
    import contextlib

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["list", str(SCENARIOS), "--format", "json"]) == 0
    return {row["file"]: row for row in json.loads(buffer.getvalue())}


def _pairs(probabilities, likelihoods) -> list[tuple[float | None, str | None]]:
    return [(None if p is None or pd.isna(p) else round(float(p), ROUND),
             None if lk is None or (isinstance(lk, float) and pd.isna(lk)) else lk)
            for p, lk in zip(probabilities, likelihoods, strict=True)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_surface_gives_the_same_verdicts_and_probabilities(path, capsys, listed):
    runs, seed = str(VERDICT_RUNS), str(VERDICT_SEED)
    # The app: what the page shows for the plan as written.
    scenario = load_scenario(path)
    shown = compute_view(scenario, plan_levers(scenario))
    app = _pairs([v.probability for v in shown.verdicts],
                 [v.likelihood for v in shown.verdicts])
    assert any(p is not None and 0 < p < 1 for p, _ in app) or all(
        p in (0, 1, None) for p, _ in app)
    assert sum(p is not None for p, _ in app) == sum(t.tracked for t in scenario.targets)

    # check --format json (the default seed is the app's: no --seed given)
    records = json.loads(_cli(capsys, "check", str(path), "--runs", runs, "--format", "json"))
    assert _pairs([r["probability"] for r in records],
                  [r["likelihood"] for r in records]) == app
    # check --format csv
    frame = pd.read_csv(io.StringIO(_cli(capsys, "check", str(path), "--runs", runs,
                                         "--seed", seed, "--format", "csv")))
    assert _pairs(frame["probability"], frame["likelihood"]) == app
    # check as text: P(reach) with two decimals, and the likelihood word
    text = _cli(capsys, "check", str(path), "--runs", runs)
    rows = [line for line in text.splitlines()
            if re.search(r"\s(likely|at risk|unlikely|not modelled)\s*(\d{4}|–)\s*$", line)]
    assert len(rows) == len(app)
    for line, (p, likelihood) in zip(rows, app, strict=True):
        if likelihood is None:
            assert "not modelled" in line
            continue
        found = re.search(r"\s(\d\.\d\d)\s+\S+ (likely|at risk|unlikely)\s+(\d{4}|–)\s*$",
                          line)
        assert found and (found[1], found[2]) == (probability_text(p, fraction=True),
                                                  likelihood), line
    # list --format json (default runs and seed)
    row = listed[path.name]
    assert (row["runs"], row["seed"]) == (VERDICT_RUNS, VERDICT_SEED)
    assert _pairs([r["probability"] for r in row["verdicts"]],
                  [r["likelihood"] for r in row["verdicts"]]) == app
    for band in ("likely", "at risk", "unlikely"):
        assert row["targets"][band] == sum(lk == band for _, lk in app)
    # the app's verdict CSV and the Excel's verdict sheet, in both languages
    for language in ("zh", "en"):
        words = {t(b, language): b for b in ("likely", "at risk", "unlikely", "not modelled")}
        table = pd.read_csv(io.BytesIO(exports.verdicts_csv(shown, language)),
                            encoding="utf-8-sig")
        workbook = exports.results_xlsx(shown, language, plan_levers(scenario),
                                        plan_levers(scenario), {}, scenario=scenario)
        sheet = pd.read_excel(io.BytesIO(workbook), sheet_name=exports.SHEETS[language][0],
                              header=exports.HEADER_ROWS)
        for exported in (table, sheet):
            found = _pairs(exported[t("probability", language)],
                           [words[w] if words.get(w) != "not modelled" else None
                            for w in exported[t("verdict", language)]])
            assert found == app, (language, path.name)


def test_list_counts_change_with_the_seed_and_runs_given(capsys):
    """The counts are the ensemble's, not a central run's: another seed or size is honoured."""
    path = SCENARIOS / "xinhua-2025.toml"
    folder_rows = json.loads(_cli(capsys, "list", str(SCENARIOS), "--format", "json",
                                  "--runs", "40", "--seed", "3"))
    row = next(r for r in folder_rows if r["file"] == path.name)
    records = json.loads(_cli(capsys, "check", str(path), "--runs", "40", "--seed", "3",
                              "--format", "json"))
    assert [r["probability"] for r in row["verdicts"]] == [r["probability"] for r in records]
    assert (row["runs"], row["seed"]) == (40, 3)
