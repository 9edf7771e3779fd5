"""Parse processes: release pages parsed on other cores while the crawl's event loop fetches.

Parsing is pure CPU work; with several requests in flight one event loop cannot both keep the
network busy and parse every page. `ReleaseParser` feeds pages to child interpreters running
`serve()` (this module run with -m) over their stdin and reads the records back from their stdout:
each message is a frame, a 4-byte big-endian length and a pickle. Only scraper.parse is imported
there: no network code, no descriptor of the crawl (no lock outlives it).

Each page has a deadline (PARSE_DEADLINE) in a parse process: past it, the process abandons the
page (a SIGALRM there raises ParseTimeoutError between two Python steps) and goes on with the next;
a process stuck in C code (the HTML parser, a regex), where no signal handler runs, is killed
PARSE_KILL_GRACE later, that page fails with ParseTimeoutError, the other pages it held go to a new
process. `parse_deadline` gives in-process parsing (`pressroom parse`) the same soft deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import logging
import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from schemas import PressRelease
from scraper.errors import ExtractionError, ParseTimeoutError
from scraper.parse import parse

log = logging.getLogger(__name__)

MAX_PARSE_PROCESSES = 4  # parse processes beside the event loop, on a machine with CPUs to spare
# Seconds one page may take in a parse process. The worst 10 MB pages built to cost the most take
# 1 to 6 s on a busy machine; a release page, a few hundredths.
PARSE_DEADLINE = 20.0
# Seconds after the deadline before a parse process that has not answered (stuck in C code) is killed.
PARSE_KILL_GRACE = 5.0
# How often the crawl looks for a parse process past its deadline.
WATCH_INTERVAL = 1.0


def parse_processes(workers: int) -> int:
    """How many parse processes a crawl with `workers` requests in flight runs beside its loop:
    none with one worker (the polite default: the loop waits for the network, not for the parser)
    or one CPU; else one per spare CPU, at most MAX_PARSE_PROCESSES."""
    spare = (os.cpu_count() or 1) - 1
    return 0 if workers < 2 or spare < 1 else min(spare, MAX_PARSE_PROCESSES)


class ReleaseParser:
    """`await parser.parse(page, target)`: scraper.parse in this process, or in parse processes.

    Parsing is pure CPU work and the event loop is busy enough with the network, so with several
    requests in flight pages go to `processes` parse processes (started at once, in the
    background; until one has imported the parser, pages are parsed here). Each is a plain child
    interpreter (`python -m scraper.parsepool`, `serve()` below) that reads pickled (html, url, site) frames on its stdin and
    answers each with a pickled (ok, record or error) frame on its stdout, in order; the event
    loop writes and reads those pipes itself, so no thread competes with it for the GIL (a
    ProcessPoolExecutor's two threads made every GIL release in the loop, each socket send and
    each SQLite call, several times slower). The records are the very objects `scraper.parse` made.

    A parse process ignores SIGINT (Ctrl-C reaches the whole process group; the crawl decides what
    it means), inherits no descriptor of the crawl (no lock outlives it), and ends when its stdin
    closes: at `aclose()`, or when the crawl dies, even by kill -9. If one dies, the pages it held
    fail and the rest go to the others, or are parsed here. A page past its `deadline` fails with
    ParseTimeoutError (see the module docstring); a process killed for it is replaced.

    With no parse process (one worker, the polite default) pages are parsed in the crawl's own
    process, without a deadline, and that is a choice: a deadline on C code needs another process
    (a signal handler runs only between Python steps, and a SIGALRM in the event loop would land in
    whatever the loop does next), which costs an interpreter and a pickle round trip per page;
    parsing is bounded instead (linear patterns; caps on size, tags, nesting and the text the quote
    scanner reads: at most a few seconds for a 10 MB page). A crawl that needs the hard deadline
    runs with --concurrency 2 or more on a machine with a CPU to spare.
    """

    def __init__(self, processes: int, deadline: float = PARSE_DEADLINE, kill_after: float = PARSE_KILL_GRACE) -> None:
        self._count = processes
        self._deadline = deadline
        self._kill_after = kill_after
        self._workers: list[_ParseProcess] = []
        self._retired: list[_ParseProcess] = []

    async def start(self) -> None:
        """Start the parse processes (returns at once; they get ready in the background)."""
        for _ in range(self._count):
            try:
                self._workers.append(await self._start_process())
            except OSError as error:  # no process to spare (ulimit, memory): parse here, as with one worker
                log.warning("cannot start a parse process (%s): parsing in the crawl's process", error)
                return

    async def started(self) -> bool:
        """Wait until every parse process can take pages; False when there are none."""
        for worker in self._workers:
            await worker.ready
        return any(worker.alive for worker in self._workers)

    @property
    def pids(self) -> list[int]:
        """The process ids of the parse processes (for monitoring and tests)."""
        return [worker.pid for worker in self._workers]

    async def parse(self, html: str, url: str, site: str | None) -> PressRelease:
        """The page's record (as `scraper.parse` gives it); ExtractionError when it is not a release
        page, ParseTimeoutError when it took longer than the deadline in a parse process."""
        while True:
            ready = [worker for worker in self._workers if worker.alive and worker.ready.done()]
            if not ready:
                return parse(html, url, site)
            least_busy = min(ready, key=lambda worker: worker.waiting)
            try:
                return await least_busy.parse(html, url, site)
            except _Abandoned:  # its process was killed for another page: this one goes elsewhere
                await self._replace(least_busy)
            except ParseTimeoutError:
                if not least_busy.alive:  # killed for this page: the pool keeps its size
                    await self._replace(least_busy)
                raise

    async def _start_process(self) -> _ParseProcess:
        return await _ParseProcess.start(self._deadline, self._kill_after)

    async def _replace(self, worker: _ParseProcess) -> None:
        """A new parse process in place of one killed at a deadline (once; parse here if none starts)."""
        if worker not in self._workers:
            return  # replaced already, for another of its pages
        self._workers.remove(worker)
        self._retired.append(worker)  # killed: reaped at aclose()
        try:
            replacement = await self._start_process()
        except OSError as error:
            log.warning("cannot start a parse process (%s): parsing in the crawl's process", error)
            return
        self._workers.append(replacement)
        await replacement.ready

    async def aclose(self) -> None:
        """Close the parse processes' stdin and wait for them to end (killed if they do not)."""
        workers, self._workers, self._retired = self._workers + self._retired, [], []
        for worker in workers:
            await worker.aclose()


