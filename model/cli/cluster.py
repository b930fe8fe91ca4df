"""``--scheduler ADDRESS``: connect to a Dask scheduler, or fail in one line.

Within a bounded time (:data:`CONNECT_TIMEOUT_S` plus a grace): an unreachable address, a
port that accepts but never answers, an unsupported transport (``ucx://``, ``tls://``,
which need set-up this command line does not take) and a scheduler lost mid-run each give
one line, never a traceback or a hang.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import ScenarioError

CONNECT_TIMEOUT_S = 5
CONNECT_TIMEOUT = f"{CONNECT_TIMEOUT_S}s"
GRACE_S = 5  # the handshake after connecting; a silent server is given up on after this
TRANSPORTS = ("tcp",)
EXPECTED = "the address of a running Dask scheduler, e.g. tcp://host:8786"


def add_scheduler_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="Dask scheduler to run the blocks on, e.g. tcp://host:8786 "
                             "(default: in this process)")


def check_address(address: str, scenario_path: str) -> None:
    """Refuse a transport other than plain TCP before trying to connect."""
    scheme = address.split("://", 1)[0].lower() if "://" in address else "tcp"
    if scheme not in TRANSPORTS:
        raise ScenarioError(scenario_path, "--scheduler",
                            f"transport {scheme!r} is not supported here",
                            "a tcp://host:port address (tls and ucx need set-up this command "
                            "line does not take)")


def open_client(address: str, scenario_path: str, wait_s: float | None = None):
    """A ``dask.distributed.Client`` for ``address``, or a :class:`ScenarioError` within
    ``wait_s`` seconds (default: the connect timeout plus a grace for the handshake)."""
    from dask.distributed import Client

    check_address(address, scenario_path)
    outcome: dict[str, object] = {}

    def attempt() -> None:
        try:
            outcome["client"] = Client(address, timeout=CONNECT_TIMEOUT)
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    # The attempt runs in a daemon thread: a server that accepts and never answers would
    # otherwise hold the command for minutes (the handshake has no timeout of its own).
    worker = threading.Thread(target=attempt, name="innosim-connect", daemon=True)
    worker.start()
    worker.join(wait_s if wait_s is not None else CONNECT_TIMEOUT_S + GRACE_S)
    if worker.is_alive():
        raise ScenarioError(scenario_path, "--scheduler",
                            f"{address!r} did not answer within "
                            f"{wait_s or CONNECT_TIMEOUT_S + GRACE_S:g} s", EXPECTED)
    error = outcome.get("error")
    if error is not None:
        text = str(error)
        reason = text.splitlines()[0][:200] if text else type(error).__name__
        raise ScenarioError(scenario_path, "--scheduler", f"cannot reach {address!r}: {reason}",
                            EXPECTED)
    return outcome["client"]


@contextmanager
def connect(address: str | None, scenario_path: str) -> Iterator[object | None]:
    """A ``dask.distributed.Client`` for ``address`` (None: no client, run in-process)."""
    if address is None:
        yield None
        return
    client = open_client(address, scenario_path)
    try:
        yield client
    except (OSError, TimeoutError, concurrent.futures.CancelledError) as error:
        text = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise ScenarioError(scenario_path, "--scheduler", f"lost the scheduler {address!r} "
                            f"mid-run: {text}", "a scheduler that stays up; run again") from None
    finally:
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            client.close(timeout=CONNECT_TIMEOUT_S)
