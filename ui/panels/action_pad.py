"""The action pad: big one-click buttons with F keys for the show's pushes, and the manual checklist.

``ActionPadPanel(pad, compact=False)`` renders a ``studio.show.pad.Pad`` (the keys as a table in the
core) and re-renders on ``pad.changed``; it holds no show logic. A click (or its F key, active
anywhere in the window) shows "Sending…" on the button at once and runs ``pad.run(key)`` in the
background; each key's result is one line under it (elided, the whole text in its tooltip), with
the fix the pad offers as one button ("Add to this room and push") and, for a press that was sent
but never answered before a crash, "It happened" / "It did not". The header says which live-room
target the pad drives. ``compact=True`` is one row of small buttons (the producer layout).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QPalette, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.show.pad import Pad, PadKey
from ui.widgets import MessageLine, run_action, show_user_error

# A result line's colour by state, for a light and for a dark window: each reads at a glance
# (contrast of 4.5:1 or more against the window, tests/ui/test_action_pad_fit.py), bold when the
# host has to look again.
_STATUS_COLOUR = {
    "light": {"ok": "#17753a", "manual": "#1b5fa8", "partial": "#a35400", "error": "#b3261e",
              "ask": "#a35400", "unknown": "#a35400"},
    "dark": {"ok": "#6fcf73", "manual": "#8cc2ff", "partial": "#ffb74d", "error": "#ff8a80",
             "ask": "#ffb74d", "unknown": "#ffb74d"},
}
_BOLD_STATES = frozenset(("partial", "error", "ask", "unknown"))
_BUTTON_STYLE = {"busy": "background: #e8eef8;", "ask": "background: #fff1d6;",
                 "unknown": "background: #fff1d6;", "error": "background: #fbe3e1;"}
COLUMNS = 4  # at least; more when the keys would need a fourth row
ROWS = 3  # the layouts give the full pad three rows of thumb-sized keys
# "On sale (上架)" → "On sale" on the compact row: the host's word in brackets is for the full key
# (and the tooltip); thirteen keys in one row have no room for it.
_HOST_WORD = re.compile(r"\s*[(（][^()（）]*[\u3400-\u9fff][^()（）]*[)）]\s*$")


def short_label(label: str) -> str:
    match = _HOST_WORD.search(label)
    if match is None or not re.search("[A-Za-z]", label[:match.start()]):
        return label  # a Chinese label keeps its brackets: they are part of what it says
    return label[:match.start()]


def status_style(state: str, palette: QPalette) -> str:
    """The style sheet of a result line in ``state`` on a window of ``palette``."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    colour = _STATUS_COLOUR["dark" if dark else "light"].get(state)
    if colour is None:
        return "color: palette(text);"
    return f"color: {colour}; font-weight: bold;" if state in _BOLD_STATES else f"color: {colour};"


