"""Scenario files: TOML, read with tomllib, validated with pydantic, never executed.

A scenario is one plan (or a policy variant of it): where and when, the baseline values of
the start year, the plan's levers, overrides of model parameters, scheduled lever changes
(``[[events]]``), yearly paths of any lever or parameter (``[paths.<key>]``), and the plan's
targets, each quoted in Chinese from its seed document. Every number carries
``source = "..."`` or ``assumption = true`` with a plausible ``range``.

Values are written in the unit the model declares for the key (``innosim validate`` and the
error messages say which); shares and rates are in per cent, as plans write them.

Every problem is reported as one :class:`~model.errors.ScenarioError` line:
``path: field: what is wrong (what was expected)``.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import math
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from annotated_types import Len
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import arguments
from .arguments import MAX_STEPS_PER_YEAR
from .catalogue import (
    ALLOCATION_SHARES,
    BASELINES,
    INDICATORS,
    INPUTS,
    LEVERS,
    PARAMETERS,
    shares_sum_off,
)
from .errors import InputError, ScenarioError, raise_all
from .inheritance import resolve
from .quantities import Spec, likely_slip

MAX_FILE_BYTES = 1_000_000
MAX_NESTING = 8

Year = Annotated[int, Field(ge=1949, le=2100)]
Range = Annotated[list[float], Len(2, 2)]


def _filled(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("blank", "empty")
    return text


# Text a scenario must say something in: "" or spaces are refused like a missing field.
Filled = Annotated[str, AfterValidator(_filled)]
BLANK_SOURCE = "source is empty"
SOURCE_EXPECTED = "where the number was published, or assumption = true with a range"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


Distribution = Literal["uniform", "triangular", "truncnormal", "lognormal"]


class Entry(_Strict):
    """A number with its provenance, and for ensembles how it is uncertain.

    ``range`` alone means uniform on ``[low, high]``. ``distribution`` may say otherwise,
    always truncated to the range: ``triangular`` peaks at ``mode`` (default: ``value``);
    ``truncnormal`` has mean ``value`` and standard deviation ``sd``; ``lognormal`` has
    median ``value`` and ``sd`` the standard deviation of the logarithm.

    ``moves_with`` names another uncertain entry of the same table and ``rank_correlation``
    (Spearman, -1..1) how closely this one's draws follow it (a Gaussian copula; the
    marginal distribution is unchanged). A stock whose start is an assumption moves with its
    assumed inflow: drawn apart, 90 grants a year against 135 valid patents would say the
    stock grew 57 % in the start year and 40 against 248 that it grew 6 %, histories no
    county had; drawn together they keep the stock a few years of its inflow.
    """

    value: float
    source: str | None = None
    assumption: bool = False
    range: Range | None = None
    distribution: Distribution | None = None
    sd: float | None = None
    mode: float | None = None
    unit: str | None = None
    note: str | None = None
    moves_with: str | None = None
    rank_correlation: float | None = None

    @model_validator(mode="after")
    def _provenance(self) -> Entry:
        _source_filled(self.source)
        if self.assumption and self.range is None:
            raise ValueError("an assumption needs a plausible range = [low, high]")
        if not self.assumption and not self.source:
            raise ValueError("every number needs source = \"...\" or assumption = true")
        if self.range is not None:
            low, high = self.range
            if low > high:
                raise ValueError(f"range [{low:g}, {high:g}] has its low end above its high end")
        self._check_distribution()
        self._check_correlation()
        return self

    def _check_correlation(self) -> None:
        if (self.moves_with is None) != (self.rank_correlation is None):
            raise ValueError("moves_with and rank_correlation go together: the entry this one "
                             "is drawn with, and how closely (a rank correlation, -1..1)")
        if self.rank_correlation is None:
            return
        if not -1.0 <= self.rank_correlation <= 1.0:
            raise ValueError(f"rank_correlation {self.rank_correlation:g} must lie within "
                             f"-1..1")
        if self.range is None or not self.range[0] < self.range[1]:
            raise ValueError("moves_with needs a range = [low, high] to draw this entry in")

    def _check_distribution(self) -> None:
        kind = self.distribution
        if kind is None:
            if self.sd is not None or self.mode is not None:
                raise ValueError("sd and mode need distribution = \"truncnormal\", "
                                 "\"lognormal\" or \"triangular\"")
            return
        if self.range is None:
            raise ValueError(f"a {kind} distribution needs range = [low, high] to truncate it")
        low, high = self.range
        if self.sd is not None and not self.sd > 0:
            raise ValueError(f"sd {self.sd:g} must be positive")
        if kind in ("truncnormal", "lognormal") and self.sd is None:
            raise ValueError(f"a {kind} distribution needs sd = ... (a positive number)")
        if kind not in ("truncnormal", "lognormal") and self.sd is not None:
            raise ValueError(f"sd has no meaning for a {kind} distribution")
        if kind != "triangular" and self.mode is not None:
            raise ValueError(f"mode has no meaning for a {kind} distribution")
        if self.mode is not None and not low <= self.mode <= high:
            raise ValueError(f"mode {self.mode:g} lies outside its range [{low:g}, {high:g}]")
        if kind == "lognormal" and not (low >= 0 and self.value > 0):
            raise ValueError(f"a lognormal distribution needs value > 0 and range low >= 0 "
                             f"(got value {self.value:g}, range [{low:g}, {high:g}])")


def region_spec(scenario: Scenario, key: str) -> Spec:
    """The input's spec with its upper bound for this region: an input whose spec bounds it
    relative to a start value (``upper_share_of``) may be at most that fraction of the
    scenario's start value (and its floor), and never above its absolute ``upper``."""
    spec = INPUTS[key]
    if spec.upper_share_of is None:
        return spec
    base, fraction, floor = spec.upper_share_of
    entry = scenario.baseline.get(base)
    upper = None if entry is None else spec.upper_for(entry.value)
    if entry is None or upper == spec.upper:
        return spec
    return dataclasses.replace(
        spec, upper=upper,
        en=f"{spec.en}: {fraction:.0%} a year of the region's {entry.value:g} "
           f"{BASELINES[base].en} at the start, at least {floor:g}")


