"""The on-air strip: the most visible thing on screen, the same in every layout and in the pad window.

Red with the stream time while the audience sees us; amber while starting, stopping or reconnecting;
a dark alarm red when OBS went away during a live show or the show runs but nothing is streamed;
grey when off air. It reads ``core.onair`` (the one on-air truth) when the core has it, else the
stream control, and never keeps its own copy of the state.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from studio.obs.stream import StreamControl, StreamPhase
from ui import theme

STRIP_HEIGHT = 46
COMPACT_HEIGHT = 30

# state → (look, is the stream time shown)
_LOOK = {
    "live": ("live", True),
    "starting": ("busy", False),
    "stopping": ("busy", True),
    "reconnecting": ("busy", True),
    "obs_gone_while_live": ("alarm", True),
    "show_running_stream_off": ("alarm", False),
    "off": ("idle", False),
    "obs_offline": ("idle", False),
}
_PHASE_STATE = {
    StreamPhase.UNKNOWN: "obs_offline",
    StreamPhase.OFF: "off",
    StreamPhase.STARTING: "starting",
    StreamPhase.LIVE: "live",
    StreamPhase.RECONNECTING: "reconnecting",
    StreamPhase.STOPPING: "stopping",
}


def clock(seconds: float | None) -> str:
    total = max(0, int(seconds or 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def _timecode_seconds(timecode: str) -> float | None:
    try:
        hours, minutes, seconds = (int(part) for part in timecode.split(":"))
    except ValueError:
        return None
    return float(hours * 3600 + minutes * 60 + seconds)


class OnAirStrip(QFrame):
    """``OnAirStrip(stream, onair=None, compact=False)``: ``onair`` is ``core.onair`` when it exists."""

    def __init__(self, stream: StreamControl, onair: Any = None, *, compact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onAirStrip")
        self.stream = stream
        self.onair = onair
        self.compact = compact
        self.setFixedHeight(COMPACT_HEIGHT if compact else STRIP_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.word = QLabel()
        self.word.setObjectName("onAirWord")
        self.time = QLabel()
        self.time.setObjectName("onAirTime")
        self.detail = QLabel()
        self.detail.setObjectName("onAirDetail")
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail.setMinimumWidth(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 0, 12, 0)
        row.setSpacing(16)
        row.addWidget(self.word)
        row.addWidget(self.time)
        row.addWidget(self.detail, 1)
        self.state = ""
        self._blink = False
        # The stream time moves every second even when nothing else changes.
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        source = onair if onair is not None else stream
        source.changed.connect(self._render)
        self._render()

    def words(self, state: str) -> str:
        return {
            "live": self.tr("● ON AIR"),
            "starting": self.tr("Starting the stream…"),
            "stopping": self.tr("Stopping the stream…"),
            "reconnecting": self.tr("Reconnecting — the audience may see a frozen picture"),
            "obs_gone_while_live": self.tr("⚠ OBS stopped answering during the show"),
            "show_running_stream_off": self.tr("⚠ The show runs but nothing is streamed"),
            "off": self.tr("Off air"),
            "obs_offline": self.tr("OBS not connected"),
        }.get(state, state)

    def _read(self) -> tuple[str, float | None, str, str, str]:
        """(state, stream seconds or None, headline, detail, severity) from the one source."""
        onair = self.onair
        if onair is not None:
            state = str(onair.state)
            headline = str(getattr(onair, "text", "") or "") or self.words(state)
            detail = " ".join(str(part) for part in (getattr(onair, "notice", ""), getattr(onair, "advice", ""))
                              if part)
            detail = " · ".join(line.strip() for line in detail.splitlines() if line.strip())  # one line
            return state, getattr(onair, "stream_seconds", None), headline, detail, \
                str(getattr(onair, "severity", ""))
        phase = self.stream.phase
        state = _PHASE_STATE[phase]
        detail = "" if phase is not StreamPhase.UNKNOWN else self.tr("Connect to OBS in the bar below.")
        return state, _timecode_seconds(self.stream.timecode), self.words(state), detail, ""

    def _render(self) -> None:
        state, seconds, headline, detail, severity = self._read()
        self.state = state
        look, timed = _LOOK.get(state, ("idle", False))
        if severity == "alarm" and look != "live":
            look = "alarm"
        self.setProperty("look", look)
        self.setAccessibleName(state)
        self.word.setText(headline)
        self.time.setText(clock(seconds) if timed and seconds is not None else "")
        self.time.setVisible(bool(self.time.text()))
        self.detail.setText(detail)
        self.detail.setToolTip(detail)
        self._paint_look(look)

    def _paint_look(self, look: str) -> None:
        c = theme.colours()
        bg, fg = {
            "live": (theme.ON_AIR_RED, "#ffffff"),
            "busy": ("#c77700", "#ffffff"),
            "alarm": ("#7f0000" if not self._blink else theme.ON_AIR_RED, "#ffffff"),
            "idle": (c.neutral_strip, c.neutral_strip_text),
        }[look]
        size = 13 if self.compact else 18
        self.setStyleSheet(f"QFrame#onAirStrip {{ background: {bg}; border-radius: 4px; }}"
                           f"QLabel {{ color: {fg}; background: transparent; }}")
        self.word.setStyleSheet(f"font-size: {size}px; font-weight: bold;")
        self.time.setStyleSheet(f"font-size: {size + 4}px; font-weight: bold; font-family: monospace;")
        self.detail.setStyleSheet(f"font-size: {max(11, size - 5)}px;")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)

    def _on_timer_timeout(self) -> None:
        if self.property("look") == "alarm":
            self._blink = not self._blink
        self._render()
