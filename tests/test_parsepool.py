"""Parse processes: the deadline per page (soft in the process, hard from the crawl), and going on."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from scraper.errors import ExtractionError, ParseTimeoutError
from scraper.parsepool import ReleaseParser, parse_deadline

RELEASE = (
    "<html><head><title>A release about nothing in particular</title><meta property='article:published_time' content='2024-05-14'></head><body>"
    "<h1>A release about nothing in particular</h1>"
    + "<p>The participants discussed the situation at length, and agreed to meet again next year.</p>" * 40
    + "</body></html>"
)
URL = "http://127.0.0.1:8000/release"
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the soft deadline is a SIGALRM timer")


def test_parse_deadline_interrupts_python_code_past_it() -> None:
    started = time.monotonic()
    with pytest.raises(ParseTimeoutError, match="longer than 0.05 s"), parse_deadline(0.05):
        while time.monotonic() - started < 10:  # bounded: the test fails, not hangs, without the deadline
            pass
    assert time.monotonic() - started < 5


def test_parse_deadline_is_disarmed_after_its_block() -> None:
    with parse_deadline(0.05):
        pass
    time.sleep(0.1)  # the timer would have fired here; a real wait of the signal, not of a fake clock


def run(coroutine):  # noqa: ANN001, ANN201
    return asyncio.run(asyncio.wait_for(coroutine, 60))


def test_a_page_past_the_deadline_fails_and_the_process_goes_on() -> None:
    async def go() -> tuple[list[int], list[int]]:
        parser = ReleaseParser(1, deadline=0.001)  # every release takes longer than a millisecond
        await parser.start()
        try:
            assert await parser.started()
            before = parser.pids
            with pytest.raises(ParseTimeoutError):
                await parser.parse(RELEASE * 20, URL, None)
            with pytest.raises((ExtractionError, ParseTimeoutError)):
                await parser.parse("%PDF-1.7", URL, None)  # answered, by the same process
            return before, parser.pids
        finally:
            await parser.aclose()

    before, after = run(go())
    assert before == after


def test_a_process_that_does_not_answer_is_killed_and_replaced() -> None:
    async def go() -> None:
        parser = ReleaseParser(1, deadline=0.2, kill_after=0.3)
        await parser.start()
        try:
            assert await parser.started()
            stuck = parser.pids[0]
            os.kill(stuck, signal.SIGSTOP)  # as stuck as a process in C code: no signal handler runs
            first = asyncio.create_task(parser.parse(RELEASE, URL, None))
            second = asyncio.create_task(parser.parse(RELEASE, URL + "/2", None))  # held by the same process
            with pytest.raises(ParseTimeoutError, match="abandoned"):
                await first
            record = await second  # parsed by the replacement (or here)
            assert record.url == URL + "/2"
            assert parser.pids and stuck not in parser.pids
            assert (await parser.parse(RELEASE, URL + "/3", None)).url == URL + "/3"
        finally:
            await parser.aclose()

    run(go())
