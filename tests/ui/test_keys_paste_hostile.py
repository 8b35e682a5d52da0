"""Hostile pastes into the push-address box: 1 MB of chat never parsed on the Qt thread (and never
a frozen window), a NUL byte refused instead of silently cutting the key."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData

from studio.config import Settings
from studio.keys import pushurl
from studio.keys.rooms import PushRooms
from studio.keys.store import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.obs import FakeObs
from tests.lab.waiting import wait_until
from ui.panels import keys as keys_panel
from ui.panels.keys import KeysPanel

ADDRESS = "rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=6f000000"


@pytest.fixture
def panel(qtbot: Any, loop: Any, tmp_path: Path) -> KeysPanel:
    rooms = PushRooms(SecretStore(backend=MemoryKeyring()), Settings(), settings_path=tmp_path / "settings.json",
                      clock=lambda: datetime(2028, 1, 1, tzinfo=UTC))
    widget = KeysPanel(rooms, FakeObs(), clock=lambda: datetime(2028, 1, 1, tzinfo=UTC))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_address_is_parsed_off_the_qt_thread(panel: KeysPanel, run: Any, monkeypatch) -> None:
    threads: list[threading.Thread] = []
    real = pushurl.parse_push_address

    def spy(text: str) -> pushurl.PushAddress:
        threads.append(threading.current_thread())
        return real(text)

    monkeypatch.setattr(keys_panel, "parse_push_address", spy)
    panel.paste_box.setPlainText(f"推流地址：{ADDRESS}")
    run(wait_until(lambda: panel.server_label.text() == "rtmp://wxalivepush.weixin.qq.com/live/"))
    assert threads and threading.main_thread() not in threads


def test_a_megabyte_paste_is_refused_and_leaves_the_box(panel: KeysPanel, run: Any) -> None:
    panel.paste_box.setPlainText(f"推流地址：{ADDRESS}\n" + "聊天记录 " * 200_000)
    run(wait_until(lambda: "too long" in panel.message.text()))
    assert panel.paste_box.toPlainText() == "" and panel.address is None


def test_a_nul_byte_in_the_key_is_refused(panel: KeysPanel, run: Any) -> None:
    cut = ADDRESS.replace("txSecret=4b88", "txSecret=4b\x0088")
    panel.paste_box.setPlainText(cut)
    run(wait_until(lambda: "control character" in panel.message.text()))
    assert panel.address is None


def test_a_megabyte_pasted_by_the_user_never_enters_the_box(panel: KeysPanel) -> None:
    """Ctrl+V, the context menu and drag-and-drop all go through insertFromMimeData: laying out a
    megabyte of one-line chat is what froze the window, so it is refused before the document."""
    mime = QMimeData()
    mime.setText(f"推流地址：{ADDRESS} " + "聊天记录" * 250_000)
    panel.paste_box.insertFromMimeData(mime)
    assert panel.paste_box.document().characterCount() <= 1  # nothing went in
    assert "too long" in panel.message.text()


def test_a_normal_paste_still_goes_in_and_is_read(panel: KeysPanel, run: Any) -> None:
    mime = QMimeData()
    mime.setText(f"推流地址：{ADDRESS}\n请勿外传")
    panel.paste_box.insertFromMimeData(mime)
    run(wait_until(lambda: panel.address is not None))
    assert panel.address.server == "rtmp://wxalivepush.weixin.qq.com/live/"
