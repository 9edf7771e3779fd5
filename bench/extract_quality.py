"""Body precision/recall/F1 (token overlap) and date accuracy: pressroom beside trafilatura and htmldate.

    uv sync --group bench
    uv run --group bench python bench/build_corpus.py             # once: the outside corpus (dev, holdout)
    uv run --group bench python bench/extract_quality.py         # corpus dev + expected + simple:fixtures/osce
    uv run python bench/extract_quality.py --set corpus:bench/.corpus/holdout   # measure only, never tune
    uv run python bench/extract_quality.py --set aeb:DIR         # article-extraction-benchmark layout
    uv run python bench/extract_quality.py --set simple:DIR      # <name>.html + <name>.json {"body", "date"}
    uv run python bench/extract_quality.py --set snippets:DIR    # <name>.json {"date", "with": [...], "without": [...]}
    uv run python bench/extract_quality.py --set snippets:DIR --details   # and each page's misses

Same pages, same run, for every extractor. Body scores need a full reference text (aeb, simple)
or phrases the body must and must not hold (snippets, trafilatura's evaluation format);
the `expected` set (this repository's records of ../shared/pages, which keep no third-party text)
is scored on what it holds: the first and last words of the body and furniture that must be absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import REPO, Page, load  # noqa: E402
from bench.place_quality import print_place_accuracy  # noqa: E402
from scraper import ScraperError, parse  # noqa: E402

CORPUS = REPO / "bench" / ".corpus"  # bench/build_corpus.py writes it
DEFAULT_SETS = (f"corpus:{CORPUS / 'dev'}", "expected", f"simple:{REPO / 'fixtures' / 'osce'}")
TOKEN = re.compile(r"\w+")
SPACES = re.compile(r"\s+")
EDGE_CHARS = 300


@dataclass
class Output:
    body: str
    date: str | None
    refused: bool = False


@dataclass
class Score:
    """Running totals for one extractor on one set."""

    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    checks: list[bool] = field(default_factory=list)
    included: list[bool] = field(default_factory=list)  # each must-include phrase: found?
    excluded: list[bool] = field(default_factory=list)  # each must-exclude phrase: absent?
    refused: int = 0  # pages the extractor gave nothing for

    def add_body(self, predicted: str, truth: str) -> None:
        p, r, f = overlap(predicted, truth)
        self.precision.append(p)
        self.recall.append(r)
        self.f1.append(f)

    def line(self) -> str:
        parts = []
        if self.f1:
            parts.append(f"body P {mean(self.precision):.3f} R {mean(self.recall):.3f} F1 {mean(self.f1):.3f} (n={len(self.f1)})")
        if self.checks:
            parts.append(f"body edges/furniture {sum(self.checks)}/{len(self.checks)} checks")
        if self.included or self.excluded:
            parts.append(f"with {sum(self.included)}/{len(self.included)} = {mean(self.included):.3f}, "
                         f"without {sum(self.excluded)}/{len(self.excluded)} = {mean(self.excluded):.3f}")
        if self.dates:
            parts.append(f"date {sum(self.dates)}/{len(self.dates)} = {mean(self.dates):.3f}")
        if self.refused:
            parts.append(f"refused {self.refused}")
        return "; ".join(parts) or "-"


def mean(values: list) -> float:
    return sum(values) / len(values) if values else 0.0


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.casefold()))


def overlap(predicted: str, truth: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1, as the article-extraction-benchmark scores them."""
    got, want = tokens(predicted), tokens(truth)
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def words(text: str) -> str:
    return " ".join(TOKEN.findall(text.casefold()))


def edge_checks(body: str, expected: dict) -> list[bool]:
    checks = []
    if "body_start" in expected:
        checks.append(words(expected["body_start"]) in words(body[: EDGE_CHARS + len(expected["body_start"])]))
    if "body_end" in expected:
        checks.append(words(expected["body_end"]) in words(body[-(EDGE_CHARS + len(expected["body_end"])):]))
    checks.extend(phrase not in body for phrase in expected.get("body_not", []))
    return checks


