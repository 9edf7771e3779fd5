"""The state stores: versions, validators, watermark, frontier (one suite, run against SQLite and
PostgreSQL), then what only one store has: SQLite's files and run lock, PostgreSQL's leases."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import REPO

from scraper.errors import StateError
from scraper.state import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    StateBackend,
    StateStore,
    Validators,
    default_state_path,
    state_store,
)
from scraper.statefile import ScratchDigests
from tests.services import database_url, fresh_schema, need_postgres

URL = "https://example.org/news/1"
START = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


class Clock:
    """A clock that moves one minute each time it is read."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "releases.jsonl.state.db"


StoreFactory = Callable[..., StateBackend]  # (clock=None) -> a new, unopened store of one state


def postgres_store(url: str, clock: Callable[[], datetime] | None = None, **options: object) -> StateBackend:
    from scraper.state.postgres import PostgresStateStore

    options.setdefault("exclusive", True)  # as `pressroom crawl --state postgresql://...` opens it
    return PostgresStateStore(url, clock=clock or Clock(), **options)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store(request: pytest.FixtureRequest, state_path: Path) -> Iterator[StoreFactory]:
    """Makes stores of one state: a SQLite file, or a PostgreSQL schema of its own (dropped after)."""
    if request.param == "sqlite":
        yield lambda clock=None: StateStore(state_path, clock=clock or Clock())
        return
    need_postgres()
    with fresh_schema("state") as schema:
        yield lambda clock=None, **options: postgres_store(database_url(schema), clock, **options)


@pytest.fixture
def state(new_store: StoreFactory) -> Iterator[StateBackend]:
    with new_store() as store:
        yield store


def write(store: StateBackend, content_hash: str, url: str = URL, **validators: str) -> tuple[int, str, str, bool]:
    stamp = store.plan_write(url, content_hash)
    store.record_written(stamp, **validators)
    return stamp.version, stamp.first_seen, stamp.updated, stamp.changed


def test_default_state_path_is_beside_the_output() -> None:
    assert default_state_path(Path("data/releases.jsonl")) == Path("data/releases.jsonl.state.db")


# -- versions ------------------------------------------------------------------------------------

HASH_HISTORIES = {
    "first-write": (["h1"], [1]),
    "same-content-again": (["h1", "h1"], [1, 1]),
    "edited": (["h1", "h2"], [1, 2]),
    "edited-twice": (["h1", "h2", "h3"], [1, 2, 3]),
    "reverted-is-a-new-version": (["h1", "h2", "h1"], [1, 2, 3]),
}


@pytest.mark.parametrize(("hashes", "versions"), HASH_HISTORIES.values(), ids=HASH_HISTORIES.keys())
def test_version_grows_only_when_the_content_hash_changes(
    state: StateBackend, hashes: list[str], versions: list[int]
) -> None:
    assert [write(state, content_hash)[0] for content_hash in hashes] == versions
    known = state.known(URL)
    assert known is not None
    assert (known.content_hash, known.version, known.status) == (hashes[-1], versions[-1], "written")


def test_first_seen_stays_and_updated_moves_with_the_version(state: StateBackend) -> None:
    version1, first_seen, updated1, changed1 = write(state, "h1")
    version1b, first_seen1b, updated1b, changed1b = write(state, "h1")
    version2, first_seen2, updated2, changed2 = write(state, "h2")
    assert (changed1, changed1b, changed2) == (True, False, True)
    assert first_seen == first_seen1b == first_seen2 == updated1 == updated1b
    assert updated2 > updated1
    assert first_seen.endswith("Z") and datetime.fromisoformat(first_seen) > START


def test_plan_write_writes_nothing_so_a_crash_before_record_written_replans_the_same_version(
    state: StateBackend,
) -> None:
    write(state, "h1")
    planned = state.plan_write(URL, "h2")  # the line would be written here, then kill -9
    replanned = state.plan_write(URL, "h2")
    assert (planned.version, replanned.version) == (2, 2)
    assert state.known(URL).content_hash == "h1"  # type: ignore[union-attr]


