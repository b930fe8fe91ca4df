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
class Plausible:
    """What a Chinese county, district or prefecture-level city plausibly has for a start value
    (display units), with the statistics the range rests on. A value outside it is a warning,
    not an error: it is more likely a slip (a unit, a misplaced digit) than a fact."""

    low: float
    high: float
    source: str


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
    plausible: Plausible | None = None
    published: str = ""   # where the number is usually published (a start value)
    # A start value a scenario may leave out: how the model derives it then (in words).
    fallback: str | None = None
    # An upper bound relative to the region: (baseline key, fraction of its start value,
    # floor). The equations hold only while the value is small against that stock (see
    # model.levers.region_spec); the absolute ``upper`` still applies.
    upper_share_of: tuple[str, float, float] | None = None

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

    def upper_for(self, start: float) -> float | None:
        """The upper bound where ``upper_share_of``'s start value is ``start``: that fraction
        of it (at least the floor, 4 significant digits), never above ``upper``."""
        if self.upper_share_of is None:
            return self.upper
        _base, fraction, floor = self.upper_share_of
        relative = float(f"{max(floor, fraction * start):.4g}")
        return relative if self.upper is None else min(self.upper, relative)

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


# Units a number is often written in by mistake, for each unit the model uses: (the unit
# written, how many of the model's unit one of it is). A value is taken to be such a slip
# only when converting it lands inside the plausible range.
SLIPS: dict[str, tuple[tuple[str, float], ...]] = {
    "亿元": (("万元", 1e-4), ("元", 1e-8), ("千元", 1e-5)),
    "万人": (("人", 1e-4),),
    "%": (("a fraction (0.027 for 2.7 %)", 100.0),),
    "人年": (("万人年", 1e4),),
    "家": (("万家", 1e4),),
    "件/年": (("万件", 1e4),),
}


def likely_slip(spec: Spec, value: float) -> tuple[str, float] | None:
    """(the unit ``value`` was probably written in, the value in ``spec.unit``), when
    ``value`` lies outside ``spec``'s plausible range and a common unit slip puts it inside."""
    plausible = spec.plausible
    if plausible is None or plausible.low <= value <= plausible.high:
        return None
    for written, factor in SLIPS.get(spec.unit, ()):
        corrected = value * factor
        if plausible.low <= corrected <= plausible.high:
            return written, corrected
    return None
