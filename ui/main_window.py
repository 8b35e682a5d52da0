"""The main window: the connection bar on top, scenes and stream in the middle, panels as docks.

It holds no logic: it places the panels it is given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget

from studio.core import StudioCore
from ui.panels.action_pad import ActionPadPanel
from ui.panels.connection import ConnectionBar
from ui.panels.health import HealthPanel
from ui.panels.keys import KeysPanel
from ui.panels.plan_editor import PlanEditorPanel
from ui.panels.room import RoomPanel
from ui.panels.rundown import RundownPanel
from ui.panels.scenes import ScenesPanel
from ui.panels.setup import SetupPanel
from ui.panels.stream import StreamPanel


class MainWindow(QMainWindow):
    """Left: scenes and the stream button. Middle: the show (rundown + action pad) — what the
    assistant looks at all evening. Right: stream health, and the set-up panels as tabs."""

    close_requested = Signal()  # the app cleans up (OBS link, tasks) and then quits

    def __init__(self, core: StudioCore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setWindowTitle(self.tr("Studio Console · 直播中控台"))
        self.resize(1600, 960)
        self.connection_bar = ConnectionBar(core)
        self.scenes_panel = ScenesPanel(core.scenes)
        self.stream_panel = StreamPanel(core.stream)
        self.rundown_panel = RundownPanel(core.show)
        self.action_pad = ActionPadPanel(core.pad)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.stream_panel)
        left_layout.addWidget(self.scenes_panel, 1)
        show = QSplitter(Qt.Orientation.Vertical)
        show.addWidget(self.rundown_panel)
        show.addWidget(self.action_pad)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(show)
        splitter.setSizes([360, 800])

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
        self.room_panel = RoomPanel(core.room_connection, on_push_url=self._on_room_push_url)
        self.setup_panel = SetupPanel(core.setup)
        self.plan_editor = PlanEditorPanel(core.plan, core.plan_path)
        docks = [
            self.add_panel(self.tr("Push keys 推流密钥"), self.keys_panel, "keysPanel"),
            self.add_panel(self.tr("Portrait studio 竖屏直播间"), self.setup_panel, "setupPanel"),
            self.add_panel(self.tr("Live room 直播间"), self.room_panel, "roomPanel"),
            self.add_panel(self.tr("Show plan 节目单"), self.plan_editor, "planEditor"),
        ]
        for dock in docks[1:]:
            self.tabifyDockWidget(docks[0], dock)
        docks[0].raise_()

    async def _on_room_push_url(self, url: str) -> None:
        # Fetched from the platform: saved under the room id, applied to OBS; errors show in the
        # room panel, which awaits this.
        room_id = self.core.room_connection.model.room_id
        await self.core.take_push_url(url, self.tr("Mini-program room {id}").format(id=room_id))

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
