"""The first-run wizard (also in the Help menu): find OBS, connect, keep the password, get ready.

Two steps in one small window beside the main window (never ``exec()``: the loop keeps running):

1. **Connect to OBS** — address and password, "Check". What ``studio.obs.firstrun.diagnose``
   finds is shown in plain words: OBS not running; WebSocket server off, with the menu path in the
   user's OBS language; wrong password (type it again); connected. On success the password goes
   to the keyring, and the wizard says which keyring.
2. **Ready for a rehearsal** — offers the portrait setup (opens the setup page after the wizard)
   and a copy of the example plan in the user's documents; "Finish" leaves the main window
   connected.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core import EXAMPLE_PLAN, StudioCore
from studio.obs.firstrun import (
    Diagnosis,
    ObsInstall,
    copy_example_plan,
    diagnose,
    keyring_label,
    read_obs_install,
)
from studio.obs.link import ConnectionTarget
from studio.tasks import spawn
from ui.widgets import MessageLine, run_action

FIRST_RUN_DONE = "first_run_done"  # Settings.extra key: the wizard was finished once


class FirstRunWizard(QWidget):
    finished = Signal()  # the user pressed Finish: the main window is connected
    portrait_setup_requested = Signal()  # the user asked for the portrait setup next

    def __init__(self, core: StudioCore, *, obs_config_dir: Path | None = None,
                 documents: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.core = core
        self._obs_config_dir = obs_config_dir
        self._documents = documents
        self.diagnosis: Diagnosis | None = None
        self.plan_copy: Path | None = None
        self.setWindowTitle(self.tr("Welcome to Studio Console"))
        self.setMinimumWidth(560)

        # --- step 1: connect ---
        connect = QWidget()
        intro = QLabel(self.tr("Studio Console works beside OBS Studio. First, let it connect to OBS."))
        intro.setWordWrap(True)
        self.host = QLineEdit(core.settings.obs.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(core.settings.obs.port)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("OBS WebSocket password"))
        form = QFormLayout()
        form.addRow(self.tr("OBS address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Password"), self.password)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setDefault(True)
        self.status = QLabel()
        self.status.setObjectName("wizardStatus")
        self.status.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setObjectName("wizardAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_in = MessageLine()
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setEnabled(False)
        c = QVBoxLayout(connect)
        c.addWidget(intro)
        c.addLayout(form)
        c.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        c.addWidget(self.status)
        c.addWidget(self.advice)
        c.addWidget(self.saved_in)
        c.addStretch(1)
        c.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)

        # --- step 2: ready ---
        ready = QWidget()
        done = QLabel(self.tr("OBS is connected. A few things that help before the first rehearsal:"))
        done.setWordWrap(True)
        self.portrait = QCheckBox(self.tr("Set up the portrait (vertical) scenes in OBS next"))
        self.portrait.setChecked(True)
        self.example = QCheckBox(self.tr("Put a copy of the example show plan in my Documents folder"))
        self.example.setChecked(True)
        self.ready_message = QLabel()
        self.ready_message.setWordWrap(True)
        self.finish_button = QPushButton(self.tr("Finish"))
        r = QVBoxLayout(ready)
        r.addWidget(done)
        r.addWidget(self.portrait)
        r.addWidget(self.example)
        r.addWidget(self.ready_message)
        r.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        r.addLayout(buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(connect)
        self.pages.addWidget(ready)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.check_button.clicked.connect(self._on_check_clicked)
        self.password.returnPressed.connect(self._on_check_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.finish_button.clicked.connect(self._on_finish_clicked)
        self._busy: asyncio.Task[Diagnosis] | None = None

    # ----- step 1 ------------------------------------------------------------------------------
    def _target(self) -> ConnectionTarget:
        return ConnectionTarget(self.host.text().strip() or "127.0.0.1", self.port.value(), self.password.text())

    def _on_check_clicked(self) -> None:
        if self._busy is None or self._busy.done():
            self._busy = spawn(self.check(), name="first-run-check")

    async def check(self) -> Diagnosis:
        """One check, shown on the page; on success the connection is saved (settings + keyring)."""
        self.check_button.setEnabled(False)
        self.status.setText(self.tr("Looking for OBS…"))
        self.advice.clear()
        try:
            install: ObsInstall = await asyncio.to_thread(read_obs_install, self._obs_config_dir)
            target = self._target()
            found = await diagnose(target, install)
            self.diagnosis = found
            self.status.setText(found.title)
            self.advice.setText(found.advice)
            self.status.setProperty("kind", found.kind)
            if found.kind == "wrong_password":
                self.password.selectAll()
                self.password.setFocus()
            if found.kind == "connected":
                # A keyring that refuses is said plainly: the password is used for this session.
                await run_action(self._save(target), self.saved_in, name="first-run-save",
                                 done_text=self._saved_text)
                self.next_button.setEnabled(True)
            return found
        finally:
            self.check_button.setEnabled(True)

    async def _save(self, target: ConnectionTarget) -> str:
        """Save the connection; returns the keyring's name (a refusing keyring raises its UserError)."""
        await self.core.set_connection(target.host, target.port, target.password)
        return await asyncio.to_thread(self.core.store.backend_name)

    def _saved_text(self, backend: str) -> str:
        return self.tr("The password is saved in {keyring}, not in a file.").format(keyring=keyring_label(backend))

    def _on_next_clicked(self) -> None:
        self.pages.setCurrentIndex(1)

    # ----- step 2 ------------------------------------------------------------------------------
    def _on_finish_clicked(self) -> None:
        spawn(self.finish(), name="first-run-finish")

    async def finish(self) -> None:
        if self.example.isChecked():
            documents = self._documents or Path(platformdirs.user_documents_dir())
            try:
                self.plan_copy = await asyncio.to_thread(copy_example_plan, EXAMPLE_PLAN, documents)
            except OSError as e:
                self.ready_message.setText(self.tr("Could not copy the example plan to {folder}: {error}").format(
                    folder=str(documents), error=e.strerror or str(e)))
                return
            self.core.settings.extra["show_plan"] = str(self.plan_copy)
        self.core.settings.extra[FIRST_RUN_DONE] = True
        await asyncio.to_thread(self.core.settings.save)
        if self.plan_copy is not None:
            self.ready_message.setText(self.tr("The example plan is at {path}: open it in the plan editor and "
                                               "make it yours.").format(path=str(self.plan_copy)))
        self.core.link.start()  # no-op when already running: it reconnects with the saved password
        if self.portrait.isChecked():
            self.portrait_setup_requested.emit()
        self.finished.emit()
        self.close()


def open_first_run(core: StudioCore, parent: QWidget | None = None,
                   on_portrait_setup: Callable[[], None] | None = None) -> FirstRunWizard:
    """Show the wizard beside ``parent`` (the main window); returns it (it deletes itself on close)."""
    wizard = FirstRunWizard(core, parent=parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_portrait_setup is not None:
        wizard.portrait_setup_requested.connect(on_portrait_setup)
    wizard.show()
    if QGuiApplication.platformName() != "offscreen":  # no window stacking there (Qt warns)
        wizard.raise_()
    return wizard