def _region_bounds(scenario: Scenario, path: str | Path) -> list[ScenarioError]:
    """Inputs bounded relative to the region (``Spec.upper_share_of``): every value the
    file gives them, as a plan value, a range end, an event or a yearly path."""
    problems: list[ScenarioError] = []
    for key, spec in INPUTS.items():
        if spec.upper_share_of is None:
            continue
        bounded = region_spec(scenario, key)
        values: list[tuple[str, float]] = []
        for section in ("baseline", "levers", "parameters"):
            entry = getattr(scenario, section).get(key)
            if entry is not None:
                values.append((f"{section}.{key}.value", entry.value))
                if entry.range is not None:
                    values.append((f"{section}.{key}.range", entry.range[1]))
        values += [(f"events[{i}].value", e.value) for i, e in enumerate(scenario.events)
                   if e.lever == key]
        if key in scenario.paths:
            values += [(f"paths.{key}.values[{i}]", v)
                       for i, v in enumerate(scenario.paths[key].values)]
        for field, value in values:
            try:
                _check_bounds(path, field, value, bounded)
            except ScenarioError as error:
                problems.append(error)
    return problems


def _correlations(scenario: Scenario, path: str | Path) -> list[ScenarioError]:
    """``moves_with`` names another input of its own table, one that moves alone (one level:
    a chain of followers would hide what each is drawn with). Where that input is not drawn
    (a sourced value, no range), the entry is drawn alone."""
    problems = []
    for section, declared in (("baseline", BASELINES), ("parameters", PARAMETERS)):
        table: dict[str, Entry] = getattr(scenario, section)
        for key, entry in table.items():
            leader = entry.moves_with
            if leader is None:
                continue
            field = f"{section}.{key}.moves_with"
            other = table.get(leader)
            spec = declared.get(leader)
            if leader == key:
                problems.append(ScenarioError(path, field, "an entry cannot move with itself",
                                              f"the key of another [{section}] entry"))
            elif spec is None:
                problems.append(ScenarioError(
                    path, field, f"no [{section}] key {leader!r} to move with",
                    _suggest(leader, tuple(declared))))
            elif other is None and section == "baseline":
                if spec.optional:   # (a required one that is missing has its own error)
                    problems.append(ScenarioError(
                        path, field, f"no [baseline] entry {leader!r} to move with",
                        f"{leader} = {{ value = ..., range = [low, high], ... }}"))
            elif other is not None and other.moves_with is not None:
                problems.append(ScenarioError(
                    path, field, f"{section}.{leader} itself moves with "
                    f"{other.moves_with!r}", f"moves_with = {other.moves_with!r}"))
    return problems


def _source_filled(source: str | None) -> None:
    if source is not None and not source.strip():
        raise ValueError(f"{BLANK_SOURCE} ({SOURCE_EXPECTED})")


class Meta(_Strict):
    name: Filled
    region: Filled
    region_en: Filled
    plan: Filled
    plan_en: str = ""
    document: str = ""
    seed: Filled
    issued: str = ""
    start: Year
    end: Year
    target_year: Year
    # Where the plan's text does not establish its target year (a compiled text that garbles
    # years), the file checks the most plausible year and says so: target_year_assumed = true
    # with target_year_note giving the reading; the app and the CLI show the note.
    target_year_assumed: bool = False
    target_year_note: str = ""
    dt: float = 0.25
    integration: Literal["euler", "rk4"] = "euler"
    fiscal_rule: Literal["growth", "share"] = "growth"
    # Outcomes after this year are deliberately left out of [[history]] (an out-of-sample
    # test, as for the national scenario): a review says so instead of showing a gap.
    actuals_withheld_after: Year | None = None
    # Plausible ranges are those of a county, district or city; a national replay has none.
    level: Literal["region", "nation"] = "region"

    @model_validator(mode="after")
    def _times(self) -> Meta:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} must be after start {self.start}")
        if not self.start < self.target_year <= self.end:
            raise ValueError(f"target_year {self.target_year} lies outside the run "
                             f"{self.start + 1}-{self.end}")
        if self.target_year_assumed and not self.target_year_note.strip():
            raise ValueError("target_year_assumed = true needs target_year_note = \"...\" "
                             "saying how the year was chosen")
        steps = round(1 / self.dt) if math.isfinite(self.dt) and self.dt > 1e-6 else 0
        if not 1 <= steps <= MAX_STEPS_PER_YEAR or abs(steps * self.dt - 1) > 1e-9:
            raise ValueError(f"dt {self.dt:g} must divide a year into whole steps, at most "
                             f"{MAX_STEPS_PER_YEAR} (1, 0.5, 0.25…)")
        return self


