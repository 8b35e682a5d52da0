"""One-click show actions: check the rules → send to every target at once → log → say what happened.

An action (push a product 商品上屏, coupon 发券, lottery 发起抽奖 / 开奖, announcement 公告, 返场,
take off screen) goes to two targets: the live room (a ``studio.room.base.LiveRoom``: the WeChat
client, the manual checklist or the dry run) and the on-screen overlay in OBS. The order is fixed:

1. the platform's rules (``Rundown.check_*``): a refusal sends nothing and says why and when it
   will be allowed (``ActionResult.refusal``);
2. the playbook's "don't interrupt an explanation": when the push would cut into a product being
   explained, nothing is sent and the result is ``ASK`` with the question; the UI asks (never a
   modal dialog) and calls again with ``confirmed=True``;
3. the live room and the overlay are sent to *concurrently*, each with its own timeout and its own
   ``TargetResult``: one failing never hides the other's success;
4. the outcome goes to the show log through the rundown (``action_result``, and the rundown's own
   event — ``goods_pushed``, ``lottery_started`` … — when the live room took it, so the rules and
   timers count only what really reached the room).

What the console put on screen is remembered (``on_screen``) with when it should go away: the
announcement ticker after its 20 s, the coupon banner at the end of its countdown, the lottery
countdown at the draw. ``tick()`` (called about once a second by ``studio.show.session``) takes
expired overlays off; ``take_off(kind)`` does it by hand. ``overlay_shown``/``overlay_hidden`` events
let ``restore(events)`` rebuild this after a crash.

The overlay side is the ``Overlays`` protocol below (``studio.obs.overlays`` implements it against
OBS; tests use a fake). Every method may raise ``UserError`` (e.g. ``ObsNotConnected``) with a
message in plain words.
"""

from __future__ import annotations

import asyncio
import contextvars
import enum
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from studio.errors import UserError
from studio.events import Signal
from studio.i18n import translate
from studio.obs.names import COUPON_BANNER, LOTTERY_COUNTDOWN, PRODUCT_CARD, TICKER
from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult
from studio.room.manual import ManualRoom
from studio.show import rules
from studio.show.plan import Coupon, Lottery, Product
from studio.show.rules import Verdict
from studio.show.rundown import Interruption, Rundown

log = logging.getLogger(__name__)

# A target that has not answered by then is reported as failed; the other target's answer stands.
# A live room may bring its own (``LiveRoom.timeout``); the overlay keeps this one.
TARGET_TIMEOUT_SECONDS = 10.0
PUSH_RUNNING = 300047  # WeChat: a goods push is still running in the room; retry after its window
RETRY_AFTER_SECONDS = 3.0

# Who pressed (``"pad"``, ``"hotkey"``, ``"api"`` …) and which pad key, for the show log's
# ``action_intent``/``action_result``; ``studio.show.pad.Pad.run`` sets it around each action.
action_source: contextvars.ContextVar[tuple[str, str]] = contextvars.ContextVar(
    "action_source", default=("", ""))

# Overlay kinds (``on_screen`` keys and show-log values) are the OBS overlays' own ids: studio.obs.names.


class OverlayScreen(Protocol):
    """What the actions need from the OBS overlays (``studio.obs.overlays`` implements it)."""

    async def show_product_card(self, product: Product) -> None: ...

    async def hide_product_card(self) -> None: ...

    async def show_coupon(self, coupon: Coupon, ends_at: float) -> None: ...

    async def hide_coupon(self) -> None: ...

    async def show_lottery_countdown(self, lottery: Lottery, ends_at: float) -> None: ...

    async def hide_lottery_countdown(self) -> None: ...

    async def show_ticker(self, text: str, seconds: float) -> None: ...

    async def hide_ticker(self) -> None: ...


Overlays = OverlayScreen  # the old name (studio.show.session imports it)


