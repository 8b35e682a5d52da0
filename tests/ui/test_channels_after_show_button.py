"""The Channels panel's "Save after-show data…": the store API (the stub over loopback) → a file
the review reads as platform data; no store credentials or no live → a plain message, no file."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from studio.config import Settings
from studio.review.platform import read_platform_files
from studio.room.settings import RoomConnection
from studio.secrets import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.lab.channels_store_stub import StoreStub
from tests.lab.waiting import wait_until
from ui.panels import channels as channels_panel
from ui.panels.channels import ChannelsPanel


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StoreStub]:
    server = StoreStub()
    base = server.start()
    monkeypatch.setattr("studio.room.wechat.DEFAULT_BASE_URL", base)  # the accounts' API goes to the stub
    yield server
    server.stop()


def test_after_show_data_is_saved_for_the_review(qtbot: Any, stub: StoreStub, run: Callable[..., Any],
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()), builtin_emulator=False)
    accounts = connection.targets.channels
    accounts.add("有店", store_app_id="wxstore1")
    accounts.set_store_secret("wxstore1", "panel-store-secret")
    accounts.add("无店")
    panel = ChannelsPanel(connection.targets)
    qtbot.addWidget(panel)
    out = tmp_path / "after.json"
    monkeypatch.setattr(channels_panel.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    started = time.time() - 3600
    stub.after_show = [{"export_id": "export/today", "live_start_time": int(started),
                        "live_duration_in_seconds": 1800, "total_audience_count": 321, "max_online_count": 45}]

    panel.account_box.setCurrentText("无店")
    panel.after_show_button.click()
    run(wait_until(lambda: "AppSecret" in panel.message.text(), timeout=10), timeout=20)
    assert not out.exists()

    panel.account_box.setCurrentText("有店")
    panel.after_show_button.click()
    run(wait_until(lambda: "Saved 1 live" in panel.message.text(), timeout=10), timeout=20)
    assert json.loads(out.read_text(encoding="utf-8"))["item"][0]["export_id"] == "export/today"
    body = next(b for p, b in stub.requests if p == "channels/finderlive/get_finder_live_data_list")
    assert body["end_time"] - body["start_time"] == 2 * 86_400
    data = read_platform_files([out], show_start=started, show_end=started + 1800)
    assert data.show["viewers"] == 321 and data.show["online_peak"] == 45
    assert data.show["comments"] is None  # WeChat did not send it: missing, not 0

    stub.after_show = []
    out.unlink()
    panel.after_show_button.click()
    run(wait_until(lambda: "no live" in panel.message.text(), timeout=10), timeout=20)
    assert not out.exists()
    assert "panel-store-secret" not in panel.message.text()
    run(connection.close(), timeout=30)
