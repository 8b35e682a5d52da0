"""Producer (导播): scenes with preview/program (studio mode) and transition, stream control, the full
health chart; the pad as one compact row at the bottom.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.layouts.base import RoleLayout, ShowPanels


class ProducerLayout(RoleLayout):
    name = "producer"
    shortcut = "Ctrl+2"

    def used(self, panels: ShowPanels) -> list[QWidget]:
        return [panels.stream, panels.scenes, panels.health, panels.compact_pad]

    def build(self, panels: ShowPanels) -> QWidget:
        panels.health.set_compact(False)  # type: ignore[attr-defined]
        left = self.column(panels.stream, panels.scenes, stretch=(0, 1))
        split = self.splitter("producerSplit", Qt.Orientation.Horizontal, left, panels.health)
        split.setSizes([520, 780])
        return self.column(split, panels.compact_pad, stretch=(1, 0))
