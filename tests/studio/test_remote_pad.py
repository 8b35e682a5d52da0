"""The remote control on the real pad: a press from the API and a click give the same show-log
event but for ``source``; and the core's ``RemoteControl`` switch (off by default, token in the
keyring and never in the settings file, rotate, LAN mode)."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from studio.config import Settings
from studio.errors import UserError
from studio.keys.store import SecretStore
from studio.remote.api import RemoteApi
from studio.remote.auth import TOKEN_NAME
from studio.remote.service import RemoteControl
from studio.remote.state import RemoteState
from studio.show.log import read_log
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.clock import FakeClock
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.pad import FakeKey, FakePad, sent
from tests.fakes.room import FakeRoom
from tests.fakes.show import EXAMPLE, FakeOverlays

TOKEN = "pad-test-token-0123456789abcdefghij"
# What may differ between two presses of the same key in two identical shows.
VOLATILE = ("ts", "seq", "intent_id", "source", "latency_ms")


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


async def _show(tmp_path, name, controllers):
    controller = ShowController(load_plan(EXAMPLE), FakeRoom(), FakeOverlays(), directory=tmp_path / name,
                                clock=FakeClock())
    controllers.append(controller)
    await controller.start_new()
    controller.session.rundown.start_show()
    return controller, Pad(controller)


def _results(controller):
    events = read_log(controller.session.log.path).events
    return [e for e in events if e["type"] in ("action_intent", "action_result")]


def test_an_api_press_and_a_pad_click_log_the_same_event_but_for_source(run, tmp_path, controllers):
    async def scenario():
        clicked, pad = await _show(tmp_path, "clicked", controllers)
        remote, remote_pad = await _show(tmp_path, "remote", controllers)
        await pad.run("push")  # the window's click
        api = RemoteApi(RemoteState(remote_pad, show=remote), TOKEN)
        await api.start()
        try:
            async with aiohttp.ClientSession() as http, http.post(
                    f"{api.url()}/api/v1/actions/push/run?source=phone",
                    headers={"Authorization": f"Bearer {TOKEN}"}) as r:
                assert r.status == 200, await r.text()
                body = await r.json()
        finally:
            await api.stop()
        assert body["status"] == "sent" and body["key"]["state"] == "ok"
        a, b = _results(clicked), _results(remote)
        assert [e["type"] for e in a] == ["action_intent", "action_result"] == [e["type"] for e in b]
        assert [e["source"] for e in a] == ["pad", "pad"] and [e["source"] for e in b] == ["phone", "phone"]
        assert _strip(a) == _strip(b)
        assert a[1]["key"] == b[1]["key"] == "push"
        assert TOKEN not in remote.session.log.path.read_text(encoding="utf-8")  # nor in the show log
        print("\nthe same action_result but for source:", json.dumps(_strip(b[1]), ensure_ascii=False)[:200])

    run(scenario())


def test_a_key_that_cannot_be_pressed_answers_409_with_why_and_logs_nothing(run, tmp_path, controllers):
    async def scenario():
        controller, pad = await _show(tmp_path, "show", controllers)
        assert not pad.key("draw").enabled  # no lottery running
        api = RemoteApi(RemoteState(pad, show=controller), TOKEN)
        await api.start()
        try:
            async with aiohttp.ClientSession() as http, http.get(
                    f"{api.url()}/api/v1/actions/draw/run?token={TOKEN}&source=streamdeck") as r:
                assert r.status == 409
                body = await r.json()
        finally:
            await api.stop()
        assert body["message"] == pad.key("draw").why_not and body["message"]
        assert _results(controller) == []

    run(scenario())


def test_state_carries_the_running_show(run, tmp_path, controllers):
    async def scenario():
        controller, pad = await _show(tmp_path, "show", controllers)
        state = RemoteState(pad, show=controller).snapshot()
        assert state["show"]["live"] is True and state["show"]["on_air"]["title"]
        assert state["show"]["next"] is not None
        assert {k["id"] for k in state["keys"]} >= {"explain", "push", "coupon", "draw", "next"}
        json.dumps(state)  # all plain JSON

    run(scenario())


def _control(tmp_path, ring=None, lan=lambda: None):
    ring = ring or MemoryKeyring()
    settings = Settings.load(tmp_path / "settings.json")
    pad = FakePad([FakeKey("push", "F2", "商品上屏")], {"push": sent()})
    return RemoteControl(RemoteState(pad), settings, SecretStore(backend=ring), lan_address=lan), ring, settings


def test_remote_control_is_off_by_default_and_keeps_its_token_in_the_keyring_only(run, tmp_path):
    control, ring, settings = _control(tmp_path)
    settings.extra["remote"] = {"port": 0}

    async def scenario():
        await control.start_if_enabled()
        assert not control.running and control.phone_url() is None
        await control.switch(True)
        assert control.running
        token = control.token
        assert token and [v for (_, name), v in ring.items.items() if name == TOKEN_NAME] == [token]
        assert control.phone_url() == f"{control.base_url()}/?token={token}"
        assert control.base_url().startswith("http://127.0.0.1:")
        assert control.button_url("push").endswith(f"/api/v1/actions/push/run?token={token}&source=streamdeck")
        async with aiohttp.ClientSession() as http, http.get(control.button_url("push")) as r:
            assert r.status == 200
        old = token
        await control.rotate_token()
        assert control.token != old
        async with aiohttp.ClientSession() as http, http.get(
                f"{control.base_url()}/api/v1/state?token={old}") as r:
            assert r.status == 401
        await control.switch(False)
        assert not control.running
        return old

    old = run(scenario())
    text = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert json.loads(text)["remote"]["enabled"] is False
    assert old not in text and control.token not in text


def test_remote_control_comes_back_on_when_it_was_left_on(run, tmp_path):
    control, _ring, settings = _control(tmp_path)
    settings.extra["remote"] = {"port": 0, "enabled": True}

    async def scenario():
        await control.start_if_enabled()
        assert control.running
        await control.close()

    run(scenario())


def test_lan_mode_serves_the_lan_address_and_names_it(run, tmp_path):
    # The "LAN address" here is a second loopback address: tests stay on loopback.
    control, _, settings = _control(tmp_path, lan=lambda: "127.0.0.2")
    settings.extra["remote"] = {"port": 0}

    async def scenario():
        await control.switch(True)
        assert control.exposed is None and control.base_url().startswith("http://127.0.0.1:")
        await control.set_lan(True)
        assert control.exposed == "127.0.0.2" and control.base_url().startswith("http://127.0.0.2:")
        async with aiohttp.ClientSession() as http, http.get(control.button_url("push")) as r:
            assert r.status == 200
        await control.set_lan(False)
        assert control.exposed is None
        await control.close()

    run(scenario())


def test_a_locked_keyring_keeps_it_off_with_the_reason(run, tmp_path):
    ring = MemoryKeyring()
    ring.locked = True
    control, _, settings = _control(tmp_path, ring=ring)
    settings.extra["remote"] = {"port": 0}

    async def scenario():
        with pytest.raises(UserError):
            await control.switch(True)
        assert not control.running and control.problem and "keyring" in control.problem

    run(scenario())


def test_lan_mode_without_a_network_says_so(run, tmp_path):
    control, _, settings = _control(tmp_path, lan=lambda: None)
    settings.extra["remote"] = {"port": 0, "lan": True}

    async def scenario():
        with pytest.raises(UserError) as error:
            await control.switch(True)
        assert "network" in str(error.value) and not control.running

    run(scenario())


def test_the_core_holds_the_remote_control_off_and_serves_its_pad_when_on(run, tmp_path):
    from studio.core import StudioCore

    settings = Settings.load(tmp_path / "settings.json")
    settings.extra["remote"] = {"port": 0}
    core = StudioCore(settings, SecretStore(backend=MemoryKeyring()))

    async def scenario():
        try:
            assert not core.remote.running
            state = core.remote.state.snapshot()
            assert state["onair"]["state"] == "obs_offline" and state["health"]["level"] == "idle"
            await core.remote.switch(True)
            async with aiohttp.ClientSession() as http, http.get(
                    f"{core.remote.base_url()}/api/v1/actions?token={core.remote.token}") as r:
                body = await r.json()
            pad_keys = core.pad.keys()
            assert [k["id"] for k in body["keys"]] == [k.id for k in pad_keys]
        finally:
            await core.close()
        assert not core.remote.running

    run(scenario())


def test_the_websocket_shows_a_real_press_busy_then_done(run, tmp_path, controllers):
    """A click in the window reaches a phone's WebSocket at once: busy first, then the result."""
    import time

    async def scenario():
        controller, pad = await _show(tmp_path, "show", controllers)
        api = RemoteApi(RemoteState(pad, show=controller), TOKEN)
        await api.start()
        try:
            async with aiohttp.ClientSession() as http, http.ws_connect(
                    f"ws://127.0.0.1:{api.port}/api/v1/ws?token={TOKEN}") as ws:
                await ws.receive_json(timeout=5)
                pressed = time.perf_counter()
                task = asyncio.ensure_future(pad.run("push"))
                states, arrived = [], []
                while "ok" not in states:
                    message = await ws.receive_json(timeout=5)
                    state = next(k for k in message["keys"] if k["id"] == "push")["state"]
                    if not states or states[-1] != state:
                        states.append(state)
                        arrived.append((time.perf_counter() - pressed) * 1000)
                await task
        finally:
            await api.stop()
        print(f"\nWebSocket with the real pad: {list(zip(states, [f'{a:.1f} ms' for a in arrived], strict=True))}")
        assert states[0] == "busy" and states[-1] == "ok"
        assert arrived[0] < 2000  # generous bound; the figure is printed

    run(scenario())