def test_a_stale_stamp_never_moves_a_version_back(state: StateBackend) -> None:
    old = state.plan_write(URL, "h1")
    state.record_written(old)
    write(state, "h2")
    state.record_written(old)
    assert state.known(URL).version == 2  # type: ignore[union-attr]


def test_stamp_fields_fit_the_record(state: StateBackend) -> None:
    stamp = state.plan_write(URL, "h1")
    assert stamp.record_fields() == {"version": 1, "first_seen": stamp.first_seen, "updated": stamp.updated}


def test_a_failure_keeps_what_was_written(state: StateBackend) -> None:
    write(state, "h1", etag='"a"')
    state.record_failed(URL, "HTTP 500")
    known = state.known(URL)
    assert known is not None
    assert (known.status, known.error, known.version, known.content_hash) == ("failed", "HTTP 500", 1, "h1")
    assert state.plan_write(URL, "h1").changed is False
    assert state.validators(URL) == Validators('"a"', None)


def test_a_url_that_only_failed_is_not_written(state: StateBackend) -> None:
    state.record_failed(URL, "timeout")
    assert state.plan_write(URL, "h1").version == 1
    assert state.known_urls([URL]) == set()
    assert state.validators(URL) is None


# -- validators ----------------------------------------------------------------------------------

VALIDATOR_CASES: dict[str, tuple[Callable[[StateBackend], object], Validators | None]] = {
    "unknown-url": (lambda store: None, None),
    "written-with-etag": (lambda store: write(store, "h", etag='"e1"'), Validators('"e1"', None)),
    "written-with-both": (
        lambda store: write(store, "h", etag='"e1"', last_modified="Wed, 01 May 2024 10:00:00 GMT"),
        Validators('"e1"', "Wed, 01 May 2024 10:00:00 GMT"),
    ),
    "written-without-validators": (lambda store: write(store, "h"), None),
    "304-with-a-new-etag-keeps-last-modified": (
        lambda store: (
            write(store, "h", etag='"e1"', last_modified="Wed, 01 May 2024 10:00:00 GMT"),
            store.record_unchanged(URL, etag='"e2"'),
        ),
        Validators('"e2"', "Wed, 01 May 2024 10:00:00 GMT"),
    ),
    "edited-takes-the-new-ones": (
        lambda store: (write(store, "h1", etag='"e1"'), write(store, "h2", last_modified="Thu, 02 May 2024")),
        Validators(None, "Thu, 02 May 2024"),
    ),
}


@pytest.mark.parametrize(("setup", "expected"), VALIDATOR_CASES.values(), ids=VALIDATOR_CASES.keys())
def test_validators(state: StateBackend, setup: Callable[[StateBackend], object], expected: Validators | None) -> None:
    setup(state)
    assert state.validators(URL) == expected


def test_record_unchanged_touches_last_seen_and_says_whether_the_url_was_known(state: StateBackend) -> None:
    assert state.record_unchanged(URL) is False
    assert state.known(URL) is None
    write(state, "h1")
    before = state.known(URL)
    assert state.record_unchanged(URL) is True
    after = state.known(URL)
    assert before is not None and after is not None
    assert after.last_seen > before.last_seen
    assert (after.status, after.version, after.updated) == ("unchanged", 1, before.updated)


def test_known_urls_returns_only_written_ones_across_chunks(state: StateBackend) -> None:
    urls = [f"https://example.org/news/{n}" for n in range(1200)]
    with state.batch():
        for url in urls[::2]:
            write(state, "h", url=url)
    state.record_failed(urls[1], "boom")
    assert state.known_urls(urls) == set(urls[::2])


# -- watermark -----------------------------------------------------------------------------------

WATERMARKS = {
    "none-yet": ([], None),
    "one-date": (["2024-03-01"], date(2024, 3, 1)),
    "moves-forward": (["2024-03-01", "2024-04-15"], date(2024, 4, 15)),
    "never-moves-back": (["2024-04-15", "2023-12-31"], date(2024, 4, 15)),
    "date-objects": ([date(2024, 1, 2), date(2024, 1, 1)], date(2024, 1, 2)),
}


