"""Inputs in force at a time: start values plus scheduled changes, never written mid-run.

A scenario's levers and parameters hold start-year values; ``[[events]]``, ``[paths]`` and a
planner's "what if" change them from the start of given years. :class:`InputSchedule` turns
those into one read-only namespace per segment of time, so a model reads its inputs as a
function of time and one model object can run any number of times with the same numbers.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np

Number = float | np.ndarray


@dataclass(frozen=True)
class LeverEvent:
    """An input (lever or parameter) set to ``value`` (model units) from the start of
    ``year`` (time ``year - 1``)."""

    year: int
    lever: str
    value: Number


class InputSchedule:
    """The inputs in force at time ``t``: a change at time ``c`` applies for ``t >= c``.

    Change times are whole years and the engine computes year ends exactly, so no slack is
    needed; the engine records the start as the left limit, before changes at the start act.
    """

    def __init__(self, start_values: Mapping[str, object], changes: Iterable[LeverEvent]
                 ) -> None:
        ordered = sorted(changes, key=lambda change: change.year)
        unknown = sorted({c.lever for c in ordered} - set(start_values))
        if unknown:
            raise KeyError(f"changes of unknown inputs: {', '.join(unknown)}")
        current = dict(start_values)
        self._times: list[float] = []
        self._segments = [SimpleNamespace(**current)]
        for change in ordered:
            current[change.lever] = change.value
            time = float(change.year - 1)
            if self._times and self._times[-1] == time:
                self._segments[-1] = SimpleNamespace(**current)
            else:
                self._times.append(time)
                self._segments.append(SimpleNamespace(**current))

    @property
    def start(self) -> SimpleNamespace:
        """The inputs before any change: the start year's."""
        return self._segments[0]

    def at(self, time: float) -> SimpleNamespace:
        return self._segments[bisect.bisect_right(self._times, time)]
