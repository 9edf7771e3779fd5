"""The fetcher against real servers on 127.0.0.1 (and 127.0.0.2 for refused addresses).

Every fault the crawler must survive is simulated here. No test sleeps for real: the fetcher's
`sleep` is a recorder, so retry backoff, politeness delays and Retry-After pauses are asserted as
numbers instead of waited for.
"""

from __future__ import annotations

import asyncio
import email.utils
import gzip
import time
import zlib
from collections.abc import Iterator, Mapping

import pytest

from scraper.errors import BlockedError, ContentTypeError, FetchError, HTTPStatusError, TooLargeError
from scraper.fetch import (
    USER_AGENT,
    Fetcher,
    FetchSettings,
    Page,
    Scope,
    decode_body,
    parse_retry_after,
)
from tests.loopback import LoopbackSite, Reply, redirect

PAGE = "<!doctype html><html><head><title>t</title></head><body><p>Hello</p></body></html>"
FAST = FetchSettings(delay=0.0, deadline=2.0, max_attempts=3)
ROBOTS_ALLOW_ALL = Reply("User-agent: *\nAllow: /\n", content_type="text/plain")


class SleepRecorder:
    """Stands in for asyncio.sleep: records each pause and advances a virtual clock instead of waiting.

    Give the fetcher both (`sleep=recorder, clock=recorder.clock`) and politeness delays and
    Retry-After pauses come out exactly as they would in real time, in no time.

    `real_time=False` stops the clock between pauses: the real time a test spends (parsing, on a
    loaded machine) then never shortens a recorded politeness pause, so pauses are exact.
    """

    def __init__(self, *, real_time: bool = True) -> None:
        self.pauses: list[float] = []
        self._skipped = 0.0
        self._real_time = real_time

    async def __call__(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self._skipped += max(0.0, seconds)
        await asyncio.sleep(0)

    def clock(self) -> float:
        return (time.monotonic() if self._real_time else 0.0) + self._skipped


def new_fetcher(settings: FetchSettings, sleep: SleepRecorder, scope: Scope | None = None, **extra) -> Fetcher:
    return Fetcher(settings, scope=scope or LOCAL, sleep=sleep, clock=sleep.clock, **extra)


@pytest.fixture
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retry backoff of zero, so a recorded pause is the politeness or Retry-After pause alone."""
    monkeypatch.setattr("scraper.fetch.RETRY_INITIAL_WAIT", 0.0)
    monkeypatch.setattr("scraper.fetch.RETRY_JITTER", 0.0)


def fetch(
    url: str,
    *,
    settings: FetchSettings = FAST,
    scope: Scope | None = None,
    headers: Mapping[str, str] | None = None,
    sleep: SleepRecorder | None = None,
    resolve=None,
) -> Page:
    """One fetch in a fresh event loop, scoped to 127.0.0.1 unless told otherwise."""

    async def run() -> Page:
        extra = {"resolve": resolve} if resolve else {}
        async with new_fetcher(settings, sleep or SleepRecorder(), scope, **extra) as fetcher:
            return await fetcher.fetch(url, headers)

    return asyncio.run(run())


LOCAL = Scope(hosts=None, private_ok=frozenset({"127.0.0.1"}))


def site(routes: dict, host: str = "127.0.0.1") -> LoopbackSite:
    return LoopbackSite({"/robots.txt": ROBOTS_ALLOW_ALL, **routes}, host=host)


# -- plain fetching ---------------------------------------------------------------------------------


def test_fetches_a_page_with_an_identifying_user_agent() -> None:
    with site({"/a": Reply(PAGE)}) as s:
        page = fetch(s.url("/a"))
    assert page.status == 200
    assert page.text == PAGE
    assert page.content_type == "text/html"
    agent = s.log[-1].headers["user-agent"]
    assert agent == USER_AGENT
    assert "+https://" in agent  # a contact URL


def test_conditional_headers_are_sent_and_304_is_not_modified() -> None:
    with site({"/a": Reply(status=304, content_type=None)}) as s:
        page = fetch(s.url("/a"), headers={"If-None-Match": '"v1"'})
    assert page.not_modified
    assert page.text == ""
    assert s.log[-1].headers["if-none-match"] == '"v1"'


def test_a_404_is_an_http_error_and_is_not_retried() -> None:
    with site({}) as s:
        with pytest.raises(HTTPStatusError) as caught:
            fetch(s.url("/missing"))
    assert caught.value.status == 404
    assert s.count("/missing") == 1


# -- retries ----------------------------------------------------------------------------------------


def test_503_then_200_is_retried_with_backoff() -> None:
    sleep = SleepRecorder()
    with site({"/a": [Reply(status=503), Reply(PAGE)]}) as s:
        page = fetch(s.url("/a"), sleep=sleep)
    assert page.text == PAGE
    assert s.count("/a") == 2
    assert len(sleep.pauses) == 1 and 0 < sleep.pauses[0] <= 2.0  # exponential, jittered, first step


def test_retries_give_up_after_max_attempts() -> None:
    with site({"/a": Reply(status=502)}) as s:
        with pytest.raises(HTTPStatusError) as caught:
            fetch(s.url("/a"))
    assert caught.value.status == 502
    assert s.count("/a") == FAST.max_attempts


@pytest.mark.parametrize(
    "retry_after",
    [
        pytest.param(lambda: "7", id="seconds"),
        pytest.param(lambda: email.utils.formatdate(time.time() + 7, usegmt=True), id="http-date"),
    ],
)
def test_429_retry_after_pauses_the_host(retry_after, no_backoff) -> None:
    sleep = SleepRecorder()
    with site({"/a": [Reply(status=429, headers={"Retry-After": retry_after()}), Reply(PAGE)]}) as s:
        page = fetch(s.url("/a"), sleep=sleep)
    assert page.text == PAGE
    assert s.count("/a") == 2
    # The host is not asked again before Retry-After (HTTP dates have whole-second precision).
    assert 5.9 <= max(sleep.pauses) <= 7.0
    assert sum(sleep.pauses) <= 7.0


def test_retry_after_beyond_the_limit_gives_up_at_once() -> None:
    with site({"/a": Reply(status=503, headers={"Retry-After": "86400"})}) as s:
        with pytest.raises(HTTPStatusError):
            fetch(s.url("/a"))
    assert s.count("/a") == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [("120", 120.0), ("0", 0.0), ("soon", None), ("", None), (None, None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_parse_retry_after(value, expected) -> None:
    assert parse_retry_after(value) == expected


def test_a_connection_reset_is_retried() -> None:
    with site({"/a": [Reply(reset=True), Reply(PAGE)]}) as s:
        page = fetch(s.url("/a"))
    assert page.text == PAGE
    assert s.count("/a") == 2


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"X-Note": "one\ntwo"}, id="newline-in-header"),
        pytest.param({"X-Note": "nul\x00"}, id="nul-in-header"),
    ],
)
def test_a_request_that_cannot_be_sent_is_not_retried(headers: dict[str, str]) -> None:
    sleep = SleepRecorder()

    async def run(url: str) -> Fetcher:
        async with new_fetcher(FAST, sleep) as fetcher:
            with pytest.raises(FetchError, match="LocalProtocolError"):
                await fetcher.fetch(url, headers)
            return fetcher

    with site({"/a": Reply(PAGE)}) as s:
        fetcher = asyncio.run(run(s.url("/a")))
    assert "/a" not in s.paths()
    assert fetcher.stats.retries == 0 and fetcher.stats.requests == 2  # robots.txt, then the one try


def test_a_connection_always_reset_is_a_fetch_error() -> None:
    with site({"/a": Reply(reset=True)}) as s:
        with pytest.raises(FetchError):
            fetch(s.url("/a"))
    assert s.count("/a") == FAST.max_attempts


def test_an_answer_slower_than_the_deadline_fails_in_time() -> None:
    settings = FetchSettings(delay=0, deadline=0.3, max_attempts=2)
    with site({"/slow": Reply(PAGE, delay=3.0)}) as s:
        started = time.monotonic()
        with pytest.raises(FetchError, match="0.3 s") as raised:
            fetch(s.url("/slow"), settings=settings)
        elapsed = time.monotonic() - started
    assert raised.value.kind == "timeout"
    assert elapsed < 1.5  # two attempts of 0.3 s, not two of 3 s
    assert s.count("/slow") == 2


def test_a_body_that_trickles_in_past_the_deadline_fails() -> None:
    """The deadline is total, not per read: a server sending a byte a second never times out per read."""

    def trickle() -> Iterator[bytes]:
        yield b"<html><body>"
        for _ in range(20):
            time.sleep(0.1)
            yield b"<p>x</p>"

    settings = FetchSettings(delay=0, deadline=0.5, max_attempts=1)
    with site({"/drip": Reply(chunks=trickle)}) as s:
        with pytest.raises(FetchError, match="no complete answer"):
            fetch(s.url("/drip"), settings=settings)


# -- size cap ---------------------------------------------------------------------------------------

CAP = 64 * 1024
SMALL = FetchSettings(delay=0, deadline=5.0, max_attempts=1, max_bytes=CAP)


def _zeros(total: int, piece: int = 64 * 1024) -> Iterator[bytes]:
    for _ in range(total // piece):
        yield b"0" * piece


def test_a_declared_length_over_the_cap_is_refused_before_reading() -> None:
    with site({"/big": Reply("x" * (CAP + 1))}) as s:
        with pytest.raises(TooLargeError, match="Content-Length"):
            fetch(s.url("/big"), settings=SMALL)


def test_an_undeclared_body_over_the_cap_is_cut_while_streaming() -> None:
    with site({"/big": Reply(chunks=lambda: _zeros(50 * 1024 * 1024))}) as s:
        started = time.monotonic()
        with pytest.raises(TooLargeError):
            fetch(s.url("/big"), settings=SMALL)
    assert time.monotonic() - started < 2.0  # 64 KiB read, not 50 MB


def _gzip_bomb(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b"\0" * (1024 * 1024)
    return b"".join([*(compressor.compress(block) for _ in range(size // len(block))), compressor.flush()])


def test_a_gzip_bomb_is_cut_at_the_decompressed_cap() -> None:
    bomb = _gzip_bomb(200 * 1024 * 1024)  # 200 MB of zeros in about 200 KB
    assert len(bomb) < 512 * 1024
    reply = Reply(content_type="text/html", headers={"Content-Encoding": "gzip"}, chunks=lambda: iter([bomb]))
    with site({"/bomb": reply}) as s:
        with pytest.raises(TooLargeError):
            fetch(s.url("/bomb"), settings=SMALL)


def test_a_gzip_page_under_the_cap_is_decoded() -> None:
    with site({"/z": Reply(PAGE, gzip=True)}) as s:
        page = fetch(s.url("/z"), settings=SMALL)
    assert page.text == PAGE
    assert "gzip" in s.log[-1].headers["accept-encoding"]


# -- redirects --------------------------------------------------------------------------------------


def test_redirects_are_followed_and_recorded() -> None:
    with site({"/old": redirect("/new", 301), "/new": Reply(PAGE)}) as s:
        page = fetch(s.url("/old"))
    assert page.final_url == s.url("/new")
    assert page.redirects == (s.url("/old"),)


def test_a_redirect_loop_is_an_error() -> None:
    with site({"/a": redirect("/b"), "/b": redirect("/a")}) as s:
        with pytest.raises(FetchError, match="loop") as raised:
            fetch(s.url("/a"))
    assert s.paths().count("/a") == 1
    assert raised.value.kind == "redirect"


def _chain(length: int) -> dict:
    routes = {f"/r{i}": redirect(f"/r{i + 1}") for i in range(length)}
    routes[f"/r{length}"] = Reply(PAGE)
    return routes


def test_ten_redirects_are_followed() -> None:
    with site(_chain(10)) as s:
        assert fetch(s.url("/r0")).final_url == s.url("/r10")


def test_a_chain_of_eleven_redirects_is_refused() -> None:
    with site(_chain(11)) as s:
        with pytest.raises(FetchError, match="more than 10 redirects"):
            fetch(s.url("/r0"))
    assert "/r11" not in s.paths()


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/html,<p>x</p>"])
def test_a_redirect_to_another_scheme_is_refused(location: str) -> None:
    with site({"/a": redirect(location)}) as s:
        with pytest.raises(BlockedError, match="scheme"):
            fetch(s.url("/a"))


def test_a_redirect_to_another_loopback_address_is_refused() -> None:
    with LoopbackSite({"/secret": Reply(PAGE)}, host="127.0.0.2") as other:
        with site({"/a": redirect(other.url("/secret"))}) as s:
            with pytest.raises(BlockedError, match="127.0.0.2"):
                fetch(s.url("/a"))
    assert other.log == []


def test_a_hostname_resolving_to_a_private_address_is_refused() -> None:
    async def resolve(host: str) -> list[str]:
        return {"intranet.test": ["10.0.0.7"], "evil.test": ["127.0.0.2"]}.get(host, [])

    with site({"/a": redirect("http://evil.test/admin")}) as s:
        with pytest.raises(BlockedError, match="evil.test"):
            fetch(s.url("/a"), resolve=resolve)
    with pytest.raises(BlockedError, match="intranet.test"):
        fetch("http://intranet.test/", resolve=resolve)


def test_an_untargeted_loopback_address_is_refused_outright() -> None:
    with site({"/a": Reply(PAGE)}) as s:
        with pytest.raises(BlockedError):
            fetch(s.url("/a"), scope=Scope())
    assert s.log == []


def test_a_redirect_off_the_crawl_hosts_is_refused() -> None:
    scope = Scope.for_targets(["http://127.0.0.1/"])
    assert scope.private_ok == {"127.0.0.1"}
    with site({"/a": redirect("https://www.example.org/")}) as s:
        with pytest.raises(BlockedError, match="outside the crawl"):
            fetch(s.url("/a"), scope=scope)


def test_credentials_and_cookies_do_not_follow_to_another_origin() -> None:
    with site({"/landing": Reply(PAGE)}) as other:
        hop = Reply(status=302, headers={"Location": other.url("/landing"), "Set-Cookie": "sid=1"}, content_type=None)
        with site({"/a": hop, "/b": redirect("/landing"), "/landing": Reply(PAGE)}) as s:
            fetch(s.url("/a"), headers={"Authorization": "Bearer secret", "Cookie": "sid=0"})
            fetch(s.url("/b"), headers={"Authorization": "Bearer secret"})
    received = other.log[-1].headers
    assert "authorization" not in received and "cookie" not in received
    # ... while a redirect on the same origin keeps them
    assert s.log[-1].path == "/landing" and s.log[-1].headers["authorization"] == "Bearer secret"


# -- robots.txt -------------------------------------------------------------------------------------


def test_robots_disallow_is_obeyed_without_a_request() -> None:
    robots = Reply("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    with LoopbackSite({"/robots.txt": robots, "/private/a": Reply(PAGE), "/public": Reply(PAGE)}) as s:
        with pytest.raises(BlockedError, match="robots.txt"):
            fetch(s.url("/private/a"))
        assert fetch(s.url("/public")).text == PAGE
    assert "/private/a" not in s.paths()


def test_robots_groups_are_matched_by_our_product_token() -> None:
    robots = Reply("User-agent: pressroom\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain")
    with LoopbackSite({"/robots.txt": robots, "/a": Reply(PAGE)}) as s:
        with pytest.raises(BlockedError):
            fetch(s.url("/a"))


@pytest.mark.parametrize(
    ("user_agent", "token"),
    [
        pytest.param(USER_AGENT, "pressroom", id="ours"),
        pytest.param("Research-Bot/2.1 (+https://example.org)", "research-bot", id="with-version"),
        pytest.param("  archiver", "archiver", id="leading-space"),
        pytest.param("", "*", id="empty"),
        pytest.param("   ", "*", id="blank"),
        pytest.param("/1.0", "*", id="no-token"),
    ],
)
def test_robots_token_of_a_user_agent(user_agent: str, token: str) -> None:
    assert FetchSettings(user_agent=user_agent).robots_token == token


@pytest.mark.parametrize(
    ("robots", "reason"),
    [
        pytest.param(Reply(status=503), "HTTP 503 after 2 attempts", id="503"),
        pytest.param(Reply(status=500), "HTTP 500 after 2 attempts", id="500"),
        pytest.param(Reply("User-agent: *\nAllow: /\n", delay=2.0), "no complete answer within 0.3 s", id="timeout"),
        pytest.param(Reply(reset=True), "Error: ", id="reset"),
    ],
)
def test_robots_unavailable_means_disallow_for_now_and_says_why(robots: Reply, reason: str) -> None:
    settings = FetchSettings(delay=0, deadline=0.3, max_attempts=2)
    with LoopbackSite({"/robots.txt": robots, "/a": Reply(PAGE)}) as s:
        with pytest.raises(BlockedError) as raised:
            fetch(s.url("/a"), settings=settings)
    assert "/a" not in s.paths()
    message = str(raised.value)
    assert message.startswith(f"robots.txt of {s.origin} unavailable (") and message.endswith("): not fetching for now")
    assert reason in message and "disallows" not in message
    assert raised.value.kind == "robots unavailable"  # transient: the crawl asks again, unlike a disallow


def test_an_unreachable_host_is_not_reported_as_a_robots_disallow(no_backoff) -> None:
    with LoopbackSite() as s:
        url = s.url("/a")  # the port is closed once the site has stopped
    with pytest.raises(BlockedError, match=r"robots.txt of .* unavailable \(ConnectError: .*\): not fetching for now"):
        fetch(url, settings=FetchSettings(delay=0, deadline=2.0, max_attempts=2))


@pytest.mark.parametrize("status", [401, 403, 404, 410])
def test_robots_4xx_means_allow(status: int) -> None:
    with LoopbackSite({"/robots.txt": Reply(status=status), "/a": Reply(PAGE)}) as s:
        assert fetch(s.url("/a")).text == PAGE


def test_crawl_delay_and_politeness_space_the_requests() -> None:
    robots = Reply("User-agent: *\nCrawl-delay: 5\n", content_type="text/plain")
    sleep = SleepRecorder()
    settings = FetchSettings(delay=1.0, deadline=2.0)

    async def run() -> None:
        async with new_fetcher(settings, sleep) as fetcher:
            await asyncio.gather(*(fetcher.fetch(s.url(f"/p{i}")) for i in range(4)))

    with LoopbackSite({"/robots.txt": robots, **{f"/p{i}": Reply(PAGE, delay=0.05) for i in range(4)}}) as s:
        asyncio.run(run())
    assert s.max_in_flight == 1
    # robots.txt is followed by the plain 1 s delay; from then on page starts are 5 s apart.
    assert sleep.pauses == pytest.approx([1.0, 5.0, 5.0, 5.0], abs=0.3)


def test_one_request_at_a_time_per_host_by_default() -> None:
    async def run() -> None:
        async with Fetcher(FetchSettings(delay=0.0), scope=LOCAL, sleep=SleepRecorder()) as fetcher:
            await asyncio.gather(*(fetcher.fetch(s.url(f"/p{i}")) for i in range(6)))

    with site({f"/p{i}": Reply(PAGE, delay=0.05) for i in range(6)}) as s:
        asyncio.run(run())
    assert s.max_in_flight == 1
    assert s.count("/robots.txt") == 1


def test_more_per_host_when_asked() -> None:
    async def run() -> None:
        async with Fetcher(FetchSettings(delay=0.0, per_host=3), scope=LOCAL, sleep=SleepRecorder()) as fetcher:
            await asyncio.gather(*(fetcher.fetch(s.url(f"/p{i}")) for i in range(6)))

    with site({f"/p{i}": Reply(PAGE, delay=0.2) for i in range(6)}) as s:
        asyncio.run(run())
    assert 2 <= s.max_in_flight <= 3


@pytest.mark.parametrize("per_host", [1, 3])
def test_connections_are_kept_alive_and_at_most_one_per_request_in_flight(per_host: int) -> None:
    async def run() -> None:
        async with Fetcher(FetchSettings(delay=0.0, per_host=per_host), scope=LOCAL, sleep=SleepRecorder()) as fetcher:
            for _ in range(3):
                await asyncio.gather(*(fetcher.fetch(s.url(f"/p{i}")) for i in range(8)))

    with site({f"/p{i}": Reply(PAGE, delay=0.02) for i in range(8)}) as s:
        asyncio.run(run())
    assert len(s.log) == 1 + 24
    assert 1 <= s.connections <= per_host  # robots.txt and 24 pages over kept-alive connections


def test_robots_sitemaps_are_exposed() -> None:
    robots = Reply("User-agent: *\nAllow: /\nSitemap: /sitemap-news.xml\n", content_type="text/plain")

    async def run() -> list[str]:
        async with Fetcher(FAST, scope=LOCAL, sleep=SleepRecorder()) as fetcher:
            return await fetcher.robots_sitemaps(s.url("/"))

    with LoopbackSite({"/robots.txt": robots}) as s:
        assert asyncio.run(run()) == [s.url("/sitemap-news.xml")]


# -- content types and charsets ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type", ["application/pdf", "image/png", "application/octet-stream", "application/json"]
)
def test_only_html_and_xml_are_accepted(content_type: str) -> None:
    with site({"/file": Reply(b"%PDF-1.4 ...", content_type=content_type)}) as s:
        with pytest.raises(ContentTypeError):
            fetch(s.url("/file"))


@pytest.mark.parametrize(
    ("content_type", "is_xml"),
    [
        ("application/xml", True),
        ("text/xml", True),
        ("application/rss+xml", True),
        ("application/atom+xml", True),
        ("text/html", False),
    ],
)
def test_html_and_xml_types_are_accepted(content_type: str, is_xml: bool) -> None:
    with site({"/feed": Reply("<?xml version='1.0'?><rss/>", content_type=content_type)}) as s:
        assert fetch(s.url("/feed")).is_xml is is_xml


def test_a_gzipped_sitemap_file_is_inflated() -> None:
    xml = "<?xml version='1.0' encoding='UTF-8'?><urlset><url><loc>http://x/a</loc></url></urlset>"
    with site({"/sitemap.xml.gz": Reply(gzip.compress(xml.encode()), content_type="application/x-gzip")}) as s:
        page = fetch(s.url("/sitemap.xml.gz"))
    assert page.text == xml
    assert page.is_xml


WINDOWS_1252_PAGE = (
    "<html><head><title>Communiqué</title></head><body>"
    "<p>Le représentant a déclaré : \u201cNous sommes très préoccupés par la détérioration de la "
    "sécurité des journalistes\u201d. Les délégués ont salué l\u2019initiative — une étape décisive "
    "pour la coopération régionale, a-t-il ajouté à Genève.</p></body></html>"
)


def test_a_windows_1252_page_without_charset_is_decoded() -> None:
    body = WINDOWS_1252_PAGE.encode("cp1252")
    with site({"/fr": Reply(body, content_type="text/html")}) as s:
        page = fetch(s.url("/fr"))
    assert "\u201cNous sommes très préoccupés" in page.text
    assert "l\u2019initiative — une étape" in page.text


def test_a_missing_content_type_is_sniffed() -> None:
    with site({"/bare": Reply(PAGE, content_type=None), "/blob": Reply(b"\x89PNG....", content_type=None)}) as s:
        assert fetch(s.url("/bare")).content_type == "text/html"
        with pytest.raises(ContentTypeError):
            fetch(s.url("/blob"))


@pytest.mark.parametrize(
    ("body", "content_type", "expected_text"),
    [
        pytest.param(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "text/html; charset=iso-8859-1", "<p>café</p>", id="bom-wins"),
        pytest.param("<p>café</p>".encode("cp1252"), "text/html; charset=windows-1252", "<p>café</p>", id="header"),
        pytest.param(
            b'<meta charset="windows-1252"><p>caf\xe9</p>', "text/html", '<meta charset="windows-1252"><p>café</p>', id="meta"
        ),
        pytest.param(
            b"<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xe9</a>",
            "application/xml",
            "<?xml version='1.0' encoding='ISO-8859-1'?><a>café</a>",
            id="xml-declaration",
        ),
        pytest.param("<p>café</p>".encode(), "text/html", "<p>café</p>", id="utf8-undeclared"),
        # issue 14, item 9: the utf-16 header is wrong (no zero byte), the page is not lost
        pytest.param("<p>café</p>".encode(), "text/html; charset=utf-16", "<p>café</p>", id="wrong-utf16-header"),
        pytest.param("<p>café</p>".encode(), "text/html; charset=utf-32", "<p>café</p>", id="wrong-utf32-header"),
        pytest.param("<p>café</p>".encode("utf-16-le"), "text/html; charset=utf-16le", "<p>café</p>", id="right-utf16-header"),
        # issue 14, item 1: codecs that are not text encodings are ignored
        pytest.param("<p>café</p>".encode(), "text/html; charset=rot13", "<p>café</p>", id="rot13-header"),
        pytest.param("<p>café</p>".encode(), "text/html; charset=base64", "<p>café</p>", id="base64-header"),
        pytest.param(b"<meta charset=hex><p>caf\xc3\xa9</p>", "text/html", "<meta charset=hex><p>café</p>", id="hex-meta"),
    ],
)
def test_decode_body(body: bytes, content_type: str, expected_text: str) -> None:
    assert decode_body(body, content_type)[0] == expected_text


# -- what servers really send (issue 14, item 9) ----------------------------------------------------


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


HALF_ONE = "<!doctype html><html><head><title>t</title></head><body><p>first member</p>"
HALF_TWO = "<p>second member</p></body></html>"


@pytest.mark.parametrize(
    ("coding", "body"),
    [
        pytest.param("gzip", gzip.compress(HALF_ONE.encode()) + gzip.compress(HALF_TWO.encode()), id="gzip-two-members"),
        pytest.param("gzip", gzip.compress((HALF_ONE + HALF_TWO).encode()) + b"\x00" * 8, id="gzip-zero-padding"),
        pytest.param("deflate", zlib.compress((HALF_ONE + HALF_TWO).encode()), id="deflate-zlib-wrapped"),
        pytest.param("deflate", _raw_deflate((HALF_ONE + HALF_TWO).encode()), id="deflate-raw"),
    ],
)
def test_compressed_bodies_are_decoded_whole(coding: str, body: bytes) -> None:
    """Before: a two-member gzip body was cut after the first member, a raw deflate body refused."""
    reply = Reply(body, content_type="text/html; charset=utf-8", headers={"Content-Encoding": coding})
    with site({"/z": reply}) as s:
        page = fetch(s.url("/z"))
    assert page.text == HALF_ONE + HALF_TWO


def test_a_gzip_bomb_in_the_second_member_is_cut_at_the_cap() -> None:
    body = gzip.compress(b"<p>ok</p>") + gzip.compress(b"\x00" * (4 * 1024 * 1024))
    reply = Reply(body, content_type="text/html", headers={"Content-Encoding": "gzip"})
    with site({"/z": reply}) as s:
        with pytest.raises(TooLargeError):
            fetch(s.url("/z"), settings=FetchSettings(delay=0.0, deadline=2.0, max_attempts=1, max_bytes=1024 * 1024))


def test_a_retry_after_a_deadline_names_the_url(caplog: pytest.LogCaptureFixture, no_backoff) -> None:
    """Before: "retry 1 of ? after deadline exceeded"."""
    settings = FetchSettings(delay=0.0, deadline=0.3, max_attempts=2)
    with site({"/slow": [Reply(PAGE, delay=1.0), Reply(PAGE)]}) as s:
        with caplog.at_level("WARNING", logger="scraper.fetch"):
            fetch(s.url("/slow"), settings=settings)
    retries = [record.getMessage() for record in caplog.records if record.getMessage().startswith("retry")]
    assert retries == [f"retry 1 of {s.url('/slow')} after deadline exceeded"]


@pytest.mark.parametrize(
    ("targets", "url", "allowed"),
    [
        pytest.param(["http://x.org/news"], "https://x.org/a", True, id="http-target-https-hop"),
        pytest.param(["https://x.org/news"], "http://x.org/a", True, id="https-target-http-hop"),
        pytest.param(["http://x.org/news"], "http://x.org:8080/a", False, id="default-port-target-other-port"),
        pytest.param(["http://x.org:8080/news"], "http://x.org:8080/a", True, id="same-port"),
        pytest.param(["http://x.org:8080/news"], "http://x.org:8081/a", False, id="other-port"),
        pytest.param(["http://x.org:8080/news"], "http://x.org/a", False, id="non-default-target-default-port"),
        pytest.param(["http://x.org/news"], "http://y.org/a", False, id="other-host"),
    ],
)
def test_the_crawl_scope_is_per_origin(targets: list[str], url: str, allowed: bool) -> None:
    scope = Scope.for_targets(targets)
    if allowed:
        scope.check(url)
    else:
        with pytest.raises(BlockedError, match="outside the crawl"):
            scope.check(url)


def test_a_redirect_to_another_port_of_the_same_host_is_refused() -> None:
    """Before: the scope was per host, so another service of the same host was reached."""
    with site({"/secret": Reply(PAGE)}) as other:
        with site({"/a": redirect(other.url("/secret"))}) as s:
            with pytest.raises(BlockedError, match="outside the crawl"):
                fetch(s.url("/a"), scope=Scope.for_targets([s.url("/")]))
    assert other.log == []


# -- DNS rebinding (issue 14, item 8) ---------------------------------------------------------------


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name that answers a "public" address to the check and 127.0.0.2 to the connect.

    Nothing leaves loopback: the resolver is patched in this process (the name never reaches a
    real DNS server), the "public" answer is 127.0.0.1, treated as public for this test only, and
    the second answer is 127.0.0.2, the address the old code connected to."""
    import socket

    from scraper import urls

    real_getaddrinfo = socket.getaddrinfo
    answers = ["127.0.0.1", "127.0.0.2"]  # the first to the check, the second (and later) to anyone after
    asked: list[str] = []

    def rebinding_getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name == "rebind.test":
            asked.append(name)
            return real_getaddrinfo(answers[min(len(asked), len(answers)) - 1], port, *args, **kwargs)
        return real_getaddrinfo(host, port, *args, **kwargs)

    def loopback_one_is_public(address: str) -> bool:
        return False if address.strip("[]") == "127.0.0.1" else urls.is_restricted_address(address)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    monkeypatch.setattr("scraper.fetch.is_restricted_address", loopback_one_is_public)
    with site({"/a": Reply(PAGE)}) as checked:
        port = int(checked.origin.rsplit(":", 1)[1])
        with LoopbackSite({"/robots.txt": ROBOTS_ALLOW_ALL, "/a": Reply("<p>internal</p>")}, host="127.0.0.2", port=port) as internal:
            page = fetch(f"http://rebind.test:{port}/a", scope=Scope.for_targets([f"http://rebind.test:{port}/"]))
    assert page.text == PAGE
    assert internal.connections == 0 and internal.log == []  # the second answer was never connected to
    assert checked.paths() == ["/robots.txt", "/a"]
    assert all(request.headers["host"] == f"rebind.test:{port}" for request in checked.log)  # the name kept
    assert asked == ["rebind.test"]  # resolved once, for the check


def test_a_name_that_was_never_checked_is_not_connected_to() -> None:
    from scraper.fetch import _PinnedBackend

    backend = _PinnedBackend({"checked.test": ["127.0.0.1", "::1"]}, frozenset({"localhost"}))
    assert backend._addresses_for("Checked.test.") == ["127.0.0.1", "::1"]
    assert backend._addresses_for("127.0.0.2") == ["127.0.0.2"]  # an IP literal: checked as it is
    assert backend._addresses_for("localhost") == ["localhost"]  # a private host the user targeted
    import httpcore

    with pytest.raises(httpcore.ConnectError):
        backend._addresses_for("unchecked.test")


def test_a_checked_name_falls_back_to_its_next_checked_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first checked address refuses (nothing listens on 127.0.0.2 at that port): the next one serves."""
    with site({"/a": Reply(PAGE)}) as s:
        port = int(s.origin.rsplit(":", 1)[1])

        async def resolve(host: str) -> list[str]:
            return ["127.0.0.2", "127.0.0.1"] if host == "two.test" else []

        monkeypatch.setattr("scraper.fetch.is_restricted_address", lambda address: False)
        page = fetch(f"http://two.test:{port}/a", scope=Scope.for_targets([f"http://two.test:{port}/"]), resolve=resolve)
    assert page.text == PAGE


def test_two_gzip_members_split_anywhere_by_the_network_are_decoded_whole() -> None:
    """Found rereading the change: a chunk ending between the two bytes of the next member's marker
    (1f | 8b) dropped the rest of the body. Every split point of the body into two chunks."""
    from scraper.fetch import _BoundedDecoder

    first = gzip.compress(HALF_ONE.encode())
    body = first + gzip.compress(HALF_TWO.encode())
    for split in range(1, len(body)):
        decoder = _BoundedDecoder("gzip", 10_000, "http://127.0.0.1/z")
        decoder.feed(body[:split])
        decoder.feed(body[split:])
        decoder.finish()
        assert bytes(decoder.output).decode() == HALF_ONE + HALF_TWO, f"split at {split} (first member {len(first)} bytes)"
