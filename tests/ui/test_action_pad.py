"""The action pad, by mouse and by F key: instant "Sending…", each target's answer, the non-modal
interruption question, rule refusals, and the manual checklist."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from studio.room.manual import ManualRoom
from studio.show.log import read_log
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.room import FakeRoom
from tests.fakes.show import EXAMPLE, FakeOverlays
from tests.lab.waiting import wait_until
from ui.panels.action_pad import ActionPadPanel

pytestmark = pytest.mark.qt  # the qasync loop (run fixture) and/or widgets


def _controller(tmp_path, clock, controllers, room=None, overlays=None):
    controller = ShowController(load_plan(EXAMPLE), room or FakeRoom(), overlays or FakeOverlays(),
                                directory=tmp_path, clock=clock)
    controllers.append(controller)
    return controller


def _on_screen(qtbot, widget):
    """Shown, exposed and the active window: the F keys reach it."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()


def _start_show(run, controller):
    run(controller.start_new())
    controller.session.rundown.start_show()


def _pad(qtbot, run, tmp_path, clock, controllers, room=None, overlays=None, confirm_seconds=5.0, compact=False):
    controller = _controller(tmp_path, clock, controllers, room, overlays)
    panel = ActionPadPanel(Pad(controller, confirm_seconds=confirm_seconds), compact=compact)
    _on_screen(qtbot, panel)
    _start_show(run, controller)
    return panel, controller


def _settled(panel, key):
    return lambda: panel.status_text(key) and "Sending…" not in panel.status_text(key) \
        and "sending…" not in panel.status_text(key)


def test_push_by_mouse_shows_sending_then_each_target(qtbot, loop, run, tmp_path, clock, controllers):
    overlays = FakeOverlays()
    panel, _ = _pad(qtbot, run, tmp_path, clock, controllers, overlays=overlays)
    pad = panel.pad["push"]
    assert "F2" in pad.button.text() and "冰感速干运动毛巾" in pad.button.text()  # the next product
    qtbot.mouseClick(pad.button, Qt.MouseButton.LeftButton)
    assert panel.status_text("push") == "Sending…" and not pad.button.isEnabled()  # at once, before any answer
    run(wait_until(_settled(panel, "push")))
    assert "✓ Fake room: done" in panel.status_text("push") and "✓ OBS overlay: done" in panel.status_text("push")
    assert overlays.showing["card"] == "towel" and pad.button.isEnabled()
    assert "冰感速干运动毛巾" in panel.pad["take_off"].button.text()


def test_shortcuts_trigger_the_same_actions(qtbot, loop, run, tmp_path, clock, controllers):
    room, overlays = FakeRoom(), FakeOverlays()
    panel, controller = _pad(qtbot, run, tmp_path, clock, controllers, room=room, overlays=overlays)
    qtbot.keyClick(panel, Qt.Key.Key_F6)  # announcement
    run(wait_until(_settled(panel, "announcement")))
    assert overlays.showing["ticker"] == "欢迎来到直播间, 点关注不迷路"
    assert room.requests[-1].title == "欢迎来到直播间, 点关注不迷路"
    qtbot.keyClick(panel, Qt.Key.Key_F7)  # take off screen
    run(wait_until(_settled(panel, "take_off")))
    assert "ticker" not in overlays.showing
    qtbot.keyClick(panel, Qt.Key.Key_F8)  # next step
    run(wait_until(lambda: controller.session.rundown.current.kind == "announcement"))
    assert "On air" in panel.status_text("next")


def test_overlay_failure_is_shown_next_to_the_room_success(qtbot, loop, run, tmp_path, clock, controllers):
    overlays = FakeOverlays()
    overlays.broken = True
    panel, _ = _pad(qtbot, run, tmp_path, clock, controllers, overlays=overlays)
    qtbot.keyClick(panel, Qt.Key.Key_F3)  # coupon
    run(wait_until(_settled(panel, "coupon")))
    text = panel.status_text("coupon")
    assert "✓ Fake room: done" in text and "✗ OBS overlay: not done — OBS is not connected" in text
    assert panel.pad["coupon"].status.accessibleDescription() == "partial"