@pytest.mark.parametrize(("advances", "expected"), WATERMARKS.values(), ids=WATERMARKS.keys())
def test_watermark_only_moves_forward(state: StateBackend, advances: list[date | str], expected: date | None) -> None:
    for day in advances:
        state.advance_watermark("osce", day)
    assert state.watermark("osce") == expected
    assert state.watermark("other") is None


def test_watermark_rejects_a_date_that_is_not_iso(state: StateBackend) -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        state.advance_watermark("osce", "1 May 2024")


# -- frontier ------------------------------------------------------------------------------------


def test_push_queues_each_url_once(state: StateBackend) -> None:
    assert state.push(["a", "b", "a"], kind="release", site="osce") == 2
    assert state.push(["b", "c"], kind="release", site="osce") == 1
    assert state.pending_count() == 3
    assert state.push([], kind="release") == 0


def test_next_batch_leases_oldest_first_and_filters_by_kind(state: StateBackend) -> None:
    state.push(["l1"], kind="listing", site="osce")
    state.push(["r1", "r2", "r3"], kind="release", site="osce")
    assert [item.url for item in state.next_batch(2, kind="release")] == ["r1", "r2"]
    assert [item.url for item in state.next_batch(5)] == ["l1", "r3"]  # leased ones are not handed out again
    assert state.next_batch(5) == []
    assert state.has_pending()  # leased, not done


def test_done_urls_are_not_queued_again(state: StateBackend) -> None:
    state.push(["a", "b"], kind="release")
    for item in state.next_batch(2):
        state.done(item.url)
    assert not state.has_pending()
    assert state.push(["a", "c"], kind="release") == 1  # same crawl: "a" was already done
    state.clear_frontier()
    assert state.pending_count() == 0
    assert state.push(["a"], kind="release") == 1  # a new crawl starts afresh


def test_push_new_returns_only_the_urls_it_queued(state: StateBackend) -> None:
    assert state.push_new(["a", "b", "a"], kind="release", site="osce") == ["a", "b"]
    state.done("a")
    assert state.push_new(["c", "a", "b"], kind="release", site="osce") == ["c"]  # done or queued: not again
    assert state.push_new([], kind="release") == []


def test_written_elsewhere_finds_another_url_with_the_content_or_canonical(state: StateBackend) -> None:
    stamp = state.plan_write("https://x.org/a", "sha256:1")
    state.record_written(stamp, canonical_url="https://x.org/a")
    assert state.written_elsewhere("https://x.org/a-alias", "sha256:1") == "https://x.org/a"
    assert state.written_elsewhere("https://x.org/b", "sha256:2", "https://x.org/a") == "https://x.org/a"
    assert state.written_elsewhere("https://x.org/a", "sha256:1", "https://x.org/a") is None  # itself
    assert state.written_elsewhere("https://x.org/b", "sha256:2") is None
    assert state.written_count() == 1


def test_meta_keys_are_deleted_by_name_or_prefix(state: StateBackend) -> None:
    for key in ("newest:a", "newest:b", "crawl"):
        state.set_meta(key, "x")
    state.delete_meta_prefix("newest:")
    assert [state.get_meta(key) for key in ("newest:a", "newest:b", "crawl")] == [None, None, "x"]
    state.delete_meta("crawl")
    assert state.get_meta("crawl") is None


def test_the_frontier_survives_a_reopen_and_leases_go_back_to_the_queue(new_store: StoreFactory) -> None:
    with new_store() as store:
        store.push(["a", "b", "c"], kind="release", site="osce")
        store.done(store.next_batch(1)[0].url)
        leased = store.next_batch(1)
    assert [item.url for item in leased] == ["b"]
    with new_store() as store:
        assert store.pending_count() == 2
        assert [(item.url, item.kind, item.site) for item in store.next_batch(5)] == [
            ("b", "release", "osce"),
            ("c", "release", "osce"),
        ]


