"""A full disk never costs the show an acknowledged event, a glued line or its tick loop.

Two ways to fill the disk: an injected ``os.write`` that writes half a line and then fails (as a
full disk does), and — when this runs as root — a real 64 KiB tmpfs filled to the last byte.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import subprocess
from pathlib import Path

import pytest

from studio.show import log as log_module
from studio.show.log import ShowLog, read_log
from studio.show.plan import load_plan
from studio.show.session import ShowSession
from tests.fakes.clock import FakeClock
from tests.fakes.disk import FullDisk
from tests.fakes.room import FakeRoom
from tests.fakes.show import EXAMPLE


@pytest.fixture(autouse=True)
def other_drive(tmp_path, monkeypatch):
    """Refused events spill into the temp folder: this test's own, never the machine's /tmp."""
    monkeypatch.setattr(log_module.tempfile, "tempdir", str(tmp_path / "other-drive"))
    return tmp_path / "other-drive"


def test_a_full_disk_keeps_every_event_and_never_glues_two_lines(tmp_path, monkeypatch):
    disk = FullDisk(monkeypatch)
    path = tmp_path / "full.showlog.jsonl"
    problems: list[str | None] = []
    with ShowLog(path, FakeClock()) as show_log:
        show_log.problem_changed.connect(problems.append)
        show_log.append("show_started", title="夏日专场")
        disk.full = True
        pushed = show_log.append("goods_pushed", product="fan")  # acknowledged, disk full
        show_log.append("cue", text="开奖 in 30 s")
        assert pushed["seq"] == 2 and show_log.pending == 2
        assert disk.half_written >= 1  # half a line did reach the file
        assert show_log.problem is not None and "free disk space on" in show_log.problem
        disk.full = False
        show_log.append("step_started", step="s2")  # space is back: everything catches up, in order
        assert show_log.pending == 0 and show_log.problem is None
    contents = read_log(path)
    assert not contents.bad_lines and not contents.torn_tail
    assert [(e["seq"], e["type"]) for e in contents.events] == [
        (1, "show_started"), (2, "goods_pushed"), (3, "cue"), (4, "step_started")]
    assert problems[0] is not None and problems[-1] is None


def test_it_catches_up_without_a_new_event(tmp_path, monkeypatch):
    disk = FullDisk(monkeypatch)
    path = tmp_path / "idle.showlog.jsonl"
    show_log = ShowLog(path, FakeClock())
    disk.full = True
    show_log.append("goods_pushed", product="fan")
    assert not show_log.flush_pending()
    disk.full = False
    assert show_log.flush_pending()
    show_log.close()
    assert [e["type"] for e in read_log(path).events] == ["goods_pushed"]


def test_a_log_whose_file_cannot_even_be_created_still_takes_events(tmp_path, monkeypatch):
    real_open = os.open
    refuse = {"on": True}

    def open_(path, flags, mode=0o777):
        if refuse["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, flags, mode)

    monkeypatch.setattr(log_module.os, "open", open_)
    show_log = ShowLog(tmp_path / "new.showlog.jsonl", FakeClock())
    assert show_log.problem and "free disk space" in show_log.problem
    show_log.append("show_started")
    refuse["on"] = False
    assert show_log.flush_pending()
    show_log.close()
    assert [e["type"] for e in read_log(tmp_path / "new.showlog.jsonl").events] == ["show_started"]


def test_the_tick_loop_survives_a_failing_beat(tmp_path):
    plan = load_plan(EXAMPLE)

    async def scenario() -> int:
        session = await ShowSession.new(plan, FakeRoom(), None, directory=tmp_path, clock=FakeClock())
        beats = {"n": 0}
        real_tick = session.tick_once

        async def flaky():
            beats["n"] += 1
            if beats["n"] == 1:
                raise OSError(errno.ENOSPC, "No space left on device")
            return await real_tick()

        session.tick_once = flaky  # type: ignore[method-assign]
        session.start_ticking(interval=0.01)
        for _ in range(200):
            await asyncio.sleep(0.01)
            if beats["n"] >= 3:
                break
        alive = session._ticker is not None and not session._ticker.done()
        await session.close()
        return beats["n"] if alive else -1

    assert asyncio.run(scenario()) >= 3


def test_pad_actions_finish_while_the_disk_is_full(tmp_path, monkeypatch):
    """The rundown logs each action before it acts: on a full disk the action must still finish."""
    plan = load_plan(EXAMPLE)
    disk = FullDisk(monkeypatch)

    async def scenario():
        session = await ShowSession.new(plan, FakeRoom(), None, directory=tmp_path, clock=FakeClock())
        session.rundown.start_show()
        disk.full = True
        product = plan.products[0].id
        result = await session.actions.push_product(product)
        problem = session.log.problem
        disk.full = False
        await session.tick_once()
        session.log.flush_pending()
        path = session.log.path
        await session.close()
        return result, problem, path

    result, problem, path = asyncio.run(scenario())
    assert result is not None and problem is not None
    types = [e["type"] for e in read_log(path).events]
    assert "show_started" in types and len(types) >= 2
    assert not read_log(path).bad_lines


# ----- a real full filesystem ----------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("the real-full-disk test needs root (mount -t tmpfs) under CI")
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot mount a tmpfs: {done.stderr}")
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as f:
        with contextlib.suppress(OSError):
            while True:
                f.write(b"x" * 512)
        with contextlib.suppress(OSError):
            while True:
                f.write(b"x")
    return filler


def test_a_really_full_filesystem(tiny_disk):
    path = tiny_disk / "show.showlog.jsonl"
    show_log = ShowLog(path, FakeClock())
    show_log.append("show_started", title="夏日专场")
    filler = _fill(tiny_disk)
    for n in range(20):
        show_log.append("goods_pushed", product=f"p{n}", note="讲解" * 40)
    assert show_log.pending > 0
    assert show_log.problem is not None and str(tiny_disk) in show_log.problem
    filler.unlink()  # the host frees space
    assert show_log.flush_pending() and show_log.problem is None
    show_log.close()
    contents = read_log(path)
    assert not contents.bad_lines and not contents.torn_tail
    assert [e["seq"] for e in contents.events] == list(range(1, 22))


def test_a_show_on_a_really_full_filesystem_keeps_ticking_and_catches_up(tiny_disk):
    """The whole show on a full disk: the pad's push finishes, the tick loop goes on, the log says
    which drive to free, and once space is back the tick loop writes everything, in order."""
    plan = load_plan(EXAMPLE)

    async def scenario():
        session = await ShowSession.new(plan, FakeRoom(), None, directory=tiny_disk, clock=FakeClock())
        session.rundown.start_show()
        filler = _fill(tiny_disk)
        beats = {"n": 0}
        real_tick = session.tick_once

        async def counted():
            beats["n"] += 1
            return await real_tick()

        session.tick_once = counted  # type: ignore[method-assign]
        session.start_ticking(interval=0.02)
        results = [await session.actions.push_product(p.id) for p in plan.products]
        for n in range(30):
            session.rundown.record("health_changed", note="讲解" * 30, n=n)
        problem = session.log.problem
        before = beats["n"]
        await asyncio.sleep(0.3)
        ticking = beats["n"] > before and not session._ticker.done()
        pending = session.log.pending
        filler.unlink()
        for _ in range(100):  # the tick loop catches up by itself
            await asyncio.sleep(0.02)
            if session.log.pending == 0:
                break
        caught_up = session.log.pending == 0 and session.log.problem is None
        path = session.log.path
        await session.close()
        return results, problem, ticking, pending, caught_up, path

    results, problem, ticking, pending, caught_up, path = asyncio.run(scenario())
    assert all(r is not None for r in results)
    assert problem is not None and str(tiny_disk) in problem
    assert ticking and pending > 0 and caught_up
    contents = read_log(path)
    assert not contents.bad_lines and not contents.torn_tail
    seqs = [e["seq"] for e in contents.events]
    assert seqs == list(range(1, len(seqs) + 1))
    assert sum(e["type"] == "health_changed" for e in contents.events) == 30


def test_closing_on_a_full_disk_keeps_the_refused_events_for_the_next_open(tmp_path, monkeypatch):
    """The console closes while the disk is still full: the refused events wait in the temp folder
    (another drive) and the next open writes them into the log, in order, once each."""
    monkeypatch.setattr(log_module.tempfile, "tempdir", str(tmp_path / "other-drive"))
    disk = FullDisk(monkeypatch)
    path = tmp_path / "closing.showlog.jsonl"
    show_log = ShowLog(path, FakeClock())
    show_log.append("show_started")
    disk.full = True
    show_log.append("goods_pushed", product="fan")
    show_log.append("show_ended")
    show_log.close()
    assert log_module.spill_path(path).exists()
    assert [e["type"] for e in read_log(path, spilled=False).events] == ["show_started"]
    disk.full = False
    reopened, contents = ShowLog.open(path, FakeClock())
    assert [e["type"] for e in contents.events] == ["show_started", "goods_pushed", "show_ended"]
    reopened.append("show_resumed")
    reopened.close()
    contents = read_log(path)
    assert [(e["seq"], e["type"]) for e in contents.events] == [
        (1, "show_started"), (2, "goods_pushed"), (3, "show_ended"), (4, "show_resumed")]
    assert not contents.bad_lines and not log_module.spill_path(path).exists()


def test_catching_up_is_one_flush_not_one_per_event(tmp_path, monkeypatch):
    disk = FullDisk(monkeypatch)
    show_log = ShowLog(tmp_path / "batch.showlog.jsonl", FakeClock())
    disk.full = True
    for n in range(200):
        show_log.append("health_changed", n=n)
    disk.full = False
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(log_module.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    assert show_log.flush_pending()
    show_log.close()
    assert len(synced) == 1
    assert [e["n"] for e in read_log(show_log.path).events] == list(range(200))


# ----- every reader sees what a full disk spilled at close -------------------------------------


def _close_on_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, ended: bool,
                        name: str = "spilled") -> Path:
    """A show whose last events (and, with ``ended``, its show_ended) were refused by a full disk
    at close and kept in the temp folder; the disk is back afterwards."""
    monkeypatch.setattr(log_module.tempfile, "tempdir", str(tmp_path / "other-drive"))
    disk = FullDisk(monkeypatch)
    clock = FakeClock()
    show_log = ShowLog.create(tmp_path / "shows", clock, name=name)
    show_log.append("show_started", title="夏日专场")
    clock.now += 60
    disk.full = True
    show_log.append("goods_pushed", product="fan")
    clock.now += 60
    show_log.append("cue", text="开奖 in 30 s")
    if ended:
        clock.now += 60
        show_log.append("show_ended")
    show_log.close()
    disk.full = False
    assert log_module.spill_path(show_log.path).exists()
    assert show_log.path.read_bytes().count(b"\n") == 1  # the file itself holds show_started only
    return show_log.path


def test_read_log_includes_the_spilled_events_by_seq_once_in_order(tmp_path, monkeypatch):
    path = _close_on_full_disk(tmp_path, monkeypatch, ended=True)
    spill = log_module.spill_path(path)
    # Closed twice on a full disk (the second close appends the same lines again), and one event
    # written into the log already before a crash left the spill behind: each is read once.
    spill.write_bytes(spill.read_bytes() * 2)
    assert not read_log(path, spilled=False).torn_tail  # the short write's half line was cut off at once
    with open(path, "ab") as f:  # a kill in the middle of a later write left half a line
        f.write(b'{"seq":2,"ts":17187')
    contents = read_log(path)
    assert [(e["seq"], e["type"]) for e in contents.events] == [
        (1, "show_started"), (2, "goods_pushed"), (3, "cue"), (4, "show_ended")]
    assert contents.finished and contents.spilled == 3
    assert not contents.bad_lines and contents.torn_tail  # that half line: skipped, the spill read
    raw = path.read_bytes()
    with open(path, "wb") as f:  # the next open cut it, wrote seq 2 in, and then the app was killed
        f.write(raw[: raw.index(b"\n") + 1] + spill.read_bytes().split(b"\n")[0] + b"\n")
    assert [e["seq"] for e in read_log(path).events] == [1, 2, 3, 4]
    assert read_log(path).spilled == 2
    assert [e["seq"] for e in read_log(path, spilled=False).events] == [1, 2]  # the file alone


def test_a_show_whose_show_ended_was_spilled_is_not_offered_to_resume(tmp_path, monkeypatch):
    from studio.show.log import find_unfinished
    from studio.show.session import find_resume_offer

    _close_on_full_disk(tmp_path, monkeypatch, ended=True)
    assert find_unfinished(tmp_path / "shows") is None
    assert asyncio.run(find_resume_offer(tmp_path / "shows")) is None


def test_the_resume_offer_counts_the_spilled_events(tmp_path, monkeypatch):
    from studio.show.log import find_unfinished
    from studio.show.session import find_resume_offer

    path = _close_on_full_disk(tmp_path, monkeypatch, ended=False)
    assert find_unfinished(tmp_path / "shows") == path
    offer = asyncio.run(find_resume_offer(tmp_path / "shows"))
    assert offer is not None and offer.path == path
    assert offer.events == 3  # show_started + the two the disk refused
    assert offer.last_event_at == FakeClock().now + 120  # the cue, not show_started
    assert offer.title == "夏日专场"


def test_the_newest_show_counts_its_spill_time(tmp_path, monkeypatch):
    """Which unfinished show is the newest: a spill written after another log's last line wins."""
    from studio.show.log import find_unfinished

    older = ShowLog.create(tmp_path / "shows", FakeClock(), name="older")
    older.append("show_started")
    older.close()
    spilled = _close_on_full_disk(tmp_path, monkeypatch, ended=False)
    os.utime(older.path, (1_000_000_000, 1_000_000_000))
    os.utime(spilled, (900_000_000, 900_000_000))  # its own file last written before the other's
    assert find_unfinished(tmp_path / "shows") == spilled


