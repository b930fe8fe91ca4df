"""Helpers shared by sectors."""

from __future__ import annotations

import numpy as np


def spending_index(start_spending) -> tuple[np.ndarray, np.ndarray]:
    """(scale, offset) such that ``spending * scale + offset`` is spending / its start value.

    With (practically) no spending at the start there is nothing to scale: the index stays 1, so a
    programme that did not exist at the start changes nothing it did not already do.
    """
    start = np.asarray(start_spending, dtype=float)
    # Below 1 yuan (1e-8 亿元) a budget line is treated as absent; its inverse would overflow.
    funded = start > 1e-8
    scale = np.divide(1.0, start, where=funded, out=np.zeros_like(start))
    return scale, np.where(funded, 0.0, 1.0)
