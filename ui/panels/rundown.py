"""The rundown panel (节目单): what is on air and for how long against its target, what is next, the
running timers with countdowns, the cues ("Draw … in 30 s") in big letters, reorder and 返场 as one
click each, and — after a crash — the offer to resume the unfinished show.

``RundownPanel(controller)`` (a ``studio.show.session.ShowController``) re-binds when the controller's
session changes. The show's clock runs in the core (the session's 1 Hz tick); this panel only
re-draws, on the rundown's ``changed`` and once a second for the counters.

Each row of the running order says what it is (讲解 / 抽奖 / 开奖 / 发券 / 公告 …) and where it stands —
done ✓, skipped ⤼, on air ▶, next → — in words and colour, so they are told apart at a glance.
"End show" (结束直播) is an explicit step with a confirmation, offered when the stream stops (from
``OnAir``) and once the planned end has passed; it closes the show log for good.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
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

from studio.onair import OnAir
from studio.show.actions import ActionStatus
from studio.show.kinds import step_words, timer_words
from studio.show.rundown import DONE, ON_AIR, PENDING, SKIPPED, Cue, Rundown, RundownStep
from studio.show.session import ShowController
from ui.widgets import MessageLine, run_action, show_user_error

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


# How each row looks: (mark, colour, bold, struck out)
# (colours that read on the light and the dark theme; "" = the theme's own text colour)
ROW_LOOK = {
    DONE: ("✓", "#43a047", False, False),
    SKIPPED: ("⤼", "#9e9e9e", False, True),
    ON_AIR: ("▶", "#c62828", True, False),
    "next": ("→", "#1e88e5", True, False),
    PENDING: ("·", "", False, False),
}


def overrun_level(elapsed: float, target: float) -> str:
    if target <= 0 or elapsed <= target:
        return "normal"
    return "amber" if elapsed <= target * OVER_RED_RATIO else "red"


class RundownPanel(QWidget):
    def __init__(self, controller: ShowController, parent: QWidget | None = None, *,
                 onair: OnAir | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.onair = onair or OnAir.for_show(controller)
        self.rundown: Rundown | None = None
        self._unbind: list[Callable[[], None]] = []
        self._last_cue: Cue | None = None
        self._start_armed = False  # the "start anyway?" question is open

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
        self.skip_button = QPushButton(self.tr("Skip step"))
        self.skip_button.setToolTip(self.tr("Leave the selected step out; it shows as skipped"))
        self.message = MessageLine()

        # End show (结束直播): offered when the stream stops and at the planned end; confirmed.
        self.end_offer = QLabel()
        self.end_offer.setObjectName("endOffer")
        self.end_offer.setWordWrap(True)
        self.end_offer.setStyleSheet("color: #b06000; font-weight: bold;")
        self.end_button = QPushButton(self.tr("End show (结束直播)…"))
        self.end_button.setObjectName("endShowButton")
        self.end_confirm = QFrame()
        self.end_confirm.setObjectName("endConfirm")
        self.end_confirm.setFrameShape(QFrame.Shape.StyledPanel)
        self.end_confirm.setStyleSheet("#endConfirm { background: #fdecea; }")
        self.end_confirm_text = QLabel(self.tr(
            "End the show now? The show log is closed: the show cannot be resumed afterwards. "
            "Stop the stream in OBS after ending the show in the live console."))
        self.end_confirm_text.setWordWrap(True)
        self.end_yes = QPushButton(self.tr("Yes, end the show"))
        self.end_yes.setObjectName("endShowYes")
        self.end_no = QPushButton(self.tr("Keep going"))
        confirm = QHBoxLayout(self.end_confirm)
        confirm.addWidget(self.end_confirm_text, 1)
        confirm.addWidget(self.end_yes)
        confirm.addWidget(self.end_no)
        self.end_confirm.setVisible(False)

        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.rerun_button, self.skip_button, self.next_button):
            buttons.addWidget(button)
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_offer, 1)
        end_row.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.resume_bar)
        layout.addWidget(self.start_button)
        layout.addLayout(end_row)
        layout.addWidget(self.end_confirm)
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
        self.skip_button.clicked.connect(self._on_skip_clicked)
        self.end_button.clicked.connect(self._on_end_clicked)
        self.end_yes.clicked.connect(self._on_end_yes_clicked)
        self.end_no.clicked.connect(self._on_end_no_clicked)
        if self.onair is not None:
            self.onair.changed.connect(self._on_onair_changed)
        self._offer_state: tuple[bool, str] | None = None
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

    def _on_onair_changed(self) -> None:
        offer = self._offer_state
        self._render_end_offer()
        if offer != self._offer_state:
            self._render()

    def end_offer_text(self) -> str:
        """Why ending the show is offered now ("" when it is not)."""
        rundown = self.rundown
        if rundown is None or not rundown.live:
            return ""
        onair = self.onair
        if onair is not None and onair.state in ("show_running_stream_off", "off", "obs_offline") and \
                onair.stream_seconds > 0:
            return self.tr("The stream has stopped. Is the show over? Then end it here (结束直播); "
                           "otherwise start the stream again.")
        planned = rundown.planned_end
        if planned is not None and rundown.clock() >= planned:
            return self.tr("The planned end ({time}) has passed. End the show (结束直播) when the host has "
                           "said goodbye.").format(time=datetime.fromtimestamp(planned).strftime("%H:%M"))
        return ""

    def _render_end_offer(self) -> None:
        rundown = self.rundown
        live = rundown is not None and rundown.live
        text = self.end_offer_text()
        self._offer_state = (live, text)
        self.end_offer.setText(text)
        self.end_offer.setVisible(bool(text))
        self.end_button.setVisible(live)
        self.end_button.setStyleSheet("background: #c62828; color: white; font-weight: bold;" if text else "")
        if not live:
            self.end_confirm.setVisible(False)

    def _render(self) -> None:
        rundown = self.rundown
        has_show = rundown is not None and not rundown.ended
        for button in (self.up_button, self.down_button, self.rerun_button, self.next_button, self.skip_button):
            button.setEnabled(has_show)
        self._render_end_offer()
        self.start_button.setVisible(rundown is None or not rundown.live)
        self.start_button.setText(self.tr("Start the show (开播)") if has_show else self.tr("New show"))
        if rundown is not None and rundown.ended:
            self.on_air.setText(self.tr("The show has ended (结束直播). Its log is closed."))
            self.progress.setValue(0)
            self.progress.setFormat("")
            self.next_label.setText("")
            self.cue_label.setText("")
            self.show_clock.setText("")
            self.timers.clear()
            return
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
            self.cue_label.setText(self.tr("{cue} — in {left}").format(cue=cue.headline or cue.text,
                                                                      left=clock_text(cue.at - view.now)))
        elif cue is not None:
            self.cue_label.setText(cue.text)
        else:
            self.cue_label.setText("")
        self.timers.clear()
        for timer in view.timers:
            remaining = timer.remaining(view.now)
            kind = timer_words(timer.kind)
            left = clock_text(remaining) if remaining > 0 else self.tr("due now")
            self.timers.addItem(f"{kind}: {timer.label} — {left}")

    def _render_steps(self) -> None:
        selected = self._selected_step_id()
        self.steps.clear()
        if self.rundown is None:
            return
        following = self.rundown.next_step if self.rundown.live or not self.rundown.ended else None
        current: QListWidgetItem | None = None
        for step in self.rundown.steps:
            look = "next" if following is not None and step.id == following.id else step.state
            item = QListWidgetItem(self.row_text(step, look))
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, look)
            _mark, colour, bold, struck = ROW_LOOK.get(look, ROW_LOOK[PENDING])
            if colour:
                item.setForeground(QBrush(QColor(colour)))
            font = item.font()
            font.setBold(bold)
            font.setStrikeOut(struck)
            item.setFont(font)
            if look == ON_AIR:
                item.setBackground(QBrush(QColor("#fdecea")))
            self.steps.addItem(item)
            if look == ON_AIR or (current is None and look == "next"):
                current = item
            if step.id == selected:
                self.steps.setCurrentItem(item)
        if current is not None:  # a long running order scrolls: what is on air (or next) stays in view
            self.steps.scrollToItem(current, QListWidget.ScrollHint.EnsureVisible)

    def kind_text(self, kind: str) -> str:
        """The step's kind in the host's words: the plan editor's table (studio.show.kinds)."""
        return step_words(kind)

    def state_text(self, look: str) -> str:
        return {DONE: self.tr("done"), SKIPPED: self.tr("skipped"), ON_AIR: self.tr("ON AIR"),
                "next": self.tr("next"), PENDING: ""}.get(look, "")

    def row_text(self, step: RundownStep, look: str) -> str:
        """One row: mark and state in words, what it is, its title, its target (or when it ran)."""
        mark = ROW_LOOK.get(look, ROW_LOOK[PENDING])[0]
        state = self.state_text(look)
        rerun = self.tr(" (返场)") if step.rerun and "返场" not in step.title else ""
        timing = clock_text(step.target_s)
        if look == DONE and step.started_at is not None and step.ended_at is not None:
            timing = self.tr("{elapsed} of {target}").format(elapsed=clock_text(step.ended_at - step.started_at),
                                                             target=clock_text(step.target_s))
        head = f"{mark} {state:<6} " if state else f"{mark}        "
        return f"{head}{self.kind_text(step.kind)} · {step.title}{rerun} · {timing}"

    def _selected_step_id(self) -> str | None:
        item = self.steps.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # Actions -------------------------------------------------------------------------------

    def _guarded(self, action: Callable[[], object]) -> None:
        if show_user_error(self.message, action):
            self.message.clear_message()

    def _on_resume_clicked(self) -> None:
        run_action(self.controller.resume(), self.message, name="rundown-resume")

    def _on_new_clicked(self) -> None:
        run_action(self.controller.start_new(), self.message, name="rundown-new")

    def _on_start_clicked(self) -> None:
        if self.rundown is None or self.rundown.ended:
            self._on_new_clicked()
            return
        session = self.controller.session
        if session is None:
            self._guarded(self.rundown.start_show)
            return
        # Through the show's actions, like F8: a live room that is not live (or not reachable) is
        # asked about first; a second press within the question starts anyway.
        confirmed = self._start_armed
        self._start_armed = False
        run_action(self._start(session.actions, confirmed), self.message, name="rundown-start")

    async def _start(self, actions: Any, confirmed: bool) -> None:
        result = await actions.next_step(confirmed=confirmed)  # a UserError: run_action shows it
        if result.status is ActionStatus.ASK:
            self._start_armed = True
            self.message.show_message(self.tr("{question} Press “Start the show” again to start anyway.").format(
                question=result.message), "error")
        else:
            self.message.clear_message()

    def _on_skip_clicked(self) -> None:
        rundown, step_id = self.rundown, self._selected_step_id()
        if rundown is None or step_id is None:
            self.message.show_message(self.tr("Select a step in the running order first."), "error")
            return
        self._guarded(lambda: rundown.skip(step_id))

    def _on_end_clicked(self) -> None:
        self.end_confirm.setVisible(True)
        self.end_yes.setFocus()

    def _on_end_no_clicked(self) -> None:
        self.end_confirm.setVisible(False)

    def _on_end_yes_clicked(self) -> None:
        self.end_confirm.setVisible(False)
        run_action(self.controller.end_show(), self.message, name="rundown-end-show",
                   done_text=self.tr("The show has ended. The show log is closed; start a new show "
                                     "when you are ready."))

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
