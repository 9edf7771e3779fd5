"""The one door to the network: polite, bounded, retried HTTP fetching of HTML and XML pages.

Everything that talks to a server lives here, so parsers stay pure and tests can replay pages.

    Fetcher.fetch(url)                      one page, after all of:
      ├── Scope.check / _check_address      scheme, host allow-list, no private address unless targeted
      ├── robots.txt (RFC 9309, protego)    2xx parsed, 4xx allow all, 5xx/unreachable disallow for now
      ├── HostGate.turn()                   one request at a time per origin, delay, Crawl-delay, Retry-After
      ├── retry_policy()                    408/429/5xx and connection errors, backoff with jitter
      ├── _exchange()                       total deadline, size cap while streaming, HTML/XML only
      └── redirects by hand                 at most 10, each hop checked again, secrets stay on their origin

Library code raises the errors of scraper.errors; the crawl loop catches, counts and goes on.
"""

from __future__ import annotations

import asyncio
import email.utils
import http.cookiejar
import ipaddress
import logging
import re
import socket
import ssl
import time
import zlib
from collections.abc import Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from functools import cache
from dataclasses import dataclass
from typing import AsyncIterator
from urllib.parse import urlsplit

import httpcore
import httpx
from protego import Protego
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from scraper.charset import detect_encoding
from scraper.errors import BlockedError, ContentTypeError, FetchError, HTTPStatusError, TooLargeError
from scraper.urls import MAX_URL_LENGTH, host_of, is_restricted_address, normalize_url, origin_of, strip_credentials

log = logging.getLogger(__name__)

USER_AGENT = "pressroom/0.1 (+https://github.com/pressroom/pressroom)"
DEFAULT_DELAY = 1.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_DEADLINE = 30.0
MAX_REDIRECTS = 10
# RFC 9309: parse at least the first 500 KiB of robots.txt; what follows is ignored, not an error.
ROBOTS_MAX_BYTES = 500 * 1024
ROBOTS_TTL = 24 * 3600.0  # RFC 9309: a cached robots.txt should not be used for more than 24 hours
ROBOTS_FAILURE_TTL = 300.0  # a robots.txt that failed is asked again after this, "disallow for now"
MAX_CRAWL_DELAY = 60.0  # a Crawl-delay above this is taken as this, or a crawl would never end
MAX_RETRY_AFTER = 600.0  # a server asking for a longer pause is given up on instead
# A header value we may send back (a stored ETag / Last-Modified): visible ASCII and spaces, as
# RFC 9110 field values; anything else would make httpx raise before the request is sent.
SENDABLE_HEADER_VALUE = re.compile(r"[\x20-\x7e]{1,1024}")

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
NOT_MODIFIED = 304
RETRY_INITIAL_WAIT = 1.0
RETRY_MAX_WAIT = 30.0
RETRY_JITTER = 1.0
DEFAULT_ATTEMPTS = 4

ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
# Only codings we decode ourselves, with a bound on the output (see _BoundedDecoder).
ACCEPT_ENCODING = "gzip, deflate"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip"})
# Headers that carry a secret of one origin and must never reach another.
ORIGIN_SECRETS = ("authorization", "proxy-authorization", "cookie")
# Validators belong to the URL they were stored for, not to where it redirects.
CONDITIONAL_HEADERS = ("if-none-match", "if-modified-since")

# RFC 9309 2.2.1: the product token robots.txt groups name, the User-Agent's first word before "/".
PRODUCT_TOKEN = re.compile(r"\s*([A-Za-z_-]+)")
CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
GZIP_MAGIC = b"\x1f\x8b"
# httpx parses every Location even with follow_redirects=False, and raises on one it cannot build
# (data:text/html,...) before we see the answer; a response hook moves it here, for us to judge.
LOCATION_HEADER = "x-pressroom-location"
# FetchError kinds set here (scraper.errors: the subclasses carry their own), counted by the crawl.
TIMEOUT, REDIRECT, BAD_BODY, ROBOTS_UNAVAILABLE = "timeout", "redirect", "bad body", "robots unavailable"
BAD_URL = "bad url"  # a URL that cannot be sent: unreadable (a bad port, an unclosed [), or too long
ONE_CONNECTION = httpx.Limits(max_connections=1, max_keepalive_connections=1)  # see _ClientPool


