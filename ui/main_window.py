"""The main window: the connection bar on top, scenes and stream in the middle, panels as docks.

It holds no logic: it places the panels it is given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget

from studio.core import StudioCore
from ui.panels.connection import ConnectionBar
from ui.panels.health import HealthPanel
from ui.panels.keys import KeysPanel
from ui.panels.scenes import ScenesPanel
from ui.panels.stream import StreamPanel


class MainWindow(QMainWindow):
    close_requested = Signal()  # the app cleans up (OBS link, tasks) and then quits

    def __init__(self, core: StudioCore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setWindowTitle(self.tr("Studio Console · 直播中控台"))
        self.resize(1280, 800)
        self.connection_bar = ConnectionBar(core)
        self.scenes_panel = ScenesPanel(core.scenes)
        self.stream_panel = StreamPanel(core.stream)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stream_panel)
        right_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.scenes_panel)
        splitter.addWidget(right)
        splitter.setSizes([380, 900])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.connection_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.health_panel = HealthPanel(core.health)
        self.add_panel(self.tr("Stream health 推流健康"), self.health_panel, "healthDock")
        self.keys_panel = KeysPanel(core.rooms, core.link)
        self.add_panel(self.tr("Push keys 推流密钥"), self.keys_panel, "keysPanel")

    def add_panel(self, title: str, widget: QWidget, object_name: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        super().closeEvent(event)
