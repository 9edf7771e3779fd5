"""pressroom: press releases of international organizations as validated records.

    from scraper import parse
    record = parse(html, "https://www.osce.org/cthb/50703")   # a schemas.PressRelease

Errors are drawn in `scraper.errors`; site profiles live in `scraper.sites`.
"""

from schemas import PressRelease, Quote, Speaker
from scraper.errors import (
    BlockedError,
    ContentTypeError,
    ExtractionError,
    FetchError,
    HTTPStatusError,
    OutputError,
    ScraperError,
    StateError,
    TooLargeError,
)
from scraper.parse import parse
from scraper.sites import PROFILES, profile_for

__version__ = "0.1.0"

__all__ = [
    "PROFILES",
    "BlockedError",
    "ContentTypeError",
    "ExtractionError",
    "FetchError",
    "HTTPStatusError",
    "OutputError",
    "PressRelease",
    "Quote",
    "ScraperError",
    "Speaker",
    "StateError",
    "TooLargeError",
    "parse",
    "profile_for",
]
