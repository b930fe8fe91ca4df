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

A step whose view the page already holds (the value the planner just came from, or any value
seen within the hour) is not computed again: the prefetcher is told of every view the page
holds (:meth:`Prefetcher.held`), and remembers as many, for as long, as the page's view cache
keeps them. Computing those again cost a background run (about 85 ms of a core) on nearly
every move, while the browser was drawing the page.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from .compute import View

KEPT = 8
HELD = 128             # as many views as the page's view cache keeps (app/cache.py) ...
HELD_SECONDS = 3600.0  # ... and for as long


class Prefetcher:
    """One worker thread computing views ahead, and the views it computed until taken."""

    def __init__(self, kept: int = KEPT, held: int = HELD,
                 held_seconds: float = HELD_SECONDS) -> None:
        self._kept = kept
        self._held_most, self._held_seconds = held, held_seconds
        # Key -> when the page came to hold its view, oldest first.
        self._held: OrderedDict[Hashable, float] = OrderedDict()
        # One thread: the server's other work (the next move, other sessions) keeps a core.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="innosim-ahead")
        self._waiting: OrderedDict[Hashable, Future[View]] = OrderedDict()
        self._lock = threading.Lock()

    def ahead(self, steps: Sequence[tuple[Hashable, Callable[[], View]]]) -> None:
        """Compute each ``compute()`` of ``steps`` in the background, in order, for its key
        (unless it is already here, or the page holds its view). What earlier moves asked for
        and has not started is dropped: a held arrow key must not queue work for values
        already passed."""
        wanted = {key for key, _ in steps}
        with self._lock:
            for key in [k for k, f in self._waiting.items() if k not in wanted and f.cancel()]:
                del self._waiting[key]
            for key, compute in steps:
                if key in self._waiting or self._holds(key):
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

    def held(self, key: Hashable) -> None:
        """The page now holds the view for ``key`` (computed or taken from here): it is not to
        be computed ahead again while the page's cache keeps it."""
        with self._lock:
            self._held.pop(key, None)
            self._held[key] = time.monotonic()
            while len(self._held) > self._held_most:
                self._held.popitem(last=False)

    def _holds(self, key: Hashable) -> bool:
        since = self._held.get(key)
        if since is None:
            return False
        if time.monotonic() - since > self._held_seconds:   # the page's cache let it go
            del self._held[key]
            return False
        return True

    def waiting(self) -> list[Hashable]:
        """The keys computed or being computed ahead, oldest first."""
        with self._lock:
            return list(self._waiting)
