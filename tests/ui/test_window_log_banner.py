"""The window shows the red show-log banner over every page while the disk refuses the log."""

from __future__ import annotations

import errno
import os
from typing import Any

from studio.config import Settings
from studio.core import StudioCore
from studio.keys.store import SecretStore
from studio.show import log as log_module
from tests.fakes.keyring import MemoryKeyring
from tests.lab.waiting import wait_until
from ui.app import build_window
from ui.panels.log_banner import ShowLogBanner


def test_the_window_says_when_the_show_log_cannot_be_written(qtbot: Any, loop: Any, run: Any, monkeypatch) -> None:
    core = StudioCore(Settings(), SecretStore(backend=MemoryKeyring()))
    window = build_window(core)
    qtbot.addWidget(window)
    window.show()
    banner = window.findChild(ShowLogBanner)
    assert banner is not None and not banner.isVisible()
    run(core.show.start_new())
    real_write = os.write
    full = {"on": True}
    monkeypatch.setattr(log_module.os, "write",
                        lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device"))
                        if full["on"] else real_write(fd, data))
    core.show.session.log.append("cue", text="开奖")
    run(wait_until(banner.isVisible))
    assert "free disk space on" in banner.label.text()
    full["on"] = False
    core.show.session.log.flush_pending()
    run(wait_until(lambda: not banner.isVisible()))
    run(core.close())
