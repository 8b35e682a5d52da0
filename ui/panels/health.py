"""The health dock: a live bitrate chart with the platform's 800 / 1200 levels, one big status word
a host reads from across the desk, what to do, and the figures behind it.

pyqtgraph has no append API: the samples live in the core's ring buffer (``HealthHistory``) and a
QTimer redraws at a fixed rate with ``setData``. The curve gets only the samples in view, each
pixel's worth as its lowest and highest point (``min_max_decimate``: ~2 points a pixel, a
one-second drop or spike never vanishes, a gap stays a gap), so the whole 12 h show costs about
what an empty chart does. Outages are shaded bands with a gap in the line (never a drop to zero);
markers are vertical lines with their label, drawn for the markers in view only.

The chart is the costly part (pyqtgraph and its plot: ~0.15 s of a start). ``chart_later=True``
(the window) builds it when it is first shown (``set_compact(False)``: the producer layout) or
asked for (``plot``), and the window builds it just after its first paint: the compact strip of
the solo and assistant layouts shows the word, the figures and the advice from the first paint,
and the history keeps every sample and marker, drawn once the chart is there.
"""

from __future__ import annotations

import asyncio
import bisect
import math
import time
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from studio.health.history import FloatArray, Marker, MarkerKind, OutageSpan
from studio.health.monitor import StreamHealth
from studio.health.sampler import Sample, SampleState
from studio.health.status import HIGH_KBPS, LOW_KBPS, Level, Verdict
from studio.onair import SEVERITY_COLOURS, OnAir
from ui.widgets import MessageLine

if TYPE_CHECKING:  # loaded with the chart (see the module's docstring)
    import pyqtgraph as pg

