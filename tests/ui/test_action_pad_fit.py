"""Each key's result line is one line that never overflows its box — whatever the text, the state
(a bold warning is wider), the font or the theme — elided with the whole text as its tooltip, tall
enough for Chinese glyphs, and in a colour that reads on the dark and the light window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from studio.room.base import Outcome, RoomAction
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.scripted_room import ScriptedRoom
from tests.fakes.show import EXAMPLE, FakeOverlays
from tests.lab.waiting import wait_until
from ui import theme
from ui.panels.action_pad import ActionPadPanel, OneLineLabel, checklist_style, status_colour

pytestmark = pytest.mark.qt

LONG = ("在直播控制台或主播端 App 里发券“满199减30”（推送优惠券）, then check the coupon banner on the phone "
        "before the host says it — 再确认手机上优惠券横幅已出现")


def _panel(qtbot, run, tmp_path, clock, controllers, room) -> ActionPadPanel:
    controller = ShowController(load_plan(EXAMPLE), room, FakeOverlays(), directory=tmp_path, clock=clock)
    controllers.append(controller)
    panel = ActionPadPanel(Pad(controller))
    qtbot.addWidget(panel)
    panel.resize(700, 460)  # four rows of keys since the stock key (库存) came
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    run(controller.start_new())
    controller.session.rundown.start_show()
    return panel


def _press(qtbot, run, panel: ActionPadPanel, key: str, qt_key: Qt.Key) -> None:
    qtbot.keyClick(panel, qt_key)
    run(wait_until(lambda: panel.status_text(key) and "Sending…" not in panel.status_text(key)))
    qtbot.wait(1)  # the render of that answer (one per turn of the loop)


def line_problems(panel: ActionPadPanel) -> list[str]:
    """What is wrong with the result lines as they are drawn now (empty: all well)."""
    problems = []
    for key, entry in panel.pad.items():
        label: OneLineLabel = entry.status
        if not label.isVisible() or not label.full_text():
            continue
        fm, box = label.fontMetrics(), label.contentsRect()
        if fm.horizontalAdvance(label.text()) > box.width():
            problems.append(f"{key}: text {fm.horizontalAdvance(label.text())} px wide in a box of {box.width()}")
        if label.text() != label.full_text() and not (label.text().endswith("…")
                                                       and label.toolTip() == label.full_text()):
            problems.append(f"{key}: cut without “…” or without the whole text as its tooltip")
        if "\n" in label.text():
            problems.append(f"{key}: more than one line")
        if box.height() < max(fm.height(), fm.lineSpacing()):
            problems.append(f"{key}: a box {box.height()} px high for a line of {fm.lineSpacing()} px")
        if label.geometry().intersects(entry.button.geometry()):
            problems.append(f"{key}: the line overlaps its button")
    return problems


@pytest.fixture
def long_room():
    room = ScriptedRoom("Room")
    for action in RoomAction:
        room.default(action, Outcome.MANUAL, LONG)
    return room


def test_a_long_result_is_elided_in_its_box_with_the_whole_text_as_tooltip(qtbot, loop, run, tmp_path, clock,
                                                                           controllers, long_room):
    panel = _panel(qtbot, run, tmp_path, clock, controllers, long_room)
    _press(qtbot, run, panel, "coupon", Qt.Key.Key_F3)
    _press(qtbot, run, panel, "announcement", Qt.Key.Key_F6)
    status = panel.pad["coupon"].status
    assert LONG in status.full_text() and status.text() != status.full_text()
    assert line_problems(panel) == []


def test_a_bigger_font_or_a_bold_state_re_elides_without_a_resize(qtbot, loop, run, tmp_path, clock,
                                                                  controllers, long_room):
    # What the screenshot showed under F3: a line elided for one font and drawn in another (the
    # theme's, or bold for a warning) runs past its box, its end cut off with no "…".
    panel = _panel(qtbot, run, tmp_path, clock, controllers, long_room)
    _press(qtbot, run, panel, "coupon", Qt.Key.Key_F3)
    assert line_problems(panel) == []
    size = panel.size()
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    panel.setFont(font)
    qtbot.wait(1)
    assert panel.size() == size
    assert line_problems(panel) == []
    status = panel.pad["coupon"].status
    status.setStyleSheet("font-weight: bold; font-size: 15pt;")  # a state's look, same box
    assert line_problems(panel) == []


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", theme.THEMES)
def test_every_state_reads_on_both_themes(name):
    palette = theme.palette_for(name)
    window = palette.color(palette.ColorRole.Window)
    for state in ("ok", "manual", "partial", "error", "ask", "unknown", "busy", "idle"):
        assert _contrast(status_colour(state, palette), window) >= 4.5, (name, state)


def test_the_lines_follow_a_theme_change(qtbot, qapp, loop, run, tmp_path, clock, controllers, long_room):
    panel = _panel(qtbot, run, tmp_path, clock, controllers, long_room)
    _press(qtbot, run, panel, "coupon", Qt.Key.Key_F3)
    try:
        for name in theme.THEMES:
            theme.apply_theme(qapp, name)
            qtbot.wait(1)
            want = status_colour("manual", theme.palette_for(name)).name()
            assert want in panel.pad["coupon"].status.styleSheet(), name
    finally:
        theme.apply_theme(qapp, theme.DEFAULT_THEME)


def test_keys_keep_their_place_when_what_they_say_grows(qtbot, loop, run, tmp_path, clock, controllers,
                                                       long_room):
    # F7 (take off screen) lists everything on screen: after a push and an announcement its text is
    # long. Its column must not widen and push the other keys away under the host's mouse.
    panel = _panel(qtbot, run, tmp_path, clock, controllers, long_room)
    before = {key: entry.button.geometry() for key, entry in panel.pad.items()}
    _press(qtbot, run, panel, "push", Qt.Key.Key_F2)
    _press(qtbot, run, panel, "announcement", Qt.Key.Key_F6)
    _press(qtbot, run, panel, "coupon", Qt.Key.Key_F3)
    assert len(panel.pad["take_off"].button.text()) > 30
    after = {key: entry.button.geometry() for key, entry in panel.pad.items()}
    assert after == before
    widths = {entry.button.width() for entry in panel.pad.values()}
    assert max(widths) - min(widths) <= 1, widths


def test_the_full_pad_keeps_three_rows_however_many_keys(qtbot, loop, run, tmp_path, clock, controllers,
                                                         long_room):
    # The layouts give the pad three rows of thumb-sized keys; a 13th key (库存) made a fourth that
    # did not fit the solo layout at its smallest and slid the keys over their result lines.
    panel = _panel(qtbot, run, tmp_path, clock, controllers, long_room)
    rows = {entry.button.y() for entry in panel.pad.values()}
    assert len(rows) == 3, rows
    assert panel.columns * 3 >= len(panel.pad)


def test_a_full_key_says_its_label_without_the_bracketed_host_word_in_english(qtbot, loop, run, tmp_path, clock,
                                                                             controllers, long_room):
    panel = _panel(qtbot, run, tmp_path, clock, controllers, long_room)
    explain = panel.pad["explain"].button
    assert explain.text().split("\n")[0] == "F1  Explain product"
    assert explain.toolTip().startswith("F1  Explain product (讲解)")  # the host's word stays at hand
    assert "冰感速干运动毛巾" in explain.toolTip()


@pytest.mark.parametrize("name", ["dark", "light"])
def test_the_checklist_boxes_can_be_seen_on_both_themes(qtbot, qapp, name):
    # The dark screenshot showed the checklist's tick boxes as dark on dark: the assistant could not
    # see there was anything to tick. The box's edge must stand out from the list's background.
    theme.apply_theme(qapp, name)
    try:
        panel_list = QListWidget()
        panel_list.setObjectName("manualChecklist")
        panel_list.setStyleSheet(checklist_style(panel_list.palette()))
        qtbot.addWidget(panel_list)
        item = QListWidgetItem("在直播控制台发公告")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        panel_list.addItem(item)
        panel_list.resize(400, 80)
        panel_list.show()
        qtbot.waitExposed(panel_list)
        image = panel_list.viewport().grab().toImage()
        rect = panel_list.visualItemRect(item)
        base = panel_list.palette().color(panel_list.viewport().backgroundRole())
        standing_out = {(x, y) for x in range(rect.left(), rect.left() + 28)
                        for y in range(rect.top(), rect.bottom() + 1)
                        if abs(QColor(image.pixel(x, y)).lightness() - base.lightness()) > 90}
        assert len(standing_out) >= 30, f"{len(standing_out)} pixels of the tick box stand out on {name}"
        # ... as a box: its top and bottom edges drawn too (a box taller than its row showed as two bars)
        rows = sorted({y for _, y in standing_out})
        top, bottom = rows[0], rows[-1]
        assert bottom - top >= 9, f"the box is {bottom - top + 1} px tall on {name}"
        for y in (top, bottom):
            assert sum(1 for x, yy in standing_out if yy == y) >= 6, f"no edge at y={y} on {name}"
    finally:
        theme.apply_theme(qapp, theme.DEFAULT_THEME)
