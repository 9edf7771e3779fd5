"""The real PostgreSQL and Redis the distributed tests run against (127.0.0.1, started by .ci/run).

Each test gets its own PostgreSQL schema (`fresh_schema`, dropped after) and its own Redis database
number or key prefix; a service that does not answer skips the tests that need it, saying which.
"""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import uuid
from collections.abc import Iterator

import pytest

DATABASE = os.environ.get("PRESSROOM_TEST_DATABASE", "postgresql://postgres@127.0.0.1:5432/test")
BROKER_HOST, BROKER_PORT = "127.0.0.1", 6379


def _answers(host: str, port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
        return True
    return False


@functools.cache
def postgres_problem() -> str | None:
    """None when PostgreSQL answers at DATABASE, else why not (the skip reason)."""
    import psycopg

    try:
        with psycopg.connect(DATABASE, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return f"PostgreSQL is unreachable at {DATABASE} ({str(error).strip().splitlines()[0]}); .ci/run starts it"
    return None


@functools.cache
def redis_problem() -> str | None:
    if not _answers(BROKER_HOST, BROKER_PORT):
        return f"Redis is unreachable at {BROKER_HOST}:{BROKER_PORT}; .ci/run starts it"
    return None


def need_postgres() -> None:
    problem = postgres_problem()
    if problem:
        pytest.skip(problem)


def need_redis() -> None:
    problem = redis_problem()
    if problem:
        pytest.skip(problem)


@contextlib.contextmanager
def fresh_schema(prefix: str = "t") -> Iterator[str]:
    """A new, empty schema name; the schema (if it was created) is dropped after."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        yield name
    finally:
        with psycopg.connect(DATABASE, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def database_url(schema: str) -> str:
    return f"{DATABASE}?schema={schema}"
