"""The Celery tasks, what each worker process keeps between them, and the sweeper.

    pressroom.discover(job, url)        read a listing / feed / sitemap, queue releases and pages
    pressroom.fetch_host(job, origin)   fetch, parse and write the releases of one origin, one after
                                        the other (up to HOST_BATCH, then a new task takes over)

One host task per (job, origin) at a time, marked by a Redis flag (SET NX, with the frontier lease
as its expiry, renewed at each URL): a worker process never waits on a host that another process
is already crawling, so N processes crawl N hosts at once. (A task per URL queued one host's URLs
together, and every process then waited on that host's politeness gate while the others idled.)

Both are `acks_late` with `reject_on_worker_lost` (scraper/distributed/app.py) and idempotent
(scraper/distributed/work.py). A worker process keeps, across its tasks: one event loop, one Redis
client for the politeness gates, and per job one PostgreSQL state store and one fetcher (robots.txt
is read once per origin and process, under the shared gate).

Errors of the infrastructure (PostgreSQL or Redis gone) end the task with one log line and leave the
URL leased; the lease expires and the sweeper sends it again, so nothing is lost and nothing waits
on a dead connection. The sweeper runs in each worker's main process (a thread, started when the
worker is ready), every `sweep_every` seconds; one sweeper at a time (a PostgreSQL advisory lock)
sends again the discovery tasks of listings whose lease expired or whose message was lost, a host
task for each origin with releases waiting and no host task alive (its flag expired with its
worker, or vanished with a restarted broker), and marks finished the jobs whose frontier is empty.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from scraper.distributed.app import DISCOVER_TASK, HOST_TASK, Settings
from scraper.distributed.work import JobWork, Sends
from scraper.errors import StateError
from scraper.incremental import LISTING, RELEASE
from scraper.urls import origin_of

log = logging.getLogger(__name__)

SWEEP_LOCK = 0x50525357  # advisory lock: one sweeper at a time across workers
SWEEP_BATCH = 1000  # URLs sent again per job and sweep at most
HOST_BATCH = 20  # releases a host task fetches before it hands its origin on to a new task
T = TypeVar("T")
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
        import redis
        import redis.asyncio

        self.settings = settings
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        self.redis = redis.asyncio.Redis.from_url(settings.broker)  # the politeness gates
        self.redis_sync = redis.Redis.from_url(settings.broker)  # the host tasks' flags
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


def _errors_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _with_deadlock_retries(run: Callable[[], T]) -> T:
    """Run `run`; a unit rolled back as the loser of a deadlock runs again at once."""
    from psycopg.errors import DeadlockDetected

    for attempt in range(1, DEADLOCK_ATTEMPTS + 1):
        try:
            return run()
        except StateError as error:
            if attempt == DEADLOCK_ATTEMPTS or not isinstance(error.__cause__, DeadlockDetected):
                raise
    raise AssertionError("unreachable")


def _discover(app: Any, job_id: str, url: str) -> str:
    here = runtime(app.pressroom_settings)
    try:
        work = here.work(job_id)
        if work is None:
            return "unknown job"
        outcome, sends = _with_deadlock_retries(lambda: here.loop.run_until_complete(work.discover(url)))
        send(app, job_id, sends)
        work.finish_job_if_empty()
    except _infrastructure_errors() as error:
        log.warning("%s %s: %s (left to the sweeper)", job_id, url, _errors_line(error))
        here.forget(job_id)
        return "deferred"
    return outcome


def _fetch_host(app: Any, job_id: str, origin: str) -> str:
    """Fetch up to HOST_BATCH releases of one origin, one after the other, then hand the origin on
    (to a new task at the back of the queue while it has more, so other jobs and hosts get their turn)."""
    settings: Settings = app.pressroom_settings
    here = runtime(settings)
    flag = host_flag(settings, job_id, origin)
    fetched = 0
    try:
        work = here.work(job_id)
        if work is None:
            return "unknown job"
        while fetched < HOST_BATCH:
            items = work.store.next_batch_of(origin, 1, kind=RELEASE)
            if not items:
                break
            here.redis_sync.pexpire(flag, _lease_ms(settings))  # this host task is alive
            _with_deadlock_retries(lambda: here.loop.run_until_complete(work.fetch_release(items[0].url, items[0])))
            fetched += 1
        work.finish_job_if_empty()
        if fetched == HOST_BATCH and origin in work.store.waiting_origins(kind=RELEASE):
            app.send_task(HOST_TASK, args=(job_id, origin), queue=settings.queue)  # the flag stays ours
        else:
            here.redis_sync.delete(flag)
            if origin in work.store.waiting_origins(kind=RELEASE):  # queued since we looked
                schedule_hosts(app, here.redis_sync, job_id, [origin])
    except _infrastructure_errors() as error:
        log.warning("%s %s: %s (left to the sweeper)", job_id, origin, _errors_line(error))
        here.forget(job_id)
        return "deferred"
    return f"{fetched} fetched"


def host_flag(settings: Settings, job_id: str, origin: str) -> str:
    """The Redis key that says a host task of (job, origin) is queued or running."""
    return f"{settings.gate_prefix}host:{job_id}:{origin}"


def _lease_ms(settings: Settings) -> int:
    return int(settings.lease_seconds * 1000)


def schedule_hosts(app: Any, redis_sync: Any, job_id: str, origins: Iterable[str]) -> int:
    """Send a host task for each origin that has none queued or running; returns how many were sent."""
    settings: Settings = app.pressroom_settings
    sent = 0
    for origin in dict.fromkeys(origins):
        if redis_sync.set(host_flag(settings, job_id, origin), "1", nx=True, px=_lease_ms(settings)):
            app.send_task(HOST_TASK, args=(job_id, origin), queue=settings.queue)
            sent += 1
    return sent


def send(app: Any, job_id: str, sends: Sends, redis_sync: Any = None) -> None:
    """Discovery tasks for the listings; host tasks for the origins of the releases."""
    settings: Settings = app.pressroom_settings
    for url in sends.listings:
        app.send_task(DISCOVER_TASK, args=(job_id, url), queue=settings.queue)
    if sends.releases:
        schedule_hosts(app, redis_sync or runtime(settings).redis_sync, job_id, [origin_of(url) for url in sends.releases])


def register_tasks(app: Any) -> None:
    options = {"acks_late": True, "reject_on_worker_lost": True, "ignore_result": True}

    @app.task(name=DISCOVER_TASK, **options)
    def discover(job_id: str, url: str) -> str:
        return _discover(app, job_id, url)

    @app.task(name=HOST_TASK, **options)
    def fetch_host(job_id: str, origin: str) -> str:
        return _fetch_host(app, job_id, origin)


# -- the sweeper ------------------------------------------------------------------------------------


def sweep_once(app: Any, conn: Any, redis_sync: Any) -> int:
    """Send again what was lost, for every unfinished job: the discovery tasks of listings whose
    lease expired or whose message was sent `resend_after` ago, and a host task for every origin
    with releases waiting and no host task alive. Returns how many tasks were sent."""
    from scraper.distributed import jobs
    from scraper.state.postgres import PostgresStateStore

    settings: Settings = app.pressroom_settings
    sent = 0
    with conn.transaction():
        row = conn.execute("SELECT pg_try_advisory_xact_lock(%s)", (SWEEP_LOCK,)).fetchone()
        if not (row and row[0]):
            return 0  # another worker sweeps now
        for job_id in jobs.unfinished_jobs(conn):
            if jobs.finish_if_empty(conn, job_id):
                continue
            stale = jobs.stale_urls(conn, job_id, resend_after=settings.resend_after, limit=SWEEP_BATCH, kind=LISTING)
            jobs.mark_sent(conn, job_id, stale)
            send(app, job_id, Sends(stale, []), redis_sync)
            origins = PostgresStateStore.waiting_origins_on(conn, job_id, kind=RELEASE)
            sent += len(stale) + schedule_hosts(app, redis_sync, job_id, origins)
    return sent


def start_sweeper(app: Any) -> threading.Event:
    """Sweep every `sweep_every` seconds in a daemon thread until the returned event is set."""
    settings: Settings = app.pressroom_settings
    stop = threading.Event()

    def loop() -> None:
        import redis

        conn = None
        redis_sync = redis.Redis.from_url(settings.broker)
        while not stop.wait(settings.sweep_every):
            try:
                if conn is None or conn.closed:
                    conn = open_store(settings).connection()
                sent = sweep_once(app, conn, redis_sync)
                if sent:
                    log.warning("sweeper: sent %d lost tasks again", sent)
            except Exception as error:  # noqa: BLE001 - a broker or database outage: try again next round
                log.warning("sweeper: %s", str(error).splitlines()[0] if str(error) else type(error).__name__)
                conn = None

    threading.Thread(target=loop, name="pressroom-sweeper", daemon=True).start()
    return stop