@dataclass(frozen=True)
class FetchSettings:
    """How the fetcher behaves; the defaults are the polite ones."""

    user_agent: str = USER_AGENT
    delay: float = DEFAULT_DELAY  # seconds between two request starts on one origin
    per_host: int = 1  # requests in flight at once on one origin
    max_bytes: int = DEFAULT_MAX_BYTES  # decompressed body cap
    deadline: float = DEFAULT_DEADLINE  # total seconds for one request, connect to last byte
    connect_timeout: float = 10.0
    max_redirects: int = MAX_REDIRECTS
    max_attempts: int = DEFAULT_ATTEMPTS

    @property
    def robots_token(self) -> str:
        """The product token robots.txt groups are matched against ("pressroom"); "*" when the
        User-Agent opens with no token (RFC 9309 tokens are letters, "_" and "-"), so only the
        groups for every crawler apply."""
        match = PRODUCT_TOKEN.match(self.user_agent)
        return match.group(1).lower() if match else "*"


@dataclass(frozen=True)
class Scope:
    """Where a crawl may go: the hosts it may reach, and the private hosts the user asked for.

    A crawl's scope is per origin, host and port (`origins`): a target on a default port (80,
    443) opens both, for the usual http -> https redirect; a target on another port opens that
    port only, so a redirect or a link to another service of the same host is refused."""

    hosts: frozenset[str] | None = None  # None: any public host
    private_ok: frozenset[str] = frozenset()  # hosts the user targeted that are loopback/private
    origins: frozenset[tuple[str, int]] | None = None  # (host, port) pairs; None: any port of `hosts`

    @classmethod
    def for_targets(cls, urls: list[str], extra_hosts: tuple[str, ...] = ()) -> Scope:
        """The scope of a crawl started from `urls`: their origins and `extra_hosts` (a profile's,
        on the default ports)."""
        origins = {(host.lower(), port) for host in extra_hosts for port in DEFAULT_PORTS}
        for url in urls:
            port = _port_of(url)
            origins |= {(host_of(url), each) for each in (DEFAULT_PORTS if port in DEFAULT_PORTS else (port,))}
        hosts = {host for host, _ in origins}
        private = {host for host in hosts if is_restricted_address(host)}
        return cls(hosts=frozenset(hosts), private_ok=frozenset(private), origins=frozenset(origins))

    def check(self, url: str) -> None:
        """Raise BlockedError for a non-web scheme or a host (or port) outside the scope."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise BlockedError(f"scheme {scheme or '(none)'}: is not fetched", url)
        host = host_of(url)
        if not host:
            raise BlockedError("URL has no host", url)
        if self.hosts is not None and host not in self.hosts:
            raise BlockedError(f"host {host} is outside the crawl", url)
        if self.origins is not None and (host, _port_of(url)) not in self.origins:
            raise BlockedError(f"port {_port_of(url)} of {host} is outside the crawl", url)


@dataclass
class Page:
    """A fetched page (or a 304 Not Modified answer, with an empty body)."""

    url: str  # as requested, normalized
    final_url: str  # after redirects, normalized
    status: int
    headers: Mapping[str, str]
    body: bytes = b""
    text: str = ""
    encoding: str = ""
    content_type: str = ""
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED

    @property
    def is_xml(self) -> bool:
        """A sitemap or feed rather than a page (XHTML is a page)."""
        mtype = self.content_type
        return mtype not in HTML_TYPES and (mtype in XML_TYPES or mtype.endswith("+xml") or mtype in GZIP_TYPES)


@dataclass
class FetchStats:
    """Counters the progress line and the summary read."""

    requests: int = 0
    retries: int = 0
    bytes: int = 0
    blocked: int = 0
    robots_fetched: int = 0


class _TransientStatus(Exception):
    """A status the retry policy retries; turned into HTTPStatusError when attempts run out."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.url = url
        self.status = status


# What a retry can cure: the network, the clock and a server that broke off. Not a request we
# cannot send (LocalProtocolError: a bad header) nor a scheme httpx cannot speak (UnsupportedProtocol).
TRANSIENT_ERRORS = (_TransientStatus, httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError, TimeoutError)


def _is_transient(error: BaseException) -> bool:
    return isinstance(error, TRANSIENT_ERRORS)


