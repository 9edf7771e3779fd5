"""Canonical URLs and address rules (scraper/urls.py): pure, table-driven."""

from __future__ import annotations

import pytest

from scraper.urls import host_of, is_restricted_address, is_under, is_web_url, normalize_url, origin_of, redact_password, strip_credentials


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("HTTP://WWW.Example.ORG/News", "http://www.example.org/News", id="scheme-and-host-lowered-path-kept"),
        pytest.param("http://example.org:80/a", "http://example.org/a", id="default-http-port"),
        pytest.param("https://example.org:443/a", "https://example.org/a", id="default-https-port"),
        pytest.param("http://example.org:8080/a", "http://example.org:8080/a", id="other-port-kept"),
        pytest.param("http://example.org", "http://example.org/", id="empty-path"),
        pytest.param("http://example.org/a/./b/../c", "http://example.org/a/c", id="dot-segments"),
        pytest.param("http://example.org/news/", "http://example.org/news/", id="trailing-slash-kept"),
        pytest.param("http://example.org/a#section", "http://example.org/a", id="fragment-dropped"),
        pytest.param("http://example.org/a?b=2&a=1", "http://example.org/a?a=1&b=2", id="query-sorted"),
        pytest.param("http://example.org/a?utm_source=x&id=3&fbclid=y", "http://example.org/a?id=3", id="tracking-dropped"),
        pytest.param("http://example.org/a?utm_medium=x", "http://example.org/a", id="only-tracking"),
        pytest.param("http://example.org/caf%c3%a9", "http://example.org/caf%C3%A9", id="percent-case"),
        pytest.param("http://example.org/caf\u00e9", "http://example.org/caf%C3%A9", id="raw-unicode-encoded"),
        pytest.param("http://example.org/%7Euser", "http://example.org/~user", id="unreserved-decoded"),
        pytest.param("http://example.org//a", "http://example.org/a", id="leading-double-slash"),
        pytest.param("http://b\u00fccher.example/", "http://xn--bcher-kva.example/", id="idna-host"),
        pytest.param("http://example.org./a", "http://example.org/a", id="trailing-dot-host"),
        pytest.param("  http://example.org/a  ", "http://example.org/a", id="whitespace"),
        pytest.param("http://example.org/?q=a+b", "http://example.org/?q=a%20b", id="plus-in-query-is-space"),
        pytest.param("https://user:secret@example.org/a", "https://example.org/a", id="credentials-dropped"),
        pytest.param("https://user@example.org:8443/a", "https://example.org:8443/a", id="user-dropped-port-kept"),
        pytest.param("http://a%40b:p%3Aw@example.org/", "http://example.org/", id="encoded-credentials-dropped"),
    ],
)
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_normalize_is_idempotent() -> None:
    for url in ("http://Example.org:80/a/../b?z=1&utm_x=2#f", "https://x.org/caf%c3%a9?q=a+b"):
        once = normalize_url(url)
        assert normalize_url(once) == once


@pytest.mark.parametrize(
    ("link", "base", "expected"),
    [
        pytest.param("/fom/1", "https://www.osce.org/press-releases?page=1", "https://www.osce.org/fom/1", id="absolute-path"),
        pytest.param("2", "https://x.org/news/1", "https://x.org/news/2", id="relative"),
        pytest.param("//other.org/a", "https://x.org/", "https://other.org/a", id="scheme-relative"),
        pytest.param("?page=2", "https://x.org/news", "https://x.org/news?page=2", id="query-only"),
    ],
)
def test_normalize_resolves_against_base(link: str, base: str, expected: str) -> None:
    assert normalize_url(link, base) == expected


def test_two_spellings_of_one_release_are_one_url() -> None:
    assert normalize_url("HTTPS://www.osce.org:443/fom/333066/?#x".replace("/?#", "?#")) == normalize_url(
        "https://www.osce.org/fom/333066?utm_campaign=feed"
    )


def test_other_schemes_are_left_alone() -> None:
    assert normalize_url("file:///etc/passwd") == "file:///etc/passwd"
    assert not is_web_url("file:///etc/passwd")
    assert not is_web_url("mailto:info@example.org")
    assert is_web_url("https://example.org/")


@pytest.mark.parametrize(
    ("url", "prefix", "expected"),
    [
        pytest.param("https://x.org/news/2024/a", "https://x.org/news", True, id="below"),
        pytest.param("https://x.org/news?page=2", "https://x.org/news", True, id="same-path-query"),
        pytest.param("https://x.org/newsletter", "https://x.org/news", False, id="prefix-of-a-word"),
        pytest.param("https://x.org/news/a", "https://x.org/news/list.html", True, id="file-prefix-directory"),
        pytest.param("https://x.org/about", "https://x.org/", True, id="root-covers-all"),
        pytest.param("https://y.org/news/a", "https://x.org/news", False, id="other-host"),
        pytest.param("http://x.org/news/a", "https://x.org/news", False, id="other-scheme"),
    ],
)
def test_is_under(url: str, prefix: str, expected: bool) -> None:
    assert is_under(url, prefix) is expected


@pytest.mark.parametrize(
    ("address", "restricted"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("localhost", True),
        ("api.localhost", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("0.0.0.0", True),
        ("::1", True),
        ("[::1]", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("::ffff:127.0.0.1", True),
        ("224.0.0.1", True),
        ("93.184.215.14", False),
        ("2606:4700::1111", False),
        ("www.osce.org", False),
    ],
)
def test_is_restricted_address(address: str, restricted: bool) -> None:
    assert is_restricted_address(address) is restricted


def test_host_origin_and_credentials() -> None:
    assert host_of("https://User:pw@WWW.Example.org:8443/a") == "www.example.org"
    assert origin_of("https://user:pw@www.example.org:443/a?b") == "https://www.example.org"
    assert origin_of("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080"
    assert strip_credentials("https://user:pw@example.org/a") == "https://example.org/a"
    assert strip_credentials("https://example.org/a") == "https://example.org/a"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://user:secret@db.example:5432/crawl?schema=x", "postgresql://user:***@db.example:5432/crawl?schema=x"),
        ("postgresql://:secret@db.example/crawl", "postgresql://:***@db.example/crawl"),
        ("postgresql://user:p%40ss:w@db.example/crawl", "postgresql://user:***@db.example/crawl"),
        ("postgresql://user@db.example/crawl", "postgresql://user@db.example/crawl"),
        ("postgresql://db.example/crawl", "postgresql://db.example/crawl"),
    ],
    ids=["password", "no-user", "odd-password", "no-password", "no-credentials"],
)
def test_redact_password_hides_the_password_and_keeps_the_rest(url: str, shown: str) -> None:
    assert redact_password(url) == shown
