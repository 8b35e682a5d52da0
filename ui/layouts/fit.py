"""Text never widens the window: the root cause of "the window grew from 1600 to 1682 px during a show".

A QLabel's and a QPushButton's minimum width is the width of their text, so a long product name,
a growing frame count or "Click again to STOP the stream" raised the layout's minimum and Qt
resized the top-level window under the host's mouse. ``fit_text(root)`` goes over every label and
button under ``root`` once:

- a one-line plain-text label gets a tiny minimum width and is painted elided ("…") when its box
  is narrower than its text, with the whole text as its tooltip (``ELIDED_TIP`` marks ours);
- a push button gets a small minimum width and is painted with its lines elided when they do
  not fit (the whole text as its tooltip unless the panel set one);
- a combo box sizes to a few characters, not to its longest item;
- a list wraps a long row instead of showing a horizontal scroll bar.

Word-wrapped and rich-text labels keep Qt's own painting. The window also gives its central
widget an explicit minimum size, so no content can push the window bigger (see main_window).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

ELIDED_TIP = "_elidedTip"  # property: the tooltip text we set (so we never overwrite the panel's own)
FITTED = "_fitted"
BUTTON_MIN_WIDTH = 72
COMBO_MIN_CHARS = 8


def is_plain_one_line(label: QLabel) -> bool:
    if label.wordWrap() or not label.text():
        return False
    if not label.pixmap().isNull():
        return False
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return False
    return not (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text()))


def text_width(label: QLabel) -> int:
    fm = label.fontMetrics()
    return max((fm.horizontalAdvance(line) for line in label.text().split("\n")), default=0)


def available_width(label: QLabel) -> int:
    rect = label.contentsRect()
    margin = label.margin()
    indent = label.indent() if label.indent() > 0 else 0
    return rect.width() - 2 * margin - indent


def is_elided(label: QLabel) -> bool:
    return is_plain_one_line(label) and text_width(label) > available_width(label)


def button_text_width(button: QPushButton) -> int:
    """The room for the text inside a push button (its contents rect, less the style's padding)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    rect = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    return rect.width() - 8


def button_elided(button: QPushButton) -> bool:
    fm = button.fontMetrics()
    room = button_text_width(button)
    return any(fm.horizontalAdvance(line) > room for line in button.text().split("\n"))


class _Elider(QObject):
    """Paints a one-line label (or a button) elided when its text does not fit; keeps the tooltip
    in step."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if isinstance(watched, QPushButton):
            return self._paint_button(watched)
        if not isinstance(watched, QLabel):
            return False
        label = watched
        elided = is_elided(label)
        ours = label.property(ELIDED_TIP)
        if elided and (not label.toolTip() or label.toolTip() == ours):
            label.setToolTip(label.text())
            label.setProperty(ELIDED_TIP, label.text())
        elif not elided and ours and label.toolTip() == ours:
            label.setToolTip("")
            label.setProperty(ELIDED_TIP, "")
        if not elided:
            return False
        width = max(0, available_width(label))
        fm = label.fontMetrics()
        lines = [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in label.text().split("\n")]
        painter = QPainter(label)
        rect = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
        align = label.alignment()
        # An elided line starts at the left edge: centring a cut-off text hides its beginning.
        align = (align & ~Qt.AlignmentFlag.AlignHorizontal_Mask) | Qt.AlignmentFlag.AlignLeft
        label.style().drawItemText(painter, rect, int(align), label.palette(), label.isEnabled(),
                                   "\n".join(lines), label.foregroundRole())
        painter.end()
        return True

    @staticmethod
    def _paint_button(button: QPushButton) -> bool:
        text = button.text()
        ours = button.property(ELIDED_TIP)
        elided = bool(text) and button.icon().isNull() and button_elided(button)
        if elided and (not button.toolTip() or button.toolTip() == ours):
            button.setToolTip(text)
            button.setProperty(ELIDED_TIP, text)
        elif not elided and ours and button.toolTip() == ours:
            button.setToolTip("")
            button.setProperty(ELIDED_TIP, "")
        if not elided:
            return False
        option = QStyleOptionButton()
        button.initStyleOption(option)
        fm = button.fontMetrics()
        room = button_text_width(button)
        option.text = "\n".join(fm.elidedText(line, Qt.TextElideMode.ElideRight, room)
                                 for line in text.split("\n"))
        painter = QPainter(button)
        button.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, button)
        painter.end()
        return True


_elider = _Elider()


def one_line_messages(root: QWidget) -> None:
    """Every panel's message line under ``root`` keeps one line's height, shown or empty: a message
    that comes and goes never moves the buttons below it (the whole text is the tooltip)."""
    from ui.widgets import MessageLine

    for line in root.findChildren(MessageLine):
        if line.property("_oneLine"):
            continue
        line.setProperty("_oneLine", True)
        line.setWordWrap(False)
        line.setMinimumWidth(1)
        line.setFixedHeight(line.fontMetrics().lineSpacing() + 2)
        line.installEventFilter(_elider)


def fit_text(root: QWidget | None) -> None:
    """Apply the rules above to every label, button and combo box under ``root`` (idempotent)."""
    if root is None:  # e.g. a window with no central widget yet
        return
    for label in root.findChildren(QLabel):
        if label.property(FITTED):
            continue
        label.setProperty(FITTED, True)
        label.installEventFilter(_elider)  # a label may stop wrapping later (the compact health strip)
        if label.wordWrap():
            continue
        rich = label.textFormat() == Qt.TextFormat.RichText or GuiQt.mightBeRichText(label.text())
        if label.minimumWidth() == 0 and not rich:  # rich text (a coloured state word) keeps its width
            label.setMinimumWidth(1)
    for button in root.findChildren(QAbstractButton):
        if button.property(FITTED):
            continue
        button.setProperty(FITTED, True)
        hint = button.sizeHint().width()
        if button.minimumWidth() == 0 and hint > 0:
            button.setMinimumWidth(min(BUTTON_MIN_WIDTH, hint))
        if isinstance(button, QPushButton):
            button.installEventFilter(_elider)
    for view in root.findChildren(QListView):
        if view.property(FITTED) or view.viewMode() != QListView.ViewMode.ListMode:
            continue
        view.setProperty(FITTED, True)
        # A long step title wraps inside the list instead of sliding under a horizontal scroll bar.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
    for combo in root.findChildren(QComboBox):
        if combo.property(FITTED):
            continue
        combo.setProperty(FITTED, True)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MIN_CHARS)
