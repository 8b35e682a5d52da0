"""The live-room panel's buttons go through the core (``StudioCore.room_desk``), never to the WeChat
client: while a show runs every room call is in the show's log, written ahead like the pad's; with
no show running the result line says it is in no show log. Against the emulator on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from studio.config import Settings
from studio.core import StudioCore
from studio.keys.store import SecretStore
from studio.room.emulator import EmulatorState, WeChatEmulator
from studio.room.settings import RoomSettings
from studio.show.log import read_log
from tests.fakes.keyring import MemoryKeyring
from tests.lab.waiting import wait_until
from tests.ui.tables import select_row
from ui.panels.room import RoomPanel

pytestmark = pytest.mark.qt  # the qasync loop (run fixture) and/or widgets

LIVE_ROOM, COFFEE, CUP = 1001, 2001, 2003
NOT_LOGGED = "Not in a show log"


@pytest.fixture
def emulator(run) -> Iterator[WeChatEmulator]:
    state = EmulatorState().seed_demo()
    state.push_window = 0  # no "push still running" between this test's pushes
    emulator = WeChatEmulator(state)
    run(emulator.start())
    yield emulator
    run(emulator.stop())


@pytest.fixture
def core(run, emulator, tmp_path) -> Iterator[StudioCore]:
    settings = Settings(extra={"show_target": {"kind": "dryrun"}})
    RoomSettings(room_id=LIVE_ROOM, rehearsal=True, rehearsal_url=emulator.url).store_in(settings)
    core = StudioCore(settings, SecretStore(backend=MemoryKeyring()))
    core.show.directory = tmp_path
    yield core
    run(core.close())


@pytest.fixture
def panel(qtbot, core, run):
    widget = RoomPanel(core.room_connection, desk=core.room_desk)
    qtbot.addWidget(widget)
    widget.refresh_button.click()
    run(wait_until(lambda: widget.goods_table.rowCount() == 3))
    return widget


def events(core, kind=None):
    found = read_log(core.show.session.log.path).events
    return [e for e in found if kind is None or e["type"] == kind]


def test_without_a_show_the_result_line_says_it_is_in_no_show_log(panel, run, emulator):
    select_row(panel.goods_table, COFFEE)
    panel.push_button.click()
    run(wait_until(lambda: "on screen" in panel.message.text()))
    assert NOT_LOGGED in panel.message.text()
    assert emulator.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": COFFEE}]


def test_during_a_show_each_button_press_is_written_ahead_in_its_log(panel, run, emulator, core):
    run(core.show.start_new())
    run(core.pad.run("next"))
    select_row(panel.goods_table, COFFEE)
    panel.push_button.click()
    run(wait_until(lambda: "on screen" in panel.message.text()))
    assert NOT_LOGGED not in panel.message.text()
    assert emulator.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": COFFEE}]
    intent, = [e for e in events(core, "action_intent") if e["source"] == "room_panel"]
    call, = [e for e in events(core, "room_call") if e.get("intent_id") == intent["intent_id"]]
    result, = [e for e in events(core, "action_result") if e.get("intent_id") == intent["intent_id"]]
    assert intent["seq"] < call["seq"] < result["seq"] and intent["goods_id"] == str(COFFEE)
    assert call["outcome"] == "done" and isinstance(call["latency_ms"], int)
    # The refusal and its one-click fix: each room call in the log, with WeChat's code.
    select_row(panel.goods_table, CUP)  # off sale in the demo room
    panel.push_button.click()
    run(wait_until(lambda: not panel.offer_button.isHidden()))
    refused = [e for e in events(core, "room_call") if e.get("goods_id") == str(CUP)]
    assert [e["outcome"] for e in refused] == ["refused"] and refused[0]["error_code"]
    panel.offer_button.click()
    run(wait_until(lambda: "Done" in panel.message.text()))
    assert NOT_LOGGED not in panel.message.text()
    cup_calls = [(e["action"], e["outcome"]) for e in events(core, "room_call") if e.get("goods_id") == str(CUP)]
    assert cup_calls == [("push_goods", "refused"), ("goods_on_sale", "done"), ("push_goods", "done")]
    panel.load_library_button.click()
    run(wait_until(lambda: panel.library_table.rowCount() == 4))
    reads = [e["action"] for e in events(core, "room_call") if e.get("source") == "room_panel"
             and not e.get("intent_id")]
    assert reads == ["approved_goods"]