class Event(_Strict):
    year: Year
    lever: str
    value: float
    source: str | None = None
    assumption: bool = False

    @model_validator(mode="after")
    def _provenance(self) -> Event:
        _source_filled(self.source)
        return self


class YearlyPath(_Strict):
    """A lever or parameter given year by year: from the start of ``years[i]`` on, the input
    takes ``values[i]`` (display units, as in ``[[events]]``); before the first listed year it
    has its ``[levers]`` / ``[parameters]`` value. History replayed, or a plan's yearly targets.
    A path is not drawn in an ensemble: from its first year on, every run takes its values.
    """

    years: list[Year]
    values: list[float]
    source: str | None = None
    assumption: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> YearlyPath:
        if not self.years:
            raise ValueError("a path needs at least one year (years = [...], values = [...])")
        if len(self.years) != len(self.values):
            raise ValueError(f"{len(self.years)} years but {len(self.values)} values "
                             "(one value for each year)")
        for before, after in zip(self.years, self.years[1:], strict=False):
            if after <= before:
                raise ValueError(f"years must increase strictly ({after} follows {before})")
        _source_filled(self.source)
        if not self.assumption and not self.source:
            raise ValueError("every number needs source = \"...\" or assumption = true")
        return self


class Change(NamedTuple):
    """A scheduled change of a lever or parameter: ``key`` takes ``value`` (display units)
    from the start of ``year`` on."""

    year: int
    key: str
    value: float


# "about" is a symmetric band (≈ X ± tolerance), for a plan that means one; "about_or_above"
# is "达到X左右": reaching roughly X, so any value above X counts, and one below X within the
# tolerance too.
Op = Literal[">", ">=", "<", "<=", "about", "about_or_above"]
ABOUT_OPS = ("about", "about_or_above")
Kind = Literal["level", "cumulative", "growth", "flow", "rises"]


class Proxy(_Strict):
    """What the model judges where it cannot judge the plan's own statistic, in Chinese and
    English (shown next to the plan's wording in the CLI, the app and the exports)."""

    zh: Annotated[str, Field(pattern=r"\S")]
    en: Annotated[str, Field(pattern=r"\S")]


class Target(_Strict):
    indicator: str
    kind: Kind = "level"
    op: Op | None = None
    value: float | None = None
    year: Year
    from_year: Year | None = None
    tolerance: float | None = Field(default=None, ge=0)
    quote: Filled
    seed: Filled
    tracked: bool = True
    reason: str | None = None
    reason_zh: str | None = None   # the reason in Chinese (model/reasons.py has the usual ones)
    note: str | None = None
    proxy: Proxy | None = None

    # Validation guarantees op and value for every tracked target but "rises", and from_year
    # for every kind but "level": these give them typed, and say so when misused.
    @property
    def goal(self) -> float:
        """The target's value (``value``), for a target that has one."""
        if self.value is None:
            raise ValueError(f"a {self.kind} target for {self.indicator!r} has no value")
        return self.value

    @property
    def relation(self) -> Op:
        """The comparison (``op``), for a target that has one."""
        if self.op is None:
            raise ValueError(f"a {self.kind} target for {self.indicator!r} has no op")
        return self.op

    @property
    def start_year(self) -> int:
        """The first year of the target's span (``from_year``), for a target that has one."""
        if self.from_year is None:
            raise ValueError(f"a {self.kind} target for {self.indicator!r} has no from_year")
        return self.from_year

    @model_validator(mode="after")
    def _shape(self) -> Target:
        if self.tolerance is not None and self.op not in ABOUT_OPS:
            raise ValueError(f"tolerance applies to op = \"about\" or \"about_or_above\" "
                             f"(左右), not to op = {self.op!r}")
        if not self.tracked:
            if not self.reason:
                raise ValueError("a target with tracked = false needs reason = \"...\"")
            if self.proxy is not None:
                raise ValueError("proxy says which statistic the model judges instead; a "
                                 "target with tracked = false is not judged (give reason only)")
            return self
        if self.kind != "rises" and (self.op is None or self.value is None):
            raise ValueError(f"a {self.kind} target needs op and value")
        if self.kind != "level" and self.from_year is None:
            raise ValueError(f"a {self.kind} target needs from_year")
        if self.from_year is not None and self.from_year >= self.year:
            raise ValueError(f"from_year {self.from_year} must be before year {self.year}")
        return self


