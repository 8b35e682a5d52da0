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

The module is split at its seams: ``studio.show.results`` (what an action is and what came of it),
``studio.show.overlay_target`` (the overlay interface, ``OverlayTarget``, and its adapter onto OBS),
``studio.show.sending`` (``ActionSender``: the write-ahead sending this class inherits). Every name
those define is importable from here too. What stays here (~450 lines) is one piece: each action's
rules, question and targets, and the on-screen memory its overlays share.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from studio.errors import UserError
from studio.i18n import translate
from studio.obs.names import COUPON_BANNER, LOTTERY_COUNTDOWN, PRODUCT_CARD, TICKER
from studio.room.base import Outcome, RoomAction, RoomRequest
from studio.room.manual import ManualRoom
from studio.show import rules
from studio.show.overlay_target import ObsOverlaysAdapter, OverlayTarget
from studio.show.plan import Lottery, Product
from studio.show.results import (
    OVERLAY_TARGET,
    PUSH_RUNNING,
    RETRY_AFTER_SECONDS,
    ROOM_TARGET,
    RUNDOWN_TARGET,
    TARGET_TIMEOUT_SECONDS,
    ActionKind,
    ActionResult,
    ActionStatus,
    OnScreen,
    TargetResult,
    action_source,
    outcome_word,
)
from studio.show.sending import ActionSender

__all__ = [
    "OVERLAY_TARGET", "PUSH_RUNNING", "RETRY_AFTER_SECONDS", "ROOM_TARGET", "RUNDOWN_TARGET",
    "TARGET_TIMEOUT_SECONDS", "ActionKind", "ActionResult", "ActionSender", "ActionStatus",
    "ObsOverlaysAdapter", "OnScreen", "OverlayTarget", "ShowActions", "TargetResult", "action_source",
    "outcome_word",
]


class ShowActions(ActionSender):
    """``ShowActions(rundown, room, overlays=None, clock=rundown.clock, show_log=None)``; every action
    is a coroutine returning an ``ActionResult`` (with ``show_log``, the rundown's log, the events
    after the targets' answers share one fsync). ``finished`` fires with each result, ``changed``
    when what is on screen changes, ``progress`` with each target's answer as it comes."""

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
            with self._log_batch():
                for k, screen in zip(kinds, results, strict=True):
                    if screen.ok:
                        self._hidden(k)
                done = self._result(ActionKind.TAKE_OFF, ",".join(kinds), titles, None, *results)
            return self._finish(done)

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

    async def stock_call(self, product_id: str) -> ActionResult:
        """库存 of a product (the current one on the pad). The live room does what it can: the
        mini-program live API has no stock call, so there (and on the manual checklist) it is a
        checklist step saying where to change it — the merchant's own mini-program back end, with
        the product's name and goods_id. Nothing goes on screen; no rule limits it."""
        product = self._product(product_id)
        async with self._lock(ActionKind.STOCK):
            request = RoomRequest(RoomAction.STOCK, goods_id=product.goods_id or None, title=product.name,
                                  details={"product": product.id, "stock": product.stock})
            return await self._act(ActionKind.STOCK, product.id, product.name, request, None, None)

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
                # Its room_call at once: a crash during the second call still shows the first took.
                first, _latency = await self._to_room(before, intent_id)
                if not first.ok:
                    return self._done(result.action, result.ref, result.title, first, intent_id=intent_id,
                                      request=request)
                if before.action is RoomAction.GOODS_ON_SALE and request.goods_id:
                    self.rundown.goods_on_shelf(request.goods_id, True)
            room, latency_ms = await self._to_room(request, intent_id, record=False)
            with self._log_batch():  # what came of it, one durable write
                self._record_room_call(request, room, intent_id, latency_ms)
                if room.ok:
                    self._room_effect(result.action, result.ref, result.title, request)
                done = self._result(result.action, result.ref, result.title, room, intent_id=intent_id,
                                    request=request)
            return self._finish(done)

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
