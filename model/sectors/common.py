"""Helpers and signatures shared by sectors.

Each sector provides ``initial(b, p, n) -> start values of its stocks`` and
``rates(s, p, v) -> None``, which writes its auxiliaries and flows into ``v``:
``b`` the baseline and ``p`` the inputs (levers, parameters and start-year calibrations),
both namespaces in model units; ``s`` the stocks; ``v`` the values computed so far this step.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace

import numpy as np

Number = float | np.ndarray
Inputs = SimpleNamespace     # attribute per key; floats, or arrays of shape (runs,)
Stocks = Mapping[str, np.ndarray]
Values = dict[str, Number]


def spending_index(start_spending: Number) -> tuple[np.ndarray, np.ndarray]:
    """(scale, offset) such that ``spending * scale + offset`` is spending / its start value.

    With (practically) no spending at the start there is nothing to scale: the index stays 1, so a
    programme that did not exist at the start changes nothing it did not already do.
    """
    start = np.asarray(start_spending, dtype=float)
    # Below 1 yuan (1e-8 亿元) a budget line is treated as absent; its inverse would overflow.
    funded = start > 1e-8
    scale = np.divide(1.0, start, where=funded, out=np.zeros_like(start))
    return scale, np.where(funded, 0.0, 1.0)