class HistoryPoint(_Strict):
    """An observed value of an indicator (an *actual*), with its source: before the start it
    feeds backtests' naive forecasts, after it calibration, backtests and the mid-term
    review's restart (:mod:`model.review`)."""

    indicator: str
    year: Year
    value: float
    source: Filled
    note: str | None = None


class Scenario(_Strict):
    """A validated scenario. ``path`` is where it was read from (not part of the file)."""

    scenario: Meta
    baseline: dict[str, Entry]
    levers: dict[str, Entry] = {}
    parameters: dict[str, Entry] = {}
    events: list[Event] = []
    paths: dict[str, YearlyPath] = {}
    targets: list[Target] = []
    history: list[HistoryPoint] = []
    _path: str = PrivateAttr(default="<memory>")
    _extends: tuple[str, ...] = PrivateAttr(default=())

    @property
    def path(self) -> str:
        """Where the scenario was read from (not part of the file)."""
        return self._path

    @property
    def extends(self) -> tuple[str, ...]:
        """The files this scenario inherits from, nearest parent first (empty if none)."""
        return self._extends

    @property
    def meta(self) -> Meta:
        return self.scenario

    def changes(self) -> list[Change]:
        """Every scheduled change, from ``[[events]]`` and ``[paths]``, sorted by year (the
        file's order within a year)."""
        found = [Change(e.year, e.lever, e.value) for e in self.events]
        for key, path in self.paths.items():
            found += [Change(y, key, v) for y, v in zip(path.years, path.values, strict=True)]
        return sorted(found, key=lambda change: change.year)

    def input_value(self, key: str) -> float:
        """A lever's or parameter's value in the scenario, or the model default."""
        table = self.levers if key in LEVERS else self.parameters
        if key in table:
            return table[key].value
        spec = LEVERS.get(key) or PARAMETERS[key]
        return float(spec.default_value)

    def input_entry(self, key: str) -> tuple[float, tuple[float, float] | None, str]:
        """(value, range, provenance) of a lever or parameter, scenario first, then model."""
        table = self.levers if key in LEVERS else self.parameters
        if key in table:
            entry = table[key]
            prov = entry.source or "assumption"
            bounds = (entry.range[0], entry.range[1]) if entry.range else None
            return entry.value, bounds, prov
        spec = LEVERS.get(key) or PARAMETERS[key]
        return (float(spec.default_value), spec.range,
                spec.source or f"assumption: {spec.doc}".strip())


# --- reading -----------------------------------------------------------------------------

def load_scenario(path: str | os.PathLike[str], data: bytes | str | None = None) -> Scenario:
    """Read, parse and validate a scenario file; raise :class:`ScenarioError` on any problem.

    A file with ``extends = "other.toml"`` is merged over its parent first (see
    :mod:`model.inheritance`), then validated as one scenario. With ``data``, that is the
    text of ``path`` and ``path`` is never read: an upload is resolved exactly as the same
    file saved at ``path`` would be (parents in its folder, never outside it).
    """
    path = Path(arguments.file_path(path))
    first = None if data is None else parse_document(data, path)
    document, chain = resolve(path, read_document, first)
    scenario = validate_document(document, path)
    scenario._extends = tuple(str(p) for p in chain[1:])
    return scenario


def read_document(path: str | Path) -> dict[str, Any]:
    """Read and parse one TOML file into a plain dict (no inheritance, no validation).

    Only a regular file is read (a FIFO would block, ``/dev/zero`` never ends), and never
    more than :data:`MAX_FILE_BYTES`; every file-system error is one line.
    """
    path = Path(path)
    size, data = 0, b""
    try:
        kind = os.stat(path).st_mode
        if stat.S_ISREG(kind):
            # Non-blocking, and the type checked again on what was opened: a file swapped
            # for a FIFO after the stat neither blocks nor is read.
            handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(handle, "rb") as stream:
                info = os.fstat(stream.fileno())
                kind, size = info.st_mode, info.st_size
                if stat.S_ISREG(kind) and size <= MAX_FILE_BYTES:
                    data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ScenarioError(path, "", "no such file", "a path to a .toml scenario") from None
    except OSError as error:
        raise ScenarioError(path, "", f"cannot be read: {error.strerror}", "a readable file") \
            from None
    except ValueError:  # a NUL byte in the name
        raise ScenarioError(path, "", "the name holds a NUL byte", "a file name") from None
    if stat.S_ISDIR(kind):
        raise ScenarioError(path, "", "is a folder", "a .toml scenario file")
    if not stat.S_ISREG(kind):
        raise ScenarioError(path, "", "is not a regular file (a device, FIFO or socket)",
                            "a .toml scenario file")
    if max(size, len(data)) > MAX_FILE_BYTES:  # the size, or what a size-0 file gave
        shown = f"{size:,} bytes" if size > MAX_FILE_BYTES else (
            f"more than {MAX_FILE_BYTES:,} bytes")
        raise ScenarioError(path, "", f"file is {shown}",
                            f"a scenario of at most {MAX_FILE_BYTES:,} bytes")
    return parse_document(data, path)