def test_the_review_sees_the_spilled_show_ended(tmp_path, monkeypatch):
    from studio.review.model import build_review

    path = _close_on_full_disk(tmp_path, monkeypatch, ended=True)
    review = build_review(path, health_paths=[])
    assert review.ended_cleanly


def test_the_list_of_past_shows_sees_the_spilled_end(tmp_path, monkeypatch):
    # list_shows reads only a log's first and last lines: a show whose show_ended waited in the
    # spill was listed as unfinished, ending at its first event.
    from studio.review.model import list_shows

    _close_on_full_disk(tmp_path, monkeypatch, ended=True)
    (entry,) = list_shows(tmp_path / "shows")
    assert entry.finished and entry.title == "夏日专场"
    assert entry.end == FakeClock().now + 180 and entry.start == FakeClock().now


def test_a_caught_up_log_leaves_no_spill_behind(tmp_path, monkeypatch):
    """Opened while the disk is still full, the spilled events wait in memory; once they are in the
    log the spill goes (a stale one would only be noise in the temp folder)."""
    path = _close_on_full_disk(tmp_path, monkeypatch, ended=False)
    disk = FullDisk(monkeypatch)
    disk.full = True
    reopened, contents = ShowLog.open(path, FakeClock())
    assert [e["seq"] for e in contents.events] == [1, 2, 3] and reopened.pending >= 2
    reopened.append("show_resumed")
    assert log_module.spill_path(path).exists()
    disk.full = False
    assert reopened.flush_pending()
    assert not log_module.spill_path(path).exists()
    reopened.close()
    assert [(e["seq"], e["type"]) for e in read_log(path).events] == [
        (1, "show_started"), (2, "goods_pushed"), (3, "cue"), (4, "show_resumed")]


