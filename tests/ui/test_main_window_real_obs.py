"""The window against a real OBS: scenes, clicks, another client's changes, OBS going away."""

from __future__ import annotations

import asyncio

import obsws_python
import pytest
from PySide6.QtCore import Qt

from studio.core import StudioCore
from studio.obs.link import LinkState
from tests.lab.console import core_for
from tests.lab.processes import LAB_SCENES
from tests.lab.waiting import LoopWatch, wait_until
from ui.main_window import MainWindow

pytestmark = pytest.mark.integration


def _shown_window(qtbot, core: StudioCore) -> MainWindow:
    window = MainWindow(core)
    window.set_layout("producer", save=False)  # the layout with the full scenes panel
    qtbot.addWidget(window)
    window.show()
    return window


def test_scenes_listed_and_a_click_switches(qtbot, shared_obs, run):
    core = core_for(shared_obs)
    window = _shown_window(qtbot, core)

    async def scenario():
        core.link.start()
        await wait_until(lambda: window.scenes_panel.scene_names() == list(LAB_SCENES))
        assert window.connection_bar.state_badge.accessibleName() == "connected"
        assert "29.0.2" in window.connection_bar.versions.text()
        item = window.scenes_panel.list.item(1)
        rect = window.scenes_panel.list.visualItemRect(item)
        qtbot.mouseClick(window.scenes_panel.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        await wait_until(lambda: core.scenes.program == LAB_SCENES[1])
        answer = await core.link.request("GetCurrentProgramScene")
        assert answer["currentProgramSceneName"] == LAB_SCENES[1]
        marked = window.scenes_panel.list.item(1).text()
        assert marked.startswith("●") and "PROGRAM" in marked  # not streaming: program, not "on air"

        other = obsws_python.ReqClient(host="127.0.0.1", port=shared_obs.port,
                                       password=shared_obs.password, timeout=3)
        await asyncio.to_thread(other.set_current_program_scene, LAB_SCENES[0])
        other.disconnect()
        await wait_until(lambda: window.scenes_panel.list.item(0).text().startswith("●"))
        await core.close()

    run(scenario())


def test_studio_mode_preview_and_transition(qtbot, shared_obs, run):
    core = core_for(shared_obs)
    window = _shown_window(qtbot, core)

    async def scenario():
        core.link.start()
        await wait_until(lambda: core.scenes.available)
        await core.scenes.set_program(LAB_SCENES[0])
        qtbot.mouseClick(window.scenes_panel.studio_mode, Qt.MouseButton.LeftButton)
        await wait_until(lambda: core.scenes.studio_mode and core.scenes.preview is not None)
        await asyncio.sleep(0.5)  # OBS sets up its preview copy right after studio mode turns on
        assert not window.scenes_panel.transition_button.isHidden()
        await core.scenes.switch(LAB_SCENES[2])  # in studio mode a click goes to preview
        assert (await core.link.request("GetCurrentProgramScene"))["currentProgramSceneName"] == LAB_SCENES[0]
        qtbot.mouseClick(window.scenes_panel.transition_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: core.scenes.program == LAB_SCENES[2], timeout=5)
        answer = await core.link.request("GetCurrentProgramScene")
        assert answer["currentProgramSceneName"] == LAB_SCENES[2]
        await core.scenes.set_studio_mode(False)
        await core.close()

    run(scenario())


def test_obs_killed_window_stays_responsive_and_recovers(qtbot, obs_factory, run):
    obs = obs_factory()
    core = core_for(obs)
    window = _shown_window(qtbot, core)

    async def scenario():
        core.link.start()
        await wait_until(lambda: window.scenes_panel.list.isEnabled())
        watch = LoopWatch()
        await watch.__aenter__()
        await asyncio.to_thread(obs.kill)  # the test, not the console, must not block the loop
        await wait_until(lambda: core.link.state is LinkState.RECONNECTING, timeout=5)
        await wait_until(lambda: not window.scenes_panel.list.isEnabled())
        assert window.connection_bar.state_badge.accessibleName() == "reconnecting"
        assert window.stream_panel.phase_label.accessibleName() == "obs_offline"  # OnAir: not streaming, OBS gone
        assert not window.stream_panel.button.isEnabled()
        await asyncio.to_thread(obs.start)
        await wait_until(lambda: window.scenes_panel.list.isEnabled(), timeout=20)
        await watch.__aexit__()
        assert window.connection_bar.state_badge.accessibleName() == "connected"
        assert window.scenes_panel.scene_names() == list(LAB_SCENES)
        await core.close()
        return watch

    watch = run(scenario(), timeout=40)
    assert watch.longest_gap < 0.3, f"the Qt loop stalled for {watch.longest_gap:.3f} s while OBS was away"


def test_wrong_password_shown_and_fixed_from_the_bar(qtbot, shared_obs, run):
    core = core_for(shared_obs, password="not-the-password")
    window = _shown_window(qtbot, core)

    async def scenario():
        core.link.start()
        await wait_until(lambda: core.link.state is LinkState.AUTH_FAILED)
        assert window.connection_bar.state_badge.accessibleName() == "auth_failed"
        assert "Wrong OBS password" in window.connection_bar.message.text()
        window.connection_bar.password.setText(shared_obs.password)
        qtbot.mouseClick(window.connection_bar.connect_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: core.link.state is LinkState.CONNECTED)
        # The keyring is unusable here: the password is used, and the user is told it was not saved.
        await wait_until(lambda: "keyring" in window.connection_bar.message.text().lower())
        await core.close()

    run(scenario())
