"""Site profiles: one module per organization, and the registry that picks one for a URL.

To add a site: write `scraper/sites/<org>.py` with a `ReleasePage` subclass (data first: hosts,
listing selectors; override only the fields the generic page gets wrong) and add it to PROFILES.
"""

from __future__ import annotations

from scraper.page import ReleasePage
from scraper.sites.europarl import EuroparlPage
from scraper.sites.osce import OscePage
from scraper.urls import host_of

PROFILES: dict[str, type[ReleasePage]] = {
    profile.site: profile
    for profile in (
        ReleasePage,
        OscePage,
        EuroparlPage,
    )
}


def profile_for(url: str | None = None, site: str | None = None) -> type[ReleasePage]:
    """The profile named `site`, else the one whose hosts include the URL's host, else the generic page."""
    if site is not None:
        if site not in PROFILES:
            raise ValueError(f"unknown site {site!r}; known sites: {', '.join(sorted(PROFILES))}")
        return PROFILES[site]
    host = host_of(url) if url else ""
    for profile in PROFILES.values():
        if host in profile.hosts:
            return profile
    return ReleasePage
