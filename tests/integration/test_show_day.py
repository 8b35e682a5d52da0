"""A scripted rehearsal of a whole show day on the real lab (issue 12's "Done when").

A 20-step show with the real window against a real OBS streaming to nginx-rtmp, the real keyring
and the show's own clock injected (it moves by the minute, OBS and the network keep their own
time). Meanwhile: OBS is killed and started again mid-show (a card is taken off while it is away),
the CLI saves and deletes push addresses in the same settings file, a broken plan is opened in
the plan editor, and the window is closed and opened again (the show resumed). At every step each
panel must say what OnAir says, and OnAir what OBS says; at the end the show log, the settings and
every plan file are intact.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from studio.config import Settings
from studio.core import StudioCore
from studio.keys.store import OBS_PASSWORD, SecretStore
from studio.obs.link import LinkState
from studio.obs.names import PRODUCT_CARD
from studio.show.log import read_log
from studio.show.plan import Step, load_plan, save_plan
from studio.show.plan_files import EXAMPLE_PLAN
from studio.show.session import shows_dir
from tests.lab.waiting import wait_until
from ui.app import build_window

pytestmark = pytest.mark.integration

STREAM_KEY = "show-day"
ADDRESS = ("rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796"
           "?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=6f000000")


class ShowClock:
    """The show's wall clock: real time plus what the test has moved it on."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "studio.cli", *argv], input=stdin, text=True,
                          capture_output=True, env=dict(os.environ), timeout=60)
    assert done.returncode == 0, done.stderr
    return done


def _twenty_step_plan(folder: Path) -> Path:
    plan = load_plan(EXAMPLE_PLAN)
    extra = [Step("explain", plan.products[i % len(plan.products)].id, minutes=2.0) for i in range(4)]
    extra += [Step("announcement", plan.announcements[i % len(plan.announcements)].id) for i in range(2)]
    extra += [Step("coupon", plan.coupons[0].id), Step("segment", title="返场与答疑", minutes=3.0)]
    plan.order.extend(extra)
    plan.order[:] = plan.order[:20]
    assert len(plan.order) == 20
    plan.show.title = "周五彩排专场"
    path = folder / "周五彩排专场.toml"
    save_plan(plan, path)
    return path


class Desk:
    """The console as the assistant has it: the core and its real window."""

    def __init__(self, qtbot: Any, obs: Any, clock: ShowClock) -> None:
        self.core = StudioCore(Settings.load(), SecretStore())
        self.core.link.backoff = (0.2, 0.5, 1.0)
        self.core.show.clock = clock
        self.core.onair.clock = clock
        self.window = build_window(self.core)
        qtbot.addWidget(self.window)
        self.window.resize(1440, 900)
        self.window.show()

    @classmethod
    def pointed_at(cls, qtbot: Any, obs: Any) -> Desk:
        """The settings and the keyring point at ``obs`` (as the first-run wizard leaves them), then the desk."""
        settings = Settings.load()
        settings.obs.host, settings.obs.port = "127.0.0.1", obs.port
        settings.save()
        SecretStore().set(OBS_PASSWORD, obs.password)
        return cls(qtbot, obs, ShowClock())

    async def open(self) -> None:
        await self.core.start()
        await wait_until(lambda: self.core.link.state is LinkState.CONNECTED, timeout=20)

    async def close(self) -> None:
        await self.core.close()
        self.window.close()


