"""Canonical URLs and address rules: pure functions, no I/O.

`normalize_url` maps the many spellings of one URL to one string, so a release reached by two
links (`HTTP://Host:80/a/./b?utm_source=x#top` and `http://host/a/b`) is fetched and written once.
It never changes what a server would answer: only equivalences that RFC 3986 guarantees, plus
dropping the fragment (never sent) and well-known click-tracking parameters (never meaningful).
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

WEB_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only track the click; every other parameter may select content.
TRACKING_PARAM = re.compile(r"^(?:utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_hsenc|_hsmi)$", re.I)

# Characters left as they are in a path; everything else is percent-encoded (once).
PATH_SAFE = "/:@!$&'()*+,;=-._~"
QUERY_SAFE = "/:@!$'()*+,;-._~?"

# The longest URL a crawl follows: servers refuse far shorter ones (8 KiB is a common limit) and
# httpx refuses any over 64 KiB; a longer link is dropped where it is read, a longer Location refused.
MAX_URL_LENGTH = 8192

# Host names that always mean "this machine", whatever a resolver says.
LOCAL_HOSTNAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def normalize_url(url: str, base: str | None = None) -> str:
    """The canonical spelling of `url` (resolved against `base` when relative).

    Lower-case scheme and host, IDNA host, default port dropped, dot segments removed, empty path
    as "/", percent-encoding made uniform, tracking parameters dropped, remaining query parameters
    sorted, fragment dropped, credentials (user:password@) dropped: they are never sent (the
    fetcher would strip them) and must never be recorded in a record's `url`. Raises ValueError
    for a URL that cannot be split (bad port, bad IPv6).
    """
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    return urlunsplit((scheme, _netloc(parts, scheme), _path(parts.path), _query(parts.query), ""))


def _netloc(parts, scheme: str) -> str:
    host = _host(parts.hostname or "")
    port = parts.port  # ValueError on a port out of range, on purpose
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    return netloc  # without user:password@


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _path(path: str) -> str:
    if not path:
        return "/"
    resolved = posixpath.normpath(path)
    if resolved.startswith("//"):  # normpath keeps a leading "//"; a path never means a host
        resolved = "/" + resolved.lstrip("/")
    if path.endswith("/") and resolved != "/":
        resolved += "/"  # "/news/" and "/news" can be different pages; keep the slash as given
    return quote(unquote(resolved), safe=PATH_SAFE)


def _query(query: str) -> str:
    if not query:
        return ""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not TRACKING_PARAM.match(k)]
    return urlencode(sorted(pairs), quote_via=quote, safe=QUERY_SAFE)


def host_of(url: str) -> str:
    """The lower-case host name of `url` ("" when there is none)."""
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def origin_of(url: str) -> str:
    """scheme://host[:port] of `url`: the unit robots.txt, politeness and credentials apply to."""
    parts = urlsplit(normalize_url(url))
    netloc = parts.netloc.rpartition("@")[2]
    return f"{parts.scheme}://{netloc}"


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    parts = urlsplit(url)
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def strip_credentials(url: str) -> str:
    """`url` without user:password@ (credentials never travel to another host)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, parts.query, parts.fragment))


def redact_password(url: str) -> str:
    """`url` with its password shown as *** (user, host and the rest kept), for messages: a database
    URL says which server was meant and never shows its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def is_under(url: str, prefix_url: str) -> bool:
    """True when `url` is on the same origin as `prefix_url` and its path lies under prefix's directory.

    The prefix of https://x.org/news is /news (so /news/2024/a and /news?page=2 are under it);
    the prefix of https://x.org/news/list.html is /news/.
    """
    if origin_of(url) != origin_of(prefix_url):
        return False
    directory = _directory(urlsplit(normalize_url(prefix_url)).path)
    path = urlsplit(normalize_url(url)).path
    return path.startswith(directory) or path == directory.rstrip("/")


def _directory(path: str) -> str:
    """The directory a start path stands for: /news -> /news/, /news/list.html -> /news/."""
    if path.endswith("/"):
        return path
    head, _, last = path.rpartition("/")
    return head + "/" if "." in last else path + "/"


def is_restricted_address(address: str) -> bool:
    """True for a host or IP literal that is not on the public internet.

    Loopback, private, link-local, unspecified, multicast and reserved addresses (and "localhost")
    are refused unless the user's own target is one: a crawl must not be steered into an
    intranet or a cloud metadata service by a redirect or a link.
    """
    host = address.strip("[]").lower().rstrip(".")
    if host in LOCAL_HOSTNAMES or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False  # a name: the caller resolves it and asks again for each address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast
