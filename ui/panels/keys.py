"""The push-keys panel (推流密钥): paste the live console's push address, keep it per live room in the
system keyring, see when it expires, and put it into OBS.

The key is shown masked. "Hold to show" reveals it only while the button is held down; "Copy"
puts it on the clipboard. A pasted address leaves the paste box as soon as it is read, so the key
does not sit on screen in clear. Keyring and settings calls run off the Qt thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.errors import UserError
from studio.keys.apply import ObsRequester, apply_to_obs, expiry_warning, local_time_text
from studio.keys.pushurl import PushAddress, PushAddressError, now_utc, parse_push_address
from studio.keys.rooms import PushRooms, RoomEntry, clean_room_name
from studio.redact import register_secret
from studio.tasks import spawn
from ui.widgets import MessageLine, run_action

COUNTDOWN_INTERVAL_MS = 1000
PASTE_LIMIT = 16 * 1024  # characters: a chat message with an address is far shorter
SOON_SECONDS = 2 * 3600  # the countdown turns orange this long before the key expires


class PasteBox(QPlainTextEdit):
    """The paste box: a paste far too long to be a push address never enters the document (laying
    out a megabyte of one-line chat froze the window for a second), ``refused`` says so instead."""

    refused = Signal(int)  # characters of the refused paste

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText() and len(source.text()) > PASTE_LIMIT:
            self.refused.emit(len(source.text()))
            return
        super().insertFromMimeData(source)


class KeysPanel(QWidget):
    """``KeysPanel(rooms, link, clock=now_utc, planned_end=None)``.

    ``planned_end()`` returns when the show is planned to end (or None); a key expiring earlier
    gets a warning.
    """

    def __init__(self, rooms: PushRooms, link: ObsRequester, *,
                 clock: Callable[[], datetime] = now_utc,
                 planned_end: Callable[[], datetime | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rooms = rooms
        self.link = link
        self.clock = clock
        self.planned_end = planned_end or (lambda: None)
        self.address: PushAddress | None = None  # the one shown in the preview
        self._entries: list[RoomEntry] = []
        self._paste_generation = 0
        self.paste_task: asyncio.Task[None] | None = None  # the paste being read (tests wait on it)

        self.title = QLabel(self.tr("Push keys (推流密钥)"))
        self.title.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.paste_box = PasteBox()
        self.paste_box.setObjectName("pasteBox")
        self.paste_box.setPlaceholderText(self.tr(
            "Paste the push address (推流地址) from the live console here — the whole chat message is fine."))
        self.paste_box.setMaximumHeight(70)

        self.server_label = QLabel("—")
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label = QLabel("—")
        self.key_label.setObjectName("maskedKey")
        self.key_label.setStyleSheet("font-family: monospace;")
        self.reveal_button = QPushButton(self.tr("Hold to show"))
        self.reveal_button.setToolTip(self.tr("The key is shown only while you hold the button down"))
        self.copy_button = QPushButton(self.tr("Copy key"))
        self.expiry_label = QLabel("—")
        self.expiry_label.setObjectName("expiry")
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_label, 1)
        key_row.addWidget(self.reveal_button)
        key_row.addWidget(self.copy_button)
        self.room_name = QLineEdit()
        self.room_name.setPlaceholderText(self.tr("Room name, e.g. 周五美妆专场"))
        self.save_button = QPushButton(self.tr("Save for this room"))
        name_row = QHBoxLayout()
        name_row.addWidget(self.room_name, 1)
        name_row.addWidget(self.save_button)
        preview = QFormLayout()
        preview.addRow(self.tr("Server"), self.server_label)
        preview.addRow(self.tr("Stream key"), key_row)
        preview.addRow(self.tr("Expires"), self.expiry_label)
        preview.addRow(self.tr("Live room"), name_row)

        self.room_list = QTreeWidget()
        self.room_list.setObjectName("roomList")
        self.room_list.setHeaderLabels([self.tr("Live room"), self.tr("Server"), self.tr("Expires in")])
        self.room_list.setRootIsDecorated(False)
        self.apply_button = QPushButton(self.tr("Apply to OBS"))
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setToolTip(self.tr("Sets OBS's server and stream key; not while streaming"))
        self.delete_button = QPushButton(self.tr("Delete room"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button, 1)
        buttons.addWidget(self.delete_button)
        self.message = MessageLine()
        # Saving over a room that already has a push address asks first (whose key, its expiry).
        self.overwrite_bar = QFrame()
        self.overwrite_bar.setObjectName("overwriteConfirm")
        self.overwrite_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.overwrite_text = QLabel()
        self.overwrite_text.setWordWrap(True)
        self.overwrite_yes = QPushButton(self.tr("Replace it"))
        self.overwrite_no = QPushButton(self.tr("Cancel"))
        confirm_row = QHBoxLayout(self.overwrite_bar)
        confirm_row.addWidget(self.overwrite_text, 1)
        confirm_row.addWidget(self.overwrite_yes)
        confirm_row.addWidget(self.overwrite_no)
        self.overwrite_bar.setVisible(False)
        self._overwrite: tuple[str, PushAddress] | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.paste_box)
        layout.addLayout(preview)
        layout.addWidget(self.overwrite_bar)
        layout.addWidget(QLabel(self.tr("Saved rooms")))
        layout.addWidget(self.room_list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.countdown = QTimer(self)
        self.countdown.setInterval(COUNTDOWN_INTERVAL_MS)
        self.countdown.timeout.connect(self._on_countdown_timeout)
        self.countdown.start()

        self.paste_box.textChanged.connect(self._on_paste_box_changed)
        self.paste_box.refused.connect(self._on_paste_box_refused)
        self.reveal_button.pressed.connect(self._on_reveal_pressed)
        self.reveal_button.released.connect(self._on_reveal_released)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.room_name.returnPressed.connect(self._on_save_clicked)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.overwrite_yes.clicked.connect(self._on_overwrite_yes_clicked)
        self.overwrite_no.clicked.connect(self._on_overwrite_no_clicked)
        self.room_list.currentItemChanged.connect(self._on_room_list_current_changed)
        self._show_address(None)
        # A room saved or deleted outside the window (the CLI) shows up here.
        rooms.settings.changed.connect(self._on_settings_changed)
        self._refresh()

    # ----- text ----------------------------------------------------------------------------------
    def countdown_text(self, seconds: float | None) -> str:
        if seconds is None:
            return self.tr("no expiry")
        if seconds <= 0:
            return self.tr("EXPIRED — get a new address")
        minutes = int(seconds // 60)
        if minutes >= 48 * 60:
            return self.tr("{days} days").format(days=minutes // (24 * 60))
        if minutes >= 60:
            return self.tr("{hours} h {minutes} min").format(hours=minutes // 60, minutes=minutes % 60)
        if minutes >= 1:
            return self.tr("{minutes} min {seconds} s").format(minutes=minutes, seconds=int(seconds) % 60)
        return self.tr("{seconds} s").format(seconds=int(seconds))

    def _expiry_line(self, address: PushAddress) -> str:
        if address.expires_at is None:
            return self.tr("No expiry time in this address")
        left = address.expires_in_seconds(self.clock())
        if left is not None and left > 0:
            return self.tr("{time} (in {countdown})").format(
                time=local_time_text(address.expires_at), countdown=self.countdown_text(left))
        return self.tr("{time} — EXPIRED, get a new push address").format(
            time=local_time_text(address.expires_at))

    # ----- rendering -----------------------------------------------------------------------------
    def _show_address(self, address: PushAddress | None) -> None:
        self.address = address
        has = address is not None
        for widget in (self.reveal_button, self.copy_button, self.save_button):
            widget.setEnabled(has)
        self.apply_button.setEnabled(has)
        if address is None:
            self.server_label.setText("—")
            self.key_label.setText("—")
            self.expiry_label.setText("—")
            return
        self.server_label.setText(address.server)
        self.key_label.setText(address.masked_key)
        self._render_expiry()

    def _render_expiry(self) -> None:
        if self.address is None:
            return
        self.expiry_label.setText(self._expiry_line(self.address))
        left = self.address.expires_in_seconds(self.clock())
        colour = "#b3261e" if left is not None and left <= 0 else \
            "#c77700" if left is not None and left < SOON_SECONDS else "palette(text)"
        self.expiry_label.setStyleSheet(f"color: {colour};")

    def _render_rooms(self) -> None:
        current = self.selected_room()
        self.room_list.blockSignals(True)
        self.room_list.clear()
        now = self.clock()
        for entry in self._entries:
            left = None if entry.expires_at is None else (entry.expires_at - now).total_seconds()
            item = QTreeWidgetItem([entry.name, entry.host, self.countdown_text(left)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.name)
            if left is not None and left <= 0:
                item.setForeground(2, Qt.GlobalColor.red)
            self.room_list.addTopLevelItem(item)
            if entry.name == current:
                self.room_list.setCurrentItem(item)
        self.room_list.blockSignals(False)
        self.delete_button.setEnabled(self.selected_room() is not None)

    def selected_room(self) -> str | None:
        item = self.room_list.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def room_rows(self) -> list[tuple[str, str, str]]:
        """What the saved-rooms list shows (for tests and screen readers)."""
        items = (self.room_list.topLevelItem(i) for i in range(self.room_list.topLevelItemCount()))
        return [(item.text(0), item.text(1), item.text(2)) for item in items if item is not None]

    # ----- async work (keyring and OBS off the Qt thread) --------------------------------------
    def _refresh(self) -> None:
        run_action(self.refresh(), self.message, name="keys-refresh")

    async def refresh(self) -> None:
        """Re-read the saved rooms (a keyring that refuses raises its UserError)."""
        self._entries = await asyncio.to_thread(self.rooms.entries)
        self._render_rooms()

    async def _save(self, name: str, address: PushAddress) -> None:
        entry = await asyncio.to_thread(self.rooms.save, name, address)
        await self.refresh()
        self._select(entry.name)
        self.message.show_message(self.tr("Saved for “{room}” in the system keyring.").format(
            room=entry.name), "ok")
        self._warn_if_expiring(address)

    async def _load(self, name: str) -> None:
        address = await asyncio.to_thread(self.rooms.load, name)
        if self.selected_room() == name:  # the user may have moved on meanwhile
            self._show_address(address)
            self.room_name.setText(name)
            self.message.clear_message()
            self._warn_if_expiring(address)

    async def _apply(self, address: PushAddress) -> None:
        applied = await apply_to_obs(self.link, address, now=self.clock())
        text = self.tr("OBS now pushes to {server} with key {key} — read back from OBS and checked.").format(
            server=applied.server, key=applied.masked_key)
        warning = expiry_warning(address.expires_at, self.planned_end(), now=self.clock())
        self.message.show_message(text + ("\n" + warning if warning else ""), "error" if warning else "ok")

    async def _delete(self, name: str) -> None:
        await asyncio.to_thread(self.rooms.delete, name)
        self._show_address(None)
        await self.refresh()
        self.message.show_message(self.tr("Deleted “{room}”.").format(room=name), "ok")

    def _warn_if_expiring(self, address: PushAddress) -> None:
        warning = expiry_warning(address.expires_at, self.planned_end(), now=self.clock())
        if warning:
            self.message.show_message(warning, "error")

    def _select(self, name: str) -> None:
        for i in range(self.room_list.topLevelItemCount()):
            item = self.room_list.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == name:
                self.room_list.blockSignals(True)
                self.room_list.setCurrentItem(item)
                self.room_list.blockSignals(False)
                self.delete_button.setEnabled(True)

    # ----- slots -----------------------------------------------------------------------------------
    def _on_paste_box_changed(self) -> None:
        text = self.paste_box.toPlainText()
        self._paste_generation += 1  # a newer paste makes an older one's answer moot
        if not text.strip():
            return
        if len(text) > PASTE_LIMIT:  # typed or set by a program: not an address either
            self._clear_paste_box()
            self._on_paste_box_refused(len(text))
            return
        self.paste_task = spawn(self._read_paste(text, self._paste_generation), name="keys-paste")

    def _on_paste_box_refused(self, _characters: int) -> None:
        self.message.show_message(self.tr(
            "That is far too long to be a push address. Copy only the address (推流地址) from the "
            "live console."), "error")

    async def _read_paste(self, text: str, generation: int) -> None:
        """Parsing runs off the Qt thread: a long chat message never freezes the window."""

        def parse() -> PushAddress:
            register_secret(text.strip())
            return parse_push_address(text)

        try:
            address = await asyncio.to_thread(parse)
        except PushAddressError as e:
            if generation == self._paste_generation:
                self.message.show_message(str(e), "error")
            return
        if generation != self._paste_generation:
            return
        self._take_pasted(address)

    def _clear_paste_box(self) -> None:
        self.paste_box.blockSignals(True)
        self.paste_box.clear()
        self.paste_box.blockSignals(False)

    def _take_pasted(self, address: PushAddress) -> None:
        # Read: take the address out of the box so the key is not left on screen in clear.
        self.paste_box.blockSignals(True)
        self.paste_box.clear()
        self.paste_box.blockSignals(False)
        self.room_list.blockSignals(True)
        self.room_list.setCurrentIndex(QModelIndex())  # the preview is no saved room now
        self.room_list.blockSignals(False)
        self._show_address(address)
        self.room_name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message.show_message(self.tr("Push address read. Give the live room a name and save it."), "ok")
        self._warn_if_expiring(address)

    def _on_reveal_pressed(self) -> None:
        if self.address is not None:
            self.key_label.setText(self.address.key)

    def _on_reveal_released(self) -> None:
        if self.address is not None:
            self.key_label.setText(self.address.masked_key)

    def _on_copy_clicked(self) -> None:
        if self.address is None:
            return
        QGuiApplication.clipboard().setText(self.address.key)
        self.message.show_message(self.tr("Stream key copied. Paste it only into OBS."), "ok")

    def _on_save_clicked(self) -> None:
        if self.address is None:
            return
        try:
            name = clean_room_name(self.room_name.text())
        except UserError:
            name = ""  # _save says what is wrong with the name
        existing = next((e for e in self._entries if e.name == name), None)
        if existing is not None:
            spawn(self._ask_overwrite(existing, self.address), name="keys-ask-overwrite")
            return
        run_action(self._save(self.room_name.text(), self.address), self.message, name="keys-save")

    async def _ask_overwrite(self, existing: RoomEntry, address: PushAddress) -> None:
        try:
            masked = await asyncio.to_thread(self.rooms.masked_key, existing.name)
        except UserError:
            masked = self.tr("a key no longer in the keyring")
        expiry = local_time_text(existing.expires_at) if existing.expires_at else self.tr("no expiry")
        self._overwrite = (existing.name, address)
        self.overwrite_text.setText(self.tr(
            "“{room}” already has a saved push address: key {key} for {server}, expires {expiry}. Replace "
            "it with the new one (key {new_key}, expires {new_expiry})?").format(
                room=existing.name, key=masked, server=existing.host or "?", expiry=expiry,
                new_key=address.masked_key,
                new_expiry=local_time_text(address.expires_at) if address.expires_at else self.tr("no expiry")))
        self.overwrite_bar.setVisible(True)
        self.overwrite_no.setFocus()

    def _on_overwrite_yes_clicked(self) -> None:
        self.overwrite_bar.setVisible(False)
        if self._overwrite is not None:
            name, address = self._overwrite
            self._overwrite = None
            run_action(self._save(name, address), self.message, name="keys-save")

    def _on_overwrite_no_clicked(self) -> None:
        self.overwrite_bar.setVisible(False)
        self._overwrite = None
        self.message.show_message(self.tr("Not saved. Give the new address another room name, or replace "
                                          "the saved one."), "info")

    def _on_apply_clicked(self) -> None:
        if self.address is not None:
            self.apply_button.setEnabled(False)
            run_action(self._apply(self.address), self.message, name="keys-apply", finally_=self._on_apply_done)

    def _on_apply_done(self) -> None:
        self.apply_button.setEnabled(self.address is not None)

    def _on_delete_clicked(self) -> None:
        name = self.selected_room()
        if name is not None:
            run_action(self._delete(name), self.message, name="keys-delete")

    def _on_room_list_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.delete_button.setEnabled(current is not None)
        if current is not None:
            run_action(self._load(str(current.data(0, Qt.ItemDataRole.UserRole))), self.message,
                       name="keys-load", on_error=self._on_load_failed)

    def _on_load_failed(self, _error: UserError) -> None:
        self._show_address(None)

    def _on_settings_changed(self) -> None:
        self._refresh()

    def _on_countdown_timeout(self) -> None:
        self._render_expiry()
        now = self.clock()
        for i, entry in enumerate(self._entries):
            item = self.room_list.topLevelItem(i)
            if item is not None:
                left = None if entry.expires_at is None else (entry.expires_at - now).total_seconds()
                item.setText(2, self.countdown_text(left))