async def agree(desk: Desk, expect: str | None = None, timeout: float = 45.0) -> str:
    """Every panel says what OnAir says, and OnAir says what OBS says. Returns the state.
    ``timeout``: OBS on a loaded 2-core lab machine took over 20 s to confirm a stop once."""
    core, window = desk.core, desk.window
    onair = core.onair
    if expect is not None:
        await wait_until(lambda: onair.state == expect, timeout=timeout)
    texts = {"stream": window.stream_panel.phase_label.text(),
             "scenes": window.scenes_panel.state_line.text(),
             "bar": window.connection_bar.onair_line.text()}
    strip = getattr(window, "onair_strip", None)  # the window's most visible on-air line
    if strip is not None:
        texts["strip"] = strip.word.text()
        assert strip.accessibleName() == onair.state
    for panel, text in texts.items():
        assert onair.text in text, (panel, text, onair.text)
    assert window.stream_panel.phase_label.accessibleName() == onair.state
    health = window.health_panel.status_word.text()
    assert health == onair.health_word
    if onair.severity == "alarm":
        assert health == "Critical" and "ON AIR" not in "".join(
            window.scenes_panel.list.item(i).text() for i in range(window.scenes_panel.list.count())
            if not onair.on_air)
    if onair.state in ("live", "starting"):
        assert health != "Idle"  # measuring from the first second
    if core.link.state is LinkState.CONNECTED:
        # OBS's own status lags its start/stop events by a moment: the two must agree within 3 s.
        for _ in range(30):
            status = await core.link.request("GetStreamStatus")
            on = onair.state in ("live", "reconnecting", "stopping", "starting")
            off = onair.state in ("off", "show_running_stream_off", "starting", "stopping")
            if (on if status.get("outputActive") else off):
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"OnAir says {onair.state}, OBS says {status}")
    else:
        assert onair.state in ("obs_gone_while_live", "obs_offline")
    return onair.state


