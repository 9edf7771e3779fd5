"""The listing walk of a crawl: resumed where it stopped, and ended by traps (issue 14, items 2 and 4).

A generic target (a plain URL, no site profile) paginates with rel=next like many newsrooms; a
resumed crawl must read every listing page still on the frontier. A listing that never ends
(empty pages that keep a "next" link, or endless pages of new links) must end: a page without a
new link ends pagination, and each target has a cap on the listing pages read, reported.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from scraper.cli import main
from scraper.crawl import CrawlConfig, resolve_target
from tests.loopback import FakeRelease, LoopbackSite, Reply, Request, osce_release_html
from tests.test_crawl import POLITE, run_crawl

PER_PAGE = 10
COUNT = 30


def releases(count: int = COUNT) -> list[FakeRelease]:
    return [
        FakeRelease(
            path=f"/news/{600100 + number}",
            title=f"Workshop {number + 1} on border crossings opens with customs officers",
            day=date(2024, 3, 30) - timedelta(days=number),
            place="DUSHANBE",
            source="Programme Office in Dushanbe",
            paragraphs=(
                f"Customs officers from four regions attended workshop {number + 1} on border crossings.",
                "“Trade moves faster when the rules are the same on both sides,” said Project Manager Nodira Karimova.",
            ),
        )
        for number in range(count)
    ]


def listing_page(links: list[str], next_href: str | None) -> str:
    items = "\n".join(f'<li><a href="{href}">Release {href}</a></li>' for href in links)
    pager = f'<a rel="next" href="{next_href}">Next page</a>' if next_href else ""
    return f"<html><head><title>News</title></head><body><h1>News</h1><ul>{items}</ul>{pager}</body></html>"


def generic_site(items: list[FakeRelease], origin: str) -> dict:
    """A plain newsroom: /news, /news?page=2... of PER_PAGE links each, rel=next; no sitemap."""
    pages = [items[start : start + PER_PAGE] for start in range(0, len(items), PER_PAGE)]
    routes: dict = {"/robots.txt": Reply("User-agent: *\nAllow: /\n", content_type="text/plain")}
    for number, chunk in enumerate(pages, start=1):
        path = "/news" if number == 1 else f"/news?page={number}"
        next_href = f"/news?page={number + 1}" if number < len(pages) else None
        routes[path] = Reply(listing_page([release.path for release in chunk], next_href))
    for release in items:
        routes[release.path] = Reply(osce_release_html(release, origin))
    return routes


def test_a_resumed_generic_crawl_reads_every_listing_page_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: after --max-pages 15, every further run ended with 20 lines, '1 URL left', exit 0."""
    out = tmp_path / "news.jsonl"
    items = releases()
    with LoopbackSite() as site:
        site.routes.update(generic_site(items, site.origin))
        argv = ["crawl", site.url("/news"), "-o", str(out), "--delay", "0", "--max-pages", "15"]
        codes = []
        for _ in range(4):  # 30 releases and 3 listing pages: 15 pages a run needs 3 runs, a 4th to finish
            codes.append(main(argv))
            err = capsys.readouterr().err
            if "Crawl completed" in err and "left in the state's frontier" not in err:
                break
    urls = [json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(urls) == sorted(site.url(release.path) for release in items)  # every release, once
    assert "Crawl completed" in err and "left in the state's frontier" not in err, err
    assert codes[-1] == 0


def test_empty_listing_pages_that_keep_a_next_link_end_pagination() -> None:
    """Before: followed 17,842 times in 15 s. A page without a new link ends pagination."""
    items = releases(4)

    def endless(request: Request) -> Reply | None:
        match = re.fullmatch(r"/news\?page=(\d+)", request.path)
        return Reply(listing_page([], f"/news?page={int(match.group(1)) + 1}")) if match else None

    with LoopbackSite(fallback=endless) as site:
        site.routes.update(generic_site(items, site.origin))
        site.routes["/news"] = Reply(listing_page([release.path for release in items], "/news?page=2"))
        stats, writer = run_crawl(CrawlConfig([resolve_target(site.url("/news"))], fetch=POLITE))
    listing_requests = [path for path in site.paths() if path.startswith("/news?page=")]
    assert listing_requests == ["/news?page=2"]  # the first empty page ends it
    assert len(writer.records) == len(items) and stats.completed


def test_listing_pages_that_repeat_the_same_links_end_pagination() -> None:
    items = releases(3)

    def repeating(request: Request) -> Reply | None:
        match = re.fullmatch(r"/news\?page=(\d+)", request.path)
        links = [release.path for release in items]
        return Reply(listing_page(links, f"/news?page={int(match.group(1)) + 1}")) if match else None

    with LoopbackSite(fallback=repeating) as site:
        site.routes.update(generic_site(items, site.origin))
        site.routes["/news"] = Reply(listing_page([release.path for release in items], "/news?page=2"))
        stats, writer = run_crawl(CrawlConfig([resolve_target(site.url("/news"))], fetch=POLITE))
    assert [path for path in site.paths() if path.startswith("/news?page=")] == ["/news?page=2"]
    assert len(writer.records) == len(items)


def test_an_endless_listing_of_new_links_stops_at_the_cap_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("scraper.crawl.MAX_LISTING_PAGES", 5)

    def endless(request: Request) -> Reply | None:
        if match := re.fullmatch(r"/news\?page=(\d+)", request.path):
            number = int(match.group(1))
            return Reply(listing_page([f"/news/cal-{number}"], f"/news?page={number + 1}"))
        return Reply("<html><body><p>nothing here</p></body></html>") if request.path.startswith("/news/cal-") else None

    with LoopbackSite(fallback=endless) as site:
        site.routes.update(generic_site([], site.origin))
        site.routes["/news"] = Reply(listing_page(["/news/cal-1"], "/news?page=2"))
        stats, _ = run_crawl(CrawlConfig([resolve_target(site.url("/news"))], fetch=POLITE))
    assert len([path for path in site.paths() if path.startswith("/news?page=")]) == 4  # 5 listing pages in all
    assert stats.listings_capped == [f"{site.url('/news')} (5 listing pages)"]
    assert "Listing stopped at the page cap" in stats.summary()
    assert stats.to_dict()["listings_capped"] == stats.listings_capped
