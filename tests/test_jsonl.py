"""The JSON Lines writer: durable lines, torn-line repair, the url -> content hash index, errors."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from schemas.press_release import PressRelease
from scraper.errors import OutputError
from scraper.jsonl import JsonlWriter, read_jsonl
from conftest import REPO

# Titles with 2-, 3- and 4-byte UTF-8 characters, so cuts can land inside one.
TITLES = ("Première réunion", "Chair “welcomes” talks", "Vienna 🕊 peace")


def release(number: int, title: str = "Talks resume", body: str = "The talks resumed today.") -> PressRelease:
    record = PressRelease(url=f"https://example.org/news/{number}", site="generic", title=title, body=body)
    return record.with_content_hash()


def line_of(record: PressRelease) -> bytes:
    return record.model_dump_json().encode("utf-8") + b"\n"


def write_records(path: Path, records: list[PressRelease]) -> None:
    path.write_bytes(b"".join(line_of(record) for record in records))


@pytest.fixture
def three_lines(tmp_path: Path) -> tuple[Path, list[PressRelease]]:
    path = tmp_path / "out.jsonl"
    records = [release(number, title) for number, title in enumerate(TITLES)]
    write_records(path, records)
    return path, records


def multibyte_offset(line: bytes, char: str) -> int:
    """An offset inside `char`'s UTF-8 encoding: after its first byte."""
    return line.index(char.encode("utf-8")) + 1


LAST = line_of(release(2, TITLES[2]))
TORN_AT = {
    "first-byte": 1,
    "mid-key": LAST.index(b'"url"') + 3,
    "inside-4-byte-char": multibyte_offset(LAST, "🕊"),
    "inside-4-byte-char-late": multibyte_offset(LAST, "🕊") + 2,
    "all-but-newline": len(LAST) - 1,
}


@pytest.mark.parametrize("cut_at", TORN_AT.values(), ids=TORN_AT.keys())
def test_a_torn_last_line_is_cut_and_reported(three_lines: tuple[Path, list[PressRelease]], cut_at: int) -> None:
    path, records = three_lines
    whole = path.read_bytes()
    kept = whole[: len(whole) - len(LAST)]
    path.write_bytes(kept + LAST[:cut_at])

    with JsonlWriter(path) as out:
        assert out.repair is not None
        assert (out.repair.bytes_cut, out.repair.lines_kept) == (cut_at, 2)
        assert str(path) in str(out.repair)
        assert path.read_bytes() == kept
        assert not out.already_written(records[2].url, records[2].content_hash)
        out.write(records[2])

    assert path.read_bytes() == whole
    assert [line["title"] for line in read_jsonl(path)] == list(TITLES)


GARBAGE_TAILS = {
    "invalid-last-line": b'{"url": "https://example.org/news/9", "ti\xe2\x80\n',
    "zero-filled-block": b"\0" * 4096,
    "invalid-line-then-torn": b'{"url": \n{"url": "h',
}


@pytest.mark.parametrize("tail", GARBAGE_TAILS.values(), ids=GARBAGE_TAILS.keys())
def test_crash_garbage_at_the_end_is_cut(three_lines: tuple[Path, list[PressRelease]], tail: bytes) -> None:
    path, _ = three_lines
    whole = path.read_bytes()
    path.write_bytes(whole + tail)

    with JsonlWriter(path) as out:
        assert out.repair is not None
        assert (out.repair.bytes_cut, out.repair.lines_kept) == (len(tail), 3)
    assert path.read_bytes() == whole


