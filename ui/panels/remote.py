"""Remote control settings: the switch, the phone's QR code and link, LAN mode, a new token, and
global hotkeys per action.

``RemotePanel(remote, hotkeys)`` (``studio.remote.service.RemoteControl`` and
``studio.remote.hotkeys.service.GlobalHotkeys``). The link carries the token: it is shown masked
(a screen capture or a glance over the shoulder gives nothing away); "Copy" copies it whole, and
the QR code is drawn only on request.
"""

from __future__ import annotations

import sys

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.keys.store import mask_secret
from studio.remote.hotkeys.service import GlobalHotkeys
from studio.remote.service import RemoteControl
from ui.widgets import MessageLine, run_action

QR_SCALE = 6


def qr_image(text: str, scale: int = QR_SCALE) -> QImage:
    """A QR code as a QImage, drawn from segno's matrix (pure Python; no image library)."""
    code = segno.make(text, error="m")
    rows = [list(row) for row in code.matrix_iter(scale=scale, border=2)]
    image = QImage(len(rows[0]), len(rows), QImage.Format.Format_Mono)
    image.setColor(0, 0xFFFFFFFF)
    image.setColor(1, 0xFF000000)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            image.setPixel(x, y, 1 if dark else 0)
    return image


def combo_text(sequence: QKeySequence) -> str:
    """Qt's key sequence as our combo spelling (on macOS Qt calls ⌘ "Ctrl" and Control "Meta")."""
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    if sys.platform == "darwin":
        text = "+".join({"Ctrl": "Cmd", "Meta": "Ctrl"}.get(p, p) for p in text.split("+"))
    return text


