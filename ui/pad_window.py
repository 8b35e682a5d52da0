"""The pad window: a small always-on-top window with the on-air strip and the pad as one row, for a
second screen or to sit over OBS. Its F keys work while it is the active window; the main window's
work while that one is. It remembers where it was put.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.core import StudioCore
from ui.layouts.fit import fit_text
from ui.layouts.strip import OnAirStrip
from ui.panels.action_pad import ActionPadPanel

DEFAULT_SIZE = QSize(1180, 110)  # twelve keys whose Chinese titles fit


class PadWindow(QWidget):
    closed = Signal()

    def __init__(self, core: StudioCore, prefs: Callable[[], dict[str, Any]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("padWindow")
        self.setWindowTitle(self.tr("Action pad · 快捷键盘"))
        own: dict[str, Any] = {}
        self.prefs = prefs or (lambda: own)  # a getter: the settings' sections are replaced on refresh
        self.strip = OnAirStrip(core.stream, getattr(core, "onair", None), compact=True)
        self.pad = ActionPadPanel(core.pad, compact=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.strip)
        layout.addWidget(self.pad)
        fit_text(self)
        saved = self.prefs().get("pad_geometry")
        if not (isinstance(saved, str) and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))):
            self.resize(DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.prefs()["pad_geometry"] = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.closed.emit()
        super().closeEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.prefs()["pad_geometry"] = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        super().hideEvent(event)