def test_a_really_full_filesystem_closed_then_offered_and_resumed(tiny_disk, tmp_path, monkeypatch):
    """The real thing: the shows folder on a full 64 KiB tmpfs, the console closes, the spill goes
    to the temp folder on another drive; the offer counts every event and, with space back, the
    resumed show has them all in its log."""
    from studio.show.session import find_resume_offer

    monkeypatch.setattr(log_module.tempfile, "tempdir", str(tmp_path / "other-drive"))
    clock = FakeClock()
    show_log = ShowLog.create(tiny_disk, clock, name="tiny")
    show_log.append("show_started", title="夏日专场")
    filler = _fill(tiny_disk)
    for n in range(30):  # more than the 4 KiB page the log already has
        clock.now += 1
        show_log.append("goods_pushed", product=f"p{n}", note="讲解" * 40)
    assert show_log.pending > 0
    show_log.close()
    assert log_module.spill_path(show_log.path).exists()
    offer = asyncio.run(find_resume_offer(tiny_disk))
    assert offer is not None and offer.events == 31 and offer.last_event_at == clock.now
    filler.unlink()
    reopened, contents = ShowLog.open(show_log.path, FakeClock())
    reopened.close()
    assert len(contents.events) == 31
    assert [e["seq"] for e in read_log(show_log.path, spilled=False).events] == list(range(1, 32))
    assert not log_module.spill_path(show_log.path).exists()


