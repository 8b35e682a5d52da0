"""The action pad: big one-click buttons with F1–F8 for the show's pushes, and the manual checklist.

``ActionPadPanel(controller)`` (a ``studio.show.session.ShowController``) binds to the controller's
running session and re-binds when it changes. A click (or its F key, active anywhere in the window):

- shows "Sending…" on the button at once, then each target's answer in plain words under it
  (live room ✓ / OBS overlay ✗ …);
- a platform rule's refusal shows its reason and when it will be allowed;
- a push that would interrupt a product explanation is asked without a dialog: the button turns
  into "Interrupt the explanation? Press again" for a few seconds; a second press sends it;
- manual steps (rooms without a push API) land in a checklist the assistant ticks off.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.errors import UserError
from studio.room.base import Outcome
from studio.show.actions import ActionResult, ActionStatus, ShowActions
from studio.show.session import ShowController
from studio.tasks import spawn
from ui.widgets import MessageLine

CONFIRM_MS = 5000  # how long "press again to interrupt" stays armed

# Keys of the pad's actions, in button order; each gets F1, F2, …
PAD_KEYS = ("explain", "push", "coupon", "lottery", "draw", "announcement", "take_off", "next")

_STATUS_STYLE = {"busy": "color: palette(text);", "ok": "color: #1b7f3a;",
                 "partial": "color: #b06000; font-weight: bold;",
                 "error": "color: #b3261e; font-weight: bold;",
                 "ask": "color: #b06000; font-weight: bold;"}


@dataclass
class _PadButton:
    key: str
    shortcut: str
    button: QPushButton
    status: QLabel


class ActionPadPanel(QWidget):
    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.actions: ShowActions | None = None
        self._unbind: list[Callable[[], None]] = []
        self._armed: str | None = None  # the key whose interruption question is open
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.setInterval(CONFIRM_MS)
        self._confirm_timer.timeout.connect(self._on_confirm_timer_timeout)

        self.titles = {
            "explain": self.tr("Explain product (讲解)"),
            "push": self.tr("Push product (商品上屏)"),
            "coupon": self.tr("Coupon (发券)"),
            "lottery": self.tr("Start lottery (发起抽奖)"),
            "draw": self.tr("Draw (开奖)"),
            "announcement": self.tr("Announcement (公告)"),
            "take_off": self.tr("Take off screen (下屏)"),
            "next": self.tr("Next step (下一步)"),
        }
        grid = QGridLayout()
        self.pad: dict[str, _PadButton] = {}
        for index, key in enumerate(PAD_KEYS):
            shortcut = f"F{index + 1}"
            button = QPushButton()
            button.setObjectName(f"pad_{key}")
            button.setMinimumHeight(64)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            button.setFont(font)
            status = QLabel()
            status.setObjectName(f"pad_{key}_status")
            status.setWordWrap(True)
            status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.pad[key] = _PadButton(key, shortcut, button, status)
            button.clicked.connect(lambda _=False, k=key: self._on_pad_triggered(k))
            # Window-wide: the host's hands are on the keyboard, wherever the focus is.
            QShortcut(QKeySequence(shortcut), self, activated=lambda k=key: self._on_pad_triggered(k))
            cell = QVBoxLayout()
            cell.addWidget(button)
            cell.addWidget(status)
            grid.addLayout(cell, index // 4, index % 4)

        self.checklist_title = QLabel(self.tr("To do by hand in the platform's tool — tick when done:"))
        self.checklist = QListWidget()
        self.checklist.setObjectName("manualChecklist")
        self.checklist.itemChanged.connect(self._on_checklist_item_changed)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.checklist_title)
        layout.addWidget(self.checklist)
        layout.addWidget(self.message)

        controller.changed.connect(self._on_controller_changed)
        self._on_controller_changed()

    # Binding -------------------------------------------------------------------------------

    def _on_controller_changed(self) -> None:
        for undo in self._unbind:
            undo()
        self._unbind = []
        session = self.controller.session
        self.actions = session.actions if session is not None else None
        if self.actions is not None:
            self._unbind.append(self.actions.changed.connect(self._render))
            self._unbind.append(self.actions.rundown.changed.connect(self._render))
            manual = self.actions.manual_room
            if manual is not None:
                self._unbind.append(manual.changed.connect(self._render_checklist))
        self._render()
        self._render_checklist()

    # Rendering -----------------------------------------------------------------------------

    def _subject(self, key: str) -> str:
        """What the button will act on now, e.g. the product's name."""
        actions = self.actions
        if actions is None:
            return ""
        plan = actions.plan
        if key in ("explain", "push"):
            product = plan.product(actions.current_product_id() or "")
            return product.name if product else ""
        if key == "coupon":
            coupon = plan.coupon(self._coupon_id() or "")
            return coupon.name if coupon else ""
        if key == "lottery":
            lottery = plan.lottery(self._lottery_id() or "")
            return lottery.prize if lottery else ""
        if key == "draw":
            lottery = plan.lottery(actions.running_lottery_id() or "")
            return lottery.prize if lottery else ""
        if key == "announcement":
            announcement = plan.announcement(self._announcement_id() or "")
            return announcement.text if announcement else ""
        if key == "take_off":
            return " · ".join(s.title for s in actions.on_screen.values())
        if key == "next":
            following = actions.rundown.next_step
            return following.title if following else ""
        return ""

    def _render(self) -> None:
        for key, pad in self.pad.items():
            if key == self._armed:
                continue  # the question is showing: keep it until answered or timed out
            subject = self._subject(key)
            text = f"{pad.shortcut}  {self.titles[key]}"
            pad.button.setText(f"{text}\n{subject}" if subject else text)
            pad.button.setToolTip(subject)
            enabled = self.actions is not None and (bool(subject) or key == "next") and \
                pad.status.property("busy") is not True
            pad.button.setEnabled(enabled)

    def _render_checklist(self) -> None:
        manual = self.actions.manual_room if self.actions is not None else None
        self.checklist_title.setVisible(manual is not None)
        self.checklist.setVisible(manual is not None)
        if manual is None:
            return
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for step in manual.pending:
            item = QListWidgetItem(step.instruction)
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.checklist.addItem(item)
        self.checklist.blockSignals(False)

    def _show_status(self, key: str, text: str, kind: str) -> None:
        status = self.pad[key].status
        status.setStyleSheet(_STATUS_STYLE.get(kind, ""))
        status.setText(text)
        status.setAccessibleDescription(kind)

    # Actions -------------------------------------------------------------------------------

    def _coupon_id(self) -> str | None:
        if self.actions is None:
            return None
        return self.actions.next_of("coupon") or next((c.id for c in self.actions.plan.coupons), None)

    def _lottery_id(self) -> str | None:
        if self.actions is None:
            return None
        return self.actions.next_of("lottery") or next((x.id for x in self.actions.plan.lotteries), None)

    def _announcement_id(self) -> str | None:
        if self.actions is None:
            return None
        return self.actions.next_of("announcement") or next(
            (a.id for a in self.actions.plan.announcements), None)

    def _call(self, key: str, confirmed: bool) -> Awaitable[ActionResult] | None:
        actions = self.actions
        if actions is None:
            return None
        if key == "explain":
            return actions.explain(actions.current_product_id(), confirmed=confirmed)
        if key == "push":
            return actions.push_product(actions.current_product_id() or "", confirmed=confirmed)
        if key == "coupon":
            return actions.push_coupon(self._coupon_id() or "", confirmed=confirmed)
        if key == "lottery":
            return actions.start_lottery(self._lottery_id() or "", confirmed=confirmed)
        if key == "draw":
            return actions.draw_lottery()
        if key == "announcement":
            return actions.push_announcement(self._announcement_id() or "", confirmed=confirmed)
        if key == "take_off":
            return actions.take_off()
        return None

    def _on_pad_triggered(self, key: str) -> None:
        pad = self.pad[key]
        if self.actions is None or not pad.button.isEnabled():
            return
        if key == "next":
            self._advance()
            return
        confirmed = self._armed == key
        self._disarm()
        call = self._call(key, confirmed)
        if call is None:
            return
        # Instant feedback, before anything has left the console.
        pad.status.setProperty("busy", True)
        pad.button.setEnabled(False)
        self._show_status(key, self.tr("Sending…"), "busy")
        spawn(self._run(key, call), name=f"pad-{key}")

    async def _run(self, key: str, call: Awaitable[ActionResult]) -> None:
        try:
            result = await call
        except UserError as e:
            self._show_status(key, str(e), "error")
        else:
            self._show_result(key, result)
        finally:
            self.pad[key].status.setProperty("busy", False)
            self._render()

    def _advance(self) -> None:
        actions = self.actions
        if actions is None:
            return
        try:
            if actions.rundown.live:
                step = actions.rundown.advance()
                text = step.title if step else self.tr("End of the running order.")
            else:
                actions.rundown.start_show()
                current = actions.rundown.current
                text = current.title if current else ""
        except UserError as e:
            self._show_status("next", str(e), "error")
            return
        self._show_status("next", self.tr("On air: {title}").format(title=text), "ok")

    def _show_result(self, key: str, result: ActionResult) -> None:
        if result.status is ActionStatus.ASK:
            assert result.question is not None
            self._arm(key)
            self._show_status(key, result.question.message, "ask")
            return
        if result.status is ActionStatus.REFUSED:
            assert result.refusal is not None
            reason = result.refusal.reason
            self._show_status(key, self.tr("Not sent: {reason}").format(reason=reason), "error")
            return
        lines = [self._target_line(t.name, t.outcome, t.message) for t in result.targets]
        kind = {ActionStatus.SENT: "ok", ActionStatus.PARTIAL: "partial"}.get(result.status, "error")
        self._show_status(key, "\n".join(lines), kind)

    def _target_line(self, name: str, outcome: Outcome, message: str) -> str:
        mark = {Outcome.DONE: "✓", Outcome.MANUAL: "☐"}.get(outcome, "✗")
        if outcome is Outcome.DONE:
            return self.tr("{mark} {target}: done").format(mark=mark, target=name)
        if outcome is Outcome.MANUAL:
            return self.tr("{mark} {target}: do it by hand — {step}").format(mark=mark, target=name,
                                                                            step=message)
        return self.tr("{mark} {target}: not done — {reason}").format(mark=mark, target=name, reason=message)

    # The non-modal question ------------------------------------------------------------------

    def _arm(self, key: str) -> None:
        self._armed = key
        pad = self.pad[key]
        pad.button.setText(self.tr("{key}  Interrupt the explanation?\nPress again to send").format(
            key=pad.shortcut))
        pad.button.setEnabled(True)
        self._confirm_timer.start()

    def _disarm(self) -> None:
        self._confirm_timer.stop()
        key, self._armed = self._armed, None
        if key is not None:
            self._show_status(key, "", "busy")
            self._render()

    def _on_confirm_timer_timeout(self) -> None:
        self._disarm()

    # Checklist -------------------------------------------------------------------------------

    def _on_checklist_item_changed(self, item: QListWidgetItem) -> None:
        if item.checkState() != Qt.CheckState.Checked or self.actions is None:
            return
        step_id: Any = item.data(Qt.ItemDataRole.UserRole)
        try:
            self.actions.tick_manual_step(str(step_id))
        except (KeyError, UserError) as e:
            self.message.show_message(str(e), "error")
