"""Start/stop streaming with OBS's real state and the stream time.

What is on air (the words and their colour, the stream time kept across an OBS restart) comes
from ``OnAir``, the one truth every panel reads; the button drives ``StreamControl``.

Stopping a live show is the one click that must not happen by accident: the button asks for a
second click within a few seconds instead of opening a modal dialog (nothing blocks the desk).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.obs.stream import StreamControl, StreamPhase
from studio.onair import SEVERITY_COLOURS, OnAir
from ui.widgets import MessageLine, run_action

CONFIRM_WINDOW_MS = 4000

_BUTTON_STYLE = ("QPushButton {{ background: {bg}; color: {fg}; font-size: 16px; font-weight: bold; "
                 "border-radius: 6px; }} QPushButton:disabled {{ background: #d0d0d0; color: #808080; }}")

class StreamPanel(QWidget):
    def __init__(self, stream: StreamControl, parent: QWidget | None = None, *,
                 onair: OnAir | None = None) -> None:
        super().__init__(parent)
        self.stream = stream
        self.onair = onair or OnAir.of(stream.link, stream)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("streamPhase")
        self.phase_label.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setObjectName("streamAdvice")
        self.advice.setWordWrap(True)
        self.timecode = QLabel("00:00:00")
        self.timecode.setStyleSheet("font-size: 26px; font-family: monospace;")
        self.button = QPushButton()
        self.button.setObjectName("streamButton")
        self.button.setMinimumHeight(48)
        self.message = MessageLine()
        # A stream that stopped by itself with no show running: the user may say it is over.
        self.dismiss_button = QPushButton(self.tr("The stream is over — clear the alarm"))
        self.dismiss_button.setObjectName("streamOverButton")
        self.dismiss_button.setVisible(False)
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        self._confirm_stop = QTimer(self)
        self._confirm_stop.setSingleShot(True)
        self._confirm_stop.setInterval(CONFIRM_WINDOW_MS)
        self._confirm_stop.timeout.connect(self._on_stream_changed)

        top = QHBoxLayout()
        top.addWidget(self.phase_label, 1)
        top.addWidget(self.timecode)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.advice)
        layout.addWidget(self.button)
        layout.addWidget(self.dismiss_button)
        layout.addWidget(self.message)

        self.button.clicked.connect(self._on_button_clicked)
        stream.changed.connect(self._on_stream_changed)
        self.onair.changed.connect(self._on_stream_changed)
        self._clock = QTimer(self)  # the stream time ticks on while OBS is gone
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()
        self._on_stream_changed()

    def _on_dismiss_clicked(self) -> None:
        self.onair.acknowledge_stop()

    def _on_clock_timeout(self) -> None:
        self.timecode.setText(self.onair.stream_time_text())

    def _on_stream_changed(self) -> None:
        onair = self.onair
        colour = SEVERITY_COLOURS[onair.severity]
        self.phase_label.setText(f"<b style='color:{colour}; font-size:16px'>{onair.text}</b>")
        self.phase_label.setAccessibleName(onair.state)
        alarm = onair.severity == "alarm"
        self.advice.setText(onair.advice if alarm or onair.state != "live" else "")
        self.advice.setStyleSheet(f"color: {colour};" + (" font-weight: bold;" if alarm else ""))
        self.timecode.setText(onair.stream_time_text())
        self.dismiss_button.setVisible(onair.can_acknowledge)
        phase = self.stream.phase
        live = self.stream.is_live
        if self._confirm_stop.isActive() and live:
            self.button.setText(self.tr("Click again to STOP the stream"))
            self.button.setStyleSheet(_BUTTON_STYLE.format(bg="#b3261e", fg="white"))
        elif live:
            self.button.setText(self.tr("Stop streaming"))
            self.button.setStyleSheet(_BUTTON_STYLE.format(bg="#f3d6d4", fg="#7a1c15"))
        else:
            self.button.setText(self.tr("Start streaming"))
            self.button.setStyleSheet(_BUTTON_STYLE.format(bg="#1b7f3a", fg="white"))
        self.button.setEnabled(phase not in (StreamPhase.UNKNOWN, StreamPhase.STOPPING))

    def _on_button_clicked(self) -> None:
        if not self.stream.is_live:
            run_action(self.stream.start(), self.message, name="start-stream")
            return
        if not self._confirm_stop.isActive():
            self._confirm_stop.start()
            self._on_stream_changed()
            return
        self._confirm_stop.stop()
        run_action(self.stream.stop(), self.message, name="stop-stream")
