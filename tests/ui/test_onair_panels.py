"""One truth in every panel: each on-air state is driven through the real link and stream objects,
and every panel of the real window must say the same thing (issue 12)."""

from __future__ import annotations

from typing import Any

import pytest

from studio.config import Settings
from studio.core import StudioCore
from studio.keys.store import SecretStore
from studio.obs.link import LinkState, LinkStatus
from studio.obs.stream import StreamPhase
from studio.show.log import read_log
from tests.fakes.clock import FakeClock
from tests.fakes.keyring import MemoryKeyring
from ui.app import build_window


class Desk:
    def __init__(self, qtbot: Any, run: Any) -> None:
        self.run = run
        self.core = StudioCore(Settings(), SecretStore(backend=MemoryKeyring()))
        self.clock = FakeClock()
        self.core.onair.clock = self.clock
        self.window = build_window(self.core)
        qtbot.addWidget(self.window)
        self.window.show()
        scenes = self.core.scenes
        scenes.scenes, scenes.program = ["主场景", "商品特写"], "主场景"
        self.connected()

    def connected(self) -> None:
        """OBS (re)connected and not streaming, as the link and StreamControl report it."""
        async def connect() -> None:
            self.core.link._set_status(LinkStatus(LinkState.CONNECTED))
            self.core.stream._set_phase(StreamPhase.OFF)
            self.core.onair._on_link_connected()
            self.core.scenes.changed.emit()

        self.run(connect())

    def output(self, state: str) -> None:
        self.core.stream._on_stream_state_changed({"outputState": f"OBS_WEBSOCKET_OUTPUT_{state}"})

    def obs_killed(self) -> None:
        self.core.link._set_status(LinkStatus(LinkState.RECONNECTING, "OBS closed the connection"))

    def texts(self) -> dict[str, str]:
        w = self.window
        program = next(w.scenes_panel.list.item(i).text() for i in range(w.scenes_panel.list.count())
                       if "主场景" in w.scenes_panel.list.item(i).text())
        return {"stream": w.stream_panel.phase_label.text(),
                "stream_state": w.stream_panel.phase_label.accessibleName(),
                "timer": w.stream_panel.timecode.text(), "scenes": w.scenes_panel.state_line.text(),
                "program": program, "health": w.health_panel.status_word.text(),
                "advice": w.health_panel.advice.text(), "bar": w.connection_bar.onair_line.text(),
                "strip": w.onair_strip.word.text() if hasattr(w, "onair_strip") else ""}

    def check(self, state: str, health_word: str, on_air: bool) -> dict[str, str]:
        onair = self.core.onair
        t = self.texts()
        assert onair.state == state
        for panel in ("stream", "scenes", "bar") + (("strip",) if hasattr(self.window, "onair_strip") else ()):
            assert onair.text in t[panel], (panel, t[panel], onair.text)
        assert t["stream_state"] == state
        assert t["health"] == health_word, t
        assert ("ON AIR" in t["program"]) is on_air, t["program"]
        assert ("PROGRAM" in t["program"]) is (not on_air)
        return t


@pytest.fixture
def desk(qtbot: Any, loop: Any, run: Any) -> Desk:
    return Desk(qtbot, run)


def test_every_state_and_every_panel_agrees(desk: Desk) -> None:
    desk.check("off", "Idle", on_air=False)
    desk.output("STARTING")
    desk.check("starting", "Measuring", on_air=False)
    desk.output("STARTED")
    t = desk.check("live", "Measuring", on_air=True)  # from the first second, never "Idle"
    assert "Measuring" in t["advice"]
    desk.output("RECONNECTING")
    t = desk.check("reconnecting", "Critical", on_air=True)
    assert desk.core.onair.severity == "alarm"
    desk.output("RECONNECTED")
    desk.check("live", "Measuring", on_air=True)
    desk.clock.now += 65
    desk.window.stream_panel._on_clock_timeout()  # the panel's 1 s timer
    assert desk.window.stream_panel.timecode.text() == "00:01:05"
    desk.obs_killed()
    t = desk.check("obs_gone_while_live", "Critical", on_air=False)
    assert "Start OBS again" in t["bar"] and desk.core.onair.severity == "alarm"
    desk.clock.now += 30
    desk.connected()  # OBS restarted: not streaming; nobody stopped the stream on purpose
    t = desk.check("show_running_stream_off", "Critical", on_air=False)
    assert "stopped by itself" in t["bar"]
    desk.output("STARTED")
    desk.window.stream_panel._on_clock_timeout()
    assert desk.window.stream_panel.timecode.text() == "00:01:35"  # kept across the OBS restart
    desk.output("STOPPING")
    desk.check("stopping", "Idle", on_air=False)
    desk.output("STOPPED")
    desk.check("off", "Idle", on_air=False)
    # Once more: the stream stops by itself with no show running; the user says it is over.
    desk.output("STARTED")
    desk.obs_killed()
    desk.connected()
    desk.check("show_running_stream_off", "Critical", on_air=False)
    assert desk.window.stream_panel.dismiss_button.isVisibleTo(desk.window.stream_panel)
    desk.window.stream_panel.dismiss_button.click()
    desk.check("off", "Idle", on_air=False)
    assert not desk.window.stream_panel.dismiss_button.isVisibleTo(desk.window.stream_panel)


def test_a_running_show_without_a_stream_is_an_alarm_never_idle(desk: Desk, run: Any) -> None:
    session = run(desk.core.show.start_new())
    session.rundown.start_show()
    t = desk.check("show_running_stream_off", "Critical", on_air=False)
    assert "Start streaming" in t["bar"] and desk.core.onair.severity == "alarm"
    desk.output("STARTED")
    desk.check("live", "Measuring", on_air=True)
    desk.clock.now += 600
    desk.obs_killed()
    t = desk.check("obs_gone_while_live", "Critical", on_air=False)
    assert t["health"] != "Idle"
    desk.connected()  # OBS is back, the stream is not
    t = desk.check("show_running_stream_off", "Critical", on_air=False)
    desk.window.stream_panel._on_clock_timeout()
    assert desk.window.stream_panel.timecode.text() == "00:10:00"
    desk.output("STARTED")
    desk.check("live", "Measuring", on_air=True)
    desk.core.link._event_slots["CurrentProgramSceneChanged"].emit({"sceneName": "商品特写"})
    for second in range(1, 4):  # samples: the health verdict changes from "not streaming" to measuring
        desk.core.health.sampler.feed({"outputActive": True, "outputBytes": second * 300_000,
                                       "outputDuration": second * 1000}, float(second))
    events = read_log(session.log.path).events
    scene = next(e for e in events if e["type"] == "scene_switched")
    assert scene["scene"] == "商品特写" and scene["on_air_step"] == session.rundown.current.id
    assert any(e["type"] == "health_changed" and e["on_air_step"] for e in events)
    types = [e["type"] for e in events]
    assert types.count("stream_started") == 2 and "obs_disconnected" in types and "obs_reconnected" in types
    gone = next(e for e in events if e["type"] == "obs_disconnected")
    assert gone["on_air_step"] == session.rundown.current.id and gone["was_on_air"] is True
    run(desk.core.show.close())
