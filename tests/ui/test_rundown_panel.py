"""The rundown panel: on air against target (amber/red when over), next, timers, cues, reorder,
返场, and the resume offer after a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.show.plan import load_plan
from studio.show.rundown import PENDING
from studio.show.session import ShowController
from tests.fakes.clock import T0
from tests.fakes.room import FakeRoom
from tests.fakes.show import EXAMPLE, FakeOverlays
from tests.lab.waiting import wait_until
from ui.panels.rundown import RundownPanel, overrun_level


def _controller(tmp_path, clock, controllers):
    controller = ShowController(load_plan(EXAMPLE), FakeRoom(), FakeOverlays(), directory=tmp_path,
                                clock=clock)
    controllers.append(controller)
    return controller


def _panel(qtbot, controller):
    panel = RundownPanel(controller)
    qtbot.addWidget(panel)
    return panel


def test_overrun_levels():
    assert overrun_level(100, 300) == "normal"
    assert overrun_level(310, 300) == "amber"
    assert overrun_level(400, 300) == "red"


def test_new_show_on_air_target_next_and_overrun(qtbot, loop, run, tmp_path, clock, controllers):
    controller = _controller(tmp_path, clock, controllers)
    panel = _panel(qtbot, controller)
    assert "No show" in panel.on_air.text()
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)  # "New show"
    run(wait_until(lambda: controller.session is not None))
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)  # "Start the show"
    run(wait_until(lambda: controller.session.rundown.live))
    assert panel.on_air.text() == "On air: 开场: 介绍主播和今晚福利"
    assert panel.next_label.text().startswith("Next: 欢迎来到直播间")
    assert panel.steps.item(0).text().startswith("▶")
    clock.now += 60
    panel._on_refresh_timeout()
    assert panel.progress.format() == "01:00 of 03:00"
    assert panel.progress.accessibleDescription() == "normal"
    clock.now += 130  # 3:10 of 3:00
    panel._on_refresh_timeout()
    assert panel.progress.accessibleDescription() == "amber"
    clock.now += 60  # 4:10: more than 20 % over
    panel._on_refresh_timeout()
    assert panel.progress.accessibleDescription() == "red"
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.on_air.text().startswith("On air: 欢迎来到直播间")


def test_timers_and_the_draw_cue(qtbot, loop, run, tmp_path, clock, controllers):
    controller = _controller(tmp_path, clock, controllers)
    panel = _panel(qtbot, controller)
    session = run(controller.start_new())
    session.rundown.start_show()
    run(session.actions.start_lottery("bag"))
    assert panel.timers.count() == 1 and panel.timers.item(0).text() == "Lottery: 品牌帆布包 — 10:00"
    clock.now += 600 - 30
    run(session.tick_once())
    # the countdown beside it, never a fixed "in 30 s" it contradicts a second later
    assert panel.cue_label.text() == "Draw “品牌帆布包” — in 00:30"
    clock.now += 10
    panel._on_refresh_timeout()
    assert panel.cue_label.text().endswith("00:20") and panel.timers.item(0).text().endswith("00:20")


def test_reorder_and_rerun_are_one_click_each(qtbot, loop, run, tmp_path, clock, controllers):
    controller = _controller(tmp_path, clock, controllers)
    panel = _panel(qtbot, controller)
    session = run(controller.start_new())
    rundown = session.rundown
    rundown.start_show()
    ids = [s.id for s in rundown.steps]
    panel.steps.setCurrentRow(3)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in rundown.steps][2] == ids[3] and panel.steps.currentRow() == 2
    qtbot.mouseClick(panel.down_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in rundown.steps] == ids
    panel.steps.setCurrentRow(0)  # on air: cannot move
    qtbot.mouseClick(panel.down_button, Qt.MouseButton.LeftButton)
    assert "only later steps can be moved" in panel.message.text()
    fan = next(i for i, s in enumerate(rundown.steps) if s.ref == "fan")
    panel.steps.setCurrentRow(fan)
    qtbot.mouseClick(panel.rerun_button, Qt.MouseButton.LeftButton)
    second = rundown.steps[1]
    assert second.rerun and second.ref == "fan" and second.state == PENDING
    assert "返场" in panel.steps.item(1).text() or "Re-run" in panel.steps.item(1).text()


def test_resume_offer_after_a_crash(qtbot, loop, run, tmp_path, clock, controllers):
    first = _controller(tmp_path, clock, controllers)
    session = run(first.start_new())
    session.rundown.start_show()
    session.rundown.advance()
    run(session.actions.start_lottery("bag"))
    # The app "crashes": nothing is closed; a new app starts on the same folder.
    clock.now += 42
    controller = _controller(tmp_path, clock, controllers)
    panel = _panel(qtbot, controller)
    run(controller.look_for_resume())
    assert not panel.resume_bar.isHidden()
    assert "Resume the show from" in panel.resume_text.text() and "夏日好物专场" in panel.resume_text.text()
    qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    run(wait_until(lambda: controller.session is not None))
    assert panel.resume_bar.isHidden()
    assert panel.on_air.text().startswith("On air: 欢迎来到直播间")
    assert panel.timers.item(0).text() == "Lottery: 品牌帆布包 — 09:18"
    assert controller.session.rundown.view().show_elapsed_s == 42


def test_start_new_instead_of_resuming(qtbot, loop, run, tmp_path, clock, controllers):
    first = _controller(tmp_path, clock, controllers)
    run(first.start_new()).rundown.start_show()
    controller = _controller(tmp_path, clock, controllers)
    panel = _panel(qtbot, controller)
    run(controller.look_for_resume())
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    run(wait_until(lambda: controller.session is not None))
    assert not controller.session.rundown.live and panel.resume_bar.isHidden()
    assert clock() == T0


# --- issue 12: done / skipped / on air / next at a glance; End show ---------------------------

def _started(qtbot, run, tmp_path, clock, controllers, onair=None):
    controller = _controller(tmp_path, clock, controllers)
    panel = RundownPanel(controller, onair=onair)
    qtbot.addWidget(panel)
    run(controller.start_new())
    controller.session.rundown.start_show()
    return controller, panel


def _rows(panel):
    return [(panel.steps.item(i).text(), panel.steps.item(i).data(Qt.ItemDataRole.AccessibleDescriptionRole))
            for i in range(panel.steps.count())]


def test_rows_tell_done_skipped_on_air_and_next_apart_and_say_what_they_are(qtbot, loop, run, tmp_path,
                                                                            clock, controllers):
    controller, panel = _started(qtbot, run, tmp_path, clock, controllers)
    rundown = controller.session.rundown
    steps = rundown.steps
    clock.now += 200
    rundown.go_to(steps[3].id)  # the opening is done; the announcement and the lottery are left out
    rows = _rows(panel)
    looks = [look for _, look in rows]
    assert looks[:5] == ["done", "skipped", "skipped", "on_air", "next"]
    texts = [text for text, _ in rows]
    assert texts[0].startswith("✓ done") and texts[1].startswith("⤼ skipped")
    assert texts[3].startswith("▶ ON AIR") and texts[4].startswith("→ next")
    assert len({text[:1] for text in texts[:5]}) == 4  # four different marks
    lottery = next(t for t in texts if "Start a lottery (抽奖)" in t)
    draw = next(t for t in texts if "Draw the winners (开奖)" in t)
    assert lottery != draw and lottery.split(" · ")[1] == draw.split(" · ")[1]  # same prize, two rows
    assert any("Announcement (公告)" in t for t in texts) and any("Explain a product (讲解)" in t for t in texts)
    assert any("Hand out a coupon (发券)" in t for t in texts)
    assert panel.steps.item(1).font().strikeOut() and not panel.steps.item(0).font().strikeOut()


def test_skip_button_skips_the_selected_step(qtbot, loop, run, tmp_path, clock, controllers):
    _controller, panel = _started(qtbot, run, tmp_path, clock, controllers)
    panel.steps.setCurrentRow(2)
    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)
    assert _rows(panel)[2][1] == "skipped"


class _OnAirStub:
    """What the panel reads of OnAir: the state and the stream time (the real one: tests/ui/test_onair_panels.py)."""

    def __init__(self):
        from studio.events import Signal

        self.changed = Signal("stub")
        self.state = "live"
        self.stream_seconds = 30.0


def test_end_show_is_offered_when_the_stream_stops_and_needs_a_confirmation(qtbot, loop, run, tmp_path,
                                                                            clock, controllers):
    onair = _OnAirStub()
    controller, panel = _started(qtbot, run, tmp_path, clock, controllers, onair=onair)
    panel.show()
    assert panel.end_button.isVisible() and not panel.end_offer.isVisible()
    onair.state = "show_running_stream_off"
    onair.changed.emit()
    assert panel.end_offer.isVisible() and "stream has stopped" in panel.end_offer.text()
    qtbot.mouseClick(panel.end_button, Qt.MouseButton.LeftButton)
    assert panel.end_confirm.isVisible() and controller.session.rundown.live  # nothing ended yet
    qtbot.mouseClick(panel.end_no, Qt.MouseButton.LeftButton)
    assert not panel.end_confirm.isVisible() and controller.session.rundown.live
    qtbot.mouseClick(panel.end_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.end_yes, Qt.MouseButton.LeftButton)
    run(wait_until(lambda: controller.session.ended))
    assert "ended" in panel.on_air.text() and not panel.end_button.isVisible()
    assert panel.start_button.text() == "New show"
    fresh = _controller(tmp_path, clock, controllers)
    assert run(fresh.look_for_resume()) is None  # never offered again


def test_end_show_is_offered_at_the_planned_end(qtbot, loop, run, tmp_path, clock, controllers):
    controller, panel = _started(qtbot, run, tmp_path, clock, controllers)
    panel.show()
    assert not panel.end_offer.isVisible()
    clock.now = controller.session.rundown.planned_end + 1
    panel._on_refresh_timeout()
    assert panel.end_offer.isVisible() and "planned end" in panel.end_offer.text()


def test_start_asks_first_when_the_live_room_is_not_live(qtbot, loop, run, tmp_path, clock, controllers):
    """The rundown's Start goes through the show's actions, like F8: never past the room's check."""
    from tests.fakes.scripted_room import ScriptedRoom

    room = ScriptedRoom(preflight="The room is not live. Press 开始直播 in the live console first.")
    controller = ShowController(load_plan(EXAMPLE), room, FakeOverlays(), directory=tmp_path, clock=clock)
    controllers.append(controller)
    panel = _panel(qtbot, controller)
    run(controller.start_new())
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    run(wait_until(lambda: "again to start anyway" in panel.message.toolTip() + panel.message.text()))
    assert not controller.session.rundown.live and "not live" in panel.message.toolTip() + panel.message.text()
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)  # yes, start anyway
    run(wait_until(lambda: controller.session.rundown.live))


