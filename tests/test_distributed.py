"""The distributed crawl against the real Redis and PostgreSQL: worker processes (`pressroom worker`)
crawling loopback newsrooms on several ports, each test in its own PostgreSQL schema, Redis key
prefix and queue (removed after). Waits are bounded; nothing sleeps for a fixed time to pass.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import REPO

from scraper.crawl import resolve_target
from tests.loopback import FakeRelease, LoopbackSite, Reply, osce_site
from tests.services import BROKER_HOST, BROKER_PORT, database_url, fresh_schema, need_postgres, need_redis

WAIT = 40.0  # seconds any one wait may take before the test fails (a bound, never slept)
TIMINGS = {  # the worker's clocks, shortened so lost work comes back within the tests' waits
    "PRESSROOM_LEASE_SECONDS": "3",
    "PRESSROOM_RESEND_AFTER": "2",
    "PRESSROOM_SWEEP_EVERY": "0.5",
    "PRESSROOM_VISIBILITY_TIMEOUT": "30",
    "PRESSROOM_GATE_LEASE": "2",
}
# Where nothing is lost, nothing needs to come back: long enough that no task is redone on a busy
# machine (a lease of 3 s can expire under a slow first task, and its URL is then fetched again).
NOTHING_LOST = {"PRESSROOM_LEASE_SECONDS": "60", "PRESSROOM_RESEND_AFTER": "60"}


def releases(count: int, first_id: int, newest: date = date(2024, 6, 20)) -> list[FakeRelease]:
    return [
        FakeRelease(
            path=f"/secretariat/{first_id + number}",
            title=f"Workshop {first_id + number} on border management opens",
            day=newest - timedelta(days=number),
            place="VIENNA",
            source="OSCE Secretariat",
            paragraphs=(f"Officials met for workshop {first_id + number}.", "The workshop ends on Friday."),
        )
        for number in range(count)
    ]


@dataclass
class Cluster:
    """A schema, a key prefix and a queue of one test; the workers it started."""

    database: str
    broker: str
    prefix: str
    queue: str
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ, **TIMINGS, **extra,
            "PRESSROOM_BROKER": self.broker, "PRESSROOM_DATABASE": self.database, "PRESSROOM_KEY_PREFIX": self.prefix,
        }

    def settings(self):
        from scraper.distributed.app import Settings

        with _environ(self.env()):
            return Settings.resolve(queue=self.queue)

    def start_worker(self, concurrency: int = 2, **extra: str) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "scraper", "worker", "--concurrency", str(concurrency), "--queues", self.queue]
        log = Path(os.environ.get("TMPDIR", "/tmp")) / f"{self.queue}-worker{len(self.workers)}.log"
        with log.open("wb") as stderr:
            worker = subprocess.Popen(
                command, cwd=REPO, env=self.env(**extra), start_new_session=True,  # its own group: killed whole
                stdout=subprocess.DEVNULL, stderr=stderr,
            )
        self.workers.append(worker)
        self.logs.append(log)
        return worker

    def enqueue(self, sites: list[LoopbackSite], delay: float = 0.0) -> str:
        from scraper.distributed.commands import enqueue

        targets = [resolve_target(site.url("/press-releases"), "osce") for site in sites]
        return enqueue(self.settings(), targets, delay=delay)

    def status(self, job: str):
        from scraper.distributed.jobs import job_status
        from scraper.distributed.tasks import open_store

        store = open_store(self.settings())
        try:
            return job_status(store.connection(), [job])[0]
        finally:
            store.close()

    def wait_until(self, job: str, done: Callable[[object], bool], what: str) -> object:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            status = self.status(job)
            if done(status):
                return status
            for worker in self.workers:
                assert worker.poll() is None or worker.returncode == -signal.SIGKILL, self.worker_errors()
            time.sleep(0.1)
        pytest.fail(f"{what} not within {WAIT:g} s: {self.status(job)}\n{self.worker_errors()}")

    def wait_finished(self, job: str):
        return self.wait_until(job, lambda status: status.finished is not None, "the job finished")

    def records(self, **options: object) -> list[dict]:
        from scraper.distributed.records import iter_records

        return list(iter_records(self.database, **options))  # type: ignore[arg-type]

    def stop(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)

    def worker_errors(self) -> str:
        """The end of each worker's stderr."""
        return "\n".join(f"{log.name}: {log.read_text(errors='replace')[-3000:]}" for log in self.logs if log.exists())

    def remove_logs(self) -> None:
        for log in self.logs:
            log.unlink(missing_ok=True)