def parse_scenario(data: bytes | str, path: str | Path = "<memory>") -> Scenario:
    """Parse and validate scenario text (no ``extends``: there is no folder to resolve it in)."""
    document = parse_document(data, path)
    if "extends" in document:
        raise ScenarioError(path, "extends", "cannot be resolved for text not read from a file",
                            "load_scenario(path) for a variant")
    return validate_document(document, path)


def parse_document(data: bytes | str, path: str | Path = "<memory>") -> dict[str, Any]:
    """TOML text -> dict, with one-line errors for size, encoding and syntax."""
    if not isinstance(data, bytes | str):
        raise InputError("data", f"{arguments.shown(data)} is not scenario text",
                         "the TOML text as str or bytes")
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise ScenarioError(path, "", f"file is {len(data):,} bytes",
                                f"a scenario of at most {MAX_FILE_BYTES:,} bytes")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ScenarioError(path, "", f"not UTF-8 text (bad byte at offset {error.start})",
                                "a TOML file saved as UTF-8") from None
    else:
        text = data
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if message.startswith("Cannot overwrite a value") or "Cannot declare" in message:
            # tomllib's words for a key or table given twice
            where = message[message.rfind("(at line"):] if "(at line" in message else ""
            raise ScenarioError(path, "", f"a key or table is given twice {where}".strip(),
                                "each key and table once") from None
        raise ScenarioError(path, "", f"broken TOML: {message}", "valid TOML") from None
    except ValueError as error:  # Python's limit on digits in an integer
        if "integer string conversion" not in str(error):
            raise
        raise ScenarioError(path, "", "a whole number with more than 4,300 digits",
                            "numbers of a sensible length") from None
    except RecursionError:
        raise ScenarioError(path, "", "nested too deeply to read",
                            f"at most {MAX_NESTING} levels of tables and arrays") from None


def validate_document(document: dict[str, Any], path: str | Path = "<memory>") -> Scenario:
    depth_field = _too_deep(document)
    if depth_field is not None:
        raise ScenarioError(path, depth_field, "nested too deeply",
                            f"at most {MAX_NESTING} levels of tables and arrays")
    if not document:
        raise ScenarioError(path, "", "the file is empty",
                            "a scenario; innosim new FILE writes one to fill in")
    # Every problem at once: a planner setting up a region fixes them in one round.
    missing = _missing_baselines(document, path)
    try:
        scenario = Scenario.model_validate(document)
    except ValidationError as error:
        raise_all(_sorted([*_from_pydantic(error, path), *missing,
                           *_despite(document, error, path)]))
        raise AssertionError("unreachable") from None
    scenario._path = str(path)
    raise_all(_sorted([*missing, *_check_against_model(scenario, path)]))
    return scenario


_TABLES = ("baseline", "levers", "parameters", "paths")
_ARRAYS = ("events", "targets", "history")


def _despite(document: dict[str, Any], error: ValidationError, path: str | Path
             ) -> list[ScenarioError]:
    """The model's checks on every part pydantic accepted, so that a file's problems come in
    one round: the entries and array items it refused are set aside (and an empty text field
    of [scenario] filled in) and the rest is checked; nothing if that cannot be done safely."""
    pruned = copy.deepcopy(document)
    dropped: dict[str, set[Any]] = {}
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        if len(loc) >= 2 and loc[0] in _TABLES + _ARRAYS:
            dropped.setdefault(str(loc[0]), set()).add(loc[1])
        elif len(loc) == 2 and loc[0] == "scenario" and detail["type"] == "blank":
            pruned["scenario"][loc[1]] = "?"
        else:
            return []
    kept: dict[str, list[int]] = {}
    for section, items in dropped.items():
        if section in _TABLES and isinstance(pruned.get(section), dict):
            pruned[section] = {k: v for k, v in pruned[section].items() if k not in items}
        elif isinstance(pruned.get(section), list):
            kept[section] = [i for i in range(len(pruned[section])) if i not in items]
            pruned[section] = [pruned[section][i] for i in kept[section]]
    try:
        scenario = Scenario.model_validate(pruned)
    except ValidationError:
        return []
    problems = []
    for problem in _check_against_model(scenario, path):
        field = problem.field
        match = re.match(r"^(events|targets|history)\[(\d+)\]", field)
        if match and match[1] in kept:   # the item's index in the file
            field = f"{match[1]}[{kept[match[1]][int(match[2])]}]" + field[match.end():]
        problems.append(ScenarioError(path, field, problem.problem, problem.expected))
    return problems


_SECTION_ORDER = ("", "extends", "scenario", "baseline", "levers", "parameters", "events",
                  "paths", "targets", "history")


def _sorted(problems: list[ScenarioError]) -> list[ScenarioError]:
    """Problems in the order of the file's sections (each section's own order kept)."""
    def section(problem: ScenarioError) -> int:
        head = problem.field.split(".")[0].split("[")[0]
        return _SECTION_ORDER.index(head) if head in _SECTION_ORDER else len(_SECTION_ORDER)
    return sorted(problems, key=section)


