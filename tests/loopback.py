"""Loopback fixture sites: real HTTP servers on 127.0.0.x, in threads, for fetch and crawl tests.

    site = LoopbackSite({
        "/robots.txt": Reply("User-agent: *\\nDisallow: /private\\n", content_type="text/plain"),
        "/flaky": [Reply(status=503), Reply("<html>ok</html>")],  # one reply per request, last repeats
        "/slow": Reply("<p>late</p>", delay=2.0),
        "/reset": Reply(reset=True),
    })
    with site:
        fetch(site.url("/flaky"))
    assert site.paths() == ["/robots.txt", "/flaky", "/flaky"]
    assert site.max_in_flight == 1

A route is a `Reply`, a list of replies served in turn (the last one repeats), or a function of
the `Request` returning a reply. Unknown paths answer 404. Every request is logged (`site.log`) with
its headers and start/end times, and the server tracks how many requests were in flight at once.
Misbehaviours: `delay` (slow answer), `reset` (connection reset, no answer), `gzip` (Content-Encoding),
`length=False` (no Content-Length: the body ends when the connection closes), `chunks` (a body
produced lazily, for sizes a test should not hold in memory).
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import sys
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Union

HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    """What the server answers to one request."""

    body: bytes | str = b""
    status: int = 200
    content_type: str | None = HTML  # None: no Content-Type header
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    reset: bool = False  # drop the connection with a TCP reset instead of answering
    gzip: bool = False  # send the body gzip-compressed, with Content-Encoding: gzip
    length: bool = True  # send Content-Length; False: close-delimited body
    chunks: Callable[[], Iterable[bytes]] | None = None  # a lazily produced body (sent as is)

    def payload(self) -> bytes:
        data = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        return gzip.compress(data, compresslevel=6) if self.gzip else data


@dataclass
class Request:
    """One request as the server saw it."""

    method: str
    path: str  # with the query string
    headers: dict[str, str]  # lower-case names
    started: float
    ended: float = 0.0
    status: int = 0  # what the server answered (0: no answer yet, or a reset)


Route = Union[Reply, list[Reply], Callable[[Request], Reply]]


def redirect(location: str, status: int = 302) -> Reply:
    """A redirect to `location`."""
    return Reply(status=status, headers={"Location": location}, content_type=None)


LAST_MODIFIED = "Mon, 03 Jun 2024 10:00:00 GMT"


def conditional(reply: Reply, last_modified: str = LAST_MODIFIED) -> Callable[[Request], Reply]:
    """A route that sends an ETag (from the body) and Last-Modified, and answers 304 Not Modified
    to a request that presents them (If-None-Match first, as RFC 9110 says)."""
    etag = '"' + hashlib.sha256(reply.payload()).hexdigest()[:16] + '"'
    validators = {"ETag": etag, "Last-Modified": last_modified}
    full = replace(reply, headers={**reply.headers, **validators})
    not_modified = Reply(status=304, content_type=None, headers=validators)

    def route(request: Request) -> Reply:
        if "if-none-match" in request.headers:
            return not_modified if request.headers["if-none-match"] == etag else full
        return not_modified if request.headers.get("if-modified-since") == last_modified else full

    return route


def held(route: Route, gate: threading.Event, arrived: threading.Event | None = None, timeout: float = 30.0) -> Callable[[Request], Reply]:
    """A route that answers only once `gate` is set (or after `timeout`), setting `arrived` when a
    request comes in: a test can act (kill, signal) while a request is in flight, without sleeping."""

    def route_held(request: Request) -> Reply:
        if arrived is not None:
            arrived.set()
        gate.wait(timeout)
        if isinstance(route, list):
            return route[-1]
        return route(request) if callable(route) else route

    return route_held


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # slow handlers must not hold up the end of a test
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:
        # A client that closes a kept-alive connection while the handler waits for its next
        # request is no error of the site: socketserver would print a traceback to stderr, which
        # the tests that check a crawl's stderr for tracebacks took for the crawler's (1 run in 20).
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class LoopbackSite:
    """A fixture site served on `host` (127.0.0.1 by default) on a free port."""

    def __init__(
        self,
        routes: dict[str, Route] | None = None,
        host: str = "127.0.0.1",
        *,
        port: int = 0,
        fallback: Callable[[Request], Reply | None] | None = None,
    ) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.host = host
        self.port = port  # 0: a free one
        self.fallback = fallback  # answers paths without a route (None from it: 404), e.g. endless pages
        self.log: list[Request] = []
        self.max_in_flight = 0
        self.connections = 0  # TCP connections accepted (keep-alive reuses one for many requests)
        self._in_flight = 0
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> LoopbackSite:
        self._server = _Server((self.host, self.port), _handler_for(self))
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    @property
    def origin(self) -> str:
        assert self._server is not None, "start the site first (with LoopbackSite(...) as site)"
        return f"http://{self.host}:{self._server.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return self.origin + path

    # -- what happened ---------------------------------------------------------------------

    def paths(self) -> list[str]:
        """Paths requested, in order of arrival."""
        with self._lock:
            return [request.path for request in self.log]

    def count(self, path: str) -> int:
        return self.paths().count(path)

    # -- serving (called from server threads) ----------------------------------------------

    def _begin(self, request: Request) -> Reply | None:
        with self._lock:
            self.log.append(request)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            route = self.routes.get(request.path)
            served = self._served.get(request.path, 0)
            self._served[request.path] = served + 1
        if route is None:
            return self.fallback(request) if self.fallback is not None else None
        if isinstance(route, list):
            return route[min(served, len(route) - 1)]
        if callable(route):
            return route(request)
        return route

    def _end(self, request: Request) -> None:
        with self._lock:
            self._in_flight -= 1
            request.ended = time.monotonic()


def _handler_for(site: LoopbackSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without TCP_NODELAY the second waits for the
        # client's delayed ACK (40 ms on Linux), which made every keep-alive request slow.
        disable_nagle_algorithm = True

        def setup(self) -> None:
            super().setup()
            with site._lock:
                site.connections += 1

        def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
            request = Request("GET", self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
            reply = site._begin(request) or Reply("not here", status=404, content_type="text/plain")
            request.status = 0 if reply.reset else reply.status
            try:
                self._answer(reply)
            finally:
                site._end(request)

        def _answer(self, reply: Reply) -> None:
            if reply.delay:
                time.sleep(reply.delay)
            if reply.reset:
                self._reset()
                return
            self.send_response(reply.status)
            if reply.content_type is not None:
                self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.gzip:
                self.send_header("Content-Encoding", "gzip")
            if reply.chunks is not None or not reply.length:
                self.send_header("Connection", "close")
                self.close_connection = True
                self.end_headers()
                self._send_all(reply.chunks() if reply.chunks is not None else [reply.payload()])
                return
            payload = reply.payload()
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self._send_all([payload])

        def _send_all(self, pieces: Iterable[bytes]) -> None:
            try:
                for piece in pieces:
                    self.wfile.write(piece)
            except OSError:
                self.close_connection = True  # the client hung up (a size cap did its job)

        def _reset(self) -> None:
            # SO_LINGER 0: close() sends RST instead of FIN, which the client sees as a reset.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()

        def finish(self) -> None:
            try:
                super().finish()
            except OSError:
                pass  # the socket was reset or closed by the client

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the request log replaces stderr noise

    return Handler


# -- an OSCE-style newsroom -------------------------------------------------------------------------
# Markup shaped like www.osce.org (listing items, pager, release metadata list, body field), text
# invented for the tests. Serve `osce_site(...)` routes with LoopbackSite to crawl a newsroom the
# crawler has never seen.


@dataclass(frozen=True)
class FakeRelease:
    """One invented release: where it lives and what it says."""

    path: str  # "/secretariat/900001"
    title: str
    day: date
    place: str  # as the dateline writes it: "VIENNA"
    source: str
    paragraphs: tuple[str, ...]  # after the dateline sentence
    kind: str = "Press release"


def osce_release_html(release: FakeRelease, origin: str) -> str:
    """A release page in OSCE markup; its canonical link points at `origin` + path."""
    when = f"{release.day.day} {release.day.strftime('%B %Y')}"
    rest = "\n".join(f"          <p>{escape(text)}</p>" for text in release.paragraphs[1:])
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <title>{escape(release.title)} | OSCE</title>
  <link rel="canonical" href="{origin}{release.path}">
  <meta property="og:title" content="{escape(release.title)}">
</head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/press-releases">Newsroom</a></li></ul></nav></header>
  <main id="main-content" role="main">
  <article class="node node--type-news" role="article">
    <div class="content--header">
      <div class="field field--name-field-news-type">{escape(release.kind)}</div>
      <h1 class="page-title">{escape(release.title)}</h1>
    </div>
    <div class="node-info">
      <ul class="info-list">
        <li class="info-label">Date:</li>
        <li class="info-value"><span class="date-display-single" content="{release.day.isoformat()}T00:00:00+02:00">{when}</span></li>
        <li class="info-label">Place:</li>
        <li class="info-value">{escape(release.place)}</li>
        <li class="info-label">Source:</li>
        <li class="info-value"><a href="/secretariat">{escape(release.source)}</a></li>
      </ul>
    </div>
    <div class="content--content"><div class="pane-content">
        <div class="field field--name-body field--type-text-with-summary">
          <p>{escape(release.place)}, {when} – {escape(release.paragraphs[0])}</p>
{rest}
        </div>
    </div></div>
  </article>
  </main>
  <footer><p>Invented newsroom for tests</p><a href="/contacts">Contacts</a></footer>
</body>
</html>
"""


