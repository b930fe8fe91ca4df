from __future__ import annotations

from pathlib import Path

import pytest

from model import load_scenario

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
KECHENG = SCENARIOS / "kecheng-2027.toml"


@pytest.fixture(scope="session")
def kecheng():
    return load_scenario(KECHENG)
