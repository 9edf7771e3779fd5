"""The Celery tasks, what each worker process keeps between them, and the sweeper.

    pressroom.discover(job, url)        read a listing / feed / sitemap, queue releases and pages
    pressroom.fetch_release(job, url)   fetch, parse and write one release

Both are `acks_late` with `reject_on_worker_lost` (scraper/distributed/app.py) and idempotent
(scraper/distributed/work.py). A worker process keeps, across its tasks: one event loop, one Redis
client for the politeness gates, and per job one PostgreSQL state store and one fetcher (robots.txt
is read once per origin and process, under the shared gate).

Errors of the infrastructure (PostgreSQL or Redis gone) end the task with one log line and leave the
URL leased; the lease expires and the sweeper sends it again, so nothing is lost and nothing waits
on a dead connection. The sweeper runs in each worker's main process (a thread, started when the
worker is ready), every `sweep_every` seconds; one sweeper at a time (a PostgreSQL advisory lock)
sends again the tasks of URLs whose lease expired or whose message was lost, and marks finished the
jobs whose frontier is empty.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from typing import Any

from scraper.distributed.app import DISCOVER_TASK, FETCH_TASK, Settings
from scraper.distributed.work import NOTHING, JobWork, Sends
from scraper.errors import StateError

log = logging.getLogger(__name__)

SWEEP_LOCK = 0x50525357  # advisory lock: one sweeper at a time across workers
SWEEP_BATCH = 1000  # URLs sent again per job and sweep at most
DEADLOCK_ATTEMPTS = 3  # a unit rolled back by a deadlock (claims, frontier inserts) runs again at once


def distributed_tables() -> str:
    from scraper.distributed.jobs import JOB_TABLES
    from scraper.distributed.records import RECORDS_TABLE

    return JOB_TABLES + RECORDS_TABLE


def open_store(settings: Settings, job: str = ""):  # -> PostgresStateStore
    from scraper.state.postgres import PostgresStateStore

    store = PostgresStateStore(
        settings.database, job=job, lease_seconds=settings.lease_seconds, extra_tables=distributed_tables()
    )
    return store.open()


class Runtime:
    """What one worker process keeps between tasks (made in the process that runs them, after fork)."""

    def __init__(self, settings: Settings) -> None:
        import redis.asyncio

        self.settings = settings
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        self.redis = redis.asyncio.Redis.from_url(settings.broker)
        self._work: dict[str, JobWork] = {}
        self._fetchers: list[Any] = []

    def work(self, job_id: str) -> JobWork | None:
        if job_id not in self._work:
            from scraper.distributed.jobs import load_job

            store = open_store(self.settings, job_id)
            job = load_job(store.connection(), job_id)
            if job is None:
                store.close()
                return None
            self._work[job_id] = JobWork(job, store, self.loop.run_until_complete(self._fetcher(job)))
        return self._work[job_id]

    async def _fetcher(self, job: Any):
        from scraper.crawl import resolve_target
        from scraper.distributed.politeness import SharedGateFetcher
        from scraper.fetch import FetchSettings, Scope

        targets = [resolve_target(start, site) for start, site in job.targets]
        hosts = tuple(host for target in targets for host in target.profile.hosts)
        scope = Scope.for_targets([target.start_url for target in targets], hosts)
        settings = FetchSettings(user_agent=job.user_agent, delay=job.delay)
        fetcher = SharedGateFetcher(
            settings, scope=scope, redis=self.redis, prefix=self.settings.gate_prefix, gate_lease=self.settings.gate_lease
        )
        await fetcher.__aenter__()
        self._fetchers.append(fetcher)
        return fetcher

    def forget(self, job_id: str) -> None:
        """Drop a job's connection after an infrastructure error: the next task reconnects."""
        work = self._work.pop(job_id, None)
        if work is not None:
            try:
                work.store.close()
            except Exception:  # noqa: BLE001 - the connection is what failed
                pass


_runtime: Runtime | None = None


def runtime(settings: Settings) -> Runtime:
    global _runtime
    if _runtime is None or _runtime.pid != os.getpid():
        _runtime = Runtime(settings)
    return _runtime


