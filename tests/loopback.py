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
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
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


Route = Union[Reply, list[Reply], Callable[[Request], Reply]]


def redirect(location: str, status: int = 302) -> Reply:
    """A redirect to `location`."""
    return Reply(status=status, headers={"Location": location}, content_type=None)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # slow handlers must not hold up the end of a test
    allow_reuse_address = True


class LoopbackSite:
    """A fixture site served on `host` (127.0.0.1 by default) on a free port."""

    def __init__(self, routes: dict[str, Route] | None = None, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.host = host
        self.log: list[Request] = []
        self.max_in_flight = 0
        self._in_flight = 0
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> LoopbackSite:
        self._server = _Server((self.host, 0), _handler_for(self))
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
            return None
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

        def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
            request = Request("GET", self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
            reply = site._begin(request)
            try:
                self._answer(reply or Reply("not here", status=404, content_type="text/plain"))
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
