"""Group commit: ``ShowLog.batch()`` writes several events with one write and one fsync.

A batch is all-or-nothing on a line boundary (never part of it, never a half line in the file
once the log saw the failure), a kill at any write loses nothing that was acknowledged, and a full
disk treats a refused batch exactly as it treats single events (in memory and in the spill, each
once, written in order when space returns).
"""

from __future__ import annotations

import errno
import os
import threading

import pytest

from studio.show import log as log_module
from studio.show.log import ShowLog, read_log
from tests.fakes.clock import FakeClock
from tests.fakes.disk import FullDisk


@pytest.fixture(autouse=True)
def other_drive(tmp_path, monkeypatch):
    """Refused events spill into the temp folder: this test's own, never the machine's /tmp."""
    monkeypatch.setattr(log_module.tempfile, "tempdir", str(tmp_path / "other-drive"))
    return tmp_path / "other-drive"


@pytest.fixture
def fsyncs(monkeypatch) -> list[int]:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(log_module.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    return synced


def _lines(path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def test_a_batch_is_one_write_and_one_fsync_after_its_last_event(tmp_path, fsyncs, monkeypatch):
    path = tmp_path / "b.showlog.jsonl"
    writes: list[int] = []
    real_write = os.write
    monkeypatch.setattr(log_module.os, "write", lambda fd, data: (writes.append(len(data)),
                                                                   real_write(fd, data))[1])
    with ShowLog(path, FakeClock()) as show_log:
        show_log.append("action_intent", intent_id="i1")
        assert len(fsyncs) == 1
        with show_log.batch():
            call = show_log.append("room_call", intent_id="i1", outcome="done")
            show_log.append("goods_pushed", product="fan")
            show_log.append("overlay_shown", overlay="card")
            show_log.append("action_result", intent_id="i1", status="sent")
            assert call["seq"] == 2 and call["type"] == "room_call"  # numbered at once, as ever
            assert len(_lines(path)) == 1 and show_log.pending == 4  # nothing of it in the file yet
        assert len(fsyncs) == 2 and len(writes) == 2 and show_log.pending == 0
        assert len(_lines(path)) == 5
    contents = read_log(path)
    assert [(e["seq"], e["type"]) for e in contents.events] == [
        (1, "action_intent"), (2, "room_call"), (3, "goods_pushed"), (4, "overlay_shown"), (5, "action_result")]
    assert not contents.bad_lines and not contents.torn_tail


def test_an_empty_batch_writes_nothing_and_a_nested_one_commits_with_the_outer(tmp_path, fsyncs):
    path = tmp_path / "n.showlog.jsonl"
    with ShowLog(path, FakeClock()) as show_log:
        with show_log.batch():
            pass
        assert fsyncs == []
        with show_log.batch():
            show_log.append("a")
            with show_log.batch():
                show_log.append("b")
            assert show_log.pending == 2 and fsyncs == []
        assert len(fsyncs) == 1
    assert [e["type"] for e in read_log(path).events] == ["a", "b"]


def test_a_batch_whose_body_raises_still_writes_what_it_logged(tmp_path, fsyncs):
    """The rundown applied those events already: they go to the file even when the code after
    them failed (an event that is applied is in the log)."""
    path = tmp_path / "r.showlog.jsonl"
    with ShowLog(path, FakeClock()) as show_log:
        with pytest.raises(RuntimeError), show_log.batch():
            show_log.append("goods_pushed", product="fan")
            raise RuntimeError("a bug after the event")
        assert show_log.pending == 0 and len(fsyncs) == 1
    assert [e["type"] for e in read_log(path).events] == ["goods_pushed"]


def test_another_thread_never_lands_inside_a_batch(tmp_path):
    """A health sampler logging from its thread waits for the batch: the batch's lines stay
    together and in seq order, the sampler's event follows them."""
    path = tmp_path / "t.showlog.jsonl"
    with ShowLog(path, FakeClock()) as show_log:
        started = threading.Event()

        def sampler() -> None:
            started.set()
            show_log.append("health", n=1)

        with show_log.batch():
            show_log.append("room_call")
            thread = threading.Thread(target=sampler)
            thread.start()
            assert started.wait(5)
            thread.join(0.05)
            assert thread.is_alive()  # waiting for the batch, not writing into it
            show_log.append("action_result")
        thread.join(5)
    assert [(e["seq"], e["type"]) for e in read_log(path).events] == [
        (1, "room_call"), (2, "action_result"), (3, "health")]


@pytest.mark.parametrize("cut", ["mid_line", "on_a_line_boundary"])
def test_a_refused_batch_leaves_the_file_on_the_line_before_it(tmp_path, monkeypatch, cut):
    """The disk takes a part of the batch (whole lines, or half a line) and then refuses: the file
    goes back to where the batch began at once — never a part of the batch, never a half line that
    the next write would glue onto — and the whole batch waits, in memory and in the spill."""
    path = tmp_path / "c.showlog.jsonl"
    show_log = ShowLog(path, FakeClock())
    show_log.append("action_intent", intent_id="i1")
    before = path.read_bytes()
    first = b'{"seq":2,"ts":1718712000.0,"type":"room_call","intent_id":"i1"}\n'
    disk = FullDisk(monkeypatch, keep=len(first) if cut == "on_a_line_boundary" else len(first) // 2)
    problems: list[str | None] = []
    show_log.problem_changed.connect(problems.append)
    disk.full = True
    with show_log.batch():
        show_log.append("room_call", intent_id="i1")
        show_log.append("goods_pushed", product="fan")
        show_log.append("action_result", intent_id="i1", status="sent")
    assert path.read_bytes() == before  # all or nothing: nothing
    assert show_log.pending == 3 and show_log.problem is not None and problems == [show_log.problem]
    spill = log_module.spill_path(path).read_bytes()
    assert spill.count(b"\n") == 3  # the whole batch on the other drive, each line once
    assert [e["seq"] for e in read_log(path).events] == [1, 2, 3, 4]  # what every reader sees
    disk.full = False
    assert show_log.flush_pending() and problems[-1] is None
    show_log.close()
    contents = read_log(path, spilled=False)
    assert [(e["seq"], e["type"]) for e in contents.events] == [
        (1, "action_intent"), (2, "room_call"), (3, "goods_pushed"), (4, "action_result")]
    assert not contents.bad_lines and not contents.torn_tail
    assert not log_module.spill_path(path).exists()


def test_a_refused_batch_whose_cut_back_fails_too_is_cut_on_the_next_write(tmp_path, monkeypatch):
    """A drive that refuses even the truncate (a read-only remount): the half line stays until the
    next write, which cuts it off first — still never a glued line."""
    path = tmp_path / "ro.showlog.jsonl"
    show_log = ShowLog(path, FakeClock())
    show_log.append("show_started")
    disk = FullDisk(monkeypatch, keep=10)
    real_ftruncate = os.ftruncate
    refuse = {"on": True}

    def ftruncate(fd: int, size: int) -> None:
        if refuse["on"]:
            raise OSError(errno.EROFS, "Read-only file system")
        real_ftruncate(fd, size)

    monkeypatch.setattr(log_module.os, "ftruncate", ftruncate)
    disk.full = True
    with show_log.batch():
        show_log.append("goods_pushed", product="fan")
        show_log.append("action_result", status="sent")
    assert read_log(path, spilled=False).torn_tail  # the half line is still there
    disk.full, refuse["on"] = False, False
    assert show_log.flush_pending()
    show_log.close()
    contents = read_log(path, spilled=False)
    assert [e["type"] for e in contents.events] == ["show_started", "goods_pushed", "action_result"]
    assert not contents.bad_lines and not contents.torn_tail


def test_a_full_disk_and_a_batch_then_a_close_keeps_the_batch_for_the_next_open(tmp_path, monkeypatch):
    """A refused batch goes to the spill exactly as single events do: closed on a full disk, the
    next open writes it into the log, in order, once each."""
    path = tmp_path / "close.showlog.jsonl"
    show_log = ShowLog(path, FakeClock())
    show_log.append("show_started")
    disk = FullDisk(monkeypatch, keep=7)
    disk.full = True
    show_log.append("action_intent", intent_id="i1")  # a single refused event …
    with show_log.batch():  # … and a refused batch after it
        show_log.append("room_call", intent_id="i1")
        show_log.append("action_result", intent_id="i1")
    show_log.flush_pending()  # the tick loop's retry: nothing spilled twice
    show_log.close()
    assert log_module.spill_path(path).read_bytes().count(b"\n") == 3
    disk.full = False
    reopened, contents = ShowLog.open(path, FakeClock())
    assert [e["type"] for e in contents.events] == ["show_started", "action_intent", "room_call", "action_result"]
    reopened.close()
    assert [e["seq"] for e in read_log(path, spilled=False).events] == [1, 2, 3, 4]
    assert not log_module.spill_path(path).exists()


class Killed(BaseException):
    """``kill -9`` in the middle of a write: nothing after it runs (no except OSError catches it)."""


def _crash(show_log: ShowLog) -> None:
    """What ``kill -9`` leaves: no close, no flush, no spill at exit; only what is on a disk."""
    if show_log._fd >= 0:
        os.close(show_log._fd)
        show_log._fd = -1
    show_log._pending.clear()


def _show(show_log: ShowLog, acknowledged: list[int]) -> None:
    """A pad press three times over (intent alone, then the four events after the answers as one
    batch) with a health sample between; ``acknowledged`` gets each seq once its write returned."""
    for n in range(3):
        acknowledged.append(show_log.append("action_intent", intent_id=f"i{n}")["seq"])
        seqs = []
        with show_log.batch():
            seqs.append(show_log.append("room_call", intent_id=f"i{n}", outcome="done")["seq"])
            seqs.append(show_log.append("goods_pushed", product="fan")["seq"])
            seqs.append(show_log.append("overlay_shown", overlay="card", title="风扇" * 30)["seq"])
            seqs.append(show_log.append("action_result", intent_id=f"i{n}", status="sent")["seq"])
        acknowledged.extend(seqs)  # acknowledged when the batch returned, not before
        acknowledged.append(show_log.append("health", n=n)["seq"])


@pytest.mark.parametrize("kill_at", range(9))
@pytest.mark.parametrize("written", ["nothing", "half", "all"])
def test_a_kill_at_any_write_loses_nothing_acknowledged(tmp_path, monkeypatch, kill_at, written):
    """Killed at the n-th write (before it, half way through it, or after it, before its fsync):
    the reopened log has every acknowledged event once, in order, and no glued or half line."""
    path = tmp_path / "kill.showlog.jsonl"
    real_write = os.write
    calls = {"n": 0}

    def write(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] - 1 == kill_at:
            if written == "half":
                real_write(fd, bytes(data[: len(data) // 2]))
            elif written == "all":
                real_write(fd, data)
            raise Killed
        return real_write(fd, data)

    monkeypatch.setattr(log_module.os, "write", write)
    show_log = ShowLog(path, FakeClock())
    acknowledged: list[int] = []
    with pytest.raises(Killed):
        _show(show_log, acknowledged)
    _crash(show_log)
    monkeypatch.setattr(log_module.os, "write", real_write)
    reopened, contents = ShowLog.open(path, FakeClock())
    seqs = [e["seq"] for e in contents.events]
    assert seqs == sorted(set(seqs))  # once each, in order
    assert set(acknowledged) <= set(seqs)  # nothing acknowledged is lost
    assert seqs == list(range(1, len(seqs) + 1))  # and nothing but a prefix of what was logged
    reopened.append("show_resumed")
    reopened.close()
    after = read_log(path, spilled=False)
    assert not after.bad_lines and not after.torn_tail and after.events[-1]["type"] == "show_resumed"