def retry_policy(
    max_attempts: int, sleep: Callable[[float], Awaitable[None]], stats: FetchStats, url: str | None = None
) -> AsyncRetrying:
    """THE retry policy: 408, 429, 500, 502, 503, 504, connection errors and deadlines, retried with
    exponential backoff and jitter, `max_attempts` tries in all, each retry logged and counted.

    A Retry-After is not a wait here: it defers the whole origin (HostGate.defer), so no request of
    any task reaches that host before it. Tests pass a `sleep` that does not sleep, and may set the
    module's RETRY_* waits to zero.
    """

    def before_sleep(state: RetryCallState) -> None:
        stats.retries += 1
        error = state.outcome.exception() if state.outcome else None
        log.warning("retry %d of %s after %s", state.attempt_number, url or _url_of(error), _describe(error))

    return AsyncRetrying(
        retry=retry_if_exception(_is_transient),
        stop=stop_after_attempt(max_attempts),
        wait=wait_exponential_jitter(multiplier=RETRY_INITIAL_WAIT, max=RETRY_MAX_WAIT, jitter=RETRY_JITTER),
        sleep=sleep,
        before_sleep=before_sleep,
        reraise=True,
    )


def _url_of(error: BaseException | None) -> str:
    """The URL an error names, for a retry's log line (a deadline's TimeoutError names none)."""
    named = getattr(error, "url", None)
    if named:
        return str(named)
    try:
        return str(error.request.url) if isinstance(error, httpx.RequestError) else "?"
    except RuntimeError:  # an httpx error raised without its request
        return "?"


def _describe(error: BaseException | None) -> str:
    if isinstance(error, TimeoutError):
        return "deadline exceeded"
    if isinstance(error, _TransientStatus):
        return str(error)
    return f"{type(error).__name__}: {error}" if error is not None else "?"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After value: delta-seconds or an HTTP date; None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²".isdigit() is True, and float("²") raises
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HostGate:
    """Politeness for one origin: `per_host` requests at once, starts spaced by `delay` seconds.

    The start time is reserved before sleeping, so the spacing holds with several slots and with a
    sleep that does not really sleep (tests).
    """

    def __init__(self, per_host: int, delay: float, clock: Callable[[], float], sleep: Callable[[float], Awaitable[None]]) -> None:
        self.delay = delay
        self._slots = asyncio.Semaphore(per_host)
        self._next_start = 0.0
        self._clock = clock
        self._sleep = sleep

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        async with self._slots:
            wait = self._reserve()
            if wait > 0:
                await self._sleep(wait)
            yield

    def _reserve(self) -> float:
        now = self._clock()
        start = max(now, self._next_start)
        self._next_start = start + self.delay
        return start - now

    def defer(self, seconds: float) -> None:
        """Ask nothing of this origin for `seconds` (a Retry-After)."""
        self._next_start = max(self._next_start, self._clock() + seconds)


@dataclass
class _Robots:
    """What robots.txt says for one origin, until `expires`."""

    expires: float
    rules: Protego | None = None  # None with allow_all False: the robots.txt failed, disallow
    allow_all: bool = False
    failure: str = ""  # why the robots.txt could not be read ("HTTP 503 after 4 attempts")

    def allows(self, url: str, token: str) -> bool:
        if self.allow_all:
            return True
        return self.rules is not None and self.rules.can_fetch(url, token)

    def crawl_delay(self, token: str) -> float | None:
        return self.rules.crawl_delay(token) if self.rules is not None else None

    def sitemaps(self) -> list[str]:
        return list(self.rules.sitemaps) if self.rules is not None else []


@dataclass
class _Exchange:
    """One request and its answer, body read (or not, for redirects and 304)."""

    status: int
    headers: httpx.Headers
    body: bytes = b""
    content_type: str = ""