CHART_MIN_HEIGHT = 180  # a real chart, not a strip: the 800/1200 lines and an hour of trend readable
COMPACT_HEIGHT = 44  # the one-line health strip of the assistant and solo layouts
WORD_PX, COMPACT_WORD_PX = 34, 20
FIGURE_COLUMNS = 3  # name/value pairs a row: three rows of figures leave the chart its height
MAX_LABELLED_MARKERS = 40  # more markers in view than this: lines only (labels would overlap anyway)
REDRAW_MS = 500  # a fixed rate, whatever the sample rate: the chart never costs more than this
FOLLOW_SPAN_S = 10 * 60  # "follow live" shows the last ten minutes
MIN_CURVE_BINS = 200  # before the chart is laid out (no width yet): still a fair line

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
                 onair: OnAir | None = None, chart_later: bool = False) -> None:
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
            row, column = divmod(index, FIGURE_COLUMNS)
            grid.addWidget(QLabel(name), row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)

        self._plot: pg.PlotWidget | None = None  # the chart: see _build_chart

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
        # (the chart goes here, with stretch 1: _build_chart)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._main_layout = layout
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)

        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.follow_button.toggled.connect(self._on_follow_button_toggled)
        self.whole_button.clicked.connect(self._on_whole_button_clicked)
        # OnAir re-announces every sample (and every link or stream change) after taking it in.
        self.onair.changed.connect(self._on_health_changed)
        self._on_health_changed()
        if not chart_later:
            self._build_chart()

    # ----- the chart, built once ----------------------------------------------------------------
    @property
    def plot(self) -> pg.PlotWidget:
        """The chart (built now if it was not yet)."""
        return self._plot if self._plot is not None else self._build_chart()

    @property
    def chart_built(self) -> bool:
        return self._plot is not None

    def build_chart(self) -> None:
        """Build the chart now if it was left for later."""
        if self._plot is None:
            self._build_chart()

    async def build_chart_later(self) -> None:
        """Build the chart if it was left for later, on the loop's turns (the window, after its
        first paint): pyqtgraph's import on one, the plot on the next."""
        await asyncio.sleep(0)
        if self._plot is not None or not isValid(self):
            return
        import pyqtgraph  # noqa: F401 - the longer half, on a turn of its own

        await asyncio.sleep(0)
        if isValid(self):
            self.build_chart()

    def _build_chart(self) -> pg.PlotWidget:
        import pyqtgraph as pg

        self._plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
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
        # The curve is handed the samples in view, decimated to ~2 points a pixel (``_draw_curve``):
        # pyqtgraph's own clipToView + peak downsampling still kept ~10 points a pixel of 12 h and
        # redid it over the whole ring on every redraw.
        # Decimated, each pixel is a min-to-max stroke: 2 px wide, Qt strokes every one as a polygon
        # (about the cost of the whole empty chart again), 1 px wide it draws them as plain lines;
        # the band they make reads the same. Not decimated (following live, zoomed in): 2 px.
        self._curve_pens = (pg.mkPen("#1565c0", width=2), pg.mkPen("#1565c0", width=1))
        self._curve_dense = False
        self.curve = self.plot.plot(pen=self._curve_pens[0], connect="finite")
        self._drawn_curve: tuple[int, int, int] | None = None  # (first, end) sample numbers, bin size
        self._decimator = ViewDecimator()
        for level, colour, text in ((LOW_KBPS, "#e53935", "800"), (HIGH_KBPS, "#43a047", "1200")):
            pen = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
            # The level's label sits at the right end, above its line: the axis ticks are on the left.
            line = pg.InfiniteLine(pos=level, angle=0, pen=pen, label=text,
                                   labelOpts={"position": 0.98, "color": colour, "anchors": [(1, 1), (1, 1)]})
            self.plot.addItem(line)
        # Markers: every line drawn as one path per colour (cheap whatever their number), and a
        # small pool of labelled lines for the markers in view. A 12 h chart then costs about what
        # an empty one does, and a 24 h show no more than a 12 h one (markers leave with samples).
        self._marker_paths: dict[str, pg.PlotCurveItem] = {}
        self._marker_pool: list[pg.InfiniteLine] = []
        self._marker_items: list[pg.InfiniteLine] = []  # the labelled ones now in view, oldest first
        self._pool_shows: dict[int, Marker] = {}  # id(pool item) → the marker it shows
        self._drawn_marker_view: tuple[int, int, float, int] | None = None
        self._marker_times: list[float] = []
        self._marker_list: list[Marker] = []
        self._outage_items: list[pg.LinearRegionItem] = []
        self._drawn_appended = -1  # history.appended at the last redraw
        self._drawn_markers = -1  # history.markers_version at the last redraw
        self.plot.getViewBox().sigRangeChanged.connect(self._on_view_x_range_changed)
        self.plot.getViewBox().sigResized.connect(self._on_view_resized)
        self.plot.getViewBox().sigRangeChangedManually.connect(self._on_view_range_changed_manually)
        # Below the figures, above the buttons; hidden in the compact strip.
        items = (self._main_layout.itemAt(i) for i in range(self._main_layout.count()))
        index = next(i for i, item in enumerate(items) if item is not None and item.layout() is self._figure_grid)
        self._main_layout.insertWidget(index + 1, self.plot, 1)
        self.plot.setVisible(not self.compact)  # after it has its parent: never a window of its own
        self.apply_chart_colours()
        self._timer.start()
        self.redraw()
        return self.plot

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
        # One line in the compact strip (the advice lists one problem a line).
        self.advice.setText(" · ".join(onair.advice.splitlines()) if self.compact else onair.advice)

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
        self._main_layout.setContentsMargins(*((6, 2, 6, 2) if compact else (6, 4, 6, 4)))
        if self._plot is not None or not compact:  # shown: built now, if it was left for later
            self.plot.setVisible(not compact)
        for button in (self.follow_button, self.whole_button):
            button.setVisible(not compact)
        for label in self.figures.values():
            label.setVisible(not compact)
        for index in range(self._figure_grid.count()):
            item = self._figure_grid.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setVisible(not compact)
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
            self.apply_chart_colours()

    def apply_chart_colours(self) -> None:
        """The chart follows the theme (dark studio or light office)."""
        if self._plot is None:
            return  # the chart takes the theme's colours when it is built
        palette = QApplication.palette(self)  # the theme just set, before Qt's PaletteChange arrives
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
        if self._plot is None:
            return  # not built yet: the history keeps everything, drawn when it is
        if self.history.appended == self._drawn_appended and \
                self._drawn_markers == self.history.markers_version:
            return
        self._drawn_appended = self.history.appended
        times = self.history.times()
        if self.follow_button.isChecked() and len(times):
            self._follow(times)  # the view first: the curve is drawn for what is in view
        self._draw_curve()
        self._draw_markers()
        self._draw_outages()

    def _draw_curve(self) -> None:
        """Hand the curve the samples in view (and one either side, so the line reaches the edges),
        at most ~2 points a pixel; nothing to do when the same samples are in view at the same
        width (a y-only change, or new samples outside the view)."""
        view = self.plot.getViewBox()
        (x0, x1), _ = view.viewRange()
        times, kbps = self.history.times(), self.history.kbps_for_chart()
        count = len(times)
        lo = max(0, int(np.searchsorted(times, x0, side="left")) - 1)
        hi = min(count, int(np.searchsorted(times, x1, side="right")) + 1)
        bins = max(MIN_CURVE_BINS, math.ceil(view.width()))
        per_bin = max(1, math.ceil((hi - lo) / bins))
        number = self.history.appended - count  # the sample number of times[0]: bins stay put
        key = (number + lo, number + hi, per_bin)
        if key == self._drawn_curve:
            return
        self._drawn_curve = key
        if (per_bin > 1) != self._curve_dense:
            self._curve_dense = per_bin > 1
            self.curve.setPen(self._curve_pens[self._curve_dense])
        # Copies either way: once the ring is full the next sample overwrites the first slot of
        # today's view, and a paint before the next redraw would draw that point at the wrong time.
        x, y = self._decimator.decimate(times, kbps, lo, hi, number, per_bin)
        self.curve.setData(x, y)

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
        if self._drawn_markers == self.history.markers_version:
            return
        self._drawn_markers = self.history.markers_version
        self._marker_list = sorted(self.history.markers, key=lambda m: m.time)
        self._marker_times = [m.time for m in self._marker_list]
        self._drawn_marker_view = None
        self._draw_markers_in_view()

    def _on_view_x_range_changed(self, *_args: object) -> None:
        self._draw_curve()
        self._draw_markers_in_view()

    def _on_view_resized(self, *_args: object) -> None:
        self._draw_curve()

    def _draw_markers_in_view(self) -> None:
        """Lines for the markers in view, as one path per colour, exactly as tall as the view (a
        dotted line far longer than the view is drawn dot by dot off screen too); labels for them
        when there are not more than a readable number."""
        import pyqtgraph as pg

        (lo, hi), (_bottom, top) = self.plot.getViewBox().viewRange()
        first, last = bisect.bisect_left(self._marker_times, lo), bisect.bisect_right(self._marker_times, hi)
        view = (first, last, top, self._drawn_markers)
        if view == self._drawn_marker_view:
            return
        self._drawn_marker_view = view
        in_view = self._marker_list[first:last]
        by_colour: dict[str, list[float]] = {}
        for marker in in_view:
            by_colour.setdefault(_MARKER_COLOUR.get(marker.kind, "#455a64"), []).append(marker.time)
        for colour in set(self._marker_paths) | set(by_colour):
            path = self._marker_paths.get(colour)
            if path is None:
                # Solid and translucent, not dotted: Qt lays a dot pattern out dot by dot.
                pen = pg.mkPen(colour, width=1)
                pen_colour = pen.color()
                pen_colour.setAlpha(150)
                pen.setColor(pen_colour)
                path = pg.PlotCurveItem(pen=pen, connect="pairs")
                path.setZValue(-5)
                self.plot.addItem(path, ignoreBounds=True)
                self._marker_paths[colour] = path
            times = np.asarray(by_colour.get(colour, []), dtype=float)
            path.setData(np.repeat(times, 2), np.tile([0.0, float(top)], len(times)))
        shown = in_view if len(in_view) <= MAX_LABELLED_MARKERS else []
        while len(self._marker_pool) < len(shown):
            self._marker_pool.append(self._add_marker_item())
        for item, marker in zip(self._marker_pool, shown, strict=False):
            if self._pool_shows.get(id(item)) is marker and item.isVisible():
                continue  # re-laying out a label's text is the costly part: only when it changes
            self._pool_shows[id(item)] = marker
            colour = _MARKER_COLOUR.get(marker.kind, "#455a64")
            item.setPos(marker.time)
            item.setPen(pg.mkPen(None))  # the path draws the line; this item carries the label
            # The label is a format string to pyqtgraph: braces in a product name stay braces.
            item.label.setFormat(marker.label.replace("{", "{{").replace("}", "}}"))
            item.label.setColor(colour)
            item.setToolTip(marker.label)
            item.setVisible(True)
        for item in self._marker_pool[len(shown):]:
            item.setVisible(False)
        self._marker_items = self._marker_pool[:len(shown)]

    def _add_marker_item(self) -> pg.InfiniteLine:
        import pyqtgraph as pg

        item = pg.InfiniteLine(pos=0, angle=90, movable=False, label="",
                               labelOpts={"position": 0.9, "rotateAxis": (1, 0),
                                          "anchors": [(0, 1), (0, 1)]})
        self.plot.addItem(item, ignoreBounds=True)
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
        import pyqtgraph as pg

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
        # Following draws only the last minutes; looking back needs every sample: redraw either way.
        self._drawn_appended = -1
        self.redraw()

    def _on_whole_button_clicked(self) -> None:
        self.follow_button.setChecked(False)
        times = self.history.times()
        if len(times):
            first, last = float(times[0]), float(times[-1])
            self.plot.setXRange(first, max(last, first + 60), padding=0.02)
            self._fit_y(first, last)