def _infrastructure_errors() -> tuple[type[BaseException], ...]:
    import psycopg
    import redis

    return (StateError, psycopg.Error, redis.RedisError, OSError)


def _run_unit(app: Any, job_id: str, url: str, unit: str) -> str:
    from psycopg.errors import DeadlockDetected

    settings: Settings = app.pressroom_settings
    here = runtime(settings)
    try:
        work = here.work(job_id)
        if work is None:
            return "unknown job"
        for attempt in range(1, DEADLOCK_ATTEMPTS + 1):
            try:
                outcome, sends = _run_once(here, work, url, unit)
                break
            except StateError as error:  # the loser of a deadlock is rolled back: run it again
                if attempt == DEADLOCK_ATTEMPTS or not isinstance(error.__cause__, DeadlockDetected):
                    raise
        send(app, job_id, sends)
        work.finish_job_if_empty()
    except _infrastructure_errors() as error:
        log.warning("%s %s: %s (left to the sweeper)", job_id, url, str(error).splitlines()[0] if str(error) else type(error).__name__)
        here.forget(job_id)
        return "deferred"
    return outcome


def _run_once(here: Runtime, work: JobWork, url: str, unit: str) -> tuple[str, Sends]:
    if unit == DISCOVER_TASK:
        return here.loop.run_until_complete(work.discover(url))
    return here.loop.run_until_complete(work.fetch_release(url)), NOTHING


def send(app: Any, job_id: str, sends: Sends) -> None:
    queue = app.pressroom_settings.queue
    for url in sends.listings:
        app.send_task(DISCOVER_TASK, args=(job_id, url), queue=queue)
    for url in sends.releases:
        app.send_task(FETCH_TASK, args=(job_id, url), queue=queue)


def register_tasks(app: Any) -> None:
    options = {"acks_late": True, "reject_on_worker_lost": True, "ignore_result": True}

    @app.task(name=DISCOVER_TASK, **options)
    def discover(job_id: str, url: str) -> str:
        return _run_unit(app, job_id, url, DISCOVER_TASK)

    @app.task(name=FETCH_TASK, **options)
    def fetch_release(job_id: str, url: str) -> str:
        return _run_unit(app, job_id, url, FETCH_TASK)


# -- the sweeper ------------------------------------------------------------------------------------


def sweep_once(app: Any, conn: Any) -> int:
    """Send again the tasks of lost URLs of every unfinished job; returns how many were sent."""
    from scraper.distributed import jobs

    settings: Settings = app.pressroom_settings
    sent = 0
    with conn.transaction():
        row = conn.execute("SELECT pg_try_advisory_xact_lock(%s)", (SWEEP_LOCK,)).fetchone()
        if not (row and row[0]):
            return 0  # another worker sweeps now
        for job_id in jobs.unfinished_jobs(conn):
            if jobs.finish_if_empty(conn, job_id):
                continue
            stale = jobs.stale_urls(conn, job_id, resend_after=settings.resend_after, limit=SWEEP_BATCH)
            jobs.mark_sent(conn, job_id, [url for url, _ in stale])
            listings = [url for url, kind in stale if kind == "listing"]
            releases = [url for url, kind in stale if kind != "listing"]
            send(app, job_id, Sends(listings, releases))
            sent += len(stale)
    return sent


def start_sweeper(app: Any) -> threading.Event:
    """Sweep every `sweep_every` seconds in a daemon thread until the returned event is set."""
    settings: Settings = app.pressroom_settings
    stop = threading.Event()

    def loop() -> None:
        conn = None
        while not stop.wait(settings.sweep_every):
            try:
                if conn is None or conn.closed:
                    conn = open_store(settings).connection()
                sent = sweep_once(app, conn)
                if sent:
                    log.warning("sweeper: sent %d lost tasks again", sent)
            except Exception as error:  # noqa: BLE001 - a broker or database outage: try again next round
                log.warning("sweeper: %s", str(error).splitlines()[0] if str(error) else type(error).__name__)
                conn = None

    threading.Thread(target=loop, name="pressroom-sweeper", daemon=True).start()
    return stop