def osce_listing_html(items: list[tuple[str, str, date]], page: int, last_page: int) -> str:
    """Page `page` (0-based) of a press-release listing: (href, title, date) items and a pager."""
    entries = "\n".join(
        f"""      <div class="search-result-news">
        <span class="publishing-date">{day.day} {day.strftime('%B %Y')}</span>
        <h3 class="search-title"><a href="{escape(href)}">{escape(title)}</a></h3>
        <p class="search-snippet">A short teaser for the item.</p>
      </div>"""
        for href, title, day in items
    )
    pager = '<li class="pager-current">{}</li>'.format(page + 1)
    if page < last_page:
        pager += f'\n      <li class="pager-next"><a href="/press-releases?page={page + 1}">next ›</a></li>'
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>News and press releases | OSCE</title></head>
<body>
  <main role="main">
    <h1 class="page-title">News and press releases</h1>
    <div class="view-content">
{entries}
    </div>
    <ul class="pager">
      {pager}
    </ul>
  </main>
</body></html>
"""


def listing_path(page: int) -> str:
    return "/press-releases" if page == 0 else f"/press-releases?page={page}"


def osce_site(
    releases: list[FakeRelease],
    origin: str,
    per_page: int = 4,
    extra_items: dict[int, list[tuple[str, str, date]]] | None = None,
    validators: bool = False,
) -> dict[str, Route]:
    """Routes of a newsroom: robots.txt (allow all), listing pages newest first, release pages.

    `extra_items` adds (href, title, date) entries to given listing pages (faults, aliases, PDFs).
    `validators`: release pages send ETag/Last-Modified and answer conditional requests with 304.
    """
    ordered = sorted(releases, key=lambda release: release.day, reverse=True)
    pages = [ordered[i : i + per_page] for i in range(0, len(ordered), per_page)] or [[]]
    routes: dict[str, Route] = {"/robots.txt": Reply("User-agent: *\nAllow: /\n", content_type="text/plain")}
    for number, chunk in enumerate(pages):
        items = [(release.path, release.title, release.day) for release in chunk]
        items += (extra_items or {}).get(number, [])
        routes[listing_path(number)] = Reply(osce_listing_html(items, number, len(pages) - 1))
    for release in releases:
        page = Reply(osce_release_html(release, origin))
        routes[release.path] = conditional(page) if validators else page
    return routes
