"""Fetching a push address never re-points OBS by itself: the panel asks, naming the old and the
new server, and only a yes changes OBS (issue 12). The live room is the emulator over loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from studio.config import Settings
from studio.core import Repoint
from studio.keys.store import SecretStore
from studio.room.emulator import EmulatorState, WeChatEmulator
from studio.room.settings import RoomConnection, RoomSettings
from tests.fakes.keyring import MemoryKeyring
from tests.lab.waiting import wait_until
from ui.panels.room import RoomPanel


def _use_live_room(panel: RoomPanel, run: Any) -> None:
    panel.refresh_button.click()
    run(wait_until(lambda: panel.rooms_table.rowCount() == 2))
    panel.rooms_table.selectRow(0)
    panel.use_room_button.click()
    run(wait_until(lambda: panel.goods_table.rowCount() == 3))


@pytest.fixture
def emulator(run: Any) -> Iterator[WeChatEmulator]:
    emulator = WeChatEmulator(EmulatorState().seed_demo())
    run(emulator.start())
    yield emulator
    run(emulator.stop())


def test_fetched_push_address_is_applied_only_after_a_yes(qtbot: Any, run: Any, emulator: WeChatEmulator) -> None:
    settings = Settings()
    RoomSettings(rehearsal=True, rehearsal_url=emulator.url).store_in(settings)
    connection = RoomConnection(settings, SecretStore(backend=MemoryKeyring()))
    applied: list[str] = []

    async def apply() -> None:
        applied.append("yes")

    async def take(url: str) -> Repoint:
        assert "txSecret=" in url
        return Repoint("Mini-program room 1001", "rtmp://old.example.invalid/live/",
                       "rtmp://wxalivepush.weixin.qq.com/live/", "wx40••••0000", apply)

    panel = RoomPanel(connection, on_push_url=take)
    qtbot.addWidget(panel)
    panel.show()
    _use_live_room(panel, run)
    panel.push_url_button.click()
    run(wait_until(panel.repoint_bar.isVisible))
    text = panel.repoint_text.text()
    assert "rtmp://old.example.invalid/live/" in text and "rtmp://wxalivepush.weixin.qq.com/live/" in text
    assert applied == [] and "not changed" in panel.message.text()
    panel.repoint_no.click()
    assert applied == [] and not panel.repoint_bar.isVisible()
    panel.push_url_button.click()
    run(wait_until(panel.repoint_bar.isVisible))
    panel.repoint_yes.click()
    run(wait_until(lambda: applied == ["yes"]))
    run(wait_until(lambda: "now streams to" in panel.message.text()))
    run(connection.close())
