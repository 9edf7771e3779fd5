"""The argument types and checks the commands share: a date, an http(s) URL, a local file that
is not a URL, a number with a lower bound, a User-Agent, and the URL scheme an option takes.

An argparse type raises ArgumentTypeError (argparse names the option in the message); a check
made after parsing raises UsageError. Both end as one line with exit code 2.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from scraper.cli.base import UsageError

# "redis://", "C:/x" excluded: a scheme is letters, digits, + - . before "://".
URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
WEB_SCHEMES = ("http", "https")
POSTGRESQL_SCHEMES = ("postgresql", "postgres")


def iso_date(text: str):  # -> datetime.date
    """An argparse type: a YYYY-MM-DD date."""
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def web_url(text: str) -> str:
    """An argparse type: an absolute http(s) URL."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL")
    return text


def url_scheme(text: str) -> str | None:
    """"redis" for "redis://host/0"; None for a path (even "C:\\x" or "a:b")."""
    match = URL_SCHEME.match(text)
    return match.group(1).lower() if match else None


def check_scheme(text: str, option: str, takes: str, supported: tuple[str, ...] = ()) -> None:
    """A UsageError when `text` is a URL of a scheme `option` does not take: a file option given
    "redis://host/0" would otherwise make a file named "redis:/host/0" (or say "no such file")."""
    scheme = url_scheme(text)
    if scheme is not None and scheme not in supported:
        raise UsageError(f"{text}: {option} takes {takes}, not {scheme}://")


def file_argument(option: str, takes: str = "a file") -> Callable[[str], Path]:
    """An argparse type: a local path, refusing a URL (`-o s3://bucket/x` is no file this writes)."""

    def path(text: str) -> Path:
        scheme = url_scheme(text)
        if scheme is not None:
            raise argparse.ArgumentTypeError(f"{text!r}: {option} takes {takes}, not {scheme}://")
        return Path(text)

    return path


def at_least(minimum: float, kind: type) -> Callable[[str], float]:
    """An argparse type: a finite number (`kind`, int or float) of `minimum` or more."""

    def number(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not math.isfinite(value):  # nan passes every comparison; inf would wait forever
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text} is below {minimum}")
        return value

    return number


def user_agent(text: str) -> str:
    """An argparse type: a User-Agent header value."""
    # A header value: httpx sends ASCII only, and a control character (a newline) breaks the request.
    if not text.strip():
        raise argparse.ArgumentTypeError("the User-Agent must not be empty")
    if not (text.isascii() and text.isprintable()):
        raise argparse.ArgumentTypeError(f"{text!r}: a User-Agent is printable ASCII, without control characters")
    return text.strip()
