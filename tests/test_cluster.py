"""Issue 14: a Dask scheduler that is unreachable, silent or uses an unsupported transport
gives one line within a bounded time, never a traceback or a hang."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from model.cli import cluster, main
from model.errors import ScenarioError

from .conftest import KECHENG


@pytest.fixture
def silent_port():
    """A local port that accepts connections and never answers."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def test_a_silent_scheduler_is_given_up_on_in_bounded_time(silent_port):
    started = time.monotonic()
    with pytest.raises(ScenarioError, match="did not answer within 2 s") as error:
        cluster.open_client(f"tcp://127.0.0.1:{silent_port}", "x.toml", wait_s=2)
    assert time.monotonic() - started < 6
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("address", ["ucx://127.0.0.1:8786", "tls://127.0.0.1:8786",
                                     "inproc://x", "UCX://h:1"])
def test_unsupported_transports_are_refused_before_connecting(address):
    started = time.monotonic()
    with pytest.raises(ScenarioError, match="is not supported here"):
        cluster.open_client(address, "x.toml", wait_s=2)
    assert time.monotonic() - started < 1


def test_the_cli_answers_a_silent_scheduler_in_one_line(silent_port, capsys, tmp_path,
                                                         monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1)
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    monkeypatch.setattr(cluster, "GRACE_S", 1)
    started = time.monotonic()
    code = main(["ensemble", str(KECHENG), "--runs", "10", "--out", str(tmp_path),
                 "--scheduler", f"tcp://127.0.0.1:{silent_port}"])
    err = capsys.readouterr().err
    assert code == 2 and "did not answer" in err and len(err.strip().splitlines()) == 1
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("address", ["ucx://127.0.0.1:1", "tls://127.0.0.1:1"])
def test_the_cli_refuses_unsupported_transports_in_one_line(address, capsys, tmp_path):
    code = main(["sensitivity", str(KECHENG), "--method", "morris", "--n", "4", "--out",
                 str(tmp_path), "--scheduler", address])
    err = capsys.readouterr().err
    assert code == 2 and "not supported" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_scheduler_lost_mid_run_is_one_line(monkeypatch):
    class Client:
        def close(self, timeout=None):
            raise OSError("already gone")

    monkeypatch.setattr(cluster, "open_client", lambda address, path: Client())
    with pytest.raises(ScenarioError, match="lost the scheduler"), \
            cluster.connect("tcp://h:1", "x.toml"):
        raise OSError("Stream is closed")  # distributed's CommClosedError is an OSError
