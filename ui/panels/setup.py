"""The setup panel (竖屏直播间): size, orientation, background, camera, PPT window, layout; Apply.

Everything it does goes through ``StudioSetup`` (the same core the CLI uses); the lists come from
OBS itself and are re-read on every (re)connect and on "Refresh lists".

The form is what the host wants, not a mirror of OBS: it opens in portrait (竖屏, what this desk is
for) and with the choices made last time (orientation, background, layout, resolution — the
settings file's "portrait" section); what OBS has now is the line above the form.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.config import Settings
from studio.obs.link import LinkState
from studio.obs.presets import RESOLUTIONS, resolution
from studio.obs.setup import (
    DEFAULT_BACKGROUND,
    DEFAULT_LAYOUT,
    IMAGE_SUFFIXES,
    LAYOUTS,
    Devices,
    SetupPlan,
    SetupReport,
    SetupState,
    StudioSetup,
    layout_title,
)
from studio.tasks import spawn
from ui.widgets import MessageLine, run_action

PREVIEW_HEIGHT = 160
PREFS = "portrait"  # the settings file's section for this form


class SetupPanel(QWidget):
    def __init__(self, setup: StudioSetup, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        self.settings = settings
        self.state: SetupState | None = None
        self.devices: Devices | None = None
        self._busy = False

        self.title = QLabel(self.tr("Live room setup (竖屏直播间)"))
        self.title.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.current = QLabel()
        self.current.setObjectName("currentVideo")
        self.resolution = QComboBox()
        self.resolution.setObjectName("resolution")
        for preset in RESOLUTIONS.values():
            self.resolution.addItem(self.tr("{label} ({kbps} kbps)").format(
                label=preset.label, kbps=preset.video_kbps), preset.name)
        self.orientation = QComboBox()
        self.orientation.setObjectName("orientation")
        self.orientation.addItem(self.tr("Portrait (竖屏)"), True)
        self.orientation.addItem(self.tr("Landscape (横屏)"), False)
        self.orientation.setCurrentIndex(0)  # portrait unless the host chose otherwise
        self.background = QLineEdit(str(DEFAULT_BACKGROUND))
        self.background.setObjectName("background")
        self.browse = QPushButton(self.tr("Choose…"))
        self.preview = QLabel()
        self.preview.setObjectName("backgroundPreview")
        self.preview.setFixedHeight(PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera_choice = QComboBox()
        self.camera_choice.setObjectName("camera")
        self.window_choice = QComboBox()
        self.window_choice.setObjectName("window")
        self.refresh_button = QPushButton(self.tr("Refresh lists"))
        self.layout_choice = QComboBox()
        self.layout_choice.setObjectName("layout")
        for name in LAYOUTS:
            self.layout_choice.addItem(layout_title(name), name)
        self.layout_choice.setCurrentIndex(list(LAYOUTS).index(DEFAULT_LAYOUT))
        self.apply_button = QPushButton(self.tr("Apply to OBS"))
        self.apply_button.setObjectName("applySetup")
        self.apply_button.setMinimumHeight(40)
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("switchResolution")
        self.message = MessageLine()
        self._dialog: QFileDialog | None = None
        self._restore_choices()

        background_row = QHBoxLayout()
        background_row.addWidget(self.background, 1)
        background_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Background"), background_row)
        form.addRow("", self.preview)
        form.addRow(self.tr("Camera"), self.camera_choice)
        form.addRow(self.tr("PPT / WPS window"), self.window_choice)
        form.addRow("", self.refresh_button)
        form.addRow(self.tr("Layout"), self.layout_choice)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.switch_button)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.orientation.activated.connect(self._on_choice_made)
        self.resolution.activated.connect(self._on_choice_made)
        self.layout_choice.activated.connect(self._on_choice_made)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.background.editingFinished.connect(self._on_background_edited)
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.switch_button.clicked.connect(self._on_switch_clicked)
        setup.link.connected.connect(self._on_link_connected)
        setup.changed.connect(self._on_setup_changed)
        self._render()
        spawn(self._load_preview(), name="setup-preview")

    # ----- what the panel shows ----------------------------------------------------------------
    def _render(self) -> None:
        state = self.state
        if state is None:
            self.current.setText(self.tr("OBS: not read yet (connect to OBS)."))
        else:
            w, h = state.output
            kbps = (self.tr("{kbps} kbps").format(kbps=state.video_kbps) if state.video_kbps
                    else self.tr("bitrate set in OBS (Advanced mode)"))
            shape = self.tr("portrait") if state.portrait else self.tr("landscape")
            self.current.setText(self.tr("OBS now: output {w}×{h} ({shape}), {kbps}").format(
                w=w, h=h, shape=shape, kbps=kbps))
        target = self.switch_target()
        self.switch_button.setText(self.tr("Drop to 720P now (when the stream stutters)")
                                   if target == "720p" else self.tr("Switch to 1080P"))
        for button in (self.apply_button, self.switch_button, self.refresh_button):
            button.setEnabled(not self._busy)

    def switch_target(self) -> str:
        """What the one-click button switches to: 720P from 1080P, else 1080P."""
        resolution = self.state.resolution if self.state else None
        return "720p" if resolution is not None and resolution.name == "1080p" else "1080p"

    def _show_devices(self, devices: Devices) -> None:
        keep_camera, keep_window = self.camera_choice.currentData(), self.window_choice.currentData()
        self.camera_choice.clear()
        self.camera_choice.addItem(self.tr("(keep what OBS has / first camera)"), None)
        for choice in devices.cameras:
            self.camera_choice.addItem(choice.name, choice.value)
        self.window_choice.clear()
        self.window_choice.addItem(self.tr("(keep what OBS has / open slide show)"), None)
        for choice in devices.windows:
            self.window_choice.addItem(choice.name, choice.value)
        self._select(self.camera_choice, keep_camera)
        self._select(self.window_choice, keep_window or devices.preselected_window)
        if devices.notes:
            self.message.show_message(" ".join(devices.notes), "info")

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value) if value is not None else -1
        if index >= 0:
            combo.setCurrentIndex(index)

    def plan(self) -> SetupPlan:
        return SetupPlan(resolution(str(self.resolution.currentData())),
                         portrait=bool(self.orientation.currentData()),
                         background=Path(self.background.text().strip()),
                         layout=str(self.layout_choice.currentData()),
                         camera=self.camera_choice.currentData(), window=self.window_choice.currentData())

    # ----- the host's choices, kept across restarts ---------------------------------------------------
    def _prefs(self) -> dict[str, object]:
        if self.settings is None:
            return {}
        section = self.settings.extra.get(PREFS)
        if not isinstance(section, dict):
            section = {}
            self.settings.extra[PREFS] = section
        return section

    def _restore_choices(self) -> None:
        prefs = self._prefs()
        background = prefs.get("background")
        if isinstance(background, str) and background:
            self.background.setText(background)
        for combo, key in ((self.orientation, "portrait"), (self.resolution, "resolution"),
                           (self.layout_choice, "layout")):
            if key in prefs:
                self._select(combo, prefs[key])

    def remember_choices(self) -> None:
        """Into the settings file, off the Qt thread (the next start opens with them)."""
        if self.settings is None:
            return
        prefs = self._prefs()
        prefs.update({"portrait": bool(self.orientation.currentData()),
                      "background": self.background.text().strip(),
                      "resolution": str(self.resolution.currentData()),
                      "layout": str(self.layout_choice.currentData())})
        spawn(asyncio.to_thread(self.settings.save), name="setup-remember")

    def _on_choice_made(self, _index: int = 0) -> None:
        self.remember_choices()

    # ----- slots -------------------------------------------------------------------------------
    def _on_link_connected(self) -> None:
        # Listing devices makes a short-lived probe scene in OBS: do it only when someone is
        # looking at this panel, never behind the producer's back on every (re)connect.
        if self.isVisible():
            self._refresh()
        else:
            self._refresh_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.setup.link.state is LinkState.CONNECTED:
            self._refresh()

    def _on_setup_changed(self) -> None:
        self._refresh_state()

    def _on_refresh_clicked(self) -> None:
        self._refresh()

    def _on_apply_clicked(self) -> None:
        self._start(self.tr("Applying to OBS…"))
        run_action(self._apply(), self.message, name="setup-apply", finally_=self._done)

    def _on_switch_clicked(self) -> None:
        target = self.switch_target()
        self._start(self.tr("Switching to {label}…").format(label=target.upper()))
        run_action(self._switch(target), self.message, name="setup-switch", finally_=self._done)

    def _on_browse_clicked(self) -> None:
        # open(), not exec(): no nested event loop under qasync.
        patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
        self._dialog = QFileDialog(self, self.tr("Choose a background picture"),
                                   str(Path(self.background.text()).parent),
                                   self.tr("Pictures ({patterns})").format(patterns=patterns))
        self._dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self._dialog.fileSelected.connect(self._on_dialog_file_selected)
        self._dialog.open()

    def _on_dialog_file_selected(self, path: str) -> None:
        self.background.setText(path)
        self._on_background_edited()

    def _on_background_edited(self) -> None:
        spawn(self._load_preview(), name="setup-preview")
        self.remember_choices()

    # ----- work --------------------------------------------------------------------------------
    async def _load_preview(self) -> None:
        path = self.background.text().strip()
        image = await asyncio.to_thread(QImage, path)  # file reading off the Qt thread
        if image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No picture to show"))
            return
        self.preview.setText("")
        self.preview.setPixmap(QPixmap.fromImage(image).scaledToHeight(
            PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation))

    def _refresh(self) -> None:
        """OBS's state, then its device lists (listing makes a short-lived probe scene in OBS)."""
        run_action(self._read_state(), self.message, name="setup-state", finally_=self._list_devices)

    def _refresh_state(self) -> None:
        run_action(self._read_state(), self.message, name="setup-state")

    def _list_devices(self) -> None:
        run_action(self._read_devices(), self.message, name="setup-refresh")

    async def _read_devices(self) -> None:
        self.devices = await self.setup.list_devices()
        self._show_devices(self.devices)

    async def _read_state(self) -> None:
        self.state = await self.setup.read_state()
        # The form keeps the host's choice (portrait by default); OBS's own shape is in the line above.
        if self.state.resolution is not None and "resolution" not in self._prefs():
            self._select(self.resolution, self.state.resolution.name)
        self._render()

    def _start(self, work: str) -> None:
        self._busy = True
        self._render()
        self.message.show_message(work, "info")

    def _done(self) -> None:
        self._busy = False
        self._render()

    def _show_report(self, report: SetupReport) -> None:
        self.message.show_message(report.summary(), "info" if report.manual_steps else "ok")

    async def _apply(self) -> None:
        self._show_report(await self.setup.apply(self.plan()))

    async def _switch(self, target: str) -> None:
        self._show_report(await self.setup.switch_resolution(resolution(target)))
