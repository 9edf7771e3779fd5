"""`pressroom crawl TARGET...`: crawl newsrooms into JSON Lines, politely and incrementally.

The options and their checks (files that are devices or name one another are usage errors), the
state store (a file beside -o, --state FILE or a PostgreSQL URL), the --stats file, and the exit
codes. The crawl itself is scraper/crawl.py, its state scraper/state/ and scraper/incremental.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from scraper.cli.arguments import POSTGRESQL_SCHEMES, at_least, check_scheme, file_argument, iso_date, user_agent
from scraper.cli.base import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, UsageError, describe, log_to_stderr
from scraper.sites import PROFILES

CRAWL_EPILOG = """\
examples:
  pressroom crawl osce -o osce.jsonl                   the OSCE's press releases, from its listing
  pressroom crawl osce --since 2024-01-01 --max-pages 200 -o recent.jsonl
  pressroom crawl https://www.osce.org/press-releases?page=40 -o older.jsonl
  pressroom crawl https://example.org/news --stats stats.json > news.jsonl

A TARGET is a site id (starts from the site's listing) or a URL (the host picks the site, else the
generic page; --site names one). The crawl stays on the targets' hosts, obeys robots.txt, asks one
host one thing at a time with --delay seconds between requests. Progress and a summary go to
stderr.

Incremental runs: with -o FILE the crawl keeps its state in FILE.state.db (or --state). The next
run sends conditional requests, writes only new releases and edited ones (again, with `version`
+1), and stops reading a listing at a page of releases already in FILE and older than the newest
date seen before. Kill it at any moment (kill -9 included) and run the same command again: it
resumes from the saved frontier and FILE holds every release exactly once. Ctrl-C (SIGINT) or
SIGTERM stops it cleanly; a second one quits at once. One run per state file at a time.
-o, --state and --stats name three different files, none of them a device (leave -o out for stdout).

A page that fails (a bad answer, a bad header, a bug met on it) is an error of that page, counted
and logged; the crawl goes on and never hangs on it.