class ActionKind(enum.Enum):
    PUSH_PRODUCT = "push_product"  # 商品上屏 + product card
    EXPLAIN = "explain"  # start the product's explanation in the rundown, then push it
    COUPON = "coupon"  # 发券 + banner with countdown
    LOTTERY_START = "lottery_start"  # 发起抽奖 + countdown
    LOTTERY_DRAW = "lottery_draw"  # 开奖
    ANNOUNCEMENT = "announcement"  # 公告 + ticker for 20 s
    TAKE_OFF = "take_off"  # overlay(s) off screen
    NEXT = "next"  # the running order's next step (the first one starts the show)
    GOODS_ON_SALE = "goods_on_sale"  # 上架 the current product
    GOODS_OFF_SALE = "goods_off_sale"  # 下架 the current product
    SUBSCRIBER_PUSH = "subscriber_push"  # 推送本场直播
    END_EXPLAIN = "end_explain"  # 结束讲解 where the room has a 讲解 pop-up (Channels) + card off


class ActionStatus(enum.Enum):
    SENT = "sent"  # every target took it (done, or a manual step to tick off)
    PARTIAL = "partial"  # at least one target took it, at least one did not
    FAILED = "failed"  # no target took it
    REFUSED = "refused"  # a platform rule said no: nothing was sent
    ASK = "ask"  # it would interrupt an explanation: nothing was sent; ask, then confirmed=True


ROOM_TARGET, OVERLAY_TARGET, RUNDOWN_TARGET = "room", "overlay", "rundown"


@dataclass(frozen=True)
class TargetResult:
    target: str  # ROOM_TARGET | OVERLAY_TARGET
    name: str  # what the host reads: "Live room", "OBS overlay"
    outcome: Outcome
    message: str = ""  # plain words; for MANUAL the step to do by hand
    manual_step: str | None = None  # the ManualRoom step id to tick off
    next_step: str | None = None  # the room's offer after a refusal: "add_goods", "put_on_sale", "retry" …
    error_code: int | None = None  # the platform's errcode, when there is one
    latency_ms: int | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.DONE, Outcome.MANUAL)


@dataclass(frozen=True)
class ActionResult:
    action: ActionKind
    ref: str  # the plan id (product, coupon, lottery, announcement) or the overlay kind
    title: str  # what it was about, for the host
    status: ActionStatus
    targets: list[TargetResult] = field(default_factory=list)
    refusal: Verdict | None = None  # when REFUSED: reason and allowed_at
    question: Interruption | None = None  # when ASK
    note: str = ""  # when ASK without an interruption (e.g. starting against a room that is not live)
    intent_id: str = ""  # the write-ahead id shared by ``action_intent`` and ``action_result``
    request: RoomRequest | None = field(default=None, compare=False)  # what went to the live room
    retry_after: float | None = None  # the room asked to retry after this many seconds (300047)

    @property
    def message(self) -> str:
        """One line in plain words: the refusal, the question, or each target's outcome."""
        if self.refusal is not None:
            return self.refusal.reason
        if self.question is not None:
            return self.question.message
        if self.note and not self.targets:
            return self.note
        return " · ".join(f"{t.name}: {t.message}" if t.message else t.name for t in self.targets)

    def target(self, target: str) -> TargetResult | None:
        return next((t for t in self.targets if t.target == target), None)


@dataclass
class OnScreen:
    kind: str  # one of OVERLAY_KINDS
    ref: str
    title: str
    shown_at: float
    until: float | None  # None: stays until taken off


