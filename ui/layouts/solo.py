"""Solo (单人): one person, one laptop. Stream state and the start button, a row of scenes, the
current product and the next step, the pad, the health in one line; setup stays out of the way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from ui.layouts.base import RoleLayout, ShowPanels

STREAM_WIDTH = 400


class SoloLayout(RoleLayout):
    name = "solo"
    shortcut = "Ctrl+3"

    def used(self, panels: ShowPanels) -> list[QWidget]:
        return [panels.stream, panels.scene_row, panels.health, panels.rundown, panels.pad]

    def build(self, panels: ShowPanels) -> QWidget:
        panels.health.set_compact(True)  # type: ignore[attr-defined]
        top = QWidget()
        top.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        stream = self.column(panels.stream)
        stream.setFixedWidth(STREAM_WIDTH)
        row.addWidget(stream)
        row.addWidget(self.column(panels.scene_row, panels.health), 1)
        split = self.splitter("soloSplit", Qt.Orientation.Horizontal, panels.rundown, panels.pad)
        split.setSizes([520, 780])
        return self.column(top, split, stretch=(0, 1))
