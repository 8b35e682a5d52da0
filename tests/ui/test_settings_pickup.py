"""The window picks up settings written outside it (the CLI): the keys panel lists the new room."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.config import Settings
from studio.keys.pushurl import parse_push_address
from studio.keys.rooms import PushRooms
from studio.keys.store import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.obs import FakeObs
from tests.lab.waiting import wait_until
from ui.panels.keys import KeysPanel

ADDRESS = ("rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796"
           "?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=6f000000")


def test_keys_panel_shows_a_room_saved_outside(qtbot: Any, loop: Any, run: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings().save(path)
    ring = MemoryKeyring()
    window_settings = Settings.load(path)
    panel = KeysPanel(PushRooms(SecretStore(backend=ring), window_settings), FakeObs())
    qtbot.addWidget(panel)
    run(panel.refresh())
    assert panel.room_rows() == []
    # Another process (the CLI) saves a room into the same file.
    PushRooms(SecretStore(backend=ring), Settings.load(path)).save("命令行专场", parse_push_address(ADDRESS))
    assert window_settings.refresh() is True
    run(wait_until(lambda: [r[0] for r in panel.room_rows()] == ["命令行专场"]))