class _BoundedDecoder:
    """Decodes a gzip/deflate/identity body chunk by chunk, never producing more than `limit` bytes.

    httpx's own decoder inflates a whole network chunk at once: 64 KiB of a gzip bomb is 64 MB.
    Here each step inflates at most what is left of the cap, so a bomb is cut at the cap.

    What servers really send is accepted: a gzip body of several members (RFC 1952: concatenated
    members are one file; each is inflated in turn, not only the first), and "deflate" either as
    RFC 9110 says (zlib-wrapped) or as raw deflate, which some servers send (told apart by the
    zlib header's check bits, as browsers do).
    """

    def __init__(self, coding: str, limit: int, url: str) -> None:
        coding = coding.strip().lower()
        self._wbits: int | None
        if coding in ("", "identity"):
            self._wbits = None
        elif coding in ("gzip", "x-gzip"):
            self._wbits = zlib.MAX_WBITS | 32  # gzip or zlib header, detected
        elif coding == "deflate":
            self._wbits = 0  # zlib-wrapped or raw: decided on the first two bytes
        else:
            raise FetchError(f"unsupported Content-Encoding {coding}", url, kind=BAD_BODY)
        self._inflater: zlib._Decompress | None = None
        self._head = b""  # the first bytes of a deflate body, until there are two to judge by
        self._member_head = b""  # the next gzip member's first byte, when a chunk ended after it
        self._limit = limit
        self._url = url
        self.output = bytearray()

    def feed(self, chunk: bytes) -> None:
        if self._wbits is None:
            self._append(chunk)
            return
        data = chunk
        if self._inflater is None:
            data = self._start(data)
        while data:
            assert self._inflater is not None
            if self._inflater.eof:  # the end of a gzip member: what follows is the next member
                data = self._next_member(data)
                if not data:
                    return
            try:
                piece = self._inflater.decompress(data, self._limit - len(self.output) + 1)
            except zlib.error as error:
                raise FetchError(f"corrupt compressed body: {error}", self._url, kind=BAD_BODY) from error
            self._append(piece)
            data = self._inflater.unconsumed_tail or (self._inflater.unused_data if self._inflater.eof else b"")

    def _start(self, data: bytes) -> bytes:
        """Make the inflater once the body's first bytes are known; returns the data to inflate."""
        self._head += data
        if self._wbits == 0 and len(self._head) < 2:
            return b""  # one byte cannot tell zlib from raw deflate yet
        wbits = self._wbits if self._wbits else (zlib.MAX_WBITS if _is_zlib_header(self._head) else -zlib.MAX_WBITS)
        self._inflater = zlib.decompressobj(wbits)
        data, self._head = self._head, b""
        return data

    def finish(self) -> None:
        """The body ended: a deflate body too short to judge its first bytes is corrupt."""
        if self._head:
            raise FetchError("corrupt compressed body: it ends after one byte", self._url, kind=BAD_BODY)

    def _next_member(self, data: bytes) -> bytes:
        """After a member's end: another gzip member starts a new inflater; trailing zero bytes
        (padding some servers add) are dropped; anything else is garbage after the body, ignored
        as browsers and curl ignore it."""
        data, self._member_head = self._member_head + data, b""
        if self._wbits != zlib.MAX_WBITS | 32:
            return b""
        if len(data) < len(GZIP_MAGIC) and GZIP_MAGIC.startswith(data):
            self._member_head = data  # the network split the next member's marker: wait for its rest
            return b""
        if not data.startswith(GZIP_MAGIC):
            return b""
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)
        return data

    def _append(self, piece: bytes) -> None:
        self.output += piece
        if len(self.output) > self._limit:
            raise TooLargeError(f"body larger than {self._limit} bytes", self._url)


def _is_zlib_header(head: bytes) -> bool:
    """RFC 1950: compression method 8 in the low nibble, and the two bytes a multiple of 31."""
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def gunzip_bounded(data: bytes, limit: int, url: str) -> bytes:
    """Inflate a gzip file (a sitemap.xml.gz) without producing more than `limit` bytes."""
    decoder = _BoundedDecoder("gzip", limit, url)
    decoder.feed(data)
    decoder.finish()
    return bytes(decoder.output)


def media_type(content_type: str | None) -> str:
    """"text/html; charset=UTF-8" -> "text/html"."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_markup_type(mtype: str) -> bool:
    """HTML or XML (feeds and sitemaps included)."""
    return mtype in HTML_TYPES or mtype in XML_TYPES or mtype.endswith("+xml")


def decode_body(body: bytes, content_type: str | None = None, url: str = "") -> tuple[str, str]:
    """(text, encoding): charset from the BOM, the Content-Type header, <meta>/<?xml?>, then detection.

    The same rules `pressroom parse` reads saved pages with (scraper.charset), so a crawled page and
    the same page saved to disk give the same record.
    """
    encoding = detect_encoding(body, _header_charset(content_type), source=url)
    text = body.decode(encoding, errors="replace")
    return (text[1:] if text.startswith("\ufeff") else text), encoding


def _header_charset(content_type: str | None) -> str | None:
    match = CHARSET_PARAM.search(content_type or "")
    return match.group(1) if match else None


DEFAULT_PORTS = (80, 443)


def _port_of(url: str) -> int:
    """The port a URL connects to (80 or 443 when it names none; -1 when it cannot be read)."""
    parts = urlsplit(url)
    try:
        return parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        return -1


def checked_url(url: str, base: str | None = None) -> str:
    """`url` (made absolute against `base`) normalized, or FetchError (kind BAD_URL) for one that
    cannot be sent: a bad port (99999, "abc"), an unclosed "[" of an IPv6 host, over MAX_URL_LENGTH."""
    if len(url) > MAX_URL_LENGTH:
        raise FetchError(f"URL longer than {MAX_URL_LENGTH} characters", url[:200] + "...", kind=BAD_URL)
    try:
        normalized = normalize_url(url, base)
    except ValueError as error:  # urlsplit's own: "Invalid IPv6 URL", "Port out of range 0-65535"
        raise FetchError(f"unreadable URL {url[:200]!r} ({error})", base or url[:200], kind=BAD_URL) from None
    if len(normalized) > MAX_URL_LENGTH:
        raise FetchError(f"URL longer than {MAX_URL_LENGTH} characters", normalized[:200] + "...", kind=BAD_URL)
    return normalized


def is_sendable_header_value(value: object) -> bool:
    """True for a header value httpx can send as it is: visible ASCII and spaces, 1 KiB at most."""
    return isinstance(value, str) and SENDABLE_HEADER_VALUE.fullmatch(value) is not None


async def _resolve(host: str) -> list[str]:
    """Every address `host` resolves to (empty when it does not resolve: the connect then fails)."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return []
    return [str(info[4][0]) for info in infos]


