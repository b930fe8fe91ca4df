"""Declared quantities: what a scenario may set and what the model reports.

Each sector module declares its inputs (levers, parameters, baseline values) and its
outputs (indicators) as :class:`Spec` records. A spec gives the Chinese and English name,
the display unit and ``scale`` (display value = model value x scale, so shares are
written in per cent in scenario files and shown in per cent, but computed as fractions),
hard physical bounds, and for levers and parameters a default value with its plausible
range and its source, or ``source=None`` for an assumption.
"""

from __future__ import annotations

from dataclasses import dataclass

PERCENT = 100.0


@dataclass(frozen=True)
class Spec:
    key: str
    zh: str
    en: str
    unit: str
    scale: float = 1.0
    default: float | None = None
    range: tuple[float, float] | None = None
    source: str | None = None
    lower: float | None = 0.0
    upper: float | None = None
    doc: str = ""
    # A start value a scenario may leave out: how the model derives it then (in words).
    fallback: str | None = None

    @property
    def default_value(self) -> float:
        """``default``, which every lever and parameter declares (indicators and baseline
        values have none: a run computes them, a scenario gives them)."""
        if self.default is None:
            raise ValueError(f"{self.key!r} has no default value")
        return self.default

    @property
    def optional(self) -> bool:
        """Whether a scenario may omit this start value (the model then derives it)."""
        return self.fallback is not None

    @property
    def is_assumption(self) -> bool:
        return self.source is None

    def label(self, language: str = "zh") -> str:
        return self.zh if language == "zh" else self.en


def by_key(*groups: tuple[Spec, ...]) -> dict[str, Spec]:
    """Merge spec tuples into one mapping, refusing a key declared twice."""
    merged: dict[str, Spec] = {}
    for group in groups:
        for spec in group:
            if spec.key in merged:
                raise ValueError(f"quantity {spec.key!r} declared twice")
            merged[spec.key] = spec
    return merged
