"""Saved rooms with an in-memory keyring (the real Secret Service: tests/integration/test_keys_rooms.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from studio.config import Settings
from studio.errors import UserError
from studio.keys.pushurl import parse_push_address
from studio.keys.rooms import BadRoomName, PushRooms, RoomNotFound, clean_room_name
from studio.keys.store import KeyringUnavailable, SecretStore
from tests.fakes.keyring import MemoryKeyring

SIGNATURE = "4b886b8127b82cde297c7ff6d76915a4"
FUTURE = "6f000000"  # 2029-01-05 01:29:36 UTC
ADDRESS = f"rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796?txSecret={SIGNATURE}&txTime={FUTURE}"
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def make_rooms(tmp_path: Path, backend: KeyringBackend | None = None) -> tuple[PushRooms, MemoryKeyring]:
    ring = backend if backend is not None else MemoryKeyring()
    rooms = PushRooms(SecretStore(backend=ring), Settings(), settings_path=tmp_path / "settings.json",
                      clock=lambda: NOW)
    return rooms, ring  # type: ignore[return-value]


def test_save_load_list_delete(tmp_path: Path) -> None:
    rooms, ring = make_rooms(tmp_path)
    address = parse_push_address(ADDRESS)
    entry = rooms.save(" 周五美妆专场 ", address)
    assert entry.name == "周五美妆专场"
    assert entry.host == "wxalivepush.weixin.qq.com"
    assert entry.expires_at == datetime(2029, 1, 5, 1, 29, 36, tzinfo=UTC)
    assert rooms.load("周五美妆专场") == address
    assert rooms.masked_key("周五美妆专场") == "wx40••••0000"
    assert [e.name for e in rooms.entries()] == ["周五美妆专场"]

    settings_text = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert "周五美妆专场" in settings_text
    assert SIGNATURE not in settings_text and "wx40f8626ddf43d361" not in settings_text
    assert json.loads(settings_text)["push_rooms"]["周五美妆专场"]["expires_at"] == "2029-01-05T01:29:36Z"
    assert any(SIGNATURE in value for value in ring.items.values())  # the keyring holds it

    # A fresh process (new Settings from the file) finds the room again.
    again = PushRooms(SecretStore(backend=ring), Settings.load(tmp_path / "settings.json"),
                      settings_path=tmp_path / "settings.json")
    assert again.load("周五美妆专场").key == address.key

    assert rooms.delete("周五美妆专场")
    assert rooms.entries() == []
    assert ring.items == {}
    with pytest.raises(RoomNotFound, match="No saved room named “周五美妆专场”"):
        rooms.load("周五美妆专场")
    with pytest.raises(RoomNotFound):
        rooms.delete("周五美妆专场")


def test_entries_soonest_expiry_first(tmp_path: Path) -> None:
    rooms, _ = make_rooms(tmp_path)
    rooms.save("late", parse_push_address(ADDRESS.replace(FUTURE, "7f000000")))
    rooms.save("no expiry", parse_push_address("rtmp://127.0.0.1/live/plain-key"))
    rooms.save("soon", parse_push_address(ADDRESS))
    assert [e.name for e in rooms.entries()] == ["soon", "late", "no expiry"]


def test_saving_again_replaces(tmp_path: Path) -> None:
    rooms, ring = make_rooms(tmp_path)
    rooms.save("room", parse_push_address(ADDRESS))
    newer = parse_push_address(ADDRESS.replace(FUTURE, "7f000000"))
    rooms.save("room", newer)
    assert rooms.load("room") == newer
    assert len(ring.items) == 1


def test_locked_keyring_saves_nothing_anywhere(tmp_path: Path) -> None:
    rooms, ring = make_rooms(tmp_path)
    ring.locked = True
    with pytest.raises(KeyringUnavailable, match="locked"):
        rooms.save("room", parse_push_address(ADDRESS))
    assert not (tmp_path / "settings.json").exists()
    assert rooms.entries() == []
    assert ring.items == {}


def test_unusable_keyring_saves_nothing_anywhere(tmp_path: Path) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    rooms, _ = make_rooms(tmp_path, FailKeyring())
    with pytest.raises(KeyringUnavailable, match="No usable system keyring") as refused:
        rooms.save("room", parse_push_address(ADDRESS))
    assert SIGNATURE not in str(refused.value)
    assert not (tmp_path / "settings.json").exists()


def test_keyring_entry_gone_says_so(tmp_path: Path) -> None:
    rooms, ring = make_rooms(tmp_path)
    rooms.save("room", parse_push_address(ADDRESS))
    ring.items.clear()  # e.g. removed in the system's keyring manager
    with pytest.raises(RoomNotFound, match="no longer in the system keyring"):
        rooms.load("room")


def test_damaged_entry_says_so(tmp_path: Path) -> None:
    rooms, ring = make_rooms(tmp_path)
    rooms.save("room", parse_push_address(ADDRESS))
    for k in ring.items:
        ring.items[k] = "not json"
    with pytest.raises(RoomNotFound, match="damaged"):
        rooms.load("room")


def test_settings_write_failure_takes_the_key_out_again(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    ring = MemoryKeyring()
    rooms = PushRooms(SecretStore(backend=ring), Settings(), settings_path=blocker / "settings.json")
    with pytest.raises(UserError, match="Could not write"):
        rooms.save("room", parse_push_address(ADDRESS))
    assert ring.items == {}
    assert rooms.entries() == []


@pytest.mark.parametrize(("name", "words"), [
    ("", "Give the live room a name"),
    ("   ", "Give the live room a name"),
    ("x" * 41, "too long"),
    ("周五\n美妆", "line breaks"),
    (ADDRESS, "looks like a push address"),
])
def test_bad_room_names(name: str, words: str) -> None:
    with pytest.raises(BadRoomName, match=words) as refused:
        clean_room_name(name)
    assert SIGNATURE not in str(refused.value)


def test_full_width_room_name_is_folded() -> None:
    assert clean_room_name("ＡＢＣ专场１") == "ABC专场1"
