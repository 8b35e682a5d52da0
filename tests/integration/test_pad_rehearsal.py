"""The pad in rehearsal (彩排): a real OBS, the WeChat emulator over loopback HTTP, the window's pad.

The F key for the product on air pushes it in the emulator's room — its request log shows exactly
one goods/push with the right roomId and goodsId — while the product card appears on OBS's
program output. Each refusal of the room gives its one-click fix on the key, and accepting it
leads to a successful push; a room that is not live is said before the show starts.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.config import Settings
from studio.keys.store import SecretStore
from studio.obs.overlay_layout import layout_for
from studio.obs.overlays import ObsOverlays
from studio.room.emulator import EmulatorState, WeChatEmulator
from studio.room.manual import ManualRoom
from studio.room.settings import RoomConnection, RoomSettings
from studio.room.target import MINIPROGRAM
from studio.room.wechat import WeChatLiveRoom
from studio.show.actions import ObsOverlaysAdapter
from studio.show.log import read_log
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.room_desk import RoomDesk
from studio.show.session import ShowController
from tests.fakes.keyring import MemoryKeyring
from tests.lab.frames import (
    CARD_RGB,
    SCALE,
    colour_share,
    portrait_on_air,
    screenshot,
    until_share,
)
from tests.lab.waiting import wait_until
from ui.panels.action_pad import ActionPadPanel
from ui.panels.room import RoomPanel

pytestmark = [pytest.mark.integration, pytest.mark.qt]

LIVE_ROOM, COFFEE, NOUGAT, CUP, SCARF = 1001, 2001, 2002, 2003, 2005  # the emulator's demo data

PLAN = """
[show]
title = "彩排专场"
kind = "sales"
planned_minutes = 120

[[products]]
id = "coffee"
name = "云南小粒咖啡 500g"
price = 89.00
live_price = 69.90
goods_id = "2001"

[[products]]
id = "cup"
name = "保温杯 480ml"
price = 129.00
live_price = 89.00
goods_id = "2003"

[[products]]
id = "scarf"
name = "围巾 羊毛"
price = 199.00
live_price = 159.00
goods_id = "2005"

[[products]]
id = "nougat"
name = "手工牛轧糖礼盒"
price = 128.00
live_price = 99.00

[[announcements]]
id = "hi"
text = "欢迎来到彩排直播间, 点关注不迷路"

[[order]]
step = "explain"
ref = "coffee"

[[order]]
step = "explain"
ref = "cup"

[[order]]
step = "explain"
ref = "scarf"

[[order]]
step = "explain"
ref = "nougat"
"""


class EmulatorClock:
    """The emulator's own clock, so a test decides when WeChat's push window is over."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Rehearsal:
    """The emulator (its own clock), a plan, the live-room settings in rehearsal, a controller
    with the mini-program room as its target, and the pad."""

    def __init__(self, tmp_path: Path) -> None:
        self.clock = EmulatorClock()
        self.state = EmulatorState(clock=self.clock).seed_demo()
        self.emulator = WeChatEmulator(self.state)
        (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
        self.plan = load_plan(tmp_path / "plan.toml")
        self.tmp_path = tmp_path
        self.connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()), builtin_emulator=False)
        self.controller: ShowController | None = None

    async def start(self, overlays=None, url: str | None = None) -> Pad:
        await self.emulator.start()
        await self.connection.save(RoomSettings(room_id=LIVE_ROOM, rehearsal=True,
                                                rehearsal_url=url or self.emulator.url))
        targets = self.connection.targets
        await targets.choose(MINIPROGRAM)
        targets.products = lambda: list(self.plan.products)
        self.controller = ShowController(self.plan, ManualRoom(), overlays, directory=self.tmp_path / "shows",
                                         targets=targets)
        self.pad = Pad(self.controller, retry_seconds=0.3)
        return self.pad

    def pushes(self) -> list[dict]:
        return [e["body"] for e in self.state.request_log if e["api"] == "push"]

    def on_air(self, product_id: str) -> None:
        assert self.controller is not None and self.controller.session is not None
        rundown = self.controller.session.rundown
        rundown.go_to(next(s.id for s in rundown.steps if s.kind == "explain" and s.ref == product_id))

    async def stop(self) -> None:
        if self.controller is not None:
            await self.controller.close()
        await self.connection.close()
        await self.emulator.stop()


@pytest.fixture
def rehearsal(run, tmp_path) -> Iterator[Rehearsal]:
    lab = Rehearsal(tmp_path)
    run(lab.start())
    yield lab
    run(lab.stop())


