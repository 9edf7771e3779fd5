"""Golden fixtures: a saved page beside the record a person expects from it (see fixtures/README.md).

Used by the golden tests and by `pressroom fixtures check | rerun | record`. Reading and writing
fixture files is this module's job (and, for `record`, one fetch through scraper.fetch); parsing
stays pure (`scraper.parse`).

    check(fixture) -> Verdict       the parser's record against the expected JSON, field by field
    Verdict.report() -> str         each differing field as a readable diff naming fixture and field
    rewrite(fixture, fields)        the expected JSON with some (or all) fields taken from the parser
    record(url, root, ...)          fetch a page once, save it byte-exact and a draft to review
"""

from __future__ import annotations

import asyncio
import difflib
import json
import re
from collections.abc import Awaitable, Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from schemas import PressRelease
from scraper.charset import decode_html
from scraper.errors import ScraperError
from scraper.fetch import Fetcher, FetchSettings, Page, Scope
from scraper.parse import parse
from scraper.sites import profile_for

# Derived or set by a crawl: never part of an expected record.
NOT_EXPECTED = frozenset({"content_hash", "schema_version", "version", "first_seen", "updated"})
REVIEW_MARK = "_review"


@dataclass(frozen=True)
class Fixture:
    """One saved page (`<slug>.html`) and its expected record (`<slug>.json`)."""

    json_path: Path

    @property
    def html_path(self) -> Path:
        return self.json_path.with_suffix(".html")

    @property
    def name(self) -> str:
        """`<site>/<slug>`, as test ids and messages name it."""
        return f"{self.json_path.parent.name}/{self.json_path.stem}"

    @cached_property
    def expected(self) -> dict[str, Any]:
        return json.loads(self.json_path.read_text(encoding="utf-8"))

    @property
    def is_draft(self) -> bool:
        return bool(self.expected.get(REVIEW_MARK))

    def parse(self) -> PressRelease:
        return parse_saved(self.html_path.read_bytes(), self.expected.get("url"), self.expected.get("site"))

    def actual(self) -> dict[str, Any]:
        """The parser's record in the expected JSON's shape."""
        return expected_shape(self.parse())


def parse_saved(html: bytes, url: str | None, site: str | None) -> PressRelease:
    """Parse saved bytes exactly as the golden tests do (so a draft and its check agree)."""
    return parse(decode_html(html), url, site)


def expected_shape(record: PressRelease) -> dict[str, Any]:
    return {key: value for key, value in record.model_dump(mode="json").items() if key not in NOT_EXPECTED}