def _missing_baselines(document: dict[str, Any], path: str | Path) -> list[ScenarioError]:
    """One line per start value the file does not give (read from the raw document, so they
    are listed with every other problem, not after them)."""
    table = document.get("baseline")
    if not isinstance(table, dict):
        return []
    meta = document.get("scenario")
    start = meta.get("start") if isinstance(meta, dict) else None
    year = f"the {start} value" if isinstance(start, int) else "the start-year value"
    # A misspelt key is reported once, as unknown with its suggestion, not also as missing.
    meant: set[str] = {close for key in table if key not in BASELINES and key not in LEVERS
             for close in difflib.get_close_matches(key, list(BASELINES), n=1, cutoff=0.5)}
    return [ScenarioError(path, f"baseline.{key}", "missing",
                          f"{year} of {spec.en} in {spec.unit}")
            for key, spec in BASELINES.items()
            if key not in table and key not in meant and not spec.optional]


def _too_deep(node: Any, depth: int = 0, where: str = "") -> str | None:
    if depth > MAX_NESTING:
        return where or "(top)"
    children = node.items() if isinstance(node, dict) else (
        ((f"[{i}]", v) for i, v in enumerate(node)) if isinstance(node, list) else ())
    for key, child in children:
        name = f"{where}{key}" if key.startswith("[") else (f"{where}.{key}" if where else key)
        found = _too_deep(child, depth + 1, name)
        if found:
            return found
    return None


# --- pydantic errors as one line -----------------------------------------------------------

_EXPECTED = {
    "float_type": "a number",
    "int_type": "a whole number",
    "string_type": "text in quotes",
    "bool_type": "true or false",
    "dict_type": "a table",
    "list_type": "an array",
    "model_type": "a table",
    "finite_number": "a finite number, not nan or inf",
    "missing": "this field to be present",
    "literal_error": "",
    "too_short": "an array [low, high]",
    "too_long": "an array [low, high]",
    "greater_than_equal": "",
    "less_than_equal": "",
}


