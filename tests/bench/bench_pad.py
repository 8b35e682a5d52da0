"""The pad's press, measured in the real lab (a fresh OBS, the WeChat emulator on loopback).

1. Click → every target confirmed (the emulator's room answering over HTTP and OBS showing the
   product card), against the slowest single target called alone in the same run. The targets go
   out in parallel, so the ratio should stay near 1.0; what is above it is the console's own cost.
   On the critical path there is one show-log write, the intent (it must be durable before the
   room is called); the room's request leaves in the same turn of the loop, and the room_call and
   result lines are written once every target answered (printed: the intent's fsync'd write).
2. Key press → the button's visible "Sending…" state in the window's pad (set in the key's own
   slot, before anything is sent), and a remote press (``Pad.run`` from the API) → the pad's
   ``busy`` state, the next turn of the loop.

Printed, never asserted. Run: ``pytest tests/bench/bench_pad.py -s``.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.config import Settings
from studio.keys.store import SecretStore
from studio.obs.overlays import ObsOverlays
from studio.room.base import RoomAction, RoomRequest
from studio.room.emulator import EmulatorState, WeChatEmulator
from studio.room.manual import ManualRoom
from studio.room.settings import RoomConnection, RoomSettings
from studio.room.target import MINIPROGRAM
from studio.show.actions import ObsOverlaysAdapter
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.keyring import MemoryKeyring
from tests.lab.frames import obs_connection, set_canvas
from tests.lab.processes import LAB_SCENES
from ui.panels.action_pad import ActionPadPanel

pytestmark = [pytest.mark.integration, pytest.mark.qt]

ROUNDS = 15
ROOM_DELAY = 0.040  # the emulator answers after 40 ms: a room across a real network
PLAN = """
[show]
title = "bench"
kind = "sales"
planned_minutes = 120

[[products]]
id = "coffee"
name = "云南小粒咖啡 500g"
price = 89.00
live_price = 69.90
goods_id = "2001"

