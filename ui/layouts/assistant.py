"""Assistant (助理): the action pad big, the running order with the clock and a compact health strip.

The assistant's evening is F-keys and the running order; the stream and scenes belong to the
producer, so they stay out of the way (the on-air strip above says whether we are live).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.layouts.base import RoleLayout, ShowPanels


class AssistantLayout(RoleLayout):
    name = "assistant"
    shortcut = "Ctrl+1"

    def used(self, panels: ShowPanels) -> list[QWidget]:
        return [panels.pad, panels.rundown, panels.health]

    def build(self, panels: ShowPanels) -> QWidget:
        panels.health.set_compact(True)  # type: ignore[attr-defined]
        split = self.splitter("assistantSplit", Qt.Orientation.Horizontal, panels.pad, panels.rundown)
        split.setSizes([780, 520])
        return self.column(split, panels.health, stretch=(1, 0))
