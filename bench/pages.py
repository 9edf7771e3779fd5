"""Page sets the benchmarks read: folders of saved pages, and benchmark layouts with known answers.

Layouts (see bench/README.md):
- a folder of pages: every *.html, *.htm, *.html.gz under it (no answers; speed only);
- `expected`: this repository's tests/expected/pages/*.json read against ../shared/pages;
- `aeb`: the public article-extraction-benchmark layout, ground-truth.json (id -> {articleBody,
  url, ...}) beside html/<id>.html or html/<id>.html.gz;
- `simple`: a folder of <name>.html beside <name>.json holding {"body": ..., "date": ...} (our
  fixtures/<site>/ folders have this shape, so they are a set too);
- `corpus`: bench/build_corpus.py's cache (dev or holdout): <name>.json holding any of "body",
  "with"/"without" and "date";
- `snippets`: a folder of <name>.html beside <name>.json holding {"date": ..., "with": [...],
  "without": [...]}: phrases the body must hold and phrases it must not (the shape of
  trafilatura's evaluation data), for pages whose full reference text nobody wrote down.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scraper.charset import decode_html

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


@dataclass
class Page:
    """One page and what is known about it (nothing, for a speed-only folder)."""

    name: str
    html: str
    url: str
    body: str | None = None  # the full reference text
    date: str | None = None  # ISO YYYY-MM-DD
    checks: dict = field(default_factory=dict)  # our expectation format: start/end words, furniture
    include: list[str] = field(default_factory=list)  # phrases the body must hold
    exclude: list[str] = field(default_factory=list)  # phrases the body must not hold


def read_html(path: Path) -> str:
    data = path.read_bytes()
    return decode_html(gzip.decompress(data) if path.name.endswith(".gz") else data)


def page_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(PAGE_SUFFIXES))


def folder_pages(folder: Path) -> Iterator[Page]:
    folder = folder.resolve()
    for path in page_files(folder):
        yield Page(name=str(path.relative_to(folder)), html=read_html(path), url=path.as_uri())


def aeb_pages(folder: Path) -> Iterator[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(truth.items()):
        for suffix in (".html.gz", ".html"):
            path = folder / "html" / f"{key}{suffix}"
            if path.exists():
                date = item.get("datePublished") or item.get("date")
                yield Page(name=key, html=read_html(path), url=item.get("url") or path.as_uri(),
                           body=item.get("articleBody"), date=date[:10] if date else None)
                break


def answered_pages(folder: Path) -> Iterator[tuple[str, Path, dict]]:
    """(name, page path, answers) for each <name>.html (or .htm, .gz) with a <name>.json beside it."""
    for path in sorted(folder.glob("*.json")):
        html_path = next((path.with_name(path.stem + s) for s in PAGE_SUFFIXES if path.with_name(path.stem + s).exists()), None)
        if html_path is not None:
            yield path.stem, html_path, json.loads(path.read_text(encoding="utf-8"))


def iso_day(value: str | None) -> str | None:
    return value[:10] if value else None


def simple_pages(folder: Path) -> Iterator[Page]:
    for name, html_path, item in answered_pages(folder):
        yield Page(name=name, html=read_html(html_path), url=item.get("url") or html_path.as_uri(),
                   body=item.get("body"), date=iso_day(item.get("date")))


def snippets_pages(folder: Path) -> Iterator[Page]:
    for name, html_path, item in answered_pages(folder):
        yield Page(name=name, html=read_html(html_path), url=item.get("url") or html_path.as_uri(),
                   date=iso_day(item.get("date")), include=list(item.get("with", [])), exclude=list(item.get("without", [])))


def corpus_pages(folder: Path) -> Iterator[Page]:
    """bench/build_corpus.py's layout: any of a full body, with/without phrases and a date per page."""
    for name, html_path, item in answered_pages(folder):
        yield Page(name=name, html=read_html(html_path), url=item.get("url") or html_path.as_uri(),
                   body=item.get("body"), date=iso_day(item.get("date")),
                   include=list(item.get("with", [])), exclude=list(item.get("without", [])))


def expected_pages(folder: Path = REPO / "tests" / "expected" / "pages") -> Iterator[Page]:
    for path in sorted(folder.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        html_path = SHARED / "pages" / item["page"]
        if item.get("listing") or not html_path.exists():
            continue
        yield Page(name=path.stem, html=read_html(html_path), url=html_path.as_uri(), date=item.get("date"), checks=item)


def load(spec: str) -> list[Page]:
    """`aeb:DIR`, `simple:DIR`, `snippets:DIR`, `corpus:DIR`, `expected`, or a plain folder of pages."""
    kind, _, where = spec.partition(":")
    if kind == "expected" and not where:
        return list(expected_pages())
    if kind == "aeb":
        return list(aeb_pages(Path(where)))
    if kind == "simple":
        return list(simple_pages(Path(where)))
    if kind == "snippets":
        return list(snippets_pages(Path(where)))
    if kind == "corpus":
        return list(corpus_pages(Path(where).resolve()))
    return list(folder_pages(Path(spec)))