FOREIGN_FILES = {
    "plain-text": b"hello\nworld\n",
    "one-line-text-no-newline": b"dear diary",
    "invalid-line-in-the-middle": line_of(release(1)) + b"{oops\n" + line_of(release(2)),
    "json-array-lines": b"[1, 2]\n[3]\n",
    "binary": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("content", FOREIGN_FILES.values(), ids=FOREIGN_FILES.keys())
def test_a_file_that_is_not_ours_is_refused_and_left_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(OutputError, match="not a pressroom output"):
        JsonlWriter(path).open()
    assert path.read_bytes() == content


def test_a_clean_file_is_kept_and_indexed(three_lines: tuple[Path, list[PressRelease]]) -> None:
    path, records = three_lines
    before = path.read_bytes()
    with JsonlWriter(path) as out:
        assert out.repair is None
        assert (out.existed, out.lines_before, len(out)) == (True, 3, 3)
        assert all(out.already_written(record.url, record.content_hash) for record in records)
        assert out.contains_url(records[0].url)
        assert not out.contains_url("https://example.org/news/99")
    assert path.read_bytes() == before


A = release(1, body="First text.")
B = release(1, body="Edited text.")
C = release(2, body="Another release.")
HISTORIES = {
    # lines already in the file, the record about to be written, already there?
    "same-url-same-hash": ([A], A, True),
    "edited-since": ([A], B, False),
    "edited-then-written": ([A, B], B, True),
    "reverted-to-first-text": ([A, B], A, False),  # newest line wins, not "ever seen"
    "other-url": ([A], C, False),
    "empty-file": ([], A, False),
}


@pytest.mark.parametrize(("lines", "record", "expected"), HISTORIES.values(), ids=HISTORIES.keys())
def test_already_written_looks_at_the_newest_line_of_the_url(
    tmp_path: Path, lines: list[PressRelease], record: PressRelease, expected: bool
) -> None:
    path = tmp_path / "out.jsonl"
    write_records(path, lines)
    with JsonlWriter(path) as out:
        assert out.already_written(record.url, record.content_hash) is expected


WRITE_DECISIONS = {
    # lines in the file, record, the state says changed?, must be written?
    "new-release": ([], A, True, True),
    "crash-after-the-line-before-the-state": ([A], A, True, False),
    "edited-release": ([A], B, True, True),
    "unchanged-release": ([A], A, False, False),
    "output-deleted-state-kept": ([], A, False, True),
    "output-replaced-by-other-lines": ([C], A, False, True),
}


@pytest.mark.parametrize(
    ("lines", "record", "changed", "expected"), WRITE_DECISIONS.values(), ids=WRITE_DECISIONS.keys()
)
def test_should_write_to_a_file_trusts_the_file(
    tmp_path: Path, lines: list[PressRelease], record: PressRelease, changed: bool, expected: bool
) -> None:
    path = tmp_path / "out.jsonl"
    write_records(path, lines)
    with JsonlWriter(path) as out:
        assert out.should_write(record.url, record.content_hash, changed=changed) is expected


@pytest.mark.parametrize("changed", [True, False])
def test_should_write_to_stdout_follows_the_state(changed: bool) -> None:
    with JsonlWriter(None) as out:
        assert out.should_write(A.url, A.content_hash, changed=changed) is changed


def test_written_records_join_the_index(tmp_path: Path) -> None:
    with JsonlWriter(tmp_path / "out.jsonl") as out:
        assert not out.existed
        out.write(A)
        assert out.already_written(A.url, A.content_hash)
        out.write(B)
        assert not out.already_written(A.url, A.content_hash)
        assert out.lines_written == 2


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The file descriptors os.fsync is called with, in order (the real fsync still runs)."""
    calls: list[int] = []
    real_fsync = os.fsync

    def spy_fsync(fd: int) -> None:
        calls.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy_fsync)
    return calls


def test_each_line_is_complete_and_fsynced_when_write_returns(tmp_path: Path, synced: list[int]) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as out:
        synced.clear()  # creating the file syncs its directory too
        for number, record in enumerate((A, C), start=1):
            out.write(record)
            assert path.read_bytes().count(b"\n") == number  # visible to others before close
            assert len(synced) == number
    assert [json.loads(line)["url"] for line in path.read_bytes().splitlines()] == [A.url, C.url]


def test_appended_lines_are_in_the_file_at_once_and_one_sync_makes_them_durable(tmp_path: Path, synced: list[int]) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as out:
        synced.clear()
        for number, record in enumerate((A, B, C), start=1):
            out.append(record)
            assert path.read_bytes().count(b"\n") == number  # a whole line, visible before any sync
            assert out.already_written(record.url, record.content_hash)
        assert synced == []
        out.sync()
        assert len(synced) == 1  # one fsync for the three lines
        out.sync()
        assert len(synced) == 1  # nothing appended since: nothing to sync
        out.append(release(4, TITLES[0]))
    assert len(synced) == 2  # close syncs what is left
    assert len(list(read_jsonl(path))) == 4


def test_stdout_is_not_indexed(capsys: pytest.CaptureFixture[str]) -> None:
    with JsonlWriter(None) as out:
        out.append(A)
        out.sync()
        assert (len(out), out.contains_url(A.url)) == (0, False)  # nothing to read back: the state decides
    assert json.loads(capsys.readouterr().out)["url"] == A.url


def test_the_index_of_a_large_file_holds_no_python_memory(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "big.jsonl"
    count = 30_000
    lines = (json.dumps({"url": f"https://example.org/news/{n}", "content_hash": f"h{n}"}) for n in range(count))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tracemalloc.start()
    try:
        with JsonlWriter(path) as out:
            _, peak = tracemalloc.get_traced_memory()
            held, _ = tracemalloc.get_traced_memory()
            assert (len(out), out.lines_before) == (count, count)
            assert out.contains_url("https://example.org/news/29999") and out.already_written("https://example.org/news/7", "h7")
    finally:
        tracemalloc.stop()
    assert held < 200_000  # a dict of 30,000 digest pairs would hold ~4.5 MB
    assert peak < 2_000_000  # reading holds one chunk, not the file


WRITER_THEN_SLEEP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from schemas.press_release import PressRelease
    from scraper.jsonl import JsonlWriter

    out = JsonlWriter(Path(sys.argv[1])).open()
    for number in range(3):
        record = PressRelease(url=f"https://example.org/{number}", site="generic", title="Réunion", body="b")
        out.write(record.with_content_hash())
    print("written", flush=True)
    time.sleep(60)
    """
)


