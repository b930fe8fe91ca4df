"""Argument types and resource limits for the Python API (and, through it, the CLI).

Each check returns the value in its plain Python type or raises :class:`InputError` with
one line, ``field: problem (expected)``. The limits keep a call from exhausting memory or
running for hours: beyond them the message says how to go on (``--scheduler``, fewer
indicators, a streamed ensemble).
"""

from __future__ import annotations

import math
import numbers
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import InputError

if TYPE_CHECKING:
    from .results import Results
    from .scenario import Scenario, Target

MAX_STEPS_PER_YEAR = 64
"""dt = 1/k with k a whole number up to this (1/64 of a year is about 6 days)."""

MAX_SEED = 2**63 - 1
MAX_STREAMED_RUNS = 100_000_000
"""Runs of an ensemble, which reduces blocks as they finish (memory stays flat)."""

MAX_DESIGN_ROWS = 2**24
"""Rows of a sensitivity design (N × (inputs + 2) for Sobol, N × (inputs + 1) for Morris)."""

MEMORY_SHARE = 0.5
"""At most this share of the machine's memory for one in-memory array of results."""


def whole_number(field: str, value: object, least: int = 0, most: int | None = None) -> int:
    """``value`` as an int, refusing booleans, floats, strings and numbers out of range."""
    expected = (f"a whole number from {least:,} to {most:,}" if most is not None
                else f"a whole number >= {least:,}")
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InputError(field, f"{shown(value)} is not a whole number", expected)
    number = int(value)
    if number < least or (most is not None and number > most):
        raise InputError(field, f"{count(number)} is out of range", expected)
    return number


def runs(value: object, field: str = "runs", most: int = MAX_STREAMED_RUNS) -> int:
    return whole_number(field, value, 1, most)


def seed(value: object, field: str = "seed") -> int | None:
    return None if value is None else whole_number(field, value, 0, MAX_SEED)


def time_step(value: object, field: str = "dt") -> float:
    """``dt`` = 1/k for a whole k from 1 to :data:`MAX_STEPS_PER_YEAR`."""
    expected = f"1/k of a year for a whole k from 1 to {MAX_STEPS_PER_YEAR} (1, 0.5, 0.25…)"
    dt = real_number(field, value, expected)
    if not math.isfinite(dt) or dt <= 0:
        raise InputError(field, f"{dt:g} is not a positive time step", expected)
    if dt < 0.5 / MAX_STEPS_PER_YEAR:  # 1/dt may not even be a number (5e-324)
        raise InputError(field, f"{dt:g} does not divide a year into a usable number of steps",
                         expected)
    steps = round(1.0 / dt)
    if not 1 <= steps <= MAX_STEPS_PER_YEAR or abs(steps * dt - 1.0) > 1e-9:
        raise InputError(field, f"{dt:g} does not divide a year into a usable number of steps",
                         expected)
    return 1.0 / steps


def positive(field: str, value: object) -> float:
    """A finite number > 0."""
    number = real_number(field, value, "a finite number > 0")
    if not math.isfinite(number) or number <= 0:
        raise InputError(field, f"{shown(value)} is not a positive number",
                         "a finite number > 0")
    return number


def real_numbers(field: str, value: object, expected: str = "a number") -> np.ndarray:
    """A number, or an array/list of numbers (one per run), as a float array; refusing
    strings, booleans, None and containers of anything else (``"10"`` is not 10)."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "iuf":
            raise InputError(field, f"an array of {value.dtype} is not numbers", expected)
        return np.asarray(value, dtype=float)  # no copy of a float array
    if isinstance(value, list | tuple) and value and all(_is_real(v) for v in value):
        return np.array([real_number(field, v, expected) for v in value])
    return np.asarray(real_number(field, value, expected))


def real_number(field: str, value: object, expected: str = "a number") -> float:
    """One number (an int, a float or a numpy number), not a string, boolean or array."""
    if not _is_real(value):
        raise InputError(field, f"{shown(value)} is not a number", expected)
    try:
        return float(value)  # type: ignore[arg-type]
    except OverflowError:  # an int beyond the largest float
        raise InputError(field, f"{shown(value)} is too large", expected) from None


def _is_real(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def mapping(field: str, value: object, expected: str = "a dict of name -> value"
            ) -> dict[str, Any]:
    """``None`` as ``{}``; a mapping with string keys as a dict; anything else refused."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError(field, f"{shown(value)} is not a mapping", expected)
    odd = [k for k in value if not isinstance(k, str)]
    if odd:
        raise InputError(field, f"key {shown(odd[0])} is not a name", expected)
    return dict(value)


