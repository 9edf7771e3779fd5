"""`pressroom worker | enqueue | status`: the distributed crawl's commands (Celery, Redis,
PostgreSQL), defined in scraper/distributed/commands.py. Only registered here: Celery, Redis and
psycopg are imported when one of them runs, never by `parse`, `crawl` or `--help`."""

from __future__ import annotations

import argparse

from scraper.cli.base import UsageError


def add_commands(commands: argparse._SubParsersAction) -> None:
    from scraper.distributed import commands as distributed  # imports neither celery nor psycopg

    distributed.add_commands(commands, UsageError)
