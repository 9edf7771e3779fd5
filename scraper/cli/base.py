"""What every command shares: the exit codes, the usage error (one line, exit code 2), the
argument parser that raises it, and how a failure or a library log line is said on stderr
("pressroom: ...")."""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 3  # crawl: stopped by SIGINT/SIGTERM, resumable


class UsageError(Exception):
    """Bad arguments: reported in one line with exit code 2, pointing at the command's own --help."""

    def __init__(self, message: str, prog: str | None = None) -> None:
        super().__init__(message)
        self.prog = prog  # "pressroom fixtures check"; None: the command being run (or pressroom)


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits itself; we want our code and no usage dump
        raise UsageError(message, self.prog)


def log_to_stderr() -> None:
    """The library's log lines (a retry, a crawl's page failure) on stderr as the CLI's own lines,
    "pressroom: retry 1 of URL after ...": without a handler Python prints them bare."""
    import logging

    if not logging.getLogger().handlers:  # a test's or an embedding program's handler is kept
        logging.basicConfig(level=logging.WARNING, format="pressroom: %(message)s", stream=sys.stderr)


def first_line(error: BaseException) -> str:
    """The error's first line (at most 200 characters), for a message of one line."""
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "no message"


def describe(error: BaseException) -> str:
    """An error as a message says it: "no such file", not "[Errno 2] No such file or directory: ..."."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