class RemotePanel(QWidget):
    def __init__(self, remote: RemoteControl, hotkeys: GlobalHotkeys, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remote = remote
        self.hotkeys = hotkeys
        self.qr_text = ""  # what the QR code on screen holds

        self.switch = QCheckBox(self.tr("Allow remote control (phone, Stream Deck, Companion)"))
        self.switch.setObjectName("remoteSwitch")
        self.lan = QCheckBox(self.tr("Also on the local network (a phone on the same Wi-Fi)"))
        self.lan.setObjectName("remoteLan")
        self.lan_warning = QLabel()
        self.lan_warning.setObjectName("remoteLanWarning")
        self.lan_warning.setWordWrap(True)
        self.lan_warning.setStyleSheet("color: #b06000; font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("remoteStatus")
        self.status.setWordWrap(True)

        self.url = QLineEdit()
        self.url.setObjectName("remoteUrl")
        self.url.setReadOnly(True)
        self.copy = QPushButton(self.tr("Copy link"))
        self.copy.setObjectName("remoteCopy")
        self.show_qr = QPushButton(self.tr("Show QR code"))
        self.show_qr.setObjectName("remoteShowQr")
        self.show_qr.setCheckable(True)
        self.qr = QLabel()
        self.qr.setObjectName("remoteQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rotate = QPushButton(self.tr("New token (old links stop working)"))
        self.rotate.setObjectName("remoteRotate")
        self.deck_key = QComboBox()
        self.deck_key.setObjectName("remoteDeckKey")
        self.copy_deck = QPushButton(self.tr("Copy Stream Deck URL"))
        self.copy_deck.setObjectName("remoteCopyDeck")
        self.message = MessageLine()

        link_row = QHBoxLayout()
        link_row.addWidget(self.url, 1)
        link_row.addWidget(self.copy)
        link_row.addWidget(self.show_qr)
        deck_row = QHBoxLayout()
        deck_row.addWidget(QLabel(self.tr("Stream Deck “Website” button for:")))
        deck_row.addWidget(self.deck_key, 1)
        deck_row.addWidget(self.copy_deck)
        api_box = QGroupBox(self.tr("Phone and Stream Deck"))
        api = QVBoxLayout(api_box)
        api.addWidget(self.switch)
        api.addWidget(self.lan)
        api.addWidget(self.lan_warning)
        api.addWidget(self.status)
        api.addLayout(link_row)
        api.addWidget(self.qr)
        api.addLayout(deck_row)
        api.addWidget(self.rotate)

        self.hotkey_box = QGroupBox(self.tr("Global hotkeys (work while the console is minimised)"))
        self.hotkey_grid = QGridLayout(self.hotkey_box)
        self.hotkey_note = QLabel(self.tr("Combos only (Ctrl, Alt or Super with a key), saved with this show plan."))
        self.hotkey_note.setWordWrap(True)
        self.hotkey_grid.addWidget(self.hotkey_note, 0, 0, 1, 3)
        self.editors: dict[str, QKeySequenceEdit] = {}
        self.problems: dict[str, QLabel] = {}
        for row, key in enumerate(hotkeys.pad.keys(), start=1):
            editor = QKeySequenceEdit()
            editor.setObjectName(f"hotkey_{key.id}")
            editor.setMaximumSequenceLength(1)
            editor.setClearButtonEnabled(True)
            problem = QLabel()
            problem.setObjectName(f"hotkey_{key.id}_problem")
            problem.setWordWrap(True)
            problem.setStyleSheet("color: #b3261e;")
            self.editors[key.id], self.problems[key.id] = editor, problem
            self.hotkey_grid.addWidget(QLabel(key.label), row, 0)
            self.hotkey_grid.addWidget(editor, row, 1)
            self.hotkey_grid.addWidget(problem, row, 2)
            editor.editingFinished.connect(lambda k=key.id: self._on_hotkey_edited(k))
            editor.keySequenceChanged.connect(lambda seq, k=key.id: self._on_hotkey_changed(k, seq))
            self.deck_key.addItem(key.label, key.id)
        self.hotkey_last = QLabel()
        self.hotkey_last.setObjectName("hotkeyLast")
        self.hotkey_grid.addWidget(self.hotkey_last, len(self.editors) + 1, 0, 1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(api_box)
        layout.addWidget(self.hotkey_box)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.switch.toggled.connect(self._on_switch_toggled)
        self.lan.toggled.connect(self._on_lan_toggled)
        self.copy.clicked.connect(self._on_copy_clicked)
        self.copy_deck.clicked.connect(self._on_copy_deck_clicked)
        self.show_qr.toggled.connect(self._on_show_qr_toggled)
        self.rotate.clicked.connect(self._on_rotate_clicked)
        remote.changed.connect(self._render)
        hotkeys.changed.connect(self._render_hotkeys)
        self._render()
        self._render_hotkeys()

    # --- rendering ----------------------------------------------------------------------------

    def _render(self) -> None:
        remote = self.remote
        for box, value in ((self.switch, remote.enabled or remote.running), (self.lan, remote.lan)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        running = remote.running
        base = remote.base_url()
        if running and base:
            self.status.setText(self.tr("On: {url}").format(url=base))
        elif remote.problem:
            self.status.setText(self.tr("Off: {problem}").format(problem=remote.problem))
        else:
            self.status.setText(self.tr("Off. Nothing outside this window can press a button."))
        if remote.exposed and running:
            self.lan_warning.setText(self.tr(
                "LAN mode: this computer answers at {address} port {port} on the local network. Anyone on "
                "this network who gets the link or QR code can press the buttons; turn LAN mode off when "
                "the phone is not needed.").format(address=remote.exposed, port=remote.api.port if remote.api else 0))
            self.lan_warning.show()
        else:
            self.lan_warning.hide()
        url = remote.phone_url()
        token = remote.token or ""
        self.url.setText(url.replace(token, mask_secret(token)) if url else "")
        for widget in (self.url, self.copy, self.show_qr, self.rotate, self.copy_deck, self.deck_key):
            widget.setEnabled(url is not None)
        self._render_qr(url)

    def _render_qr(self, url: str | None) -> None:
        if url and self.show_qr.isChecked():
            if url != self.qr_text:
                self.qr.setPixmap(QPixmap.fromImage(qr_image(url)))
                self.qr_text = url
            self.qr.show()
        else:
            self.qr.clear()
            self.qr_text = ""
            self.qr.hide()

    def _render_hotkeys(self) -> None:
        bindings = self.hotkeys.bindings()
        for key_id, editor in self.editors.items():
            # What is saved, also after a refused combo (its reason shows beside it).
            editor.blockSignals(True)
            editor.setKeySequence(QKeySequence(bindings.get(key_id, "").replace("Super", "Meta")))
            editor.blockSignals(False)
            self.problems[key_id].setText(self.hotkeys.problems.get(key_id, ""))
        if self.hotkeys.backend_problem:
            self.hotkey_last.setText(self.hotkeys.backend_problem)
        else:
            self.hotkey_last.setText(self.hotkeys.last_press)

    # --- slots --------------------------------------------------------------------------------

    def _on_switch_toggled(self, on: bool) -> None:
        run_action(self.remote.switch(on), self.message, name="remote-switch")

    def _on_lan_toggled(self, on: bool) -> None:
        run_action(self.remote.set_lan(on), self.message, name="remote-lan")

    def _on_copy_clicked(self) -> None:
        url = self.remote.phone_url()
        if url:
            QGuiApplication.clipboard().setText(url)
            self.message.show_message(self.tr("Link copied. It opens the buttons: share it only with "
                                              "your team."), "ok")

    def _on_copy_deck_clicked(self) -> None:
        url = self.remote.button_url(str(self.deck_key.currentData()))
        if url:
            QGuiApplication.clipboard().setText(url)
            self.message.show_message(self.tr("Stream Deck URL copied: paste it into a “Website” action "
                                              "with “GET request in background” ticked."), "ok")

    def _on_show_qr_toggled(self, _on: bool) -> None:
        self._render_qr(self.remote.phone_url())

    def _on_rotate_clicked(self) -> None:
        run_action(self.remote.rotate_token(), self.message, name="remote-rotate",
                   done_text=self.tr("New token made: scan the QR code again on the phone and update the "
                                     "Stream Deck buttons."))

    def _on_hotkey_changed(self, key_id: str, sequence: QKeySequence) -> None:
        if sequence.isEmpty() and key_id in self.hotkeys.bindings():  # the clear button
            run_action(self.hotkeys.set_binding(key_id, None), self.message, name="hotkey-clear")

    def _on_hotkey_edited(self, key_id: str) -> None:
        sequence = self.editors[key_id].keySequence()
        text = combo_text(sequence) if not sequence.isEmpty() else None
        if text == (self.hotkeys.bindings().get(key_id) or None):
            return
        run_action(self.hotkeys.set_binding(key_id, text), self.message, name="hotkey-set")