async def _keep_location_from_httpx(response: httpx.Response) -> None:
    if "location" in response.headers:
        response.headers[LOCATION_HEADER] = response.headers.pop("location")


def _no_cookie_jar() -> http.cookiejar.CookieJar:
    """A jar that keeps no cookie: no cookie can ever be replayed, to this host or another."""
    return http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))


@cache
def _tls_context() -> ssl.SSLContext:
    """httpx's default verifying context, built once: building one costs ~20 ms, and each client
    of the pool would otherwise build its own."""
    return httpx.create_ssl_context()


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting a host name only to the address the fetcher checked.

    Without it the address check resolves the name, then the HTTP client resolves it again to
    connect: a name that answers a public address first and 127.0.0.1 second (DNS rebinding)
    would reach the loopback service. Here the client never resolves a checked name: it connects
    to the pinned address (the Host header, SNI and certificate check keep the name, as httpcore
    takes them from the URL, not from the socket). An IP literal, or a private host the user
    targeted, connects as it is; a name that was never checked is refused. A name with several
    checked addresses is tried on each in the resolver's order, as the client itself would."""

    def __init__(self, pins: Mapping[str, list[str]], private_ok: frozenset[str]) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._pins = pins
        self._private_ok = private_ok

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options=None
    ) -> httpcore.AsyncNetworkStream:
        addresses = self._addresses_for(host)
        for address in addresses[:-1]:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue  # the next checked address (an IPv6 answer on a host without IPv6, say)
        return await self._inner.connect_tcp(
            addresses[-1], port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    def _addresses_for(self, host: str) -> list[str]:
        name = host.strip("[]").lower().rstrip(".")
        if _is_ip_literal(name) or name in self._private_ok:
            return [host]
        pinned = self._pins.get(name)
        if not pinned:
            raise httpcore.ConnectError(f"{host}: no checked address to connect to")
        return pinned

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _pinned_transport(backend: _PinnedBackend, limits: httpx.Limits) -> httpx.AsyncHTTPTransport:
    """httpx's transport with our network backend. httpx has no parameter for it, so the
    transport's connection pool is rebuilt with the same settings (httpx 0.28's `_pool`); the
    DNS-rebinding test fails if a newer httpx stops using it."""
    transport = httpx.AsyncHTTPTransport(verify=_tls_context(), limits=limits, trust_env=False)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=_tls_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=backend,
    )
    return transport


class _ClientPool:
    """httpx clients of one connection each, lent for one request at a time, kept per origin.

    One shared client with N connections costs O(N²) a request: httpcore's pool checks every
    connection for expiry (a socket poll) and counts the idle ones for each idle one, about a sixth
    of a crawl's time at 16 connections (bench/crawl_speed.py --profile). A client that serves one
    request at a time checks one. Clients are created on demand and returned after the response,
    so an origin never has more than the requests its HostGate lets in at once (`per_host`, plus
    robots.txt), and each keeps its connection alive for the next request to that origin.
    """

    def __init__(self, make: Callable[[], httpx.AsyncClient]) -> None:
        self._make = make
        self._idle: dict[str, list[httpx.AsyncClient]] = {}
        self._all: list[httpx.AsyncClient] = []

    @asynccontextmanager
    async def lend(self, origin: str) -> AsyncIterator[httpx.AsyncClient]:
        idle = self._idle.setdefault(origin, [])
        client = idle.pop() if idle else self._new()
        try:
            yield client
        finally:
            idle.append(client)  # last in, first out: the warmest connection serves next

    def _new(self) -> httpx.AsyncClient:
        client = self._make()
        self._all.append(client)
        return client

    async def aclose(self) -> None:
        clients, self._all, self._idle = self._all, [], {}
        for client in clients:
            await client.aclose()


