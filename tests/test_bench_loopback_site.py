"""bench/loopback_site.py as a person starts it: --help says where the listing is and when the
server stops; in the background (stdin /dev/null or closed) it serves without a traceback and
stops cleanly on SIGTERM; with a pipe on stdin it stops when the pipe closes."""

from __future__ import annotations

import signal
import subprocess
import sys
import urllib.request

import pytest
from conftest import REPO

SERVER = [sys.executable, str(REPO / "bench" / "loopback_site.py"), "--releases", "3", "--lifetime", "60"]
WAIT = 30.0  # seconds a step may take before the test gives up (never slept)


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("/press-releases (the root / answers 404", id="where-the-listing-is"),
        pytest.param("--site osce", id="which-site-to-crawl-it-with"),
        pytest.param("serves until its stdin closes", id="when-it-stops"),
        pytest.param("/dev/null", id="started-in-the-background"),
    ],
)
def test_help_says_where_the_listing_is_and_when_it_stops(said: str) -> None:
    run = subprocess.run([*SERVER, "--help"], capture_output=True, text=True, timeout=WAIT)
    assert run.returncode == 0 and said in " ".join(run.stdout.split()), run.stdout


@pytest.mark.parametrize(
    ("stdin", "told"),
    [
        pytest.param(subprocess.DEVNULL, "stdin is /dev/null or another device", id="dev-null"),
        pytest.param(None, "stdin is closed", id="closed"),
    ],
)
def test_in_the_background_it_serves_without_a_traceback_until_sigterm(stdin: int | None, told: str) -> None:
    extra = {"stdin": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL, "preexec_fn": _close_stdin}
    with subprocess.Popen(SERVER, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **extra) as server:
        try:
            origin = server.stdout.readline().split()[1]
            with urllib.request.urlopen(f"{origin}/press-releases", timeout=WAIT) as answer:
                assert answer.status == 200
        finally:
            server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=WAIT)
    assert server.returncode == 0
    assert "Traceback" not in err and told in err, err
    assert len(err.strip().splitlines()) == 1, err


def test_with_a_pipe_on_stdin_it_stops_when_the_pipe_closes() -> None:
    with subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as server:
        assert server.stdout.readline().startswith("READY http://127.0.0.1:")
        server.stdin.write("stats\n")
        server.stdin.flush()
        assert '"requests"' in server.stdout.readline()
        server.stdin.close()
        assert server.wait(timeout=WAIT) == 0
        assert server.stderr.read() == ""


def _close_stdin() -> None:
    import os

    os.close(0)
