"""``--scheduler ADDRESS``: connect to a Dask scheduler, or fail in one line."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import ScenarioError

CONNECT_TIMEOUT = "5s"


def add_scheduler_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="Dask scheduler to run the blocks on, e.g. tcp://host:8786 "
                             "(default: in this process)")


@contextmanager
def connect(address: str | None, scenario_path: str) -> Iterator[object | None]:
    """A ``dask.distributed.Client`` for ``address`` (None: no client, run in-process)."""
    if address is None:
        yield None
        return
    from dask.distributed import Client

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ScenarioError(scenario_path, "--scheduler", f"cannot reach {address!r}: {reason}",
                            "the address of a running Dask scheduler, e.g. tcp://host:8786") \
            from None
    try:
        yield client
    finally:
        client.close()
