"""Settings shared by the window and the CLI: merge on save, lock, wrong types, outside changes."""

from __future__ import annotations

import io
import json
import multiprocessing
import sys
from pathlib import Path
from typing import Any

import pytest

from studio.cli import EXIT_OK, main
from studio.config import Settings, apply_changes, changes_between, file_lock
from studio.keys.pushurl import parse_push_address
from studio.keys.rooms import PushRooms
from studio.keys.store import SecretStore
from tests.fakes.keyring import MemoryKeyring

ADDRESS = ("rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796"
           "?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=6f000000")


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STUDIO_CONSOLE_CONFIG_DIR", str(tmp_path))
    return tmp_path / "settings.json"


def cli(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    return main(list(argv))


def test_changes_and_apply_are_key_by_key() -> None:
    base = {"a": 1, "rooms": {"x": {"host": "h"}, "y": {"host": "h"}}, "gone": True}
    now = {"a": 2, "rooms": {"x": {"host": "h2"}, "z": {}}, "new": [1]}
    changes = changes_between(base, now)
    disk = {"a": 1, "rooms": {"x": {"host": "h"}, "y": {"host": "h"}, "w": {"host": "cli"}},
            "gone": True, "other": "kept"}
    assert apply_changes(disk, changes) == {"a": 2, "rooms": {"x": {"host": "h2"}, "z": {}, "w": {"host": "cli"}},
                                            "new": [1], "other": "kept"}


def test_two_writers_each_keep_the_others_changes(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings().save(path)
    window, cli_side = Settings.load(path), Settings.load(path)
    cli_side.extra["push_rooms"] = {"CLI room": {"host": "a"}}
    cli_side.save()
    window.obs.port = 4460
    window.save()
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["push_rooms"] == {"CLI room": {"host": "a"}}
    assert on_disk["obs"]["port"] == 4460
    assert window.extra["push_rooms"] == {"CLI room": {"host": "a"}}  # the window picked it up


def test_cli_save_survives_window_save_and_cli_delete_stays_deleted(
        ring: MemoryKeyring, config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = Settings.load(config)
    rooms = PushRooms(SecretStore(), window)
    rooms.save("窗口专场", parse_push_address(ADDRESS))
    # The CLI saves a room while the window is open …
    assert cli(monkeypatch, "key", "save", "命令行专场", stdin=ADDRESS) == EXIT_OK
    # … and the window saves something else: the CLI's room is still there.
    window.obs.port = 4461
    window.save()
    assert "命令行专场" in json.loads(config.read_text(encoding="utf-8"))["push_rooms"]
    assert {e.name for e in rooms.entries()} == {"窗口专场", "命令行专场"}
    # The CLI deletes the window's room; the window saves again: it does not come back.
    assert cli(monkeypatch, "key", "delete", "窗口专场") == EXIT_OK
    rooms.save("第三个", parse_push_address(ADDRESS))
    assert set(json.loads(config.read_text(encoding="utf-8"))["push_rooms"]) == {"命令行专场", "第三个"}
    assert {e.name for e in rooms.entries()} == {"命令行专场", "第三个"}


def test_refresh_picks_up_outside_changes_and_keeps_unsaved_ones(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings().save(path)
    window, outside = Settings.load(path), Settings.load(path)
    seen: list[int] = []
    window.changed.connect(lambda: seen.append(1))
    window.language = "en"  # changed here, not saved yet
    outside.extra["push_rooms"] = {"外面": {}}
    outside.save()
    assert window.refresh() is True and seen == [1]
    assert window.extra["push_rooms"] == {"外面": {}} and window.language == "en"
    assert window.refresh() is False  # nothing new
    window.save()
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "en"


@pytest.mark.parametrize("raw, port, host", [
    ({"obs": {"port": "x"}}, 4455, "127.0.0.1"),
    ({"obs": {"port": 99999, "host": "studio-pc"}}, 4455, "studio-pc"),
    ({"obs": "nonsense", "language": 3}, 4455, "127.0.0.1"),
    ({"obs": {"port": "4460", "host": ["x"]}}, 4460, "127.0.0.1"),
])
def test_wrong_types_are_tolerated_field_by_field(tmp_path: Path, raw: dict[str, object], port: int,
                                                  host: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({**raw, "push_rooms": {"r": {}}}), encoding="utf-8")
    settings = Settings.load(path)
    assert (settings.obs.port, settings.obs.host) == (port, host)
    assert settings.extra["push_rooms"] == {"r": {}}  # the good parts are kept
    assert settings.problems and all(str(path) in p for p in settings.problems)
    # Saving something else does not rewrite the wrong field behind the user's back.
    settings.extra["push_rooms"]["s"] = {}
    settings.save()
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk.get("obs") == raw.get("obs")
    assert set(on_disk["push_rooms"]) == {"r", "s"}


def test_broken_file_is_named_and_kept_when_a_save_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ not json", encoding="utf-8")
    settings = Settings.load(path)
    assert settings.obs.port == 4455 and settings.problems
    assert path.read_text(encoding="utf-8") == "{ not json"  # loading never touches it
    settings.obs.port = 4470
    settings.save()
    kept = list(tmp_path.glob("settings.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ not json"
    assert json.loads(path.read_text(encoding="utf-8"))["obs"]["port"] == 4470


def _writer(path: str, name: str, count: int) -> None:
    for i in range(count):
        settings = Settings.load(Path(path))
        settings.extra.setdefault("push_rooms", {})[f"{name}-{i}"] = {}
        settings.save()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), name, 25)) for name in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert len(json.loads(path.read_text(encoding="utf-8"))["push_rooms"]) == 50


def test_file_lock_is_exclusive(tmp_path: Path) -> None:
    import fcntl

    path = tmp_path / "settings.json"
    with file_lock(path), open(tmp_path / "settings.json.lock", "a+b") as other, pytest.raises(BlockingIOError):
        fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_watch_tells_listeners_on_the_loop_thread(tmp_path: Path, loop: Any, run: Any) -> None:
    import threading

    from studio.tasks import spawn
    from tests.lab.waiting import wait_until

    path = tmp_path / "settings.json"
    Settings().save(path)
    window = Settings.load(path)
    threads: list[threading.Thread] = []
    window.changed.connect(lambda: threads.append(threading.current_thread()))
    task = spawn(window.watch(0.05), name="test-settings-watch")
    outside = Settings.load(path)
    outside.language = "en"
    outside.save()
    run(wait_until(lambda: bool(threads)))
    task.cancel()
    assert threads[0] is threading.main_thread() and window.language == "en"


def test_a_disk_that_refuses_the_save_says_so_in_plain_words(tmp_path: Path) -> None:
    # A full or unwritable disk once left every panel but Connect silent (a bare OSError got past
    # run_action). Here the folder is a file, so the write really fails, for root too.
    from studio.config import SettingsNotSaved
    from studio.errors import UserError

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    settings = Settings()
    settings.obs.host = "127.0.0.1"
    with pytest.raises(SettingsNotSaved) as raised:
        settings.save(blocked / "settings.json")
    assert isinstance(raised.value, UserError) and isinstance(raised.value, OSError)
    assert str(blocked / "settings.json") in str(raised.value) and "free some disk space" in str(raised.value)
    assert settings.obs.host == "127.0.0.1" and blocked.read_text() == "x"  # kept in memory, nothing lost