def test_the_f_key_pushes_in_the_emulators_room_while_the_card_reaches_program(qtbot, run, tmp_path, obs_factory):
    obs = obs_factory()
    lab = Rehearsal(tmp_path)

    async def scenario():
        async with portrait_on_air(obs) as (link, program):
            card = layout_for(720, 1280).card
            assert colour_share(await screenshot(link, program, SCALE), card, CARD_RGB) < 0.01
            pad = await lab.start(ObsOverlaysAdapter(ObsOverlays(link)))
            try:
                panel = ActionPadPanel(pad)
                qtbot.addWidget(panel)
                panel.show()
                qtbot.waitExposed(panel)
                panel.activateWindow()
                session = await lab.controller.start_new()
                assert isinstance(session.actions.room, WeChatLiveRoom)
                header = "Drives: Mini-program live room 1001 · rehearsal (彩排)"
                await wait_until(lambda: panel.header.text() == header)
                qtbot.keyClick(panel, Qt.Key.Key_F8)  # start the show: the room is live, nothing to ask
                await wait_until(lambda: session.rundown.live, timeout=10)
                assert pad.key("push").subject == "云南小粒咖啡 500g"
                qtbot.keyClick(panel, Qt.Key.Key_F2)  # 商品上屏
                assert panel.status_text("push") == "Sending…"  # at once, before any answer
                await wait_until(lambda: pad.key("push").state not in ("busy", "idle"), timeout=10)
                assert pad.key("push").state == "ok", pad.key("push").last_result
                assert lab.pushes() == [{"roomId": LIVE_ROOM, "goodsId": COFFEE}]
                assert lab.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": COFFEE}]
                on = await until_share(link, program, card, CARD_RGB, lambda s: s > 0.6, timeout=8)
                assert on > 0.6, f"the card covers only {on:.0%} of its place on the program output"
                events = read_log(session.log.path).events
                call = next(e for e in events if e["type"] == "room_call" and e["action"] == "push_goods")
                assert call["outcome"] == "done" and call["latency_ms"] >= 0
                result = [e for e in events if e["type"] == "action_result"][-1]
                assert result["source"] == "pad" and result["status"] == "sent"
            finally:
                await lab.stop()

    run(scenario(), timeout=90)


def test_each_refusal_offers_its_fix_and_accepting_it_pushes(rehearsal, run):
    lab, pad = rehearsal, rehearsal.pad
    run(lab.controller.start_new())
    run(pad.run("next"))
    assert lab.controller.session.rundown.live

    # Off sale (300052) → "Put on sale and push".
    lab.on_air("cup")
    run(pad.run("push"))
    key = pad.key("push")
    assert key.state == "error" and key.fix is not None and key.fix.id == "put_on_sale", key.last_result
    assert "off sale" in key.last_result and lab.pushes() == [{"roomId": LIVE_ROOM, "goodsId": CUP}]
    run(pad.run_fix("push"))
    assert pad.key("push").state == "ok", pad.key("push").last_result
    assert lab.state.rooms[LIVE_ROOM].shelf[CUP] is True
    assert lab.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": CUP}]

    # Approved but not in the room (300053) → "Add to this room and push" …
    lab.on_air("scarf")
    run(pad.run("push"))
    key = pad.key("push")
    assert key.fix is not None and key.fix.id == "add_goods", key.last_result
    seen: list[str] = []
    pad.changed.connect(lambda: seen.append(pad.key("push").last_result))
    run(pad.run_fix("push"))
    assert SCARF in lab.state.rooms[LIVE_ROOM].shelf
    # … but the cup's push is still running in the room (300047): retried when the window ends.
    key = pad.key("push")
    assert key.fix is not None and key.fix.id == "retry" and "still running" in key.last_result
    lab.clock.now += 3  # WeChat's window is over before the pad's countdown ends
    run(wait_until(lambda: pad.key("push").state == "ok", timeout=5))
    assert any("retrying in 1 s" in line for line in seen)
    assert lab.state.pushes[-1] == {"room_id": LIVE_ROOM, "goods_id": SCARF}

    # A product the plan names without a goods id was matched by name before the show.
    lab.clock.now += 3
    lab.on_air("nougat")
    run(wait_until(lambda: "nougat" in lab.controller.session.actions.room.goods_ids))
    run(pad.run("push"))
    assert pad.key("push").state == "ok", pad.key("push").last_result
    assert lab.pushes()[-1] == {"roomId": LIVE_ROOM, "goodsId": NOUGAT}

    # The room stopped being live (300023): said so, no fix to offer.
    lab.clock.now += 3
    lab.state.rooms[LIVE_ROOM].live_status = 102
    lab.on_air("coffee")
    run(pad.run("push"))
    key = pad.key("push")
    assert key.state == "error" and "not live" in key.last_result and key.fix is None
    assert lab.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": g} for g in (CUP, SCARF, NOUGAT)]
    calls = [e for e in read_log(lab.controller.session.log.path).events if e["type"] == "room_call"]
    assert [c["error_code"] for c in calls if c["action"] == "push_goods"] == [
        300052, None, 300053, 300047, None, None, 300023]


