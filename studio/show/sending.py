"""Sending an action to every target, written ahead: intent → targets at once → outcome.

``ActionSender`` is the part of ``studio.show.actions.ShowActions`` that talks to the targets and
keeps the show log honest (split out of ``studio.show.actions``; ``ShowActions`` subclasses it):

1. ``action_intent`` is written (durably: the show log fsyncs each event) before anything leaves;
2. the live room is called at once, in the same turn of the loop as the intent (its request is on
   the wire before the loop serves anything else), and the overlay concurrently beside it, each
   with its own timeout and its own ``TargetResult``; each answer is reported (``progress``) the
   moment it comes;
3. only when every target answered are the room's ``room_call`` (outcome, errcode, latency), what
   the room took (``goods_pushed`` …), what went on screen (``overlay_shown``) and the
   ``action_result`` written — as one batch (``ShowLog.batch``: one write, one fsync, all or
   nothing) before the result is reported (``finished``): a write never holds up another target's
   answer, and a crash in between leaves an intent without a result, which a resumed show asks
   about ("sent? — check in the live console") and never repeats by itself.

``logged_call`` is the same write-ahead for a room call made outside the pad (the live-room
panel's buttons, ``studio.show.room_desk``); ``logged_read`` records a call that changes nothing
(room list, goods library, the pre-show match) as a ``room_call`` with its latency.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from studio.errors import UserError
from studio.events import Signal
from studio.i18n import translate
from studio.obs.names import COUPON_BANNER, LOTTERY_COUNTDOWN, PRODUCT_CARD, TICKER
from studio.room.base import LiveRoom, Outcome, RoomRequest, RoomResult
from studio.show.log import ShowLog
from studio.show.overlay_target import OverlayTarget
from studio.show.results import (
    OVERLAY_TARGET,
    PUSH_RUNNING,
    RETRY_AFTER_SECONDS,
    ROOM_TARGET,
    TARGET_TIMEOUT_SECONDS,
    ActionKind,
    ActionResult,
    ActionStatus,
    OnScreen,
    TargetResult,
    action_source,
    outcome_word,
)
from studio.show.rules import Verdict
from studio.show.rundown import Rundown

log = logging.getLogger(__name__)
T = TypeVar("T")


class ActionSender:
    """The targets and the write-ahead log of ``ShowActions`` (see the module's docstring)."""

    def __init__(self, rundown: Rundown, room: LiveRoom, overlays: OverlayTarget | None = None,
                 clock: Callable[[], float] | None = None,
                 target_timeout: float = TARGET_TIMEOUT_SECONDS, show_log: ShowLog | None = None) -> None:
        self.rundown = rundown
        # The log behind the rundown's sink: the events after the answers share one fsync there.
        self.show_log = show_log
        self.room = room
        self.overlays = overlays
        self.clock = clock or rundown.clock
        self.target_timeout = target_timeout
        self.on_screen: dict[str, OnScreen] = {}
        self.finished = Signal("actions.finished")
        self.changed = Signal("actions.changed")
        # (pad key, TargetResult): one target answered while the others may still be sending.
        self.progress = Signal("actions.progress")
        # Intents logged before a crash whose result never came (``restore``): "sent? check it".
        self.unanswered_intents: list[dict[str, Any]] = []
        # The last pre-show check of the live room: None when it was ready (or never checked).
        self.room_problem: str | None = None
        # One action of a kind at a time: a double click must see the first push's record before
        # the rules are asked again (two announcements 0.1 s apart would both pass otherwise).
        self._locks: dict[ActionKind, asyncio.Lock] = {}

    def _lock(self, kind: ActionKind) -> asyncio.Lock:
        return self._locks.setdefault(kind, asyncio.Lock())

    def _log_batch(self) -> AbstractContextManager[object]:
        """The events of one outcome written together (one write, one fsync) when the block ends;
        without a show log (tests with a memory sink) each is written as it comes."""
        return self.show_log.batch() if self.show_log is not None else contextlib.nullcontext()

    # --- rules said no / ask first -----------------------------------------------------------

    def _gate(self, kind: ActionKind, rundown_action: str, ref: str, title: str, verdict: Verdict,
              confirmed: bool) -> ActionResult | None:
        """Rules first, then the interruption question: a result here means nothing is sent."""
        if not verdict.allowed:
            return self._refused(kind, ref, title, verdict)
        if not confirmed:
            question = self.rundown.interruption(rundown_action, ref)
            if question is not None:
                return self._finish(ActionResult(kind, ref, title, ActionStatus.ASK, question=question))
        return None

    def _refused(self, kind: ActionKind, ref: str, title: str, verdict: Verdict) -> ActionResult:
        self.rundown.record("action_refused", action=kind.value, ref=ref, rule=verdict.rule,
                            reason=verdict.reason, allowed_at=verdict.allowed_at)
        return self._finish(ActionResult(kind, ref, title, ActionStatus.REFUSED, refusal=verdict))

    # --- sending ------------------------------------------------------------------------------

    def _overlay_call(self, call: Callable[[OverlayTarget], Awaitable[None]]
                      ) -> Callable[[], Awaitable[None]] | None:
        overlays = self.overlays
        if overlays is None:
            return None
        return lambda: call(overlays)

    async def _act(self, kind: ActionKind, ref: str, title: str, request: RoomRequest,
                   overlay: Callable[[], Awaitable[None]] | None, on_screen: Callable[[], None] | None
                   ) -> ActionResult:
        """Write the intent, send to the live room and the overlay at once, record what each
        did, write the result (same ``intent_id``)."""
        intent_id = self._intent(kind, ref, title, request)
        room, latency_ms, screen = await self._send(request, overlay)
        with self._log_batch():  # every target answered: what came of it, one durable write
            self._record_room_call(request, room, intent_id, latency_ms)
            if room.ok:
                self._room_effect(kind, ref, title, request)
            if screen is not None and screen.ok and on_screen is not None:
                on_screen()
            result = self._result(kind, ref, title, room, screen, intent_id=intent_id, request=request)
        return self._finish(result)

    def _intent(self, kind: ActionKind, ref: str, title: str, request: RoomRequest, *,
                target: str = "", **extra: Any) -> str:
        """Write-ahead: the show log says what is about to be sent before anything leaves."""
        intent_id = uuid.uuid4().hex[:12]
        source, key = action_source.get()
        self.rundown.record("action_intent", intent_id=intent_id, action=kind.value, ref=ref, title=title,
                            room_action=request.action.value, goods_id=request.goods_id, key=key,
                            source=source or "core", target=target or self.room.name, **extra)
        return intent_id

    def _room_effect(self, kind: ActionKind, ref: str, title: str, request: RoomRequest) -> None:
        """What the live room took, for the rules and timers (only what really reached the room)."""
        if kind in (ActionKind.PUSH_PRODUCT, ActionKind.EXPLAIN):
            self.rundown.goods_pushed(ref)
        elif kind is ActionKind.COUPON:
            self.rundown.coupon_pushed(ref)
        elif kind is ActionKind.LOTTERY_START:
            self.rundown.start_lottery(ref)
        elif kind is ActionKind.LOTTERY_DRAW:
            self.rundown.draw_lottery(ref)
        elif kind is ActionKind.ANNOUNCEMENT:
            self.rundown.announcement_pushed(title)
        elif kind in (ActionKind.GOODS_ON_SALE, ActionKind.GOODS_OFF_SALE):
            self.rundown.goods_on_shelf(request.goods_id or ref, kind is ActionKind.GOODS_ON_SALE)
        elif kind is ActionKind.SUBSCRIBER_PUSH:
            self.rundown.subscriber_pushed()

    def _room_timeout(self) -> float:
        own = getattr(self.room, "timeout", None)
        return float(own) if isinstance(own, int | float) and own > 0 else self.target_timeout

    def _progress(self, result: TargetResult) -> None:
        self.progress.emit(action_source.get()[1], result)

    async def _send(self, request: RoomRequest, overlay: Callable[[], Awaitable[None]] | None
                    ) -> tuple[TargetResult, int, TargetResult | None]:
        """The live room and the overlay at the same time, each with its own timeout and result;
        each answer is reported (``progress``) as soon as it comes. Nothing is written here: the
        caller writes the room's ``room_call`` (with the latency returned) once every target
        answered, so no write delays the other's answer."""

        async def overlay_part(call: Callable[[], Awaitable[None]]) -> TargetResult:
            result = await self._to_overlay(call)
            self._progress(result)
            return result

        # The overlay as a task (it starts with the next turn of the loop); the room awaited right
        # here, so its request leaves in this turn, right after the intent was written.
        screen_task = asyncio.ensure_future(overlay_part(overlay)) if overlay is not None else None
        try:
            room, latency_ms = await self._call_room(request)
            self._progress(room)
            screen = await screen_task if screen_task is not None else None
        finally:
            if screen_task is not None and not screen_task.done():
                screen_task.cancel()  # we were cancelled: the overlay call goes with us
        return room, latency_ms, screen

    async def _to_room(self, request: RoomRequest, intent_id: str = "", *, record: bool = True
                       ) -> tuple[TargetResult, int]:
        """One room call, reported as soon as it answered and, with ``record``, its ``room_call``
        written at once (else the caller writes it with what follows: ``_record_room_call``)."""
        result, latency_ms = await self._call_room(request)
        self._progress(result)
        if record:
            self._record_room_call(request, result, intent_id, latency_ms)
        return result, latency_ms

    async def _call_room(self, request: RoomRequest) -> tuple[TargetResult, int]:
        """The live room's answer as a ``TargetResult`` (never raises but for cancellation)."""
        name = self.room.name or translate("ShowActions", "Live room")
        timeout = self._room_timeout()
        started = time.perf_counter()
        answer: RoomResult | None = None
        try:
            # ``asyncio.timeout``, not ``wait_for``: the call runs in this task, so its request
            # leaves now rather than a turn of the loop later (``wait_for`` starts a new task).
            async with asyncio.timeout(timeout):
                answer = await self.room.perform(request)
        except TimeoutError:
            result = TargetResult(ROOM_TARGET, name, Outcome.FAILED, translate(
                "ShowActions", "The live room did not answer within {seconds} s. Check the network, then "
                               "try again.").format(seconds=int(timeout)), next_step="retry")
        except UserError as e:
            result = TargetResult(ROOM_TARGET, name, Outcome.FAILED, str(e))
        except Exception:
            log.exception("live room %s failed on %s", name, request.action.value)
            result = TargetResult(ROOM_TARGET, name, Outcome.FAILED, translate(
                "ShowActions", "The live room could not be reached (an unexpected error, written to the "
                               "console's log). Try again, or do it in the platform's own tool."))
        latency_ms = round((time.perf_counter() - started) * 1000)
        if answer is not None:
            manual = answer.next_step if answer.outcome is Outcome.MANUAL else None
            offer = answer.next_step if answer.outcome in (Outcome.REFUSED, Outcome.FAILED) else None
            return TargetResult(ROOM_TARGET, answer.target or name, answer.outcome,
                                answer.message or outcome_word(answer.outcome), manual, offer,
                                answer.error_code, latency_ms), latency_ms
        return TargetResult(result.target, result.name, result.outcome, result.message,
                            next_step=result.next_step, latency_ms=latency_ms), latency_ms

    def _record_room_call(self, request: RoomRequest, result: TargetResult, intent_id: str,
                          latency_ms: int) -> None:
        self.rundown.record("room_call", intent_id=intent_id, action=request.action.value,
                            goods_id=request.goods_id, target=result.name, outcome=result.outcome.value,
                            error_code=result.error_code, message=result.message, latency_ms=latency_ms)

    async def _to_overlay(self, call: Callable[[], Awaitable[None]]) -> TargetResult:
        name = translate("ShowActions", "OBS overlay")
        try:
            async with asyncio.timeout(self.target_timeout):
                await call()
        except TimeoutError:
            return TargetResult(OVERLAY_TARGET, name, Outcome.FAILED, translate(
                "ShowActions", "OBS did not answer within {seconds} s. Check that OBS is running and "
                               "connected.").format(seconds=int(self.target_timeout)))
        except UserError as e:
            return TargetResult(OVERLAY_TARGET, name, Outcome.FAILED, str(e))
        except Exception:
            log.exception("overlay call failed")
            return TargetResult(OVERLAY_TARGET, name, Outcome.FAILED, translate(
                "ShowActions", "The overlay could not be changed (an unexpected error, written to the "
                               "console's log). Check OBS, then try again."))
        return TargetResult(OVERLAY_TARGET, name, Outcome.DONE, outcome_word(Outcome.DONE))

    # --- room calls made outside the pad (the live-room panel) -------------------------------

    async def logged_call(self, kind: ActionKind, ref: str, title: str, request: RoomRequest,
                          call: Callable[[], Awaitable[T]], *, target: str,
                          outcome_of: Callable[[UserError], Outcome] | None = None,
                          effect: bool = True) -> T:
        """A room call with an effect made outside the pad, written ahead like the pad's:
        ``action_intent`` → ``call()`` → ``room_call`` (outcome, errcode, latency) and
        ``action_result``, with the source of ``action_source`` (e.g. ``"room_panel"``). Returns
        what ``call`` returned; its ``UserError`` is logged, then raised again. ``outcome_of``
        says whether an error was a refusal or the room not being reached (default: failed);
        with ``effect`` the rundown counts what the room took (``goods_pushed`` …)."""
        async with self._lock(kind):
            intent_id = self._intent(kind, ref, title, request, target=target)
            started = time.perf_counter()
            try:
                value = await call()
            except UserError as e:
                outcome = outcome_of(e) if outcome_of is not None else Outcome.FAILED
                code = getattr(e, "code", None)
                result = TargetResult(ROOM_TARGET, target, outcome, str(e),
                                      error_code=code if isinstance(code, int) else None,
                                      latency_ms=_ms_since(started))
                with self._log_batch():
                    self._record_room_call(request, result, intent_id, result.latency_ms or 0)
                    done = self._result(kind, ref, title, result, intent_id=intent_id, request=request)
                self._finish(done)
                raise
            except BaseException as e:
                # Cancelled or a bug: the intent stays without a result ("sent? — check").
                log.info("room call %s ended without an answer (%s)", request.action.value, type(e).__name__)
                raise
            result = TargetResult(ROOM_TARGET, target, Outcome.DONE, outcome_word(Outcome.DONE),
                                  latency_ms=_ms_since(started))
            with self._log_batch():
                self._record_room_call(request, result, intent_id, result.latency_ms or 0)
                if effect:
                    self._room_effect(kind, ref, title, request)
                done = self._result(kind, ref, title, result, intent_id=intent_id, request=request)
            self._finish(done)
            return value

    async def logged_read(self, action: str, call: Callable[[], Awaitable[T]], *, target: str,
                          **details: Any) -> T:
        """A room call that changes nothing (rooms, goods library, the pre-show match): one
        ``room_call`` with its outcome and latency; nothing to write ahead."""
        started = time.perf_counter()
        try:
            value = await call()
        except UserError as e:
            self.rundown.record("room_call", action=action, target=target, outcome=Outcome.FAILED.value,
                                message=str(e), latency_ms=_ms_since(started), source=_source(), **details)
            raise
        self.rundown.record("room_call", action=action, target=target, outcome=Outcome.DONE.value,
                            latency_ms=_ms_since(started), source=_source(), **details)
        return value

    # --- the pre-show check ------------------------------------------------------------------

    async def check_room(self) -> str | None:
        """Is the live room live and reachable? Plain words when not (``room_problem``); logged."""
        return await self._preflight()

    async def _preflight(self) -> str | None:
        """Is the live room ready to go on air? Plain words when not (never raises)."""
        check = getattr(self.room, "preflight", None)
        if check is None:
            return None
        started = time.perf_counter()
        problem: str | None
        try:
            answer = await asyncio.wait_for(check(), self._room_timeout())
            problem = str(answer) if answer else None
        except TimeoutError:
            problem = translate("ShowActions", "The live room did not answer within {seconds} s.").format(
                seconds=int(self._room_timeout()))
        except Exception as e:  # a broken check must not stop the show from starting
            log.warning("room preflight failed: %s", e)
            problem = str(e) if isinstance(e, UserError) else None
        self.rundown.record("room_call", action="preflight", target=self.room.name,
                            outcome="ready" if problem is None else "not_ready", message=problem or "",
                            latency_ms=_ms_since(started))
        self.room_problem = problem
        self.changed.emit()
        return problem

    # --- what is on screen ---------------------------------------------------------------------

    async def _hide(self, kind: str) -> TargetResult:
        overlays = self.overlays
        if overlays is None:
            return TargetResult(OVERLAY_TARGET, translate("ShowActions", "OBS overlay"), Outcome.DONE)
        hide: dict[str, Callable[[], Awaitable[None]]] = {
            PRODUCT_CARD: overlays.hide_product_card, COUPON_BANNER: overlays.hide_coupon,
            LOTTERY_COUNTDOWN: overlays.hide_lottery_countdown, TICKER: overlays.hide_ticker}
        if kind not in hide:
            raise UserError(translate("ShowActions", "Unknown overlay “{kind}”.").format(kind=kind))
        return await self._to_overlay(hide[kind])

    def _shown(self, kind: str, ref: str, title: str, until: float | None) -> None:
        self.on_screen[kind] = OnScreen(kind, ref, title, self.clock(), until)
        self.rundown.record("overlay_shown", overlay=kind, ref=ref, title=title, until=until)
        self.changed.emit()

    def _hidden(self, kind: str, reason: str = "taken_off") -> None:
        self.on_screen.pop(kind, None)
        self.rundown.record("overlay_hidden", overlay=kind, reason=reason)
        self.changed.emit()

    # --- the result ----------------------------------------------------------------------------

    def _done(self, kind: ActionKind, ref: str, title: str, room: TargetResult | None,
              *screens: TargetResult | None, intent_id: str = "", request: RoomRequest | None = None
              ) -> ActionResult:
        """The ``action_result`` written (durable), then reported (``finished``)."""
        with self._log_batch():
            result = self._result(kind, ref, title, room, *screens, intent_id=intent_id, request=request)
        return self._finish(result)

    def _result(self, kind: ActionKind, ref: str, title: str, room: TargetResult | None,
                *screens: TargetResult | None, intent_id: str = "", request: RoomRequest | None = None
                ) -> ActionResult:
        """The ``action_result`` into the show log (in the caller's batch, if any) and the result
        to report once it is durable (``_finish``)."""
        targets = [t for t in (room, *screens) if t is not None]
        took = [t.ok for t in targets]
        status = (ActionStatus.SENT if all(took) else
                  ActionStatus.PARTIAL if any(took) else ActionStatus.FAILED)
        source, key = action_source.get()
        extra: dict[str, Any] = {"intent_id": intent_id} if intent_id else {}
        self.rundown.record("action_result", action=kind.value, ref=ref, status=status.value,
                            source=source or "core", key=key, **extra,
                            targets=[{"target": t.target, "name": t.name, "outcome": t.outcome.value,
                                      "message": t.message, "error_code": t.error_code,
                                      "latency_ms": t.latency_ms} for t in targets])
        retry_after = None
        if room is not None and room.error_code == PUSH_RUNNING:
            own = getattr(self.room, "retry_after_seconds", None)
            retry_after = float(own) if isinstance(own, int | float) else RETRY_AFTER_SECONDS
        return ActionResult(kind, ref, title, status, targets, intent_id=intent_id, request=request,
                            retry_after=retry_after)

    def _finish(self, result: ActionResult) -> ActionResult:
        self.finished.emit(result)
        return result


def _ms_since(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _source() -> str:
    return action_source.get()[0] or "core"