def _crash(show_log: ShowLog) -> None:
    """What ``kill -9`` leaves: no close, no flush, no spill at exit; only what is on a disk."""
    if show_log._fd >= 0:
        os.close(show_log._fd)
        show_log._fd = -1
    show_log._pending.clear()


def test_a_crash_while_the_disk_is_full_loses_no_acknowledged_event(tmp_path, monkeypatch):
    """Write-ahead holds on a full disk too: each refused event is in the temp folder (another
    drive) before ``append`` returns, so a kill -9 before space returns loses none of them — the
    room call logged as intent is there on resume, and is not silently repeated."""
    monkeypatch.setattr(log_module.tempfile, "tempdir", str(tmp_path / "other-drive"))
    disk = FullDisk(monkeypatch)
    path = tmp_path / "crash.showlog.jsonl"
    show_log = ShowLog(path, FakeClock())
    show_log.append("show_started")
    disk.full = True
    show_log.append("action_intent", action="push_product", ref="fan")
    show_log.append("action_result", action="push_product", ref="fan", outcome="done")
    show_log.flush_pending()  # the tick loop's retry: still full, nothing written twice
    _crash(show_log)
    contents = read_log(path)
    assert [(e["seq"], e["type"]) for e in contents.events] == [
        (1, "show_started"), (2, "action_intent"), (3, "action_result")]
    disk.full = False
    reopened, contents = ShowLog.open(path, FakeClock())
    assert [e["seq"] for e in contents.events] == [1, 2, 3]
    reopened.append("show_resumed")
    reopened.close()
    assert [(e["seq"], e["type"]) for e in read_log(path, spilled=False).events] == [
        (1, "show_started"), (2, "action_intent"), (3, "action_result"), (4, "show_resumed")]
    assert not log_module.spill_path(path).exists()


