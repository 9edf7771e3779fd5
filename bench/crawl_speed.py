"""Crawl speed and memory: pressroom against Scrapy on the same loopback newsroom, in the same run.

    uv run --group bench python bench/crawl_speed.py [--releases 2000] [--concurrency 16]
        [--repeat 3] [--memory-sizes 1000,20000] [--no-scrapy] [--no-memory] [--profile]

The site (bench/loopback_site.py) runs in its own process on 127.0.0.1: robots.txt allowing all,
listing pages of 20 releases newest first, OSCE-style release pages. Each crawler runs in its own
subprocess with politeness off the way a user turns it off (no delay, robots.txt still fetched and
obeyed, N requests in flight):

  pressroom         python -m scraper crawl URL --site osce --delay 0 --concurrency N -o FILE
  scrapy minimal    a spider that follows listing -> release pages and yields url + title
  scrapy + parse    the same spider calling scraper.parse on every release (the same work as pressroom)

Figures: pages = HTML pages the site served (listings + releases, as the server counted them);
seconds = first request to last answer as the server saw them (interpreter start-up excluded; the
process's wall time is shown beside); peak RSS = the largest sum of the resident memory of the
crawler and every process it started (pressroom's parse processes), sampled from /proc every
RSS_SAMPLE_SECONDS, never below the child's own ru_maxrss from wait4(). Then pressroom
alone on sites of 1,000 and 20,000 releases: peak RSS at both, and their ratio (target <= 1.2x).
Nothing leaves 127.0.0.1; every child has a time limit and is killed when it passes it.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SITE_SCRIPT = BENCH / "loopback_site.py"
LISTING_PATH = "/press-releases"
PER_PAGE = 20
SITE_PROFILE = "osce"
CHILD_TIMEOUT = 900.0  # seconds a crawler may take before it is killed
SITE_START_TIMEOUT = 30.0
MEMORY_TARGET = 1.2  # peak RSS at the large crawl over the small one
PROFILE_LINES = 30
RSS_SAMPLE_SECONDS = 0.02
# What the Scrapy spider reads: the same selectors as scraper/sites/osce.py, written the Scrapy way.
SCRAPY_ITEM_LINK = ".search-result-news h3.search-title a::attr(href)"
SCRAPY_NEXT = "li.pager-next a::attr(href)"
SCRAPY_TITLE = "h1.page-title::text"


# -- the site ---------------------------------------------------------------------------------------


class SiteProcess:
    """bench/loopback_site.py in a subprocess: `with SiteProcess(2000) as site: site.origin, site.stats()`."""

    def __init__(self, releases: int, per_page: int = PER_PAGE) -> None:
        self.releases = releases
        self.per_page = per_page
        self.origin = ""
        self._process: subprocess.Popen[str] | None = None

    @property
    def start_url(self) -> str:
        return self.origin + LISTING_PATH

    @property
    def expected_pages(self) -> int:
        return self.releases + -(-self.releases // self.per_page)  # releases + listing pages

    def __enter__(self) -> SiteProcess:
        command = [sys.executable, str(SITE_SCRIPT), "--releases", str(self.releases), "--per-page", str(self.per_page)]
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        timer = threading.Timer(SITE_START_TIMEOUT, self._process.kill)
        timer.start()
        try:
            ready = self._process.stdout.readline().split()  # type: ignore[union-attr]
        finally:
            timer.cancel()
        if len(ready) != 2 or ready[0] != "READY":
            self._stop()
            raise RuntimeError(f"the loopback site did not start: {ready!r}")
        self.origin = ready[1]
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self._stop()

    def stats(self) -> dict[str, object]:
        """What the site served since the last call (and start counting afresh)."""
        assert self._process is not None and self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write("stats\n")
        self._process.stdin.flush()
        return json.loads(self._process.stdout.readline())

    def _stop(self) -> None:
        if self._process is None:
            return
        if self._process.stdin is not None:
            self._process.stdin.close()  # the site stops when its stdin closes
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None


# -- one measured crawl -----------------------------------------------------------------------------


@dataclass
class Run:
    """One crawler's run, as the site and the kernel saw it."""

    name: str
    command: list[str]
    pages: int  # listing + release pages served with 200
    missing: int  # requests the site answered 404
    records: int  # lines in the crawler's output
    seconds: float  # first request to last answer, at the site
    wall: float  # the child process, start-up included
    peak_rss_mb: float  # the crawler and its child processes together
    processes: int  # how many processes that peak was summed over (at most)
    site_cpu: float  # seconds of CPU the site spent serving this run
    exit_code: int

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0