def _field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model class that owns the last element of ``loc``."""
    import typing

    current: Any = Scenario
    for part in loc[:-1]:
        if isinstance(current, type) and issubclass(current, BaseModel):
            if isinstance(part, str) and part in current.model_fields:
                current = current.model_fields[part].annotation
                continue
            return None
        args = [a for a in typing.get_args(current) if a is not type(None)]
        origin = typing.get_origin(current)
        if origin is dict:
            current = args[1]
        elif origin is list:
            current = args[0]
        elif args:
            current = next((a for a in args if isinstance(a, type)), None)
        else:
            return None
    if current is not None and typing.get_origin(current) is not None:
        args = [a for a in typing.get_args(current) if a is not type(None)]
        current = args[-1] if typing.get_origin(current) is dict else args[0]
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _from_pydantic(error: ValidationError, path: str | Path) -> list[ScenarioError]:
    """Every problem pydantic found, one line each (the same line said once)."""
    found: dict[str, ScenarioError] = {}
    details = error.errors(include_url=False)
    for detail in details:
        problem = _one_problem(detail, path)
        found.setdefault(problem.line(), problem)
    # A misspelt key is reported once, as unknown with its suggestion, not also as missing.
    meant: set[str] = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            loc = tuple(detail["loc"])
            owner = _model_at(loc)
            close = difflib.get_close_matches(str(loc[-1]), list(owner.model_fields) if owner
                                              else [], n=1, cutoff=0.5)
            meant.update(_field_name((*loc[:-1], name)) for name in close)
    return [p for p in found.values() if not (p.problem.startswith("missing")
                                              and p.field in meant)]


_BLANK_EXPECTED = {
    "seed": "the plan document this scenario rests on: its file in shared/seeds or its "
            "number (文号)",
    "quote": "the plan's own words for this target",
    "source": SOURCE_EXPECTED,
}


def _one_problem(first: Any, path: str | Path) -> ScenarioError:
    loc, kind = tuple(first["loc"]), first["type"]
    # Union branches add their type name to loc (e.g. 'float'); drop those.
    loc = tuple(p for p in loc if p not in {"float", "str", "int", "bool", "list[float]"})
    field = _field_name(loc)
    if kind == "extra_forbidden":
        owner = _model_at(loc)
        allowed = list(owner.model_fields) if owner else []
        return ScenarioError(path, field, f"unknown key {loc[-1]!r}", _suggest(str(loc[-1]),
                                                                               allowed))
    if kind == "value_error":
        message = str(first["ctx"]["error"]) if "ctx" in first else first["msg"]
        if message.startswith(BLANK_SOURCE):
            return ScenarioError(path, f"{field}.source", "empty", SOURCE_EXPECTED)
        return ScenarioError(path, field, message, "")
    if kind == "blank":
        return ScenarioError(path, field, "empty", _BLANK_EXPECTED.get(
            str(loc[-1]), "some text; an empty string says nothing"))
    given = first.get("input")
    shown = _show(given)
    expected = _EXPECTED.get(kind, "") or first["msg"].replace("Input should be ", "")
    if kind == "missing":
        if len(loc) == 1:
            return ScenarioError(path, field, f"missing section [{field}]",
                                 f"a [{field}] table; see scenarios/kecheng-2027.toml")
        return ScenarioError(path, field, "missing", expected)
    if kind in ("too_short", "too_long") and isinstance(given, list):
        return ScenarioError(path, field, f"got {len(given)} numbers", expected)
    return ScenarioError(path, field, f"got {shown}", expected)


def _show(value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _suggest(key: str, allowed: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.5)
    if close:
        return f"did you mean {close[0]!r}?"
    return "one of " + ", ".join(sorted(allowed)[:12]) + ("…" if len(allowed) > 12 else "")


# --- checks against the model's declared quantities ----------------------------------------

def _check_against_model(scenario: Scenario, path: str | Path) -> list[ScenarioError]:
    """Every problem of a scenario pydantic accepted, against the model's declarations."""
    meta = scenario.meta
    problems: list[ScenarioError] = []
    # A lever may also appear in [baseline]: its value in the start year, when the plan's
    # value (in [levers], from the first plan year) differs from it.
    for section, declared in (("baseline", {**BASELINES, **LEVERS}), ("levers", LEVERS),
                              ("parameters", PARAMETERS)):
        table: dict[str, Entry] = getattr(scenario, section)
        for key, entry in table.items():
            if key not in declared:
                hint = _suggest(key, tuple(declared))
                other = next((s for s, d in (("baseline", BASELINES), ("levers", LEVERS),
                                             ("parameters", PARAMETERS)) if key in d), None)
                if other:
                    hint = f"{key!r} belongs in [{other}]"
                problems.append(ScenarioError(path, f"{section}.{key}",
                                              f"unknown {section} key {key!r}", hint))
                continue
            problems += _collect(_check_entry, path, f"{section}.{key}", entry, declared[key])
            if section == "levers" and entry.distribution is not None:
                problems.append(ScenarioError(
                    path, f"levers.{key}.distribution",
                    "levers are the plan's choices and are never drawn",
                    "a distribution on a parameter or baseline value only"))
    if not problems:  # else the sums would repeat a bad or unknown value
        problems += _impossible(scenario, path) + _share_sums(scenario, path)
    problems += _correlations(scenario, path)
    if not problems:
        problems += _region_bounds(scenario, path)
    for i, event in enumerate(scenario.events):
        field = f"events[{i}]"
        if event.lever not in LEVERS:
            problems.append(ScenarioError(path, f"{field}.lever",
                                          f"unknown lever {event.lever!r}",
                                          _suggest(event.lever, tuple(LEVERS))))
            continue
        if not meta.start < event.year <= meta.end:
            problems.append(ScenarioError(path, f"{field}.year",
                                          f"{event.year} lies outside the run",
                                          f"a year from {meta.start + 1} to {meta.end}"))
        if not event.source and not event.assumption:
            problems.append(ScenarioError(path, field, "the event has no source",
                                          "source = \"...\" or assumption = true"))
        problems += _collect(_check_bounds, path, f"{field}.value", event.value,
                             LEVERS[event.lever])
    problems += _collect(_check_paths, scenario, path)
    for i, target in enumerate(scenario.targets):
        problems += _collect(_check_target, path, f"targets[{i}]", target, meta)
    for i, point in enumerate(scenario.history):
        if point.indicator not in INDICATORS:
            problems.append(ScenarioError(path, f"history[{i}].indicator",
                                          f"unknown indicator {point.indicator!r}",
                                          _suggest(point.indicator, tuple(INDICATORS))))
        if point.year > meta.end:
            problems.append(ScenarioError(path, f"history[{i}].year",
                                          f"{point.year} is after the run",
                                          f"a year up to {meta.end}"))
        withheld = meta.actuals_withheld_after
        if withheld is not None and point.year > withheld:
            problems.append(ScenarioError(
                path, f"history[{i}].year", f"{point.year} is after {withheld}, whose later "
                "actuals this scenario withholds",
                f"a year up to {withheld} (scenario.actuals_withheld_after)"))
        spec = INDICATORS.get(point.indicator)
        if spec is not None and spec.lower is not None and point.value < spec.lower:
            problems.append(ScenarioError(path, f"history[{i}].value",
                                          f"{point.value:g} is not a possible value",
                                          f"a value >= {spec.lower:g} {spec.unit} for {spec.en}"))
        earlier = next((j for j, other in enumerate(scenario.history[:i])
                        if (other.indicator, other.year) == (point.indicator, point.year)), None)
        if earlier is not None:
            problems.append(ScenarioError(path, f"history[{i}]", f"a second {point.indicator} "
                                          f"actual for {point.year} (history[{earlier}] has one)",
                                          "one actual per indicator and year"))
    return problems


def _share_sums(scenario: Scenario, path: str | Path) -> list[ScenarioError]:
    problems = []
    start_shares = [scenario.baseline[k].value if k in scenario.baseline
                    else scenario.input_value(k) for k in ALLOCATION_SHARES]
    sums = [("levers", [scenario.input_value(k) for k in ALLOCATION_SHARES])]
    if any(k in scenario.baseline for k in ALLOCATION_SHARES):  # else the same sum again
        sums.append(("baseline", start_shares))
    for section, shares in sums:
        total = sum(shares)
        if shares_sum_off(total):
            listed = " + ".join(f"{share:g}" for share in shares)
            problems.append(ScenarioError(path, f"{section}." + "/".join(ALLOCATION_SHARES),
                                          f"allocation shares sum to {total:g} % ({listed})",
                                          "shares of fiscal S&T spending summing to 100 %"))
    return problems


