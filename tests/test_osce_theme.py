"""The OSCE profile when the site's theme changes: class names go, labels and structure stay.

Each variant rewrites the markup of real pages (from ../shared) and of our own fixtures the way a
theme change would, and the record must not change: metadata is matched on labels, the kind on
the words beside the headline, the body falls back from the named container.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, shared_files
from scraper import parse
from scraper.kinds import normalize_kind

VARIANTS: dict[str, list[tuple[str, str]]] = {
    "body-class-renamed": [("field--name-body", "node-text")],
    "info-classes-renamed": [("info-label", "meta-key"), ("info-value", "meta-val"), ("info-list", "facts")],
    "kind-and-title-classes-renamed": [("field--name-field-news-type", "node-type-label"), ("page-title", "headline")],
}
FIELDS = ("kind", "kind_raw", "title", "date", "place", "sources", "fields_of_work")
SHARED_PAGES = shared_files("osce/pages/*.html")
OWN_PAGES = sorted(p for p in (FIXTURES / "osce").glob("*.html") if "info-label" in p.read_text(encoding="utf-8"))


def expected_of(page: Path) -> dict:
    own = page.with_suffix(".json")
    if own.exists():
        return json.loads(own.read_text(encoding="utf-8"))
    shared = json.loads((page.parents[1] / "expected" / f"{page.stem}.json").read_text(encoding="utf-8"))
    # The shared files keep the page's kind label: that is `kind_raw`; `kind` is its vocabulary term.
    return {**shared, "kind": normalize_kind(shared["kind"]), "kind_raw": shared["kind"]}


def rewritten(page: Path, variant: str) -> str:
    html = page.read_text(encoding="utf-8")
    for old, new in VARIANTS[variant]:
        html = html.replace(old, new)
    return html


CASES = [
    pytest.param(variant, page, id=f"{variant}::{page.parent.name}/{page.stem}")
    for variant in VARIANTS
    for page in OWN_PAGES + SHARED_PAGES
]


@pytest.mark.parametrize(("variant", "page"), CASES)
def test_theme_change_keeps_the_record(variant: str, page: Path) -> None:
    expected = expected_of(page)
    record = parse(rewritten(page, variant), expected["url"], "osce")
    assert {field: getattr(record, field) for field in FIELDS} == {field: expected[field] for field in FIELDS}
    paragraphs = record.body.split("\n\n")
    if "body" in expected:
        assert record.body == expected["body"]
    else:
        assert (paragraphs[0][:60], paragraphs[-1][-60:]) == (expected["body_first"], expected["body_last"])


def test_metadata_as_a_definition_list() -> None:
    page = OWN_PAGES[0]
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<li class="info-label">(.*?)</li>', r"<dt>\1</dt>", html)
    html = re.sub(r'<li class="info-value">(.*?)</li>', r"<dd>\1</dd>", html, flags=re.S)
    html = html.replace('<ul class="info-list">', "<dl>")
    expected = expected_of(page)
    record = parse(html, expected["url"], "osce")
    assert (record.date, record.place, record.sources) == (expected["date"], expected["place"], expected["sources"])