def test_refusal_says_why_and_when(qtbot, loop, run, tmp_path, clock, controllers):
    panel, _ = _pad(qtbot, run, tmp_path, clock, controllers)
    qtbot.keyClick(panel, Qt.Key.Key_F6)
    run(wait_until(_settled(panel, "announcement")))
    clock.now += 3
    qtbot.keyClick(panel, Qt.Key.Key_F6)
    run(wait_until(_settled(panel, "announcement")))
    text = panel.status_text("announcement")
    assert text.startswith("Not sent:") and "in 17 s" in text


def test_interruption_is_asked_on_the_button_and_a_second_press_sends(qtbot, loop, run, tmp_path, clock,
                                                                     controllers):
    room = FakeRoom()
    panel, controller = _pad(qtbot, run, tmp_path, clock, controllers, room=room)
    rundown = controller.session.rundown
    rundown.go_to(next(s.id for s in rundown.steps if s.kind == "explain" and s.ref == "fan"))
    sent_before = len(room.requests)
    qtbot.keyClick(panel, Qt.Key.Key_F4)  # lottery while 小风扇 is explained
    run(wait_until(_settled(panel, "lottery")))
    assert "Press again" in panel.pad["lottery"].button.text()
    assert "便携折叠小风扇" in panel.status_text("lottery") and len(room.requests) == sent_before
    qtbot.mouseClick(panel.pad["lottery"].button, Qt.MouseButton.LeftButton)
    run(wait_until(_settled(panel, "lottery")))
    assert "✓ Fake room: done" in panel.status_text("lottery")
    assert len(room.requests) == sent_before + 1
    assert "Press again" not in panel.pad["lottery"].button.text()


def test_the_question_times_out(qtbot, loop, run, tmp_path, clock, controllers):
    panel, controller = _pad(qtbot, run, tmp_path, clock, controllers, confirm_seconds=0.3)
    rundown = controller.session.rundown
    rundown.go_to(next(s.id for s in rundown.steps if s.kind == "explain" and s.ref == "fan"))
    qtbot.keyClick(panel, Qt.Key.Key_F3)
    run(wait_until(lambda: panel.model.key("coupon").state == "ask"))
    assert "Press again" in panel.pad["coupon"].button.text()
    run(wait_until(lambda: panel.model.key("coupon").state == "idle"))
    assert "Press again" not in panel.pad["coupon"].button.text()


def test_manual_room_steps_become_a_checklist(qtbot, loop, run, tmp_path, clock, controllers):
    room = ManualRoom(clock=clock)
    panel, controller = _pad(qtbot, run, tmp_path, clock, controllers, room=room)
    assert panel.checklist.isVisible()
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    run(wait_until(_settled(panel, "push")))
    assert "☐ On the checklist: Push" in panel.status_text("push")
    assert panel.checklist.count() == 1 and "商品上屏" in panel.checklist.item(0).text()
    panel.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    assert room.pending == []
    qtbot.waitUntil(lambda: panel.checklist.count() == 0)  # redrawn on the next turn of the loop
    assert "manual_step_done" in [e["type"] for e in read_log(controller.session.log.path).events]


def test_without_a_session_the_pad_is_idle(qtbot, loop, tmp_path, clock):
    controller = ShowController(load_plan(EXAMPLE), FakeRoom(), None, directory=tmp_path, clock=clock)
    panel = ActionPadPanel(Pad(controller))
    qtbot.addWidget(panel)
    assert not any(p.button.isEnabled() for p in panel.pad.values())
    qtbot.keyClick(panel, Qt.Key.Key_F1)  # nothing happens, nothing breaks


# -- one line per key, the header, fixes, the unanswered press, the compact row -------------------

def test_each_result_is_one_line_elided_with_the_whole_text_as_tooltip(qtbot, loop, run, tmp_path, clock,
                                                                      controllers):
    from studio.room.base import RoomAction
    from tests.fakes.scripted_room import ScriptedRoom

    room = ScriptedRoom("A live room with a rather long name for a narrow pad")
    for action in RoomAction:
        room.default(action, message="")
    panel, _ = _pad(qtbot, run, tmp_path, clock, controllers, room=room)
    assert panel.header.text() == "Drives: A live room with a rather long name for a narrow pad · scripted"
    panel.resize(400, 300)
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    run(wait_until(_settled(panel, "push")))
    status = panel.pad["push"].status
    whole = panel.status_text("push")
    assert "\n" not in whole and status.toolTip() == whole
    assert status.text().endswith("…") and len(status.text()) < len(whole)
    assert status.sizeHint().height() <= status.fontMetrics().height() + 4