def dump_expected(data: dict[str, Any]) -> str:
    """Stable, diffable JSON: UTF-8, sorted keys, indent 2, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def discover(paths: Iterable[Path]) -> list[Fixture]:
    """Fixtures under the given files or folders (a folder is searched recursively)."""
    found: list[Fixture] = []
    for path in paths:
        if path.is_dir():
            found.extend(Fixture(p) for p in sorted(path.rglob("*.json")) if p.with_suffix(".html").exists())
        elif path.suffix in (".json", ".html"):
            found.append(Fixture(path.with_suffix(".json")))
    return found


def expected_fields() -> list[str]:
    """The fields an expected JSON holds: every record field but the derived and crawl ones."""
    return sorted(name for name in PressRelease.model_fields if name not in NOT_EXPECTED)



# -- checking: the parser's record against the expected JSON --------------------------------------

# A string longer than this (or on several lines) is shown as a diff, not printed whole.
LONG_TEXT = 80
WORD_CONTEXT = 6  # unchanged words shown either side of a change in a word diff
LINE_CONTEXT = 1  # unchanged lines shown around a change in a line diff
WORDS = re.compile(r"\S+")
HUNK_GAP = "…"


class Missing:
    """Stands for a field one side does not have (distinct from null)."""

    def __repr__(self) -> str:
        return "(absent)"


MISSING: Any = Missing()


@dataclass(frozen=True)
class FieldDiff:
    """One field whose expected and actual values differ."""

    field: str
    expected: Any
    actual: Any

    def render(self) -> str:
        """Short values side by side; long text as a line or word diff; lists and objects as a line diff."""
        expected, actual = self.expected, self.actual
        if isinstance(expected, str) and isinstance(actual, str) and _is_long(expected, actual):
            if "\n" in expected or "\n" in actual:
                return line_diff(expected.split("\n"), actual.split("\n"))
            return word_diff(expected, actual)
        if isinstance(expected, (list, dict)) and isinstance(actual, (list, dict)):
            return line_diff(_json_lines(expected), _json_lines(actual))
        return f"expected: {_show(expected)}\nactual:   {_show(actual)}"


def _is_long(*texts: str) -> bool:
    return any(len(text) > LONG_TEXT or "\n" in text for text in texts)


def _show(value: Any) -> str:
    return repr(value) if value is MISSING else json.dumps(value, ensure_ascii=False)


def _json_lines(value: Any) -> list[str]:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).split("\n")


def line_diff(expected: list[str], actual: list[str]) -> str:
    """A unified diff, expected to actual."""
    return "\n".join(difflib.unified_diff(expected, actual, "expected", "actual", n=LINE_CONTEXT, lineterm=""))


def word_diff(expected: str, actual: str) -> str:
    """Changed words inline, `[-removed-]{+added+}` as `git diff --word-diff=plain` writes them.

    One line per hunk, with a few unchanged words of context either side.
    """
    old, new = WORDS.findall(expected), WORDS.findall(actual)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return "\n".join(_word_hunk(old, new, hunk) for hunk in matcher.get_grouped_opcodes(WORD_CONTEXT))


def _word_hunk(old: list[str], new: list[str], hunk: list[tuple[str, int, int, int, int]]) -> str:
    words: list[str] = [HUNK_GAP] if hunk[0][1] > 0 else []
    for tag, i1, i2, j1, j2 in hunk:
        if tag == "equal":
            words.extend(old[i1:i2])
            continue
        removed = "[-" + " ".join(old[i1:i2]) + "-]" if i2 > i1 else ""
        added = "{+" + " ".join(new[j1:j2]) + "+}" if j2 > j1 else ""
        words.append(removed + added)
    if hunk[-1][2] < len(old):
        words.append(HUNK_GAP)
    return " ".join(words)


def compare(expected: dict[str, Any], actual: dict[str, Any], fields: Collection[str] | None = None) -> list[FieldDiff]:
    """The fields that differ, in name order. Without `fields`: every field either side names."""
    names = fields if fields is not None else (set(expected) | set(actual)) - {REVIEW_MARK}
    return [
        FieldDiff(name, expected.get(name, MISSING), actual.get(name, MISSING))
        for name in sorted(names)
        if expected.get(name, MISSING) != actual.get(name, MISSING)
    ]


@dataclass
class Verdict:
    """What checking one fixture found."""

    fixture: Fixture
    diffs: list[FieldDiff] = field(default_factory=list)
    error: str | None = None  # the page could not be read or parsed, or the JSON is broken
    draft: bool = False
    actual: dict[str, Any] | None = None

    @property
    def passed(self) -> bool:
        """As the golden tests judge: reviewed, parsed, and every field equal."""
        return not (self.diffs or self.error or self.draft)

    def report(self) -> str:
        """Readable lines naming the fixture and each differing field; "" when it passed."""
        name = self.fixture.name
        lines: list[str] = []
        if self.error:
            lines.append(f"{name}: error: {self.error}")
        if self.draft:
            lines.append(f"{name}: draft: check every field, then remove {REVIEW_MARK!r} from {self.fixture.json_path}")
        for diff in self.diffs:
            lines.append(f"{name}::{diff.field} differs")
            lines.extend("    " + line for line in diff.render().split("\n"))
        return "\n".join(lines)


def check(fixture: Fixture, fields: Collection[str] | None = None) -> Verdict:
    """Parse the fixture's page and compare it with its expected JSON (only `fields`, if given)."""
    try:
        expected = fixture.expected
        actual = fixture.actual()
    except FileNotFoundError as error:
        return Verdict(fixture, error=f"missing {Path(error.filename).name if error.filename else 'file'}")
    except json.JSONDecodeError as error:
        return Verdict(fixture, error=f"{fixture.json_path.name} is not valid JSON ({error})")
    except (OSError, ScraperError) as error:
        return Verdict(fixture, error=str(error) or type(error).__name__, draft=_is_draft(fixture))
    return Verdict(fixture, diffs=compare(expected, actual, fields), draft=fixture.is_draft, actual=actual)


def _is_draft(fixture: Fixture) -> bool:
    try:
        return fixture.is_draft
    except (OSError, ValueError):
        return False


def rewrite(fixture: Fixture, actual: dict[str, Any], fields: Collection[str] | None = None) -> dict[str, Any]:
    """The expected JSON with `fields` (default: all) taken from `actual`; a draft stays a draft."""
    if fields is None:
        updated = dict(actual)
        if fixture.expected.get(REVIEW_MARK):
            updated[REVIEW_MARK] = fixture.expected[REVIEW_MARK]
        return updated
    updated = dict(fixture.expected)
    updated.update({name: actual[name] for name in fields if name in actual})
    return updated


