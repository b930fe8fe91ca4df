"""Plain-text tables that line up Chinese (double-width) and Latin text."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, size: int, right: bool = False) -> str:
    space = " " * max(size - width(text), 0)
    return space + text if right else text + space


def number(value: float | None, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def render(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool]) -> str:
    sizes = [max(width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(pad(h, s, r) for h, s, r in zip(header, sizes, right, strict=True))]
    lines.append("  ".join("-" * s for s in sizes))
    for row in rows:
        lines.append("  ".join(pad(str(c), s, r) for c, s, r in zip(row, sizes, right,
                                                                     strict=True)))
    return "\n".join(lines)