def test_a_batch_commits_together_or_not_at_all(state: StateBackend) -> None:
    with pytest.raises(RuntimeError), state.batch():
        state.push(["a"], kind="release")
        write(state, "h1")
        state.set_meta("targets", "osce")
        raise RuntimeError("interrupted")
    assert (state.pending_count(), state.known(URL), state.get_meta("targets")) == (0, None, None)
    with state.batch():
        state.push(["a"], kind="release")
        state.set_meta("targets", "osce")
    assert (state.pending_count(), state.get_meta("targets")) == (1, "osce")


# -- PostgreSQL: shared by many workers ----------------------------------------------------------


@pytest.fixture
def pg_url() -> Iterator[str]:
    need_postgres()
    with fresh_schema("state") as schema:
        yield database_url(schema)


def test_a_dead_workers_lease_expires_and_its_url_goes_back(pg_url: str) -> None:
    clock = Clock()  # one minute a read
    with postgres_store(pg_url, clock, exclusive=False, lease_seconds=600) as worker, postgres_store(
        pg_url, clock, exclusive=False, lease_seconds=600
    ) as other:
        worker.push(["a", "b"], kind="release")
        assert [item.url for item in worker.next_batch(1)] == ["a"]  # the worker then dies, its lease held
        assert [item.url for item in other.next_batch(5)] == ["b"]  # "a" is leased: not handed out
        clock.now += timedelta(minutes=10)
        assert [item.url for item in other.next_batch(5)] == ["a", "b"]  # both leases expired
        assert other.pending_count() == 2


def test_two_workers_lease_disjoint_urls_at_once(pg_url: str) -> None:
    with postgres_store(pg_url, exclusive=False) as first, postgres_store(pg_url, exclusive=False) as second:
        first.push([f"u{n}" for n in range(10)], kind="release")
        with first.batch():  # first's lease rows stay locked until it commits: SKIP LOCKED passes over them
            leased_first = {item.url for item in first.next_batch(4)}
            leased_second = {item.url for item in second.next_batch(10)}
        assert len(leased_first) == 4 and len(leased_second) == 6
        assert not leased_first & leased_second


def test_closing_gives_back_only_this_stores_leases(pg_url: str) -> None:
    with postgres_store(pg_url, exclusive=False) as keeper:
        keeper.push(["a", "b"], kind="release")
        keeper.next_batch(1)
        with postgres_store(pg_url, exclusive=False) as leaver:
            assert [item.url for item in leaver.next_batch(1)] == ["b"]
        assert [item.url for item in keeper.next_batch(5)] == ["b"]  # "a" is still keeper's


def test_jobs_have_separate_frontiers_and_share_what_was_written(pg_url: str) -> None:
    with postgres_store(pg_url, job="one") as one, postgres_store(pg_url, job="two") as two:
        assert one.push_new(["a", "b"], kind="release") == ["a", "b"]
        assert two.push_new(["a"], kind="release") == ["a"]
        one.done("a")
        assert (one.pending_count(), two.pending_count()) == (1, 1)
        write(one, "h1", url="a")
        assert two.known_urls(["a"]) == {"a"}


def test_a_second_exclusive_run_on_one_schema_is_refused(pg_url: str) -> None:
    with postgres_store(pg_url), pytest.raises(StateError, match="another pressroom run is using .*schema"):
        postgres_store(pg_url).open()


STORE_SPECS = {
    "a-file": ("releases.jsonl.state.db", "StateStore"),
    "a-postgresql-url": ("postgresql://127.0.0.1/test", "PostgresStateStore"),
    "a-postgres-url": ("postgres://127.0.0.1/test?schema=osce", "PostgresStateStore"),
}


@pytest.mark.parametrize(("spec", "kind"), STORE_SPECS.values(), ids=STORE_SPECS.keys())
def test_state_store_picks_the_store_by_its_spec(spec: str, kind: str) -> None:
    assert type(state_store(spec)).__name__ == kind


