from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from model import load_scenario

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
KECHENG = SCENARIOS / "kecheng-2027.toml"

# The malformed-file catalogue (malformed_cases.py) is a plain module next to the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def kecheng():
    return load_scenario(KECHENG)


# CI replays the same examples every run, so that a red CI is a real regression.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
