"""Views computed ahead: after a lever move, the next arrow-key step each way.

A slider move to a value not seen before waits for the model (one deterministic run and the
500-run band: about 85 ms for Kecheng on this machine), and the planner exploring a lever
steps through values one key press at a time. So once the page for a move is drawn, the
values one step either side of the moved lever (the direction it moved first) are computed
in one background thread while the planner reads the page; the next press finds its view
ready, or waits for the computation already under way instead of starting another.

What is computed ahead is exactly what the page computes (:func:`app.compute.compute_view`
for the same scenario, levers and parameters), so a view taken from here is the view the page
would have computed. A value reached otherwise (a click on the slider's track, a typed link)
is computed when asked, as before. At most :data:`KEPT` views wait here, shared by every
session (like the view cache); the oldest not yet taken goes first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from .compute import View

KEPT = 8


class Prefetcher:
    """One worker thread computing views ahead, and the views it computed until taken."""

    def __init__(self, kept: int = KEPT) -> None:
        self._kept = kept
        # One thread: the server's other work (the next move, other sessions) keeps a core.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="innosim-ahead")
        self._waiting: OrderedDict[Hashable, Future[View]] = OrderedDict()
        self._lock = threading.Lock()

    def ahead(self, steps: Sequence[tuple[Hashable, Callable[[], View]]]) -> None:
        """Compute each ``compute()`` of ``steps`` in the background, in order, for its key
        (unless it is already here). What earlier moves asked for and has not started is
        dropped: a held arrow key must not queue work for values already passed."""
        wanted = {key for key, _ in steps}
        with self._lock:
            for key in [k for k, f in self._waiting.items() if k not in wanted and f.cancel()]:
                del self._waiting[key]
            for key, compute in steps:
                if key in self._waiting:
                    continue
                while len(self._waiting) >= self._kept:
                    oldest = next(iter(self._waiting))
                    self._waiting.pop(oldest).cancel()   # a running one finishes, unread
                self._waiting[key] = self._worker.submit(compute)

    def take(self, key: Hashable) -> View | None:
        """The view computed ahead for ``key`` (waiting for it if it is being computed), or
        ``None``: never asked for, dropped, not started yet, or refused by the model (then
        the page computes it, and shows the refusal as it always does)."""
        with self._lock:
            future = self._waiting.pop(key, None)
        if future is None or future.cancel():
            # Not started (queued behind the other step): the page computing it now is
            # sooner than waiting for both.
            return None
        try:
            return future.result()
        except Exception:   # noqa: BLE001 (the page's own computation reports it)
            return None

    def waiting(self) -> list[Hashable]:
        """The keys computed or being computed ahead, oldest first."""
        with self._lock:
            return list(self._waiting)
