"""Saved rooms in the real Secret Service (gnome-keyring on the lab's private dbus)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from studio.config import Settings
from studio.keys.pushurl import parse_push_address
from studio.keys.rooms import PushRooms, RoomNotFound
from studio.keys.store import OBS_PASSWORD, KeyringUnavailable, SecretStore

pytestmark = pytest.mark.integration

SIGNATURE = "4b886b8127b82cde297c7ff6d76915a4"
ADDRESS = f"rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796?txSecret={SIGNATURE}&txTime=6f000000"


def test_rooms_round_trip_through_secret_service(real_keyring, tmp_path: Path) -> None:
    store = SecretStore(service="studio-console-test-rooms")
    assert store.backend_name() == "SecretService.Keyring"
    settings_path = tmp_path / "settings.json"
    rooms = PushRooms(store, Settings(), settings_path=settings_path)
    address = parse_push_address(ADDRESS)
    rooms.save("周五美妆专场", address)

    # What a second process sees: the settings file and the keyring, nothing in memory.
    fresh = PushRooms(SecretStore(service="studio-console-test-rooms"), Settings.load(settings_path),
                      settings_path=settings_path)
    assert fresh.load("周五美妆专场") == address
    assert keyring.get_password("studio-console-test-rooms", "push-address:周五美妆专场") is not None
    assert SIGNATURE not in settings_path.read_text(encoding="utf-8")

    assert fresh.delete("周五美妆专场")
    assert keyring.get_password("studio-console-test-rooms", "push-address:周五美妆专场") is None
    with pytest.raises(RoomNotFound):
        fresh.load("周五美妆专场")


def test_obs_password_kept_the_same_way(real_keyring) -> None:
    store = SecretStore(service="studio-console-test-rooms")
    store.set(OBS_PASSWORD, "lab-obs-password")
    assert SecretStore(service="studio-console-test-rooms").get(OBS_PASSWORD) == "lab-obs-password"
    assert store.delete(OBS_PASSWORD)


def test_no_usable_keyring_no_plain_text_fallback(tmp_path: Path) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    settings_path = tmp_path / "settings.json"
    rooms = PushRooms(SecretStore(backend=FailKeyring()), Settings(), settings_path=settings_path)
    with pytest.raises(KeyringUnavailable, match="No usable system keyring"):
        rooms.save("room", parse_push_address(ADDRESS))
    assert list(tmp_path.rglob("*")) == []  # nothing written anywhere