def test_a_show_cannot_start_against_a_room_that_is_not_live_without_saying_so(rehearsal, run):
    lab, pad = rehearsal, rehearsal.pad
    lab.state.rooms[LIVE_ROOM].live_status = 102
    run(lab.controller.start_new())
    asked = run(pad.run("next"))
    assert asked.status.value == "ask" and not lab.controller.session.rundown.live
    assert "not started (未开始)" in pad.key("next").last_result
    lab.state.rooms[LIVE_ROOM].live_status = 101
    run(pad.run("next"))  # the second press starts it anyway
    assert lab.controller.session.rundown.live


def test_an_unreachable_room_is_said_before_the_show(run, tmp_path):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts, never answers
    lab = Rehearsal(tmp_path)
    try:
        pad = run(lab.start(url=f"http://127.0.0.1:{silent.getsockname()[1]}/"))
        session = run(lab.controller.start_new())
        session.actions.room.timeout = 0.5
        asked = run(pad.run("next"))
        assert asked.status.value == "ask" and "did not answer" in pad.key("next").last_result
    finally:
        run(lab.stop())
        silent.close()


def test_sale_keys_subscriber_push_and_the_checklist_for_what_has_no_api(rehearsal, run):
    lab, pad = rehearsal, rehearsal.pad
    run(lab.controller.start_new())
    run(pad.run("next"))
    lab.on_air("coffee")
    run(pad.run("off_sale"))
    assert pad.key("off_sale").state == "ok" and lab.state.rooms[LIVE_ROOM].shelf[COFFEE] is False
    run(pad.run("on_sale"))
    assert pad.key("on_sale").state == "ok" and lab.state.rooms[LIVE_ROOM].shelf[COFFEE] is True
    assert [e["body"] for e in lab.state.request_log if e["api"] == "onsale"] == [
        {"roomId": LIVE_ROOM, "goodsId": COFFEE, "onSale": 0}, {"roomId": LIVE_ROOM, "goodsId": COFFEE, "onSale": 1}]
    run(pad.run("subscriber_push"))
    assert pad.key("subscriber_push").state == "ok" and "5 subscribers" in pad.key("subscriber_push").last_result
    assert lab.state.notices[0]["room_id"] == LIVE_ROOM
    # The once-a-day rule is the console's own: a second press is refused before WeChat is asked.
    calls = len(lab.state.request_log)
    refused = run(pad.run("subscriber_push"))
    assert refused.status.value == "refused" and len(lab.state.request_log) == calls
    # No coupon or announcement API in mini-program live: a checklist step, nothing sent.
    run(pad.run("announcement", confirmed=True))  # while the coffee is explained: confirmed
    key = pad.key("announcement")
    assert key.state == "manual" and "live console" in key.last_result
    assert [s.action.value for s in pad.checklist.pending] == ["announcement"]
    assert len(lab.state.request_log) == calls


def test_the_room_panels_buttons_and_the_stock_key_are_in_the_show_log(rehearsal, run, qtbot):
    """The live-room panel's buttons go through the show (as the core wires them): a push refused
    (not in the room), its fix (add, then push) — each room call written ahead in the show log and
    really made in the emulator's room. The stock key makes no call: mini-program live has none."""
    lab, pad = rehearsal, rehearsal.pad
    session = run(lab.controller.start_new())
    run(pad.run("next"))
    run(lab.connection.select_room(LIVE_ROOM))  # as the panel's "Use for this show"
    panel = RoomPanel(lab.connection, desk=RoomDesk(lab.connection, lambda: session.actions))
    qtbot.addWidget(panel)
    panel.refresh_button.click()
    run(wait_until(lambda: panel.goods_table.rowCount() == 3))
    panel.load_library_button.click()
    run(wait_until(lambda: panel.library_table.rowCount() == 4))
    rows = [int(panel.library_table.item(r, 0).text()) for r in range(panel.library_table.rowCount())]
    panel.library_table.selectRow(rows.index(SCARF))
    panel.add_button.click()
    run(wait_until(lambda: "added to the room" in panel.message.text()))
    assert SCARF in lab.state.rooms[LIVE_ROOM].shelf and "Not in a show log" not in panel.message.text()
    events = read_log(session.log.path).events
    intent = next(e for e in events if e["type"] == "action_intent" and e["source"] == "room_panel")
    call = next(e for e in events if e["type"] == "room_call" and e.get("intent_id") == intent["intent_id"])
    assert intent["action"] == "add_goods" and intent["ref"] == "scarf" and intent["seq"] < call["seq"]
    assert call["outcome"] == "done" and call["action"] == "add_goods" and isinstance(call["latency_ms"], int)
    assert [e["action"] for e in events if e["type"] == "room_call" and e.get("source") == "room_panel"
            and not e.get("intent_id")] == ["list_rooms", "approved_goods"]
    # The stock key: a checklist step naming where, and nothing sent to WeChat.
    calls = len(lab.state.request_log)
    run(pad.run("stock"))
    key = pad.key("stock")
    assert key.state == "manual" and "goods_id 2001" in key.last_result and "merchant back end" in key.last_result
    assert len(lab.state.request_log) == calls
