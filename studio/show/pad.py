"""The action pad as a table in the core: its keys, what each acts on now, its state and last result.

``Pad(controller)`` follows the controller's running show (``studio.show.session.ShowController``)
and turns each key press into one of ``studio.show.actions.ShowActions``' actions. Every way of
pressing a key — the pad's buttons, its F keys, the remote HTTP API, a phone, a Stream Deck — goes
through ``await pad.run(key_id, source=...)``, so they behave the same and the show log's
``action_result`` differs only in ``source``.

What a key shows (``PadKey``): what it acts on now (``subject``: the product on air or next, the
next coupon …), whether it can be pressed (``enabled``/``why_not`` in plain words), its ``state``
and its ``last_result`` (one line). States:

- ``idle``: nothing pressed yet (or the question timed out);
- ``busy``: sent, waiting for the targets (``last_result`` shows what has answered so far);
- ``ask``: it would interrupt a product being explained: nothing was sent; a second press within
  ``confirm_seconds`` sends it (``run(..., confirmed=True)`` too);
- ``ok`` / ``manual`` (a step to do by hand is in the checklist) / ``partial`` / ``error``;
- ``unknown``: after a resume, the console had sent it but never heard back: "sent? — check in
  the live console"; ``resolve(key_id, happened)`` answers it; it is never repeated by itself.

A refusal with a one-click fix carries it in ``PadKey.fix`` (``run_fix(key_id)`` applies it): goods
not in the room → add and push; off sale → put on sale and push; a push already running → retried
by itself when the window ends (the countdown is in ``last_result``) or at once with the fix.
``changed`` fires whenever anything a key shows may have changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from studio.errors import UserError
from studio.events import Signal
from studio.health.history import MarkerKind
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.room.base import Outcome, RoomAction
from studio.show.actions import (
    RUNDOWN_TARGET,
    ActionKind,
    ActionResult,
    ActionStatus,
    ShowActions,
    TargetResult,
    action_source,
)
from studio.tasks import spawn

if TYPE_CHECKING:
    from studio.room.manual import ManualRoom
    from studio.show.session import ShowController

CONFIRM_SECONDS = 5.0  # how long "press again to interrupt" stays armed

# The keys in pad order, each with its F key and its title (translated when shown).
KEY_ORDER: tuple[tuple[str, str, str], ...] = (
    ("explain", "F1", QT_TRANSLATE_NOOP("Pad", "Explain product (讲解)")),
    ("push", "F2", QT_TRANSLATE_NOOP("Pad", "Push product (商品上屏)")),
    ("coupon", "F3", QT_TRANSLATE_NOOP("Pad", "Coupon (发券)")),
    ("lottery", "F4", QT_TRANSLATE_NOOP("Pad", "Start lottery (发起抽奖)")),
    ("draw", "F5", QT_TRANSLATE_NOOP("Pad", "Draw (开奖)")),
    ("announcement", "F6", QT_TRANSLATE_NOOP("Pad", "Announcement (公告)")),
    ("take_off", "F7", QT_TRANSLATE_NOOP("Pad", "Take off screen (下屏)")),
    ("next", "F8", QT_TRANSLATE_NOOP("Pad", "Next step (下一步)")),
    ("on_sale", "F9", QT_TRANSLATE_NOOP("Pad", "On sale (上架)")),
    ("off_sale", "F10", QT_TRANSLATE_NOOP("Pad", "Off sale (下架)")),
    ("subscriber_push", "F11", QT_TRANSLATE_NOOP("Pad", "Notify subscribers (推送本场直播)")),
    ("end_explain", "F12", QT_TRANSLATE_NOOP("Pad", "End explanation (结束讲解)")),
    # No F key left: beside 上架/下架 (F9/F10). The mini-program room has no stock call: a checklist step.
    ("stock", "Shift+F9", QT_TRANSLATE_NOOP("Pad", "Stock (库存)")),
)
KEY_IDS = tuple(k for k, _, _ in KEY_ORDER)
PRODUCT_KEYS = ("explain", "push", "on_sale", "off_sale", "stock")  # they act on the current product

# Which key an action belongs to (an unanswered intent found on resume shows on its key).
KEY_OF_ACTION = {
    ActionKind.EXPLAIN.value: "explain", ActionKind.PUSH_PRODUCT.value: "push",
    ActionKind.COUPON.value: "coupon", ActionKind.LOTTERY_START.value: "lottery",
    ActionKind.LOTTERY_DRAW.value: "draw", ActionKind.ANNOUNCEMENT.value: "announcement",
    ActionKind.TAKE_OFF.value: "take_off", ActionKind.NEXT.value: "next",
    ActionKind.GOODS_ON_SALE.value: "on_sale", ActionKind.GOODS_OFF_SALE.value: "off_sale",
    ActionKind.SUBSCRIBER_PUSH.value: "subscriber_push", ActionKind.END_EXPLAIN.value: "end_explain",
    ActionKind.STOCK.value: "stock",
}


@dataclass(frozen=True)
class PadFix:
    """A one-click fix offered after a refusal ("add to this room and push")."""

    id: str  # "add_goods" | "put_on_sale" | "retry" | ...
    label: str  # translated


@dataclass(frozen=True)
class PadKey:
    id: str
    shortcut: str
    label: str
    subject: str
    enabled: bool
    why_not: str
    state: str  # idle | busy | ask | ok | partial | manual | error | unknown
    last_result: str
    fix: PadFix | None


@dataclass
class _Slot:
    state: str = "idle"
    last_result: str = ""
    fix: PadFix | None = None
    result: ActionResult | None = None  # the result the fix is about
    ask_handle: asyncio.TimerHandle | None = None
    retry_task: asyncio.Task[Any] | None = None
    intent: dict[str, Any] | None = None  # for ``unknown``: the intent without a result
    progress: dict[str, TargetResult] = field(default_factory=dict)


class PadRefused(UserError):
    """The key cannot be pressed now; ``str()`` says why in plain words."""


class Pad:
    def __init__(self, controller: ShowController, *, confirm_seconds: float = CONFIRM_SECONDS,
                 retry_seconds: float | None = None, clock: Callable[[], float] = time.monotonic,
                 markers: Callable[[str, str], Any] | None = None) -> None:
        self.controller = controller
        # The health chart's markers (``StreamHealth.add_marker(kind, label)``): one per product
        # push and lottery start/draw, whoever pressed.
        self.markers = markers
        self.changed = Signal("pad.changed")
        self.confirm_seconds = confirm_seconds
        self.retry_seconds = retry_seconds
        self._clock = clock
        self.actions: ShowActions | None = None
        self._slots: dict[str, _Slot] = {k: _Slot() for k in KEY_IDS}
        self._unbind: list[Callable[[], None]] = []
        controller.changed.connect(self._on_controller_changed)
        self._on_controller_changed()

    # --- what the pad drives -------------------------------------------------------------------

    @property
    def target_label(self) -> str:
        """What the pad drives: "小程序直播间 1001 · 彩排" / "手动清单" / "演练（不发送）"."""
        if self.actions is not None:
            return self.actions.room.target_label
        targets = getattr(self.controller, "targets", None)
        if targets is not None:
            return translate("Pad", "{target} (when the show starts)").format(target=targets.label())
        return self.controller.room.target_label

    @property
    def room_problem(self) -> str | None:
        """What is wrong with the live room before the show (not live, not reachable), or None."""
        return self.actions.room_problem if self.actions is not None else None

    @property
    def checklist(self) -> ManualRoom | None:
        """The manual steps of this show's target (None when it has none)."""
        return self.actions.manual_room if self.actions is not None else None

    def tick_manual_step(self, step_id: str) -> None:
        if self.actions is not None:
            self.actions.tick_manual_step(step_id)

    # --- the keys -------------------------------------------------------------------------------

    def keys(self) -> list[PadKey]:
        return [self.key(k) for k in KEY_IDS]

    def key(self, key_id: str) -> PadKey:
        if key_id not in self._slots:
            raise KeyError(key_id)
        shortcut, title = next((s, t) for k, s, t in KEY_ORDER if k == key_id)
        slot = self._slots[key_id]
        subject = self._subject(key_id)
        why_not = self._why_not(key_id, subject, slot)
        return PadKey(key_id, shortcut, translate("Pad", title), subject, not why_not, why_not, slot.state,
                      slot.last_result, slot.fix)

    # --- pressing them --------------------------------------------------------------------------

    async def run(self, key_id: str, *, source: str = "pad", confirmed: bool = False) -> ActionResult:
        """Press a key. Raises ``PadRefused`` (plain words) when it cannot be pressed now, and the
        action's ``UserError`` (e.g. "no product on air") after showing it on the key."""
        key = self.key(key_id)
        if not key.enabled:
            raise PadRefused(key.why_not)
        slot = self._slots[key_id]
        if slot.state == "ask" and slot.ask_handle is not None:
            confirmed = True  # the second press answers the question
        call = self._call(key_id, confirmed)
        return await self._perform(key_id, call, source)

    async def run_fix(self, key_id: str, *, source: str = "pad") -> ActionResult:
        """Apply the fix the key offers (``PadKey.fix``): e.g. add the product to the room and push."""
        slot = self._slots[key_id]
        fix, result = slot.fix, slot.result
        if fix is None or result is None or self.actions is None:
            raise PadRefused(translate("Pad", "There is nothing to fix on this key."))
        self._cancel_retry(slot)
        actions = self.actions
        return await self._perform(key_id, lambda: actions.fix(result, fix.id), source)

    def resolve(self, key_id: str, happened: bool) -> None:
        """Answer an ``unknown`` key after checking the live console: it happened, or it did not."""
        slot = self._slots[key_id]
        if slot.state != "unknown" or slot.intent is None or self.actions is None:
            raise PadRefused(translate("Pad", "This key is not waiting for an answer."))
        self.actions.resolve_intent(slot.intent, happened)
        slot.intent = None
        slot.state = "ok" if happened else "idle"
        slot.last_result = (translate("Pad", "Marked as done in the live room.") if happened else
                            translate("Pad", "Marked as not sent: press the key to send it."))
        self.changed.emit()

    # --- internals: running ---------------------------------------------------------------------

    async def _perform(self, key_id: str, call: Callable[[], Awaitable[ActionResult]], source: str
                       ) -> ActionResult:
        slot = self._slots[key_id]
        self._cancel_ask(slot)
        self._cancel_retry(slot)
        slot.state, slot.fix, slot.result, slot.progress = "busy", None, None, {}
        slot.last_result = translate("Pad", "Sending…")
        self.changed.emit()
        token = action_source.set((source, key_id))
        try:
            result = await call()
        except UserError as e:
            slot.state, slot.last_result = "error", str(e)
            self.changed.emit()
            raise
        except BaseException:
            slot.state, slot.last_result = "error", translate(
                "Pad", "Stopped before an answer came; check the live console.")
            self.changed.emit()
            raise
        finally:
            action_source.reset(token)
        self._show(key_id, result)
        return result

    def _call(self, key_id: str, confirmed: bool) -> Callable[[], Awaitable[ActionResult]]:
        actions = self.actions
        assert actions is not None
        calls: dict[str, Callable[[], Awaitable[ActionResult]]] = {
            "explain": lambda: actions.explain(actions.current_product_id(), confirmed=confirmed),
            "push": lambda: actions.push_product(actions.current_product_id() or "", confirmed=confirmed),
            "coupon": lambda: actions.push_coupon(self._coupon_id() or "", confirmed=confirmed),
            "lottery": lambda: actions.start_lottery(self._lottery_id() or "", confirmed=confirmed),
            "draw": lambda: actions.draw_lottery(),
            "announcement": lambda: actions.push_announcement(self._announcement_id() or "",
                                                              confirmed=confirmed),
            "take_off": lambda: actions.take_off(),
            "next": lambda: actions.next_step(confirmed=confirmed),
            "on_sale": lambda: actions.set_on_sale(actions.current_product_id() or "", True),
            "off_sale": lambda: actions.set_on_sale(actions.current_product_id() or "", False),
            "subscriber_push": lambda: actions.notify_subscribers(),
            "end_explain": lambda: actions.end_explanation(),
            "stock": lambda: actions.stock_call(actions.current_product_id() or ""),
        }
        return calls[key_id]

    def _show(self, key_id: str, result: ActionResult) -> None:
        slot = self._slots[key_id]
        slot.result = result
        if result.status is ActionStatus.ASK:
            slot.state = "ask"
            slot.last_result = translate("Pad", "{question} Press again to send.").format(
                question=result.message)
            with contextlib.suppress(RuntimeError):  # no running loop: the question stays until answered
                slot.ask_handle = asyncio.get_running_loop().call_later(
                    self.confirm_seconds, self._expire_ask, key_id)
        elif result.status is ActionStatus.REFUSED:
            slot.state = "error"
            slot.last_result = translate("Pad", "Not sent: {reason}").format(reason=result.message)
        else:
            manual = any(t.outcome is Outcome.MANUAL for t in result.targets)
            slot.state = {ActionStatus.SENT: "manual" if manual else "ok",
                          ActionStatus.PARTIAL: "partial"}.get(result.status, "error")
            # The subscriber push's answer is news (how many were told); a push's is just "done".
            detail = result.action is ActionKind.SUBSCRIBER_PUSH
            slot.last_result = " · ".join(self.target_line(t, detail) for t in result.targets)
            slot.fix = self._fix_for(result)
            if slot.fix is not None and slot.fix.id == "retry" and result.retry_after is not None:
                wait = self.retry_seconds if self.retry_seconds is not None else result.retry_after
                slot.retry_task = spawn(self._retry_later(key_id, wait), name=f"pad-retry-{key_id}")
        self.changed.emit()

    @staticmethod
    def target_line(t: TargetResult, detail: bool = False) -> str:
        """One target's answer in one short phrase: "✓ Live room: done"."""
        if t.outcome is Outcome.DONE and t.target == RUNDOWN_TARGET and t.message:
            return t.message
        if t.outcome is Outcome.DONE and detail and t.message:
            return translate("Pad", "✓ {target}: {message}").format(target=t.name, message=t.message)
        if t.outcome is Outcome.DONE:
            return translate("Pad", "✓ {target}: done").format(target=t.name)
        if t.outcome is Outcome.MANUAL:
            return translate("Pad", "☐ {target}: do it by hand — {step}").format(target=t.name, step=t.message)
        return translate("Pad", "✗ {target}: not done — {reason}").format(target=t.name, reason=t.message)

    def _fix_for(self, result: ActionResult) -> PadFix | None:
        room = next((t for t in result.targets if t.target == "room" and not t.ok), None)
        if room is None or not room.next_step:
            return None
        labels = {
            "add_goods": translate("Pad", "Add to this room and push"),
            "put_on_sale": translate("Pad", "Put on sale and push"),
            "retry": translate("Pad", "Retry now"),
        }
        label = labels.get(room.next_step)
        return PadFix(room.next_step, label) if label else None

    async def _retry_later(self, key_id: str, seconds: float) -> None:
        """A push still running in the room (300047): count down, then send the room part again."""
        slot = self._slots[key_id]
        base = slot.last_result
        deadline = self._clock() + seconds
        while (left := deadline - self._clock()) > 0:
            slot.last_result = translate("Pad", "{result} — retrying in {seconds} s").format(
                result=base, seconds=max(1, round(left)))
            self.changed.emit()
            await asyncio.sleep(min(1.0, left))
        slot.retry_task = None
        if slot.fix is not None and slot.fix.id == "retry" and slot.result is not None:
            with contextlib.suppress(UserError):
                await self.run_fix(key_id, source="auto_retry")

    def _expire_ask(self, key_id: str) -> None:
        slot = self._slots[key_id]
        slot.ask_handle = None
        if slot.state == "ask":
            slot.state, slot.last_result = "idle", ""
            self.changed.emit()

    @staticmethod
    def _cancel_ask(slot: _Slot) -> None:
        if slot.ask_handle is not None:
            slot.ask_handle.cancel()
            slot.ask_handle = None

    def _cancel_retry(self, slot: _Slot) -> None:
        task = slot.retry_task
        slot.retry_task = None
        if task is not None and task is not asyncio.current_task():
            task.cancel()

    # --- internals: binding and what each key acts on -------------------------------------------

    def _on_controller_changed(self) -> None:
        for undo in self._unbind:
            undo()
        self._unbind = []
        session = self.controller.session
        actions = session.actions if session is not None else None
        fresh = actions is not self.actions
        if fresh:
            for slot in self._slots.values():
                self._cancel_ask(slot)
                self._cancel_retry(slot)
            self._slots = {k: _Slot() for k in KEY_IDS}
        self.actions = actions
        if actions is not None:
            self._unbind.append(actions.changed.connect(self.changed.emit))
            self._unbind.append(actions.rundown.changed.connect(self.changed.emit))
            self._unbind.append(actions.progress.connect(self._on_actions_progress))
            self._unbind.append(actions.finished.connect(self._on_actions_finished))
            manual = actions.manual_room
            if manual is not None:
                self._unbind.append(manual.changed.connect(self.changed.emit))
            for intent in actions.unanswered_intents:
                self._unknown(intent)
            if fresh and _loop_running():
                # Before the show: is the room live? The header says so before anyone presses.
                spawn(self._check_room(actions), name="pad-room-check")
        self.changed.emit()

    @staticmethod
    async def _check_room(actions: ShowActions) -> None:
        if not actions.rundown.live and not actions.rundown.ended:
            await actions.check_room()

    def _unknown(self, intent: dict[str, Any]) -> None:
        key_id = str(intent.get("key") or KEY_OF_ACTION.get(str(intent.get("action")), ""))
        if key_id not in self._slots:
            return
        slot = self._slots[key_id]
        slot.state, slot.intent = "unknown", intent
        slot.last_result = translate("Pad", "“{title}” sent? — check in the live console, then answer "
                                            "here.").format(title=intent.get("title") or intent.get("ref", ""))

    def _on_actions_progress(self, key_id: str, target: TargetResult) -> None:
        """One target answered while others are still sending: show it at once on its key."""
        slot = self._slots.get(key_id)
        if slot is None or slot.state != "busy":
            return
        slot.progress[target.target] = target
        done = [self.target_line(t) for t in slot.progress.values()]
        slot.last_result = " · ".join([*done, translate("Pad", "sending…")])
        self.changed.emit()

    def _on_actions_finished(self, result: ActionResult) -> None:
        if self.markers is None or result.status not in (ActionStatus.SENT, ActionStatus.PARTIAL):
            return
        marker = marker_for(result)
        if marker is not None:
            self.markers(*marker)

    def _subject(self, key_id: str) -> str:
        actions = self.actions
        if actions is None:
            return ""
        plan = actions.plan
        if key_id in PRODUCT_KEYS:
            product = plan.product(actions.current_product_id() or "")
            return product.name if product else ""
        if key_id == "coupon":
            coupon = plan.coupon(self._coupon_id() or "")
            return coupon.name if coupon else ""
        if key_id == "lottery":
            lottery = plan.lottery(self._lottery_id() or "")
            return lottery.prize if lottery else ""
        if key_id == "draw":
            lottery = plan.lottery(actions.running_lottery_id() or "")
            return lottery.prize if lottery else ""
        if key_id == "announcement":
            announcement = plan.announcement(self._announcement_id() or "")
            return announcement.text if announcement else ""
        if key_id == "take_off":
            return " · ".join(s.title for s in actions.on_screen.values())
        if key_id == "next":
            if not actions.rundown.live:
                return translate("Pad", "Start the show")
            following = actions.rundown.next_step
            return following.title if following else ""
        if key_id == "subscriber_push":
            return str(plan.show.title)
        if key_id == "end_explain":  # only where the room has a 讲解 pop-up to end (Channels)
            if not actions.room.supports(RoomAction.END_EXPLAIN):
                return ""
            product = plan.product(actions.explained_product_id() or "")
            return product.name if product else ""
        return ""

    def _why_not(self, key_id: str, subject: str, slot: _Slot) -> str:
        if self.actions is None:
            return translate("Pad", "No show is running — start or resume the show first.")
        if self.actions.rundown.ended:
            return translate("Pad", "The show has ended (结束直播). Start a new show for more.")
        if slot.state == "busy":
            return translate("Pad", "Sending… wait for the answer.")
        if slot.state == "unknown":
            return translate("Pad", "The last press was sent but never answered: check the live console, "
                                    "then say whether it happened.")
        if subject or key_id == "next":
            return ""
        if key_id in PRODUCT_KEYS:
            return translate("Pad", "No product is on air or next in the running order.")
        if key_id == "coupon":
            return translate("Pad", "The plan has no coupon.")
        if key_id == "lottery":
            return translate("Pad", "The plan has no lottery.")
        if key_id == "draw":
            return translate("Pad", "No lottery is running — start one first.")
        if key_id == "announcement":
            return translate("Pad", "The plan has no announcement.")
        if key_id == "take_off":
            return translate("Pad", "Nothing the console put on screen is showing.")
        if key_id == "end_explain":
            if not self.actions.room.supports(RoomAction.END_EXPLAIN):
                return translate("Pad", "This live room has no 讲解 pop-up to end (Channels has one).")
            return translate("Pad", "No product is being explained.")
        return translate("Pad", "Nothing to act on.")

    def _coupon_id(self) -> str | None:
        actions = self.actions
        if actions is None:
            return None
        return actions.next_of("coupon") or next((c.id for c in actions.plan.coupons), None)

    def _lottery_id(self) -> str | None:
        actions = self.actions
        if actions is None:
            return None
        return actions.next_of("lottery") or next((x.id for x in actions.plan.lotteries), None)

    def _announcement_id(self) -> str | None:
        actions = self.actions
        if actions is None:
            return None
        return actions.next_of("announcement") or next((a.id for a in actions.plan.announcements), None)


def marker_for(result: ActionResult) -> tuple[str, str] | None:
    """The health chart's marker for an action that went out: (kind, label), or None."""
    if result.action in (ActionKind.PUSH_PRODUCT, ActionKind.EXPLAIN):
        return MarkerKind.PRODUCT, translate("Pad", "Pushed: {title}").format(title=result.title)
    if result.action is ActionKind.LOTTERY_START:
        return MarkerKind.LOTTERY, translate("Pad", "Lottery: {title}").format(title=result.title)
    if result.action is ActionKind.LOTTERY_DRAW:
        return MarkerKind.LOTTERY, translate("Pad", "Draw: {title}").format(title=result.title)
    return None


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
