"""Scale out: N loopback newsrooms crawled by 1 worker, then by 2, beside the single-process crawl.

    uv run python bench/scale_out.py --sites 4 --releases 150 [--concurrency 2] [--delay 0]

Needs Redis and PostgreSQL (PRESSROOM_BROKER / PRESSROOM_DATABASE, default the local ones .ci/run
starts). Each site is bench/loopback_site.py in its own process (one OSCE-style newsroom each, a
port each: a host each for politeness). Three runs on the same sites, each timed from start to the
last record:

- `pressroom crawl SITE1 ... SITEN -o FILE` (one process, the polite default: one request at a time
  per host, here with --delay);
- `pressroom enqueue` with 1 `pressroom worker` (--concurrency processes), then with 2 workers;
  workers are started and ready before the clock starts; each run in a fresh PostgreSQL schema and
  Redis key prefix, removed after.

Prints pages/s (listing and release pages fetched) of each and the 2-worker / 1-worker ratio. On a
machine of few cores the workers, the sites and PostgreSQL share them: say how many when quoting.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from crawl_speed import SiteProcess  # noqa: E402

DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/test"
READY_WAIT = 60.0  # seconds a worker may take to start
RUN_WAIT = 1800.0  # seconds a run may take at most


def single_process(sites: list[SiteProcess], delay: float, workdir: Path) -> tuple[int, float]:
    output = workdir / "single.jsonl"
    command = [sys.executable, "-m", "scraper", "crawl", *[site.start_url for site in sites], "--site", "osce",
               "--delay", str(delay), "-o", str(output), "--no-state"]
    started = time.monotonic()
    subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=RUN_WAIT)
    elapsed = time.monotonic() - started
    pages = sum(site.expected_pages for site in sites)
    return pages, elapsed


@contextlib.contextmanager
def workers(count: int, concurrency: int, env: dict[str, str], queue: str, workdir: Path) -> Iterator[None]:
    started = []
    try:
        for number in range(count):
            log = workdir / f"worker-{queue}-{number}.log"
            command = [sys.executable, "-m", "scraper", "worker", "--concurrency", str(concurrency),
                       "--queues", queue, "--loglevel", "INFO", "--name", f"bench{number}-{queue}@%h"]
            with log.open("wb") as stderr:
                started.append((subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                                 stderr=stderr, start_new_session=True), log))
        for process, log in started:
            _wait_ready(process, log)
        yield
    finally:
        for process, _ in started:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process, _ in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _wait_ready(process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_WAIT
    while time.monotonic() < deadline:
        if b" ready." in log.read_bytes():
            return
        if process.poll() is not None:
            raise RuntimeError(f"a worker stopped: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.1)
    raise RuntimeError(f"a worker was not ready within {READY_WAIT:g} s")


def distributed(sites: list[SiteProcess], worker_count: int, concurrency: int, delay: float,
                broker: str, database: str, workdir: Path) -> tuple[int, float]:
    import psycopg

    from scraper.crawl import resolve_target
    from scraper.distributed.app import Settings
    from scraper.distributed.commands import enqueue
    from scraper.distributed.jobs import job_status
    from scraper.distributed.tasks import open_store

    tag = uuid.uuid4().hex[:8]
    schema, prefix, queue = f"bench_{tag}", f"bench-{tag}:", f"bench-{tag}"
    env = {**os.environ, "PRESSROOM_BROKER": broker, "PRESSROOM_DATABASE": f"{database}?schema={schema}",
           "PRESSROOM_KEY_PREFIX": prefix}
    try:
        with workers(worker_count, concurrency, env, queue, workdir):
            os.environ.update({key: env[key] for key in ("PRESSROOM_KEY_PREFIX",)})
            settings = Settings.resolve(broker, env["PRESSROOM_DATABASE"], queue)
            targets = [resolve_target(site.start_url, "osce") for site in sites]
            started = time.monotonic()
            job = enqueue(settings, targets, delay=delay)
            store = open_store(settings)
            try:
                while time.monotonic() - started < RUN_WAIT:
                    (status,) = job_status(store.connection(), [job])
                    if status.finished is not None:
                        break
                    time.sleep(0.1)
                elapsed = time.monotonic() - started
                pages = sum(host.done + host.failed for host in status.hosts)
            finally:
                store.close()
    finally:
        with psycopg.connect(database, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        _drop_keys(broker, prefix)
    return pages, elapsed


def _drop_keys(broker: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(broker)
    keys = list(client.scan_iter(match=prefix + "*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=4, help="loopback newsrooms (default 4)")
    parser.add_argument("--releases", type=int, default=150, help="releases per site (default 150)")
    parser.add_argument("--concurrency", type=int, default=2, help="processes per worker (default 2)")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds between requests to one host (default 0)")
    args = parser.parse_args(argv)
    broker = os.environ.get("PRESSROOM_BROKER", DEFAULT_BROKER)
    database = os.environ.get("PRESSROOM_DATABASE", DEFAULT_DATABASE)
    with tempfile.TemporaryDirectory() as scratch, contextlib.ExitStack() as stack:
        workdir = Path(scratch)
        sites = [stack.enter_context(SiteProcess(args.releases)) for _ in range(args.sites)]
        runs = [("pressroom crawl (1 process)", single_process(sites, args.delay, workdir))]
        for count in (1, 2):
            label = f"{count} worker{'s' * (count > 1)} x {args.concurrency} processes"
            runs.append((label, distributed(sites, count, args.concurrency, args.delay, broker, database, workdir)))
    print(f"{args.sites} sites x {args.releases} releases, delay {args.delay:g} s, {os.cpu_count()} CPUs")
    print(f"{'run':<34} {'pages':>6} {'seconds':>8} {'pages/s':>8}")
    rates = []
    for label, (pages, seconds) in runs:
        rates.append(pages / seconds)
        print(f"{label:<34} {pages:>6} {seconds:>8.2f} {pages / seconds:>8.1f}")
    print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f}x; 2 workers / single process: {rates[2] / rates[0]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
