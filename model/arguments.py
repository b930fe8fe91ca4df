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

from .errors import InputError

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
        raise InputError(field, f"{_shown(value)} is not a whole number", expected)
    number = int(value)
    if number < least or (most is not None and number > most):
        raise InputError(field, f"{number:,} is out of range", expected)
    return number


def runs(value: object, field: str = "runs", most: int = MAX_STREAMED_RUNS) -> int:
    return whole_number(field, value, 1, most)


def seed(value: object, field: str = "seed") -> int | None:
    return None if value is None else whole_number(field, value, 0, MAX_SEED)


def time_step(value: object, field: str = "dt") -> float:
    """``dt`` = 1/k for a whole k from 1 to :data:`MAX_STEPS_PER_YEAR`."""
    expected = f"1/k of a year for a whole k from 1 to {MAX_STEPS_PER_YEAR} (1, 0.5, 0.25…)"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(field, f"{_shown(value)} is not a number", expected)
    dt = float(value)
    if not math.isfinite(dt) or dt <= 0:
        raise InputError(field, f"{dt:g} is not a positive time step", expected)
    steps = round(1.0 / dt)
    if not 1 <= steps <= MAX_STEPS_PER_YEAR or abs(steps * dt - 1.0) > 1e-9:
        raise InputError(field, f"{dt:g} does not divide a year into a usable number of steps",
                         expected)
    return 1.0 / steps


def positive(field: str, value: object) -> float:
    """A finite number > 0."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) \
            or not math.isfinite(float(value)) or float(value) <= 0:
        raise InputError(field, f"{_shown(value)} is not a positive number",
                         "a finite number > 0")
    return float(value)


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
        raise InputError(field, f"{value:,} runs need about "
                         f"{value * bytes_per_run / 2**30:,.1f} GiB in memory",
                         f"at most {cap:,} runs held at once on this machine; for more use "
                         "`innosim ensemble` (streamed in blocks) or --scheduler")
    return value


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