class ShowActions:
    """``ShowActions(rundown, room, overlays=None, clock=rundown.clock)``; every action is a coroutine
    returning an ``ActionResult``. ``finished`` fires with each result, ``changed`` when what is on
    screen changes."""

    def __init__(self, rundown: Rundown, room: LiveRoom, overlays: Overlays | None = None,
                 clock: Callable[[], float] | None = None,
                 target_timeout: float = TARGET_TIMEOUT_SECONDS) -> None:
        self.rundown = rundown
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

    @property
    def plan(self) -> Any:
        return self.rundown.plan

    @property
    def manual_room(self) -> ManualRoom | None:
        """The checklist of manual steps: the manual room itself, or the one a room with an API
        keeps for what it cannot do (``LiveRoom.checklist``)."""
        if isinstance(self.room, ManualRoom):
            return self.room
        checklist = getattr(self.room, "checklist", None)
        return checklist if isinstance(checklist, ManualRoom) else None

    # --- the actions ----------------------------------------------------------------------

    async def push_product(self, product_id: str, *, confirmed: bool = False) -> ActionResult:
        """商品上屏: the product to the live room and its card on screen."""
        product = self._product(product_id)
        async with self._lock(ActionKind.PUSH_PRODUCT):
            return await self._push_product(ActionKind.PUSH_PRODUCT, product, confirmed)

    async def explain(self, product_id: str | None = None, *, confirmed: bool = False) -> ActionResult:
        """Explain a product: its step goes on air in the rundown (the current product when none is
        named), then it is pushed. Explaining a product that is not in the running order re-runs it."""
        product = self._product(product_id or self.current_product_id() or "")
        async with self._lock(ActionKind.EXPLAIN):
            question = None if confirmed else self.rundown.interruption("explain", product.id)
            if question is not None:
                return self._finish(ActionResult(ActionKind.EXPLAIN, product.id, product.name,
                                                 ActionStatus.ASK, question=question))
            verdict = self.rundown.rules.check_live_time(self.clock())
            if not verdict.allowed:
                return self._refused(ActionKind.EXPLAIN, product.id, product.name, verdict)
            if self.rundown.live:
                self._put_on_air(product.id)
            return await self._push_product(ActionKind.EXPLAIN, product, confirmed=True)

    async def push_coupon(self, coupon_id: str, *, confirmed: bool = False) -> ActionResult:
        """发券: the coupon to the live room and a banner counting down its minutes."""
        coupon = self.plan.coupon(coupon_id)
        if coupon is None:
            raise UserError(translate("ShowActions", "No coupon “{id}” in the plan.").format(id=coupon_id))
        async with self._lock(ActionKind.COUPON):
            blocked = self._gate(ActionKind.COUPON, "coupon", coupon.id, coupon.name,
                                 self.rundown.rules.check_live_time(self.clock()), confirmed)
            if blocked is not None:
                return blocked
            ends_at = self.clock() + coupon.minutes * 60
            request = RoomRequest(RoomAction.COUPON, title=coupon.name,
                                  details={"coupon": coupon.id, "detail": coupon.detail,
                                           "quantity": coupon.quantity, "minutes": coupon.minutes})
            overlay = self._overlay_call(lambda o: o.show_coupon(coupon, ends_at))
            return await self._act(ActionKind.COUPON, coupon.id, coupon.name, request, overlay,
                                   lambda: self._shown(COUPON_BANNER, coupon.id, coupon.name, ends_at))

    async def start_lottery(self, lottery_id: str, *, confirmed: bool = False) -> ActionResult:
        """发起抽奖: the lottery in the live room and its countdown on screen (10 min by default)."""
        lottery = self._lottery(lottery_id)
        async with self._lock(ActionKind.LOTTERY_START):
            blocked = self._gate(ActionKind.LOTTERY_START, "lottery", lottery.id, lottery.prize,
                                 self.rundown.check_lottery(lottery.id), confirmed)
            if blocked is not None:
                return blocked
            ends_at = self.clock() + lottery.minutes * 60
            request = RoomRequest(RoomAction.LOTTERY_START, title=lottery.prize,
                                  details={"lottery": lottery.id, "kind": lottery.kind,
                                           "minutes": lottery.minutes, "winners": lottery.winners,
                                           "keyword": lottery.keyword})
            overlay = self._overlay_call(lambda o: o.show_lottery_countdown(lottery, ends_at))
            # The countdown stays until the draw: a drawn lottery takes it off.
            return await self._act(ActionKind.LOTTERY_START, lottery.id, lottery.prize, request, overlay,
                                   lambda: self._shown(LOTTERY_COUNTDOWN, lottery.id, lottery.prize, None))

    async def draw_lottery(self, lottery_id: str | None = None) -> ActionResult:
        """开奖: draw the running lottery (the one named, else the one that is due first)."""
        lottery = self._lottery(lottery_id or self.running_lottery_id() or "")
        async with self._lock(ActionKind.LOTTERY_DRAW):
            verdict = self.rundown.rules.check_live_time(self.clock())
            if not verdict.allowed:
                return self._refused(ActionKind.LOTTERY_DRAW, lottery.id, lottery.prize, verdict)
            request = RoomRequest(RoomAction.LOTTERY_DRAW, title=lottery.prize,
                                  details={"lottery": lottery.id, "winners": lottery.winners})
            showing = self.on_screen.get(LOTTERY_COUNTDOWN)
            overlay = None
            if showing is not None and showing.ref == lottery.id:
                overlay = self._overlay_call(lambda o: o.hide_lottery_countdown())
            return await self._act(ActionKind.LOTTERY_DRAW, lottery.id, lottery.prize, request, overlay,
                                   lambda: self._hidden(LOTTERY_COUNTDOWN))

    async def push_announcement(self, announcement_id: str = "", *, text: str = "",
                                confirmed: bool = False) -> ActionResult:
        """公告: the text to the live room and a ticker on screen for 20 s. Either a plan id or text."""
        if announcement_id:
            announcement = self.plan.announcement(announcement_id)
            if announcement is None:
                raise UserError(translate("ShowActions", "No announcement “{id}” in the plan.").format(
                    id=announcement_id))
            text = announcement.text
        text = text.strip()
        ref = announcement_id or text
        async with self._lock(ActionKind.ANNOUNCEMENT):
            blocked = self._gate(ActionKind.ANNOUNCEMENT, "announcement", ref, text,
                                 self.rundown.check_announcement(text), confirmed)
            if blocked is not None:
                return blocked
            seconds = rules.ANNOUNCEMENT_SHOWN_SECONDS
            request = RoomRequest(RoomAction.ANNOUNCEMENT, title=text, details={"announcement": ref})
            overlay = self._overlay_call(lambda o: o.show_ticker(text, seconds))
            return await self._act(ActionKind.ANNOUNCEMENT, ref, text, request, overlay,
                                   lambda: self._shown(TICKER, ref, text, self.clock() + seconds))

    async def take_off(self, kind: str | None = None) -> ActionResult:
        """Take an overlay off screen (the newest one when ``kind`` is None; ``"all"`` for every one).
        Only the screen changes: a push already made in the live room stays made."""
        async with self._lock(ActionKind.TAKE_OFF):
            if kind == "all":
                kinds = list(self.on_screen)
            elif kind is None:
                newest = max(self.on_screen.values(), key=lambda s: s.shown_at, default=None)
                kinds = [newest.kind] if newest else []
            else:
                kinds = [kind]
            if not kinds:
                raise UserError(translate("ShowActions", "Nothing the console put on screen is showing."))
            results = await asyncio.gather(*(self._hide(k) for k in kinds))
            titles = ", ".join(self.on_screen[k].title if k in self.on_screen else k for k in kinds)
            for k, screen in zip(kinds, results, strict=True):
                if screen.ok:
                    self._hidden(k)
            return self._done(ActionKind.TAKE_OFF, ",".join(kinds), titles, None, *results)

    async def next_step(self, *, confirmed: bool = False) -> ActionResult:
        """下一步: the running order's next step; the first press starts the show. Starting against
        a live room that is not live (or not reachable) asks first: nothing starts unconfirmed."""
        async with self._lock(ActionKind.NEXT):
            rundown = self.rundown
            name = translate("ShowActions", "Running order")
            if not rundown.live:
                problem = None if confirmed else await self._preflight()
                if problem:
                    return self._finish(ActionResult(ActionKind.NEXT, "", name, ActionStatus.ASK, note=translate(
                        "ShowActions", "{problem} Start the show anyway?").format(problem=problem)))
                rundown.start_show()
                current = rundown.current
                text = current.title if current else ""
            else:
                step = rundown.advance()
                text = step.title if step else translate("ShowActions", "End of the running order.")
            line = translate("ShowActions", "On air: {title}").format(title=text) if text else ""
            return self._finish(ActionResult(ActionKind.NEXT, rundown.current.id if rundown.current else "",
                                             text, ActionStatus.SENT,
                                             [TargetResult(RUNDOWN_TARGET, name, Outcome.DONE, line)]))

    async def set_on_sale(self, product_id: str, on_sale: bool) -> ActionResult:
        """上架 / 下架 a product in the live room (the current one on the pad)."""
        product = self._product(product_id)
        kind = ActionKind.GOODS_ON_SALE if on_sale else ActionKind.GOODS_OFF_SALE
        async with self._lock(kind):
            verdict = self.rundown.rules.check_live_time(self.clock())
            if on_sale and verdict.allowed:
                verdict = self.rundown.check_on_shelf(product.goods_id or product.id)
            if not verdict.allowed:
                return self._refused(kind, product.id, product.name, verdict)
            request = RoomRequest(RoomAction.GOODS_ON_SALE if on_sale else RoomAction.GOODS_OFF_SALE,
                                  goods_id=product.goods_id or None, title=product.name,
                                  details={"product": product.id})
            return await self._act(kind, product.id, product.name, request, None, None)

    async def end_explanation(self, product_id: str | None = None) -> ActionResult:
        """结束讲解: the 讲解 pop-up of the product off in a room that has one (Channels), and its
        product card off screen at the same time. Only rooms that can do it are offered this."""
        product = self._product(product_id or self.explained_product_id() or "")
        async with self._lock(ActionKind.END_EXPLAIN):
            request = RoomRequest(RoomAction.END_EXPLAIN, goods_id=product.goods_id or None, title=product.name,
                                  details={"product": product.id})
            card = self.on_screen.get(PRODUCT_CARD)
            overlay = None
            if card is not None and card.ref == product.id and self.overlays is not None:
                overlay = self.overlays.hide_product_card
            return await self._act(ActionKind.END_EXPLAIN, product.id, product.name, request, overlay,
                                   lambda: self._hidden(PRODUCT_CARD))

    def explained_product_id(self) -> str | None:
        """The product whose card the console has on screen, else the one on air."""
        card = self.on_screen.get(PRODUCT_CARD)
        return card.ref if card is not None else self.current_product_id()

    async def notify_subscribers(self) -> ActionResult:
        """推送本场直播: tell the room's subscribers the show is live (once a day, only while live)."""
        title = str(self.plan.show.title)
        async with self._lock(ActionKind.SUBSCRIBER_PUSH):
            verdict = self.rundown.check_subscriber_push()
            if not verdict.allowed:
                return self._refused(ActionKind.SUBSCRIBER_PUSH, "", title, verdict)
            request = RoomRequest(RoomAction.SUBSCRIBER_PUSH, title=title)
            return await self._act(ActionKind.SUBSCRIBER_PUSH, "", title, request, None, None)

    async def fix(self, result: ActionResult, fix_id: str) -> ActionResult:
        """The one-click fix after a live room's refusal, then the room part again (the overlay
        already did its part): ``add_goods`` adds the product to the room, ``put_on_sale`` puts it
        on sale, ``retry`` just sends again. Written ahead like every action."""
        request = result.request
        if request is None:
            raise UserError(translate("ShowActions", "There is nothing to send again for this key."))
        before = None
        if fix_id == "add_goods":
            before = RoomRequest(RoomAction.ADD_GOODS, goods_id=request.goods_id, title=request.title,
                                 details=request.details)
        elif fix_id == "put_on_sale":
            before = RoomRequest(RoomAction.GOODS_ON_SALE, goods_id=request.goods_id, title=request.title,
                                 details=request.details)
        elif fix_id != "retry":
            raise UserError(translate("ShowActions", "Unknown fix “{fix}”.").format(fix=fix_id))
        async with self._lock(result.action):
            intent_id = self._intent(result.action, result.ref, result.title, request, fix=fix_id)
            if before is not None:
                first = await self._to_room(before, intent_id)
                self._progress(first)
                if not first.ok:
                    return self._done(result.action, result.ref, result.title, first, intent_id=intent_id,
                                      request=request)
                if before.action is RoomAction.GOODS_ON_SALE and request.goods_id:
                    self.rundown.goods_on_shelf(request.goods_id, True)
            room = await self._to_room(request, intent_id)
            if room.ok:
                self._room_effect(result.action, result.ref, result.title, request)
            return self._done(result.action, result.ref, result.title, room, intent_id=intent_id,
                              request=request)

    def resolve_intent(self, intent: dict[str, Any], happened: bool) -> None:
        """The host checked the live console about an intent that never got its result (after a
        crash): it happened (counted as done, nothing is sent again) or it did not."""
        intent_id = str(intent.get("intent_id", ""))
        self.rundown.record("action_resolved", intent_id=intent_id, action=intent.get("action"),
                            ref=intent.get("ref"), happened=happened)
        if happened:
            try:
                kind = ActionKind(str(intent.get("action")))
            except ValueError:
                kind = None
            if kind is not None:
                request = RoomRequest(RoomAction(str(intent.get("room_action") or RoomAction.PUSH_GOODS.value)),
                                      goods_id=intent.get("goods_id"), title=str(intent.get("title", "")))
                self._room_effect(kind, str(intent.get("ref", "")), str(intent.get("title", "")), request)
        self.unanswered_intents = [i for i in self.unanswered_intents if i.get("intent_id") != intent_id]
        self.changed.emit()

    def rerun(self, product_id: str, now: bool = False) -> None:
        """返场: the product again, right after what is on air (or at once with ``now``)."""
        self.rundown.rerun(product_id, now=now)

    def tick_manual_step(self, step_id: str) -> None:
        """The assistant did a manual step in the platform's tool: tick it off and log it."""
        room = self.manual_room
        if room is None:
            return
        step = room.tick(step_id)
        self.rundown.record("manual_step_done", step=step.id, action=step.action.value, title=step.title)

    # --- the clock --------------------------------------------------------------------------

    async def tick(self) -> list[str]:
        """Take overlays whose time is up off screen (ticker after 20 s, coupon banner at its end);
        returns the kinds taken off. Called about once a second."""
        now = self.clock()
        # The lottery countdown has no end of its own: it stays at zero until the draw takes it off.
        due = [s.kind for s in self.on_screen.values() if s.until is not None and s.until <= now]
        taken = []
        for kind in due:
            result = await self._hide(kind)
            if result.ok:
                self._hidden(kind, reason="elapsed")
                taken.append(kind)
        return taken

    def restore(self, events: Iterable[dict[str, Any]]) -> None:
        """Rebuild ``on_screen`` from a show log after a crash (OBS kept showing what it showed),
        and find the intents sent without a result (``unanswered_intents``): never sent again by
        themselves, the pad asks the host to check the live console."""
        self.on_screen.clear()
        intents: dict[str, dict[str, Any]] = {}
        for event in events:
            kind = event.get("type")
            if kind == "action_intent" and event.get("intent_id"):
                intents[str(event["intent_id"])] = event
            elif kind in ("action_result", "action_resolved") and event.get("intent_id"):
                intents.pop(str(event["intent_id"]), None)
            if event.get("type") == "overlay_shown":
                until = event.get("until")
                self.on_screen[str(event["overlay"])] = OnScreen(
                    str(event["overlay"]), str(event.get("ref", "")), str(event.get("title", "")),
                    float(event.get("ts", 0.0)), float(until) if until is not None else None)
            elif event.get("type") == "overlay_hidden":
                self.on_screen.pop(str(event.get("overlay")), None)
        self.unanswered_intents = list(intents.values())
        self.changed.emit()

    # --- what the pad needs to know ---------------------------------------------------------

    def current_product_id(self) -> str | None:
        """The product on air, else the next product in the running order."""
        current = self.rundown.current
        if current is not None and current.kind in ("explain", "flash_sale"):
            return current.ref
        upcoming = [s for s in self.rundown.steps if s.state == "pending" and s.kind in ("explain",
                                                                                          "flash_sale")]
        if current is not None:
            index = self.rundown.steps.index(current)
            upcoming = [s for s in upcoming if self.rundown.steps.index(s) > index] or upcoming
        return upcoming[0].ref if upcoming else None

    def next_of(self, step_kind: str) -> str | None:
        """The ref of the step of this kind on air or next in the running order (e.g. "coupon")."""
        current = self.rundown.current
        if current is not None and current.kind == step_kind:
            return current.ref
        start = self.rundown.steps.index(current) + 1 if current is not None else 0
        for step in self.rundown.steps[start:] + self.rundown.steps[:start]:
            if step.kind == step_kind and step.state == "pending" and step.ref:
                return step.ref
        return None

    def running_lottery_id(self) -> str | None:
        lotteries = [t for t in self.rundown.timers if t.kind == "lottery"]
        return lotteries[0].ref if lotteries else None

    # --- internals --------------------------------------------------------------------------

    def _lock(self, kind: ActionKind) -> asyncio.Lock:
        return self._locks.setdefault(kind, asyncio.Lock())

    def _product(self, product_id: str) -> Product:
        product = self.plan.product(product_id) if product_id else None
        if product is None:
            if not product_id:
                raise UserError(translate("ShowActions", "No product is on air or next in the running "
                                                         "order. Pick a product first."))
            raise UserError(translate("ShowActions", "No product “{id}” in the plan.").format(id=product_id))
        return product  # type: ignore[no-any-return]

    def _lottery(self, lottery_id: str) -> Lottery:
        lottery = self.plan.lottery(lottery_id) if lottery_id else None
        if lottery is None:
            if not lottery_id:
                raise UserError(translate("ShowActions", "No lottery is running. Start one first."))
            raise UserError(translate("ShowActions", "No lottery “{id}” in the plan.").format(id=lottery_id))
        return lottery  # type: ignore[no-any-return]

    def _put_on_air(self, product_id: str) -> None:
        """The product's explanation goes on air: its next pending step, else a re-run now."""
        current = self.rundown.current
        if current is not None and current.kind == "explain" and current.ref == product_id:
            return
        step = next((s for s in self.rundown.steps if s.kind == "explain" and s.ref == product_id
                     and s.state == "pending"), None)
        if step is not None:
            self.rundown.go_to(step.id)
        else:
            self.rundown.rerun(product_id, now=True)

    async def _push_product(self, kind: ActionKind, product: Product, confirmed: bool) -> ActionResult:
        verdict = self.rundown.rules.check_live_time(self.clock())
        if product.goods_id:
            shelf = self.rundown.check_on_shelf(product.goods_id)
            verdict = shelf if verdict.allowed else verdict
        blocked = self._gate(kind, "explain", product.id, product.name, verdict, confirmed)
        if blocked is not None:
            return blocked
        request = RoomRequest(RoomAction.PUSH_GOODS, goods_id=product.goods_id or None, title=product.name,
                              details={"product": product.id})
        overlay = self._overlay_call(lambda o: o.show_product_card(product))
        return await self._act(kind, product.id, product.name, request, overlay,
                               lambda: self._shown(PRODUCT_CARD, product.id, product.name, None))

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

    def _overlay_call(self, call: Callable[[Overlays], Awaitable[None]]
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
        room, screen = await self._send(request, overlay, intent_id)
        if room.ok:
            self._room_effect(kind, ref, title, request)
        if screen is not None and screen.ok and on_screen is not None:
            on_screen()
        return self._done(kind, ref, title, room, screen, intent_id=intent_id, request=request)

    def _intent(self, kind: ActionKind, ref: str, title: str, request: RoomRequest, **extra: Any) -> str:
        """Write-ahead: the show log says what is about to be sent before anything leaves."""
        intent_id = uuid.uuid4().hex[:12]
        source, key = action_source.get()
        self.rundown.record("action_intent", intent_id=intent_id, action=kind.value, ref=ref, title=title,
                            room_action=request.action.value, goods_id=request.goods_id, key=key,
                            source=source or "core", target=self.room.name, **extra)
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
                            latency_ms=round((time.perf_counter() - started) * 1000))
        self.room_problem = problem
        self.changed.emit()
        return problem

    def _room_timeout(self) -> float:
        own = getattr(self.room, "timeout", None)
        return float(own) if isinstance(own, int | float) and own > 0 else self.target_timeout

    def _progress(self, result: TargetResult) -> None:
        self.progress.emit(action_source.get()[1], result)

    async def _send(self, request: RoomRequest, overlay: Callable[[], Awaitable[None]] | None,
                    intent_id: str = "") -> tuple[TargetResult, TargetResult | None]:
        """The live room and the overlay at the same time, each with its own timeout and result;
        each answer is reported (``progress``) as soon as it comes."""

        async def room_part() -> TargetResult:
            # The answer is on the pad before its ``room_call`` is written down.
            return await self._to_room(request, intent_id, on_answer=self._progress)

        async def overlay_part(call: Callable[[], Awaitable[None]]) -> TargetResult:
            result = await self._to_overlay(call)
            self._progress(result)
            return result

        if overlay is None:
            return await room_part(), None
        room, screen = await asyncio.gather(room_part(), overlay_part(overlay))
        return room, screen

    async def _to_room(self, request: RoomRequest, intent_id: str = "",
                       on_answer: Callable[[TargetResult], None] | None = None) -> TargetResult:
        name = self.room.name or translate("ShowActions", "Live room")
        timeout = self._room_timeout()
        started = time.perf_counter()
        answer: RoomResult | None = None
        try:
            answer = await asyncio.wait_for(self.room.perform(request), timeout)
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
            result = TargetResult(ROOM_TARGET, answer.target or name, answer.outcome,
                                  answer.message or _outcome_word(answer.outcome), manual, offer,
                                  answer.error_code, latency_ms)
        else:
            result = TargetResult(result.target, result.name, result.outcome, result.message,
                                  next_step=result.next_step, latency_ms=latency_ms)
        if on_answer is not None:
            on_answer(result)
        self.rundown.record("room_call", intent_id=intent_id, action=request.action.value,
                            goods_id=request.goods_id, target=result.name, outcome=result.outcome.value,
                            error_code=result.error_code, message=result.message, latency_ms=latency_ms)
        return result

    async def _to_overlay(self, call: Callable[[], Awaitable[None]]) -> TargetResult:
        name = translate("ShowActions", "OBS overlay")
        try:
            await asyncio.wait_for(call(), self.target_timeout)
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
        return TargetResult(OVERLAY_TARGET, name, Outcome.DONE, _outcome_word(Outcome.DONE))

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

    def _done(self, kind: ActionKind, ref: str, title: str, room: TargetResult | None,
              *screens: TargetResult | None, intent_id: str = "", request: RoomRequest | None = None
              ) -> ActionResult:
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
        return self._finish(ActionResult(kind, ref, title, status, targets, intent_id=intent_id,
                                         request=request, retry_after=retry_after))

    def _finish(self, result: ActionResult) -> ActionResult:
        self.finished.emit(result)
        return result


