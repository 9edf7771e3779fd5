"""The command line: `pressroom parse | crawl | fixtures | schema`, and the distributed crawl's
`worker | enqueue | status` (scraper/distributed/commands.py).

Records go to stdout (or -o FILE), messages and progress to stderr. `main(argv) -> int` so tests
run it in-process. Exit codes: 0 done, 1 a failure (some input or the run), 2 bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from schemas import json_schema
from scraper.charset import decode_html
from scraper.errors import ExtractionError, ScraperError
from scraper.parse import parse
from scraper.parsepool import PARSE_DEADLINE, parse_deadline
from scraper.sites import PROFILES, profile_for
from scraper.urls import redact_password

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 3  # crawl: stopped by SIGINT/SIGTERM, resumable

DESCRIPTION = """\
Turn the press releases of international organizations into validated JSON records.

  pressroom parse page.html              one JSON record per saved page
  pressroom crawl osce -o releases.jsonl  crawl a newsroom into JSON Lines
  pressroom export releases.jsonl --to parquet -o tables/   three tables for pandas, DuckDB, Datasette
  pressroom report releases.jsonl -o report.html             one HTML page with charts and the quotes
  pressroom schema                       the JSON Schema of a record
  pressroom worker / enqueue / status    a crawl spread over many machines (Celery, Redis, PostgreSQL)