[[order]]
step = "explain"
ref = "coffee"
"""


def _ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def test_bench_pad_click_to_every_target_vs_the_slowest_alone(qtbot, run, tmp_path: Path, obs_factory, capsys):
    obs = obs_factory()
    state = EmulatorState().seed_demo()
    state.push_window = 0.0  # every push accepted: we time the round trip, not WeChat's rule
    emulator = WeChatEmulator(state)
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    plan = load_plan(tmp_path / "plan.toml")
    connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()), builtin_emulator=False)

    async def scenario() -> dict[str, float]:
        url = await emulator.start()
        await connection.save(RoomSettings(room_id=1001, rehearsal=True, rehearsal_url=url))
        await connection.targets.choose(MINIPROGRAM)
        async with obs_connection(obs) as link:
            await set_canvas(link, 720, 1280)
            await link.request("SetCurrentProgramScene", {"sceneName": LAB_SCENES[0]})
            overlays = ObsOverlaysAdapter(ObsOverlays(link))
            controller = ShowController(plan, ManualRoom(), overlays, directory=tmp_path / "shows",
                                        targets=connection.targets)
            pad = Pad(controller)
            panel = ActionPadPanel(pad)
            qtbot.addWidget(panel)
            panel.show()
            qtbot.waitExposed(panel)
            panel.activateWindow()
            try:
                session = await controller.start_new()
                await pad.run("next")
                # Time the show log's durable writes (on the loop thread, each fsync'd) in passing.
                writes: list[float] = []
                sink = session.rundown._sink

                intent_writes: list[float] = []

                def timed_sink(*args, **kwargs):
                    begun = time.perf_counter()
                    try:
                        return sink(*args, **kwargs)
                    finally:
                        writes.append(time.perf_counter() - begun)
                        if args and args[0] == "action_intent":
                            intent_writes.append(writes[-1])

                session.rundown._sink = timed_sink
                actions = session.actions
                product = plan.products[0]
                request = RoomRequest(RoomAction.PUSH_GOODS, goods_id=product.goods_id, title=product.name)
                for _ in range(3):  # warm: connections, token, OBS sources
                    await pad.run("push")
                state.delay = ROOM_DELAY
                both, room_alone, overlay_alone, remote_busy, key_sending, key_painted = [], [], [], [], [], []
                log_writes: list[int] = []
                confirmed: list[float] = []
                log_ms: list[float] = []
                intent_ms: list[float] = []
                for _ in range(ROUNDS):  # interleaved: drift in the machine hits every path alike
                    writes.clear()
                    answered: list[float] = []
                    undo_progress = actions.progress.connect(
                        lambda _key, _t, answered=answered: answered.append(time.perf_counter()))
                    start = time.perf_counter()
                    result = await pad.run("push")
                    both.append(time.perf_counter() - start)
                    undo_progress()
                    assert len(answered) == 2  # the room and the overlay, each on the key as it answered
                    confirmed.append(max(answered) - start)
                    log_writes.append(len(writes))
                    log_ms.append(sum(writes))
                    intent_ms.append(intent_writes[-1])
                    assert result.status.value == "sent", result.message
                    start = time.perf_counter()
                    assert (await actions.room.perform(request)).ok
                    room_alone.append(time.perf_counter() - start)
                    start = time.perf_counter()
                    await overlays.show_product_card(product)
                    overlay_alone.append(time.perf_counter() - start)

                    # A remote press: Pad.run from a task, until the key says busy.
                    busy = asyncio.Event()
                    undo = pad.changed.connect(
                        lambda busy=busy: busy.set() if pad.key("push").state == "busy" else None)
                    start = time.perf_counter()
                    task = asyncio.ensure_future(pad.run("push", source="api"))
                    await busy.wait()
                    remote_busy.append(time.perf_counter() - start)
                    undo()
                    await task

                    # The window's key: F2 → "Sending…" on the key (its slot) → painted.
                    status = panel.pad["push"].status
                    start = time.perf_counter()
                    qtbot.keyClick(panel, Qt.Key.Key_F2)
                    key_sending.append(time.perf_counter() - start)
                    assert status.full_text() == "Sending…"
                    status.repaint()
                    key_painted.append(time.perf_counter() - start)
                    while pad.key("push").state == "busy" or status.full_text() == "Sending…":
                        await asyncio.sleep(0.005)
                pushes = len(state.pushes)
            finally:
                await controller.close()
        return {"both": _ms(both), "confirmed": _ms(confirmed), "room": _ms(room_alone), "overlay": _ms(overlay_alone),
                "remote_busy": _ms(remote_busy), "key_sending": _ms(key_sending),
                "key_painted": _ms(key_painted), "pushes": pushes, "log_writes": statistics.median(log_writes),
                "log_ms": _ms(log_ms), "intent_ms": _ms(intent_ms)}

    try:
        result = run(scenario(), timeout=180)
    finally:
        run(connection.close())
        run(emulator.stop())
    slowest = max(result["room"], result["overlay"])
    with capsys.disabled():
        print(f"\npad press, median of {ROUNDS} rounds (room answers after {ROOM_DELAY * 1000:.0f} ms):"
              f"\n  slowest target alone: room {result['room']:.1f} ms (OBS overlay alone {result['overlay']:.1f} ms)"
              f"\n  click → every target confirmed on the key {result['confirmed']:.1f} ms, ratio "
              f"{result['confirmed'] / slowest:.2f} (of it the durable intent ahead of the room: "
              f"{result['intent_ms']:.2f} ms)"
              f"\n  click → result written to the show log {result['both']:.1f} ms, "
              f"ratio {result['both'] / slowest:.2f} "
              f"({result['log_writes']:.0f} fsync'd show-log writes on the loop: {result['log_ms']:.1f} ms)"
              f"\n  key press → visible 'Sending…' on the key {result['key_sending']:.2f} ms "
              f"(painted {result['key_painted']:.2f} ms); remote press → pad busy {result['remote_busy']:.2f} ms")
    # Every timed push really reached the room: 3 warm + per round (pad, room alone, remote, key).
    assert result["pushes"] == 3 + 4 * ROUNDS
