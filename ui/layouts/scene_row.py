"""One row of scene buttons for the one-person show: the program scene red, one click switches.

The producer's full scenes panel (studio mode, transitions) lives in the producer layout; this row
is what a host alone at a laptop needs between two products.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from studio.obs.scenes import ScenesModel
from ui import theme
from ui.widgets import MessageLine, run_action

MAX_BUTTONS = 8
ROW_HEIGHT = 40


class SceneRow(QWidget):
    def __init__(self, scenes: ScenesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sceneRow")
        self.scenes = scenes
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.title = QLabel(self.tr("Scenes"))
        self.title.setStyleSheet("font-weight: bold;")
        self.buttons: list[QPushButton] = []
        self.message = MessageLine()  # a failed switch, in words; hidden when empty
        self.message.setWordWrap(False)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.title)
        for index in range(MAX_BUTTONS):
            button = QPushButton()
            button.setObjectName(f"sceneButton{index}")
            button.setFixedHeight(ROW_HEIGHT)
            button.setMinimumWidth(60)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, i=index: self._on_button_clicked(i))
            self.buttons.append(button)
            self._row.addWidget(button, 1)
        self._row.addWidget(self.message, 1)
        self.setFixedHeight(ROW_HEIGHT + 4)
        scenes.changed.connect(self._render)
        self._render()

    def scene_names(self) -> list[str]:
        return [str(b.property("scene")) for b in self.buttons if not b.isHidden()]

    def _render(self) -> None:
        s = self.scenes
        names = s.scenes[:MAX_BUTTONS]
        for index, button in enumerate(self.buttons):
            if index >= len(names):
                button.hide()
                continue
            name = names[index]
            button.setProperty("scene", name)
            on_air = name == s.program
            button.setText(("● " if on_air else "") + name)
            button.setToolTip(self.tr("On air now: {name}").format(name=name) if on_air
                              else self.tr("Switch the program to {name}").format(name=name))
            button.setStyleSheet(f"QPushButton {{ background: {theme.ON_AIR_RED}; color: white; "
                                 f"font-weight: bold; }}" if on_air else "")
            button.setEnabled(s.available)
            button.show()
        self.title.setText(self.tr("Scenes") if s.available else self.tr("Scenes (waiting for OBS)"))
        self.message.setVisible(bool(self.message.text()))

    def _on_button_clicked(self, index: int) -> None:
        name = self.buttons[index].property("scene")
        if name:
            self.message.clear_message()
            run_action(self.scenes.switch(str(name)), self.message, name="scene-row-switch")
            self.message.show()