def _collect(check: Any, *args: Any) -> list[ScenarioError]:
    """The problem a one-problem check raises, as a list (empty when it passes)."""
    try:
        check(*args)
    except ScenarioError as error:
        return [error]
    return []


# Start values that cannot hold together whatever the region: a part above its whole.
PARTS = (
    ("industrial_va", "gdp", "above-scale industrial value added is part of GDP"),
    ("fiscal_st_spending", "budget_expenditure",
     "fiscal S&T spending is part of the general public budget"),
    ("high_value_patents_per_10k", "invention_patents_per_10k",
     "high-value invention patents are some of the invention patents"),
    ("hightech_new_certifications", "hightech_enterprises",
     "the year's first certifications are among the year-end high-tech enterprises"),
    ("tech_smes_new_per_year", "tech_smes",
     "the year's new tech SMEs are on the year-end register"),
)


def _impossible(scenario: Scenario, path: str | Path) -> list[ScenarioError]:
    problems = []
    for part, whole, why in PARTS:
        if part in scenario.baseline and whole in scenario.baseline:
            low, high = scenario.baseline[part].value, scenario.baseline[whole].value
            if low > high:
                spec, whole_spec = BASELINES[part], BASELINES[whole]
                problems.append(ScenarioError(
                    path, f"baseline.{part}.value",
                    f"{spec.en} {low:g} {spec.unit} is above {whole_spec.en} {high:g} "
                    f"{whole_spec.unit}", f"at most baseline.{whole}: {why}"))
    return problems


def _check_paths(scenario: Scenario, path: str | Path) -> None:
    meta = scenario.meta
    evented = {event.lever for event in scenario.events}
    for key, yearly in scenario.paths.items():
        field = f"paths.{key}"
        if key not in INPUTS:
            hint = _suggest(key, tuple(INPUTS))
            if key in BASELINES or key in INDICATORS:
                hint = f"a lever or parameter; {key!r} is not an input the run can be given"
            raise ScenarioError(path, field, f"unknown input {key!r}", hint)
        if key in evented:
            raise ScenarioError(path, field, f"{key!r} is also changed by [[events]]",
                                "each input scheduled either in [paths] or in [[events]]")
        for i, (year, value) in enumerate(zip(yearly.years, yearly.values, strict=True)):
            if not meta.start < year <= meta.end:
                raise ScenarioError(path, f"{field}.years[{i}]", f"{year} lies outside the run",
                                    f"a year from {meta.start + 1} to {meta.end}")
            _check_bounds(path, f"{field}.values[{i}]", value, INPUTS[key])


def _check_entry(path: str | Path, field: str, entry: Entry, spec: Spec) -> None:
    if entry.unit is not None and entry.unit != spec.unit:
        raise ScenarioError(path, f"{field}.unit", f"unit {entry.unit!r}",
                            f"{spec.unit!r}, the unit the model uses for {spec.en}")
    _check_bounds(path, f"{field}.value", entry.value, spec)
    if entry.range is not None:
        for end, value in zip(("low", "high"), entry.range, strict=True):
            _check_bounds(path, f"{field}.range", value, spec, what=f"its {end} end ")
        low, high = entry.range
        if not low <= entry.value <= high:
            raise ScenarioError(path, f"{field}.value", f"{entry.value:g} lies outside its range "
                                f"[{low:g}, {high:g}]", "a central value within its range")


def _check_bounds(path: str | Path, field: str, value: float, spec: Spec, what: str = "") -> None:
    if spec.lower is not None and value < spec.lower:
        problem = "negative" if spec.lower == 0 and value < 0 else f"below {spec.lower:g}"
        raise ScenarioError(path, field, f"{what}{value:g} is {problem}",
                            f"a value >= {spec.lower:g} {spec.unit} for {spec.en}")
    if spec.upper is not None and value > spec.upper:
        slip = likely_slip(spec, value)
        hint = f"; written in {slip[0]}? that is {slip[1]:g} {spec.unit}" if slip else ""
        raise ScenarioError(path, field, f"{what}{value:g} is above {spec.upper:g}",
                            f"a value <= {spec.upper:g} {spec.unit} for {spec.en}{hint}")


def _check_target(path: str | Path, field: str, target: Target, meta: Meta) -> None:
    if not meta.start < target.year <= meta.end:
        raise ScenarioError(path, f"{field}.year", f"{target.year} lies outside the run",
                            f"a year from {meta.start + 1} to {meta.end}")
    if target.from_year is not None and not meta.start <= target.from_year <= meta.end:
        raise ScenarioError(path, f"{field}.from_year", f"{target.from_year} lies outside the run",
                            f"a year from {meta.start} to {meta.end}")
    if target.tracked and target.indicator not in INDICATORS:
        raise ScenarioError(path, f"{field}.indicator", f"unknown indicator {target.indicator!r}",
                            _suggest(target.indicator, tuple(INDICATORS)))