class TreeMemory(threading.Thread):
    """Samples the resident memory of a process and all its descendants; keeps the peak of the sum."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.processes = 1
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(RSS_SAMPLE_SECONDS):
            pids = _descendants(self.pid)
            total = sum(_rss_kib(pid) for pid in pids)
            if total > self.peak_kib:
                self.peak_kib, self.processes = total, len(pids)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _descendants(pid: int) -> list[int]:
    """`pid` and every process below it (Linux /proc/PID/task/TID/children)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                pending.extend(int(child) for child in children.read_text().split())
            except OSError:
                continue  # the process ended meanwhile
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_child(command: list[str], timeout: float, log_path: Path) -> tuple[int, float, float, int]:
    """(exit code, wall seconds, peak RSS in MB of it and its children, processes) of `command`,
    killed after `timeout` seconds."""
    started = time.monotonic()
    with log_path.open("wb") as log:
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log, cwd=REPO)
    memory = TreeMemory(child.pid)
    memory.start()
    killer = threading.Timer(timeout, child.kill)
    killer.start()
    try:
        _, status, usage = os.wait4(child.pid, 0)  # the child's own rusage: ru_maxrss is its peak RSS
    finally:
        killer.cancel()
        memory.stop()
    child.returncode = os.waitstatus_to_exitcode(status)
    peak_kib = max(memory.peak_kib, usage.ru_maxrss)  # Linux: ru_maxrss in KiB
    return child.returncode, time.monotonic() - started, peak_kib / 1024, memory.processes


def measure(name: str, command: list[str], site: SiteProcess, output: Path, workdir: Path, timeout: float) -> Run:
    """Run one crawler against `site` and read its figures from the site, the kernel and its output."""
    site.stats()  # start the site's count afresh
    log_path = workdir / f"{output.stem}.log"
    code, wall, peak, processes = run_child(command, timeout, log_path)
    served = site.stats()
    kinds: dict[str, int] = served["requests"]  # type: ignore[assignment]
    records = _count_lines(output)
    if code != 0 or records != site.releases:
        tail = log_path.read_text(errors="replace").strip().splitlines()[-5:]
        print(f"!! {name}: exit {code}, {records} of {site.releases} records; log tail:", *tail, sep="\n   ", file=sys.stderr)
    return Run(
        name=name,
        command=command,
        pages=kinds.get("listing", 0) + kinds.get("release", 0),
        missing=kinds.get("missing", 0),
        records=records,
        seconds=float(served["last"]) - float(served["first"]) if kinds else 0.0,  # type: ignore[arg-type]
        wall=wall,
        peak_rss_mb=peak,
        processes=processes,
        site_cpu=float(served["cpu_seconds"]),  # type: ignore[arg-type]
        exit_code=code,
    )


def _count_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


# -- the crawlers' command lines --------------------------------------------------------------------


def pressroom_command(site: SiteProcess, concurrency: int, output: Path, *, profile_to: Path | None = None) -> list[str]:
    runner = [sys.executable, "-m", "cProfile", "-o", str(profile_to)] if profile_to else [sys.executable]
    return runner + [
        "-m", "scraper", "crawl", site.start_url, "--site", SITE_PROFILE,
        "--delay", "0", "--concurrency", str(concurrency), "-o", str(output),
    ]


def scrapy_command(site: SiteProcess, concurrency: int, output: Path, *, parse: bool) -> list[str]:
    # As a module from the repository root, not as a script: a script's folder comes first on
    # sys.path, and a bench/<name>.py would shadow a package Scrapy imports (bench/incremental.py
    # shadows Twisted's `incremental`).
    command = [sys.executable, "-m", "bench.crawl_speed", "--scrapy-child", site.start_url,
               "--concurrency", str(concurrency), "--scrapy-output", str(output)]
    return command + (["--scrapy-parse"] if parse else [])