exit codes: 0 the crawl completed (page failures are counted; a run that finds nothing new is
0), 1 a start URL failed (on every run: it is no work to resume), a start page gave no release
link at all (a wrong URL, or a newsroom the generic page does not read: see --site), it could
not write its output or state (full disk, unusable or in use), or it stopped on an internal
error (said in one line), 2 bad usage, 3 interrupted by SIGINT/SIGTERM (run again to resume),
128+N killed by a second signal N.
"""


def add_command(commands: argparse._SubParsersAction) -> None:
    from scraper.fetch import DEFAULT_DELAY, USER_AGENT  # imported here: only `crawl` needs the network layer

    command = commands.add_parser(
        "crawl",
        help="crawl a newsroom into JSON Lines",
        description="Crawl newsrooms politely and write every release as one JSON line.",
        epilog=CRAWL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("targets", nargs="+", metavar="TARGET", help=f"a site ({', '.join(sorted(PROFILES))}) or a URL")
    command.add_argument("-o", "--output", type=file_argument("-o"), metavar="FILE", help="append JSON Lines to FILE (default: stdout)")
    command.add_argument("--site", choices=sorted(PROFILES), help="the site profile to parse URL targets with")
    command.add_argument("--since", type=iso_date, metavar="DATE", help="only releases from DATE on (YYYY-MM-DD)")
    command.add_argument("--until", type=iso_date, metavar="DATE", help="only releases up to DATE (YYYY-MM-DD)")
    command.add_argument("--max-pages", type=at_least(1, int), metavar="N", help="fetch at most N pages in all")
    command.add_argument(
        "--delay", type=at_least(0, float), default=DEFAULT_DELAY, metavar="SECONDS",
        help=f"seconds between requests to one host (default {DEFAULT_DELAY:g}; robots.txt Crawl-delay can raise it)",
    )
    command.add_argument(
        "--concurrency", type=at_least(1, int), default=1, metavar="N", help="requests in flight per host (default 1)"
    )
    command.add_argument("--user-agent", type=user_agent, default=USER_AGENT, metavar="UA", help=f"default: {USER_AGENT}")
    command.add_argument("--stats", type=file_argument("--stats"), metavar="FILE", help="write the crawl's figures to FILE as JSON")
    state = command.add_mutually_exclusive_group()
    state.add_argument(
        "--state", metavar="FILE|URL",
        help="the incremental state: a file (default: OUTPUT.state.db with -o; none when writing to stdout)"
        " or a PostgreSQL URL (postgresql://host/db?schema=NAME)",
    )
    state.add_argument("--no-state", action="store_true", help="crawl everything, remember nothing")
    command.set_defaults(handler=_run_crawl)


def _run_crawl(args: argparse.Namespace) -> int:
    import signal

    from scraper.crawl import CrawlConfig, crawl, resolve_targets
    from scraper.errors import OutputError, StateError
    from scraper.fetch import FetchSettings
    from scraper.incremental import IncrementalState
    from scraper.jsonl import JsonlWriter
    from scraper.progress import Progress

    try:
        targets = resolve_targets(args.targets, args.site, args.since, args.until)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.state is not None:
        check_scheme(args.state, "--state", "a file or a postgresql:// URL", POSTGRESQL_SCHEMES)
    _check_crawl_files(args)
    settings = FetchSettings(user_agent=args.user_agent, delay=args.delay, per_host=args.concurrency)
    config = CrawlConfig(targets, since=args.since, until=args.until, max_pages=args.max_pages, fetch=settings)
    log_to_stderr()
    signals = (signal.SIGINT, signal.SIGTERM)
    try:
        # The state first: its lock speaks. The outputs are opened before the crawl, so a bad path
        # is found before any request, not after an hour of crawling.
        with _crawl_state(args) as store, JsonlWriter(args.output) as writer, _stats_output(args.stats) as stats_out:
            if writer.repair:
                print(f"pressroom: {writer.repair}", file=sys.stderr)
            state = IncrementalState(store, writer) if store is not None else None
            if store is not None:
                _warn_if_rebuilding(store, writer)
            progress = Progress(sys.stderr, total=args.max_pages)
            stats = asyncio.run(crawl(config, writer, state=state, progress=progress, stop_signals=signals))
            stats_saved = _save_stats(stats_out, stats, args.stats)
    except (OutputError, StateError) as error:
        print(f"pressroom: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(stats.summary(), file=sys.stderr)
    if stats.interrupted:
        return EXIT_INTERRUPTED  # resumable, whatever else went wrong
    return EXIT_OK if stats.succeeded and stats_saved else EXIT_FAILED


def _crawl_files(args: argparse.Namespace) -> list[tuple[str, Path]]:
    """The files a crawl writes, with the option that names each: -o, the state (and its lock), --stats."""
    from scraper.state import LOCK_SUFFIX, default_state_path, is_database_url

    files: list[tuple[str, Path]] = []
    if args.output is not None:
        files.append(("-o", args.output))
    state = None if args.no_state else args.state or (default_state_path(args.output) if args.output else None)
    if state is not None and not is_database_url(state):  # a database is no file to collide with
        state = Path(state)
        files.append(("--state" if args.state else "the state beside -o", state))
        files.append(("the state's lock", state.with_name(state.name + LOCK_SUFFIX)))
    if args.stats is not None:
        files.append(("--stats", args.stats))
    return files


def _check_crawl_files(args: argparse.Namespace) -> None:
    """Refuse (usage error, before anything is opened) a device, a pipe or a socket as a file the
    crawl writes (`-o /dev/full` would create /dev/full.state.db), and two options naming one file
    (--stats naming the output replaced the output with the figures)."""
    import stat

    files = _crawl_files(args)
    for flag, path in files:
        try:
            mode = path.stat().st_mode
        except OSError:
            continue  # not there yet (or unreadable: opening it will say so)
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise UsageError(f"{flag} {path}: is a device, a pipe or a socket, not a file (leave -o out to write to stdout)")
    for index, (flag, path) in enumerate(files):
        for other_flag, other in files[index + 1 :]:
            if _same_file(path, other):
                raise UsageError(f"{flag} and {other_flag} name the same file {path}: give each its own")


def _same_file(one: Path, other: Path) -> bool:
    import os

    try:
        if one.exists() and other.exists():
            return os.path.samefile(one, other)
    except OSError:
        pass
    return one.resolve() == other.resolve()


def _stats_output(path: Path | None):  # -> ContextManager[TextIO | None]
    """--stats FILE opened for writing now (appending: nothing is lost if the crawl cannot start)."""
    import contextlib

    from scraper.errors import OutputError

    if path is None:
        return contextlib.nullcontext(None)
    try:
        return path.open("a", encoding="utf-8")
    except OSError as error:
        raise OutputError(f"cannot open stats file {path}: {describe(error)}") from None


def _save_stats(stream, stats, path: Path | None) -> bool:
    """Replace the --stats file's content with the crawl's figures; False (and said) if it fails."""
    if stream is None:
        return True
    try:
        stream.seek(0)
        stream.truncate()
        stream.write(json.dumps(stats.to_dict(), indent=2, sort_keys=True) + "\n")
        stream.flush()
    except OSError as error:
        print(f"pressroom: cannot write stats file {path}: {describe(error)}", file=sys.stderr)
        return False
    return True


def _crawl_state(args: argparse.Namespace):  # -> ContextManager[StateBackend | None]
    """The state store the crawl keeps: --state (a file or a PostgreSQL URL), else beside -o FILE;
    none for stdout or --no-state."""
    import contextlib

    from scraper.state import default_state_path, state_store

    from scraper.errors import OutputError

    if args.no_state or (args.state is None and args.output is None):
        return contextlib.nullcontext(None)
    if args.output is not None and not args.output.parent.is_dir():  # name the output, not the state's lock
        raise OutputError(f"cannot open output file {args.output}: no such directory {args.output.parent}")
    return state_store(args.state or default_state_path(args.output))


def _warn_if_rebuilding(store, writer) -> None:
    """Say so when the state knows releases the output does not hold (deleted or replaced)."""
    from scraper.progress import counted

    known = store.written_count()
    if writer.path is not None and not writer.existed and known:
        print(
            f"pressroom: {writer.path} is missing or empty but {store.path} knows {counted(known, 'release')}: "
            "rebuilding the output with full fetches",
            file=sys.stderr,
        )