class Fetcher:
    """Fetches pages politely. Use as `async with Fetcher(settings, scope=...) as fetcher`."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        scope: Scope | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        resolve: Callable[[str], Awaitable[list[str]]] = _resolve,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.scope = scope or Scope()
        self.stats = FetchStats()
        self._sleep = sleep
        self._clock = clock
        self._resolve = resolve
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._address_ok: dict[str, bool] = {}
        self._pins: dict[str, list[str]] = {}  # host name -> the checked addresses its connections go to
        self._backend = _PinnedBackend(self._pins, self.scope.private_ok)
        self._clients: _ClientPool | None = None

    async def __aenter__(self) -> Fetcher:
        self._clients = _ClientPool(self._new_client)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._clients is not None:
            await self._clients.aclose()
            self._clients = None

    def _new_client(self) -> httpx.AsyncClient:
        timeout = httpx.Timeout(self.settings.deadline, connect=min(self.settings.connect_timeout, self.settings.deadline))
        return httpx.AsyncClient(
            follow_redirects=False,  # by hand, so every hop is checked
            timeout=timeout,
            transport=_pinned_transport(self._backend, ONE_CONNECTION),
            trust_env=False,  # no proxy or .netrc credentials from the environment
            cookies=_no_cookie_jar(),
            event_hooks={"response": [_keep_location_from_httpx]},
            headers={"User-Agent": self.settings.user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        )

    async def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Page:
        """Fetch an HTML or XML page: checked, polite, retried, redirected by hand.

        `headers` are added to the first request (conditional headers from a state store); a 304
        answer comes back as a Page with `not_modified` set. Raises FetchError or a subclass.
        """
        requested = checked_url(url)
        current, extra, hops = requested, dict(headers or {}), []
        try:
            while True:
                await self._admit(current)
                exchange = await self._exchange_with_retries(current, extra, markup_only=True)
                if exchange.status not in REDIRECT_STATUSES:
                    return self._page(requested, current, exchange, tuple(hops))
                target = self._redirect_target(current, exchange, hops)
                extra = self._headers_for_hop(current, target, extra)
                hops.append(current)
                current = target
        except BlockedError:
            self.stats.blocked += 1
            raise

    def _redirect_target(self, current: str, exchange: _Exchange, hops: list[str]) -> str:
        location = exchange.headers.get(LOCATION_HEADER)
        if not location:
            raise FetchError(f"HTTP {exchange.status} without Location", current, kind=REDIRECT)
        try:
            target = checked_url(location, current)
        except FetchError as error:
            raise FetchError(f"HTTP {exchange.status} to an unusable Location: {error}", current, kind=REDIRECT) from None
        self.scope.check(target)  # file:, ftp:, data: and off-site hosts are refused here
        if target == current or target in hops:
            raise FetchError(f"redirect loop at {target}", current, kind=REDIRECT)
        if len(hops) >= self.settings.max_redirects:
            raise FetchError(f"more than {self.settings.max_redirects} redirects", current, kind=REDIRECT)
        return target

    @staticmethod
    def _headers_for_hop(current: str, target: str, headers: dict[str, str]) -> dict[str, str]:
        dropped = CONDITIONAL_HEADERS + (ORIGIN_SECRETS if origin_of(current) != origin_of(target) else ())
        return {name: value for name, value in headers.items() if name.lower() not in dropped}

    async def _admit(self, url: str) -> None:
        """Refuse before sending: scheme, scope, address, robots.txt."""
        self.scope.check(url)
        await self._check_address(host_of(url), url)
        origin = origin_of(url)
        robots = await self._robots_for(origin)
        if robots.failure:
            message = f"robots.txt of {origin} unavailable ({robots.failure}): not fetching for now"
            raise BlockedError(message, url, kind=ROBOTS_UNAVAILABLE)  # transient, unlike a disallow
        if not robots.allows(url, self.settings.robots_token):
            raise BlockedError("robots.txt disallows this URL", url)

    async def _check_address(self, host: str, url: str) -> None:
        if host in self.scope.private_ok:
            return
        if host not in self._address_ok:
            resolved = [] if is_restricted_address(host) or _is_ip_literal(host) else await self._resolve(host)
            self._address_ok[host] = not any(is_restricted_address(address) for address in [host, *resolved])
            if self._address_ok[host] and resolved:
                self._pins[host] = list(dict.fromkeys(resolved))  # connections go here, never to a later answer
        if not self._address_ok[host]:
            raise BlockedError(f"{host} is a loopback, private or link-local address", url)

    def _gate(self, origin: str) -> HostGate:
        if origin not in self._gates:
            self._gates[origin] = HostGate(self.settings.per_host, self.settings.delay, self._clock, self._sleep)
        return self._gates[origin]

    async def robots_sitemaps(self, url: str) -> list[str]:
        """The Sitemap: URLs the robots.txt of `url`'s origin names."""
        robots_url = f"{origin_of(url)}/robots.txt"
        sitemaps: list[str] = []
        for line in (await self._robots_for(origin_of(url))).sitemaps():
            try:
                sitemaps.append(checked_url(line, robots_url))
            except FetchError as error:  # a "Sitemap: http://[::1" line: skipped, not the crawl's end
                log.warning("%s: skipping a Sitemap line: %s", robots_url, error)
        return sitemaps

    async def _robots_for(self, origin: str) -> _Robots:
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:  # one robots.txt request per origin, however many tasks wait for it
            robots = self._robots.get(origin)
            if robots is None or robots.expires <= self._clock():
                robots = await self._fetch_robots(origin)
                self._robots[origin] = robots
                self._apply_crawl_delay(origin, robots)
            return robots

    async def _fetch_robots(self, origin: str) -> _Robots:
        """RFC 9309: 2xx parse, 4xx allow everything, 5xx or unreachable disallow for now."""
        url = f"{origin}/robots.txt"
        now = self._clock()
        self.stats.robots_fetched += 1
        try:
            exchange = await self._robots_exchange(url)
        except FetchError as error:
            if isinstance(error, HTTPStatusError) and 400 <= error.status < 500:
                return _Robots(expires=now + ROBOTS_TTL, allow_all=True)
            return self._robots_failed(origin, now, str(error))
        text, _ = decode_body(exchange.body, exchange.headers.get("content-type"))
        return _Robots(expires=now + ROBOTS_TTL, rules=Protego.parse(text))

    @staticmethod
    def _robots_failed(origin: str, now: float, reason: str) -> _Robots:
        """RFC 9309 2.3.1.4: an unreachable robots.txt (5xx, network, deadline) disallows for now;
        the reason is kept so each refused URL says why, not "disallows this URL" (so it is logged
        at info level here: the refused URL's one-line error says it, not a second line before it)."""
        log.info("robots.txt of %s unavailable (%s): not fetching from it for now", origin, reason)
        return _Robots(expires=now + ROBOTS_FAILURE_TTL, failure=reason)

    async def _robots_exchange(self, url: str) -> _Exchange:
        """robots.txt with its redirects (RFC 9309: at least five), each hop in scope."""
        hops: list[str] = []
        current = url
        while True:
            self.scope.check(current)
            await self._check_address(host_of(current), current)
            exchange = await self._exchange_with_retries(current, {}, markup_only=False, limit=ROBOTS_MAX_BYTES)
            if exchange.status not in REDIRECT_STATUSES:
                return exchange
            current_target = self._redirect_target(current, exchange, hops)
            hops.append(current)
            current = current_target

    def _apply_crawl_delay(self, origin: str, robots: _Robots) -> None:
        crawl_delay = robots.crawl_delay(self.settings.robots_token)
        if crawl_delay:
            gate = self._gate(origin)
            gate.delay = max(self.settings.delay, min(float(crawl_delay), MAX_CRAWL_DELAY))

    async def _exchange_with_retries(
        self, url: str, headers: Mapping[str, str], *, markup_only: bool, limit: int | None = None
    ) -> _Exchange:
        try:
            async for attempt in retry_policy(self.settings.max_attempts, self._sleep, self.stats, url):
                with attempt:
                    return await self._exchange(url, headers, markup_only=markup_only, limit=limit)
        except _TransientStatus as error:
            raise HTTPStatusError(f"HTTP {error.status} after {self.settings.max_attempts} attempts", url, error.status) from None
        except TimeoutError:
            raise FetchError(f"no complete answer within {self.settings.deadline:g} s", url, kind=TIMEOUT) from None
        except httpx.TransportError as error:
            raise FetchError(f"{type(error).__name__}: {error or 'connection failed'}", url) from None
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, UnicodeError) as error:
            # What httpx refuses to send or read (a header, a URL): an error of this URL, not of the crawl.
            raise FetchError(f"cannot send or read the request: {type(error).__name__}: {error}", url, kind=BAD_URL) from None
        raise AssertionError("unreachable: the retry policy either returns or raises")

    async def _exchange(self, url: str, headers: Mapping[str, str], *, markup_only: bool, limit: int | None) -> _Exchange:
        """One request under the origin's gate and a total deadline; the body read under the cap."""
        assert self._clients is not None, "use Fetcher as an async context manager"
        origin = origin_of(url)
        gate = self._gate(origin)
        async with gate.turn(), self._clients.lend(origin) as client:
            async with asyncio.timeout(self.settings.deadline):
                self.stats.requests += 1
                async with client.stream("GET", strip_credentials(url), headers=dict(headers)) as response:
                    return await self._answer(url, response, gate, markup_only=markup_only, limit=limit)

    async def _answer(
        self, url: str, response: httpx.Response, gate: HostGate, *, markup_only: bool, limit: int | None
    ) -> _Exchange:
        status = response.status_code
        if status in RETRY_STATUSES:
            self._honour_retry_after(url, response, gate)
            raise _TransientStatus(url, status)
        if status in REDIRECT_STATUSES or status == NOT_MODIFIED:
            return _Exchange(status, response.headers)
        if status >= 400 or status < 200:
            raise HTTPStatusError(f"HTTP {status}", url, status)
        mtype = media_type(response.headers.get("content-type"))
        if markup_only and mtype and not is_markup_type(mtype) and not self._is_gzipped_xml(url, mtype):
            raise ContentTypeError(f"content type {mtype} is neither HTML nor XML", url)
        body = await self._read_body(url, response, limit, truncate=limit is not None)
        return _Exchange(status, response.headers, body, mtype)

    @staticmethod
    def _is_gzipped_xml(url: str, mtype: str) -> bool:
        """A sitemap.xml.gz, served as a gzip file rather than with Content-Encoding."""
        return urlsplit(url).path.endswith(".xml.gz") and (mtype in GZIP_TYPES or mtype == "application/octet-stream")

    def _honour_retry_after(self, url: str, response: httpx.Response, gate: HostGate) -> None:
        seconds = parse_retry_after(response.headers.get("retry-after"))
        if seconds is None:
            return
        if seconds > MAX_RETRY_AFTER:
            raise HTTPStatusError(f"HTTP {response.status_code}, Retry-After {seconds:.0f} s is too long", url, response.status_code)
        log.info("%s asks for a pause of %.1f s", origin_of(url), seconds)
        gate.defer(seconds)

    async def _read_body(self, url: str, response: httpx.Response, limit: int | None, *, truncate: bool) -> bytes:
        cap = limit if limit is not None else self.settings.max_bytes
        coding = response.headers.get("content-encoding", "")
        declared = response.headers.get("content-length", "")
        if not truncate and coding in ("", "identity") and declared.isascii() and declared.isdigit() and int(declared) > cap:
            raise TooLargeError(f"Content-Length {declared} is over the {cap} byte cap", url)
        decoder = _BoundedDecoder(coding, cap, url)
        try:
            async for chunk in response.aiter_raw():
                self.stats.bytes += len(chunk)
                decoder.feed(chunk)
            decoder.finish()
        except TooLargeError:
            if not truncate:
                raise
        return bytes(decoder.output[:cap])

    def _page(self, requested: str, final: str, exchange: _Exchange, hops: tuple[str, ...]) -> Page:
        page = Page(url=requested, final_url=final, status=exchange.status, headers=exchange.headers, redirects=hops)
        if exchange.status == NOT_MODIFIED:
            return page
        body, mtype = exchange.body, exchange.content_type
        if self._is_gzipped_xml(final, mtype) or (final.endswith(".gz") and body.startswith(GZIP_MAGIC)):
            body, mtype = gunzip_bounded(body, self.settings.max_bytes, final), "application/xml"
        if not mtype:
            mtype = self._sniff_type(body, final)
        page.body, page.content_type = body, mtype
        page.text, page.encoding = decode_body(body, exchange.headers.get("content-type"), final)
        return page

    @staticmethod
    def _sniff_type(body: bytes, url: str) -> str:
        """A type for an answer without Content-Type: markup if it looks like markup, else refused."""
        head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith(b"<?xml"):
            return "application/xml"
        if head.startswith(b"<"):
            return "text/html"
        raise ContentTypeError("no Content-Type and the body is not markup", url)
