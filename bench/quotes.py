"""Quote and speaker extraction, measured against hand-written expectations.

    uv run python bench/quotes.py [--shared DIR] [--fixtures DIR] [-v]

Eight sets, printed separately: the OSCE pages under ../shared/osce (pages/<slug>.html beside
expected/<slug>.json), every fixtures/*/*.json of this repository with a `quotes` key (an empty
list included: a quote predicted there is a false positive), the held-out excerpts of
tests/quotes_holdout.py (written before the extractor's code was read; never tuned case by case),
and the second held-out set of bench/quotes_holdout_b.py (written later, by someone who never read
the extractor, its tests or the first set; printed whole and then its hard cases alone), and the
third held-out set of bench/quotes_holdout_c.py (30 more excerpts, written the same way without
reading the extractor, its tests or the cases of the earlier sets; whole, then its hard cases),
and the fourth held-out set of bench/quotes_holdout_d.py (56 excerpts of UN agencies, ministries,
NGOs, parliaments and the OSCE in four languages, written the same way for issue 11; whole, then
its hard cases; its speakers' `affiliation` and `name_raw` are checked for typos but not scored),
and the fifth held-out set of bench/quotes_holdout_e.py (46 invented OSCE excerpts in four languages,
written the same way once the fourth had been used for tuning; whole, then its hard cases),
and the sixth held-out set of bench/quotes_holdout_f.py (30 invented excerpts, 20 of the OSCE and 10 of
other organizations, in four languages, written the same way once the fifth had been used for tuning;
whole, then its hard cases).

- quote precision / recall / F1: a predicted quote matches a true one (one-to-one, in order) when
  their normalized texts share at least 80 % of the tokens of the longer of the two;
- speaker accuracy: the share of matched quotes whose speaker is right (None counts as a value);
- role token-F1: for each expected speaker found by name, the token F1 of the roles (None vs None
  scores 1), averaged over the expected speakers (a missed speaker scores 0);
- where the expected speakers carry them (the fourth set): how many have `affiliation` and `name_raw`
  both right (a speaker not found by name counts as wrong).

Under each set, its first measurement (bench/quotes_first.py: the commit and date it was taken on)
beside the current figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from bench.quotes_holdout_b import CASES as SECOND_HELD_OUT_CASES  # noqa: E402
from bench.quotes_holdout_b import HeldOutCaseB, problems  # noqa: E402
from bench.quotes_holdout_c import CASES as THIRD_HELD_OUT_CASES  # noqa: E402
from bench.quotes_holdout_d import CASES as FOURTH_HELD_OUT_CASES  # noqa: E402
from bench.quotes_holdout_d import problems as fourth_set_problems  # noqa: E402
from bench.quotes_holdout_e import CASES as FIFTH_HELD_OUT_CASES  # noqa: E402
from bench.quotes_holdout_f import CASES as SIXTH_HELD_OUT_CASES  # noqa: E402
from bench.quotes_first import FIRST_MEASUREMENTS  # noqa: E402
from scraper.parse import parse  # noqa: E402
from scraper.quotes import extract_quotes  # noqa: E402
from quotes_holdout import CASES as HELD_OUT_CASES  # noqa: E402
from quotes_holdout import quotes_as_dicts, speakers_as_dicts  # noqa: E402

TOKEN_RE = re.compile(r"\w+")
MATCH_OVERLAP = 0.8


@dataclass
class Case:
    name: str
    paragraphs: list[str]
    language: str | None
    quotes: list[dict]
    speakers: list[dict]


@dataclass
class Tally:
    predicted: int = 0
    expected: int = 0
    matched: int = 0
    right_speaker: int = 0
    role_f1_sum: float = 0.0
    roles: int = 0
    entities: int = 0  # expected speakers carrying `affiliation` and `name_raw` (the fourth set's)
    right_entities: int = 0  # ... found by name with both fields right
    misses: list[str] = field(default_factory=list)

    def figures(self) -> tuple[float, float, float, float, float]:
        """(precision, recall, F1, speaker accuracy, role token-F1)."""
        precision = self.matched / self.predicted if self.predicted else 1.0
        recall = self.matched / self.expected if self.expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        speaker = self.right_speaker / self.matched if self.matched else 0.0
        role = self.role_f1_sum / self.roles if self.roles else 0.0
        return precision, recall, f1, speaker, role

    def line(self, label: str) -> str:
        precision, recall, f1, speaker, role = self.figures()
        return (
            f"{label}: quotes P={precision:.3f} R={recall:.3f} F1={f1:.3f} "
            f"({self.matched} matched / {self.predicted} predicted / {self.expected} expected), "
            f"speaker accuracy={speaker:.3f}, role token-F1={role:.3f} ({self.roles} speakers)"
            + (f", affiliation and name_raw right for {self.right_entities}/{self.entities}" if self.entities else "")
        )


def tokens(text: str | None) -> list[str]:
    return TOKEN_RE.findall((text or "").casefold())


def overlap(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    longest = max(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / longest if longest else 1.0


def token_f1(a: str | None, b: str | None) -> float:
    if a is None or b is None:
        return 1.0 if a == b else 0.0
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ta.values()), common / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


def score(case: Case, tally: Tally) -> None:
    quotes, speakers = extract_quotes(case.paragraphs, case.language)
    tally.predicted += len(quotes)
    tally.expected += len(case.quotes)
    used: set[int] = set()
    for truth in case.quotes:
        found = next(
            (i for i, q in enumerate(quotes) if i not in used and overlap(q.text, truth["text"]) >= MATCH_OVERLAP),
            None,
        )
        if found is None:
            tally.misses.append(f"{case.name}: missed {truth['text'][:70]!r}")
            continue
        used.add(found)
        tally.matched += 1
        if quotes[found].speaker == truth["speaker"]:
            tally.right_speaker += 1
        else:
            tally.misses.append(f"{case.name}: speaker {quotes[found].speaker!r} != {truth['speaker']!r}")
    for i, q in enumerate(quotes):
        if i not in used:
            tally.misses.append(f"{case.name}: extra {q.text[:70]!r}")
    roles = {speaker.name: speaker.role for speaker in speakers}
    found_speakers = {speaker.name: speaker for speaker in speakers}
    for truth in case.speakers:
        if "affiliation" in truth and "name_raw" in truth:
            tally.entities += 1
            found = found_speakers.get(truth["name"])
            fields = (found.affiliation, found.name_raw) if found else None
            if fields == (truth["affiliation"], truth["name_raw"]):
                tally.right_entities += 1
            elif found is not None:
                wanted = (truth["affiliation"], truth["name_raw"])
                tally.misses.append(f"{case.name}: (affiliation, name_raw) {fields!r} != {wanted!r}")
        tally.roles += 1
        if truth["name"] in roles:
            f1 = token_f1(roles[truth["name"]], truth["role"])
            tally.role_f1_sum += f1
            if f1 < 1:
                tally.misses.append(f"{case.name}: role {roles[truth['name']]!r} != {truth['role']!r}")
        else:
            tally.misses.append(f"{case.name}: speaker {truth['name']!r} not listed")


def shared_cases(shared: Path) -> Iterable[Case]:
    for expected_path in sorted((shared / "osce" / "expected").glob("*.json")):
        page = shared / "osce" / "pages" / f"{expected_path.stem}.html"
        if not page.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        record = parse(page.read_text(encoding="utf-8"), expected["url"])
        yield Case(expected_path.stem, record.body.split("\n\n"), record.language, expected["quotes"], expected["speakers"])


def fixture_cases(fixtures: Path) -> Iterable[Case]:
    for path in sorted(fixtures.glob("*/*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if "quotes" not in expected or "body" not in expected:
            continue  # pages without quotes still count: anything predicted there is a false positive
        name = f"{path.parent.name}/{path.stem}"
        yield Case(name, expected["body"].split("\n\n"), expected.get("language"), expected["quotes"], expected["speakers"])


def held_out_cases() -> Iterable[Case]:
    for case in HELD_OUT_CASES:
        yield Case(f"held-out/{case.name}", list(case.paragraphs), case.language, quotes_as_dicts(case), speakers_as_dicts(case))


def later_held_out_cases(cases: Iterable[HeldOutCaseB], prefix: str) -> Iterable[Case]:
    """The second and third held-out sets share one shape (the third reuses the second's records)."""
    for case in cases:
        yield Case(f"{prefix}/{case.name}", list(case.paragraphs), case.language, case.quote_dicts(), case.speaker_dicts())


def check_held_out(
    cases: Iterable[HeldOutCaseB], module: str, find_problems: Callable[..., list[str]] = problems
) -> None:
    """Refuse to score expectations with a typo (a quote not between marks, a role not in the text)."""
    found = [problem for case in cases for problem in find_problems(case)]
    if found:
        raise SystemExit(f"{module} has inconsistent expectations:\n" + "\n".join(found))


def run(label: str, cases: Iterable[Case], verbose: bool) -> None:
    tally, count = Tally(), 0
    for case in cases:
        score(case, tally)
        count += 1
    if not count:
        print(f"{label}: no pages with quotes found")
        return
    print(tally.line(f"{label} ({count} pages)"))
    print("    " + first_beside_now(label, tally))
    if verbose:
        for miss in tally.misses:
            print(f"    {miss}")


def first_beside_now(label: str, tally: Tally) -> str:
    """The set's first measurement (bench/quotes_first.py) and the current one, figure by figure."""
    first = FIRST_MEASUREMENTS.get(label)
    if first is None:
        return "first measurement: none recorded"
    now = tally.figures()
    then = (first.precision, first.recall, first.f1, first.speaker_accuracy, first.role_f1)
    names = ("P", "R", "F1", "speaker", "role")
    pairs = ", ".join(f"{name} {old:.3f} -> {new:.3f}" for name, old, new in zip(names, then, now))
    if first.entities and tally.entities:
        pairs += f", affiliation+name_raw {first.entities} -> {tally.right_entities}/{tally.entities}"
    return f"first ({first.commit}, {first.date}) -> now: {pairs}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the ../shared directory")
    parser.add_argument("--fixtures", type=Path, default=REPO / "fixtures", help="the fixtures directory")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    print("$ " + " ".join(["python", "bench/quotes.py", *(argv if argv is not None else sys.argv[1:])]))
    run("shared OSCE pages", shared_cases(args.shared) if args.shared.exists() else [], args.verbose)
    run("repository fixtures", fixture_cases(args.fixtures), args.verbose)
    run("held-out excerpts", held_out_cases(), args.verbose)
    check_held_out(SECOND_HELD_OUT_CASES, "bench/quotes_holdout_b.py")
    run("second held-out set", later_held_out_cases(SECOND_HELD_OUT_CASES, "held-out-b"), args.verbose)
    hard = [case for case in SECOND_HELD_OUT_CASES if case.hard]
    run("second held-out set, hard cases only", later_held_out_cases(hard, "held-out-b"), False)
    check_held_out(THIRD_HELD_OUT_CASES, "bench/quotes_holdout_c.py")
    run("third held-out set", later_held_out_cases(THIRD_HELD_OUT_CASES, "held-out-c"), args.verbose)
    hard = [case for case in THIRD_HELD_OUT_CASES if case.hard]
    run("third held-out set, hard cases only", later_held_out_cases(hard, "held-out-c"), False)
    check_held_out(FOURTH_HELD_OUT_CASES, "bench/quotes_holdout_d.py", fourth_set_problems)
    run("fourth held-out set", later_held_out_cases(FOURTH_HELD_OUT_CASES, "held-out-d"), args.verbose)
    hard = [case for case in FOURTH_HELD_OUT_CASES if case.hard]
    run("fourth held-out set, hard cases only", later_held_out_cases(hard, "held-out-d"), False)
    check_held_out(FIFTH_HELD_OUT_CASES, "bench/quotes_holdout_e.py", fourth_set_problems)
    run("fifth held-out set", later_held_out_cases(FIFTH_HELD_OUT_CASES, "held-out-e"), args.verbose)
    hard = [case for case in FIFTH_HELD_OUT_CASES if case.hard]
    run("fifth held-out set, hard cases only", later_held_out_cases(hard, "held-out-e"), False)
    check_held_out(SIXTH_HELD_OUT_CASES, "bench/quotes_holdout_f.py", fourth_set_problems)
    run("sixth held-out set", later_held_out_cases(SIXTH_HELD_OUT_CASES, "held-out-f"), args.verbose)
    hard = [case for case in SIXTH_HELD_OUT_CASES if case.hard]
    run("sixth held-out set, hard cases only", later_held_out_cases(hard, "held-out-f"), False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