# -- the Scrapy side (runs in the child) ------------------------------------------------------------


def run_scrapy(start_url: str, concurrency: int, output: Path, parse_releases: bool) -> int:
    """Crawl with Scrapy: listing pages -> release pages, items to JSON Lines. Runs in a child process."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class NewsroomSpider(scrapy.Spider):
        name = "newsroom"
        start_urls = [start_url]

        def parse(self, response):  # a listing page
            for href in response.css(SCRAPY_ITEM_LINK).getall():
                yield response.follow(href, callback=self.parse_release)
            next_page = response.css(SCRAPY_NEXT).get()
            if next_page:
                yield response.follow(next_page, callback=self.parse)

        def parse_release(self, response):
            if parse_releases:
                from scraper.parse import parse

                yield parse(response.text, response.url, SITE_PROFILE).model_dump(mode="json")
            else:
                yield {"url": response.url, "title": response.css(SCRAPY_TITLE).get()}

    settings = {
        "ROBOTSTXT_OBEY": True,  # pressroom reads robots.txt too
        "DOWNLOAD_DELAY": 0,
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "AUTOTHROTTLE_ENABLED": False,
        "COOKIES_ENABLED": False,  # pressroom keeps no cookies
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "USER_AGENT": "scrapy-bench (+http://127.0.0.1/)",
        "FEEDS": {output.resolve().as_uri(): {"format": "jsonlines", "encoding": "utf-8"}},
    }
    process = CrawlerProcess(settings)
    process.crawl(NewsroomSpider)
    process.start()
    return 0


# -- the run ----------------------------------------------------------------------------------------


def best_of(runs: list[Run]) -> Run:
    """The fastest run (the one least disturbed by the rest of the machine)."""
    return max(runs, key=lambda run: run.rate)


def compare_speed(args: argparse.Namespace, workdir: Path) -> list[Run]:
    crawlers: list[tuple[str, bool | None]] = [("pressroom", None)]
    if not args.no_scrapy:
        crawlers += [("scrapy minimal", False), ("scrapy + scraper.parse", True)]
    runs: dict[str, list[Run]] = {name: [] for name, _ in crawlers}
    with SiteProcess(args.releases) as site:
        for attempt in range(args.repeat):
            for name, parse_releases in crawlers:  # interleaved, so a slow moment hits all alike
                output = workdir / f"{name.split()[0]}-{int(bool(parse_releases))}-{attempt}.jsonl"
                command = (
                    pressroom_command(site, args.concurrency, output)
                    if parse_releases is None
                    else scrapy_command(site, args.concurrency, output, parse=parse_releases)
                )
                runs[name].append(measure(name, command, site, output, workdir, args.timeout))
    return [best_of(runs[name]) for name, _ in crawlers]


def compare_memory(args: argparse.Namespace, workdir: Path) -> list[Run]:
    results = []
    for size in args.memory_sizes:
        with SiteProcess(size) as site:
            output = workdir / f"pressroom-memory-{size}.jsonl"
            results.append(measure(f"pressroom {size}", pressroom_command(site, args.concurrency, output), site, output, workdir, args.timeout))
    return results


def profile_pressroom(args: argparse.Namespace, workdir: Path) -> None:
    import pstats

    profile_path = workdir / "pressroom.prof"
    with SiteProcess(args.releases) as site:
        output = workdir / "pressroom-profiled.jsonl"
        run = measure("pressroom (cProfile)", pressroom_command(site, args.concurrency, output, profile_to=profile_path), site, output, workdir, args.timeout)
    print(f"\ncProfile of one pressroom crawl ({run.pages} pages, {run.seconds:.1f} s under the profiler):")
    for order in ("tottime", "cumulative"):
        print(f"-- top {PROFILE_LINES} by {order} --")
        pstats.Stats(str(profile_path), stream=sys.stdout).strip_dirs().sort_stats(order).print_stats(PROFILE_LINES)


# -- printing ---------------------------------------------------------------------------------------


HEADER = (
    f"{'crawler':<26} {'pages':>6} {'records':>7} {'seconds':>8} {'pages/s':>8} {'wall s':>7} "
    f"{'peak RSS MB':>11} {'procs':>5} {'site CPU':>8}"
)


def row(run: Run) -> str:
    site_load = f"{100 * run.site_cpu / run.seconds:.0f} %" if run.seconds > 0 else "-"
    flag = "" if run.exit_code == 0 and not run.missing else f"  (exit {run.exit_code}, {run.missing} x 404)"
    return (
        f"{run.name:<26} {run.pages:>6} {run.records:>7} {run.seconds:>8.2f} {run.rate:>8.1f} {run.wall:>7.2f} "
        f"{run.peak_rss_mb:>11.1f} {run.processes:>5} {site_load:>8}{flag}"
    )


def print_speed(runs: list[Run], args: argparse.Namespace) -> None:
    print(f"\nSpeed: {args.releases} releases on the loopback site, concurrency {args.concurrency}, delay 0, "
          f"robots.txt obeyed, best of {args.repeat} (by pages/s)")
    print(HEADER)
    for run in runs:
        print(row(run))
    pressroom, peers = runs[0], runs[1:]
    for peer in peers:
        print(f"pressroom / {peer.name}: pages/s {pressroom.rate / peer.rate:.2f}x, "
              f"peak RSS {pressroom.peak_rss_mb / peer.peak_rss_mb:.2f}x")


def print_memory(runs: list[Run]) -> None:
    print("\nMemory: pressroom alone on sites of different sizes")
    print(HEADER)
    for run in runs:
        print(row(run))
    if len(runs) >= 2:
        small, large = runs[0], runs[-1]
        ratio = large.peak_rss_mb / small.peak_rss_mb
        verdict = "within" if ratio <= MEMORY_TARGET else "OVER"
        print(f"peak RSS at {large.records} / at {small.records} records: {ratio:.2f}x ({verdict} the {MEMORY_TARGET}x target)")


def print_commands(runs: list[Run]) -> None:
    print("\nChild command lines (URLs and files of this run):")
    for run in runs:
        print(f"  {run.name}: {shlex.join(run.command)}")


# -- command line -----------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=2000, help="releases on the site for the speed comparison (default 2000)")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight, for every crawler (default 16)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each crawler in the speed comparison; the best is shown")
    parser.add_argument("--memory-sizes", type=_sizes, default=[1000, 20000], help="site sizes for the memory comparison (default 1000,20000)")
    parser.add_argument("--no-scrapy", action="store_true", help="pressroom only (Scrapy not installed)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory comparison")
    parser.add_argument("--profile", action="store_true", help="also run pressroom once under cProfile and print the top functions")
    parser.add_argument("--timeout", type=float, default=CHILD_TIMEOUT, help="seconds before a crawler is killed")
    parser.add_argument("--keep", type=Path, help="keep outputs, logs and profiles in this folder (default: a temporary one)")
    # The Scrapy child: this file runs itself with these.
    parser.add_argument("--scrapy-child", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--scrapy-output", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scrapy-parse", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.scrapy_child:
        return run_scrapy(args.scrapy_child, args.concurrency, args.scrapy_output, args.scrapy_parse)
    print("$ " + shlex.join([Path(sys.executable).name, *sys.argv]))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {_versions(args)}")
    with tempfile.TemporaryDirectory(prefix="crawl-speed-") as scratch:
        workdir = args.keep or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        speed = compare_speed(args, workdir)
        print_speed(speed, args)
        memory = [] if args.no_memory else compare_memory(args, workdir)
        if memory:
            print_memory(memory)
        print_commands(speed + memory)
        if args.profile:
            profile_pressroom(args, workdir)
    failed = [run.name for run in speed + memory if run.exit_code != 0 or run.records == 0]
    return 1 if failed else 0


def _versions(args: argparse.Namespace) -> str:
    from importlib.metadata import PackageNotFoundError, version

    names = ["httpx", "selectolax"] + ([] if args.no_scrapy else ["scrapy", "twisted"])
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


if __name__ == "__main__":
    sys.exit(main())
