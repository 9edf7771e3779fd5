"""A fast OSCE-style newsroom on 127.0.0.1, in its own process, for the crawl benchmark.

    python bench/loopback_site.py --releases 2000 [--per-page 20] [--lifetime 1800]
    pressroom crawl http://127.0.0.1:PORT/press-releases --site osce -o releases.jsonl --delay 0

prints `READY http://127.0.0.1:PORT` on stdout, then serves until its stdin closes (Ctrl-D, or the
benchmark that started it ends), the lifetime ends, or it gets SIGINT/SIGTERM. A line `stats` on
stdin answers one JSON line on stdout with what was served since the last `stats` (requests by
kind, first request and last answer on the monotonic clock, the server's own CPU seconds) and
starts counting afresh, so one server can time several crawlers in turn. Started in the
background with stdin a file or /dev/null (`... &` in a script), there is no stdin to watch: it
says so in one line on stderr and serves until --lifetime ends or a signal stops it.

The site: /robots.txt (allow everything), the listing at /press-releases (the root / answers 404:
crawl the listing URL, with --site osce since 127.0.0.1 is no OSCE host), listing pages
/press-releases?page=K (newest first, `--per-page` items each, `li.pager-next` to the next page),
release pages /secretariat/<id>.
Pages are rendered on demand with the markup generators of tests/loopback.py (the same pages the
crawl tests use), so 20,000 releases cost no memory here; every release says something different,
so no crawler may skip one as a duplicate of another. The server is a single asyncio protocol
(HTTP/1.1 keep-alive, no compression): a few tens of microseconds a request, far below what a
crawler that parses spends, and the `cpu` figure shows whether it kept up.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import signal
import stat
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for tests.loopback

from tests.loopback import FakeRelease, osce_listing_html, osce_release_html  # noqa: E402

HOST = "127.0.0.1"
LISTING_PATH = "/press-releases"
RELEASE_PREFIX = "/secretariat/"
FIRST_RELEASE_ID = 100_000
NEWEST_DAY = date(2024, 12, 20)
RELEASES_PER_DAY = 3
ROBOTS_TXT = b"User-agent: *\nAllow: /\n"
HTML = b"text/html; charset=utf-8"
TEXT = b"text/plain; charset=utf-8"
REQUEST_END = b"\r\n\r\n"
MAX_HEAD_BYTES = 16 * 1024  # a request head longer than this is not a crawler's: the connection is dropped
LISTING_PAGE = re.compile(r"^/press-releases(?:\?page=(\d+))?$")
RELEASE_PAGE = re.compile(r"^/secretariat/(\d+)$")
CONNECTION_CLOSE = re.compile(rb"^connection:\s*close\s*$", re.I | re.M)

# Invented newsroom vocabulary: combined by release number so that every page reads differently.
PLACES = ("VIENNA", "WARSAW", "SKOPJE", "BISHKEK", "TBILISI", "PRISTINA", "DUSHANBE", "CHISINAU", "ASTANA", "TIRANA")
TOPICS = (
    "election observation", "border management", "media freedom", "water governance", "cyber security",
    "gender equality", "anti-trafficking", "police reform", "youth participation", "climate resilience",
    "small arms control", "minority rights", "judicial training", "hate crime reporting",
)
SPEAKERS = (
    ("Ambassador Irena Voss", "Head of the Programme Office"),
    ("Tomas Keller", "Senior Adviser on border issues"),
    ("Dr. Leyla Hamidova", "Co-ordinator of economic activities"),
    ("Mikael Strand", "Director of the Conflict Prevention Centre"),
    ("Nadia Petrescu", "Project Manager of the Mission"),
)
SOURCES = ("OSCE Secretariat", "OSCE Programme Office", "OSCE Mission", "OSCE Centre")


def release_count_day(number: int) -> date:
    """Release `number` (0 = newest) is dated a few releases a day back from NEWEST_DAY."""
    return NEWEST_DAY - timedelta(days=number // RELEASES_PER_DAY)


def fake_release(number: int) -> FakeRelease:
    """Release `number` (0 = newest): invented text, unique to the number."""
    topic = TOPICS[number % len(TOPICS)]
    place = PLACES[(number // 3) % len(PLACES)]
    speaker, role = SPEAKERS[number % len(SPEAKERS)]
    surname = speaker.rsplit(" ", 1)[-1]
    return FakeRelease(
        path=f"{RELEASE_PREFIX}{FIRST_RELEASE_ID + number}",
        title=f"Round {number + 1} of the {topic} programme closes with a joint plan",
        day=release_count_day(number),
        place=place,
        source=SOURCES[number % len(SOURCES)],
        paragraphs=(
            f"Officials and experts from {7 + number % 23} participating States ended round {number + 1} of "
            f"the regional programme on {topic} with a plan for the next twelve months.",
            f"“This round showed what steady work on {topic} can achieve when institutions share their data,” "
            f"said {speaker}, {role}.",
            f"The participants reviewed {3 + number % 9} pilot projects, compared the methods their agencies use, "
            f"and agreed on indicators that each country will report every quarter.",
            f"{surname} added that the programme would publish its findings in the spring. “We will return to "
            f"every recommendation and check that it was put into practice,” {surname} said.",
            f"The event was organized with funding from {2 + number % 5} donor countries and is part of a "
            f"long-term effort that began in {2010 + number % 14}.",
        ),
    )


class Site:
    """The routes of a newsroom of `releases` releases served at `origin`."""

    def __init__(self, releases: int, per_page: int, origin: str) -> None:
        self.releases = releases
        self.per_page = per_page
        self.origin = origin
        self.last_page = max(0, (releases - 1) // per_page)

    def answer(self, target: str) -> tuple[int, bytes, bytes, str]:
        """(status, content type, body, kind) for a request target."""
        if target == "/robots.txt":
            return 200, TEXT, ROBOTS_TXT, "robots"
        if match := LISTING_PAGE.match(target):
            page = int(match.group(1) or 0)
            if page <= self.last_page:
                return 200, HTML, self.listing(page).encode("utf-8"), "listing"
        elif match := RELEASE_PAGE.match(target):
            number = int(match.group(1)) - FIRST_RELEASE_ID
            if 0 <= number < self.releases:
                return 200, HTML, osce_release_html(fake_release(number), self.origin).encode("utf-8"), "release"
        return 404, TEXT, b"not here\n", "missing"

    def listing(self, page: int) -> str:
        first = page * self.per_page
        numbers = range(first, min(first + self.per_page, self.releases))
        items = [(f"{RELEASE_PREFIX}{FIRST_RELEASE_ID + n}", fake_release(n).title, release_count_day(n)) for n in numbers]
        return osce_listing_html(items, page, self.last_page)


class Tally:
    """What was served since the last `stats` line."""

    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()
        self.first = 0.0
        self.last = 0.0
        self.cpu_mark = _cpu_seconds()

    def served(self, kind: str, started: float) -> None:
        if not self.kinds:
            self.first = started
        self.kinds[kind] += 1
        self.last = time.monotonic()

    def report(self) -> dict[str, object]:
        return {
            "requests": dict(self.kinds),
            "first": self.first,
            "last": self.last,
            "cpu_seconds": round(_cpu_seconds() - self.cpu_mark, 3),
        }


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class HttpProtocol(asyncio.Protocol):
    """HTTP/1.1 GET with keep-alive; requests answered in order (pipelining works too)."""

    def __init__(self, site: Site, tally: list[Tally]) -> None:
        self.site = site
        self.tally = tally  # a one-item list: the current Tally, replaced by each `stats`
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(REQUEST_END)) >= 0:
            head, self.buffer = self.buffer[:end], self.buffer[end + len(REQUEST_END) :]
            if not self._respond(head):
                return
        if len(self.buffer) > MAX_HEAD_BYTES and self.transport is not None:
            self.transport.close()

    def _respond(self, head: bytes) -> bool:
        """Answer one request head; False when the connection was closed."""
        assert self.transport is not None
        started = time.monotonic()
        request_line, _, headers = head.partition(b"\r\n")
        parts = request_line.split()
        if len(parts) != 3 or parts[0] not in (b"GET", b"HEAD"):
            self.transport.close()
            return False
        status, content_type, body, kind = self.site.answer(parts[1].decode("latin-1"))
        close = bool(CONNECTION_CLOSE.search(headers))
        reason = b"OK" if status == 200 else b"Not Found"
        self.transport.write(
            b"HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: %s\r\n\r\n"
            % (status, reason, content_type, len(body), b"close" if close else b"keep-alive")
            + (body if parts[0] == b"GET" else b"")
        )
        self.tally[0].served(kind, started)
        if close:
            self.transport.close()
            return False
        return True


async def _commands(tally: list[Tally], done: asyncio.Event) -> None:
    """Read `stats` lines from stdin until it closes (the benchmark ended or died). A stdin the
    event loop cannot watch (a regular file, /dev/null: epoll refuses them; or none at all) is no
    pipe to close: the server then runs until its lifetime ends, without `stats`."""
    unwatchable = _unwatchable_stdin()
    if unwatchable:
        print(f"loopback_site: stdin is {unwatchable}, not a pipe or a terminal: serving until --lifetime ends "
              "or a signal (SIGINT, SIGTERM)", file=sys.stderr)
        return
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        if line.strip() == b"stats":
            report, tally[0] = tally[0].report(), Tally()
            sys.stdout.write(json.dumps(report) + "\n")
            sys.stdout.flush()
    done.set()


def _unwatchable_stdin() -> str:
    """What stdin is when the event loop cannot watch it ("/dev/null or another device", "a regular
    file", "closed"), else "". epoll takes pipes, sockets and terminals; registering anything else
    fails inside a loop callback, as a traceback on stderr."""
    try:
        if sys.stdin is None:
            return "closed"
        fd = sys.stdin.fileno()
        mode = os.fstat(fd).st_mode
    except (OSError, ValueError):
        return "closed"
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or os.isatty(fd):
        return ""
    return "a regular file" if stat.S_ISREG(mode) else "/dev/null or another device"


async def serve(releases: int, per_page: int, port: int, lifetime: float) -> None:
    loop = asyncio.get_running_loop()
    tally = [Tally()]
    holder: dict[str, Site] = {}
    server = await loop.create_server(lambda: HttpProtocol(holder["site"], tally), HOST, port, backlog=1024)
    origin = f"http://{HOST}:{server.sockets[0].getsockname()[1]}"
    holder["site"] = Site(releases, per_page, origin)
    sys.stdout.write(f"READY {origin}\n")
    sys.stdout.flush()
    done = asyncio.Event()
    commands = asyncio.create_task(_commands(tally, done))
    try:
        await asyncio.wait_for(done.wait(), timeout=lifetime)
    except TimeoutError:
        print(f"loopback_site: lifetime of {lifetime:g} s is over", file=sys.stderr)
    finally:
        commands.cancel()
        server.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--releases", type=int, default=2000, help="release pages on the site (default 2000)")
    parser.add_argument("--per-page", type=int, default=20, help="releases per listing page (default 20)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--lifetime", type=float, default=1800.0, help="seconds before the server stops by itself (default 1800)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)  # `kill PID`: the same clean end as Ctrl-C
    try:
        asyncio.run(serve(args.releases, args.per_page, args.port, args.lifetime))
    except KeyboardInterrupt:
        pass
    return 0


def _stop(number: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