def test_a_show_day_on_the_real_lab(qtbot: Any, obs_factory: Any, rtmp_ingest: Any, real_keyring: Any,
                                    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    obs = obs_factory()
    docs = tmp_path / "documents"
    monkeypatch.setenv("STUDIO_CONSOLE_DOCUMENTS_DIR", str(docs))
    plan_path = _twenty_step_plan(docs)
    broken = docs / "坏的方案.toml"
    broken.write_text('[show]\ntitle = "坏"\n[[announcements]]\nid = "a1"\ntext = "短"\n', encoding="utf-8")
    digests = {p: _digest(p) for p in (plan_path, broken, EXAMPLE_PLAN)}
    settings = Settings.load()
    settings.obs.host, settings.obs.port = "127.0.0.1", obs.port
    settings.extra["show_plan"] = str(plan_path)
    settings.save()
    SecretStore().set(OBS_PASSWORD, obs.password)
    clock = ShowClock()
    desk = Desk(qtbot, obs, clock)

    async def part_one() -> dict[str, Any]:
        await desk.open()
        await agree(desk, "off")
        core = desk.core
        assert core.plan_files.path == plan_path and len(core.plan.order) == 20
        await core.link.request("SetStreamServiceSettings", {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {"server": rtmp_ingest.server_url, "key": STREAM_KEY}})
        desk.window.stream_panel.button.click()  # start streaming, as the producer does
        await agree(desk, "live")
        await wait_until(lambda: core.health.last is not None and core.health.last.kbps is not None,
                         timeout=20)
        # The show: a new show log, then 开播.
        desk.window.rundown_panel.start_button.click()  # "New show"
        await wait_until(lambda: core.show.session is not None, timeout=20)
        desk.window.rundown_panel.start_button.click()  # "Start the show" (through the show's actions)
        session = core.show.session
        await wait_until(lambda: session.rundown.live, timeout=20)
        first_stream_seconds = core.onair.stream_seconds
        for step in range(10):
            clock.offset += 60
            if step == 1:
                result = await session.actions.push_product(session.actions.current_product_id() or
                                                            core.plan.products[0].id, confirmed=True)
                assert result.targets, result
                await wait_until(lambda: PRODUCT_CARD in session.actions.on_screen, timeout=20)
                obs_overlays = core.overlays
                assert (await obs_overlays.shown_in_obs())[PRODUCT_CARD]
            if step == 3:  # the CLI saves a room while the window is open
                await asyncio.to_thread(_cli, "key", "save", "命令行专场", stdin=ADDRESS)
                await core.set_connection(core.settings.obs.host, core.settings.obs.port, None)  # a window save
                assert "命令行专场" in json.loads(core.settings.path.read_text(encoding="utf-8"))["push_rooms"]
            if step == 5:  # OBS is killed mid-show
                before = core.onair.stream_seconds
                await asyncio.to_thread(obs.kill)
                await agree(desk, "obs_gone_while_live")
                assert core.onair.severity == "alarm" and "Start OBS again" in core.onair.advice
                # F7 while OBS is away: the console cannot reach OBS
                await session.actions.take_off(PRODUCT_CARD)
                await asyncio.to_thread(obs.start)
                await wait_until(lambda: core.link.state is LinkState.CONNECTED, timeout=30)
                state = await agree(desk, timeout=20)
                assert state in ("show_running_stream_off", "live"), state  # never "off" or idle
                if state == "show_running_stream_off":
                    assert core.onair.severity == "alarm"
                    await core.link.request("SetStreamServiceSettings", {
                        "streamServiceType": "rtmp_custom",
                        "streamServiceSettings": {"server": rtmp_ingest.server_url, "key": STREAM_KEY}})
                    desk.window.stream_panel.button.click()
                    await agree(desk, "live")
                assert core.onair.stream_seconds >= before  # the stream time went on, not from zero
                await wait_until(lambda: PRODUCT_CARD not in session.actions.on_screen, timeout=15)
                assert not (await core.overlays.shown_in_obs())[PRODUCT_CARD]  # OBS matches the show
            if step == 7:  # a broken plan opened in the plan editor
                editor = desk.window.plan_editor
                editor.open_path(broken)
                await wait_until(lambda e=editor: bool(e.problem_lines()), timeout=20)
                assert any("Announcement 1" in line for line in editor.problem_lines())
                assert core.show.plan is session.plan and session.rundown.live  # the show goes on
            if step == 8:
                desk.window.rundown_panel.steps.setCurrentRow(len(session.rundown.steps) - 1)
                desk.window.rundown_panel.skip_button.click()
            await session.actions.next_step(confirmed=True)
            await agree(desk)
        assert core.onair.stream_seconds > first_stream_seconds
        return {"steps": [(s.id, s.state) for s in session.rundown.steps],
                "stream_seconds": core.onair.stream_seconds, "log": session.log.path}

    seen = run(part_one(), timeout=240)
    # The window is closed mid-show (OBS keeps streaming), then opened again.
    run(desk.close())
    clock.offset += 30
    desk = Desk(qtbot, obs, clock)

    async def part_two() -> None:
        core = desk.core
        await desk.open()
        offer = await core.show.look_for_resume()
        assert offer is not None and offer.path == seen["log"]
        desk.window.rundown_panel.resume_button.click()
        await wait_until(lambda: core.show.session is not None, timeout=20)
        session = core.show.session
        assert [(s.id, s.state) for s in session.rundown.steps] == seen["steps"]  # rebuilt from the log
        await agree(desk, "live")
        await wait_until(lambda: core.onair.stream_seconds >= seen["stream_seconds"], timeout=20)
        await asyncio.to_thread(_cli, "key", "delete", "命令行专场")
        for _ in range(10):
            clock.offset += 60
            await session.actions.next_step(confirmed=True)
            await agree(desk)
        await core.set_connection(core.settings.obs.host, core.settings.obs.port, None)  # a window save
        assert "命令行专场" not in json.loads(core.settings.path.read_text(encoding="utf-8")).get("push_rooms", {})
        # The producer stops the stream: End show is offered, and ended after a confirmation.
        panel = desk.window.stream_panel
        panel.button.click()
        panel.button.click()  # the second click confirms the stop
        await agree(desk, "show_running_stream_off")
        rundown_panel = desk.window.rundown_panel
        assert "stream has stopped" in rundown_panel.end_offer.text()
        rundown_panel.end_button.click()
        assert session.rundown.live
        rundown_panel.end_yes.click()
        await wait_until(lambda: session.ended, timeout=20)
        await agree(desk, "off")
        assert await core.show.look_for_resume() is None  # never offered again

    run(part_two(), timeout=240)
    run(desk.close())

    # The show log: whole, closed, and it tells the story.
    contents = read_log(seen["log"])
    assert contents.finished and not contents.torn_tail and not contents.bad_lines
    types = [e["type"] for e in contents.events]
    for wanted in ("show_started", "stream_started", "obs_disconnected", "obs_reconnected", "overlays_reconciled",
                   "health_changed", "step_skipped", "show_resumed", "stream_stopped", "show_ended"):
        assert wanted in types, wanted
    assert types.count("show_ended") == 1 and types[-1] == "show_ended"
    first_stream = next(e for e in contents.events if e["type"] == "stream_started")
    assert first_stream.get("already_on_air") is True  # the stream ran before 开播, and the log says so
    assert all(e.get("on_air_step") for e in contents.events if e["type"] == "obs_disconnected")
    # The settings: the window's and the CLI's changes both kept, the deleted room gone.
    final = Settings.load()
    assert final.problems == [] and final.obs.port == obs.port
    assert "命令行专场" not in final.extra.get("push_rooms", {})
    # Every plan file as it was: the shipped example, the user's plan, the broken one.
    assert {p: _digest(p) for p in digests} == digests
    assert list(shows_dir().glob("*")), "the show log is in the data folder"


def test_a_card_taken_off_while_obs_was_unreachable_is_off_in_obs_when_it_is_back(
        qtbot: Any, obs_factory: Any, real_keyring: Any, run: Any, tmp_path: Path) -> None:
    """The console loses OBS (OBS itself keeps running and keeps showing the card), F7 is pressed,
    OBS is reachable again: the console takes the card off in OBS and says so."""
    obs = obs_factory()
    desk = Desk.pointed_at(qtbot, obs)

    async def scenario() -> None:
        core = desk.core
        await desk.open()
        session = await core.show.start_new()
        session.rundown.start_show()
        await session.actions.push_product(core.plan.products[0].id, confirmed=True)
        assert (await core.overlays.shown_in_obs())[PRODUCT_CARD]
        await core.link.stop()  # the console cannot reach OBS; OBS still shows the card
        result = await session.actions.take_off(PRODUCT_CARD)
        assert not all(t.ok for t in result.targets)
        core.link.start()
        await wait_until(lambda: core.link.state is LinkState.CONNECTED, timeout=20)
        await wait_until(lambda: "took off" in core.onair.notice, timeout=20)
        assert not (await core.overlays.shown_in_obs())[PRODUCT_CARD]  # OBS matches the show now
        assert "took off" in desk.window.connection_bar.message.text()
        assert PRODUCT_CARD not in session.actions.on_screen
        await core.show.end_show()

    run(scenario(), timeout=90)
    run(desk.close())


def test_each_stream_state_on_the_real_lab_every_panel_agrees(qtbot: Any, obs_factory: Any, rtmp_ingest: Any,
                                                             real_keyring: Any, run: Any) -> None:
    """off → starting/live → reconnecting (the ingest goes away) → live → stopping → off, with the
    real OBS and ingest; at each state every panel says what OnAir says, and OnAir what OBS says."""
    obs = obs_factory()
    desk = Desk.pointed_at(qtbot, obs)
    seen: list[str] = []

    async def scenario() -> None:
        core = desk.core
        core.onair.changed.connect(lambda: seen.append(core.onair.state))
        await desk.open()
        await agree(desk, "off")
        await core.link.request("SetStreamServiceSettings", {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {"server": rtmp_ingest.server_url, "key": STREAM_KEY}})
        await core.link.request("SetProfileParameter", {"parameterCategory": "Output",
                                                        "parameterName": "RetryDelay", "parameterValue": "1"})
        desk.window.stream_panel.button.click()
        await wait_until(lambda: core.onair.state in ("starting", "live"), timeout=10)
        await agree(desk)
        await agree(desk, "live")
        assert desk.window.health_panel.status_word.text() != "Idle"  # measuring from the first second
        rtmp_ingest.stop()
        await agree(desk, "reconnecting", timeout=30)
        assert core.onair.severity == "alarm"
        rtmp_ingest.start()
        await agree(desk, "live", timeout=40)
        desk.window.stream_panel.button.click()
        desk.window.stream_panel.button.click()  # confirm the stop
        await agree(desk)
        await agree(desk, "off", timeout=30)
        assert "starting" in seen and "stopping" in seen

    run(scenario(), timeout=150)
    run(desk.close())
