"""Politeness across machines: per host one request at a time across every worker, and the delay.

The single-process crawl keeps a `HostGate` per origin in memory (scraper/fetch.py). Workers on
many machines share a Redis lease instead, one per origin:

    {prefix}gate:{origin}   a token, SET NX PX: whoever holds it may send one request to the origin;
                            the holder renews it while its request runs, so it expires soon after
                            a worker is killed mid-request (one lease, 10 s by default), and it is
                            released only by the token that took it (Lua)
    {prefix}next:{origin}   when (Redis's clock, ms) the next request to the origin may start: set on
                            release to now + the delay (the robots.txt Crawl-delay where larger),
                            or later for a Retry-After; it never moves back
    {prefix}crawl-delay:{origin}  the robots.txt Crawl-delay (ms) the first worker to read it found,
                            for a day (RFC 9309's cache time): every worker holds it, including
                            those that have not read robots.txt themselves yet

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

# KEYS: gate. ARGV: token, lease ms. Extends the lease if it is still ours.
RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""

# KEYS: gate, next, crawl delay. ARGV: token, rest ms (the delay, or a Retry-After), the robots.txt
# Crawl-delay ms this worker knows (0: none). Returns 1 if the lease was ours.
RELEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local crawl_delay = tonumber(redis.call('GET', KEYS[3]) or '0')
if tonumber(ARGV[3]) > crawl_delay then
  crawl_delay = tonumber(ARGV[3])
  redis.call('SET', KEYS[3], crawl_delay, 'EX', 86400)
end
local rest = math.max(tonumber(ARGV[2]), crawl_delay)
local start = now + rest
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if start > current then redis.call('SET', KEYS[2], start, 'PX', rest + 60000) end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
"""

POLL_FIRST = 0.005  # seconds before asking a held gate again; doubles up to POLL_MAX
POLL_MAX = 0.1
DEFAULT_GATE_LEASE = 10.0  # seconds a gate lease lives unless its holder renews it (a third of it)


class RedisHostGate:
    """The `HostGate` interface (`turn()`, `defer()`, `delay`) on a Redis lease shared by all workers."""

    def __init__(self, redis: Any, prefix: str, origin: str, *, delay: float, lease_seconds: float) -> None:
        self.delay = delay  # the fetcher raises it to robots.txt's Crawl-delay
        self._base_delay = delay
        self._redis = redis
        self._keys = [f"{prefix}gate:{origin}", f"{prefix}next:{origin}", f"{prefix}crawl-delay:{origin}"]
        self._lease_ms = int(lease_seconds * 1000)
        self._deferred = 0.0

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        token = uuid.uuid4().hex
        await self._acquire(token)
        renewing = asyncio.ensure_future(self._renew(token))
        try:
            yield
        finally:
            renewing.cancel()
            rest, self._deferred = max(self.delay, self._deferred), 0.0
            crawl_delay = self.delay if self.delay > self._base_delay else 0.0
            await self._redis.eval(RELEASE, 3, *self._keys, token, int(rest * 1000), int(crawl_delay * 1000))

    async def _renew(self, token: str) -> None:
        """Keep the lease while the request runs (a long download outlives one lease)."""
        while True:
            await asyncio.sleep(self._lease_ms / 3000)
            await self._redis.eval(RENEW, 1, self._keys[0], token, self._lease_ms)

    def defer(self, seconds: float) -> None:
        """A Retry-After: no worker asks this origin anything for `seconds` (set when the turn ends,
        which is at once: the fetcher calls this while it holds the turn)."""
        self._deferred = max(self._deferred, seconds)

    async def _acquire(self, token: str) -> None:
        pause = POLL_FIRST
        while True:
            answer = int(await self._redis.eval(ACQUIRE, 2, *self._keys[:2], token, self._lease_ms))
            if answer == 0:
                return
            if answer > 0:
                await asyncio.sleep(answer / 1000)
                continue
            await asyncio.sleep(pause)
            pause = min(pause * 2, POLL_MAX)


class SharedGateFetcher(Fetcher):
    """The project's Fetcher, each origin's politeness held in Redis (see the module docstring)."""

    def __init__(self, *args: Any, redis: Any, prefix: str, gate_lease: float = DEFAULT_GATE_LEASE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._redis = redis
        self._prefix = prefix
        self._gate_lease = gate_lease

    def _gate(self, origin: str) -> RedisHostGate:  # type: ignore[override]
        if origin not in self._gates:
            self._gates[origin] = RedisHostGate(  # type: ignore[assignment]
                self._redis, self._prefix, origin, delay=self.settings.delay, lease_seconds=self._gate_lease
            )
        return self._gates[origin]  # type: ignore[return-value]
