"""A small red banner while the show log cannot be written (a full disk): the show goes on in
memory and the host is told, in plain words, which drive to free.

``ShowLogBanner(controller)`` follows ``controller.session.log`` (re-binding when the controller
starts or resumes a show); hidden while the log is fine. ``ShowLog.problem_changed`` may fire on
a worker thread, so it is passed on through a Qt signal, which Qt delivers on this widget's thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from studio.show.log import ShowLog
from studio.show.session import ShowController


class ShowLogBanner(QWidget):
    _problem = Signal(object)  # str | None, from any thread

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("showLogBanner")
        self.setStyleSheet("#showLogBanner { background: #c62828; }"
                           " QLabel { color: white; font-weight: bold; padding: 4px 8px; }")
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.label.setObjectName("showLogProblem")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self._log: ShowLog | None = None
        self._disconnect: Callable[[], None] | None = None
        self._problem.connect(self._on_log_problem)
        controller.changed.connect(self._on_controller_changed)
        self._on_log_problem(None)
        self._on_controller_changed()

    def _on_controller_changed(self) -> None:
        session = self.controller.session
        show_log = session.log if session is not None else None
        if show_log is self._log:
            return
        if self._disconnect is not None:
            self._disconnect()
            self._disconnect = None
        self._log = show_log
        if show_log is not None:
            self._disconnect = show_log.problem_changed.connect(self._problem.emit)
        self._on_log_problem(show_log.problem if show_log is not None else None)

    def _on_log_problem(self, problem: object) -> None:
        text = problem if isinstance(problem, str) else ""
        self.label.setText(text)
        self.setVisible(bool(text))
