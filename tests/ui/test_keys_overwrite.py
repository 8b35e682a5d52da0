"""Saving a push address under the name of a saved room asks first, naming the key it replaces
and its expiry; nothing is overwritten until the user says so (issue 12)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from studio.config import Settings
from studio.keys.rooms import PushRooms
from studio.keys.store import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.obs import FakeObs
from tests.lab.waiting import wait_until
from ui.panels.keys import KeysPanel

OLD = ("rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796"
       "?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=6f000000")
NEW = ("rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_9999"
       "?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=70000000")  # the playbook canary


def _paste(panel: KeysPanel, text: str) -> None:
    panel.paste_box.setPlainText(text)
    if getattr(panel, "paste_task", None) is not None and not panel.paste_task.done():
        asyncio.get_event_loop().run_until_complete(asyncio.wait_for(panel.paste_task, 15))


def test_overwriting_a_saved_room_asks_and_names_the_old_key(qtbot: Any, loop: Any, run: Any,
                                                             tmp_path: Path) -> None:
    rooms = PushRooms(SecretStore(backend=MemoryKeyring()), Settings(), settings_path=tmp_path / "s.json")
    panel = KeysPanel(rooms, FakeObs())
    qtbot.addWidget(panel)
    panel.show()
    _paste(panel, OLD)
    panel.room_name.setText("周五美妆专场")
    panel.save_button.click()
    run(wait_until(lambda: [r[0] for r in panel.room_rows()] == ["周五美妆专场"]))
    assert not panel.overwrite_bar.isVisible()  # a new room: no question
    # A new address; the room-name box still holds the previous room's name.
    _paste(panel, NEW)
    panel.room_name.setText("周五美妆专场")
    panel.save_button.click()
    run(wait_until(panel.overwrite_bar.isVisible))
    text = panel.overwrite_text.text()
    assert "周五美妆专场" in text and "wx40••••0000" in text and "2029" in text  # whose key, its expiry
    assert rooms.load("周五美妆专场").key.endswith("6f000000")  # nothing replaced yet
    panel.overwrite_no.click()
    assert not panel.overwrite_bar.isVisible() and rooms.load("周五美妆专场").key.endswith("6f000000")
    panel.save_button.click()
    run(wait_until(panel.overwrite_bar.isVisible))
    panel.overwrite_yes.click()
    run(wait_until(lambda: rooms.load("周五美妆专场").key.endswith("70000000")))
