"""What an unchanged re-run costs next to a full crawl, on a loopback OSCE-style newsroom.

    uv run python bench/incremental.py [--releases 1000] [--per-page 10]

Serves `--releases` invented releases (OSCE markup, listing newest first, `--per-page` a page;
release pages send ETag/Last-Modified and answer conditional requests with 304) on 127.0.0.1,
then runs `pressroom crawl URL --site osce -o OUT --delay 0` twice in this process (`main(argv)`,
so interpreter start-up is not counted; opening the output and the state is): a full crawl into an
empty output and state, and a re-run on the unchanged site. Prints the command, each run's wall
time, requests, release bodies downloaded and lines written, and the re-run / full ratios.
Targets (issue 5): re-run time <= 5 % of the full run's, 0 release bodies downloaded.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root

from scraper.cli import main as pressroom  # noqa: E402
from tests.loopback import FakeRelease, LoopbackSite, osce_site  # noqa: E402

NEWEST_DAY = date(2024, 12, 20)
RELEASE_PREFIX = "/secretariat/"
TOPICS = ("election observation", "media freedom", "border management", "water diplomacy", "youth dialogue")


@dataclass(frozen=True)
class Run:
    seconds: float
    requests: int
    bodies: int  # release pages answered 200 with a body
    not_modified: int
    lines: int
    exit_code: int


def invented(count: int) -> list[FakeRelease]:
    """Releases that all say something different (no crawler may skip one as a duplicate)."""
    return [
        FakeRelease(
            path=f"{RELEASE_PREFIX}{500000 + number}",
            title=f"Meeting {number + 1} on {TOPICS[number % len(TOPICS)]} concludes in Vienna",
            day=NEWEST_DAY - timedelta(days=number // 3),
            place="VIENNA",
            source="OSCE Secretariat",
            paragraphs=(
                f"Participants of meeting {number + 1} discussed {TOPICS[number % len(TOPICS)]}.",
                f"“Meeting {number + 1} gave us a plan we can keep,” said Director Anna Weber.",
                "The meeting was supported by several participating States.",
            ),
        )
        for number in range(count)
    ]


def crawl_once(site: LoopbackSite, argv: list[str], out: Path) -> Run:
    site.log.clear()
    lines_before = _count_lines(out)
    with contextlib.redirect_stderr(io.StringIO()) as messages:
        started = time.perf_counter()
        code = pressroom(argv)
        seconds = time.perf_counter() - started
    if code != 0:
        print(messages.getvalue(), file=sys.stderr)
    releases = [request for request in site.log if request.path.startswith(RELEASE_PREFIX)]
    return Run(
        seconds=seconds,
        requests=len(site.log),
        bodies=sum(request.status == 200 for request in releases),
        not_modified=sum(request.status == 304 for request in releases),
        lines=_count_lines(out) - lines_before,
        exit_code=code,
    )


def _count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def report(name: str, run: Run) -> None:
    print(
        f"  {name:<16} {run.seconds:8.3f} s  {run.requests:6d} requests  {run.bodies:6d} release bodies  "
        f"{run.not_modified:5d} x 304  {run.lines:6d} lines written  exit {run.exit_code}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--per-page", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch, LoopbackSite() as site:
        site.routes.update(osce_site(invented(args.releases), site.origin, per_page=args.per_page, validators=True))
        out = Path(scratch) / "releases.jsonl"
        command = ["crawl", site.url("/press-releases"), "--site", "osce", "-o", str(out), "--delay", "0"]
        print(f"site: {args.releases} releases, {args.per_page} a page, on {site.origin}")
        print("command: pressroom " + " ".join(command))
        full = crawl_once(site, command, out)
        rerun = crawl_once(site, command, out)
    report("full run", full)
    report("unchanged rerun", rerun)
    time_ratio = rerun.seconds / full.seconds
    print(
        f"  rerun / full: {time_ratio:.1%} of the time, {rerun.requests / full.requests:.1%} of the requests, "
        f"{rerun.bodies} release bodies downloaded"
    )
    ok = time_ratio <= 0.05 and rerun.bodies == 0 and rerun.lines == 0 and full.exit_code == rerun.exit_code == 0
    print("  target (<= 5 % of the time, 0 bodies, 0 lines): " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
