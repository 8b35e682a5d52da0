"""The producer's scenes panel: live list, program marked, one click switches; studio mode.

The program scene says ON AIR only while the stream is on air (``OnAir``, the one truth every
panel reads); otherwise it is just the program scene, and the state line says what is on air.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.obs.scenes import ScenesModel
from studio.onair import SEVERITY_COLOURS, OnAir
from ui.widgets import MessageLine, run_action

PROGRAM_COLOUR = QColor("#c62828")
PREVIEW_COLOUR = QColor("#2e7d32")


class ScenesPanel(QWidget):
    def __init__(self, scenes: ScenesModel, parent: QWidget | None = None, *,
                 onair: OnAir | None = None) -> None:
        super().__init__(parent)
        self.scenes = scenes
        self.onair = onair or OnAir.of(scenes.link)
        self.state_line = QLabel()
        self.state_line.setObjectName("scenesOnAir")
        self.state_line.setWordWrap(True)
        self.title = QLabel(self.tr("Scenes"))
        self.title.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.list = QListWidget()
        self.list.setObjectName("sceneList")
        self.list.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 8px; }")
        self.studio_mode = QCheckBox(self.tr("Studio mode (preview first)"))
        self.transition_choice = QComboBox()
        self.transition_choice.setToolTip(self.tr("Transition used when switching"))
        self.transition_button = QPushButton(self.tr("Transition ▶ program"))
        self.transition_button.setToolTip(self.tr("Send the preview scene to program"))
        self.message = MessageLine()

        studio_row = QHBoxLayout()
        studio_row.addWidget(self.studio_mode)
        studio_row.addWidget(self.transition_choice, 1)
        studio_row.addWidget(self.transition_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state_line)
        layout.addWidget(self.list, 1)
        layout.addLayout(studio_row)
        layout.addWidget(self.message)

        self.list.itemClicked.connect(self._on_list_clicked)
        self.studio_mode.clicked.connect(self._on_studio_mode_clicked)
        self.transition_choice.activated.connect(self._on_transition_chosen)
        self.transition_button.clicked.connect(self._on_transition_clicked)
        scenes.changed.connect(self._on_scenes_changed)
        self.onair.changed.connect(self._on_onair_changed)
        self._shown_on_air: bool | None = None
        self._on_scenes_changed()

    def _on_onair_changed(self) -> None:
        onair = self.onair
        self.state_line.setText(f"<span style='color:{SEVERITY_COLOURS[onair.severity]}'>{onair.text}</span>")
        if onair.on_air != self._shown_on_air:
            self._on_scenes_changed()

    def _on_scenes_changed(self) -> None:
        s = self.scenes
        self.list.clear()
        self._shown_on_air = self.onair.on_air
        on_air = self.tr("ON AIR") if self.onair.on_air else self.tr("PROGRAM")
        preview = self.tr("PREVIEW")
        onair = self.onair
        self.state_line.setText(f"<span style='color:{SEVERITY_COLOURS[onair.severity]}'>{onair.text}</span>")
        for name in s.scenes:
            label = name
            item = QListWidgetItem()
            if name == s.program:
                label = f"● {name}    {on_air}"
                item.setForeground(QBrush(PROGRAM_COLOUR))
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            elif s.studio_mode and name == s.preview:
                label = f"○ {name}    {preview}"
                item.setForeground(QBrush(PREVIEW_COLOUR))
            item.setText(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
        self.list.setEnabled(s.available)
        self.studio_mode.setEnabled(s.available)
        self.studio_mode.setChecked(s.studio_mode)
        self.transition_choice.clear()
        self.transition_choice.addItems(s.transitions)
        if s.current_transition:
            self.transition_choice.setCurrentText(s.current_transition)
        self.transition_choice.setEnabled(s.available)
        self.transition_button.setVisible(s.studio_mode)
        self.transition_button.setEnabled(s.available)
        if not s.available:
            self.title.setText(self.tr("Scenes (waiting for OBS)"))
        else:
            self.title.setText(self.tr("Scenes"))

    def scene_names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _on_list_clicked(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        run_action(self.scenes.switch(name), self.message, name="switch-scene")

    def _on_studio_mode_clicked(self, checked: bool) -> None:
        run_action(self.scenes.set_studio_mode(checked), self.message, name="studio-mode")

    def _on_transition_chosen(self, index: int) -> None:
        run_action(self.scenes.set_transition(self.transition_choice.itemText(index)), self.message,
                   name="set-transition")

    def _on_transition_clicked(self) -> None:
        run_action(self.scenes.transition(), self.message, name="studio-transition")
