"""Crawl jobs in PostgreSQL: what a job is, what became of each of its URLs, what was sent, and what
the sweeper must send again.

    jobs      (id)          the targets ([start URL, site] pairs), --since/--until, the politeness
                            settings; created and finished times
    outcomes  (job, url)    what became of a frontier URL: written, unchanged, duplicate, skipped,
                            failed (with the error), listing; when it started and ended
    dispatch  (job, url)    when the discovery task of a listing URL was last sent to the broker
    claims    (job, key)    "release:<canonical URL>" and "content:<hash>" -> the URL that wrote it:
                            one record per release across workers, as the single-process crawl's
                            claims (scraper/incremental.py) within one run

The frontier itself is the state store's (scraper/state/postgres.py, rows per job). A URL is
finished when its frontier row is `done`; a job is finished when none of its rows is queued or
leased. Everything here runs on a `PostgresStateStore`'s connection, in its transactions.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

JOB_TABLES = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    targets TEXT NOT NULL,        -- JSON: [[start_url, site or null], ...]
    since TEXT,
    until TEXT,
    delay DOUBLE PRECISION NOT NULL,
    user_agent TEXT NOT NULL,
    created DOUBLE PRECISION NOT NULL,
    finished DOUBLE PRECISION
);
CREATE TABLE IF NOT EXISTS outcomes (
    job TEXT NOT NULL,
    url TEXT NOT NULL,
    host TEXT NOT NULL,
    outcome TEXT NOT NULL,
    error TEXT,
    started DOUBLE PRECISION NOT NULL,
    ended DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (job, url)
);
CREATE TABLE IF NOT EXISTS dispatch (
    job TEXT NOT NULL,
    url TEXT NOT NULL,
    sent DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (job, url)
);
CREATE TABLE IF NOT EXISTS claims (
    job TEXT NOT NULL,
    key TEXT NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (job, key)
);
"""

WRITTEN, UNCHANGED, DUPLICATE, SKIPPED, FAILED, LISTING_READ = (
    "written", "unchanged", "duplicate", "skipped", "failed", "listing"
)
HOST_OF_URL = r"substring(url from '^[A-Za-z]+://[^/?#]+')"


@dataclass(frozen=True)
class Job:
    """One crawl job as the workers read it."""

    id: str
    targets: list[tuple[str, str | None]]  # (start URL: the frontier's `site` key, site id or None)
    since: date | None
    until: date | None
    delay: float
    user_agent: str

    def in_range(self, iso_date: str | None) -> bool:
        """True unless the date is known and outside [since, until] (as CrawlConfig.in_range)."""
        if not iso_date:
            return True
        day = date.fromisoformat(iso_date)
        return not ((self.since and day < self.since) or (self.until and day > self.until))

    def site_of(self, start_url: str | None) -> str | None:
        return dict(self.targets).get(start_url or "")


def create_job(conn: Any, job: Job) -> None:
    conn.execute(
        "INSERT INTO jobs (id, targets, since, until, delay, user_agent, created) VALUES (%s, %s, %s, %s, %s, %s, %s)",
        (
            job.id,
            json.dumps(job.targets),
            job.since.isoformat() if job.since else None,
            job.until.isoformat() if job.until else None,
            job.delay,
            job.user_agent,
            time.time(),
        ),
    )


def load_job(conn: Any, job_id: str) -> Job | None:
    row = conn.execute("SELECT id, targets, since, until, delay, user_agent FROM jobs WHERE id = %s", (job_id,)).fetchone()
    if row is None:
        return None
    job_id, targets, since, until, delay, user_agent = row
    return Job(
        job_id,
        [(start, site) for start, site in json.loads(targets)],
        date.fromisoformat(since) if since else None,
        date.fromisoformat(until) if until else None,
        delay,
        user_agent,
    )


def record_outcome(conn: Any, job: str, url: str, host: str, outcome: str, error: str | None, started: float) -> None:
    conn.execute(
        "INSERT INTO outcomes (job, url, host, outcome, error, started, ended) VALUES (%s, %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (job, url) DO UPDATE SET outcome = excluded.outcome, error = excluded.error,"
        " started = excluded.started, ended = excluded.ended",
        (job, url, host, outcome, error, started, time.time()),
    )


