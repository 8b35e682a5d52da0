"""The OBS link against a real OBS: connect, scenes, events, restart, wrong password, silence."""

from __future__ import annotations

import asyncio
import socket
import threading

import obsws_python
import pytest

from studio.errors import ObsNotConnected, ObsRequestFailed
from studio.obs.link import ConnectionTarget, LinkState, ObsLink
from studio.obs.scenes import ScenesModel
from tests.lab.processes import LAB_SCENES
from tests.lab.waiting import LoopWatch, wait_until

pytestmark = pytest.mark.integration


def _target(obs, password=None):
    return ConnectionTarget("127.0.0.1", obs.port, obs.password if password is None else password)


def test_connects_lists_and_switches_scenes(shared_obs, run):
    link = ObsLink(_target(shared_obs))
    scenes = ScenesModel(link)

    async def scenario():
        link.start()
        await wait_until(lambda: scenes.available)
        assert link.status.obs_version.startswith("29.")
        assert link.status.websocket_version.startswith("5.")
        assert scenes.scenes == list(LAB_SCENES)  # top to bottom, as OBS's dock shows them
        await scenes.set_program(LAB_SCENES[1])
        answer = await link.request("GetCurrentProgramScene")
        assert answer["currentProgramSceneName"] == LAB_SCENES[1]
        with pytest.raises(ObsRequestFailed) as refused:
            await link.request("SetCurrentProgramScene", {"sceneName": "no such scene"})
        assert refused.value.code == 600
        await link.close()

    run(scenario())


def test_change_made_by_another_client_shows_up(shared_obs, run):
    link = ObsLink(_target(shared_obs))
    scenes = ScenesModel(link)

    async def scenario():
        link.start()
        await wait_until(lambda: scenes.available)
        other = obsws_python.ReqClient(host="127.0.0.1", port=shared_obs.port,
                                       password=shared_obs.password, timeout=3)
        await asyncio.to_thread(other.set_current_program_scene, LAB_SCENES[2])
        await wait_until(lambda: scenes.program == LAB_SCENES[2], timeout=5)
        await asyncio.to_thread(other.create_scene, "新场景 from another client")
        await wait_until(lambda: "新场景 from another client" in scenes.scenes, timeout=5)
        await asyncio.to_thread(other.remove_scene, "新场景 from another client")
        await wait_until(lambda: "新场景 from another client" not in scenes.scenes, timeout=5)
        other.disconnect()
        await link.close()

    run(scenario())


def test_reconnects_by_itself_after_obs_is_killed(obs_factory, run):
    obs = obs_factory()
    link = ObsLink(_target(obs), backoff=(0.2, 0.5, 1.0))
    scenes = ScenesModel(link)
    states: list[LinkState] = []
    link.status_changed.connect(lambda s: states.append(s.state))

    async def scenario():
        link.start()
        await wait_until(lambda: scenes.available)
        await scenes.set_program(LAB_SCENES[2])
        obs.kill()
        await wait_until(lambda: link.state is LinkState.RECONNECTING, timeout=5)
        assert not scenes.available
        with pytest.raises(ObsNotConnected):
            await link.request("GetSceneList")
        obs.start()
        await wait_until(lambda: link.state is LinkState.CONNECTED and scenes.available, timeout=20)
        # The restarted OBS opens its saved collection; the console shows what OBS really has.
        answer = await link.request("GetCurrentProgramScene")
        assert scenes.program == answer["currentProgramSceneName"]
        assert scenes.scenes == list(LAB_SCENES)
        await link.close()

    run(scenario(), timeout=40)
    assert LinkState.RECONNECTING in states


def test_wrong_password_is_said_once_and_never_retried(shared_obs, run):
    link = ObsLink(_target(shared_obs, password="wrong"), backoff=(0.05,))

    async def scenario():
        link.start()
        await wait_until(lambda: link.state is LinkState.AUTH_FAILED, timeout=5)
        attempts = link.attempts
        await asyncio.sleep(1.0)
        assert link.attempts == attempts  # no retry storm
        assert "password" in link.status.message.lower()
        link.configure(_target(shared_obs))  # the right one: connects at once
        await wait_until(lambda: link.state is LinkState.CONNECTED, timeout=5)
        await link.close()

    run(scenario())


def test_missing_password_says_obs_asks_for_one(shared_obs, run):
    link = ObsLink(_target(shared_obs, password=""))
    status = run(link.connect_once())
    assert status.state is LinkState.AUTH_FAILED
    assert "asks for a password" in status.message
    run(link.close())


class SilentListener:
    """A loopback port that accepts connections and never says a word."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
                self.accepted.append(conn)
            except OSError:
                return

    def close(self) -> None:
        self._stop = True
        self.sock.close()
        for c in self.accepted:
            c.close()


def test_port_that_never_answers_keeps_the_loop_ticking(run, loop):
    silent = SilentListener()
    link = ObsLink(ConnectionTarget("127.0.0.1", silent.port, "x"), connect_timeout=1.0,
                   backoff=(0.2,))

    async def scenario():
        async with LoopWatch() as watch:
            link.start()
            await asyncio.sleep(2.5)  # two connect attempts time out meanwhile
        assert link.state is LinkState.RECONNECTING
        assert "Nothing answers" in link.status.message
        await link.close()
        return watch

    watch = run(scenario())
    silent.close()
    assert link.attempts >= 2
    assert watch.longest_gap < 0.25, f"the loop stalled for {watch.longest_gap:.3f} s"
