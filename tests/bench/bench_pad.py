"""The pad's press, measured in the real lab (a fresh OBS, the WeChat emulator on loopback).

1. Click → every target confirmed (the emulator's room answering over HTTP after 40 ms — in a
   process of its own, as a room across a network is: on the console's loop its request handling
   would compete with the console's own work and blur what is measured — and OBS showing the
   product card), and click → the result written to the show log, each against two
   baselines measured in the same run, interleaved (every round runs every path once, in a shuffled
   order, so drift in a shared machine hits every path alike), as medians of many rounds:

   (a) the slowest target's raw call alone (``room.perform`` / the overlay's own call): the honest
       cost of write-ahead — the durable intent ahead of the room, the outcome batch after it;
   (b) the slowest target alone through the same console path (the same key, with its own durable
       intent and outcome batch; the other target switched off for that press): what is left is
       what the parallel sending itself costs — the issue's "the targets go out in parallel".

   The ratio of the medians is printed, and beside it the median of the per-round ratios (paired:
   robust to the load changing between rounds). Inside a both-targets press each target's call is
   timed too (when it started after the click, how long it took against the same call alone), so
   any serialisation between the targets shows as a late start or a longer call.
2. A key whose live-room part is a step on the checklist (发券: the mini-program API has no coupon
   call): there the overlay is the slowest target and the checklist step is the console's own
   (local) work. Click → confirmed, against the coupon banner's raw call alone and against the
   banner alone through the console (the room part a dry run).
3. Key press → the button's visible "Sending…" state in the window's pad (set in the key's own
   slot, before anything is sent), and a remote press (``Pad.run`` from the API) → the pad's
   ``busy`` state, the next turn of the loop.

Printed, never asserted. Run: ``pytest tests/bench/bench_pad.py -s``.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from studio.config import Settings
from studio.keys.store import SecretStore
from studio.obs.overlays import ObsOverlays
from studio.room.base import RoomAction, RoomRequest
from studio.room.dryrun import DryRunRoom
from studio.room.emulator import control
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

ROUNDS = int(os.environ.get("BENCH_PAD_ROUNDS", "40"))
ROOM_DELAY = 0.040  # the emulator answers after 40 ms: a room across a real network
EMULATOR = """
import sys
from studio.room.emulator import EmulatorState, WeChatEmulator
state = EmulatorState().seed_demo()
state.push_window = 0.0  # every push accepted: we time the round trip, not WeChat's rule
WeChatEmulator(state).run_blocking(on_started=lambda url: print(url, flush=True))
"""
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

[[coupons]]
id = "c1"
name = "满200减30"
detail = "全场通用"
quantity = 100
minutes = 5

[[order]]
step = "explain"
ref = "coffee"
"""


def _median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def _paired(numerators: list[float], denominators: list[float]) -> float:
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


class Timed:
    """Wraps an async call: when each call started and how long it took (perf_counter seconds)."""

    def __init__(self, call: Callable[..., Awaitable[Any]]) -> None:
        self.call = call
        self.spans: list[tuple[float, float]] = []

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        begun = time.perf_counter()
        try:
            return await self.call(*args, **kwargs)
        finally:
            self.spans.append((begun, time.perf_counter()))


def _emulator_pushes(url: str) -> int:
    with urllib.request.urlopen(url.rstrip("/") + "/_emulator/state", timeout=10) as answer:  # loopback
        return len(json.load(answer)["pushes"])