def test_a_refusal_shows_its_fix_and_the_fix_button_runs_it(qtbot, loop, run, tmp_path, clock, controllers):
    from studio.room.base import Outcome, RoomAction
    from tests.fakes.scripted_room import ScriptedRoom

    room = ScriptedRoom()
    for action in RoomAction:
        room.default(action)
    room.answer(RoomAction.PUSH_GOODS, Outcome.REFUSED, "This product is off sale.", code=300052,
                next_step="put_on_sale")
    panel, _ = _pad(qtbot, run, tmp_path, clock, controllers, room=room)
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    run(wait_until(_settled(panel, "push")))
    fix = panel.pad["push"].fix
    assert not fix.isHidden() and fix.text() == "Put on sale and push"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    run(wait_until(lambda: panel.model.key("push").state == "ok"))
    assert fix.isHidden() and room.actions()[-2:] == [RoomAction.GOODS_ON_SALE, RoomAction.PUSH_GOODS]


def test_an_unanswered_press_after_a_crash_asks_it_happened_or_not(qtbot, loop, run, tmp_path, clock,
                                                                  controllers):
    import asyncio

    room = FakeRoom()
    room.hang = True
    panel, _ = _pad(qtbot, run, tmp_path, clock, controllers, room=room)

    async def crash():
        task = asyncio.ensure_future(panel.model.run("push"))
        await wait_until(lambda: len(room.requests) == 1)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    run(crash())
    again = _controller(tmp_path, clock, controllers)
    resumed = ActionPadPanel(Pad(again))
    qtbot.addWidget(resumed)
    resumed.show()
    run(again.look_for_resume())
    run(again.resume())
    entry = resumed.pad["push"]
    qtbot.waitUntil(lambda: not entry.happened.isHidden())
    assert not entry.happened.isHidden() and not entry.not_happened.isHidden()
    assert not entry.button.isEnabled() and "check in the live console" in resumed.status_text("push")
    qtbot.mouseClick(entry.not_happened, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: entry.happened.isHidden() and entry.button.isEnabled())


def test_the_compact_pad_is_one_row_of_small_buttons(qtbot, loop, run, tmp_path, clock, controllers):
    panel, _ = _pad(qtbot, run, tmp_path, clock, controllers, compact=True)
    buttons = [entry.button for entry in panel.pad.values()]
    assert len({b.y() for b in buttons}) == 1 and all(b.height() < 64 for b in buttons)
    assert panel.checklist.isHidden() and all(entry.status.isHidden() for entry in panel.pad.values())
    assert buttons[1].text() == "F2 Push product" and "冰感速干运动毛巾" in buttons[1].toolTip()
    assert buttons[1].toolTip().startswith("F2 Push product (商品上屏)")  # the host's word is in the tooltip
    widths = {b.width() for b in buttons}
    assert max(widths) - min(widths) <= 1, widths  # equal keys: a long label does not push the others
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    run(wait_until(lambda: panel.model.key("push").state == "ok"))
    assert "done" in buttons[1].toolTip()


def test_two_pads_in_one_window_send_one_press_per_key(qtbot, loop, run, tmp_path, clock, controllers):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    room = FakeRoom()
    controller = _controller(tmp_path, clock, controllers, room)
    pad = Pad(controller)
    window = QWidget()
    layout = QVBoxLayout(window)
    full, compact = ActionPadPanel(pad), ActionPadPanel(pad, compact=True)
    layout.addWidget(full)
    layout.addWidget(compact)
    _on_screen(qtbot, window)
    _start_show(run, controller)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    run(wait_until(lambda: pad.key("push").state == "ok"))
    qtbot.keyClick(window, Qt.Key.Key_F2)
    run(wait_until(lambda: len(room.requests) == 2))
    run(wait_until(lambda: pad.key("push").state == "ok"))
    assert len(room.requests) == 2


def test_the_header_warns_when_the_room_is_not_live_before_the_show(qtbot, loop, run, tmp_path, clock,
                                                                  controllers):
    from tests.fakes.scripted_room import ScriptedRoom

    room = ScriptedRoom(preflight="The live room 1001 is not started (未开始).")
    controller = _controller(tmp_path, clock, controllers, room)
    panel = ActionPadPanel(Pad(controller))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.room_status.isHidden()
    run(controller.start_new())
    qtbot.waitUntil(lambda: panel.room_status.isVisible())
    assert "not started" in panel.room_status.full_text()
