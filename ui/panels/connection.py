"""The connection bar: where OBS is, its password, and the link's state — always visible."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core import StudioCore
from studio.obs.link import LinkState, LinkStatus
from studio.obs.target import parse_address
from studio.onair import SEVERITY_COLOURS
from ui.widgets import MessageLine, run_action

_STATE_COLOURS = {
    LinkState.DISCONNECTED: "#7a7a7a",
    LinkState.CONNECTING: "#c77700",
    LinkState.CONNECTED: "#1b7f3a",
    LinkState.RECONNECTING: "#c77700",
    LinkState.AUTH_FAILED: "#b3261e",
    LinkState.TOO_OLD: "#b3261e",
}


class ConnectionBar(QWidget):
    def __init__(self, core: StudioCore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setObjectName("connectionBar")
        self.state_badge = QLabel()
        self.state_badge.setObjectName("connectionState")
        self.state_badge.setMinimumWidth(150)
        self.versions = QLabel()
        # What is on air, in the bar that is always visible (the one truth, as every panel shows it).
        self.onair_line = QLabel()
        self.onair_line.setObjectName("onAirLine")
        self.onair_line.setWordWrap(True)
        self.address = QLineEdit(core.settings.obs.url)
        self.address.setToolTip(self.tr("OBS WebSocket address, e.g. ws://127.0.0.1:4455"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("OBS password (kept in the system keyring)"))
        self.connect_button = QPushButton(self.tr("Connect"))
        self.message = MessageLine()
        # What could not be read at start-up (settings, plan, keyring): named, with what to do.
        self.problems = QLabel()
        self.problems.setObjectName("startupProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("OBS")))
        row.addWidget(self.state_badge)
        row.addWidget(self.address, 2)
        row.addWidget(self.password, 2)
        row.addWidget(self.connect_button)
        row.addWidget(self.versions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.addLayout(row)
        layout.addWidget(self.onair_line)
        layout.addWidget(self.message)
        layout.addWidget(self.problems)

        self.connect_button.clicked.connect(self._on_connect_clicked)
        self.password.returnPressed.connect(self._on_connect_clicked)
        self.address.returnPressed.connect(self._on_connect_clicked)
        core.link.status_changed.connect(self._on_link_status_changed)
        core.settings.changed.connect(self._on_problems_changed)
        core.plan_files.changed.connect(self._on_problems_changed)
        core.show.changed.connect(self._on_problems_changed)
        self._notice_shown = ""
        core.onair.changed.connect(self._on_onair_changed)
        self._on_onair_changed()
        self._on_link_status_changed(core.link.status)
        self._on_problems_changed()

    def _on_onair_changed(self) -> None:
        onair = self.core.onair
        alarm = onair.severity == "alarm"
        colour = SEVERITY_COLOURS[onair.severity]
        text = f"<b style='color:{colour}; font-size:{18 if alarm else 14}px'>{onair.text}</b>"
        if alarm:
            text += f" <span style='color:{colour}'>— {onair.advice}</span>"
        self.onair_line.setText(text)
        self.onair_line.setAccessibleName(onair.state)
        self.onair_line.setStyleSheet("background: #fdecea; padding: 4px;" if alarm else "")
        if onair.notice and onair.notice != self._notice_shown:
            self._notice_shown = onair.notice
            self.message.show_message(onair.notice, "info")

    def _on_problems_changed(self) -> None:
        problems = self.core.problems()
        self.problems.setText("\n".join(f"⚠ {p}" for p in problems))
        self.problems.setVisible(bool(problems))

    def state_text(self, state: LinkState) -> str:
        return {
            LinkState.DISCONNECTED: self.tr("Not connected"),
            LinkState.CONNECTING: self.tr("Connecting…"),
            LinkState.CONNECTED: self.tr("Connected"),
            LinkState.RECONNECTING: self.tr("Reconnecting…"),
            LinkState.AUTH_FAILED: self.tr("Wrong password"),
            LinkState.TOO_OLD: self.tr("OBS too old"),
        }[state]

    def _on_link_status_changed(self, status: LinkStatus) -> None:
        colour = _STATE_COLOURS[status.state]
        self.state_badge.setText(f"<span style='color:{colour}; font-size:16px'>●</span> "
                                 f"<b>{self.state_text(status.state)}</b>")
        self.state_badge.setAccessibleName(status.state.value)
        if status.state is LinkState.CONNECTED:
            self.versions.setText(self.tr("OBS {obs} · WebSocket {ws}").format(
                obs=status.obs_version, ws=status.websocket_version))
            self.message.show_message(self.core.keyring_problem or "", "error")
        else:
            self.versions.setText("")
            text = status.message
            if status.retry_in is not None:
                text += " " + self.tr("Next try in {seconds} s.").format(seconds=status.retry_in)
            kind = "error" if status.state in (LinkState.AUTH_FAILED, LinkState.TOO_OLD) else "info"
            self.message.show_message(text, kind)
        if status.state is LinkState.AUTH_FAILED:
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_connect_clicked(self) -> None:
        parsed = parse_address(self.address.text())
        if parsed is None:
            self.message.show_message(self.tr(
                "That is not an OBS address. Use the form ws://127.0.0.1:4455."), "error")
            return
        host, port = parsed
        password = self.password.text() or None  # empty: keep the saved password
        self.password.clear()
        run_action(self.core.set_connection(host, port, password), self.message, name="set-connection")