# --- kinds in the host's words: the plan editor's table (studio.show.kinds) ----------------------

def test_each_row_and_timer_says_its_kind_in_host_words_in_chinese(qtbot, qapp, loop, run, tmp_path, clock,
                                                                   controllers):
    from studio.show.kinds import STEP_WORDS, step_words
    from ui.i18n import install_translations

    install_translations(qapp, "zh_CN")
    try:
        controller, panel = _started(qtbot, run, tmp_path, clock, controllers)
        rundown = controller.session.rundown
        kinds = {step.kind for step in rundown.steps}
        assert {"explain", "flash_sale", "lottery", "draw", "coupon", "announcement", "segment"} <= kinds
        texts = [text for text, _ in _rows(panel)]
        for step, text in zip(rundown.steps, texts, strict=True):
            shown = text.split(" · ")[0].split()[-1]  # after the mark and the state word
            assert shown == step_words(step.kind), text
            assert step.kind not in text  # never the plan file's key (flash_sale, segment …)
        assert {step_words(k) for k in kinds} >= {"讲解商品", "开奖", "发券", "互动环节"}
        assert all(step_words(k) != STEP_WORDS[k] for k in kinds)  # translated, not the English source
        run(controller.session.actions.start_lottery("bag"))
        timers = [panel.timers.item(i).text() for i in range(panel.timers.count())]
        assert timers and all(t.startswith("抽奖: ") for t in timers), timers
    finally:
        install_translations(qapp, "en")


def test_the_step_on_air_stays_in_view_in_a_short_list(qtbot, loop, run, tmp_path, clock, controllers):
    controller, panel = _started(qtbot, run, tmp_path, clock, controllers)
    panel.resize(520, 420)  # the solo layout's rundown: the running order scrolls
    panel.show()
    qtbot.waitExposed(panel)
    rundown = controller.session.rundown
    assert panel.steps.verticalScrollBar().maximum() > 0
    rundown.go_to(rundown.steps[-2].id)
    qtbot.wait(1)
    on_air = next(panel.steps.item(i) for i in range(panel.steps.count())
                  if panel.steps.item(i).data(Qt.ItemDataRole.AccessibleDescriptionRole) == "on_air")
    assert panel.steps.viewport().rect().contains(panel.steps.visualItemRect(on_air))
