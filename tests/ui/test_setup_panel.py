"""The setup panel: offscreen widgets bound to StudioSetup, driven against a real OBS."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.setup import DEFAULT_BACKGROUND, SCENE_LANDSCAPE, StudioSetup
from tests.lab.waiting import wait_until
from ui.panels.setup import SetupPanel


def test_preview_and_choices_without_obs(qtbot, run, tmp_path):
    link = ObsLink(ConnectionTarget("127.0.0.1", 1))  # never started: not connected
    panel = SetupPanel(StudioSetup(link))
    qtbot.addWidget(panel)

    async def scenario():
        await wait_until(lambda: panel.preview.pixmap() is not None and not panel.preview.pixmap().isNull())
        assert panel.preview.pixmap().height() == 160  # the default background, scaled down
        assert [panel.layout_choice.itemData(i) for i in range(panel.layout_choice.count())] == [
            "camera-ppt-inset", "ppt-above-camera", "camera-only"]
        plan = panel.plan()
        assert plan.resolution.name == "720p" and plan.portrait and plan.background == DEFAULT_BACKGROUND
        panel.background.setText(str(tmp_path / "missing.png"))
        panel._on_background_edited()
        await wait_until(lambda: panel.preview.text() == "No picture to show")
        # Not connected: the click says so in plain words instead of failing silently.
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: panel.message.accessibleDescription() == "error")
        assert "does not exist" in panel.message.text()

    run(scenario())


@pytest.mark.integration
def test_apply_and_one_click_switch_against_real_obs(qtbot, obs_factory, run):
    obs = obs_factory()
    link = ObsLink(ConnectionTarget("127.0.0.1", obs.port, obs.password))
    panel = SetupPanel(StudioSetup(link))
    qtbot.addWidget(panel)
    panel.show()

    async def scenario():
        link.start()
        try:
            await wait_until(lambda: panel.state is not None and panel.devices is not None, timeout=15)
        except AssertionError:
            raise AssertionError(panel.message.text()) from None

        assert panel.devices.window_kind == "xcomposite_input"
        assert "1280×720" in panel.current.text()
        panel.resolution.setCurrentIndex(panel.resolution.findData("1080p"))
        panel.orientation.setCurrentIndex(panel.orientation.findData(False))
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: panel.message.accessibleDescription() == "ok", timeout=15)
        video = await link.request("GetVideoSettings")
        assert (video["outputWidth"], video["outputHeight"]) == (1920, 1080)
        scene = await link.request("GetCurrentProgramScene")
        assert scene["currentProgramSceneName"] == SCENE_LANDSCAPE
        await wait_until(lambda: "1920×1080" in panel.current.text())
        assert panel.switch_button.text().startswith("Drop to 720P")

        qtbot.mouseClick(panel.switch_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: "1280×720" in panel.current.text(), timeout=15)
        video = await link.request("GetVideoSettings")
        assert (video["outputWidth"], video["outputHeight"]) == (1280, 720)
        assert "1800 kbps" in panel.current.text()
        assert panel.switch_button.text() == "Switch to 1080P"
        await link.close()

    run(scenario(), timeout=60)