def snippet_misses(body: str, page: Page) -> tuple[list[str], list[str]]:
    """The must-include phrases missing from the body, and the must-exclude phrases present in it.

    Phrases compare as substrings with runs of white space made one space, as trafilatura's own
    evaluation compares them: "1,5 Grad-Pfad" is not "1,5-Grad-Pfad"."""
    text = spaced(body)
    missing = [phrase for phrase in page.include if spaced(phrase) not in text]
    present = [phrase for phrase in page.exclude if spaced(phrase) and spaced(phrase) in text]
    return missing, present


def spaced(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def pressroom(page: Page) -> Output:
    try:
        record = parse(page.html, page.url if page.url.startswith("http") else None, default_url=page.url, any_page=True)
    except ScraperError:
        return Output(body="", date=None, refused=True)
    return Output(body=record.body, date=record.date)


def trafilatura_extract(page: Page) -> Output:
    from trafilatura import bare_extraction

    result = bare_extraction(page.html, url=page.url, with_metadata=True)
    if result is None:
        return Output(body="", date=None)
    data = result.as_dict() if hasattr(result, "as_dict") else result
    return Output(body=data.get("text") or "", date=(data.get("date") or None))


def htmldate_extract(page: Page) -> Output:
    from htmldate import find_date

    return Output(body="", date=find_date(page.html, url=page.url, extensive_search=True, original_date=True))


def htmldate_default(page: Page) -> Output:
    from htmldate import find_date

    return Output(body="", date=find_date(page.html, url=page.url, extensive_search=False, original_date=True))


EXTRACTORS = {"pressroom": pressroom, "trafilatura": trafilatura_extract, "htmldate": htmldate_extract,
              "htmldate-fast": htmldate_default}
DATE_ONLY = frozenset({"htmldate", "htmldate-fast"})


def score_set(pages: list[Page], names: list[str], details: bool = False) -> dict[str, Score]:
    scores = {name: Score() for name in names}
    for page in pages:
        for name in names:
            output = EXTRACTORS[name](page)
            score = scores[name]
            score.refused += output.refused
            notes = ["refused"] if output.refused else []
            if name not in DATE_ONLY:
                if page.body is not None:
                    score.add_body(output.body, page.body)
                if page.checks:
                    score.checks.extend(edge_checks(output.body, page.checks))
                if page.include or page.exclude:
                    missing, present = snippet_misses(output.body, page)
                    score.included.extend(phrase not in missing for phrase in page.include)
                    score.excluded.extend(phrase not in present for phrase in page.exclude)
                    notes += [f"missing {phrase!r}" for phrase in missing] + [f"kept {phrase!r}" for phrase in present]
            if page.date is not None or (page.checks and "date" in page.checks):
                score.dates.append(output.date == page.date)
                if output.date != page.date:
                    notes.append(f"date {output.date} != {page.date}")
            if details and notes:
                print(f"    {name:<12} {page.name}: " + "; ".join(notes))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", dest="sets", help="expected | aeb:DIR | simple:DIR | snippets:DIR (repeatable)")
    parser.add_argument("--details", action="store_true", help="print each page's misses (phrases, dates) per extractor")
    parser.add_argument("--only", choices=sorted(EXTRACTORS), action="append", help="run only these extractors")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    names = args.only or list(EXTRACTORS)
    print("$ " + " ".join([Path(sys.argv[0]).as_posix(), *(argv if argv is not None else sys.argv[1:])]))
    for spec in args.sets or DEFAULT_SETS:
        pages = load(spec)
        print(f"{spec}: {len(pages)} pages")
        for name, score in score_set(pages, names, args.details).items():
            print(f"  {name:<12} {score.line()}")
    print_place_accuracy(args.details)  # pressroom's places: bench/place_quality.py
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
