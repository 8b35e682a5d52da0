"""What every role layout arranges: the same panel objects, placed differently.

A layout's ``build(panels)`` returns a fresh container holding the panels it uses (Qt re-parents
them); the window deletes the old container on a switch, so one panel object — its state, its
messages, its F keys — serves every layout. A panel may be given as a function that builds it: it
is built when a layout first places it (the window shows first; a layout not in use costs nothing).
Splitters get object names: their sizes are saved per layout (``QSplitter.saveState``) and "Reset
layout" forgets them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ui.layouts.scene_row import SceneRow


class ShowPanels:
    """The show view's panels, each built once by the window: at once, or (given as a function)
    when a layout first places it or someone asks for it."""

    NAMES: ClassVar[tuple[str, ...]] = ("stream", "scenes", "scene_row", "rundown", "pad", "compact_pad",
                                        "health")

    def __init__(self, **panels: QWidget | Callable[[], QWidget]) -> None:
        if set(panels) != set(self.NAMES):
            raise TypeError(f"ShowPanels needs exactly {', '.join(self.NAMES)}")
        self._built: dict[str, QWidget] = {}
        self._later: dict[str, Callable[[], QWidget]] = {}
        for name, panel in panels.items():
            if isinstance(panel, QWidget):
                self._built[name] = panel
            else:
                self._later[name] = panel

    def get(self, name: str) -> QWidget:
        if name not in self._built:
            self._built[name] = self._later.pop(name)()
        return self._built[name]

    def is_built(self, name: str) -> bool:
        return name in self._built

    @property
    def stream(self) -> QWidget:
        return self.get("stream")

    @property
    def scenes(self) -> QWidget:
        return self.get("scenes")

    @property
    def scene_row(self) -> SceneRow:
        row = self.get("scene_row")
        assert isinstance(row, SceneRow)
        return row

    @property
    def rundown(self) -> QWidget:
        return self.get("rundown")

    @property
    def pad(self) -> QWidget:  # the big action pad
        return self.get("pad")

    @property
    def compact_pad(self) -> QWidget:  # the pad as one row (producer)
        return self.get("compact_pad")

    @property
    def health(self) -> QWidget:  # HealthPanel: set_compact(True/False)
        return self.get("health")

    def all(self) -> list[QWidget]:
        """The panels built so far (one never built is in no container)."""
        return [self._built[name] for name in self.NAMES if name in self._built]


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
