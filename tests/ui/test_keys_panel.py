"""The push-keys panel: paste, masked preview, hold to show, copy, save, countdown, apply, delete.

The keyring is an in-memory stand-in and OBS a stand-in that answers like obs-websocket; the
clock is injected (no sleeps). Real keyring and OBS: tests/integration/test_keys_*.py.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from studio.config import Settings
from studio.keys.rooms import PushRooms
from studio.keys.store import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.obs import FakeObs
from tests.lab.waiting import wait_until
from ui.panels.keys import KeysPanel

SIGNATURE = "4b886b8127b82cde297c7ff6d76915a4"
KEY = f"wx40f8626ddf43d361_2796?txSecret={SIGNATURE}&txTime=6f000000"
ADDRESS = f"rtmp://wxalivepush.weixin.qq.com/live/{KEY}"
EXPIRES = datetime(2029, 1, 5, 1, 29, 36, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def ring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def clock() -> Clock:
    return Clock(EXPIRES - timedelta(hours=3, minutes=5))


@pytest.fixture
def obs() -> FakeObs:
    return FakeObs()


@pytest.fixture
def panel(qtbot: Any, loop: Any, tmp_path: Path, ring: MemoryKeyring, clock: Clock,
          obs: FakeObs) -> KeysPanel:
    rooms = PushRooms(SecretStore(backend=ring), Settings(), settings_path=tmp_path / "settings.json",
                      clock=clock)
    widget = KeysPanel(rooms, obs, clock=clock)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _paste(panel: KeysPanel, text: str) -> None:
    panel.paste_box.setPlainText(text)
    if panel.paste_task is not None and not panel.paste_task.done():  # read off the Qt thread
        asyncio.get_event_loop().run_until_complete(asyncio.wait_for(panel.paste_task, 15))


def _save(panel: KeysPanel, run: Any, name: str) -> None:
    panel.room_name.setText(name)
    panel.save_button.click()
    run(wait_until(lambda: bool(panel.room_rows())))


def test_paste_shows_masked_preview_and_clears_the_box(panel: KeysPanel) -> None:
    _paste(panel, f"推流地址：{ADDRESS}\n请勿外传")
    assert panel.paste_box.toPlainText() == ""
    assert panel.server_label.text() == "rtmp://wxalivepush.weixin.qq.com/live/"
    assert panel.key_label.text() == "wx40••••0000"
    assert "in 3 h 5 min" in panel.expiry_label.text()
    assert "Give the live room a name" in panel.message.text()


def test_bad_paste_says_what_is_wrong(panel: KeysPanel) -> None:
    _paste(panel, "https://mp.weixin.qq.com/")
    assert "not a push address" in panel.message.text()
    assert panel.message.accessibleDescription() == "error"
    assert not panel.apply_button.isEnabled()


def test_hold_to_show_and_copy(panel: KeysPanel, qtbot: Any) -> None:
    _paste(panel, ADDRESS)
    qtbot.mousePress(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert panel.key_label.text() == KEY
    qtbot.mouseRelease(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert panel.key_label.text() == "wx40••••0000"
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == KEY
    assert SIGNATURE not in panel.message.text()
    QGuiApplication.clipboard().clear()


def test_save_lists_the_room_with_a_countdown(panel: KeysPanel, run: Any, ring: MemoryKeyring,
                                              clock: Clock, tmp_path: Path) -> None:
    _paste(panel, ADDRESS)
    _save(panel, run, "周五美妆专场")
    assert panel.room_rows() == [("周五美妆专场", "wxalivepush.weixin.qq.com", "3 h 5 min")]
    assert "Saved for “周五美妆专场”" in panel.message.text()
    assert len(ring.items) == 1
    assert SIGNATURE not in (tmp_path / "settings.json").read_text(encoding="utf-8")

    clock.now = EXPIRES - timedelta(seconds=90)
    panel._on_countdown_timeout()
    assert panel.room_rows()[0][2] == "1 min 30 s"
    assert "in 1 min 30 s" in panel.expiry_label.text()
    clock.now = EXPIRES
    panel._on_countdown_timeout()
    assert panel.room_rows()[0][2].startswith("EXPIRED")
    assert "EXPIRED" in panel.expiry_label.text()


def test_saved_room_is_listed_by_a_new_panel_and_applies_to_obs(panel: KeysPanel, run: Any, qtbot: Any,
                                                               obs: FakeObs, ring: MemoryKeyring,
                                                               clock: Clock, tmp_path: Path) -> None:
    _paste(panel, ADDRESS)
    _save(panel, run, "周五美妆专场")
    rooms = PushRooms(SecretStore(backend=ring), Settings.load(tmp_path / "settings.json"),
                      settings_path=tmp_path / "settings.json")
    fresh = KeysPanel(rooms, obs, clock=clock)
    qtbot.addWidget(fresh)
    run(wait_until(lambda: bool(fresh.room_rows())))
    assert fresh.address is None
    fresh.room_list.setCurrentItem(fresh.room_list.topLevelItem(0))
    run(wait_until(lambda: fresh.address is not None))  # loaded from the keyring off the Qt thread
    assert fresh.key_label.text() == "wx40••••0000"
    assert fresh.room_name.text() == "周五美妆专场"
    fresh.apply_button.click()
    run(wait_until(lambda: "OBS now pushes" in fresh.message.text()))
    assert obs.service["streamServiceSettings"]["key"] == KEY
    assert "wx40••••0000" in fresh.message.text() and SIGNATURE not in fresh.message.text()


def test_apply_refused_while_streaming(panel: KeysPanel, run: Any, obs: FakeObs) -> None:
    obs.active.add("stream")
    _paste(panel, ADDRESS)
    panel.apply_button.click()
    run(wait_until(lambda: "streaming right now" in panel.message.text()))
    assert "SetStreamServiceSettings" not in obs.names
    assert panel.apply_button.isEnabled()


def test_expired_key_refused_and_warning_before_planned_end(qtbot: Any, loop: Any, run: Any, tmp_path: Path,
                                                            obs: FakeObs, clock: Clock) -> None:
    rooms = PushRooms(SecretStore(backend=MemoryKeyring()), Settings(),
                      settings_path=tmp_path / "settings.json", clock=clock)
    widget = KeysPanel(rooms, obs, clock=clock, planned_end=lambda: EXPIRES + timedelta(minutes=30))
    qtbot.addWidget(widget)
    _paste(widget, ADDRESS)
    assert "30 min before the planned end" in widget.message.text()
    widget.apply_button.click()
    run(wait_until(lambda: "OBS now pushes" in widget.message.text()))
    assert "30 min before the planned end" in widget.message.text()  # still said after applying
    clock.now = EXPIRES + timedelta(minutes=1)
    widget.apply_button.click()
    run(wait_until(lambda: "expired at" in widget.message.text()))


def test_locked_keyring_shows_the_reason(panel: KeysPanel, run: Any, ring: MemoryKeyring,
                                         tmp_path: Path) -> None:
    ring.locked = True
    _paste(panel, ADDRESS)
    panel.room_name.setText("room")
    panel.save_button.click()
    run(wait_until(lambda: "locked" in panel.message.text()))
    assert panel.room_rows() == []
    assert not (tmp_path / "settings.json").exists()


def test_delete_room(panel: KeysPanel, run: Any, ring: MemoryKeyring) -> None:
    _paste(panel, ADDRESS)
    _save(panel, run, "room")
    assert panel.selected_room() == "room"
    panel.delete_button.click()
    run(wait_until(lambda: not panel.room_rows()))
    assert ring.items == {}
    assert panel.address is None and panel.key_label.text() == "—"


def test_countdown_words(panel: KeysPanel) -> None:
    assert panel.countdown_text(None) == "no expiry"
    assert panel.countdown_text(0).startswith("EXPIRED")
    assert panel.countdown_text(42) == "42 s"
    assert panel.countdown_text(3 * 86400) == "3 days"
