"""The live-room panel on a qasync loop against the emulator over real loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer

from studio.config import Settings
from studio.keys.store import SecretStore
from studio.room.emulator import EmulatorState, WeChatEmulator
from studio.room.settings import RoomConnection, RoomSettings
from tests.fakes.keyring import MemoryKeyring
from tests.lab.waiting import wait_until
from tests.ui.tables import select_row
from ui.panels.room import RoomPanel

pytestmark = pytest.mark.qt  # the qasync loop (run fixture) and/or widgets

LIVE_ROOM, COFFEE, CUP, SCARF = 1001, 2001, 2003, 2005


@pytest.fixture
def emulator(run) -> Iterator[WeChatEmulator]:
    emulator = WeChatEmulator(EmulatorState().seed_demo())
    run(emulator.start())
    yield emulator
    run(emulator.stop())


@pytest.fixture
def panel(qtbot, run, emulator):
    settings = Settings()
    RoomSettings(rehearsal=True, rehearsal_url=emulator.url).store_in(settings)
    connection = RoomConnection(settings, SecretStore(backend=MemoryKeyring()))
    fetched: list[str] = []
    widget = RoomPanel(connection, on_push_url=fetched.append)
    widget.fetched = fetched
    qtbot.addWidget(widget)
    yield widget
    run(connection.close())


def texts(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def message(panel):
    return panel.message.text()


def pick_live_room(panel, run):
    panel.refresh_button.click()
    run(wait_until(lambda: panel.rooms_table.rowCount() == 2))
    select_row(panel.rooms_table, LIVE_ROOM)
    panel.use_room_button.click()
    run(wait_until(lambda: panel.goods_table.rowCount() == 3))


def test_rooms_with_status_in_words_and_the_show_room_goods_in_yuan(panel, run):
    assert "No room picked" in panel.show_room.text()
    pick_live_room(panel, run)
    assert texts(panel.rooms_table, 2) == ["live (直播中)", "not started (未开始)"]
    assert texts(panel.rooms_table, 0)[0] == "▶ 1001"
    assert "彩排直播间" in panel.show_room.text() and "live (直播中)" in panel.show_room.text()
    assert texts(panel.goods_table, 2) == ["¥69.90", "¥99.00 (was ¥128.00)", "¥89.00–¥129.00"]
    assert panel.connection.room_settings.room_id == LIVE_ROOM  # remembered for the next start
    assert [p.goods_id for p in panel.model.plan_products()] == ["2001", "2002", "2003"]


def test_push_then_off_sale_refusal_offers_a_one_click_fix(panel, run, emulator):
    emulator.state.push_window = 0  # no "push still running" between this test's pushes
    pick_live_room(panel, run)
    select_row(panel.goods_table, COFFEE)
    panel.push_button.click()
    run(wait_until(lambda: "on screen" in message(panel)))
    assert emulator.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": COFFEE}]
    select_row(panel.goods_table, CUP)  # off sale in the demo room
    panel.push_button.click()
    run(wait_until(lambda: "off sale" in message(panel)))
    assert panel.message.accessibleDescription() == "error"
    assert not panel.offer_button.isHidden() and "on sale" in panel.offer_button.text()
    panel.offer_button.click()
    run(wait_until(lambda: emulator.state.pushes[-1] == {"room_id": LIVE_ROOM, "goods_id": CUP}))
    run(wait_until(lambda: "Done" in message(panel)))
    assert panel.offer_button.isHidden()
    assert texts(panel.goods_table, 3)[2] == "on sale"


def test_library_add_and_off_sale(panel, run, emulator):
    pick_live_room(panel, run)
    panel.load_library_button.click()
    run(wait_until(lambda: panel.library_table.rowCount() == 4))
    select_row(panel.library_table, SCARF)
    panel.add_button.click()
    run(wait_until(lambda: panel.goods_table.rowCount() == 4))
    assert SCARF in emulator.state.rooms[LIVE_ROOM].shelf
    select_row(panel.goods_table, SCARF)
    panel.off_sale_button.click()
    run(wait_until(lambda: "off sale" in message(panel)))
    assert emulator.state.rooms[LIVE_ROOM].shelf[SCARF] is False


def test_push_address_goes_to_the_callback_and_is_never_shown(panel, run):
    pick_live_room(panel, run)
    panel.push_url_button.click()
    run(wait_until(lambda: panel.fetched))
    assert "txSecret=" in panel.fetched[0]
    assert "txSecret" not in message(panel) and "handed" in message(panel)


def test_actions_without_a_selection_say_what_to_select(panel):
    panel.push_button.click()
    assert "Select a product" in message(panel)
    panel.use_room_button.click()
    assert "Select a room" in message(panel)


def test_subscriber_notice(panel, run, emulator):
    pick_live_room(panel, run)
    panel.notify_button.click()
    run(wait_until(lambda: "5 subscribers notified" in message(panel)))
    assert emulator.state.notices and "no API" in panel.manual_note.text()


def test_the_ui_never_waits_on_the_network(panel, run, emulator):
    emulator.state.delay = 1.0  # every answer takes a second
    ticks: list[str] = []
    panel.refresh_button.click()  # returns at once: the request runs in the background
    assert panel.rooms_table.rowCount() == 0
    QTimer.singleShot(0, lambda: ticks.append("Qt kept running"))
    run(wait_until(lambda: bool(ticks)))
    assert panel.rooms_table.rowCount() == 0  # the answer is still on its way …
    assert not panel.busy_label.isHidden()  # … and the panel says so
    run(wait_until(lambda: panel.rooms_table.rowCount() == 2))
    run(wait_until(lambda: panel.busy_label.isHidden()))


def test_settings_save_the_secret_to_the_keyring_only(panel, run):
    panel.app_id.setText("wx0123456789abcdef")
    panel.app_secret.setText("panel-typed-secret")
    panel.save_button.click()
    assert panel.app_secret.text() == ""
    run(wait_until(lambda: "saved" in message(panel)))
    assert panel.connection.room_settings.app_id == "wx0123456789abcdef"
    ring = panel.connection.store.backend
    assert "panel-typed-secret" in ring.items.values()
    assert "panel-typed-secret" not in str(panel.connection.settings.extra)


def test_rehearsal_toggle_starts_the_built_in_emulator(qtbot, run):
    connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()))
    widget = RoomPanel(connection)
    qtbot.addWidget(widget)
    widget.refresh_button.click()
    run(wait_until(lambda: "AppID and AppSecret" in message(widget)))
    widget.rehearsal.setChecked(True)
    run(wait_until(lambda: widget.rooms_table.rowCount() == 2))
    assert connection.emulator is not None and "Rehearsal on" in message(widget)
    widget.rehearsal.setChecked(False)
    run(wait_until(lambda: "Rehearsal off" in message(widget)))
    assert connection.emulator is None and widget.rooms_table.rowCount() == 0
    run(connection.close())


# -- the show's target and the plan against the room ------------------------------------------

class _Product:
    def __init__(self, id: str, name: str, goods_id: str = "") -> None:
        self.id, self.name, self.goods_id = id, name, goods_id


def test_the_shows_target_is_a_visible_choice(panel, run):
    targets = panel.connection.targets
    assert panel.target_buttons["manual"].isChecked() and "Manual checklist" in panel.target_label.text()
    panel.target_buttons["dryrun"].click()
    run(wait_until(lambda: targets.kind == "dryrun"))
    assert panel.connection.settings.extra["show_target"] == {"kind": "dryrun"}
    run(wait_until(lambda: "Dry run" in panel.target_label.text() and "next show" in message(panel)))
    panel.target_buttons["miniprogram"].click()
    run(wait_until(lambda: "no room picked" in panel.target_label.text() and "no room picked" in message(panel)))
    pick_live_room(panel, run)
    panel.use_room_button.click()
    run(wait_until(lambda: "Mini-program live room 1001 · rehearsal (彩排)" in panel.target_label.text()))
    run(wait_until(lambda: "is the show's room" in message(panel)))  # the background step is over


def test_the_plan_is_checked_against_the_room_and_the_approved_ones_added(panel, run, emulator):
    assert not panel.match_button.isEnabled()  # no plan handed over yet
    panel.connection.targets.products = lambda: [
        _Product("coffee", "咖啡", "2001"), _Product("nougat", "手工牛轧糖礼盒"), _Product("scarf", "围巾", "2005"),
        _Product("ear", "耳机", "2004"), _Product("ghost", "不存在")]
    panel.connection.targets.changed.emit()
    assert panel.match_button.isEnabled()
    pick_live_room(panel, run)
    panel.use_room_button.click()
    run(wait_until(lambda: panel.connection.room_settings.room_id == LIVE_ROOM))
    panel.match_button.click()
    run(wait_until(lambda: panel.match_table.rowCount() == 5))
    assert texts(panel.match_table, 2) == ["yes (by goods id)", "yes (by name)", "no — approved",
                                           "no — not approved", "no — not found"]
    assert "2 of 5 products" in panel.match_summary.text() and not panel.add_matched_button.isHidden()
    panel.add_matched_button.click()
    run(wait_until(lambda: SCARF in emulator.state.rooms[LIVE_ROOM].shelf))
    run(wait_until(lambda: texts(panel.match_table, 2)[2] == "yes (by goods id)"))
    run(wait_until(lambda: "1 products added" in message(panel)))
    assert panel.add_matched_button.isHidden()
