"""The health dock: a live bitrate chart with the platform's 800 / 1200 levels, one big status word
a host reads from across the desk, what to do, and the figures behind it.

pyqtgraph has no append API: the samples live in the core's ring buffer (``HealthHistory``) and a
QTimer redraws at a fixed rate with ``setData`` on views of it, with ``clipToView`` and peak
downsampling, so 12 hours of samples cost about what the visible part costs. Outages are shaded
bands with a gap in the line (never a drop to zero); markers are vertical lines with their label.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.health.history import Marker, MarkerKind, OutageSpan
from studio.health.monitor import StreamHealth
from studio.health.sampler import Sample, SampleState
from studio.health.status import HIGH_KBPS, LOW_KBPS, Level, Verdict
from studio.onair import SEVERITY_COLOURS, OnAir
from ui.widgets import MessageLine

CHART_MIN_HEIGHT = 200  # a real chart, not a strip: the 800/1200 lines and an hour of trend readable
COMPACT_HEIGHT = 44  # the one-line health strip of the assistant and solo layouts
WORD_PX, COMPACT_WORD_PX = 44, 20
REDRAW_MS = 500  # a fixed rate, whatever the sample rate: the chart never costs more than this
FOLLOW_SPAN_S = 10 * 60  # "follow live" shows the last ten minutes

_LEVEL_COLOUR = {
    Level.STABLE: "#1b7f3a",
    Level.LOW: "#c77700",
    Level.CRITICAL: "#c62828",
    Level.IDLE: "#7a7a7a",
}
_MARKER_COLOUR = {
    MarkerKind.SCENE: "#5c6bc0",
    MarkerKind.RECONNECT: "#c62828",
    MarkerKind.OBS_GONE: "#c62828",
    MarkerKind.RECOVERED: "#1b7f3a",
    MarkerKind.STREAM_STARTED: "#455a64",
    MarkerKind.STREAM_STOPPED: "#455a64",
    MarkerKind.PRODUCT: "#8e24aa",
    MarkerKind.LOTTERY: "#f9a825",
}
_OUTAGE_BRUSH = {SampleState.RECONNECTING: (198, 40, 40, 50), SampleState.OBS_GONE: (90, 90, 90, 60)}


class HealthPanel(QWidget):
    def __init__(self, health: StreamHealth, parent: QWidget | None = None, *,
                 onair: OnAir | None = None) -> None:
        super().__init__(parent)
        self.health = health
        # The big word and what to do come from the one truth of what is on air.
        self.onair = onair or OnAir.of(health.sampler.link, health.sampler.stream, health)
        self.history = health.history
        self.compact = False
        self._word_px = WORD_PX

        self.status_word = QLabel()
        self.status_word.setObjectName("healthStatus")
        self.status_word.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.advice = QLabel()
        self.advice.setObjectName("healthAdvice")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("font-size: 14px;")

        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        self._figure_grid = grid
        names = {
            "kbps": self.tr("Bitrate"),
            "dropped": self.tr("Dropped (network)"),
            "encoder": self.tr("Skipped (encoder)"),
            "render": self.tr("Render lag"),
            "congestion": self.tr("Congestion"),
            "cpu": self.tr("CPU"),
            "fps": self.tr("FPS"),
        }
        for index, (key, name) in enumerate(names.items()):
            value = QLabel("—")
            value.setObjectName(f"healthFigure_{key}")
            value.setStyleSheet("font-weight: bold;")
            self.figures[key] = value
            row, column = divmod(index, 2)
            grid.addWidget(QLabel(name), row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)

        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.plot.setObjectName("healthChart")
        self.plot.setMinimumHeight(CHART_MIN_HEIGHT)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("left", self.tr("kbit/s"))
        self.plot.setMouseEnabled(x=True, y=False)  # pan and zoom in time; kbit/s follows the data
        self.plot.setLimits(yMin=0)
        # Before the first sample: the last ten minutes and the 0–1500 band, not an empty 0…1 box.
        now = time.time()
        self.plot.setXRange(now - FOLLOW_SPAN_S, now, padding=0)
        self.plot.setYRange(0, HIGH_KBPS * 1.25, padding=0)
        self.curve = self.plot.plot(pen=pg.mkPen("#1565c0", width=2), connect="finite")
        self.curve.setClipToView(True)
        self.curve.setDownsampling(auto=True, method="peak")
        for level, colour, text in ((LOW_KBPS, "#e53935", "800"), (HIGH_KBPS, "#43a047", "1200")):
            pen = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
            # The level's label sits at the right end, above its line: the axis ticks are on the left.
            line = pg.InfiniteLine(pos=level, angle=0, pen=pen, label=text,
                                   labelOpts={"position": 0.98, "color": colour, "anchors": [(1, 1), (1, 1)]})
            self.plot.addItem(line)
        self._marker_items: list[pg.InfiniteLine] = []
        self._outage_items: list[pg.LinearRegionItem] = []
        self._drawn_appended = -1  # history.appended at the last redraw
        self._drawn_markers = 0

        self.follow_button = QPushButton(self.tr("Follow live"))
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setToolTip(self.tr("Keep the last ten minutes in view"))
        self.whole_button = QPushButton(self.tr("Whole show"))
        self.whole_button.setToolTip(self.tr("Show every sample since the stream started"))
        self.message = MessageLine()
        self.summary = QLabel()  # the compact strip's figures: bitrate · dropped
        self.summary.setObjectName("healthSummary")
        self.summary.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.follow_button)
        buttons.addWidget(self.whole_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_word)
        layout.addWidget(self.summary)
        layout.addWidget(self.advice)
        layout.addLayout(grid)
        layout.addWidget(self.plot, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._main_layout = layout
        self._apply_chart_colours()

        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        self.follow_button.toggled.connect(self._on_follow_button_toggled)
        self.whole_button.clicked.connect(self._on_whole_button_clicked)
        self.plot.getViewBox().sigRangeChangedManually.connect(self._on_view_range_changed_manually)
        # OnAir re-announces every sample (and every link or stream change) after taking it in.
        self.onair.changed.connect(self._on_health_changed)
        self._on_health_changed()
        self.redraw()

    # ----- the words and figures (on every sample: cheap) ---------------------------------------
    def _on_health_changed(self) -> None:
        verdict = self.health.verdict
        self._show_verdict(verdict)
        self._show_figures(self.health.last)
        problem = self.health.problem
        if problem:
            self.message.show_message(problem, "error")

    def _show_verdict(self, verdict: Verdict) -> None:
        onair = self.onair
        colour = SEVERITY_COLOURS[onair.health_severity]
        self.status_word.setText(onair.health_word)
        self.status_word.setStyleSheet(f"font-size: {self._word_px}px; font-weight: bold; color: {colour};")
        if onair.state == "live" and verdict.level is not Level.IDLE:
            name = verdict.level.name.lower()
        else:
            name = {"alarm": "critical", "idle": "idle"}.get(onair.health_severity, "measuring")
        self.status_word.setAccessibleName(name)
        self.advice.setText(onair.advice)

    def _show_figures(self, sample: Sample | None) -> None:
        self._show_summary(sample)
        f = self.figures
        if sample is None or sample.state is SampleState.OFF:
            for label in f.values():
                label.setText("—")
            return
        if sample.state is SampleState.RECONNECTING:
            f["kbps"].setText(self.tr("reconnecting…"))
        elif sample.state is SampleState.OBS_GONE:
            f["kbps"].setText(self.tr("OBS not answering"))
        else:
            f["kbps"].setText(_figure(sample.kbps, self.tr("{0:.0f} kbit/s")))
        dropped = _figure(sample.dropped_pct, "{0:.2f} %")
        if sample.dropped_frames is not None and sample.total_frames:
            dropped += " " + self.tr("({0} of {1} frames in all)").format(
                sample.dropped_frames, sample.total_frames)
        f["dropped"].setText(dropped)
        f["encoder"].setText(_figure(sample.encoder_skipped_pct, "{0:.2f} %"))
        render = _figure(sample.render_lag_pct, "{0:.2f} %")
        if sample.render_ms is not None:
            render += " " + self.tr("({0:.1f} ms a frame)").format(sample.render_ms)
        f["render"].setText(render)
        f["congestion"].setText(_figure(None if sample.congestion is None else sample.congestion * 100,
                                        "{0:.1f} %"))
        f["cpu"].setText(_figure(sample.cpu_pct, "{0:.1f} %"))
        f["fps"].setText(_figure(sample.fps, "{0:.1f}"))

    def _show_summary(self, sample: Sample | None) -> None:
        if sample is None or sample.state is SampleState.OFF:
            self.summary.setText("")
            return
        kbps = _figure(sample.kbps, self.tr("{0:.0f} kbit/s"))
        dropped = _figure(sample.dropped_pct, "{0:.2f} %")
        self.summary.setText(self.tr("{kbps} · dropped {dropped}").format(kbps=kbps, dropped=dropped))

    # ----- compact (one line) or full --------------------------------------------------------------
    def set_compact(self, compact: bool) -> None:
        """One line (status word, figures, advice) for the assistant and solo layouts; the chart
        and every figure for the producer."""
        self.compact = compact
        self._word_px = COMPACT_WORD_PX if compact else WORD_PX
        self._main_layout.setDirection(QBoxLayout.Direction.LeftToRight if compact
                                       else QBoxLayout.Direction.TopToBottom)
        self._main_layout.setContentsMargins(*((6, 2, 6, 2) if compact else (9, 9, 9, 9)))
        for widget in (self.plot, self.follow_button, self.whole_button):
            widget.setVisible(not compact)
        for label in self.figures.values():
            label.setVisible(not compact)
        for index in range(self._figure_grid.count()):
            item = self._figure_grid.itemAt(index)
            if item is not None and item.widget() is not None:
                item.widget().setVisible(not compact)
        self.summary.setVisible(compact)
        self.advice.setWordWrap(not compact)
        self.advice.setMinimumWidth(1 if compact else 0)
        self.message.setWordWrap(not compact)
        self._main_layout.setStretchFactor(self.advice, 1 if compact else 0)
        if compact:
            self.setFixedHeight(COMPACT_HEIGHT)
        else:
            self.setMinimumHeight(0)
            self.setMaximumHeight(16777215)
        self.status_word.setAlignment(Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag.AlignHCenter))
        self._on_health_changed()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_chart_colours()

    def _apply_chart_colours(self) -> None:
        """The chart follows the theme (dark studio or light office)."""
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        foreground = palette.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(foreground)
            axis.setTextPen(foreground)

    # ----- the chart (at a fixed rate) ----------------------------------------------------------
    def _on_timer_timeout(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Bring the chart up to the history; does nothing when no sample came since the last time."""
        if self.history.appended == self._drawn_appended and \
                self._drawn_markers == len(self.history.markers):
            return
        self._drawn_appended = self.history.appended
        # Copies (~0.7 MB, microseconds): once the ring is full the next sample overwrites the
        # first slot of today's view, and a paint before the next redraw (the host panning) would
        # draw that point at the wrong time.
        times = self.history.times().copy()
        self.curve.setData(times, self.history.kbps_for_chart().copy())
        self._draw_markers()
        self._draw_outages()
        if self.follow_button.isChecked() and len(times):
            self._follow(times)

    def _follow(self, times: np.ndarray) -> None:
        last = float(times[-1])
        first = max(float(times[0]), last - FOLLOW_SPAN_S)
        self.plot.setXRange(first, max(last, first + 60), padding=0.02)
        self._fit_y(first, last)

    def _fit_y(self, first: float, last: float) -> None:
        times = self.history.times()
        lo, hi = np.searchsorted(times, [first, last], side="left")
        visible = self.history.kbps_for_chart()[lo:hi + 1]
        top = float(np.nanmax(visible)) if len(visible) and not np.isnan(visible).all() else 0.0
        # The 1200 line always in view, so the host sees where the bitrate sits against it.
        self.plot.setYRange(0, max(HIGH_KBPS * 1.25, top * 1.1), padding=0)

    def _draw_markers(self) -> None:
        markers = list(self.history.markers)
        if len(markers) < self._drawn_markers:  # the history was cleared
            for item in self._marker_items:
                self.plot.removeItem(item)
            self._marker_items.clear()
            self._drawn_markers = 0
        for marker in markers[self._drawn_markers:]:
            self._marker_items.append(self._add_marker_item(marker))
        self._drawn_markers = len(markers)

    def _add_marker_item(self, marker: Marker) -> pg.InfiniteLine:
        colour = _MARKER_COLOUR.get(marker.kind, "#455a64")
        item = pg.InfiniteLine(pos=marker.time, angle=90,
                               pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine),
                               label=marker.label,
                               labelOpts={"position": 0.9, "rotateAxis": (1, 0), "color": colour,
                                          "anchors": [(0, 1), (0, 1)]})
        item.setToolTip(marker.label)
        self.plot.addItem(item)
        return item

    def _draw_outages(self) -> None:
        spans = list(self.history.outages)
        while len(self._outage_items) > len(spans):
            self.plot.removeItem(self._outage_items.pop())
        for index, span in enumerate(spans):
            end = span.end + 1  # a span of one sample still covers its second
            if index < len(self._outage_items):
                region = self._outage_items[index]
                if region.getRegion() != (span.start, end):
                    region.setRegion((span.start, end))
            else:
                self._outage_items.append(self._add_outage_item(span, end))

    def _add_outage_item(self, span: OutageSpan, end: float) -> pg.LinearRegionItem:
        region = pg.LinearRegionItem(values=(span.start, end), movable=False,
                                     brush=pg.mkBrush(*_OUTAGE_BRUSH.get(span.state, (90, 90, 90, 60))),
                                     pen=pg.mkPen(None))
        region.setZValue(-10)
        self.plot.addItem(region)
        return region

    # ----- pan and zoom -------------------------------------------------------------------------
    def _on_view_range_changed_manually(self, *_args: object) -> None:
        self.follow_button.setChecked(False)  # the host is looking back: stop jumping to now

    def _on_follow_button_toggled(self, checked: bool) -> None:
        if checked:
            self._drawn_appended = -1
            self.redraw()

    def _on_whole_button_clicked(self) -> None:
        self.follow_button.setChecked(False)
        times = self.history.times()
        if len(times):
            first, last = float(times[0]), float(times[-1])
            self.plot.setXRange(first, max(last, first + 60), padding=0.02)
            self._fit_y(first, last)


def _figure(value: float | None, pattern: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    return pattern.format(value)
