"""Politeness across machines: per host one request at a time across every worker, and the delay.

The single-process crawl keeps a `HostGate` per origin in memory (scraper/fetch.py). Workers on
many machines share a Redis lease instead, one per origin:

    {prefix}gate:{origin}   a token, SET NX PX: whoever holds it may send one request to the origin;
                            it expires by itself (a worker killed mid-request holds it no longer
                            than `lease_ms`), and is released only by the token that took it (Lua)
    {prefix}next:{origin}   when (Redis's clock, ms) the next request to the origin may start: set on
                            release to now + the delay (the robots.txt Crawl-delay where larger),
                            or later for a Retry-After; it never moves back

Times are Redis's own (`TIME` inside the scripts), so the workers' clocks need not agree. A worker
that finds the gate held polls again after a short, growing pause; one that finds the origin
resting sleeps exactly until `next`.

`SharedGateFetcher` is the project's `Fetcher` (scraper/fetch.py, the only module that speaks
HTTP) with these gates in place of the in-process ones: robots.txt, retries, size caps and
redirects are the fetcher's own.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from typing import Any

from scraper.fetch import Fetcher

# KEYS: gate, next. ARGV: token, lease ms. Returns 0 (taken), ms to wait (resting), -1 (held).
ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local start = tonumber(redis.call('GET', KEYS[2]) or '0')
if start > now then return start - now end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
return -1
"""

# KEYS: gate, next. ARGV: token, rest ms (the delay, or a Retry-After). Returns 1 if it was ours.
RELEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local start = now + tonumber(ARGV[2])
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if start > current then redis.call('SET', KEYS[2], start, 'PX', tonumber(ARGV[2]) + 60000) end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
"""

POLL_FIRST = 0.005  # seconds before asking a held gate again; doubles up to POLL_MAX
POLL_MAX = 0.1
LEASE_MARGIN = 30.0  # seconds a lease outlives the request deadline


class RedisHostGate:
    """The `HostGate` interface (`turn()`, `defer()`, `delay`) on a Redis lease shared by all workers."""

    def __init__(self, redis: Any, prefix: str, origin: str, *, delay: float, lease_seconds: float) -> None:
        self.delay = delay  # the fetcher raises it to robots.txt's Crawl-delay
        self._redis = redis
        self._keys = [f"{prefix}gate:{origin}", f"{prefix}next:{origin}"]
        self._lease_ms = int(lease_seconds * 1000)
        self._deferred = 0.0

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        token = uuid.uuid4().hex
        await self._acquire(token)
        try:
            yield
        finally:
            rest, self._deferred = max(self.delay, self._deferred), 0.0
            await self._redis.eval(RELEASE, 2, *self._keys, token, int(rest * 1000))

    def defer(self, seconds: float) -> None:
        """A Retry-After: no worker asks this origin anything for `seconds` (set when the turn ends,
        which is at once: the fetcher calls this while it holds the turn)."""
        self._deferred = max(self._deferred, seconds)

    async def _acquire(self, token: str) -> None:
        pause = POLL_FIRST
        while True:
            answer = int(await self._redis.eval(ACQUIRE, 2, *self._keys, token, self._lease_ms))
            if answer == 0:
                return
            if answer > 0:
                await asyncio.sleep(answer / 1000)
                continue
            await asyncio.sleep(pause)
            pause = min(pause * 2, POLL_MAX)


class SharedGateFetcher(Fetcher):
    """The project's Fetcher, each origin's politeness held in Redis (see the module docstring)."""

    def __init__(self, *args: Any, redis: Any, prefix: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._redis = redis
        self._prefix = prefix

    def _gate(self, origin: str) -> RedisHostGate:  # type: ignore[override]
        if origin not in self._gates:
            lease = self.settings.deadline + LEASE_MARGIN
            self._gates[origin] = RedisHostGate(  # type: ignore[assignment]
                self._redis, self._prefix, origin, delay=self.settings.delay, lease_seconds=lease
            )
        return self._gates[origin]  # type: ignore[return-value]