def test_a_refused_event_goes_to_the_spill_once(tmp_path, monkeypatch):
    monkeypatch.setattr(log_module.tempfile, "tempdir", str(tmp_path / "other-drive"))
    disk = FullDisk(monkeypatch)
    show_log = ShowLog(tmp_path / "once.showlog.jsonl", FakeClock())
    disk.full = True
    for n in range(5):
        show_log.append("health_changed", n=n)
        show_log.flush_pending()
    show_log.close()
    spill = log_module.spill_path(show_log.path).read_bytes()
    assert spill.count(b"\n") == 5  # each line once, not once per retry or again at close
    disk.full = False
    reopened, _contents = ShowLog.open(show_log.path, FakeClock())
    reopened.close()
    assert [e["n"] for e in read_log(show_log.path, spilled=False).events] == list(range(5))


def test_a_crash_on_a_really_full_filesystem_loses_nothing(tiny_disk, tmp_path, monkeypatch):
    monkeypatch.setattr(log_module.tempfile, "tempdir", str(tmp_path / "other-drive"))
    show_log = ShowLog(tiny_disk / "crash.showlog.jsonl", FakeClock())
    show_log.append("show_started")
    filler = _fill(tiny_disk)
    for n in range(30):
        show_log.append("goods_pushed", product=f"p{n}", note="讲解" * 40)
    assert show_log.pending > 0
    _crash(show_log)
    assert [e["seq"] for e in read_log(show_log.path).events] == list(range(1, 32))
    filler.unlink()
    reopened, _contents = ShowLog.open(show_log.path, FakeClock())
    reopened.close()
    contents = read_log(show_log.path, spilled=False)
    assert [e["seq"] for e in contents.events] == list(range(1, 32)) and not contents.torn_tail


