"""The OBS link against a real OBS: connect, scenes, events, restart, wrong password, silence."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from pathlib import Path

import obsws_python
import pytest

from studio.errors import ObsNotConnected, ObsRequestFailed
from studio.obs.link import ConnectionTarget, LinkState, ObsLink
from studio.obs.scenes import ScenesModel
from tests.lab.network import SilentListener
from tests.lab.processes import LAB_SCENES
from tests.lab.waiting import LoopWatch, wait_until

pytestmark = pytest.mark.integration


async def _refreshes_done() -> None:
    from studio.tasks import _running

    await wait_until(lambda: not any(t.get_name().startswith("scenes-") and not t.done() for t in _running),
                     timeout=5)


def _target(obs, password=None):
    return ConnectionTarget("127.0.0.1", obs.port, obs.password if password is None else password)


@pytest.fixture
def connected(shared_obs, run):
    """A started link to the shared OBS and its scenes model, once the scenes are read; closed after."""
    link = ObsLink(_target(shared_obs))
    scenes = ScenesModel(link)

    async def start():
        link.start()
        await wait_until(lambda: scenes.available)

    run(start())
    yield link, scenes
    run(link.close())


def test_connects_lists_and_switches_scenes(connected, run):
    link, scenes = connected

    async def scenario():
        assert link.status.obs_version.startswith("29.")
        assert link.status.websocket_version.startswith("5.")
        assert scenes.scenes == list(LAB_SCENES)  # top to bottom, as OBS's dock shows them
        await scenes.set_program(LAB_SCENES[1])
        answer = await link.request("GetCurrentProgramScene")
        assert answer["currentProgramSceneName"] == LAB_SCENES[1]
        with pytest.raises(ObsRequestFailed) as refused:
            await link.request("SetCurrentProgramScene", {"sceneName": "no such scene"})
        assert refused.value.code == 600

    run(scenario())


def test_change_made_by_another_client_shows_up(shared_obs, connected, run):
    _link, scenes = connected

    async def scenario():
        other = obsws_python.ReqClient(host="127.0.0.1", port=shared_obs.port,
                                       password=shared_obs.password, timeout=3)
        await asyncio.to_thread(other.set_current_program_scene, LAB_SCENES[2])
        await wait_until(lambda: scenes.program == LAB_SCENES[2], timeout=5)
        await asyncio.to_thread(other.create_scene, "新场景 from another client")
        await wait_until(lambda: "新场景 from another client" in scenes.scenes, timeout=5)
        await asyncio.to_thread(other.remove_scene, "新场景 from another client")
        await wait_until(lambda: "新场景 from another client" not in scenes.scenes, timeout=5)
        other.disconnect()
        await _refreshes_done()  # each event spawned a refresh: closing under them fails them

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


# ----- faults: a frozen OBS, a quick comeback, the program scene of the new connection ---------


def _collection(obs) -> Path:
    return obs.home / ".config/obs-studio/basic/scenes/Lab.json"


def _set_saved_program(obs, scene: str) -> None:
    """Edit the saved scene collection while OBS is stopped: the restarted OBS opens on ``scene``."""
    data = json.loads(_collection(obs).read_text(encoding="utf-8"))
    data["current_scene"] = data["current_program_scene"] = scene
    _collection(obs).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_frozen_obs_is_said_not_answering_within_three_seconds(obs_factory, run):
    obs = obs_factory()
    link = ObsLink(_target(obs))

    async def scenario():
        link.start()
        await wait_until(lambda: link.state is LinkState.CONNECTED, timeout=15)
        await asyncio.sleep(1.2)  # idle: only the heartbeat talks to OBS now
        os.kill(obs.proc.pid, signal.SIGSTOP)
        try:
            frozen_at = asyncio.get_running_loop().time()
            # Nobody asks OBS anything: the heartbeat alone must notice.
            await wait_until(lambda: link.state is not LinkState.CONNECTED, timeout=3.0)
            said = link.status.message
            took = asyncio.get_running_loop().time() - frozen_at
            with pytest.raises(ObsNotConnected):  # and a request now fails at once, not after 5 s
                await asyncio.wait_for(link.request("GetSceneList"), timeout=1.0)
        finally:
            os.kill(obs.proc.pid, signal.SIGCONT)
        assert "not answering" in said, said
        await wait_until(lambda: link.state is LinkState.CONNECTED, timeout=20)  # back once it thaws
        assert (await link.request("GetVersion"))["obsVersion"].startswith("29.")
        await link.close()
        return took

    took = run(scenario(), timeout=60)
    print(f"\nfrozen OBS said not answering after {took:.2f} s")


def test_reconnects_when_obs_is_back_not_when_the_backoff_says(obs_factory, run):
    """A long backoff (30 s) would keep the console away; the port watch brings it back at once,
    and the moment it says connected it already holds the restarted OBS's program scene."""
    obs = obs_factory()
    link = ObsLink(_target(obs), backoff=(30.0,))
    scenes = ScenesModel(link)
    at_connected: list[tuple[str, str | None]] = []
    link.status_changed.connect(lambda s: at_connected.append((s.program_scene, scenes.program))
                                if s.state is LinkState.CONNECTED else None)

    async def scenario():
        link.start()
        await wait_until(lambda: scenes.available, timeout=15)
        await scenes.set_program(LAB_SCENES[1])
        await asyncio.to_thread(obs.stop)
        await wait_until(lambda: link.state is LinkState.RECONNECTING and link.status.retry_in is not None,
                         timeout=10)
        _set_saved_program(obs, LAB_SCENES[2])
        at_connected.clear()
        attempts = link.attempts
        await asyncio.sleep(1.0)
        assert link.attempts == attempts  # a closed port is watched, not hammered with attempts
        await asyncio.to_thread(obs.start)  # returns once OBS's port accepts connections
        ready_at = asyncio.get_running_loop().time()
        await wait_until(lambda: link.state is LinkState.CONNECTED, timeout=5.0)
        took = asyncio.get_running_loop().time() - ready_at
        await wait_until(lambda: scenes.available, timeout=5)
        assert scenes.program == LAB_SCENES[2]
        await link.close()
        return took

    took = run(scenario(), timeout=90)
    assert at_connected and at_connected[0] == (LAB_SCENES[2], LAB_SCENES[2])  # never the old scene
    print(f"\nconnected {took:.2f} s after OBS's port opened (backoff 30 s)")