def _outcome_word(outcome: Outcome) -> str:
    if outcome is Outcome.DONE:
        return translate("ShowActions", "done")
    if outcome is Outcome.MANUAL:
        return translate("ShowActions", "to do by hand")
    if outcome is Outcome.REFUSED:
        return translate("ShowActions", "refused")
    return translate("ShowActions", "failed")


class ObsOverlaysAdapter:
    """The ``Overlays`` protocol over ``studio.obs.overlays.Overlays`` (which takes names, prices and
    times rather than plan objects). ``plan_dir``: where a product's relative ``image`` is looked up
    (the plan file's folder). Duck-typed, so this module does not import the OBS side."""

    def __init__(self, overlays: Any, plan_dir: Path | None = None) -> None:
        self.overlays = overlays
        self.plan_dir = plan_dir

    def _image(self, image: str) -> str | None:
        if not image:
            return None
        if image.startswith(("http://", "https://")):
            return image
        path = Path(image)
        if not path.is_absolute() and self.plan_dir is not None:
            path = self.plan_dir / path
        # A missing picture must not cost the card: show it without one.
        return str(path) if path.is_file() else None

    async def show_product_card(self, product: Product) -> None:
        image = await asyncio.to_thread(self._image, product.image)
        await self.overlays.show_product_card(product.name, live_price=product.live_price,
                                              list_price=product.price, image=image)

    async def hide_product_card(self) -> None:
        await self.overlays.hide_product_card()

    async def show_coupon(self, coupon: Coupon, ends_at: float) -> None:
        await self.overlays.show_coupon(coupon.name, ends_at)

    async def hide_coupon(self) -> None:
        await self.overlays.hide_coupon()

    async def show_lottery_countdown(self, lottery: Lottery, ends_at: float) -> None:
        await self.overlays.show_lottery_countdown(ends_at, prize=lottery.prize)

    async def hide_lottery_countdown(self) -> None:
        await self.overlays.hide_lottery_countdown()

    async def show_ticker(self, text: str, seconds: float) -> None:
        await self.overlays.show_ticker(text, seconds)

    async def hide_ticker(self) -> None:
        await self.overlays.hide_ticker()