def min_max_decimate(times: FloatArray, values: FloatArray, per_bin: int,
                     phase: int = 0) -> tuple[FloatArray, FloatArray]:
    """Each run of ``per_bin`` samples as its lowest and its highest point, in time order, so a
    one-second drop or spike stays on the chart however many samples share its pixel. A NaN (an
    outage, off air) in a run keeps the line broken there: a NaN point at the run's start when
    the run starts in a gap, one at its end when a gap follows its first measured sample; a run
    all gap is one NaN point. ``phase``: how many samples of the first run lie before
    ``times[0]`` (runs aligned to sample numbers do not shift as the view pans or the ring
    moves). Always new arrays, never views of the inputs."""
    count = len(values)
    if per_bin <= 1 or count == 0:
        return times.copy(), values.copy()
    front = phase % per_bin
    back = -(front + count) % per_bin
    x, y, keep = _run_points(_pad_edge(times, front, back), _pad_edge(values, front, back), per_bin)
    return x[keep], y[keep]


def _pad_edge(array: FloatArray, front: int, back: int) -> FloatArray:
    """``np.pad(array, (front, back), mode="edge")`` without its overhead (called every redraw)."""
    if not front and not back:
        return array
    return np.concatenate([np.full(front, array[0]), array, np.full(back, array[-1])])


