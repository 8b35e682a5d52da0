"""The review view (复盘): pick a past show (or the one that just ended), see its timeline with the
stream health under it, per product, the rhythm and the faults; write the improvement plan; compare
with another show; export the HTML and PDF for the manager.

Everything is computed in the core (``studio.review``) off the Qt thread; this view only renders
the model. Clicking a moment (a point on the timeline chart, or a row of the moments / faults
tables) makes the health chart jump there: ten minutes around it, with a cursor on the moment.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.errors import UserError
from studio.review.charts import COLOURS
from studio.review.model import Comparison, Review, ShowEntry, build_review, compare, list_shows
from studio.review.platform import NeedsPlatformMapping, PlatformData, read_platform_files
from studio.review.report import Table, comparison_table, highlights, sections, skipped_lines, summary
from studio.review.store import SECTIONS, NotesStore, review_key, section_title
from studio.tasks import spawn
from ui.widgets import MessageLine, run_action

JUMP_SPAN_S = 10 * 60  # the health chart shows ten minutes around a clicked moment
_LANES = {"explain": 4, "flash_sale": 4, "segment": 3, "lottery": 3, "draw": 3, "coupon": 3, "announcement": 3}


def _fill(table: QTableWidget, data: Table) -> None:
    table.clear()
    table.setColumnCount(len(data.headers))
    table.setRowCount(len(data.rows))
    table.setHorizontalHeaderLabels(data.headers)
    colours = {"warn": "#fff8e1", "bad": "#ffebee", "muted": "#f5f5f5"}
    for r, row in enumerate(data.rows):
        mark = data.marks[r] if r < len(data.marks) else ""
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if mark in colours:
                item.setBackground(pg.mkColor(colours[mark]))
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class ReviewPanel(QWidget):
    """``ReviewPanel(directory=None, store=None)``: ``directory`` holds the show logs (default:
    the console's shows folder). ``open_log(path)`` opens a review (e.g. when a show ends);
    ``show_review(review)`` renders one already built."""

    review_shown = Signal()  # a review was rendered (tests and the window wait for it)
    open_requested = Signal()  # the ended show's review was asked for: the window brings this view up

    def __init__(self, directory: Path | None = None, store: NotesStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from studio.show.session import shows_dir

        self.directory = directory or shows_dir()
        self.store = store or NotesStore()
        self.review: Review | None = None
        self.platform_files: list[Path] = []
        self.comparison: Comparison | None = None
        self.entries: list[ShowEntry] = []
        self.file_dialog: QFileDialog | None = None
        self._moments: list[float] = []  # row → time, for the moments table
        self._fault_times: list[float] = []
        self._timeline_items: list[Any] = []
        self._health_items: list[Any] = []

        self.show_list = QComboBox()
        self.show_list.setObjectName("reviewShowList")
        self.show_list.setMinimumContentsLength(30)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.open_button = QPushButton(self.tr("Open review"))
        self.platform_button = QPushButton(self.tr("Import platform data…"))
        self.platform_button.setToolTip(self.tr("The live data exported from the platform (CSV or Excel, by "
                                                "minute and/or by product)"))
        self.html_button = QPushButton(self.tr("Save HTML…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_list, 1)
        for button in (self.refresh_button, self.open_button, self.platform_button, self.html_button,
                       self.pdf_button):
            top.addWidget(button)

        self.message = MessageLine()
        self.ended_button = QPushButton()
        self.ended_button.setObjectName("reviewEndedShow")
        self.ended_button.setStyleSheet("font-weight: bold;")
        self.ended_button.setVisible(False)
        # The same offer as a banner the window shows over every page (the show view included).
        self.ended_banner = QPushButton()
        self.ended_banner.setObjectName("reviewEndedBanner")
        self.ended_banner.setStyleSheet("font-weight: bold; padding: 4px;")
        self.ended_banner.setVisible(False)
        self._ended_log: Path | None = None
        self._followed: Any = None
        self._session_hooked: Any = None
        self._plan_title = ""
        self.last_plan_label = QLabel()
        self.last_plan_label.setObjectName("reviewLastPlan")
        self.last_plan_label.setWordWrap(True)
        self.last_plan_label.setStyleSheet("color: #2e7d32;")
        self.last_plan_label.setVisible(False)
        self.mapping: dict[str, dict[str, int]] = {}
        self._pending: tuple[list[Path], dict[str, dict[str, int]], str] | None = None
        self.mapping_box = QWidget()
        self.mapping_box.setObjectName("reviewMapping")
        mapping_layout = QHBoxLayout(self.mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        self.mapping_label = QLabel()
        self.mapping_label.setWordWrap(True)
        mapping_layout.addWidget(self.mapping_label, 2)
        fields = {"time": self.tr("Time"), "name": self.tr("Product"), "online": self.tr("Online"),
                  "visitors": self.tr("Visitors"), "clicks": self.tr("Clicks"), "orders": self.tr("Orders"),
                  "revenue": self.tr("Revenue")}
        self.mapping_combos: dict[str, QComboBox] = {}
        for name, label in fields.items():
            combo = QComboBox()
            combo.setObjectName(f"reviewMap_{name}")
            self.mapping_combos[name] = combo
            mapping_layout.addWidget(QLabel(label))
            mapping_layout.addWidget(combo, 1)
        self.mapping_button = QPushButton(self.tr("Import with these columns"))
        mapping_layout.addWidget(self.mapping_button)
        self.mapping_box.setVisible(False)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("reviewSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("reviewSkipped")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setStyleSheet("color: #bf360c;")

        # Timeline and health, one above the other, sharing the time axis.
        self.timeline_plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.timeline_plot.setObjectName("reviewTimeline")
        self.timeline_plot.setBackground("w")
        self.timeline_plot.setMouseEnabled(x=True, y=False)
        self.timeline_plot.getAxis("left").setTicks([[(4, self.tr("Products")), (3, self.tr("Steps")),
                                                      (2, self.tr("Plays")), (1, self.tr("Moments")),
                                                      (0, self.tr("Faults"))]])
        self.moment_points = pg.ScatterPlotItem(size=10, pen=pg.mkPen(None))
        self.moment_points.sigClicked.connect(self._on_moment_points_clicked)
        self.timeline_plot.addItem(self.moment_points)
        self.health_plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.health_plot.setObjectName("reviewHealth")
        self.health_plot.setBackground("w")
        self.health_plot.setLabel("left", self.tr("kbit/s"))
        self.health_plot.setMouseEnabled(x=True, y=False)
        self.health_curve = self.health_plot.plot(pen=pg.mkPen(COLOURS["kbps"], width=1.5), connect="finite")
        self.health_curve.setDownsampling(auto=True, method="peak")
        self.health_curve.setClipToView(True)
        self.health_plot.setMouseEnabled(x=True, y=False)
        for level, colour in ((800.0, "#c62828"), (1200.0, "#1b7f3a")):
            self.health_plot.addItem(pg.InfiniteLine(pos=level, angle=0, label=f"{level:.0f}",
                                                     pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine),
                                                     labelOpts={"position": 0.02, "color": colour}))
        self.time_cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#6a1b9a", width=2))
        self.time_cursor.setVisible(False)
        self.health_plot.addItem(self.time_cursor)
        self.dropped_plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.dropped_plot.setObjectName("reviewDropped")
        self.dropped_plot.setBackground("w")
        self.dropped_plot.setLabel("left", self.tr("dropped %"))
        self.dropped_plot.setMouseEnabled(x=True, y=False)
        self.dropped_plot.setXLink(self.health_plot)
        self.dropped_plot.setMaximumHeight(110)
        self.dropped_curve = self.dropped_plot.plot(pen=pg.mkPen(COLOURS["fault"], width=1.2), connect="finite")
        self.moments_table = QTableWidget()
        self.moments_table.setObjectName("reviewMoments")
        self.moments_table.cellClicked.connect(self._on_moments_table_cell_clicked)
        self.steps_table = QTableWidget()
        timeline_split = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.timeline_plot, self.health_plot, self.dropped_plot, self.moments_table, self.steps_table):
            timeline_split.addWidget(widget)
        timeline_split.setSizes([200, 200, 90, 180, 180])

        self.products_table = QTableWidget()
        self.windows_table = QTableWidget()
        products_tab = QSplitter(Qt.Orientation.Vertical)
        products_tab.addWidget(self.products_table)
        products_tab.addWidget(self.windows_table)

        self.online_plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.online_plot.setBackground("w")
        self.online_plot.setLabel("left", self.tr("online"))
        self.lotteries_table = QTableWidget()
        self.alignment_table = QTableWidget()
        rhythm_tab = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.online_plot, self.lotteries_table, self.alignment_table):
            rhythm_tab.addWidget(widget)

        self.faults_table = QTableWidget()
        self.faults_table.setObjectName("reviewFaults")
        self.faults_table.cellClicked.connect(self._on_faults_table_cell_clicked)

        notes_tab = QWidget()
        notes_layout = QFormLayout(notes_tab)
        self.previous_notes = QLabel()
        self.previous_notes.setWordWrap(True)
        self.previous_notes.setStyleSheet("color: #2e7d32;")
        notes_layout.addRow(self.previous_notes)
        self.note_edits: dict[str, QPlainTextEdit] = {}
        for section in SECTIONS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"reviewNotes_{section}")
            edit.setPlaceholderText(self.tr("What to keep, what to change next time…"))
            edit.setMaximumHeight(90)
            self.note_edits[section] = edit
            notes_layout.addRow(section_title(section), edit)
        self.save_notes_button = QPushButton(self.tr("Save the improvement plan"))
        notes_layout.addRow(self.save_notes_button)

        compare_tab = QWidget()
        compare_layout = QVBoxLayout(compare_tab)
        compare_row = QHBoxLayout()
        self.compare_list = QComboBox()
        self.compare_button = QPushButton(self.tr("Compare"))
        compare_row.addWidget(QLabel(self.tr("Compare with")))
        compare_row.addWidget(self.compare_list, 1)
        compare_row.addWidget(self.compare_button)
        compare_layout.addLayout(compare_row)
        self.compare_tables = [QTableWidget() for _ in range(4)]
        for table in self.compare_tables:
            compare_layout.addWidget(table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(timeline_split, self.tr("Timeline"))
        self.tabs.addTab(products_tab, self.tr("Products"))
        self.tabs.addTab(rhythm_tab, self.tr("Rhythm"))
        self.tabs.addTab(self.faults_table, self.tr("Technical"))
        self.tabs.addTab(notes_tab, self.tr("Improvement plan"))
        self.tabs.addTab(compare_tab, self.tr("Compare"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.ended_button)
        layout.addWidget(self.last_plan_label)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.tabs, 1)

        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.platform_button.clicked.connect(self._on_platform_button_clicked)
        self.html_button.clicked.connect(self._on_html_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.save_notes_button.clicked.connect(self._on_save_notes_button_clicked)
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.ended_button.clicked.connect(self._on_ended_button_clicked)
        self.ended_banner.clicked.connect(self._on_ended_button_clicked)
        self.mapping_button.clicked.connect(self._on_mapping_button_clicked)
        self._set_enabled()

    # ----- the show that just ended ---------------------------------------------------------------
    def follow(self, controller: Any) -> None:
        """Offer the review of the running show as soon as it ends (``ShowController`` of the core)."""
        self._followed = controller
        controller.changed.connect(self._on_controller_changed)
        self._on_controller_changed()

    def _on_controller_changed(self) -> None:
        plan = getattr(self._followed, "plan", None)
        title = getattr(getattr(plan, "show", None), "title", "")
        if title and title != self._plan_title:
            self._plan_title = title
            spawn(self._show_last_plan(title), name="review-last-plan")
        session = getattr(self._followed, "session", None)
        if session is not None and session is not self._session_hooked:
            self._session_hooked = session
            session.rundown.changed.connect(self._on_rundown_changed)
        self._on_rundown_changed()

    def _on_rundown_changed(self) -> None:
        session = self._session_hooked
        if session is None or not session.rundown.ended:
            return
        path = Path(session.log.path)
        if path != self._ended_log:
            self.offer_ended_show(path)

    async def _show_last_plan(self, title: str) -> None:
        """Preparing a show of a plan reviewed before: its improvement plan comes back, in view."""
        import time

        previous = await asyncio.to_thread(self.store.previous, title=title, before=time.time())
        if previous is None or title != self._plan_title:
            self.last_plan_label.setVisible(False)
            return
        lines = [f"{section_title(k)}: {v}" for k, v in previous.notes.items()]
        self.last_plan_label.setText(self.tr("Last time's improvement plan for “{0}” ({1}):").format(
            title, self.review_time(previous.start)) + "\n" + "\n".join(lines))
        self.last_plan_label.setVisible(True)

    def offer_ended_show(self, path: Path) -> None:
        """The show just ended: one button opens its review."""
        self._ended_log = path
        for button in (self.ended_button, self.ended_banner):
            button.setText(self.tr("The show has ended — open its review (复盘)"))
            button.setVisible(True)

    def _on_ended_button_clicked(self) -> None:
        if self._ended_log is not None:
            self.ended_button.setVisible(False)
            self.ended_banner.setVisible(False)
            spawn(self.refresh(), name="review-list")
            self.open_log(self._ended_log)
            self.open_requested.emit()

    # ----- the list of shows --------------------------------------------------------------------
    def _set_enabled(self) -> None:
        has = self.review is not None and self.review.start is not None
        for widget in (self.platform_button, self.html_button, self.pdf_button, self.save_notes_button,
                       self.compare_button):
            widget.setEnabled(has)

    def _on_refresh_button_clicked(self) -> None:
        spawn(self.refresh(), name="review-list")

    async def refresh(self) -> list[ShowEntry]:
        self.entries = await asyncio.to_thread(list_shows, self.directory)
        for combo in (self.show_list, self.compare_list):
            combo.clear()
            for entry in self.entries:
                when = self.review_time(entry.start)
                label = f"{when}  {entry.title or Path(entry.path).name}"
                if not entry.finished:
                    label += "  " + self.tr("(not ended)")
                combo.addItem(label, entry.path)
        return self.entries

    @staticmethod
    def review_time(at: float | None) -> str:
        return datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M") if at else "—"

    def _on_open_button_clicked(self) -> None:
        path = self.show_list.currentData()
        if path:
            self.open_log(Path(path))

    # ----- opening a review ---------------------------------------------------------------------
    def open_log(self, path: Path) -> asyncio.Task[None]:
        """Build the review of ``path`` off the Qt thread and show it (the window calls this when a
        show ends)."""
        self.platform_files, self.mapping = [], {}
        self.comparison = None
        return run_action(self.load(Path(path)), self.message, name="review-open")

    async def load(self, path: Path, platform_files: list[Path] | None = None,
                   mapping: dict[str, dict[str, int]] | None = None) -> Review:
        files = list(platform_files or [])
        columns = dict(mapping or {})

        def build() -> tuple[Review, dict[str, str], Any]:
            review = build_review(path)
            if files and review.start is not None:
                platform: PlatformData = read_platform_files(files, show_start=review.start,
                                                             show_end=review.end or review.start,
                                                             mapping=columns or None)
                review = build_review(path, platform=platform)
            notes = self.store.notes(review_key(path))
            previous = self.store.previous(title=review.title, room=review.room, before=review.start) \
                if review.start is not None else None
            return review, notes, previous

        self.message.show_message(self.tr("Reading the show log and the health record…"))
        review, notes, previous = await asyncio.to_thread(build)
        self.platform_files, self.mapping = files, columns
        self.mapping_box.setVisible(False)
        self.show_review(review, notes)
        if previous is not None:
            lines = [f"{section_title(k)}: {v}" for k, v in previous.notes.items()]
            self.previous_notes.setText(self.tr("The plan from the last show of “{0}” ({1}):").format(
                previous.title or previous.room, self.review_time(previous.start)) + "\n" + "\n".join(lines))
        else:
            self.previous_notes.setText("")
        self.message.clear_message()
        return review

    def show_review(self, review: Review, notes: dict[str, str] | None = None) -> None:
        self.review = review
        notes = notes or {}
        title = review.title or Path(review.log_path).name
        lines = [self.tr("Review: {0}").format(title),
                 "   ".join(f"{k}: {v}" for k, v in summary(review))]
        lines += [f"• {line}" for line in highlights(review)]
        self.summary_label.setText("\n".join(lines))
        skipped = skipped_lines(review)
        self.skipped_label.setText((self.tr("Could not read:") + " " + " · ".join(skipped)) if skipped else "")
        self.skipped_label.setVisible(bool(skipped))
        for section in SECTIONS:
            self.note_edits[section].setPlainText(notes.get(section, ""))
        parts = {s.key: s for s in sections(review, notes)}
        if "timeline" in parts:
            tables = parts["timeline"].tables
            _fill(self.steps_table, tables[0])
            _fill(self.moments_table, tables[-1])
            self._moments = [m.at for m in review.moments]
            products = parts["products"].tables
            _fill(self.products_table, products[0])
            _fill(self.windows_table, products[1])
            rhythm = parts["rhythm"].tables
            _fill(self.lotteries_table, rhythm[0])
            if len(rhythm) > 1:
                _fill(self.alignment_table, rhythm[1])
            else:
                self.alignment_table.clear()
                self.alignment_table.setRowCount(0)
            _fill(self.faults_table, parts["technical"].tables[0])
            self._fault_times = [f.start for f in review.faults]
        if review.start is not None:
            # The charts' clock is the show's (the tables' too), not this computer's zone.
            offset = review.tz.utcoffset(datetime.fromtimestamp(review.start, review.tz))
            west = -int(offset.total_seconds()) if offset is not None else None
            for plot in (self.timeline_plot, self.health_plot, self.dropped_plot, self.online_plot):
                axis = plot.getAxis("bottom")
                axis.utcOffset = west
                axis.picture = None
                axis.update()
        self._draw_timeline(review)
        self._draw_health(review)
        self._draw_online(review)
        self._set_enabled()
        self.review_shown.emit()

    # ----- charts -------------------------------------------------------------------------------
    def _draw_timeline(self, review: Review) -> None:
        plot = self.timeline_plot
        for item in self._timeline_items:
            plot.removeItem(item)
        self._timeline_items = []
        bars: dict[str, tuple[list[float], list[float], list[float]]] = {}

        def bar(colour: str, start: float, end: float, lane: float) -> None:
            xs, widths, ys = bars.setdefault(colour, ([], [], []))
            xs.append((start + end) / 2)
            widths.append(max(1.0, end - start))
            ys.append(lane)

        for step in review.steps:
            colour = COLOURS["rerun"] if step.rerun else COLOURS.get(step.kind, COLOURS["segment"])
            for start, end in step.windows:
                bar(colour, start, end, _LANES.get(step.kind, 3))
        for span in review.spans:
            if span.lane == "timer":
                bar(COLOURS.get(span.kind, "#999999"), span.start, span.end, 2)
        for gap in review.gaps:
            bar(COLOURS["gap"], gap.start, gap.end, 2)
        for fault in review.faults:
            bar(COLOURS["fault"], fault.start, max(fault.end, fault.start + 20), 0)
        for colour, (xs, widths, ys) in bars.items():
            item = pg.BarGraphItem(x=xs, y=ys, width=widths, height=0.7, brush=colour, pen=pg.mkPen(None))
            plot.addItem(item)
            self._timeline_items.append(item)
        spots = [{"pos": (m.at, 1), "data": m.at,
                  "brush": pg.mkBrush(COLOURS["fault"] if m.status in ("failed", "partial") else COLOURS["push"])}
                 for m in review.moments]
        self.moment_points.setData(spots)
        if review.start is not None and review.end is not None:
            plot.setXRange(review.start, review.end, padding=0.01)
            plot.setYRange(-0.6, 4.6, padding=0)

    def _draw_health(self, review: Review) -> None:
        h = review.health
        xs = list(h.times)
        ys = [float("nan") if k is None else k for k in h.kbps]
        # A gap with no sample breaks the line (NaN): missing is never bridged.
        out_x: list[float] = []
        out_y: list[float] = []
        last = None
        for t, v in zip(xs, ys, strict=True):
            if last is not None and t - last > 3:
                out_x.append(last + 1)
                out_y.append(float("nan"))
            out_x.append(t)
            out_y.append(v)
            last = t
        self.health_curve.setData(out_x, out_y)
        dropped = [float("nan") if d is None else d for d in h.dropped_pct]
        self.dropped_curve.setData(xs, dropped)
        for item in self._health_items:
            self.health_plot.removeItem(item)
        self._health_items = []
        for fault in review.faults:
            if fault.seconds >= 1:
                region = pg.LinearRegionItem((fault.start, fault.end), movable=False,
                                             brush=pg.mkBrush(198, 40, 40, 50), pen=pg.mkPen(None))
                self.health_plot.addItem(region)
                self._health_items.append(region)
        for start, end in h.missing:
            region = pg.LinearRegionItem((start, end), movable=False, brush=pg.mkBrush(120, 120, 120, 50),
                                         pen=pg.mkPen(None))
            self.health_plot.addItem(region)
            self._health_items.append(region)
        self.time_cursor.setVisible(False)
        known = [k for k in h.kbps if k is not None]
        # From zero, with the platform's 800 / 1200 levels in view: a steady stream looks steady.
        self.health_plot.setYRange(0, max([1500.0, *known]) * 1.1, padding=0)
        if review.start is not None and review.end is not None:
            self.health_plot.setXRange(review.start, review.end, padding=0.01)

    def _draw_online(self, review: Review) -> None:
        self.online_plot.clear()
        data = review.platform
        if data is None or not data.minutes:
            return
        step = data.bucket_s or 60
        xs: list[float] = []
        ys: list[float] = []
        last = None
        for m in data.minutes:
            value = m.values.get("online")
            if last is not None and m.at - last > step * 1.5:
                xs.append(last + step)
                ys.append(float("nan"))
            xs.append(m.at + step / 2)
            ys.append(float("nan") if value is None else value)
            last = m.at
        self.online_plot.plot(xs, ys, pen=pg.mkPen(COLOURS["online"], width=2), connect="finite")
        for lottery in review.lotteries:
            self.online_plot.addItem(pg.InfiniteLine(lottery.start, pen=pg.mkPen(COLOURS["lottery"], width=1)))

    # ----- jumping to a moment ------------------------------------------------------------------
    def jump_to(self, at: float) -> None:
        """The health chart shows ten minutes around ``at`` with a cursor on it."""
        self.time_cursor.setPos(at)
        self.time_cursor.setVisible(True)
        self.health_plot.setXRange(at - JUMP_SPAN_S / 2, at + JUMP_SPAN_S / 2, padding=0)
        self.tabs.setCurrentIndex(0)

    def _on_moment_points_clicked(self, _item: Any, points: Any, *_: Any) -> None:
        if len(points):
            self.jump_to(float(points[0].data()))

    def _on_moments_table_cell_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._moments):
            self.jump_to(self._moments[row])

    def _on_faults_table_cell_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._fault_times):
            self.jump_to(self._fault_times[row])

    # ----- platform data, notes, exports, compare ------------------------------------------------
    def _file_dialog(self, title: str, filters: str, *, save: bool, suffix: str, on_selected: Any) -> None:
        if self.file_dialog is not None:
            self.file_dialog.close()
        dialog = QFileDialog(self, title, str(Path.home()), filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFiles)
        if save:
            dialog.setDefaultSuffix(suffix)
            if self.review is not None:
                dialog.selectFile(Path(self.review.log_path).name.split(".")[0] + "." + suffix)
            dialog.fileSelected.connect(lambda name: on_selected([Path(name)]) if name else None)
        else:
            dialog.filesSelected.connect(lambda names: on_selected([Path(n) for n in names]) if names else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_file_dialog_finished)
        self.file_dialog = dialog
        dialog.open()

    def _on_file_dialog_finished(self, _result: int) -> None:
        self.file_dialog = None

    def _on_platform_button_clicked(self) -> None:
        self._file_dialog(self.tr("Import the platform's live data"),
                          self.tr("Live data (*.csv *.xlsx *.xls *.json);;All files (*)"), save=False, suffix="",
                          on_selected=self.import_platform)

    def import_platform(self, files: list[Path], mapping: dict[str, dict[str, int]] | None = None
                        ) -> asyncio.Task[None] | None:
        if self.review is None:
            return None
        wanted = self.platform_files + [f for f in files if f not in self.platform_files]
        columns = {**self.mapping, **(mapping or {})}

        def on_error(error: UserError) -> None:
            if isinstance(error, NeedsPlatformMapping):
                self._ask_mapping(wanted, columns, error)

        return run_action(self.load(Path(self.review.log_path), wanted, columns), self.message,
                          name="review-platform", on_error=on_error,
                          done_text=self.tr("Platform data imported and aligned to the show log's clock (see "
                                            "Rhythm)."))

    def _ask_mapping(self, files: list[Path], columns: dict[str, dict[str, int]], error: NeedsPlatformMapping) -> None:
        """The mapping step: which column of that sheet is the time (or the product) and the figures."""
        self._pending = (files, columns, error.sheet)
        self.mapping_label.setText(self.tr("{0}: choose the columns (a time column for data by minute, a "
                                           "product column for data by product).").format(error.path.name))
        for combo in self.mapping_combos.values():
            combo.clear()
            combo.addItem("—", -1)
            for index, header in enumerate(error.headers):
                combo.addItem(f"{index + 1}: {header}", index)
        self.mapping_box.setVisible(True)

    def _on_mapping_button_clicked(self) -> None:
        if self._pending is None:
            return
        files, columns, sheet = self._pending
        chosen = {name: int(combo.currentData()) for name, combo in self.mapping_combos.items()
                  if combo.currentData() is not None and int(combo.currentData()) >= 0}
        if "time" not in chosen and "name" not in chosen:
            self.message.show_message(self.tr("Choose the time column or the product column first."), "error")
            return
        self._pending = None
        self.mapping_box.setVisible(False)
        self.platform_files = [f for f in self.platform_files if f in files]
        self.import_platform(files, {**columns, sheet: chosen})

    def _on_html_button_clicked(self) -> None:
        self._file_dialog(self.tr("Save the review as HTML"), self.tr("HTML (*.html)"), save=True, suffix="html",
                          on_selected=lambda paths: self.export(paths[0], "html"))

    def _on_pdf_button_clicked(self) -> None:
        self._file_dialog(self.tr("Save the review as PDF"), self.tr("PDF (*.pdf)"), save=True, suffix="pdf",
                          on_selected=lambda paths: self.export(paths[0], "pdf"))

    def current_notes(self) -> dict[str, str]:
        return {k: e.toPlainText() for k, e in self.note_edits.items()}

    def export(self, path: Path, kind: str) -> asyncio.Task[None] | None:
        review = self.review
        if review is None:
            return None
        notes, comparison = self.current_notes(), self.comparison

        async def write() -> Path:
            if kind == "pdf":
                from studio.review.render_pdf import write_pdf

                return await asyncio.to_thread(write_pdf, path, review, notes, comparison)
            from studio.review.render_html import write_html

            return await asyncio.to_thread(write_html, path, review, notes, comparison)

        return run_action(write(), self.message, name="review-export",
                          done_text=lambda written: self.tr("Saved {0}").format(written))

    def _on_save_notes_button_clicked(self) -> None:
        self.save_notes()

    def save_notes(self) -> asyncio.Task[None] | None:
        review = self.review
        if review is None:
            return None
        notes = self.current_notes()
        return run_action(asyncio.to_thread(self.store.save, review_key(review.log_path), notes, title=review.title,
                                            room=review.room, start=review.start),
                          self.message, name="review-notes", done_text=self.tr("Improvement plan saved."))

    def _on_compare_button_clicked(self) -> None:
        path = self.compare_list.currentData()
        if path:
            self.compare_with(Path(path))

    def compare_with(self, other: Path) -> asyncio.Task[None] | None:
        review = self.review
        if review is None:
            return None

        async def run() -> Comparison:
            other_review = await asyncio.to_thread(build_review, other)
            comparison = compare(review, other_review)
            self.comparison = comparison
            for table, data in zip(self.compare_tables, comparison_table(comparison), strict=True):
                _fill(table, data)
            self.tabs.setCurrentIndex(5)
            return comparison

        return run_action(run(), self.message, name="review-compare")