def write_expected(path: Path, data: dict[str, Any]) -> None:
    path.write_text(dump_expected(data), encoding="utf-8")


# -- recording: fetch a page once, save it and a draft ----------------------------------------------

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 80
# Politeness waits of the one fetch `record` makes; tests replace it so that nothing sleeps.
FETCH_SLEEP: Callable[[float], Awaitable[None]] = asyncio.sleep


class FixtureExists(ScraperError):
    """`record` would overwrite a fixture (use --force)."""


@dataclass(frozen=True)
class Recorded:
    """What `record` wrote."""

    fixture: Fixture
    size: int  # bytes of the saved page
    final_url: str
    parse_error: str | None  # the parser could not make a record: the draft holds url and site only


# A page's file extension says nothing about the release: "geneva-talks.html" is "geneva-talks".
PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jspx?|cfm)$", re.I)
NUMERIC_QUERY_VALUE = re.compile(r"(?:^|&)[^=&]+=(\d+)(?=&|$)")  # "?id=42&lang=en": 42 names the page
FRONT_PAGE = "front-page"
IP_ADDRESS = re.compile(r"^[\d.]+$|:")  # IPv4 or IPv6: no name worth keeping


def slug_from_url(url: str) -> str:
    """A fixture name from a URL: its last path segment without a page extension (with the segment
    before when that one is a bare number, and a numeric query value such as ?id=42); a site's
    front page is `<host>-front-page` ("front-page" for an IP address)."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if segments:
        segments[-1] = PAGE_EXTENSION.sub("", segments[-1]) or segments[-1]
    chosen = segments[-2:] if len(segments) >= 2 and segments[-1].isdigit() else segments[-1:]
    chosen += NUMERIC_QUERY_VALUE.findall(parts.query)[:1]
    slug = _slug("-".join(chosen))
    return slug or _front_page_slug(parts.hostname or "")


def _slug(text: str) -> str:
    return NOT_SLUG.sub("-", text.lower()).strip("-")[:MAX_SLUG].strip("-")


def _front_page_slug(host: str) -> str:
    if not host or IP_ADDRESS.search(host):
        return FRONT_PAGE
    labels = host.lower().removeprefix("www.").split(".")
    name = _slug("-".join(labels[:-1] if len(labels) > 1 else labels))
    return f"{name}-{FRONT_PAGE}" if name else FRONT_PAGE


def fetch_page(url: str, hosts: tuple[str, ...] = ()) -> Page:
    """One page through the crawler's fetcher: robots.txt, scope, address checks, retries, size cap."""

    async def run() -> Page:
        scope = Scope.for_targets([url], hosts)
        async with Fetcher(FetchSettings(), scope=scope, sleep=FETCH_SLEEP) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(run())


def record(
    url: str,
    root: Path,
    *,
    site: str | None = None,
    name: str | None = None,
    force: bool = False,
    fetch: Callable[[str, tuple[str, ...]], Page] = fetch_page,
) -> Recorded:
    """Fetch `url` once, save `<root>/<site>/<slug>.html` byte-exact and a draft `<slug>.json`.

    Raises ValueError for an unknown site or a bad name, FixtureExists rather than overwrite
    (unless `force`), FetchError when the page cannot be fetched.
    """
    profile = profile_for(url, site)
    slug = name or slug_from_url(url)
    if not SLUG.match(slug):
        raise ValueError(f"bad fixture name {slug!r}: lower-case letters, digits, '.', '-', '_'")
    fixture = Fixture(root / profile.site / f"{slug}.json")
    existing = [path for path in (fixture.html_path, fixture.json_path) if path.exists()]
    if existing and not force:
        raise FixtureExists(f"{existing[0]} exists: pass --force to record over it")
    page = fetch(url, profile.hosts)
    draft, parse_error = _draft(page, profile.site)
    fixture.json_path.parent.mkdir(parents=True, exist_ok=True)
    fixture.html_path.write_bytes(page.body)
    write_expected(fixture.json_path, draft)
    return Recorded(Fixture(fixture.json_path), len(page.body), page.final_url, parse_error)


def _draft(page: Page, site: str) -> tuple[dict[str, Any], str | None]:
    try:
        record_ = parse_saved(page.body, page.final_url, site)
    except ScraperError as error:
        return {REVIEW_MARK: True, "url": page.final_url, "site": site}, str(error)
    return {REVIEW_MARK: True, **expected_shape(record_)}, None
