"""`pressroom worker | enqueue | status`: one-line errors, usage, the status table, and the
single-process commands that never load Celery, Redis or psycopg."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest
from conftest import REPO

from scraper.cli import main
from tests.loopback import LoopbackSite, Reply, osce_site
from tests.services import BROKER_HOST, BROKER_PORT, database_url, fresh_schema, need_postgres, need_redis
from tests.test_distributed import drop_keys, releases
from tests.test_distributed_records import run_job

REFUSED_BROKER = "redis://127.0.0.2:9/0"  # nothing listens there (loopback, never a real address)
REFUSED_DATABASE = "postgresql://postgres@127.0.0.2:9/test"
SERVICE_MODULES = ("celery", "kombu", "redis", "psycopg")

NO_IMPORT = f"""
import atexit, sys
from scraper.cli import main

def report():  # at exit, so --help (SystemExit) reports too: the last line of stderr
    loaded = sorted({{name.split('.')[0] for name in sys.modules}} & set({SERVICE_MODULES!r}))
    print("loaded:" + ",".join(loaded), file=sys.stderr)

atexit.register(report)
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def database() -> Iterator[str]:
    need_postgres()
    with fresh_schema("cli") as schema:
        yield database_url(schema)


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "fixtures/osce/en-sarajevo-hyphen-date-label-empty.html"],
        ["crawl", "--help"],
        ["--help"],
    ],
    ids=["parse", "crawl-help", "help"],
)
def test_single_process_commands_never_load_celery_redis_or_psycopg(argv: list[str]) -> None:
    run = subprocess.run([sys.executable, "-c", NO_IMPORT, *argv], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines()[-1] == "loaded:"  # no service module


def test_a_crawl_never_loads_them_either(tmp_path) -> None:
    with LoopbackSite() as site:
        site.routes.update(osce_site(releases(2, first_id=840000), site.origin))
        argv = ["crawl", site.url("/press-releases"), "--site", "osce", "--delay", "0", "-o", str(tmp_path / "r.jsonl")]
        run = subprocess.run([sys.executable, "-c", NO_IMPORT, *argv], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines()[-1] == "loaded:"


ONE_LINE_ERRORS = {
    "enqueue-broker-unreachable": (
        ["enqueue", "osce", "--broker", REFUSED_BROKER, "--database", "postgresql://127.0.0.1/test"],
        "pressroom: cannot reach the broker (Redis) at 127.0.0.2:9",
    ),
    "worker-broker-unreachable": (
        ["worker", "--broker", REFUSED_BROKER, "--database", "postgresql://127.0.0.1/test"],
        "pressroom: cannot reach the broker (Redis) at 127.0.0.2:9",
    ),
    "status-database-unreachable": (
        ["status", "--database", REFUSED_DATABASE],
        "pressroom: cannot connect to PostgreSQL at postgresql://postgres@127.0.0.2:9/test",
    ),
}


@pytest.mark.parametrize(("argv", "message"), ONE_LINE_ERRORS.values(), ids=ONE_LINE_ERRORS.keys())
def test_unusable_services_are_one_line_and_exit_1(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESSROOM_BROKER", raising=False)
    monkeypatch.delenv("PRESSROOM_DATABASE", raising=False)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1, err


USAGE = {
    "unknown-target": ["enqueue", "nowhere", "--broker", REFUSED_BROKER, "--database", REFUSED_DATABASE],
    "since-after-until": ["enqueue", "osce", "--since", "2024-05-01", "--until", "2024-01-01", "--broker", REFUSED_BROKER],
    "bad-date": ["enqueue", "osce", "--since", "May"],
    "bad-concurrency": ["worker", "--concurrency", "0"],
    "bad-user-agent": ["enqueue", "osce", "--user-agent", "a\nb"],
    "bad-delay": ["enqueue", "osce", "--delay", "nan"],
}


# Settings given wrong (or not at all) are bad usage, exit 2, like any other option; exit 1 was
# given for these before, as if a service had failed.
SETTING_ERRORS = {
    "worker-no-broker": (["worker"], "no broker: give --broker", "pressroom worker"),
    "enqueue-no-broker": (["enqueue", "osce", "--database", "postgresql://127.0.0.1/test"], "no broker: give --broker", "pressroom enqueue"),
    "status-no-database": (["status"], "no database: give --database", "pressroom status"),
    "worker-not-redis": (["worker", "--broker", "http://127.0.0.2:9/", "--database", "postgresql://h/d"],
                         "broker 'http://127.0.0.2:9/': a Redis URL", "pressroom worker"),
    "enqueue-not-postgresql": (["enqueue", "osce", "--broker", REFUSED_BROKER, "--database", "notaurl"],
                               "database 'notaurl': a PostgreSQL URL", "pressroom enqueue"),
    "status-sqlite": (["status", "--database", "sqlite:///x.db"], "database 'sqlite:///x.db': a PostgreSQL URL", "pressroom status"),
    "status-broker-not-needed": (["status", "--broker", "amqp://x", "--database", "mysql://h/d"],
                                 "database 'mysql://h/d': a PostgreSQL URL", "pressroom status"),
}


@pytest.mark.parametrize(("argv", "message", "help_of"), SETTING_ERRORS.values(), ids=SETTING_ERRORS.keys())
def test_settings_given_wrong_are_bad_usage(
    argv: list[str], message: str, help_of: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESSROOM_BROKER", raising=False)
    monkeypatch.delenv("PRESSROOM_DATABASE", raising=False)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pressroom: error: {message}") and err.count("\n") == 1, err
    assert err.rstrip().endswith(f"(see {help_of} --help)"), err


HELP_TEXTS = {  # (command, what its --help must say, what it must not)
    "worker-exit-codes": ("worker", "exit codes: 0", None),
    "enqueue-exit-codes": ("enqueue", "exit codes: 0", None),
    "status-exit-codes": ("status", "2 bad\nusage", None),
    "status-needs-no-broker": ("status", "--database URL", "--broker"),
}


@pytest.mark.parametrize(("command", "says", "not_said"), HELP_TEXTS.values(), ids=HELP_TEXTS.keys())
def test_help_gives_exit_codes_and_only_the_options_used(
    command: str, says: str, not_said: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = capsys.readouterr().out
    assert says in text
    assert not_said is None or not_said not in text


@pytest.mark.parametrize("argv", USAGE.values(), ids=USAGE.keys())
def test_bad_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSROOM_DATABASE", REFUSED_DATABASE)
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("pressroom: error:")


def test_status_per_host_as_text_and_json(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    with LoopbackSite() as site:
        site.routes.update(osce_site(releases(3, first_id=850000), site.origin))
        site.routes["/secretariat/850001"] = Reply("gone", status=404, content_type="text/plain")
        run_job(database, site, "job-a")
        origin = site.origin
    assert main(["status", "--database", database]) == 0
    text = capsys.readouterr().out
    assert "job job-a: finished" in text and origin in text and "http 404" in text
    assert main(["status", "job-a", "--json", "--database", database]) == 0
    (status,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status["finished"] is True
    (host,) = status["hosts"]
    assert (host["host"], host["queued"], host["done"], host["failed"], host["written"]) == (origin, 0, 3, 1, 2)
    assert host["last_error"].startswith("http 404")
    assert main(["status", "job-b", "--database", database]) == 1
    assert capsys.readouterr().err == "pressroom: no such job: job-b\n"


def test_enqueue_prints_the_job_and_status_says_it_runs(database: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    need_redis()
    prefix = f"test-{uuid.uuid4().hex[:10]}:"
    broker = f"redis://{BROKER_HOST}:{BROKER_PORT}/0"
    monkeypatch.setenv("PRESSROOM_KEY_PREFIX", prefix)
    monkeypatch.setenv("PRESSROOM_BROKER", broker)
    monkeypatch.setenv("PRESSROOM_DATABASE", database)
    try:
        assert main(["enqueue", "osce", "europarl", "--since", "2024-01-01"]) == 0
        captured = capsys.readouterr()
        job = captured.out.strip()
        assert f"job {job} queued (2 targets)" in captured.err
        assert main(["status", job]) == 4  # queued, no worker runs it
        assert "running" in capsys.readouterr().out
    finally:
        drop_keys(broker, prefix)


def test_a_worker_that_stops_unasked_starts_again_and_one_stopped_by_a_signal_does_not(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from celery.signals import worker_shutting_down

    from scraper.distributed import commands, tasks

    runs: list[list[str]] = []

    def fake_worker_main(app: object, argv: list[str]) -> int:
        runs.append(argv)
        if len(runs) == 1:
            return 1  # "Unrecoverable error" after the broker went away
        if len(runs) == 2:
            return 0  # ended unasked with 0, as Celery sometimes does after that error
        worker_shutting_down.send(sender="test", sig="SIGTERM", how="Warm", exitcode=0)  # Ctrl-C / SIGTERM
        return 0

    monkeypatch.setattr(commands, "_worker_main", fake_worker_main)
    monkeypatch.setattr(commands, "check_broker", lambda url: None)
    monkeypatch.setattr(commands, "RESTART_PAUSE", 0.0)
    monkeypatch.setattr(tasks, "open_store", lambda settings: type("Store", (), {"close": lambda self: None})())
    argv = ["worker", "--broker", "redis://127.0.0.2:9/0", "--database", "postgresql://127.0.0.2:9/test", "--concurrency", "3"]
    assert main(argv) == 0
    assert len(runs) == 3 and "--concurrency=3" in runs[0]
    assert capsys.readouterr().err.count("starting it again") == 2
