"""The Channels setup panel: add an account, check its console (real Chromium against the local
replica, pointed there by the user's selectors override file), use it for the show."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from studio.config import Settings, config_dir
from studio.room.channels.console import find_browser
from studio.room.settings import RoomConnection
from studio.secrets import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.lab.channels_replica import ChannelsReplica, logged_in_profile
from tests.lab.waiting import wait_until
from ui.panels.channels import ChannelsPanel

pytestmark = pytest.mark.integration


@pytest.fixture
def replica() -> Iterator[ChannelsReplica]:
    if find_browser() is None:
        pytest.fail("no Chromium: run scripts/install-system-deps.sh")
    server = ChannelsReplica().start()
    yield server
    server.stop()


def test_add_check_and_use_an_account(qtbot: Any, replica: ChannelsReplica, run: Callable[..., Any],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "channels-selectors.json").write_text(json.dumps({"base_url": replica.base_url}))
    settings = Settings()
    connection = RoomConnection(settings, SecretStore(backend=MemoryKeyring()), builtin_emulator=False)
    panel = ChannelsPanel(connection.targets)
    qtbot.addWidget(panel)
    assert "add one" in panel.state_label.text()
    assert "channels-selectors.json" in panel.map_label.text()  # the override in use is named

    panel.name_edit.setText("测试小店")
    panel.timed_edit.setPlainText("10 关注主播\n每隔一会儿 说点什么")
    panel.save_button.click()
    run(wait_until(lambda: "line 2" in panel.message.text(), timeout=5), timeout=40)
    assert panel.account_box.count() == 0  # nothing saved while a line is wrong
    panel.timed_edit.setPlainText("10 关注主播\n15 上墙 整点抽奖")
    panel.save_button.click()
    run(wait_until(lambda: panel.account_box.currentText() == "测试小店", timeout=5), timeout=40)
    saved = Settings.load().extra["channels"]["accounts"]
    assert [a["name"] for a in saved] == ["测试小店"] and len(saved[0]["timed_messages"]) == 2
    logged_in_profile(replica, connection.targets.channels.get("测试小店").profile_dir())

    panel.check_button.click()
    run(wait_until(lambda: "live" in panel.state_label.text(), timeout=30), timeout=40)
    replica.control(live=False)
    panel.check_button.click()
    run(wait_until(lambda: "anchor app" in panel.state_label.text(), timeout=30), timeout=40)

    panel.use_button.click()
    run(wait_until(lambda: panel.state_label.text().startswith("Used for this show"), timeout=5), timeout=40)
    assert connection.targets.kind == "channels" and connection.targets.channels_account == "测试小店"
    assert os.path.exists(config_dir() / "settings.json")
    run(connection.close(), timeout=30)
