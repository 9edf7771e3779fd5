"""Golden fixtures: a saved page beside the record a person expects from it (see fixtures/README.md).

Used by the golden tests and by `pressroom fixtures ...`. Reading files is this module's job;
parsing stays pure (`scraper.parse`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from schemas import PressRelease
from scraper.charset import decode_html
from scraper.parse import parse

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
        html = decode_html(self.html_path.read_bytes())
        return parse(html, self.expected.get("url"), self.expected.get("site"))

    def actual(self) -> dict[str, Any]:
        """The parser's record in the expected JSON's shape."""
        return expected_shape(self.parse())


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
