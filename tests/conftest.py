"""Shared test helpers: where the repository's fixtures and the read-only ../shared pages live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
# Third-party pages are read from ../shared beside the checkout (CI lays it there), never copied in.
SHARED = REPO.parent / "shared"

SHARED_MISSING = f"{SHARED} is absent: the third-party pages are read from there, never copied into the repo"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(SHARED_MISSING)
    return path


def shared_files(pattern: str) -> list[Path]:
    """Files under ../shared matching a glob; empty (so parametrized tests skip) when absent."""
    return sorted(SHARED.glob(pattern)) if SHARED.exists() else []


def pytest_report_header() -> str:
    if SHARED.exists():
        return f"third-party pages: read from {SHARED}"
    return f"third-party pages: {SHARED_MISSING}; the tests over them are skipped (\"got empty parameter set\")"
