"""The distributed crawl's commands: `pressroom worker`, `pressroom enqueue`, `pressroom status`.

scraper/cli/distributed.py only registers them (`add_commands`); Celery, Redis and psycopg are imported when
one of them runs, never by `pressroom parse` or `pressroom crawl`.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import time
import uuid
from datetime import date
from typing import Any
from urllib.parse import urlsplit

EXIT_OK, EXIT_FAILED = 0, 1

WORKER_EPILOG = """\
examples:
  export PRESSROOM_BROKER=redis://127.0.0.1:6379/0 PRESSROOM_DATABASE=postgresql://127.0.0.1/pressroom
  pressroom worker                          a worker with two processes on the default queue
  pressroom worker --concurrency 4 --name crawler1@%h

A worker runs the crawl's tasks: discovery (listings, feeds, sitemaps) and releases (fetch, parse,
write to PostgreSQL). Start one or more on any machine that reaches Redis and PostgreSQL; per host
they send one request at a time between them, with the job's delay. Stop one with Ctrl-C (it
finishes its tasks) or kill it: its tasks are run again by the others.

exit codes: 0 stopped on request (Ctrl-C, SIGTERM), 1 Redis or PostgreSQL cannot be reached, or
the worker kept failing, 2 bad usage (no broker or database given, not a redis:// or
postgresql:// URL).
"""

ENQUEUE_EPILOG = """\
examples:
  pressroom enqueue osce europarl                            both newsrooms, every release
  pressroom enqueue osce --since 2024-01-01 --delay 2
  pressroom enqueue https://example.org/news --site generic

Prints the job id on stdout. Records go to PostgreSQL, one row per (url, version); follow the job
with `pressroom status JOB`.

exit codes: 0 queued, 1 Redis or PostgreSQL cannot be reached, 2 bad usage (no broker or database
given, not a redis:// or postgresql:// URL, an unknown TARGET).
"""

STATUS_EPILOG = """\
examples:
  pressroom status                         every job, per host: queued, done, failed, written, pages/s
  pressroom status 20250101-120000-ab12 --json

exit codes: 0 every job shown is finished, 1 PostgreSQL cannot be reached or no such job, 2 bad
usage (no database given, not a postgresql:// URL), 4 a job shown is still running.
"""
EXIT_RUNNING = 4


def add_commands(commands: argparse._SubParsersAction, usage_error: type[Exception]) -> None:
    """Register worker, enqueue and status on the CLI's subparsers."""
    from scraper.cli.arguments import iso_date  # the CLI is loaded already: it calls this
    worker = commands.add_parser(
        "worker", help="run a distributed crawl worker (Celery)", epilog=WORKER_EPILOG,
        description="A Celery worker of the distributed crawl.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _connection_options(worker)
    worker.add_argument("--concurrency", type=_positive_int, default=2, metavar="N", help="task processes (default 2)")
    worker.add_argument("--queues", metavar="NAME", help="the queue to consume (default: pressroom)")
    worker.add_argument("--name", metavar="NAME", help="the worker's node name (default: pressroom-<pid>@<host>)")
    worker.add_argument("--loglevel", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    worker.set_defaults(handler=lambda args: _guarded(_run_worker, args, usage_error))

    enqueue = commands.add_parser(
        "enqueue", help="start a distributed crawl job", epilog=ENQUEUE_EPILOG,
        description="Put a crawl job on the queue for the workers.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from scraper.sites import PROFILES

    enqueue.add_argument("targets", nargs="+", metavar="TARGET", help=f"a site ({', '.join(sorted(PROFILES))}) or a URL")
    _connection_options(enqueue)
    enqueue.add_argument("--site", choices=sorted(PROFILES), help="the site profile to parse URL targets with")
    enqueue.add_argument("--since", type=iso_date, metavar="DATE", help="only releases from DATE on (YYYY-MM-DD)")
    enqueue.add_argument("--until", type=iso_date, metavar="DATE", help="only releases up to DATE (YYYY-MM-DD)")
    enqueue.add_argument("--delay", type=_seconds, default=None, metavar="SECONDS", help="seconds between requests to one host (default 1)")
    enqueue.add_argument("--queues", metavar="NAME", help="the queue the workers consume (default: pressroom)")
    enqueue.add_argument("--user-agent", type=_user_agent, metavar="UA", help="the User-Agent (default: pressroom's)")
    enqueue.set_defaults(handler=lambda args: _guarded(_run_enqueue, args, usage_error))

    status = commands.add_parser(
        "status", help="show distributed crawl jobs, per host", epilog=STATUS_EPILOG,
        description="What the workers did, per job and host. Needs only the database.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    status.add_argument("jobs", nargs="*", metavar="JOB", help="job ids (default: every job)")
    _connection_options(status, broker=False)
    status.add_argument("--json", action="store_true", help="one JSON object per job")
    status.set_defaults(handler=lambda args: _guarded(_run_status, args, usage_error))


def _connection_options(parser: argparse.ArgumentParser, *, broker: bool = True) -> None:
    # status reads only the database: --broker is still accepted there (scripts pass both), unlisted.
    parser.add_argument("--broker", metavar="URL", help="Redis URL (default: $PRESSROOM_BROKER)" if broker else argparse.SUPPRESS)
    parser.add_argument(
        "--database", metavar="URL", help="PostgreSQL URL, postgresql://HOST/DB?schema=NAME (default: $PRESSROOM_DATABASE)"
    )


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (0 <= value < float("inf")):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number of 0 or more")
    return value


def _user_agent(text: str) -> str:
    """A header value, as `crawl --user-agent` takes it: non-empty printable ASCII."""
    if not text.strip() or not (text.isascii() and text.isprintable()):
        raise argparse.ArgumentTypeError(f"{text!r}: a User-Agent is non-empty printable ASCII")
    return text.strip()


def _guarded(run: Any, args: argparse.Namespace, usage_error: type[Exception]) -> int:
    """One line on stderr for a service that does not answer or a bad setting; never a traceback."""
    from scraper.errors import ScraperError

    try:
        return run(args, usage_error)
    except BadSetting as error:  # a setting the user gave (or left out), not a service that failed
        raise usage_error(str(error)) from None
    except ScraperError as error:
        print(f"pressroom: {error}", file=sys.stderr)
        return EXIT_FAILED


class BadSetting(Exception):
    """No broker or database given, or not a URL of the scheme it needs: bad usage (exit code 2)."""


def _settings(args: argparse.Namespace, *, need_broker: bool = True):
    from scraper.distributed.app import Settings, SetupError

    broker = args.broker
    if not need_broker:
        broker = "redis://unused"  # status reads only the database
    try:
        return Settings.resolve(broker, args.database, getattr(args, "queues", None))
    except SetupError as error:  # Settings.resolve only checks what was given; nothing was reached yet
        raise BadSetting(str(error)) from None


def check_broker(url: str) -> None:
    """SetupError in one line when nothing answers at the broker's address."""
    from scraper.distributed.app import SetupError

    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 6379
    try:
        socket.create_connection((host, port), timeout=3).close()
    except OSError as error:
        raise SetupError(f"cannot reach the broker (Redis) at {host}:{port}: {error.strerror or error}") from None


RESTART_PAUSE = 2.0  # seconds before a worker that stopped on an error starts again
QUICK_FAILURES = 5  # a worker that fails this many times in a row within QUICK_SECONDS of starting gives up
QUICK_SECONDS = 30.0


def _run_worker(args: argparse.Namespace, usage_error: type[Exception]) -> int:
    """A Celery worker with our settings, started again when it stops on an error of its own.

    Celery's Redis transport can end the worker with "Unrecoverable error" when the broker restarts
    (kombu 5.7 fails to close its channel on the lost connection, seen in the broker-restart test);
    a worker meant to outlive its broker starts again, unless a signal (Ctrl-C, SIGTERM) stopped it
    (the exit code alone does not tell: that worker sometimes ends with 0)."""
    import warnings

    from celery.signals import worker_ready, worker_shutting_down

    from scraper.distributed.app import make_app
    from scraper.distributed.tasks import open_store, start_sweeper

    warnings.filterwarnings("ignore", message=".*superuser privileges")  # containers run as root
    settings = _settings(args)
    check_broker(settings.broker)
    open_store(settings).close()  # the database answers, and the tables are there
    asked_to_stop: list[str] = []
    sweeping: list[object] = []

    def on_ready(sender: object = None, **_: object) -> None:
        if not sweeping:  # one sweeper per process, however often the worker starts again
            sweeping.append(start_sweeper(sender.app if sender is not None else make_app(settings)))  # type: ignore[attr-defined]

    worker_ready.connect(on_ready, weak=False)
    worker_shutting_down.connect(lambda sig=None, **_: asked_to_stop.append(str(sig)), weak=False)
    name = args.name or f"pressroom-{uuid.uuid4().hex[:6]}@%h"
    argv = [
        "worker", f"--concurrency={args.concurrency}", f"--queues={settings.queue}", f"--loglevel={args.loglevel}",
        f"--hostname={name}", "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]
    quick_failures = 0
    while True:
        started = time.monotonic()
        code = _worker_main(make_app(settings), argv)
        if asked_to_stop:
            return EXIT_OK if code == 0 else EXIT_FAILED
        quick_failures = quick_failures + 1 if time.monotonic() - started < QUICK_SECONDS else 1
        if quick_failures >= QUICK_FAILURES:
            print(f"pressroom: the worker stopped on an error {quick_failures} times in a row; giving up", file=sys.stderr)
            return EXIT_FAILED
        print(f"pressroom: the worker stopped unasked (exit {code}); starting it again", file=sys.stderr)
        time.sleep(RESTART_PAUSE)


def _worker_main(app: Any, argv: list[str]) -> int:
    try:
        app.worker_main(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    return 0


def new_job_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:4]


def enqueue(settings: Any, targets: list[Any], *, since: date | None = None, until: date | None = None,
            delay: float | None = None, user_agent: str | None = None) -> str:
    """Create a job for `targets` (scraper.crawl.Target) and send its first tasks; returns its id."""
    from scraper.distributed import jobs
    from scraper.distributed.app import make_app
    from scraper.distributed.tasks import open_store, send
    from scraper.distributed.work import Sends
    from scraper.fetch import DEFAULT_DELAY, USER_AGENT
    from scraper.incremental import LISTING

    check_broker(settings.broker)
    job = jobs.Job(
        new_job_id(), [(target.start_url, target.site) for target in targets], since, until,
        DEFAULT_DELAY if delay is None else delay, user_agent or USER_AGENT,
    )
    store = open_store(settings, job.id)
    try:
        starts = list(dict.fromkeys(start for start, _ in job.targets))
        with store.batch():
            jobs.create_job(store.connection(), job)
            for start in starts:
                store.push_new([start], kind=LISTING, site=start)
            jobs.mark_sent(store.connection(), job.id, starts)
    finally:
        store.close()
    send(make_app(settings), job.id, Sends(starts, []))  # if this fails, the workers' sweeper sends them
    return job.id


def _run_enqueue(args: argparse.Namespace, usage_error: type[Exception]) -> int:
    from scraper.crawl import resolve_targets

    try:
        targets = resolve_targets(args.targets, args.site, args.since, args.until)
    except ValueError as error:
        raise usage_error(str(error)) from None
    job_id = enqueue(_settings(args), targets, since=args.since, until=args.until, delay=args.delay, user_agent=args.user_agent)
    print(job_id)
    print(f"pressroom: job {job_id} queued ({len(targets)} target{'s' * (len(targets) != 1)}); follow it with: pressroom status {job_id}", file=sys.stderr)
    return EXIT_OK


def _run_status(args: argparse.Namespace, usage_error: type[Exception]) -> int:
    from scraper.distributed.jobs import job_status
    from scraper.distributed.tasks import open_store

    store = open_store(_settings(args, need_broker=False))
    try:
        found = job_status(store.connection(), args.jobs or None)
    finally:
        store.close()
    missing = sorted(set(args.jobs) - {status.job for status in found})
    if missing:
        print(f"pressroom: no such job: {', '.join(missing)}", file=sys.stderr)
        return EXIT_FAILED
    for status in found:
        print(json.dumps(_status_dict(status)) if args.json else _status_text(status))
    return EXIT_RUNNING if any(status.finished is None for status in found) else EXIT_OK


def _status_dict(status: Any) -> dict[str, Any]:
    return {
        "job": status.job,
        "finished": status.finished is not None,
        "hosts": [
            {
                "host": host.host, "queued": host.queued, "done": host.done, "failed": host.failed,
                "written": host.written, "last_error": host.last_error,
                "pages_per_second": round(host.pages_per_second, 2) if host.pages_per_second else None,
            }
            for host in status.hosts
        ],
    }


def _status_text(status: Any) -> str:
    state = "finished" if status.finished is not None else "running"
    lines = [f"job {status.job}: {state}"]
    lines.append(f"  {'host':<32} {'queued':>6} {'done':>6} {'failed':>6} {'written':>7} {'pages/s':>7}  last error")
    for host in status.hosts:
        rate = f"{host.pages_per_second:.1f}" if host.pages_per_second else "-"
        lines.append(
            f"  {host.host:<32} {host.queued:>6} {host.done:>6} {host.failed:>6} {host.written:>7} {rate:>7}  {host.last_error or ''}"
        )
    return "\n".join(lines)