def test_a_spill_that_fails_half_way_leaves_no_half_line(tmp_path, monkeypatch, other_drive):
    """The temp folder fills up too, mid-line: that half line is cut off, so the next spill of the
    same events (space there again) is read whole; every event reaches the log in the end."""
    disk = FullDisk(monkeypatch)
    show_log = ShowLog(tmp_path / "both.showlog.jsonl", FakeClock())
    disk.full = True
    real_open = open
    spill_full = {"on": True}

    class HalfFile:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def tell(self):
            return self.f.tell()

        def write(self, data):
            self.f.write(data[: len(data) // 2])
            self.f.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    def open_(path, mode="r", *args, **kwargs):
        f = real_open(path, mode, *args, **kwargs)
        return HalfFile(f) if spill_full["on"] and "a" in mode else f

    monkeypatch.setattr("builtins.open", open_)
    show_log.append("goods_pushed", product="fan")
    spill = log_module.spill_path(show_log.path)
    assert spill.exists() and spill.read_bytes() == b""  # the half line was cut off again
    spill_full["on"] = False
    show_log.append("cue", text="开奖 in 30 s")  # both go to the spill now, whole
    assert [e["type"] for e in read_log(show_log.path).events] == ["goods_pushed", "cue"]
    disk.full = False
    assert show_log.flush_pending()
    show_log.close()
    assert [e["type"] for e in read_log(show_log.path, spilled=False).events] == ["goods_pushed", "cue"]
    assert not spill.exists()


def test_a_show_spilled_at_close_is_offered_and_resumed_where_it_was(tmp_path, monkeypatch):
    """The whole path: the host moved on to the next step while the disk was full and closed the
    console; the offer counts those events and the resumed rundown is on that step."""
    from studio.show.session import ShowController

    plan = load_plan(EXAMPLE)
    disk = FullDisk(monkeypatch)
    shows = tmp_path / "shows"

    async def scenario():
        controller = ShowController(plan, FakeRoom(), None, directory=shows, clock=FakeClock())
        session = await controller.start_new()
        session.rundown.start_show()
        disk.full = True
        on_air = session.rundown.advance()
        await controller.close()
        disk.full = False
        again = ShowController(plan, FakeRoom(), None, directory=shows, clock=FakeClock())
        offer = await again.look_for_resume()
        resumed = await again.resume()
        current = resumed.rundown.current
        await again.close()
        return on_air, offer, current

    on_air, offer, current = asyncio.run(scenario())
    assert on_air is not None and offer is not None
    assert offer.events == len(read_log(offer.path).events) - 2  # all but show_resumed and room_target
    assert current is not None and current.id == on_air.id


def test_a_new_log_never_takes_a_stale_spill_of_the_same_name(tmp_path, monkeypatch):
    """A log deleted by hand while its spill waits: a new show of the same name and second gets a
    name of its own, so the old show's events never join it."""
    path = _close_on_full_disk(tmp_path, monkeypatch, ended=True)
    path.unlink()
    fresh = ShowLog.create(tmp_path / "shows", FakeClock(), name="spilled")
    fresh.append("show_started")
    fresh.close()
    assert fresh.path != path
    assert [e["type"] for e in read_log(fresh.path).events] == ["show_started"]