def test_lines_survive_kill_9_right_after_write(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER_THEN_SLEEP, str(path)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "written"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert [record["url"] for record in read_jsonl(path)] == [f"https://example.org/{n}" for n in range(3)]
    with JsonlWriter(path) as out:  # and the lock died with the process
        assert out.repair is None and len(out) == 3


def under_a_regular_file(tmp: Path) -> Path:
    (tmp / "file").write_text("x")
    return tmp / "file" / "out.jsonl"


UNWRITABLE: dict[str, Callable[[Path], Path]] = {
    "missing-directory": lambda tmp: tmp / "no" / "such" / "dir" / "out.jsonl",
    "a-directory": lambda tmp: tmp,
    "under-a-regular-file": under_a_regular_file,
}


@pytest.mark.parametrize("make_path", UNWRITABLE.values(), ids=UNWRITABLE.keys())
def test_an_unwritable_path_raises_output_error_naming_it(tmp_path: Path, make_path: Callable[[Path], Path]) -> None:
    path = make_path(tmp_path)
    with pytest.raises(OutputError, match="cannot open output file") as raised:
        JsonlWriter(path).open()
    assert str(path) in str(raised.value)


def test_a_full_disk_raises_output_error(tmp_path: Path) -> None:
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("/dev/full is not available on this system")
    with JsonlWriter(full) as out, pytest.raises(OutputError, match="/dev/full") as raised:
        out.write(A)
    assert os.strerror(errno.ENOSPC) in str(raised.value)


def test_a_write_failing_half_way_leaves_no_partial_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.jsonl"
    write_records(path, [A])
    before = path.read_bytes()
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:
        if len(data) > 10:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with JsonlWriter(path) as out:
        monkeypatch.setattr(os, "write", half_then_full)
        with pytest.raises(OutputError, match=str(path)):
            out.write(C)
        monkeypatch.undo()
        assert path.read_bytes() == before
        assert not out.contains_url(C.url)


def test_a_second_writer_on_the_same_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path), pytest.raises(OutputError, match="another process"):
        JsonlWriter(path).open()
    with JsonlWriter(path):  # released on close
        pass


def test_none_writes_lines_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    with JsonlWriter(None) as out:
        out.write(A)
        out.write(release(3, TITLES[2]))
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Talks resume", TITLES[2]]


READ_BACK_ERRORS = {
    "invalid-json": b'{"a": 1}\n{"b": \n',
    "missing-final-newline": b'{"a": 1}\n{"b": 2}',
    "not-an-object": b'{"a": 1}\n"text"\n',
}


@pytest.mark.parametrize("content", READ_BACK_ERRORS.values(), ids=READ_BACK_ERRORS.keys())
def test_read_jsonl_names_the_bad_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    with pytest.raises(OutputError, match="line 2"):
        list(read_jsonl(path))