def test_bench_pad_click_to_every_target_vs_the_slowest_alone(qtbot, run, tmp_path: Path, obs_factory, capsys):
    obs = obs_factory()
    emulator = subprocess.Popen([sys.executable, "-c", EMULATOR], stdout=subprocess.PIPE, text=True)
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    plan = load_plan(tmp_path / "plan.toml")
    connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()), builtin_emulator=False)
    shuffle = random.Random(13).shuffle

    async def scenario() -> dict[str, Any]:
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
                actions = session.actions
                room, dry_room = actions.room, DryRunRoom()
                product, coupon_plan = plan.products[0], plan.coupons[0]
                request = RoomRequest(RoomAction.PUSH_GOODS, goods_id=product.goods_id, title=product.name)

                # The show log's durable writes (each one write + one fsync) of a press, in passing.
                durable: list[float] = []
                write_pending = session.log._write_pending

                def timed_write() -> None:
                    begun = time.perf_counter()
                    try:
                        write_pending()
                    finally:
                        durable.append(time.perf_counter() - begun)

                session.log._write_pending = timed_write  # type: ignore[method-assign]
                # Each target's call inside the console's press: when it left, how long it took.
                room_calls = Timed(room.perform)
                room.perform = room_calls  # type: ignore[method-assign]
                card_calls = Timed(overlays.show_product_card)
                overlays.show_product_card = card_calls  # type: ignore[method-assign]
                # The pad window's renders (on the loop, between the targets' answers).
                renders: list[tuple[float, float]] = []
                render = panel._render

                def timed_render() -> None:
                    begun = time.perf_counter()
                    try:
                        render()
                    finally:
                        renders.append((begun, time.perf_counter()))

                panel._render = timed_render  # type: ignore[method-assign]

                for _ in range(3):  # warm: connections, token, OBS sources
                    await pad.run("push")
                await control(url, "set_delay", seconds=ROOM_DELAY)
                m: dict[str, list[float]] = {name: [] for name in (
                    "both_confirmed", "both_written", "room_console_confirmed", "room_console_written",
                    "overlay_console_confirmed", "overlay_console_written", "room_raw", "overlay_raw",
                    "room_in_press_start", "room_in_press", "overlay_in_press_start", "overlay_in_press",
                    "room_in_room_press", "renders_before_overlay", "render_ms",
                    "intent_write", "outcome_write", "writes", "remote_busy", "key_sending", "key_painted",
                    "coupon_confirmed", "coupon_overlay_console", "coupon_overlay_raw")}

                async def press(targets: str, key: str = "push") -> tuple[float, float]:
                    """The key, through the whole console path, to both targets or one of them;
                    returns (click → every target confirmed on the key, click → result written)."""
                    actions.overlays = overlays if targets != "room" else None
                    actions.room = dry_room if targets == "overlay" else room
                    durable.clear()
                    renders.clear()
                    answered: list[float] = []
                    undo = actions.progress.connect(
                        lambda _key, _t, answered=answered: answered.append(time.perf_counter()))
                    try:
                        start = time.perf_counter()
                        result = await pad.run(key, confirmed=True)  # 发券 mid-explanation: asked, answered
                        written = time.perf_counter() - start
                    finally:
                        undo()
                        actions.overlays, actions.room = overlays, room
                    assert result.status.value == "sent", result.message
                    assert len(answered) == (1 if targets == "room" else 2)  # the dry run answers at once
                    if key != "push":
                        pass
                    elif targets == "both":
                        m["writes"].append(len(durable))
                        m["intent_write"].append(durable[0])
                        m["outcome_write"].append(sum(durable[1:]))
                        (room_begun, room_end), (card_begun, card_end) = room_calls.spans[-1], card_calls.spans[-1]
                        m["room_in_press_start"].append(room_begun - start)
                        m["room_in_press"].append(room_end - room_begun)
                        m["overlay_in_press_start"].append(card_begun - start)
                        m["overlay_in_press"].append(card_end - card_begun)
                        m["renders_before_overlay"].append(sum(e - b for b, e in renders if start <= b < card_begun))
                        m["render_ms"].append(sum(e - b for b, e in renders if b >= start))
                    elif targets == "room":
                        room_begun, room_end = room_calls.spans[-1]
                        m["room_in_room_press"].append(room_end - room_begun)
                    return max(answered) - start, written

                async def both() -> None:
                    confirmed, written = await press("both")
                    m["both_confirmed"].append(confirmed)
                    m["both_written"].append(written)

                async def room_console() -> None:
                    confirmed, written = await press("room")
                    m["room_console_confirmed"].append(confirmed)
                    m["room_console_written"].append(written)

                async def overlay_console() -> None:
                    confirmed, written = await press("overlay")
                    m["overlay_console_confirmed"].append(confirmed)
                    m["overlay_console_written"].append(written)

                async def coupon() -> None:
                    confirmed, _written = await press("both", "coupon")
                    m["coupon_confirmed"].append(confirmed)

                async def coupon_overlay_console() -> None:
                    confirmed, _written = await press("overlay", "coupon")
                    m["coupon_overlay_console"].append(confirmed)

                async def coupon_overlay_raw() -> None:
                    start = time.perf_counter()
                    await overlays.show_coupon(coupon_plan, time.time() + 300)
                    m["coupon_overlay_raw"].append(time.perf_counter() - start)

                async def room_raw() -> None:
                    start = time.perf_counter()
                    assert (await room.perform(request)).ok
                    m["room_raw"].append(time.perf_counter() - start)

                async def overlay_raw() -> None:
                    start = time.perf_counter()
                    await overlays.show_product_card(product)
                    m["overlay_raw"].append(time.perf_counter() - start)

                async def remote() -> None:  # Pad.run from a task, until the key says busy
                    busy = asyncio.Event()
                    undo = pad.changed.connect(
                        lambda busy=busy: busy.set() if pad.key("push").state == "busy" else None)
                    start = time.perf_counter()
                    task = asyncio.ensure_future(pad.run("push", source="api"))
                    await busy.wait()
                    m["remote_busy"].append(time.perf_counter() - start)
                    undo()
                    await task

                async def key() -> None:  # the window's key: F2 → "Sending…" on the key → painted
                    status = panel.pad["push"].status
                    start = time.perf_counter()
                    qtbot.keyClick(panel, Qt.Key.Key_F2)
                    m["key_sending"].append(time.perf_counter() - start)
                    assert status.full_text() == "Sending…"
                    status.repaint()
                    m["key_painted"].append(time.perf_counter() - start)
                    while pad.key("push").state == "busy" or status.full_text() == "Sending…":
                        await asyncio.sleep(0.005)

                paths = [both, room_console, overlay_console, room_raw, overlay_raw, remote, key, coupon,
                         coupon_overlay_console, coupon_overlay_raw]
                for _ in range(ROUNDS):
                    shuffle(paths)
                    for path in paths:
                        await path()
                        await asyncio.sleep(0.002)  # let the window paint between presses
                pushes = await asyncio.to_thread(_emulator_pushes, url)
            finally:
                await controller.close()
        return {"m": m, "pushes": pushes}

    load_before = os.getloadavg()
    try:
        assert emulator.stdout is not None
        url = emulator.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        result = run(scenario(), timeout=600)
    finally:
        run(connection.close())
        emulator.terminate()
        emulator.wait(10)
    m = result["m"]
    med = {name: _median_ms(values) for name, values in m.items() if name != "writes"}
    # The slowest target: by its median, raw and through the console (the room, unless OBS crawls).
    raw_slowest = "room_raw" if med["room_raw"] >= med["overlay_raw"] else "overlay_raw"
    console_slowest = "room_console" if med["room_console_confirmed"] >= med["overlay_console_confirmed"] \
        else "overlay_console"
    raw = m[raw_slowest]
    alone_confirmed, alone_written = m[f"{console_slowest}_confirmed"], m[f"{console_slowest}_written"]
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())  # 1, 5, 15 min, at the end
    load = f"{load_before[0]:.2f} at the start, {load} at the end"
    with capsys.disabled():
        print(f"\npad press, medians of {ROUNDS} interleaved rounds (room answers after {ROOM_DELAY * 1000:.0f} ms; "
              f"load average {load}):"
              f"\n  raw call alone: room {med['room_raw']:.1f} ms, OBS overlay {med['overlay_raw']:.1f} ms"
              f"\n  alone through the console (own durable intent + outcome batch): room "
              f"{med['room_console_confirmed']:.1f} ms confirmed / {med['room_console_written']:.1f} ms written, "
              f"overlay {med['overlay_console_confirmed']:.1f} / {med['overlay_console_written']:.1f} ms"
              f"\n  both targets through the console: every target confirmed {med['both_confirmed']:.1f} ms, "
              f"result written {med['both_written']:.1f} ms"
              f"\n  (a) vs the slowest raw call alone ({raw_slowest.split('_')[0]}): confirmed "
              f"{med['both_confirmed'] / med[raw_slowest]:.2f}× (paired {_paired(m['both_confirmed'], raw):.2f}×), "
              f"written {med['both_written'] / med[raw_slowest]:.2f}× (paired {_paired(m['both_written'], raw):.2f}×)"
              f"\n  (b) vs the slowest alone through the console ({console_slowest.split('_')[0]}): confirmed "
              f"{med['both_confirmed'] / _median_ms(alone_confirmed):.2f}× "
              f"(paired {_paired(m['both_confirmed'], alone_confirmed):.2f}×), written "
              f"{med['both_written'] / _median_ms(alone_written):.2f}× "
              f"(paired {_paired(m['both_written'], alone_written):.2f}×)"
              f"\n  inside a both-targets press: room call left +{med['room_in_press_start']:.2f} ms after the "
              f"click and took {med['room_in_press']:.1f} ms (in a room-only press "
              f"{med['room_in_room_press']:.1f} ms); "
              f"overlay call left +{med['overlay_in_press_start']:.2f} ms, took {med['overlay_in_press']:.1f} ms"
              f"\n  the pad window's renders in a press: {med['render_ms']:.2f} ms on the loop, "
              f"{med['renders_before_overlay']:.2f} ms of it before the overlay call left"
              f"\n  发券 (the room part a checklist step, the banner the slowest target): confirmed "
              f"{med['coupon_confirmed']:.1f} ms; banner raw alone {med['coupon_overlay_raw']:.1f} ms "
              f"({med['coupon_confirmed'] / med['coupon_overlay_raw']:.2f}×), banner alone through the console "
              f"{med['coupon_overlay_console']:.1f} ms "
              f"({med['coupon_confirmed'] / med['coupon_overlay_console']:.2f}×, "
              f"paired {_paired(m['coupon_confirmed'], m['coupon_overlay_console']):.2f}×)"
              f"\n  show log per press: {statistics.median(m['writes']):.0f} durable writes — the intent "
              f"{med['intent_write']:.2f} ms ahead of the room, the outcome batch {med['outcome_write']:.2f} ms after"
              f"\n  key press → visible 'Sending…' on the key {med['key_sending']:.2f} ms "
              f"(painted {med['key_painted']:.2f} ms); remote press → pad busy {med['remote_busy']:.2f} ms")
    # Every timed push really reached the room: 3 warm + per round (both, room alone via the
    # console, room raw, remote, key); the overlay-alone press goes to the dry run.
    assert result["pushes"] == 3 + 5 * ROUNDS
