"""Setup for WeChat Channels (视频号) rooms: accounts, the one-time login, and "use for this show".

``ChannelsPanel(targets)`` (a ``studio.room.target.RoomTargets``). Each account has its own browser
profile; "Log in" opens a visible browser window on the Channels login page and waits while the
assistant scans the QR code with WeChat. "Check the console" opens it headless and says what it
found: live, not live (start the live in the anchor app first), logged out, or a changed page.
The store's AppSecret (for coupons and live numbers) goes to the keyring, never to a file.
"Save after-show data…" asks the store API for the lives that closed in the last two days
(``get_finder_live_data_list``) and saves them for the review's platform-data import.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import UserError
from studio.room.channels.console import ConsoleState
from studio.room.channels.room import ChannelsRoom
from studio.room.channels.selectors import load_console_map
from studio.room.channels.timed import format_lines, parse_lines
from studio.room.target import CHANNELS, RoomTargets
from ui.widgets import MessageLine, run_action

_STATE_STYLE = {ConsoleState.LIVE: "color: #1b7f3a; font-weight: bold;",
                ConsoleState.CHANGED: "color: #b3261e; font-weight: bold;",
                ConsoleState.LOGGED_OUT: "color: #b06000; font-weight: bold;",
                ConsoleState.NOT_LIVE: "color: #b06000; font-weight: bold;"}


class ChannelsPanel(QWidget):
    def __init__(self, targets: RoomTargets, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.targets = targets
        self.accounts = targets.channels
        self._room: ChannelsRoom | None = None

        intro = QLabel(self.tr("视频号 has no push API: 讲解 and comments are done in its web console (视频号助手), "
                               "in a browser the console drives. Log in once per account; the login stays in "
                               "that account's own browser profile (never a password)."))
        intro.setWordWrap(True)
        self.account_box = QComboBox()
        self.account_box.setObjectName("channelsAccount")
        self.account_box.currentTextChanged.connect(self._on_account_box_changed)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Account:")))
        pick.addWidget(self.account_box, 1)
        pick.addWidget(self.remove_button)

        add = QGroupBox(self.tr("Add or update an account"))
        form = QFormLayout(add)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. the shop's name"))
        self.app_id_edit = QLineEdit()
        self.app_id_edit.setPlaceholderText(self.tr("optional: for store coupons and live numbers"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(self.tr("kept in the system keyring"))
        self.save_button = QPushButton(self.tr("Save account"))
        self.save_button.clicked.connect(self._on_save_clicked)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("微信小店 AppID"), self.app_id_edit)
        form.addRow(self.tr("微信小店 AppSecret"), self.secret_edit)
        self.timed_edit = QPlainTextEdit()
        self.timed_edit.setObjectName("channelsTimed")
        self.timed_edit.setPlaceholderText(self.tr("One per line: minutes, then the text; “上墙” first to pin it.\n"
                                                   "10 关注主播，整点抽奖\n15 上墙 新人下单立减10元"))
        self.timed_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        form.addRow(self.tr("Timed messages (定时发言)"), self.timed_edit)
        form.addRow(self.save_button)

        self.login_button = QPushButton(self.tr("Log in (opens a browser window)"))
        self.login_button.clicked.connect(self._on_login_clicked)
        self.check_button = QPushButton(self.tr("Check the console"))
        self.check_button.clicked.connect(self._on_check_clicked)
        self.use_button = QPushButton(self.tr("Use for this show"))
        self.use_button.setObjectName("channelsUse")
        self.use_button.clicked.connect(self._on_use_clicked)
        self.after_show_button = QPushButton(self.tr("Save after-show data…"))
        self.after_show_button.setObjectName("channelsAfterShow")
        self.after_show_button.setToolTip(self.tr("After the show: the lives of the last two days with viewers, "
                                                  "peak online, watch time, follows and comments (store API), "
                                                  "saved as a file the review imports as platform data."))
        self.after_show_button.clicked.connect(self._on_after_show_clicked)
        buttons = QHBoxLayout()
        for b in (self.login_button, self.check_button, self.use_button, self.after_show_button):
            buttons.addWidget(b)
        self.state_label = QLabel()
        self.state_label.setObjectName("channelsState")
        self.state_label.setWordWrap(True)
        source = load_console_map().source
        self.map_label = QLabel(self.tr("Page map: built in") if source == "shipped" else
                                self.tr("Page map: {path}").format(path=source))
        self.map_label.setWordWrap(True)
        self.message = MessageLine()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addLayout(buttons)
        layout.addWidget(self.state_label)
        layout.addWidget(add)
        layout.addWidget(self.map_label)
        layout.addWidget(self.message)
        layout.addStretch(1)
        targets.changed.connect(self._render_state)  # another panel may pick the show's target
        self._fill_accounts()

    # --- rendering -------------------------------------------------------------------------

    def _fill_accounts(self, select: str = "") -> None:
        names = [a.name for a in self.accounts.all()]
        current = select or self.account_box.currentText() or self.targets.channels_account
        self.account_box.blockSignals(True)
        self.account_box.clear()
        self.account_box.addItems(names)
        if current in names:
            self.account_box.setCurrentText(current)
        self.account_box.blockSignals(False)
        has = bool(names)
        for b in (self.remove_button, self.login_button, self.check_button, self.use_button,
                  self.after_show_button):
            b.setEnabled(has)
        self._on_account_box_changed(self.account_box.currentText())  # the form shows the picked account

    def _render_state(self) -> None:
        room = self._room
        if not self.account_box.currentText():
            self.state_label.setText(self.tr("No account yet: add one below."))
            self.state_label.setStyleSheet("")
            return
        in_use = self.targets.kind == CHANNELS and self.targets.channels_account == self.account_box.currentText()
        state = room.console_state if room is not None else ConsoleState.CLOSED
        words = {ConsoleState.CLOSED: self.tr("Not checked yet."),
                 ConsoleState.LIVE: self.tr("Console open and live: 讲解 and comments go from the pad."),
                 ConsoleState.NOT_LIVE: self.tr("Logged in, but no live is running: start it in the anchor app."),
                 ConsoleState.LOGGED_OUT: self.tr("Not logged in: press “Log in” and scan the QR code."),
                 ConsoleState.CHANGED: self.tr("The Channels console changed: pushes become steps to do by hand.")}
        text = words[state]
        if room is not None and room.problem and state is not ConsoleState.LIVE:
            text = room.problem
        if in_use:
            text = self.tr("Used for this show. ") + text
        self.state_label.setText(text)
        self.state_label.setStyleSheet(_STATE_STYLE.get(state, ""))

    # --- slots -----------------------------------------------------------------------------

    def _on_account_box_changed(self, name: str) -> None:
        self._room = None
        self._render_state()
        account = next((a for a in self.accounts.all() if a.name == name), None)
        if account is not None:  # the form edits the picked account
            self.name_edit.setText(account.name)
            self.app_id_edit.setText(account.store_app_id)
            self.timed_edit.setPlainText(format_lines(account.timed_messages))

    def _on_save_clicked(self) -> None:
        run_action(self._save(), self.message, name="channels-save-account",
                   done_text=self.tr("Account saved."))

    def _on_remove_clicked(self) -> None:
        run_action(self._remove(self.account_box.currentText()), self.message, name="channels-remove-account")

    def _on_login_clicked(self) -> None:
        self.message.show_message(self.tr("A browser window opened: scan the QR code with WeChat there…"))
        run_action(self._session(login=True), self.message, name="channels-login")

    def _on_check_clicked(self) -> None:
        self.message.show_message(self.tr("Opening the Channels console…"))
        run_action(self._session(login=False), self.message, name="channels-check")

    def _on_use_clicked(self) -> None:
        name = self.account_box.currentText()
        run_action(self._use(name), self.message, name="channels-use",
                   done_text=self.tr("The next show drives Channels {account}.").format(account=name))

    def _on_after_show_clicked(self) -> None:
        name = self.account_box.currentText()
        suggested = f"channels-after-show-{time.strftime('%Y%m%d-%H%M')}.json"
        path, _kind = QFileDialog.getSaveFileName(self, self.tr("Save the after-show data"), suggested,
                                                  self.tr("JSON files (*.json)"))
        if not path:
            return
        self.message.show_message(self.tr("Asking Channels for the after-show data…"))
        target = Path(path)
        run_action(self._save_after_show(name, target), self.message, name="channels-after-show",
                   done_text=lambda count: self.tr("Saved {count} live(s) to {path}: open it in the review as "
                                                   "platform data.").format(count=count, path=target.name))

    # --- work ------------------------------------------------------------------------------

    async def _save_after_show(self, name: str, path: Path) -> int:
        import json

        from studio.review.platform_channels import after_show_file

        room = await self.accounts.room(name)
        if room.store is None:
            raise UserError(self.tr("The account “{account}” has no 微信小店 AppID and AppSecret: add them below "
                                    "and save the account.").format(account=name))
        now = time.time()
        start = now - 2 * 86_400
        self.after_show_button.setEnabled(False)
        try:
            data = await room.store.after_show_data(start, now)
        finally:
            self.after_show_button.setEnabled(True)
        if not data.lives:
            raise UserError(self.tr("Channels lists no live that closed in the last two days: nothing was saved."))
        text = json.dumps(after_show_file(data.items, account=name, start_time=start, end_time=now, fetched_at=now,
                                          truncated=data.truncated), ensure_ascii=False, indent=1)
        try:
            await asyncio.to_thread(path.write_text, text, encoding="utf-8")
        except OSError as e:
            raise UserError(self.tr("Could not save {path}: {reason}. Choose another folder.").format(
                path=path, reason=e.strerror or e)) from None
        return len(data.lives)


    async def _save(self) -> None:
        name, app_id, secret = self.name_edit.text(), self.app_id_edit.text().strip(), self.secret_edit.text()
        timed, bad = parse_lines(self.timed_edit.toPlainText())
        if bad:  # nothing is saved: the lines stay in the box to be fixed
            raise UserError(self.tr("Timed messages: line {lines} is not “minutes text” (e.g. “10 关注主播”). "
                                    "Nothing was saved.").format(lines=", ".join(map(str, bad))))
        account = self.accounts.add(name, store_app_id=app_id, timed_messages=tuple(timed))
        self.secret_edit.clear()
        if app_id and secret:
            await asyncio.to_thread(lambda: self.accounts.set_store_secret(app_id, secret))
        await asyncio.to_thread(self.accounts.settings.save)
        self._fill_accounts(select=account.name)

    async def _remove(self, name: str) -> None:
        self.accounts.remove(name)
        await asyncio.to_thread(self.accounts.settings.save)
        self._fill_accounts()

    async def _session(self, login: bool) -> None:
        name = self.account_box.currentText()
        room = self._room = await self.accounts.room(name)
        self._render_state()
        for b in (self.login_button, self.check_button):
            b.setEnabled(False)
        try:
            await (room.login() if login else room.connect())
        finally:
            for b in (self.login_button, self.check_button):
                b.setEnabled(True)
            self.message.clear_message()
            self._render_state()

    async def _use(self, name: str) -> None:
        await self.targets.choose(CHANNELS, account=name)  # targets.changed re-renders