BAD_DATABASES = {
    "nobody-listens": ("postgresql://postgres@127.0.0.2:9/test", "cannot connect to PostgreSQL at postgresql://postgres@127.0.0.2:9/test"),
    "bad-schema-name": ("postgresql://127.0.0.1/test?schema=Drop;", "schema 'Drop;'"),
    "password-is-hidden": ("postgresql://u:secret@127.0.0.2:9/test", "postgresql://u:\\*\\*\\*@127.0.0.2:9/test"),
}


@pytest.mark.parametrize(("url", "message"), BAD_DATABASES.values(), ids=BAD_DATABASES.keys())
def test_an_unusable_database_is_one_line(url: str, message: str) -> None:
    with pytest.raises(StateError, match=message) as raised:
        state_store(url).open()
    assert "\n" not in str(raised.value) and "secret" not in str(raised.value)


def test_a_crawl_with_a_postgresql_state_is_incremental(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from scraper.cli import main
    from tests.loopback import LoopbackSite
    from tests.test_incremental import crawl_argv, lines, release_requests, releases, serve

    out = tmp_path / "releases.jsonl"
    old = releases(6)
    with LoopbackSite() as site:
        serve(site, old)
        assert main(crawl_argv(site, out, "--state", pg_url)) == 0, capsys.readouterr().err
        serve(site, [*releases(1, newest=date(2024, 6, 24), first_id=700900), *old])
        site.log.clear()
        assert main(crawl_argv(site, out, "--state", pg_url)) == 0, capsys.readouterr().err
        fetched_in_full = [path for path, status, _ in release_requests(site) if status == 200]
    assert [line["version"] for line in lines(out)] == [1] * 7
    assert fetched_in_full == ["/secretariat/700900"]  # the rest answered 304 to validators from PostgreSQL
    assert not (tmp_path / "releases.jsonl.state.db").exists()


# -- the file ------------------------------------------------------------------------------------


def test_a_new_state_is_wal_and_marked_as_ours(state_path: Path) -> None:
    with StateStore(state_path):
        pass
    assert sorted(path.name for path in state_path.parent.iterdir()) == [state_path.name, state_path.name + ".lock"]
    conn = sqlite3.connect(state_path)
    try:
        marks = conn.execute("SELECT * FROM pragma_application_id, pragma_user_version, pragma_journal_mode").fetchone()
    finally:
        conn.close()
    assert marks == (APPLICATION_ID, SCHEMA_VERSION, "wal")


def test_a_database_half_built_by_a_crash_is_cleared_away(tmp_path: Path) -> None:
    state_path = tmp_path / "runs[1].state.db"  # glob characters in the name are taken literally
    leftover = tmp_path / "runs[1].state.db.new-4242"
    unrelated = tmp_path / "runs1.state.db.new-4242"
    for path in (leftover, unrelated):
        path.write_bytes(b"SQLite format 3\x00 half written")
    with StateStore(state_path) as store:
        store.push(["a"], kind="release")
    assert not leftover.exists()
    assert unrelated.exists()
    with StateStore(state_path) as store:
        assert store.pending_count() == 1


def sqlite_file(path: Path, *pragmas: str) -> None:
    conn = sqlite3.connect(path)
    try:
        settings = "".join(f"PRAGMA {pragma};" for pragma in pragmas)
        conn.executescript(settings + "CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    finally:
        conn.close()


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "text-file": (lambda path: path.write_text("not a database\n" * 20), "not a pressroom state database"),
    "empty-file": (lambda path: path.write_bytes(b""), "not a pressroom state database"),
    "another-sqlite-database": (lambda path: sqlite_file(path), "SQLite database but not a pressroom"),
    "another-wal-database": (
        lambda path: sqlite_file(path, "journal_mode = WAL", "application_id = 7"),
        "SQLite database but not a pressroom",
    ),
    "newer-pressroom": (
        lambda path: sqlite_file(path, f"application_id = {APPLICATION_ID}", f"user_version = {SCHEMA_VERSION + 1}"),
        "newer pressroom",
    ),
    "older-pressroom": (
        lambda path: sqlite_file(path, f"application_id = {APPLICATION_ID}", "user_version = 0"),
        "cannot upgrade",
    ),
}


@pytest.mark.parametrize(("make", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_state_file_is_refused_and_left_byte_for_byte(
    state_path: Path, make: Callable[[Path], None], message: str
) -> None:
    make(state_path)
    before = state_path.read_bytes()
    with pytest.raises(StateError, match=message) as raised:
        StateStore(state_path).open()
    assert str(state_path) in str(raised.value)
    assert state_path.read_bytes() == before
    assert [path.name for path in state_path.parent.iterdir()] == [state_path.name]  # no -wal, -shm, .lock


def test_a_second_store_in_the_same_process_is_refused(state_path: Path) -> None:
    message = rf"another pressroom run is using .* \(pid {os.getpid()}\)"
    with StateStore(state_path), pytest.raises(StateError, match=message):
        StateStore(state_path).open()


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from scraper.state import StateStore

    store = StateStore(Path(sys.argv[1])).open()
    store.push(["a", "b", "c"], kind="release", site="osce")
    store.done(store.next_batch(1)[0].url)
    store.next_batch(1)  # "b" is in flight when the process dies
    print("ready", flush=True)
    time.sleep(60)
    """
)

SECOND_RUN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from scraper.errors import StateError
    from scraper.state import StateStore

    try:
        StateStore(Path(sys.argv[1])).open()
    except StateError as error:
        print(error)
        sys.exit(3)
    """
)


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True, timeout=30, check=False
    )


def test_the_lock_fails_a_second_run_fast_and_dies_with_a_kill_9_holder(state_path: Path) -> None:
    command = [sys.executable, "-c", HOLDER, str(state_path)]
    holder = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        started = time.monotonic()
        second = run_python(SECOND_RUN, str(state_path))
        elapsed = time.monotonic() - started
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    assert second.returncode == 3, second.stderr
    assert second.stdout.strip() == f"another pressroom run is using {state_path} (pid {holder.pid})"
    assert elapsed < 5  # no waiting on SQLite's busy timeout: the lock answers at once

    with StateStore(state_path) as store:  # the kernel dropped the dead holder's lock
        assert [item.url for item in store.next_batch(5)] == ["b", "c"]  # in flight "b" is redone, "a" is not


# -- scratch digests (a run's sets, on disk) --------------------------------------------------------


def test_scratch_digests_as_a_set_and_as_a_map() -> None:
    seen, index = ScratchDigests(), ScratchDigests()
    try:
        assert [seen.add(key) for key in ("a", "b", "a", "é", "b")] == [True, True, False, True, False]
        assert (len(seen), "a" in seen, "c" in seen) == (3, True, False)
        index.put(URL, "hash-1")
        index.put(URL, "hash-2")  # the newest value wins
        assert index.holds(URL, "hash-2") and not index.holds(URL, "hash-1") and not index.holds("other", "hash-2")
        assert (len(index), "a" in index) == (1, False)  # two scratch sets never share keys
        with index.bulk():
            for number in range(1000):
                index.put(f"{URL}/{number}", str(number))
        assert len(index) == 1001 and index.holds(f"{URL}/999", "999")
    finally:
        seen.close()
        index.close()


def _open_files() -> dict[str, str]:
    fds = Path("/proc/self/fd")
    found = {}
    for fd in fds.iterdir():
        try:
            found[fd.name] = os.readlink(fd)
        except OSError:
            continue  # the listing's own descriptor, closed by now
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd (Linux) to see open files")
def test_scratch_digests_spill_to_a_file_that_has_no_name() -> None:
    before = _open_files()
    seen = ScratchDigests()
    try:
        for number in range(150_000):  # past the page cache: SQLite spills pages to its file
            seen.add(f"https://example.org/{number}")
        opened = [target for fd, target in _open_files().items() if before.get(fd) != target]
        assert opened, "the scratch set never spilled to disk"
        assert all(target.endswith("(deleted)") for target in opened)  # unlinked: nothing left behind, even after kill -9
    finally:
        seen.close()
