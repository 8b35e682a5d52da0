"""Start and stop a real stream from the panel: OBS → local nginx-rtmp only."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt

from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.stream import StreamControl, StreamPhase
from tests.lab.waiting import wait_until
from ui.panels.stream import StreamPanel

pytestmark = pytest.mark.integration


def test_start_live_timecode_and_guarded_stop(qtbot, obs_factory, rtmp_ingest, run):
    obs = obs_factory()
    link = ObsLink(ConnectionTarget("127.0.0.1", obs.port, obs.password))
    stream = StreamControl(link)
    panel = StreamPanel(stream)
    qtbot.addWidget(panel)
    panel.show()

    async def scenario():
        link.start()
        await wait_until(lambda: stream.phase is StreamPhase.OFF)
        await link.request("SetStreamServiceSettings", {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {"server": rtmp_ingest.server_url, "key": "panel-test"}})
        assert panel.button.text() == "Start streaming"
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: stream.phase is StreamPhase.LIVE, timeout=15)
        await wait_until(lambda: panel.timecode.text() >= "00:00:02", timeout=30)
        assert panel.phase_label.accessibleName() == "live"
        assert (rtmp_ingest.stream_bytes_in("panel-test") or 0) > 0  # nginx really receives it
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)  # first click only arms
        assert "again" in panel.button.text()
        assert stream.phase is StreamPhase.LIVE
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: stream.phase is StreamPhase.OFF, timeout=15)
        for _ in range(50):  # OBS's own status catches up with its STOPPED event shortly after
            if not (await link.request("GetStreamStatus"))["outputActive"]:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("OBS still streaming after stop")
        await link.close()

    run(scenario(), timeout=60)
