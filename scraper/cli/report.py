"""`pressroom report RELEASES.jsonl -o FILE`: one self-contained HTML page of a crawl's releases,
speakers and quotes (the page itself is built by scraper/report.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scraper.cli.arguments import file_argument, iso_date
from scraper.cli.base import EXIT_FAILED, EXIT_OK

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


def add_command(commands: argparse._SubParsersAction) -> None:
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