def checklist_style(palette: QPalette) -> str:
    """The checklist's tick boxes with an edge that reads on the window (Fusion drew them dark on
    dark), filled green when ticked."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    edge, ticked = ("#c8cad2", "#3fb950") if dark else ("#505050", "#1a7f37")
    # The rows get padding so the whole box fits in one (a box taller than the row lost its top and
    # bottom edges: two bars, not a box) and the click target is bigger.
    return (f"QListWidget#manualChecklist::item {{ padding: 3px 2px; }}"
            f" QListWidget#manualChecklist::indicator {{ width: 12px; height: 12px; border: 2px solid {edge};"
            f" border-radius: 3px; background: palette(base); }}"
            f" QListWidget#manualChecklist::indicator:checked {{ background: {ticked}; border-color: {ticked}; }}")


def status_colour(state: str, palette: QPalette) -> QColor:
    colour = _STATUS_COLOUR["dark" if palette.color(QPalette.ColorRole.Window).lightness() < 128
                            else "light"].get(state)
    return QColor(colour) if colour else palette.color(QPalette.ColorRole.WindowText)


class OneLineLabel(QLabel):
    """A label that never wraps, widens its layout or overflows its box: the text is elided to the
    box (again whenever the box, the font or the style changes — a state turning the line bold
    makes it wider), the whole of it is the tooltip (and ``full_text()``). Its height is one line
    of its font, with room for the taller CJK glyphs a fallback font draws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._fit_height()

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()
            self._elide()

    def _fit_height(self) -> None:
        fm = self.fontMetrics()
        self.setFixedHeight(max(fm.height(), fm.lineSpacing()) + 2)

    def _elide(self) -> None:
        width = max(self.contentsRect().width() - 2 * self.margin() - 2, 8)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class KeyButton(QPushButton):
    """A pad key whose width never depends on what it says. A long subject ("满199减30 · 冰感速干
    运动毛巾 · …" on F7) must not widen its column and move the other keys under the host's mouse;
    every key gets an equal share of the row, and a text too long for it is painted elided."""

    KEY_WIDTH = 96

    def sizeHint(self) -> QSize:
        return QSize(self.KEY_WIDTH, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.KEY_WIDTH // 2, super().minimumSizeHint().height())


@dataclass
class _PadButton:
    key: str
    shortcut: str
    button: QPushButton
    status: OneLineLabel
    fix: QPushButton
    happened: QPushButton
    not_happened: QPushButton


class ActionPadPanel(QWidget):
    def __init__(self, pad: Pad, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = pad
        self.compact = compact
        self.header = QLabel()
        self.header.setObjectName("padTarget")
        self.room_status = OneLineLabel()
        self.room_status.setObjectName("padRoomStatus")
        self.room_status.setStyleSheet(status_style("ask", self.palette()))
        self.room_status.setVisible(False)
        self.pad: dict[str, _PadButton] = {}
        grid = QGridLayout()
        keys = pad.keys()
        self.columns = max(COLUMNS, -(-len(keys) // ROWS))
        row_layout = QHBoxLayout()
        for index, key in enumerate(keys):
            button = KeyButton()
            button.setObjectName(f"pad_{key.id}")
            status = OneLineLabel()
            status.setObjectName(f"pad_{key.id}_status")
            fix = QPushButton()
            fix.setObjectName(f"pad_{key.id}_fix")
            happened = QPushButton(self.tr("It happened"))
            not_happened = QPushButton(self.tr("It did not"))
            for extra in (fix, happened, not_happened):
                extra.setVisible(False)
            entry = _PadButton(key.id, key.shortcut, button, status, fix, happened, not_happened)
            self.pad[key.id] = entry
            button.clicked.connect(lambda _=False, k=key.id: self._on_pad_triggered(k))
            fix.clicked.connect(lambda _=False, k=key.id: self._on_fix_clicked(k))
            happened.clicked.connect(lambda _=False, k=key.id: self._on_resolve_clicked(k, True))
            not_happened.clicked.connect(lambda _=False, k=key.id: self._on_resolve_clicked(k, False))
            # Window-wide: the host's hands are on the keyboard, wherever the focus is.
            hotkey = QShortcut(QKeySequence(key.shortcut), self)
            hotkey.activated.connect(lambda k=key.id: self._on_pad_triggered(k))
            # Two pads of the same show in one window (the full pad and the compact row): Qt then
            # calls the key ambiguous and hands each press to one of them — either is right.
            hotkey.activatedAmbiguously.connect(lambda k=key.id: self._on_pad_triggered(k))
            if compact:
                button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                row_layout.addWidget(button)
                continue
            button.setMinimumHeight(64)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            button.setFont(font)
            answers = QHBoxLayout()
            for extra in (fix, happened, not_happened):
                answers.addWidget(extra)
            cell = QVBoxLayout()
            cell.addWidget(button)
            cell.addWidget(status)
            cell.addLayout(answers)
            grid.addLayout(cell, index // self.columns, index % self.columns)
        for column in range(self.columns):
            grid.setColumnStretch(column, 1)

        self.checklist_title = QLabel(self.tr("To do by hand in the platform's tool — tick when done:"))
        self.checklist = QListWidget()
        self.checklist.setObjectName("manualChecklist")
        self.checklist.setStyleSheet(checklist_style(self.palette()))
        self.checklist.itemChanged.connect(self._on_checklist_item_changed)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.room_status)
        if compact:
            layout.setContentsMargins(2, 2, 2, 2)
            layout.addLayout(row_layout)
            self.checklist_title.setVisible(False)
            self.checklist.setVisible(False)
        else:
            layout.addLayout(grid, 1)
            layout.addWidget(self.checklist_title)
            layout.addWidget(self.checklist)
        layout.addWidget(self.message)

        self._checklist_ids: list[str] = []
        self._shown: dict[str, PadKey] = {}  # what each key shows now: unchanged keys are not touched
        # One render per turn of the loop, however many changes a press brings (each target's
        # answer, each show-log event): restyling every button on each would cost the pad frames.
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._on_render_timer_timeout)
        pad.changed.connect(self._on_pad_changed)
        self._render()

    # Rendering -----------------------------------------------------------------------------

    def _on_pad_changed(self) -> None:
        if not self._render_timer.isActive():
            self._render_timer.start()

    def _on_render_timer_timeout(self) -> None:
        self._render()

    def _render(self) -> None:
        self.header.setText(self.tr("Drives: {target}").format(target=self.model.target_label))
        problem = self.model.room_problem
        self.room_status.set_full_text(f"⚠ {problem}" if problem else "")
        self.room_status.setVisible(bool(problem))
        for key in self.model.keys():  # noqa: SIM118 - a Pad, not a dict
            if self._shown.get(key.id) != key:
                self._shown[key.id] = key
                self._render_key(key)
        if not self.compact:
            self._render_checklist()

    def _render_key(self, key: PadKey) -> None:
        entry = self.pad[key.id]
        if self.compact:
            entry.button.setText(f"{key.shortcut} {short_label(key.label)}")
            tip = [t for t in (f"{key.shortcut} {key.label}", key.subject, key.last_result or key.why_not) if t]
            entry.button.setToolTip("\n".join(tip))
        else:
            # The key says what it does in the fewest words (an elided "Explain prod…" says nothing);
            # its tooltip has the whole label with the host's word, and what it acts on or why not.
            label = short_label(key.label)
            title = f"{key.shortcut}  {label}"
            if key.state == "ask":
                title = self.tr("{key}  {label}\nPress again to send").format(key=key.shortcut, label=label)
            elif key.subject:
                title = f"{title}\n{key.subject}"
            entry.button.setText(title)
            entry.button.setToolTip("\n".join(t for t in (f"{key.shortcut}  {key.label}",
                                                          key.subject if key.enabled else key.why_not) if t))
            entry.status.setStyleSheet(status_style(key.state, self.palette()))
            entry.status.set_full_text(key.last_result)
            entry.status.setAccessibleDescription(key.state)
            entry.fix.setVisible(key.fix is not None)
            entry.fix.setText(key.fix.label if key.fix is not None else "")
            entry.happened.setVisible(key.state == "unknown")
            entry.not_happened.setVisible(key.state == "unknown")
        entry.button.setStyleSheet(_BUTTON_STYLE.get(key.state, ""))
        entry.button.setAccessibleDescription(key.state)
        entry.button.setEnabled(key.enabled)

    def _render_checklist(self) -> None:
        manual = self.model.checklist
        self.checklist_title.setVisible(manual is not None)
        self.checklist.setVisible(manual is not None)
        ids = [s.id for s in manual.pending] if manual is not None else []
        if ids == self._checklist_ids:
            return
        self._checklist_ids = ids
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for step in manual.pending if manual is not None else []:
            item = QListWidgetItem(step.instruction)
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.checklist.addItem(item)
        self.checklist.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: the lines' colours follow
            self.room_status.setStyleSheet(status_style("ask", self.palette()))
            self.checklist.setStyleSheet(checklist_style(self.palette()))
            self._shown.clear()
            self._render()

    def status_text(self, key: str) -> str:
        """The whole of a key's one-line result (the label shows it elided)."""
        return self.pad[key].status.full_text()

    # Pressing --------------------------------------------------------------------------------

    def _on_pad_triggered(self, key: str) -> None:
        entry = self.pad[key]
        if not entry.button.isEnabled():
            return
        # Instant feedback, before anything has left the console; the pad confirms it next.
        entry.button.setEnabled(False)
        entry.status.set_full_text(self.tr("Sending…"))
        entry.status.setAccessibleDescription("busy")
        self._shown.pop(key, None)  # drawn by hand: the pad's next state redraws it
        # A refusal is on the key already; the message line keeps it visible too.
        run_action(self.model.run(key, source="pad"), self.message, name=f"pad-{key}", finally_=self._render)

    def _on_fix_clicked(self, key: str) -> None:
        fix = self.pad[key].fix
        fix.setEnabled(False)  # one fix per click, until its answer came

        def done() -> None:
            fix.setEnabled(True)
            self._render()

        run_action(self.model.run_fix(key, source="pad"), self.message, name=f"pad-fix-{key}", finally_=done)

    def _on_resolve_clicked(self, key: str, happened: bool) -> None:
        show_user_error(self.message, lambda: self.model.resolve(key, happened))

    # Checklist -------------------------------------------------------------------------------

    def _on_checklist_item_changed(self, item: QListWidgetItem) -> None:
        if item.checkState() != Qt.CheckState.Checked:
            return
        step_id: Any = item.data(Qt.ItemDataRole.UserRole)
        try:
            show_user_error(self.message, lambda: self.model.tick_manual_step(str(step_id)))
        except KeyError:  # the step is gone meanwhile (a new show): show the list as it is now
            self._checklist_ids = []
            self._render_checklist()
