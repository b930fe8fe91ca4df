"""Lever state and the page address: which scenario, language and lever values are shown.

The address's query parameters hold the scenario file name (``scenario``), the language
(``lang``), every lever that differs from the plan (``fiscal_st_growth=12``) and every edited
parameter (``p.rd_depreciation=20``), so a copied link reproduces the view. Reading an
address checks every value; a bad one is reported as a one-line
:class:`~model.errors.ScenarioError` and the plan's value is kept.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from model.catalogue import LEVERS, PARAMETERS
from model.errors import ScenarioError, with_path
from model.inheritance import inside
from model.scenario import MAX_FILE_BYTES, Scenario, load_scenario, parse_scenario
from model.untrusted import display_name

from .i18n import DEFAULT_LANGUAGE, LANGUAGES

PARAMETER_PREFIX = "p."
URL = "URL"  # the "file" named in errors about the page address
DEFAULT_SCENARIO = "kecheng-2027.toml"


@dataclass
class Address:
    """What a page address asks for, and the problems found reading it."""

    scenario: str | None = None
    language: str = DEFAULT_LANGUAGE
    levers: dict[str, float] = field(default_factory=dict)
    parameters: dict[str, float] = field(default_factory=dict)
    problems: list[ScenarioError] = field(default_factory=list)  # shown by app/messages.py


def scenario_files(folder: Path) -> dict[str, Path]:
    """Scenario files in ``folder`` by file name, sorted, the default first.

    Only regular files inside the folder (symlinks followed, as ``extends`` is resolved):
    a FIFO, a folder named ``x.toml``, a dangling symlink or one leading out is no scenario.
    """
    files = {p.name: p for p in sorted(folder.glob("*.toml"))
             if inside(p, folder) and _regular(p)}
    if DEFAULT_SCENARIO in files:
        files = {DEFAULT_SCENARIO: files[DEFAULT_SCENARIO], **files}
    return files


def _regular(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def read_address(params: Mapping[str, str]) -> Address:
    """Parse query parameters; unknown keys and bad numbers become one-line problems."""
    address = Address()
    for key, raw in params.items():
        if key == "scenario":
            address.scenario = raw
        elif key == "lang":
            if raw in LANGUAGES:
                address.language = raw
            else:
                address.problems.append(ScenarioError(
                    URL, "lang", f"unknown language {raw!r}", " or ".join(LANGUAGES)))
        elif key in LEVERS or (key.startswith(PARAMETER_PREFIX)
                               and key[len(PARAMETER_PREFIX):] in PARAMETERS):
            is_lever = key in LEVERS
            name = key if is_lever else key[len(PARAMETER_PREFIX):]
            spec = LEVERS[name] if is_lever else PARAMETERS[name]
            try:
                value = float(raw)
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                address.problems.append(ScenarioError(
                    URL, key, f"{raw!r} is not a number", f"a value in {spec.unit}"))
                continue
            (address.levers if is_lever else address.parameters)[name] = value
        else:
            address.problems.append(ScenarioError(
                URL, key, f"unknown parameter {key!r}",
                "scenario, lang, a lever key or p.<parameter key>"))
    return address


def write_address(scenario: str, language: str, changed_levers: Mapping[str, float],
                  edited_parameters: Mapping[str, float]) -> dict[str, str]:
    """Query parameters for this view (only what differs from the plan)."""
    params = {"scenario": scenario, "lang": language}
    params.update({k: f"{v:.6g}" for k, v in changed_levers.items()})
    params.update({PARAMETER_PREFIX + k: f"{v:.6g}" for k, v in edited_parameters.items()})
    return params


def check_in_range(key: str, value: float, low: float, high: float) -> ScenarioError | None:
    """A one-line problem when an address asks for a value outside a slider's range."""
    if low <= value <= high:
        return None
    return ScenarioError(URL, key, f"{value:g} lies outside the range",
                         f"a value from {low:g} to {high:g}")


def read_upload(name: str, data: bytes, folder: Path | None = None) -> Scenario:
    """An uploaded scenario, checked as the CLI checks a file; raises :class:`ScenarioError`.

    A variant saved from this app ``extends`` a file of the scenario folder: with ``folder``
    given, the upload is resolved exactly as the CLI resolves the same file saved in that
    folder (parents found there, symlinks followed, nothing outside it), without writing or
    copying anything. Errors name the upload by its display name.
    """
    shown = display_name(name)
    if not shown.lower().endswith(".toml"):
        raise ScenarioError(shown, "", "is not a .toml file", "a scenario file ending in .toml")
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError(shown, "", f"file is {len(data):,} bytes",
                            f"a scenario of at most {MAX_FILE_BYTES:,} bytes")
    if folder is None:
        return parse_scenario(data, shown)
    saved_as = Path(folder) / shown   # never opened: ``data`` is its text
    try:
        scenario = load_scenario(saved_as, data)
    except ScenarioError as error:
        where = shown if error.path == str(saved_as) else Path(error.path).name
        raise with_path(error, where) from None
    # Where it came from, for the page and for a variant of it.
    scenario._path = shown
    scenario._extends = tuple(Path(p).name for p in scenario.extends)
    return scenario