@contextlib.contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def drop_keys(broker: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(broker)
    try:
        keys = list(client.scan_iter(match=prefix + "*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@contextlib.contextmanager
def cluster_on(broker: str) -> Iterator[Cluster]:
    need_postgres()
    tag = uuid.uuid4().hex[:10]
    with fresh_schema("dist") as schema:
        cluster = Cluster(database_url(schema), broker, prefix=f"test-{tag}:", queue=f"pressroom-{tag}")
        try:
            yield cluster
        finally:
            cluster.stop()
            cluster.remove_logs()
            drop_keys(broker, cluster.prefix)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    need_redis()
    with cluster_on(f"redis://{BROKER_HOST}:{BROKER_PORT}/0") as made:
        yield made


@contextlib.contextmanager
def newsrooms(count: int, per_site: int, **reply: object) -> Iterator[list[tuple[LoopbackSite, list[FakeRelease]]]]:
    """`count` OSCE-style newsrooms on loopback ports, `per_site` releases each (3 a listing page)."""
    with contextlib.ExitStack() as stack:
        made = []
        for number in range(count):
            site = stack.enter_context(LoopbackSite())
            items = releases(per_site, first_id=800000 + 1000 * number)
            routes = osce_site(items, site.origin, per_page=3)
            if reply:
                routes = {path: _slowed(route, **reply) for path, route in routes.items()}
            site.routes.update(routes)
            made.append((site, items))
        yield made


def _slowed(route: object, **reply: object) -> object:
    if isinstance(route, Reply):
        from dataclasses import replace

        return replace(route, **reply)
    return route


def assert_each_release_once(records: list[dict], sites: list[tuple[LoopbackSite, list[FakeRelease]]]) -> None:
    expected = sorted(site.url(item.path) for site, items in sites for item in items)
    counts = Counter((record["url"], record["version"]) for record in records)
    assert sorted(url for url, _ in counts) == expected
    assert set(counts.values()) == {1}
    assert {record["version"] for record in records} == {1}


# -- every release once, across workers ------------------------------------------------------------


def test_two_workers_write_every_release_of_three_sites_exactly_once(cluster: Cluster) -> None:
    with newsrooms(3, per_site=7) as sites:
        for _ in range(2):
            cluster.start_worker(**NOTHING_LOST)
        job = cluster.enqueue([site for site, _ in sites])
        status = cluster.wait_finished(job)
        assert_each_release_once(cluster.records(), sites)
        assert sum(host.written for host in status.hosts) == 21
        assert sum(host.failed for host in status.hosts) == 0
        assert all(host.queued == 0 for host in status.hosts)
        for site, items in sites:  # each release page asked for once: no task ran twice
            assert Counter(path for path in site.paths() if path.startswith("/secretariat/")) == {
                item.path: 1 for item in items
            }


def written(status: object) -> int:
    return sum(host.written for host in status.hosts)  # type: ignore[attr-defined]


# -- a worker killed mid-crawl ----------------------------------------------------------------------


def pool_processes(worker: subprocess.Popen[bytes]) -> list[int]:
    """The pids of a worker's pool processes (the children of its main process)."""
    children = Path(f"/proc/{worker.pid}/task/{worker.pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def kill_whole_worker(worker: subprocess.Popen[bytes]) -> None:
    os.killpg(worker.pid, signal.SIGKILL)  # the main process and its pool processes, mid-task
    worker.wait(timeout=10)


def kill_one_pool_process(worker: subprocess.Popen[bytes]) -> None:
    pids = pool_processes(worker)
    assert pids, "the worker has no pool processes"
    os.kill(pids[0], signal.SIGKILL)  # the main process sees it lost: reject_on_worker_lost requeues its task


KILLS = {"the-whole-worker": kill_whole_worker, "one-pool-process": kill_one_pool_process}


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to find a worker's pool processes")
@pytest.mark.parametrize("kill", KILLS.values(), ids=KILLS.keys())
def test_a_worker_killed_with_sigkill_mid_crawl_loses_and_duplicates_nothing(
    cluster: Cluster, kill: Callable[[subprocess.Popen[bytes]], None]
) -> None:
    with newsrooms(2, per_site=9, delay=0.05) as sites:  # slow pages: the kill lands mid-crawl
        doomed = cluster.start_worker()
        cluster.start_worker()
        job = cluster.enqueue([site for site, _ in sites])
        cluster.wait_until(job, lambda status: written(status) >= 4, "a few releases written")
        kill(doomed)
        cluster.wait_finished(job)
        assert_each_release_once(cluster.records(all_versions=True), sites)


# -- the broker restarted mid-crawl -----------------------------------------------------------------


@contextlib.contextmanager
def own_redis() -> Iterator[tuple[str, Callable[[], None]]]:
    """A redis-server of this test's own on a free loopback port, and a function that restarts it
    (without persistence: the queued messages are lost, as after a crash). Never the shared one."""
    import shutil
    import socket

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed: the broker-restart test starts a Redis of its own")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    server: list[subprocess.Popen[bytes]] = []

    def start() -> None:
        server.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
            time.sleep(0.05)
        pytest.fail(f"redis-server on port {port} did not start")

    def restart() -> None:
        server[-1].send_signal(signal.SIGKILL)
        server[-1].wait(timeout=10)
        start()

    start()
    try:
        yield f"redis://127.0.0.1:{port}/0", restart
    finally:
        server[-1].kill()
        server[-1].wait(timeout=10)


def test_the_broker_restarted_mid_crawl_the_job_completes() -> None:
    with own_redis() as (broker, restart), cluster_on(broker) as cluster, newsrooms(2, per_site=9, delay=0.05) as sites:
        for _ in range(2):
            cluster.start_worker()
        job = cluster.enqueue([site for site, _ in sites])
        cluster.wait_until(job, lambda status: written(status) >= 3, "a few releases written")
        restart()  # every queued message is gone; the workers reconnect, the sweeper sends them again
        cluster.wait_finished(job)
        assert_each_release_once(cluster.records(all_versions=True), sites)


# -- politeness across workers ----------------------------------------------------------------------


def gaps(site: LoopbackSite) -> list[float]:
    """Seconds between the end of each request to `site` and the start of the next (negative: overlap)."""
    log = sorted(site.log, key=lambda request: request.started)
    return [after.started - before.ended for before, after in zip(log, log[1:])]


def test_per_host_one_request_at_a_time_across_workers_with_the_delay_and_crawl_delay(cluster: Cluster) -> None:
    with newsrooms(2, per_site=4) as sites:
        (plain, _), (slowed, _) = sites
        slowed.routes["/robots.txt"] = Reply("User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain")
        for _ in range(2):
            cluster.start_worker(**NOTHING_LOST)
        job = cluster.enqueue([plain, slowed], delay=0.2)
        cluster.wait_finished(job)
        assert_each_release_once(cluster.records(), sites)
    for site, least in ((plain, 0.2), (slowed, 0.4)):
        assert site.max_in_flight == 1
        assert len(site.log) >= 7  # robots.txt, 2 listing pages, 4 releases
        # The first robots.txt is read before the Crawl-delay is known: the gaps after it hold it.
        held = gaps(site)[1:] if site is slowed else gaps(site)
        assert min(held) >= least * 0.95, (site.origin, held)


def test_retry_after_holds_the_host_for_every_worker(cluster: Cluster) -> None:
    with newsrooms(1, per_site=6) as sites:
        (site, items), = sites
        busy = items[0].path
        site.routes[busy] = [Reply("busy", status=503, headers={"Retry-After": "1"}, content_type="text/plain"), site.routes[busy]]
        for _ in range(2):
            cluster.start_worker(**NOTHING_LOST)
        job = cluster.enqueue([site], delay=0.0)
        cluster.wait_finished(job)
        assert_each_release_once(cluster.records(), sites)
    log = sorted(site.log, key=lambda request: request.started)
    refused = next(request for request in log if request.status == 503)
    after = [request for request in log if request.started > refused.started]
    assert after and min(request.started for request in after) - refused.ended >= 0.95
