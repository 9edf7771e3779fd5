"""The exceptions pressroom raises. Library code raises; only the crawl loop and the CLI catch.

    ScraperError
    ├── ExtractionError      the HTML is not a release page (no title, no text), or not HTML at all
    ├── ParseTimeoutError    parsing one page took longer than its deadline (an error, not a verdict)
    ├── FetchError           a URL could not be fetched
    │   ├── BlockedError     refused before sending: robots.txt, scheme, address or host not allowed
    │   ├── TooLargeError    the body passed the size cap
    │   ├── ContentTypeError neither HTML nor XML
    │   └── HTTPStatusError  the server answered with an error status (after retries)
    ├── StateError           the state database is unusable (not ours, newer version, locked)
    └── OutputError          the output file cannot be written
"""

from __future__ import annotations


class ScraperError(Exception):
    """Base of every error pressroom raises on purpose."""


class ExtractionError(ScraperError):
    """The input is not a release page that can be turned into a record."""


class ParseTimeoutError(ScraperError):
    """Parsing one page took longer than the parse deadline; the page was abandoned.

    Not an ExtractionError: that says the page is no release (and the crawl backs it off as dead),
    while a timeout says nothing about the page (a busy machine), so it is counted as an error of
    its URL and asked again on the next run."""


class FetchError(ScraperError):
    """A URL could not be fetched. `kind` names the failure for counting ("network", "timeout",
    "redirect", "bad body"; each subclass has its own), set by the fetcher where it raises."""

    kind = "network"

    def __init__(self, message: str, url: str | None = None, *, kind: str | None = None) -> None:
        super().__init__(message)
        self.url = url
        if kind is not None:
            self.kind = kind


class BlockedError(FetchError):
    """Refused before any request: robots.txt, a scheme, an address or a host that is not allowed."""

    kind = "blocked"


class TooLargeError(FetchError):
    """The response body passed the size cap."""

    kind = "too large"


class ContentTypeError(FetchError):
    """The response is neither HTML nor XML."""

    kind = "not html"


class HTTPStatusError(FetchError):
    """The server answered with an error status, after retries where the status allows them."""

    def __init__(self, message: str, url: str | None = None, status: int = 0) -> None:
        super().__init__(message, url, kind=f"http {status}")
        self.status = status


class StateError(ScraperError):
    """The state database cannot be used: not a pressroom database, a newer version, or locked."""


class OutputError(ScraperError):
    """The output file cannot be written or repaired."""
