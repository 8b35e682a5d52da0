"""The red show-log banner: hidden while the log is fine, the plain-words problem while the disk is
full (also when the problem is reported from another thread), gone again once the log caught up."""

from __future__ import annotations

import errno
import os
import threading

from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.show import log as log_module
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.clock import FakeClock
from tests.fakes.room import FakeRoom
from tests.fakes.show import EXAMPLE
from tests.lab.waiting import wait_until
from ui.panels.log_banner import ShowLogBanner


def test_banner_follows_the_session_log(qtbot, run, tmp_path, monkeypatch):
    controller = ShowController(load_plan(EXAMPLE), FakeRoom(), None, directory=tmp_path, clock=FakeClock())
    window = QWidget()
    qtbot.addWidget(window)
    banner = ShowLogBanner(controller, window)
    QVBoxLayout(window).addWidget(banner)
    window.show()
    assert banner.isHidden()
    try:
        run(controller.start_new())
        assert banner.isHidden()
        real_write = os.write
        full = {"on": True}

        def write(fd, data):
            if full["on"]:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        monkeypatch.setattr(log_module.os, "write", write)
        # From a worker thread, as a health sampler would log.
        worker = threading.Thread(target=lambda: controller.session.log.append("health", kbps=1800))
        worker.start()
        worker.join()
        run(wait_until(lambda: banner.isVisible()))
        assert "free disk space on" in banner.label.text()
        full["on"] = False
        controller.session.log.append("cue", text="开奖")
        run(wait_until(lambda: banner.isHidden()))
    finally:
        run(controller.close())
