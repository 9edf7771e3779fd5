"""Every record `scraper.parse` gives for a set of pages, as JSON lines: a before/after check that a
speed change changed no output.

    uv run python bench/parse_snapshot.py /tmp/before.jsonl      # before the change
    uv run python bench/parse_snapshot.py /tmp/after.jsonl       # after it
    cmp /tmp/before.jsonl /tmp/after.jsonl && echo identical

Reads every set of bench/.corpus (when built), ../shared/pages, ../shared/osce/pages and fixtures; each page
is parsed twice, as a release (what a crawl does) and with `any_page`; a refusal is written as its
message, so a changed refusal shows too. Compare snapshots made by the same version of this script
and the same corpus (an older script read bench/.corpus/dev only).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import REPO, SHARED, Page, load  # noqa: E402
from scraper import ScraperError, parse  # noqa: E402

CORPUS = REPO / "bench" / ".corpus"
CORPUS_SETS = sorted(CORPUS.iterdir()) if CORPUS.is_dir() else [CORPUS / "dev"]
FOLDERS = (*CORPUS_SETS, SHARED / "pages", SHARED / "osce" / "pages", REPO / "fixtures")


def outcome(page: Page, any_page: bool) -> dict:
    try:
        return parse(page.html, default_url=page.url, any_page=any_page).model_dump(mode="json")
    except ScraperError as error:
        return {"refused": f"{type(error).__name__}: {error}"}


def main(out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as lines:
        for folder in FOLDERS:
            if not folder.is_dir():
                print(f"skipped (absent): {folder}", file=sys.stderr)
                continue
            for page in load(str(folder)):
                for any_page in (False, True):
                    record = {"folder": folder.name, "page": page.name, "any_page": any_page, **outcome(page, any_page)}
                    lines.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                    count += 1
    print(f"{count} outcomes -> {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: parse_snapshot.py OUT.jsonl")
    sys.exit(main(Path(sys.argv[1])))
