"""The distributed crawl's units of work and its records, in-process (no broker, no worker): the
records read back by `iter_records` are the JSON Lines records of `pressroom crawl`; a replayed unit
writes nothing twice; versions, `since` and `all_versions`. PostgreSQL only, a schema per test.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from scraper.cli import main
from scraper.crawl import resolve_target
from scraper.distributed import jobs
from scraper.distributed.app import Settings
from scraper.distributed.records import iter_records
from scraper.distributed.tasks import open_store
from scraper.distributed.work import JobWork
from scraper.fetch import Fetcher, FetchSettings, Scope
from scraper.incremental import LISTING
from tests.loopback import LoopbackSite, osce_site
from tests.services import database_url, fresh_schema, need_postgres
from tests.test_distributed import releases

STAMPS = ("first_seen", "updated")  # when a record was written: differs between two crawls


@pytest.fixture
def database() -> Iterator[str]:
    need_postgres()
    with fresh_schema("records") as schema:
        yield database_url(schema)


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as served:
        yield served


def run_job(database: str, site: LoopbackSite, job_id: str, since: date | None = None) -> dict[str, str]:
    """Enqueue a job on `site` and run its units here, as workers would; returns url -> outcome."""
    settings = Settings(broker="redis://unused", database=database)
    target = resolve_target(site.url("/press-releases"), "osce")
    job = jobs.Job(job_id, [(target.start_url, target.site)], since, None, 0.0, "pressroom-test")
    store = open_store(settings, job_id)
    with store.batch():
        jobs.create_job(store.connection(), job)
        store.push_new([target.start_url], kind=LISTING, site=target.start_url)
    return asyncio.run(_drain(job, store, target.start_url))


async def _drain(job: jobs.Job, store, start_url: str) -> dict[str, str]:
    outcomes: dict[str, str] = {}
    scope = Scope.for_targets([start_url])
    async with Fetcher(FetchSettings(delay=0), scope=scope) as fetcher:
        work = JobWork(job, store, fetcher)
        for _ in range(100):  # bounded: a few listing pages and releases
            batch = store.next_batch(10)
            if not batch:
                break
            for item in batch:
                if item.kind == LISTING:
                    outcomes[item.url], _ = await work.discover(item.url)
                else:
                    outcomes[item.url] = await work.fetch_release(item.url)
        assert work.finish_job_if_empty()
    store.close()
    return outcomes


def without_stamps(record: dict) -> dict:
    return {key: value for key, value in record.items() if key not in STAMPS}


def test_records_are_the_json_lines_records(database: str, site: LoopbackSite, tmp_path: Path) -> None:
    site.routes.update(osce_site(releases(5, first_id=810000), site.origin, per_page=2))
    outcomes = run_job(database, site, "job-1")
    assert sorted(outcomes.values()) == ["listing"] * 3 + ["written"] * 5
    out = tmp_path / "releases.jsonl"
    assert main(["crawl", site.url("/press-releases"), "--site", "osce", "--delay", "0", "-o", str(out)]) == 0
    from_file = sorted((json.loads(line) for line in out.read_text().splitlines()), key=lambda record: record["url"])
    from_database = sorted(iter_records(database), key=lambda record: record["url"])
    assert [without_stamps(record) for record in from_database] == [without_stamps(record) for record in from_file]
    assert all(record["version"] == 1 and record["first_seen"] == record["updated"] for record in from_database)


def test_a_replayed_unit_writes_nothing_twice(database: str, site: LoopbackSite) -> None:
    items = releases(2, first_id=820000)
    site.routes.update(osce_site(items, site.origin))
    run_job(database, site, "job-1")
    settings = Settings(broker="redis://unused", database=database)
    store = open_store(settings, "job-1")
    job = jobs.load_job(store.connection(), "job-1")
    assert job is not None
    url = site.url(items[0].path)

    async def replay() -> list[str]:
        async with Fetcher(FetchSettings(delay=0), scope=Scope.for_targets([url])) as fetcher:
            work = JobWork(job, store, fetcher)
            done_already = await work.fetch_release(url)  # the message delivered again after the commit
            store.connection().execute("UPDATE frontier SET status = 'queued' WHERE job = 'job-1' AND url = %s", (url,))
            redone = await work.fetch_release(url)  # as if the worker died before its commit was known
            return [done_already, redone]

    assert asyncio.run(replay()) == ["done", "unchanged"]
    store.close()
    assert sorted(record["url"] for record in iter_records(database, all_versions=True)) == sorted(site.url(i.path) for i in items)


def test_versions_since_and_all_versions(database: str, site: LoopbackSite) -> None:
    old = releases(3, first_id=830000, newest=date(2024, 6, 20))  # 20, 19 and 18 June
    site.routes.update(osce_site(old, site.origin))
    run_job(database, site, "job-1")
    edited = replace(old[2], paragraphs=(*old[2].paragraphs, "A correction was added."))
    site.routes.clear()
    site.routes.update(osce_site([old[0], old[1], edited], site.origin))
    outcomes = run_job(database, site, "job-2")
    assert sorted(outcomes.values()) == ["listing", "unchanged", "unchanged", "written"]

    newest = list(iter_records(database))
    every = list(iter_records(database, all_versions=True))
    recent = list(iter_records(database, since=date(2024, 6, 19)))
    edited_url = site.url(edited.path)
    assert sorted((r["url"], r["version"]) for r in newest) == sorted(
        [(site.url(old[0].path), 1), (site.url(old[1].path), 1), (edited_url, 2)]
    )
    assert sorted(r["version"] for r in every if r["url"] == edited_url) == [1, 2]
    assert [r["version"] for r in every][-1] == 2  # in the order written
    assert sorted(r["date"] for r in recent) == ["2024-06-19", "2024-06-20"]


def test_iter_records_of_an_empty_schema_is_empty(database: str) -> None:
    assert list(iter_records(database)) == []
