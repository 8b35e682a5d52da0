"""The rundown panel (节目单): what is on air and for how long against its target, what is next, the
running timers with countdowns, the cues ("Draw … in 30 s") in big letters, reorder and 返场 as one
click each, and — after a crash — the offer to resume the unfinished show.

``RundownPanel(controller)`` (a ``studio.show.session.ShowController``) re-binds when the controller's
session changes. The show's clock runs in the core (the session's 1 Hz tick); this panel only
re-draws, on the rundown's ``changed`` and once a second for the counters.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import UserError
from studio.show.rundown import DONE, ON_AIR, Cue, Rundown
from studio.show.session import ShowController
from studio.tasks import spawn
from ui.widgets import MessageLine

OVER_RED_RATIO = 1.2  # amber once over target, red once 20 % over
_BAR_STYLE = {
    "normal": "QProgressBar::chunk { background: #2e7d32; }",
    "amber": "QProgressBar::chunk { background: #f29900; }",
    "red": "QProgressBar::chunk { background: #c62828; }",
}


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    minutes, rest = divmod(seconds, 60)
    return f"{minutes:02d}:{rest:02d}"


def overrun_level(elapsed: float, target: float) -> str:
    if target <= 0 or elapsed <= target:
        return "normal"
    return "amber" if elapsed <= target * OVER_RED_RATIO else "red"


class RundownPanel(QWidget):
    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rundown: Rundown | None = None
        self._unbind: list[Callable[[], None]] = []
        self._last_cue: Cue | None = None

        # The resume offer after a crash
        self.resume_bar = QFrame()
        self.resume_bar.setObjectName("resumeBar")
        self.resume_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.resume_text = QLabel()
        self.resume_button = QPushButton(self.tr("Resume"))
        self.new_button = QPushButton(self.tr("Start new"))
        bar = QHBoxLayout(self.resume_bar)
        bar.addWidget(self.resume_text, 1)
        bar.addWidget(self.resume_button)
        bar.addWidget(self.new_button)

        self.start_button = QPushButton(self.tr("Start the show (开播)"))
        self.cue_label = QLabel()
        self.cue_label.setObjectName("cue")
        self.cue_label.setStyleSheet("font-size: 20pt; font-weight: bold; color: #b06000;")
        self.cue_label.setWordWrap(True)
        self.on_air = QLabel()
        self.on_air.setObjectName("onAir")
        self.on_air.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.next_label = QLabel()
        self.show_clock = QLabel()
        self.timers = QListWidget()
        self.timers.setObjectName("timers")
        self.timers.setMaximumHeight(110)
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.rerun_button = QPushButton(self.tr("Re-run (返场)"))
        self.next_button = QPushButton(self.tr("Next step"))
        self.message = MessageLine()

        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.rerun_button, self.next_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.resume_bar)
        layout.addWidget(self.start_button)
        layout.addWidget(self.cue_label)
        layout.addWidget(self.on_air)
        layout.addWidget(self.progress)
        layout.addWidget(self.next_label)
        layout.addWidget(self.show_clock)
        layout.addWidget(QLabel(self.tr("Running timers")))
        layout.addWidget(self.timers)
        layout.addWidget(QLabel(self.tr("Running order")))
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.up_button.clicked.connect(self._on_up_clicked)
        self.down_button.clicked.connect(self._on_down_clicked)
        self.rerun_button.clicked.connect(self._on_rerun_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.refresh = QTimer(self)
        self.refresh.setInterval(1000)
        self.refresh.timeout.connect(self._on_refresh_timeout)
        self.refresh.start()
        controller.changed.connect(self._on_controller_changed)
        self._on_controller_changed()

    # Binding -------------------------------------------------------------------------------

    def _on_controller_changed(self) -> None:
        for undo in self._unbind:
            undo()
        self._unbind = []
        session = self.controller.session
        self.rundown = session.rundown if session is not None else None
        if session is not None:
            self._unbind.append(session.rundown.changed.connect(self._on_rundown_changed))
            self._unbind.append(session.cue.connect(self._on_session_cue))
        offer = self.controller.offer
        self.resume_bar.setVisible(offer is not None)
        if offer is not None:
            title = f" “{offer.title}”" if offer.title else ""
            self.resume_text.setText(self.tr("An unfinished show{title} was found. Resume the show from "
                                             "{time}?").format(title=title, time=offer.started_text()))
        self._render_steps()
        self._render()

    # Rendering -----------------------------------------------------------------------------

    def _on_rundown_changed(self) -> None:
        self._render_steps()
        self._render()

    def _on_refresh_timeout(self) -> None:
        self._render()

    def _on_session_cue(self, cue: Cue) -> None:
        self._last_cue = cue
        self._render()

    def _render(self) -> None:
        rundown = self.rundown
        has_show = rundown is not None
        for button in (self.up_button, self.down_button, self.rerun_button, self.next_button):
            button.setEnabled(has_show)
        self.start_button.setVisible(rundown is None or not rundown.live)
        self.start_button.setText(self.tr("Start the show (开播)") if has_show else self.tr("New show"))
        if rundown is None:
            self.on_air.setText(self.tr("No show is running."))
            self.progress.setValue(0)
            self.next_label.setText("")
            self.cue_label.setText("")
            self.timers.clear()
            return
        view = rundown.view()
        if view.on_air is not None:
            step = view.on_air
            self.on_air.setText(self.tr("On air: {title}").format(title=step.step.title))
            self.progress.setMaximum(max(1, int(step.target_s)))
            self.progress.setValue(min(int(step.elapsed_s), int(step.target_s)))
            self.progress.setFormat(self.tr("{elapsed} of {target}").format(
                elapsed=clock_text(step.elapsed_s), target=clock_text(step.target_s)))
            level = overrun_level(step.elapsed_s, step.target_s)
        else:
            self.on_air.setText(self.tr("Nothing on air.") if view.live else self.tr("Not on air yet."))
            self.progress.setValue(0)
            self.progress.setFormat("")
            level = "normal"
        self.progress.setStyleSheet(_BAR_STYLE[level])
        self.progress.setAccessibleDescription(level)
        following = view.next_step
        self.next_label.setText(self.tr("Next: {title}").format(title=following.title) if following
                                else self.tr("Next: end of the running order"))
        self.show_clock.setText(self.tr("Show time {elapsed}").format(elapsed=clock_text(view.show_elapsed_s))
                                if view.live else "")
        # The cue: the one that fired last while it is still ahead, else the next one within its lead.
        cue = self._last_cue if self._last_cue is not None and self._last_cue.at > view.now else None
        if cue is None:
            cue = next((c for c in view.upcoming_cues if c.fire_at <= view.now), None)
        if cue is not None and cue.at > view.now:
            self.cue_label.setText(self.tr("{cue} — {left}").format(cue=cue.text,
                                                                   left=clock_text(cue.at - view.now)))
        elif cue is not None:
            self.cue_label.setText(cue.text)
        else:
            self.cue_label.setText("")
        self.timers.clear()
        for timer in view.timers:
            remaining = timer.remaining(view.now)
            kind = {"lottery": self.tr("Lottery"), "coupon": self.tr("Coupon"),
                    "flash_sale": self.tr("Flash sale"), "announcement": self.tr("Announcement")}.get(
                timer.kind, timer.kind)
            left = clock_text(remaining) if remaining > 0 else self.tr("due now")
            self.timers.addItem(f"{kind}: {timer.label} — {left}")

    def _render_steps(self) -> None:
        selected = self._selected_step_id()
        self.steps.clear()
        if self.rundown is None:
            return
        for step in self.rundown.steps:
            mark = {ON_AIR: "▶ ", DONE: "✓ "}.get(step.state, "   ")
            rerun = self.tr(" (返场)") if step.rerun and "返场" not in step.title else ""
            item = QListWidgetItem(f"{mark}{step.title}{rerun} · {clock_text(step.target_s)}")
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            if step.state == ON_AIR:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.steps.addItem(item)
            if step.id == selected:
                self.steps.setCurrentItem(item)

    def _selected_step_id(self) -> str | None:
        item = self.steps.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # Actions -------------------------------------------------------------------------------

    def _guarded(self, action: Callable[[], object]) -> None:
        try:
            action()
        except UserError as e:
            self.message.show_message(str(e), "error")
        else:
            self.message.clear_message()

    def _on_resume_clicked(self) -> None:
        spawn(self._open(self.controller.resume), name="rundown-resume")

    def _on_new_clicked(self) -> None:
        spawn(self._open(self.controller.start_new), name="rundown-new")

    async def _open(self, how: Callable[[], Awaitable[Any]]) -> None:
        try:
            await how()
        except UserError as e:
            self.message.show_message(str(e), "error")

    def _on_start_clicked(self) -> None:
        if self.rundown is None:
            self._on_new_clicked()
            return
        self._guarded(self.rundown.start_show)

    def _move(self, delta: int) -> None:
        rundown, step_id = self.rundown, self._selected_step_id()
        if rundown is None or step_id is None:
            self.message.show_message(self.tr("Select a step in the running order first."), "error")
            return
        index = [s.id for s in rundown.steps].index(step_id)
        self._guarded(lambda: rundown.move(step_id, max(0, index + delta)))

    def _on_up_clicked(self) -> None:
        self._move(-1)

    def _on_down_clicked(self) -> None:
        self._move(1)

    def _on_rerun_clicked(self) -> None:
        rundown, step_id = self.rundown, self._selected_step_id()
        if rundown is None:
            return
        step = next((s for s in rundown.steps if s.id == step_id), None)
        if step is None or step.kind not in ("explain", "flash_sale"):
            self.message.show_message(self.tr("Select a product in the running order to re-run it."), "error")
            return
        self._guarded(lambda: rundown.rerun(step.ref))

    def _on_next_clicked(self) -> None:
        rundown = self.rundown
        if rundown is not None:
            self._guarded(rundown.advance)
