"""Place accuracy: the record's `place` against what a reader would write, on three sets.

    uv run python bench/place_quality.py          (also printed at the end of bench/extract_quality.py)

- shared OSCE pages: ../shared/osce/pages/<slug>.html against expected/<slug>.json's `place`;
- repository fixtures: fixtures/*/*.html against the `place` of their .json;
- datelines: one short release page per dateline form of agencies, UN and US releases (written for this
  bench), so that the whole path (body, dateline, place) is measured, not the dateline function alone.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scraper import ScraperError, parse  # noqa: E402

SHARED = REPO.parent / "shared"
DATELINE_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Rains displace thousands</title></head><body>
<main><h1>Rains displace thousands</h1><p>{dateline} Heavy rains have displaced thousands of people this week,
and the agencies working in the region have asked for more funds to reach the families cut off by the water.</p>
<p>Teams are on their way with water, food and tents, and more will follow as the roads open again.</p></main>
</body></html>"""
# (dateline as the release writes it, the place a reader writes)
DATELINES = (
    ("NAIROBI, Kenya (February 12, 2024) —", "Nairobi"),
    ("GENEVA (3 March 2024) –", "Geneva"),
    ("NEW YORK, March 3, 2024 /PRNewswire/ --", "New York"),
    ("WASHINGTON, D.C. – March 3, 2024 –", "Washington"),
    ("WASHINGTON, D.C., March 3, 2024 –", "Washington"),
    ("AUSTIN, Texas, March 3, 2024 /PRNewswire/ --", "Austin"),
    ("ST. LOUIS, March 3, 2024 /PRNewswire/ --", "St. Louis"),
    ("SPRINGFIELD, Ill. (AP) —", "Springfield"),
    ("LONDON (Reuters) -", "London"),
    ("LONDON, March 3 (Reuters) -", "London"),
    ("KYIV (Ukraine), 5 March 2024 –", "Kyiv"),
    ("GENEVA, 3 March 2024 (UNHCR) –", "Geneva"),
    ("BANGKOK, Thailand, 3 March 2024 –", "Bangkok"),
    ("NEW YORK —", "New York"),
    ("VIENNA/WARSAW, 18 July 2022 –", "Vienna/Warsaw"),
)


@dataclass
class PlaceTally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, predicted: str | None, expected: str | None) -> None:
        self.total += 1
        if predicted == expected:
            self.right += 1
        else:
            self.misses.append(f"{name}: {predicted!r} != {expected!r}")

    def line(self, label: str) -> str:
        accuracy = self.right / self.total if self.total else 0.0
        return f"{label}: place accuracy={accuracy:.3f} ({self.right}/{self.total})"


def place_of(html: str, url: str) -> str | None:
    try:
        # any_page: a wire dateline without a date leaves a generic page undated, which a release parse
        # refuses (an about page looks the same); the place is what is measured here
        return parse(html, url, any_page=True).place
    except ScraperError:
        return None


def shared_osce() -> Iterable[tuple[str, str | None, str | None]]:
    for expected_path in sorted((SHARED / "osce" / "expected").glob("*.json")):
        page = SHARED / "osce" / "pages" / f"{expected_path.stem}.html"
        if page.exists():
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            yield expected_path.stem, place_of(page.read_text(encoding="utf-8"), expected["url"]), expected["place"]


def fixtures() -> Iterable[tuple[str, str | None, str | None]]:
    for path in sorted((REPO / "fixtures").glob("*/*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        html = path.with_suffix(".html")
        if "place" in expected and html.exists():
            predicted = place_of(html.read_text(encoding="utf-8"), expected["url"])
            yield f"{path.parent.name}/{path.stem}", predicted, expected["place"]


def datelines() -> Iterable[tuple[str, str | None, str | None]]:
    for dateline, place in DATELINES:
        yield dateline, place_of(DATELINE_PAGE.format(dateline=dateline), "https://example.org/news/1"), place


def print_place_accuracy(verbose: bool = False) -> None:
    """One line per set (the misses under it with `verbose`)."""
    for label, cases in (("shared OSCE pages", shared_osce()), ("repository fixtures", fixtures()), ("datelines", datelines())):
        tally = PlaceTally()
        for name, predicted, expected in cases:
            tally.add(name, predicted, expected)
        print(tally.line(label) if tally.total else f"{label}: no pages")
        for miss in tally.misses if verbose else []:
            print(f"    {miss}")


if __name__ == "__main__":
    print_place_accuracy(verbose="-v" in sys.argv[1:])