PARSE_FRAME = struct.Struct(">I")
PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)  # where the parse process finds scraper
PARSE_PROCESS_EXIT_WAIT = 5.0  # seconds a parse process may take to finish its page after stdin closes


class _ParseProcess:
    """One parse process and the futures of the pages it holds, answered in the order sent."""

    def __init__(self, process: asyncio.subprocess.Process, deadline: float, kill_after: float) -> None:
        assert process.stdin is not None and process.stdout is not None
        self._process = process
        self._stdin = process.stdin
        self._stdout = process.stdout
        self._answers: collections.deque[asyncio.Future[PressRelease]] = collections.deque()
        self.ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.alive = True
        self._hard_deadline = deadline + kill_after
        self._head_since = 0.0  # when the page first in line began (the one the process is parsing)
        self._reader = asyncio.create_task(self._read_answers())
        self._watchdog = asyncio.create_task(self._watch())

    @classmethod
    async def start(cls, deadline: float = PARSE_DEADLINE, kill_after: float = PARSE_KILL_GRACE) -> _ParseProcess:
        path = os.pathsep.join(filter(None, (PACKAGE_ROOT, os.environ.get("PYTHONPATH"))))
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "scraper.parsepool", "--deadline", repr(deadline),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env={**os.environ, "PYTHONPATH": path},
        )
        return cls(process, deadline, kill_after)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def waiting(self) -> int:
        return len(self._answers)

    async def parse(self, html: str, url: str, site: str | None) -> PressRelease:
        if not self.alive:
            raise ExtractionError("the parse process has ended")
        answer: asyncio.Future[PressRelease] = asyncio.get_running_loop().create_future()
        payload = pickle.dumps((html, url, site), pickle.HIGHEST_PROTOCOL)
        if not self._answers:
            self._head_since = asyncio.get_running_loop().time()
        self._answers.append(answer)  # in line before the frame goes out: answers come in this order
        self._stdin.write(PARSE_FRAME.pack(len(payload)) + payload)
        await self._stdin.drain()
        return await answer  # cancelled (a stop): its frame still comes back, and is dropped

    async def _read_answers(self) -> None:
        try:
            await self._read_frame()  # the hello: the parser is imported
            self.ready.set_result(None)
            while True:
                ok, value = await self._read_frame()
                answer = self._answers.popleft()
                self._head_since = asyncio.get_running_loop().time()  # the next page begins now
                if answer.done():
                    continue
                if ok:
                    answer.set_result(value)
                else:
                    answer.set_exception(value)
        except (asyncio.IncompleteReadError, ConnectionError, pickle.UnpicklingError, EOFError) as error:
            self._ended(error)

    async def _read_frame(self) -> tuple[bool, object]:
        head = await self._stdout.readexactly(PARSE_FRAME.size)
        return pickle.loads(await self._stdout.readexactly(PARSE_FRAME.unpack(head)[0]))  # type: ignore[no-any-return]

    async def _watch(self) -> None:
        """Kill the process when the page it is parsing passes the hard deadline: that page fails
        with ParseTimeoutError, the others it held are abandoned to be parsed elsewhere."""
        loop = asyncio.get_running_loop()
        while self.alive:
            await asyncio.sleep(min(WATCH_INTERVAL, self._hard_deadline / 4))
            if self._answers and loop.time() - self._head_since > self._hard_deadline:
                log.warning("a parse process passed the deadline (%.0f s) on a page: killed", self._hard_deadline)
                self.alive = False
                head = self._answers.popleft()
                if not head.done():
                    head.set_exception(ParseTimeoutError(f"parsing took longer than {self._hard_deadline:.0f} s: abandoned"))
                while self._answers:
                    answer = self._answers.popleft()
                    if not answer.done():
                        answer.set_exception(_Abandoned())
                with contextlib.suppress(ProcessLookupError):
                    self._process.kill()
                return

    def _ended(self, error: BaseException) -> None:
        self.alive = False
        if not self.ready.done():
            self.ready.set_result(None)
        if self._answers:
            log.warning("a parse process ended (%s): its %d pages fail, the rest go on", type(error).__name__, len(self._answers))
        while self._answers:
            answer = self._answers.popleft()
            if not answer.done():
                answer.set_exception(ExtractionError("the parse process ended while parsing this page"))

    async def aclose(self) -> None:
        self._stdin.close()
        try:
            await asyncio.wait_for(self._process.wait(), PARSE_PROCESS_EXIT_WAIT)
        except TimeoutError:
            self._process.kill()
            await self._process.wait()
        self._reader.cancel()
        self._watchdog.cancel()
        await asyncio.gather(self._reader, self._watchdog, return_exceptions=True)
        self._ended(EOFError())


