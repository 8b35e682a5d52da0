"""A tick box shows on both themes: Fusion outlines it in the window colour made darker, which on
the dark theme drew the studio-mode and rehearsal boxes dark on dark (ui/theme.py: tick_box_palette)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QWidget

from ui import theme

pytestmark = pytest.mark.qt


def _box_pixels(qtbot, name: str) -> int:
    holder = QWidget()  # as in the window: a child box paints no background of its own
    qtbot.addWidget(holder)
    box = QCheckBox("Studio mode (preview first)", holder)
    holder.resize(240, 30)
    holder.show()
    qtbot.waitExposed(holder)
    image = holder.grab().toImage()
    window = QColor(theme.colours(name).window)
    indicator = box.style().subElementRect(box.style().SubElement.SE_CheckBoxIndicator, _option(box), box)
    return sum(1 for x in range(indicator.left(), indicator.right() + 1)
               for y in range(indicator.top(), indicator.bottom() + 1)
               if abs(QColor(image.pixel(x, y)).lightness() - window.lightness()) > 60)


def _option(box: QCheckBox):
    from PySide6.QtWidgets import QStyleOptionButton

    option = QStyleOptionButton()
    box.initStyleOption(option)
    return option


@pytest.mark.parametrize("name", ["dark", "light"])
def test_the_tick_box_stands_out_from_the_window(qtbot, qapp, name):
    theme.apply_theme(qapp, name)
    try:
        assert _box_pixels(qtbot, name) >= 24  # the box's edge, not a glyph's stray pixel
    finally:
        theme.apply_theme(qapp, theme.DEFAULT_THEME)


def test_plain_fusion_on_the_dark_window_is_the_case_this_fixes(qtbot, qapp):
    # The test above can fail: with the window's own palette the dark box's edge is nearly invisible.
    theme.apply_theme(qapp, "dark")
    qapp.setPalette(theme.palette_for("dark"), "QCheckBox")
    try:
        assert _box_pixels(qtbot, "dark") < 24
    finally:
        theme.apply_theme(qapp, "light")
        theme.apply_theme(qapp, theme.DEFAULT_THEME)