def claim(conn: Any, job: str, key: str, url: str) -> bool:
    """True if `url` is the first (or the same) URL to claim `key` in this job. Inside a transaction
    a concurrent claim of the same key waits for this one to commit or roll back."""
    conn.execute("INSERT INTO claims (job, key, url) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", (job, key, url))
    row = conn.execute("SELECT url FROM claims WHERE job = %s AND key = %s", (job, key)).fetchone()
    return bool(row and row[0] == url)


def mark_sent(conn: Any, job: str, urls: list[str]) -> None:
    if urls:
        conn.execute(
            "INSERT INTO dispatch (job, url, sent) SELECT %s, url, %s FROM unnest(%s::text[]) AS given(url)"
            " ON CONFLICT (job, url) DO UPDATE SET sent = excluded.sent",
            (job, time.time(), urls),
        )


def stale_urls(conn: Any, job: str, *, resend_after: float, limit: int, kind: str) -> list[str]:
    """The job's frontier URLs of `kind` whose task was lost, last sent longer ago than
    `resend_after`: leased past the lease's expiry (its worker died), or still queued (the broker
    lost the message, or it waits behind many others: sent twice, it runs once)."""
    now = time.time()
    rows = conn.execute(
        "SELECT f.url FROM frontier AS f LEFT JOIN dispatch AS d ON d.job = f.job AND d.url = f.url"
        " WHERE f.job = %s AND f.kind = %s AND (f.status = 'queued' OR (f.status = 'leased' AND f.lease_expires <= %s))"
        " AND coalesce(d.sent, 0) <= %s ORDER BY f.seq LIMIT %s",
        (job, kind, now, now - resend_after, limit),
    ).fetchall()
    return [row[0] for row in rows]


def unfinished_jobs(conn: Any) -> list[str]:
    return [row[0] for row in conn.execute("SELECT id FROM jobs WHERE finished IS NULL ORDER BY created").fetchall()]


def finish_if_empty(conn: Any, job: str) -> bool:
    """Mark the job finished when no URL of it is queued or leased; True if it is finished."""
    pending = conn.execute(
        "SELECT 1 FROM frontier WHERE job = %s AND status IN ('queued', 'leased') LIMIT 1", (job,)
    ).fetchone()
    if pending:
        return False
    conn.execute("UPDATE jobs SET finished = %s WHERE id = %s AND finished IS NULL", (time.time(), job))
    return True


@dataclass(frozen=True)
class HostStatus:
    job: str
    host: str
    queued: int  # on the frontier, queued or leased
    done: int  # finished (written, unchanged, duplicate, skipped, listings read)
    failed: int
    written: int
    last_error: str | None
    pages_per_second: float | None


@dataclass(frozen=True)
class JobStatus:
    job: str
    created: float
    finished: float | None
    hosts: list[HostStatus]


def job_status(conn: Any, job_ids: list[str] | None = None) -> list[JobStatus]:
    """Per job and host: queued, done, failed, written, the last error and pages/s."""
    jobs = conn.execute(
        "SELECT id, created, finished FROM jobs WHERE %s::text[] IS NULL OR id = ANY(%s) ORDER BY created",
        (job_ids, job_ids),
    ).fetchall()
    result = []
    for job_id, created, finished in jobs:
        queued = dict(
            conn.execute(
                f"SELECT {HOST_OF_URL} AS host, count(*) FROM frontier WHERE job = %s AND status <> 'done' GROUP BY host",
                (job_id,),
            ).fetchall()
        )
        rows = conn.execute(
            "SELECT host, count(*) FILTER (WHERE outcome <> %s), count(*) FILTER (WHERE outcome = %s),"
            " count(*) FILTER (WHERE outcome = %s), min(started), max(ended), count(*),"
            " (SELECT error FROM outcomes AS o WHERE o.job = outcomes.job AND o.host = outcomes.host"
            "  AND o.error IS NOT NULL AND o.outcome = %s ORDER BY o.ended DESC LIMIT 1)"
            " FROM outcomes WHERE job = %s GROUP BY job, host",
            (FAILED, FAILED, WRITTEN, FAILED, job_id),
        ).fetchall()
        seen = {row[0]: row for row in rows}
        hosts = []
        for host in sorted(set(queued) | set(seen)):
            _, done, failed, written, first, last, pages, error = seen.get(host, (host, 0, 0, 0, None, None, 0, None))
            rate = pages / (last - first) if pages and last and first and last > first else None
            hosts.append(HostStatus(job_id, host, queued.get(host, 0), done, failed, written, error, rate))
        result.append(JobStatus(job_id, created, finished, hosts))
    return result
