"""The first measurement of every set bench/quotes.py scores, kept as data so the bench prints it beside
the current one: what the extractor did on a set before anyone fixed anything on it.

Each was taken (or re-taken, where the commit message kept no figures) with `uv run python
bench/quotes.py` on the commit named, the extractor as it was when the set was first scored. Re-taken
figures come from running that commit's own bench/quotes.py today (`git archive <commit>` into a
scratch directory; `--shared /work/shared` for the OSCE pages, which live outside the repository and
may have been edited since). Never update a row to a later run: a first measurement stays first.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FirstMeasurement:
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    role_f1: float
    commit: str
    date: str
    how: str
    entities: str = ""  # "right/total" speakers with affiliation and name_raw right, where the set has them


FIRST_MEASUREMENTS: dict[str, FirstMeasurement] = {
    "shared OSCE pages": FirstMeasurement(
        1.000, 1.000, 1.000, 1.000, 1.000, "701ddf5", "2026-11-28",
        "re-taken on the commit that added bench/quotes.py (14 pages with expectations today)",
    ),
    "repository fixtures": FirstMeasurement(
        1.000, 1.000, 1.000, 1.000, 1.000, "701ddf5", "2026-11-28", "re-taken on the commit that added bench/quotes.py"
    ),
    "held-out excerpts": FirstMeasurement(
        0.967, 0.983, 0.975, 0.932, 0.833, "006ddef", "2026-11-28", "as its commit message records it"
    ),
    "second held-out set": FirstMeasurement(
        1.000, 0.973, 0.986, 0.932, 0.840, "ea60f18", "2026-11-28", "re-taken on the commit that added the set"
    ),
    "second held-out set, hard cases only": FirstMeasurement(
        1.000, 0.958, 0.979, 0.826, 0.667, "ea60f18", "2026-11-28", "re-taken on the commit that added the set"
    ),
    "third held-out set": FirstMeasurement(
        1.000, 1.000, 1.000, 0.977, 1.000, "81c8102", "2026-11-28", "re-taken on the commit that added the set"
    ),
    "third held-out set, hard cases only": FirstMeasurement(
        1.000, 1.000, 1.000, 1.000, 1.000, "81c8102", "2026-11-28", "re-taken on the commit that added the set"
    ),
    # Issue 11. Taken at 15:00 UTC on the speakers branch right after merging the set, before any fix on
    # it (the branch already had the issue-11 rules written against the other sets and the issue's own
    # examples). On main's extractor (d4aa73d, 14:56 UTC, by the set's author): P=1.000 R=0.902 F1=0.949,
    # speaker accuracy 0.757, role token-F1 0.590; hard cases F1=0.923, 0.542, 0.429.
    "fourth held-out set": FirstMeasurement(
        1.000, 0.976, 0.988, 0.938, 0.860, "51278fa", "2026-12-04", "speakers branch at the merge, before fixing on it",
        "55/60",
    ),
    "fourth held-out set, hard cases only": FirstMeasurement(
        1.000, 0.964, 0.982, 0.852, 0.714, "51278fa", "2026-12-04", "speakers branch at the merge, before fixing on it",
        "17/21",
    ),
    # Written for issue 11 as an unseen check after the fourth set had been tuned on; measured once by
    # its author on main at bf2e5e4 (15:27 UTC), the -v output kept beside the closing note.
    "fifth held-out set": FirstMeasurement(
        1.000, 0.989, 0.994, 0.965, 0.947, "bf2e5e4", "2026-12-04", "by the set's author, once, before any fix",
        "55/58",
    ),
    "fifth held-out set, hard cases only": FirstMeasurement(
        1.000, 1.000, 1.000, 0.968, 0.952, "bf2e5e4", "2026-12-04", "by the set's author, once, before any fix",
        "20/21",
    ),
    # Written for issue 11 as the last unseen check, on the final code of the session (20 OSCE and 10
    # other excerpts); measured once by its author at f259d2a, committed before measuring.
    "sixth held-out set": FirstMeasurement(
        1.000, 0.963, 0.981, 0.942, 0.966, "f259d2a", "2026-12-04", "by the set's author, once, before any fix",
        "32/33",
    ),
    "sixth held-out set, hard cases only": FirstMeasurement(
        1.000, 0.952, 0.976, 0.850, 0.929, "f259d2a", "2026-12-04", "by the set's author, once, before any fix",
        "13/14",
    ),
}