"""

PARSE_EPILOG = f"""\
examples:
  pressroom parse fixtures/osce/en-sarajevo-hyphen-date-label-empty.html
  pressroom parse --url https://www.osce.org/cthb/50703 saved.html
  pressroom parse https://www.osce.org/cthb/50703                 fetched once, as the crawler fetches
  pressroom parse https://www.osce.org/cthb/50703 saved.html       URLs and files mixed, output in input order
  curl -s https://www.osce.org/cthb/50703 | pressroom parse - --url https://www.osce.org/cthb/50703
  pressroom parse pages/*.html > records.jsonl
  pressroom parse --any-page about.html   the best record of any page: title, date, body

A FILE is a saved page. Without --url it is parsed as its own canonical URL (<link rel=canonical>),
else as its file:// path. A URL (http:// or https://) is fetched through the crawler's fetcher:
robots.txt obeyed, its User-Agent, the 10 MB cap, retries, one request at a time per host with
its delay; it is parsed as the URL it ends at after redirects. The URL's host picks the site
profile unless --site names one. An input that cannot be read, fetched or parsed (not a release
page: a listing, an empty page, an undated page of a site without a profile; larger than 10 MB,
refused by robots.txt, HTTP 404, longer than {PARSE_DEADLINE:g} s to parse...) gets a one-line error on
stderr; the others are still parsed, and the exit code is 1. With --any-page every HTML page gets a
record (its `kind` null unless the page labels itself), so the exit code is 0 unless an input
cannot be read, fetched or is not HTML.
"""
# The same cap the crawler puts on a response body: a release page is far smaller.
MAX_PAGE_BYTES = 10 * 1024 * 1024


class UsageError(Exception):
    """Bad arguments: reported in one line with exit code 2, pointing at the command's own --help."""

    def __init__(self, message: str, prog: str | None = None) -> None:
        super().__init__(message)
        self.prog = prog  # "pressroom fixtures check"; None: the command being run (or pressroom)


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits itself; we want our code and no usage dump
        raise UsageError(message, self.prog)


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="pressroom", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version="pressroom 0.1.0")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    _add_parse_command(commands)
    _add_crawl_command(commands)
    _add_export_command(commands)
    _add_report_command(commands)
    _add_fixtures_command(commands)
    _add_distributed_commands(commands)
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a record",
        description="Print the JSON Schema of a record (a line of `parse` or `crawl` output), as committed "
        "in schemas/press_release.schema.json. Every field is described there.",
    )
    schema.set_defaults(handler=_run_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = None
    try:
        # Unknown options are found by the top parser, which would point at `pressroom --help`:
        # name the command they were given to instead.
        args, unknown = parser.parse_known_args(argv)
        if unknown:
            raise UsageError(f"unrecognized arguments: {' '.join(unknown)}")
        if not getattr(args, "handler", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return args.handler(args)
    except UsageError as error:
        print(f"pressroom: error: {error} (see {error.prog or command_prog(args)} --help)", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("pressroom: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK  # `pressroom parse ... | head`: the reader has what it wanted


def command_prog(args: argparse.Namespace | None) -> str:
    """"pressroom fixtures check" for the command `args` were parsed for ("pressroom" if none)."""
    words = ["pressroom"]
    if args is not None:
        words += [word for word in (getattr(args, "command", None), getattr(args, "action", None)) if word]
    return " ".join(words)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


# -- parse ------------------------------------------------------------------------------------------


def _add_parse_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "parse",
        help="parse saved release pages (or fetch URLs) into JSON records",
        description="Parse release pages, saved or fetched from a URL, into JSON records, one per line, in input order.",
        epilog=PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("files", nargs="+", metavar="FILE|URL", help="saved HTML files (- reads stdin) or http(s) URLs to fetch and parse")
    command.add_argument("--url", type=web_url, help="the http(s) URL the page was fetched from (only with a single FILE)")
    command.add_argument("--site", choices=sorted(PROFILES), help="the site profile to parse with")
    command.add_argument("--any-page", action="store_true",
                         help="read any page (an article, a listing, an about page) instead of refusing what is not a release")
    command.set_defaults(handler=_run_parse)


def _run_parse(args: argparse.Namespace) -> int:
    for name in args.files:
        check_scheme(name, "FILE|URL", "a file or an http(s) URL", WEB_SCHEMES)
    urls = [name for name in args.files if is_web_url(name)]
    if args.url and urls:
        raise UsageError("--url names where a saved FILE comes from; a URL input is parsed as the URL it was fetched from")
    if args.url and len(args.files) > 1:
        raise UsageError("--url names the URL of one page: give a single FILE with it")
    if args.files.count("-") > 1:
        raise UsageError("- (stdin) can be read once: give it a single time")
    if not urls:
        return _parse_inputs(args, fetch=None)
    return _parse_with_fetcher(args, urls)


def _parse_inputs(args: argparse.Namespace, fetch: Callable[[str], tuple[str, str]] | None) -> int:
    """Parse every input in order, printing each record as it comes; `fetch(url) -> (html, final url)`."""
    failures = 0
    for name in args.files:
        try:
            if fetch is not None and is_web_url(name):
                html, url = fetch(name)
                default_url = None
            else:
                html, default_url = _read_page(name)
                url = args.url
            with parse_deadline(PARSE_DEADLINE):
                line = parse(html, url, args.site, default_url=default_url, any_page=args.any_page).model_dump_json()
        except (OSError, ScraperError) as error:
            failures += 1
            hint = f" (parsed as site {args.site!r}: is it the right --site?)" if args.site and isinstance(error, ExtractionError) else ""
            print(f"pressroom: {name}: {_describe(error)}{hint}", file=sys.stderr)
            continue
        except Exception as error:  # noqa: BLE001 - a parser bug on one page: say so in a line, go on
            failures += 1
            print(f"pressroom: {name}: unexpected error ({type(error).__name__}: {_first_line(error)})", file=sys.stderr)
            continue
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    return EXIT_FAILED if failures else EXIT_OK


# Politeness waits of `parse URL`; tests replace it so that nothing sleeps.
PARSE_FETCH_SLEEP: Callable[[float], Awaitable[None]] = asyncio.sleep


def _parse_with_fetcher(args: argparse.Namespace, urls: list[str]) -> int:
    """Parse with one Fetcher for every URL: one robots.txt per host, the delay between requests to it."""
    from scraper.fetch import Fetcher, FetchSettings, Scope  # only URL inputs need the network layer

    log_to_stderr()
    hosts = tuple(host for url in urls for host in profile_for(url, args.site).hosts)
    scope = Scope.for_targets(urls, hosts)  # the hosts named, and their profile's: redirects stay there
    with asyncio.Runner() as runner:
        fetcher = Fetcher(FetchSettings(), scope=scope, sleep=PARSE_FETCH_SLEEP)
        runner.run(fetcher.__aenter__())
        try:

            def fetch(url: str) -> tuple[str, str]:
                page = runner.run(fetcher.fetch(url))
                return page.text, page.final_url

            return _parse_inputs(args, fetch)
        finally:
            runner.run(fetcher.__aexit__(None, None, None))


def log_to_stderr() -> None:
    """The library's log lines (a retry, a crawl's page failure) on stderr as the CLI's own lines,
    "pressroom: retry 1 of URL after ...": without a handler Python prints them bare."""
    import logging

    if not logging.getLogger().handlers:  # a test's or an embedding program's handler is kept
        logging.basicConfig(level=logging.WARNING, format="pressroom: %(message)s", stream=sys.stderr)


def is_web_url(text: str) -> bool:
    """An input to fetch rather than a file to read: http:// or https://."""
    return text.lower().startswith(("http://", "https://"))


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "no message"


def _read_page(name: str) -> tuple[str, str]:
    if name == "-":
        return decode_html(_read_capped(sys.stdin.buffer)), "stdin:"
    path = Path(name)
    if path.is_dir():
        raise IsADirectoryError("is a directory")
    if path.exists() and not path.is_file():
        raise ExtractionError("not a regular file")  # a device or a pipe: /dev/zero would never end
    with path.open("rb") as stream:
        return decode_html(_read_capped(stream)), path.resolve().as_uri()


def _read_capped(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise ExtractionError(f"larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB: not a release page")
    return data


def iso_date(text: str):  # -> datetime.date
    """An argparse type: a YYYY-MM-DD date."""
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def web_url(text: str) -> str:
    """An argparse type: an absolute http(s) URL."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL")
    return text


# "redis://", "C:/x" excluded: a scheme is letters, digits, + - . before "://".
URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
WEB_SCHEMES = ("http", "https")
POSTGRESQL_SCHEMES = ("postgresql", "postgres")


def url_scheme(text: str) -> str | None:
    """"redis" for "redis://host/0"; None for a path (even "C:\\x" or "a:b")."""
    match = URL_SCHEME.match(text)
    return match.group(1).lower() if match else None


def check_scheme(text: str, option: str, takes: str, supported: tuple[str, ...] = ()) -> None:
    """A UsageError when `text` is a URL of a scheme `option` does not take: a file option given
    "redis://host/0" would otherwise make a file named "redis:/host/0" (or say "no such file")."""
    scheme = url_scheme(text)
    if scheme is not None and scheme not in supported:
        raise UsageError(f"{text}: {option} takes {takes}, not {scheme}://")


def file_argument(option: str, takes: str = "a file") -> Callable[[str], Path]:
    """An argparse type: a local path, refusing a URL (`-o s3://bucket/x` is no file this writes)."""

    def path(text: str) -> Path:
        scheme = url_scheme(text)
        if scheme is not None:
            raise argparse.ArgumentTypeError(f"{text!r}: {option} takes {takes}, not {scheme}://")
        return Path(text)

    return path


def _describe(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


# -- crawl ------------------------------------------------------------------------------------------


def _add_crawl_command(commands: argparse._SubParsersAction) -> None:
    import math

    from scraper.fetch import DEFAULT_DELAY, USER_AGENT  # imported here: only `crawl` needs the network layer

    def at_least(minimum: float, kind: type) -> Callable[[str], float]:
        def number(text: str) -> float:
            try:
                value = kind(text)
            except ValueError:
                raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
            if not math.isfinite(value):  # nan passes every comparison; inf would wait forever
                raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
            if value < minimum:
                raise argparse.ArgumentTypeError(f"{text} is below {minimum}")
            return value

        return number

    def user_agent(text: str) -> str:
        # A header value: httpx sends ASCII only, and a control character (a newline) breaks the request.
        if not text.strip():
            raise argparse.ArgumentTypeError("the User-Agent must not be empty")
        if not (text.isascii() and text.isprintable()):
            raise argparse.ArgumentTypeError(f"{text!r}: a User-Agent is printable ASCII, without control characters")
        return text.strip()

    command = commands.add_parser(
        "crawl",
        help="crawl a newsroom into JSON Lines",
        description="Crawl newsrooms politely and write every release as one JSON line.",
        epilog="""\
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
""",
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
        raise OutputError(f"cannot open stats file {path}: {_describe(error)}") from None


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
        print(f"pressroom: cannot write stats file {path}: {_describe(error)}", file=sys.stderr)
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


# -- export -----------------------------------------------------------------------------------------

EXPORT_EPILOG = """\
examples:
  pressroom export osce.jsonl --to parquet -o osce-tables/     releases.parquet, quotes.parquet, speakers.parquet
  pressroom export osce.jsonl --to csv -o osce-csv/            the same three tables as CSV files
  pressroom export osce.jsonl --to sqlite -o osce.db && datasette osce.db
  pressroom export osce.jsonl --to jsonl -o latest.jsonl --since 2024-01-01
  pressroom export postgresql://host/db --to parquet -o tables/   (records from a distributed crawl)

Three tables keyed by url: releases (every record field but quotes and speakers), quotes (one row a
quote: url, version, position, text, speaker, role, paragraph) and speakers (url, version,
position, name, role, quotes). By default a release edited since its first crawl appears once, in
its latest version; --all-versions keeps every version (the key is then url and version).

formats: csv and parquet write a folder of three files (list columns such as sources are JSON
text in CSV, lists in Parquet); sqlite writes one database with full-text search on title, body
and quote text (`datasette FILE` browses and searches it); jsonl writes the records themselves,
nested, one version each. Column types come from the JSON Schema (`pressroom schema`).

An existing output is replaced only with --force. exit codes: 0 written, 1 the input is bad (the
line is named) or the output cannot be written (nothing is left half-written), 2 bad usage.
"""




def _add_export_command(commands: argparse._SubParsersAction) -> None:
    from scraper.export import FORMATS  # pure and light: the writers import pyarrow/sqlite-utils when run

    command = commands.add_parser(
        "export",
        help="export a crawl as tables: CSV, Parquet, SQLite (Datasette) or JSON Lines",
        description="Export a crawl's records as three tables (releases, quotes, speakers), "
        "the latest version of each release by default.",
        epilog=EXPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("source", metavar="SOURCE", help="a JSON Lines file of records (from crawl or parse), or a postgresql:// URL")
    command.add_argument("--to", dest="fmt", choices=FORMATS,
                         help="the format to write (default: from -o's suffix: .jsonl is jsonl, .db or .sqlite is sqlite)")
    command.add_argument("-o", "--output", type=file_argument("-o", "a folder or a file"), required=True, metavar="PATH",
                         help="the folder (csv, parquet) or file (sqlite, jsonl) to write")
    command.add_argument("--all-versions", action="store_true", help="every version of an edited release, not only the latest")
    command.add_argument("--since", type=iso_date, metavar="DATE", help="only releases dated DATE or later (YYYY-MM-DD); undated ones are left out")
    command.add_argument("--force", action="store_true", help="replace an existing output")
    command.set_defaults(handler=_run_export)


# `-o releases.jsonl` says the format by itself; a folder (csv, parquet) needs --to.
FORMAT_OF_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite"}


def _run_export(args: argparse.Namespace) -> int:
    from scraper.export import ExportError, ExportInputError, export, read_records

    if args.fmt is None:
        args.fmt = FORMAT_OF_SUFFIX.get(args.output.suffix.lower())
        if args.fmt is None:
            raise UsageError(f"-o {args.output}: say which format with --to (csv, parquet, sqlite or jsonl)")

    check_scheme(args.source, "SOURCE", "a JSON Lines file or a postgresql:// URL", POSTGRESQL_SCHEMES)
    from scraper.state import is_database_url

    from_database = is_database_url(args.source)
    try:
        records = _database_records(args) if from_database else read_records(Path(args.source))
        counts = export(records, args.fmt, args.output, all_versions=args.all_versions, since=args.since,
                        force=args.force, validate=from_database)  # read_records validates each line itself
    except (ExportError, ExportInputError) as error:
        print(f"pressroom: {error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # noqa: BLE001 -- the database driver's own errors (refused, no such table)
        if not from_database:
            raise
        print(f"pressroom: cannot read {redact_password(args.source)}: {_describe(error)}", file=sys.stderr)
        return EXIT_FAILED
    print(f"pressroom: wrote {args.output} ({args.fmt}): {counts.summary()}", file=sys.stderr)
    return EXIT_OK


def _database_records(args: argparse.Namespace):  # -> Iterable[dict]
    """Records from the database of a distributed crawl (scraper.distributed, another install)."""
    from scraper.export import ExportInputError

    try:
        from scraper.distributed.records import iter_records
    except ImportError as error:
        raise ExportInputError(
            f"cannot read {redact_password(args.source)}: the database reader is not available ({error})"
        ) from None
    return iter_records(args.source, since=args.since, all_versions=args.all_versions)


# -- report -----------------------------------------------------------------------------------------

REPORT_EPILOG = """\
examples:
  pressroom report osce.jsonl -o report.html
  pressroom report osce.jsonl -o report.html --since 2024-01-01 --title "OSCE releases in 2024"

One self-contained HTML file (no network: the data and the code that draws the charts are inside
it): releases per month by field of work, the most frequent sources and places, the most quoted
speakers with their roles, and a searchable table of every quote linking to its release. The latest
version of each release is counted once. exit codes: 0 written, 1 bad input or unwritable output,
2 bad usage.
"""


def _add_report_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "report",
        help="one self-contained HTML page of charts and quotes from a crawl",
        description="Write one self-contained HTML report of a crawl's releases, speakers and quotes.",
        epilog=REPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("source", metavar="RELEASES.jsonl", type=file_argument("RELEASES.jsonl", "a JSON Lines file"),
                         help="a JSON Lines file of records (from crawl or parse)")
    command.add_argument("-o", "--output", type=file_argument("-o"), required=True, metavar="FILE", help="the HTML file to write")
    command.add_argument("--since", type=iso_date, metavar="DATE", help="only releases dated DATE or later (YYYY-MM-DD)")
    command.add_argument("--title", help="the report's heading (default: from the file name)")
    command.add_argument("--force", action="store_true", help="replace an existing FILE")
    command.set_defaults(handler=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from scraper.export import ExportError, ExportInputError, read_records, select
    from scraper.report import write_report

    try:
        selection = select(read_records(Path(args.source)), since=args.since)
        summary = write_report(selection.records, args.output, title=args.title or f"pressroom: {Path(args.source).name}",
                               force=args.force)
    except (ExportError, ExportInputError) as error:
        print(f"pressroom: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"pressroom: wrote {args.output}: {summary}", file=sys.stderr)
    return EXIT_OK


def _add_distributed_commands(commands: argparse._SubParsersAction) -> None:
    from scraper.distributed.commands import add_commands  # imports neither celery nor psycopg

    add_commands(commands, UsageError)


# -- fixtures ---------------------------------------------------------------------------------------


FIXTURES_EPILOG = """\
the workflow for a site (see README, "Adding a site"):
  pressroom fixtures record https://www.europarl.europa.eu/news/en/press-room/<id>/<slug>
      saves fixtures/europarl/<slug>.html byte-exact and a draft <slug>.json ("_review": true)
  (read the page, correct the draft, remove "_review")
  pressroom fixtures check                  every fixture: each differing field as a diff
  pressroom fixtures rerun fixtures/europarl/<slug>.json --fields body,highlights --write

exit codes: 0 every fixture passes, 1 a field differs, a draft is not reviewed or a page fails to
parse, 2 bad usage.
"""
FIXTURES_CHECK_EPILOG = """\
examples:
  pressroom fixtures check                               every fixture under fixtures/
  pressroom fixtures check fixtures/europarl             one site
  pressroom fixtures check fixtures/osce/en-qabala-country-qualifier-figure.json

exit codes: 0 every fixture passes, 1 a field differs, a draft is not reviewed or a page fails to
parse, 2 bad usage (no such fixture or folder).
"""
FIXTURES_RERUN_EPILOG = """\
examples:
  pressroom fixtures rerun fixtures/europarl/<slug>.json                  the diff, nothing written
  pressroom fixtures rerun fixtures/europarl/<slug>.json --fields body,highlights --write
  pressroom fixtures rerun fixtures/osce --write && git diff fixtures/     every fixture of a site

A draft stays a draft ("_review" is kept). exit codes: 0 nothing differs (or --write wrote it),
1 something differs and nothing was written, or a page fails to parse, 2 bad usage.
"""
FIXTURES_RECORD_EPILOG = """\
examples:
  pressroom fixtures record https://www.osce.org/secretariat/590000
      saves fixtures/osce/secretariat-590000.html and the draft fixtures/osce/secretariat-590000.json
  pressroom fixtures record https://www.unwater.org/news/geneva-talks.html --site generic
      saves fixtures/generic/geneva-talks.html (a page extension is not part of the name)
  pressroom fixtures record https://example.org/ --name example-front-page --force

The name (the slug) is the URL's last path segment without .html/.php, with the segment before
it when it is a number; --name picks another. Then read the page, correct the draft, remove
"_review" and run pressroom fixtures check. exit codes: 0 recorded, 1 the page could not be
fetched, the fixture exists (without --force) or the parser made no record, 2 bad usage.
"""
DEFAULT_FIXTURES = Path("fixtures")


def _add_fixtures_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "fixtures",
        help="record, check and re-record golden fixtures",
        description="Golden fixtures: saved pages beside the records a person expects from them.",
        epilog=FIXTURES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = command.add_subparsers(dest="action", metavar="ACTION", parser_class=ArgumentParser, required=True)

    check = actions.add_parser(
        "check", help="compare every fixture's page, parsed now, with its expected JSON",
        description="Parse every fixture's saved page now and compare the record, field by field, with its\n"
        "expected JSON. Each differing field is printed as a diff naming the fixture and the field;\n"
        "a tally ends the output.",
        epilog=FIXTURES_CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", type=file_argument("PATH", "a fixture file or folder"), metavar="PATH", help="fixture files or folders (default: fixtures/)")
    check.set_defaults(handler=_run_fixtures_check)

    rerun = actions.add_parser(
        "rerun", help="show what the parser now gives; rewrite the expected JSON with --write",
        description="Show how the parser's record now differs from a fixture's expected JSON; with --write,\n"
        "take the named fields (or all) from the parser into the expected JSON. The git diff is the review.",
        epilog=FIXTURES_RERUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rerun.add_argument("paths", nargs="+", type=file_argument("PATH", "a fixture file or folder"), metavar="PATH", help="fixture files (.json or .html) or folders")
    rerun.add_argument("--fields", help="only these fields, comma-separated (e.g. body,highlights)")
    rerun.add_argument("--write", action="store_true", help="rewrite the expected JSON (else only show the diff)")
    rerun.set_defaults(handler=_run_fixtures_rerun)

    record = actions.add_parser(
        "record", help="fetch a page once and save it with a draft expected JSON",
        description="Fetch a release page once, politely (robots.txt, the crawler's User-Agent and limits),\n"
        "save it byte for byte as fixtures/<site>/<slug>.html and the parser's record as a draft\n"
        "<slug>.json to review.",
        epilog=FIXTURES_RECORD_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    record.add_argument("url", metavar="URL", type=web_url, help="the release page to fetch (once, politely: robots.txt, the crawler's limits)")
    record.add_argument("--site", choices=sorted(PROFILES), help="the profile (default: the one for the URL's host)")
    record.add_argument("--name", metavar="SLUG", help="the fixture's name (default: from the URL's path)")
    record.add_argument("--dir", type=file_argument("--dir", "a folder"), default=DEFAULT_FIXTURES, help="the fixtures folder (default: fixtures/)")
    record.add_argument("--force", action="store_true", help="record over an existing fixture")
    record.set_defaults(handler=_run_fixtures_record)


# The fixtures commands import scraper.fixtures (and, through it, the fetcher) only when run.


def _run_fixtures_check(args: argparse.Namespace) -> int:
    from scraper.fixtures import check

    fixtures = _fixtures_at(args.paths or [DEFAULT_FIXTURES])
    verdicts = [check(fixture) for fixture in fixtures]
    for verdict in verdicts:
        if not verdict.passed:
            print(verdict.report())
    _print_tally(verdicts)
    return EXIT_OK if all(verdict.passed for verdict in verdicts) else EXIT_FAILED


def _run_fixtures_rerun(args: argparse.Namespace) -> int:
    from scraper.fixtures import check, rewrite, write_expected

    fields = _fields_option(args.fields)
    failed = False
    for fixture in _fixtures_at(args.paths):
        verdict = check(fixture, fields)
        if verdict.error or verdict.actual is None:
            print(verdict.report())
            failed = True
        elif not verdict.diffs:
            print(f"{fixture.name}: the parser gives what is expected" + (f" ({', '.join(fields)})" if fields else ""))
        else:
            print(verdict.report())
            if args.write:
                write_expected(fixture.json_path, rewrite(fixture, verdict.actual, fields))
                changed = ", ".join(diff.field for diff in verdict.diffs)
                print(f"pressroom: wrote {fixture.json_path} ({changed}): review the change with git diff", file=sys.stderr)
            else:
                failed = True
    if failed and not args.write:
        print("pressroom: nothing written; --write rewrites the expected JSON", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _run_fixtures_record(args: argparse.Namespace) -> int:
    from scraper.fixtures import REVIEW_MARK, FixtureExists, record
    from scraper.progress import counted

    log_to_stderr()  # the fetcher's retries, as `parse URL` shows them
    try:
        recorded = record(args.url, args.dir, site=args.site, name=args.name, force=args.force)
    except ValueError as error:
        raise UsageError(str(error)) from None
    except (FixtureExists, ScraperError, OSError) as error:
        print(f"pressroom: {args.url}: {_describe(error)}", file=sys.stderr)
        return EXIT_FAILED
    fixture = recorded.fixture
    print(f"pressroom: fetched {recorded.final_url} ({counted(recorded.size, 'byte')})", file=sys.stderr)
    print(f"pressroom: wrote {fixture.html_path}", file=sys.stderr)
    print(f"pressroom: wrote {fixture.json_path}: a draft; check every field against the page, "
          f"then remove {REVIEW_MARK!r}", file=sys.stderr)
    if recorded.parse_error:
        print(f"pressroom: the parser made no record ({recorded.parse_error}); the draft holds url and site "
              f"only: fix the profile, then pressroom fixtures rerun {fixture.json_path} --write", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _fixtures_at(paths: list[Path]) -> list:
    from scraper.fixtures import discover

    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise UsageError(f"no such fixture or folder: {', '.join(missing)}")
    fixtures = discover(paths)
    if not fixtures:
        raise UsageError(f"no fixtures (<slug>.html beside <slug>.json) under {', '.join(map(str, paths))}")
    return fixtures


def _fields_option(value: str | None) -> list[str] | None:
    from scraper.fixtures import expected_fields

    if value is None:
        return None
    fields = [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(fields) - set(expected_fields()))
    if unknown or not fields:
        raise UsageError(f"--fields: unknown {', '.join(unknown) or '(none given)'}; fields: {', '.join(expected_fields())}")
    return fields


def _print_tally(verdicts: list) -> None:
    from scraper.progress import counted

    tally = ", ".join([
        f"{sum(v.passed for v in verdicts)} passed",
        f"{sum(bool(v.diffs) for v in verdicts)} differ",
        counted(sum(v.draft for v in verdicts), "draft"),
        counted(sum(bool(v.error) for v in verdicts), "error"),
    ])
    print(f"pressroom: {counted(len(verdicts), 'fixture')}: {tally}", file=sys.stderr)


# -- schema -----------------------------------------------------------------------------------------


def _run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK


def schema_text() -> str:
    """The JSON Schema exactly as committed in schemas/press_release.schema.json."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