class _Abandoned(Exception):
    """The page's parse process was killed at another page's deadline: parse this one elsewhere."""


@contextlib.contextmanager
def parse_deadline(seconds: float | None) -> Iterator[None]:
    """Raise ParseTimeoutError in the code run inside when it passes `seconds` (a SIGALRM timer).

    Soft: the handler runs between two Python steps, so a call into C code (lexbor, a regex) ends
    first; the patterns and caps keep those short. A no-op without a deadline, off the main thread
    or where there is no SIGALRM (Windows)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return
    armed = True

    def expired(signum: int, frame: FrameType | None) -> None:
        if armed:  # not after the block has ended, should the signal come in between
            raise ParseTimeoutError(f"parsing took longer than {seconds:g} s: abandoned")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- the parse process itself -----------------------------------------------------------------------


def serve(deadline: float | None = PARSE_DEADLINE) -> None:
    """Read (html, url, site) frames on stdin, answer each with (ok, record or error) on stdout, in
    order; a page past `deadline` seconds is answered with ParseTimeoutError."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the process group; the crawl decides
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer

    def send(message: tuple[bool, object]) -> None:
        try:
            payload = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # an unpicklable error: say what it was
            payload = pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}")))
        stdout.write(PARSE_FRAME.pack(len(payload)) + payload)
        stdout.flush()

    send((True, None))  # the hello: the parser is imported
    while len(head := stdin.read(PARSE_FRAME.size)) == PARSE_FRAME.size:
        html, url, site = pickle.loads(stdin.read(PARSE_FRAME.unpack(head)[0]))
        try:
            with parse_deadline(deadline):
                record = parse(html, url, site)
        except Exception as error:  # a page that is not a release, a timeout, or a parser bug: that page fails
            send((False, error))
        else:
            send((True, record))


if __name__ == "__main__":
    options = argparse.ArgumentParser(description="a parse process: see scraper/parsepool.py")
    options.add_argument("--deadline", type=float, default=PARSE_DEADLINE, help="seconds a page may take")
    serve(options.parse_args().deadline)