class ViewDecimator:
    """``min_max_decimate`` of a view of the ring, redone only where it changed.

    A run of samples, once complete, never changes (a sample's number — ``appended`` when it came
    — is fixed), so the runs decimated at the last draw are kept; a redraw decimates the runs new
    at the edges (a second's sample, the oldest leaving) instead of the whole 12 h again.
    """

    def __init__(self) -> None:
        self._per_bin = 0
        self._first = 0  # the run number (sample number // per_bin) of the first kept run
        empty = np.empty((0, 4))
        self._x, self._y, self._keep = empty, empty, np.empty((0, 4), dtype=bool)

    def decimate(self, times: FloatArray, values: FloatArray, lo: int, hi: int, number: int,
                 per_bin: int) -> tuple[FloatArray, FloatArray]:
        """Samples ``lo:hi`` of ``times``/``values``, whose sample ``0`` has the number ``number``,
        in runs of ``per_bin`` aligned to sample numbers: what ``min_max_decimate(times[lo:hi],
        values[lo:hi], per_bin, phase=(number + lo) % per_bin)`` returns."""
        start, end = number + lo, number + hi  # sample numbers in view, end excluded
        whole_lo, whole_hi = -(-start // per_bin), end // per_bin  # the complete runs in view
        if per_bin <= 1 or whole_hi <= whole_lo:
            return min_max_decimate(times[lo:hi], values[lo:hi], per_bin, phase=start % per_bin)
        kept_lo, kept_hi = self._first, self._first + len(self._x)
        reuse_lo, reuse_hi = max(kept_lo, whole_lo), min(kept_hi, whole_hi)
        if per_bin != self._per_bin or reuse_lo >= reuse_hi:
            reuse_lo = reuse_hi = whole_lo  # nothing to keep: every run afresh
        parts = [self._runs(times, values, number, per_bin, whole_lo, reuse_lo)]
        if reuse_hi > reuse_lo:
            keep = slice(reuse_lo - kept_lo, reuse_hi - kept_lo)
            parts.append((self._x[keep], self._y[keep], self._keep[keep]))
        parts.append(self._runs(times, values, number, per_bin, reuse_hi, whole_hi))
        self._x, self._y, self._keep = (np.concatenate([part[i] for part in parts]) for i in range(3))
        self._per_bin, self._first = per_bin, whole_lo
        left = slice(lo, whole_lo * per_bin - number)
        right = slice(whole_hi * per_bin - number, hi)
        head = min_max_decimate(times[left], values[left], per_bin, phase=start % per_bin)
        tail = min_max_decimate(times[right], values[right], per_bin)
        return (np.concatenate([head[0], self._x[self._keep], tail[0]]),
                np.concatenate([head[1], self._y[self._keep], tail[1]]))

    @staticmethod
    def _runs(times: FloatArray, values: FloatArray, number: int, per_bin: int, first: int,
              end: int) -> tuple[FloatArray, FloatArray, npt.NDArray[np.bool_]]:
        if end <= first:
            empty = np.empty((0, 4))
            return empty, empty, np.empty((0, 4), dtype=bool)
        span = slice(first * per_bin - number, end * per_bin - number)
        return _run_points(times[span], values[span], per_bin)


def _run_points(times: FloatArray, values: FloatArray,
                per_bin: int) -> tuple[FloatArray, FloatArray, npt.NDArray[np.bool_]]:
    """For each run of ``per_bin`` (``len`` a multiple of it): four candidate points (a gap at its
    start, its lowest and highest in time order, a gap after) and which of them are drawn."""
    t = times.reshape(-1, per_bin)
    v = values.reshape(-1, per_bin)
    gap = np.isnan(v)
    all_gap = gap.all(axis=1)
    low = np.where(gap, np.inf, v).argmin(axis=1)
    high = np.where(gap, -np.inf, v).argmax(axis=1)
    a, b = np.minimum(low, high), np.maximum(low, high)
    rows = np.arange(len(v))
    first_measured = (~gap).argmax(axis=1)
    last_gap = per_bin - 1 - gap[:, ::-1].argmax(axis=1)
    trailing_gap = gap.any(axis=1) & ~all_gap & (last_gap > first_measured)
    nan = np.full(len(v), np.nan)
    x = np.stack([t[:, 0], t[rows, a], t[rows, b], t[:, -1]], axis=1)
    y = np.stack([nan, v[rows, a], v[rows, b], nan], axis=1)
    keep = np.stack([gap[:, 0], ~all_gap, ~all_gap & (b != a), trailing_gap], axis=1)
    return x, y, keep


def _figure(value: float | None, pattern: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    return pattern.format(value)
