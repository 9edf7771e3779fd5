"""Pages per second: `scraper.parse` (quotes on) vs trafilatura vs a bare selectolax (lexbor) parse.

    uv sync --group bench
    uv run python bench/extract_speed.py                  # ../shared/pages, ../shared/osce/pages, fixtures
    uv run python bench/extract_speed.py --pages DIR ...  # any folders of saved pages
    uv run --group bench python bench/extract_speed.py --pages bench/.corpus/dev --min-kb 50   # real-sized outside pages

All three read the same decoded pages in one process, in interleaved rounds (`--repeat` of them);
each one's best round counts (the least disturbed by the machine). Decoding bytes is not timed.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from bench.pages import REPO, SHARED, Page, load  # noqa: E402
from scraper import ScraperError, parse  # noqa: E402

DEFAULT_FOLDERS = (SHARED / "pages", SHARED / "osce" / "pages", REPO / "fixtures")


def pressroom(page: Page) -> None:
    try:
        parse(page.html, default_url=page.url, any_page=True)  # every page read whole, none refused early
    except ScraperError:
        pass  # not HTML


def lexbor(page: Page) -> None:
    LexborHTMLParser(page.html).body  # noqa: B018 (the parse is the work)


def trafilatura_extract(page: Page) -> None:
    from trafilatura import bare_extraction

    bare_extraction(page.html, url=page.url, with_metadata=True)


def best_rates(extractors: dict[str, Callable[[Page], None]], pages: list[Page], repeat: int) -> dict[str, float]:
    """Pages/s of each extractor, best of `repeat` rounds; the rounds interleave the extractors,
    so that a busy spell of a shared machine slows them alike, not only the one then running."""
    best = {name: float("inf") for name in extractors}
    for _ in range(repeat):
        for name, extract in extractors.items():
            start = time.perf_counter()
            for page in pages:
                extract(page)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: len(pages) / seconds for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", action="append", help="a folder of pages (repeatable); default: the shared sets and fixtures")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per extractor; the best counts (default 3)")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the peer (when the bench group is not installed)")
    parser.add_argument("--min-kb", type=float, default=0, help="only pages of at least this many KB (real-sized pages)")
    args = parser.parse_args(argv)
    folders = [Path(p) for p in args.pages] if args.pages else [f for f in DEFAULT_FOLDERS if f.exists()]
    pages = [page for folder in folders for page in load(str(folder)) if len(page.html) >= args.min_kb * 1024]
    if not pages:
        print("no pages found in " + ", ".join(map(str, folders)), file=sys.stderr)
        return 1
    warnings.filterwarnings("ignore")
    print("$ " + " ".join([Path(sys.argv[0]).as_posix(), *(argv if argv is not None else sys.argv[1:])]))
    average_kb = sum(len(page.html) for page in pages) / len(pages) / 1024
    print(f"{len(pages)} pages ({average_kb:.0f} KB on average) from {', '.join(map(str, folders))}; best of {args.repeat} rounds")
    extractors = {"lexbor parse (floor)": lexbor, "pressroom parse (quotes on)": pressroom}
    if not args.no_trafilatura:
        extractors["trafilatura bare_extraction"] = trafilatura_extract
    rates = best_rates(extractors, pages, args.repeat)
    ours = rates["pressroom parse (quotes on)"]
    for name, rate in rates.items():
        print(f"  {name:<30} {rate:9.1f} pages/s  {1000 / rate:7.2f} ms/page")
    print(f"  pressroom / lexbor parse:      {ours / rates['lexbor parse (floor)']:.2f}x (the floor is 1.00x)")
    if "trafilatura bare_extraction" in rates:
        print(f"  pressroom / trafilatura:       {ours / rates['trafilatura bare_extraction']:.2f}x (target >= 5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