def names(field: str, value: object, expected: str = "a list of names") -> list[str]:
    """A list of names: one string counts as one name."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, bytes | Mapping | np.ndarray):
        found = list(value)
        odd = [v for v in found if not isinstance(v, str)]
        if not odd:
            return found
        raise InputError(field, f"{shown(odd[0])} is not a name", expected)
    raise InputError(field, f"{shown(value)} is not a list of names", expected)


def flag(field: str, value: object) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise InputError(field, f"{shown(value)} is not True or False", "True or False")
    return bool(value)


def choice(field: str, value: object, allowed: Iterable[str]) -> str:
    """One of the ``allowed`` words."""
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        raise InputError(field, f"{shown(value)} is not one of them", " or ".join(allowed))
    return value


def scenario(value: object, field: str = "scenario") -> Scenario:
    from .scenario import Scenario

    if not isinstance(value, Scenario):
        raise InputError(field, f"{shown(value)} is not a Scenario",
                         "a Scenario from model.load_scenario(path)")
    return value


def target(value: object, field: str = "target") -> Target:
    from .scenario import Target

    if not isinstance(value, Target):
        raise InputError(field, f"{shown(value)} is not a Target",
                         "one of scenario.targets")
    return value


def results(value: object, field: str = "results") -> Results:
    from .results import Results

    if not isinstance(value, Results):
        raise InputError(field, f"{shown(value)} is not Results",
                         "the Results of simulate(scenario) or evaluate(scenario)")
    return value


def file_path(value: object, field: str = "path") -> str | os.PathLike[str]:
    if not isinstance(value, str | os.PathLike) or isinstance(os.fspath(value), bytes):
        raise InputError(field, f"{shown(value)} is not a file path",
                         "a str or pathlib.Path of a scenario file")
    return value


def memory_bytes() -> int:
    """The machine's physical memory (a generous 16 GiB if it cannot be read)."""
    try:
        return int(os.sysconf("SC_PHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return 16 * 2**30


def runs_in_memory(field: str, value: int, bytes_per_run: int) -> int:
    """Refuse more runs than fit in :data:`MEMORY_SHARE` of memory, saying how to go on."""
    cap = max(1, int(memory_bytes() * MEMORY_SHARE) // max(1, bytes_per_run))
    if value > cap:
        need = value * bytes_per_run
        gib = f"{need / 2**30:,.1f}" if need < 2**80 else count(need // 2**30)
        raise InputError(field, f"{count(value)} runs need about {gib} GiB in memory",
                         f"at most {cap:,} runs held at once on this machine; for more use "
                         "`innosim ensemble` (streamed in blocks) or --scheduler")
    return value


def listed(values: Iterable[object], most: int = 5) -> str:
    """Names for a message: each shown short, at most ``most`` of them."""
    values = list(values)
    text = ", ".join(shown(v) for v in values[:most])
    return text + (f" and {len(values) - most} more" if len(values) > most else "")


def count(number: int) -> str:
    try:
        return f"{number:,}"
    except ValueError:  # beyond Python's digit limit for printing
        return f"a {number.bit_length()}-bit number"


def shown(value: object) -> str:
    """A short one-line picture of a value for a message."""
    try:
        text = " ".join(repr(value).split())  # an array's repr spans lines
    except ValueError:  # an int too long to print (Python's digit limit)
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 40 else text[:37] + "..."
