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

The keys as data (order, F keys, titles, what each acts on and why not, answer phrases, fixes,
chart markers) are ``studio.show.pad_keys``; every public name there is importable from here.
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
from studio.i18n import translate
from studio.room.base import Outcome
from studio.show.actions import ActionKind, ActionResult, ActionStatus, ShowActions, TargetResult, action_source
from studio.show.pad_keys import (
    KEY_IDS,
    KEY_OF_ACTION,
    KEY_ORDER,
    PRODUCT_KEYS,
    PadFix,
    PadKey,
    announcement_id,
    coupon_id,
    fix_for,
    lottery_id,
    marker_for,
    target_line,
)
from studio.show.pad_keys import subject as key_subject
from studio.show.pad_keys import why_not as key_why_not
from studio.tasks import spawn

if TYPE_CHECKING:
    from studio.room.manual import ManualRoom
    from studio.show.session import ShowController

CONFIRM_SECONDS = 5.0  # how long "press again to interrupt" stays armed
__all__ = ["CONFIRM_SECONDS", "KEY_IDS", "KEY_OF_ACTION", "KEY_ORDER", "PRODUCT_KEYS", "Pad", "PadFix", "PadKey",
           "PadRefused", "marker_for"]


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

    target_line = staticmethod(target_line)  # one target's answer in a phrase (``pad_keys.target_line``)

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
        subject = key_subject(self.actions, key_id)
        why_not = key_why_not(self.actions, key_id, subject, slot.state)
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
            "coupon": lambda: actions.push_coupon(coupon_id(actions) or "", confirmed=confirmed),
            "lottery": lambda: actions.start_lottery(lottery_id(actions) or "", confirmed=confirmed),
            "draw": lambda: actions.draw_lottery(),
            "announcement": lambda: actions.push_announcement(announcement_id(actions) or "",
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
            slot.last_result = " · ".join(target_line(t, detail) for t in result.targets)
            slot.fix = fix_for(result)
            if slot.fix is not None and slot.fix.id == "retry" and result.retry_after is not None:
                wait = self.retry_seconds if self.retry_seconds is not None else result.retry_after
                slot.retry_task = spawn(self._retry_later(key_id, wait), name=f"pad-retry-{key_id}")
        self.changed.emit()


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
        done = [target_line(t) for t in slot.progress.values()]
        slot.last_result = " · ".join([*done, translate("Pad", "sending…")])
        self.changed.emit()

    def _on_actions_finished(self, result: ActionResult) -> None:
        if self.markers is None or result.status not in (ActionStatus.SENT, ActionStatus.PARTIAL):
            return
        marker = marker_for(result)
        if marker is not None:
            self.markers(*marker)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
