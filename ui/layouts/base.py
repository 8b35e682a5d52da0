"""What every role layout arranges: the same panel objects, placed differently.

A layout's ``build(panels)`` returns a fresh container holding the panels it uses (Qt re-parents
them); the window deletes the old container on a switch, so one panel object — its state, its
messages, its F keys — serves every layout. Splitters get object names: their sizes are saved per
layout (``QSplitter.saveState``) and "Reset layout" forgets them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ui.layouts.scene_row import SceneRow


@dataclass
class ShowPanels:
    """The show view's panels, built once by the window."""

    stream: QWidget
    scenes: QWidget
    scene_row: SceneRow
    rundown: QWidget
    pad: QWidget  # the big action pad
    compact_pad: QWidget  # the pad as one row (producer)
    health: QWidget  # HealthPanel: set_compact(True/False)

    def all(self) -> list[QWidget]:
        return [getattr(self, f.name) for f in fields(self)]


class RoleLayout:
    name: ClassVar[str] = ""
    shortcut: ClassVar[str] = ""

    @staticmethod
    def title(name: str) -> str:
        return {
            "assistant": QCoreApplication.translate("RoleLayout", "Assistant"),
            "producer": QCoreApplication.translate("RoleLayout", "Producer"),
            "solo": QCoreApplication.translate("RoleLayout", "Solo"),
        }.get(name, name)

    @staticmethod
    def description(name: str) -> str:
        return {
            "assistant": QCoreApplication.translate(
                "RoleLayout", "The action pad big, the running order with its clock, the checklist"),
            "producer": QCoreApplication.translate(
                "RoleLayout", "Scenes with preview and program, the stream, the full health chart"),
            "solo": QCoreApplication.translate(
                "RoleLayout", "Everything a one-person show needs on one laptop screen"),
        }.get(name, "")

    def build(self, panels: ShowPanels) -> QWidget:
        raise NotImplementedError

    def used(self, panels: ShowPanels) -> list[QWidget]:
        """The panels this layout shows (the others are detached and hidden)."""
        raise NotImplementedError

    # helpers ---------------------------------------------------------------------------------
    @staticmethod
    def splitter(name: str, orientation: Qt.Orientation, *widgets: QWidget,
                 stretch: tuple[int, ...] = ()) -> QSplitter:
        split = QSplitter(orientation)
        split.setObjectName(name)
        split.setChildrenCollapsible(False)
        for index, widget in enumerate(widgets):
            split.addWidget(widget)
            if index < len(stretch):
                split.setStretchFactor(index, stretch[index])
        return split

    @staticmethod
    def column(*widgets: QWidget, stretch: tuple[int, ...] = ()) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, widget in enumerate(widgets):
            layout.addWidget(widget, stretch[index] if index < len(stretch) else 0)
        return box
