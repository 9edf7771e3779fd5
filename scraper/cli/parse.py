"""`pressroom parse FILE|URL...`: saved pages (or stdin) and URLs into JSON records, one line each,
in input order.

A file is read (at most 10 MB) and parsed as its own canonical URL, or --url; a URL is fetched
once through the crawler's Fetcher (robots.txt, politeness, retries) and parsed as the URL it
ends at. An input that fails is one line on stderr and the others go on (exit code 1).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import BinaryIO

from scraper.charset import decode_html
from scraper.cli.arguments import WEB_SCHEMES, check_scheme, web_url
from scraper.cli.base import EXIT_FAILED, EXIT_OK, UsageError, describe, first_line, log_to_stderr
from scraper.errors import ExtractionError, ScraperError
from scraper.parse import parse
from scraper.parsepool import PARSE_DEADLINE, parse_deadline
from scraper.sites import PROFILES, profile_for

PARSE_EPILOG = f"""\
examples:
  pressroom parse fixtures/osce/en-sarajevo-hyphen-date-label-empty.html
  pressroom parse --url https://www.osce.org/cthb/50703 saved.html
  pressroom parse https://www.osce.org/cthb/50703                 fetched once, as the crawler fetches
  pressroom parse https://www.osce.org/cthb/50703 saved.html       URLs and files mixed, output in input order
  curl -s https://www.osce.org/cthb/50703 | pressroom parse - --url https://www.osce.org/cthb/50703
  pressroom parse pages/*.html > records.jsonl
  pressroom parse --any-page about.html   the best record of any page: title, date, body

A FILE is a saved page. Without --url it is parsed as its own canonical URL (<link rel=canonical>),
else as its file:// path. A URL (http:// or https://) is fetched through the crawler's fetcher:
robots.txt obeyed, its User-Agent, the 10 MB cap, retries, one request at a time per host with
its delay; it is parsed as the URL it ends at after redirects. The URL's host picks the site
profile unless --site names one. An input that cannot be read, fetched or parsed (not a release
page: a listing, an empty page, an undated page of a site without a profile; larger than 10 MB,
refused by robots.txt, HTTP 404, longer than {PARSE_DEADLINE:g} s to parse...) gets a one-line error on
stderr; the others are still parsed, and the exit code is 1. With --any-page every HTML page gets a
record (its `kind` null unless the page labels itself), so the exit code is 0 unless an input
cannot be read, fetched or is not HTML.
"""
# The same cap the crawler puts on a response body: a release page is far smaller.
MAX_PAGE_BYTES = 10 * 1024 * 1024


def add_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "parse",
        help="parse saved release pages (or fetch URLs) into JSON records",
        description="Parse release pages, saved or fetched from a URL, into JSON records, one per line, in input order.",
        epilog=PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("files", nargs="+", metavar="FILE|URL", help="saved HTML files (- reads stdin) or http(s) URLs to fetch and parse")
    command.add_argument("--url", type=web_url, help="the http(s) URL the page was fetched from (only with a single FILE)")
    command.add_argument("--site", choices=sorted(PROFILES), help="the site profile to parse with")
    command.add_argument("--any-page", action="store_true",
                         help="read any page (an article, a listing, an about page) instead of refusing what is not a release")
    command.set_defaults(handler=_run_parse)


def _run_parse(args: argparse.Namespace) -> int:
    for name in args.files:
        check_scheme(name, "FILE|URL", "a file or an http(s) URL", WEB_SCHEMES)
    urls = [name for name in args.files if is_web_url(name)]
    if args.url and urls:
        raise UsageError("--url names where a saved FILE comes from; a URL input is parsed as the URL it was fetched from")
    if args.url and len(args.files) > 1:
        raise UsageError("--url names the URL of one page: give a single FILE with it")
    if args.files.count("-") > 1:
        raise UsageError("- (stdin) can be read once: give it a single time")
    if not urls:
        return _parse_inputs(args, fetch=None)
    return _parse_with_fetcher(args, urls)


def _parse_inputs(args: argparse.Namespace, fetch: Callable[[str], tuple[str, str]] | None) -> int:
    """Parse every input in order, printing each record as it comes; `fetch(url) -> (html, final url)`."""
    failures = 0
    for name in args.files:
        try:
            if fetch is not None and is_web_url(name):
                html, url = fetch(name)
                default_url = None
            else:
                html, default_url = _read_page(name)
                url = args.url
            with parse_deadline(PARSE_DEADLINE):
                line = parse(html, url, args.site, default_url=default_url, any_page=args.any_page).model_dump_json()
        except (OSError, ScraperError) as error:
            failures += 1
            hint = f" (parsed as site {args.site!r}: is it the right --site?)" if args.site and isinstance(error, ExtractionError) else ""
            print(f"pressroom: {name}: {describe(error)}{hint}", file=sys.stderr)
            continue
        except Exception as error:  # noqa: BLE001 - a parser bug on one page: say so in a line, go on
            failures += 1
            print(f"pressroom: {name}: unexpected error ({type(error).__name__}: {first_line(error)})", file=sys.stderr)
            continue
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    return EXIT_FAILED if failures else EXIT_OK


# Politeness waits of `parse URL`; tests replace it so that nothing sleeps.
PARSE_FETCH_SLEEP: Callable[[float], Awaitable[None]] = asyncio.sleep


def _parse_with_fetcher(args: argparse.Namespace, urls: list[str]) -> int:
    """Parse with one Fetcher for every URL: one robots.txt per host, the delay between requests to it."""
    from scraper.fetch import Fetcher, FetchSettings, Scope  # only URL inputs need the network layer

    log_to_stderr()
    hosts = tuple(host for url in urls for host in profile_for(url, args.site).hosts)
    scope = Scope.for_targets(urls, hosts)  # the hosts named, and their profile's: redirects stay there
    with asyncio.Runner() as runner:
        fetcher = Fetcher(FetchSettings(), scope=scope, sleep=PARSE_FETCH_SLEEP)
        runner.run(fetcher.__aenter__())
        try:

            def fetch(url: str) -> tuple[str, str]:
                page = runner.run(fetcher.fetch(url))
                return page.text, page.final_url

            return _parse_inputs(args, fetch)
        finally:
            runner.run(fetcher.__aexit__(None, None, None))


def is_web_url(text: str) -> bool:
    """An input to fetch rather than a file to read: http:// or https://."""
    return text.lower().startswith(("http://", "https://"))


def _read_page(name: str) -> tuple[str, str]:
    if name == "-":
        return decode_html(_read_capped(sys.stdin.buffer)), "stdin:"
    path = Path(name)
    if path.is_dir():
        raise IsADirectoryError("is a directory")
    if path.exists() and not path.is_file():
        raise ExtractionError("not a regular file")  # a device or a pipe: /dev/zero would never end
    with path.open("rb") as stream:
        return decode_html(_read_capped(stream)), path.resolve().as_uri()


def _read_capped(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise ExtractionError(f"larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB: not a release page")
    return data
