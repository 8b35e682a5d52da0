"""The mini-program live room as the show's live-room target (``studio.room.base.LiveRoom``).

Per action it does what the API can and hands the rest to its own checklist (a ``ManualRoom``):
goods push (商品上屏), on/off sale (上架/下架), adding approved goods to the room and the
subscriber push (推送本场直播) go by API; coupons, lotteries and announcements have no server API
and become checklist steps the assistant ticks off, in the same result.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from studio.i18n import translate
from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult
from studio.room.manual import ManualRoom
from studio.room.wechat.client import WeChatLiveClient
from studio.room.wechat.errors import NEXT_RETRY, WeChatError, WeChatUnreachable


class WeChatLiveRoom(LiveRoom):
    """The mini-program live room as a target: goods push and sale flags and subscriber notice by
    API; coupons, lotteries and announcements have no server API and become checklist steps.

    ``goods_ids`` maps a plan product id to the room's goods id when the plan names the product
    but has no goods id (matched by name before the show, ``studio.room.matching``).
    """

    SUPPORTED = frozenset({RoomAction.PUSH_GOODS, RoomAction.GOODS_ON_SALE, RoomAction.GOODS_OFF_SALE,
                           RoomAction.ADD_GOODS, RoomAction.SUBSCRIBER_PUSH})
    timeout = 8.0  # the client's own HTTP timeout is 10 s; the pad says so before that
    retry_after_seconds = 3.0  # a goods push still running (300047): WeChat's window is a few seconds

    def __init__(self, client: WeChatLiveClient, room_id: int, name: str = "", *,
                 owns_client: bool = True, rehearsal: bool = False) -> None:
        self.client = client
        self.room_id = room_id
        self.rehearsal = rehearsal
        self._owns_client = owns_client
        self.name = name or translate("WeChatLive", "Mini-program live room {room}").format(room=room_id)
        self.checklist: ManualRoom = _Checklist(translate("WeChatLive", "Checklist"))
        self.goods_ids: dict[str, str] = {}
        self.matching: asyncio.Task[None] | None = None  # the plan matched to the room's goods
        # The running show's log (``show_started``): the room's own calls outside the pad (the
        # pre-show match) go there; what comes before the show's log exists waits here.
        self._record: Callable[..., Any] | None = None
        self._unlogged: list[tuple[str, dict[str, Any]]] = []

    def show_started(self, record: Callable[..., Any]) -> None:
        """The show driving this room started (or resumed): ``record(type, **data)`` writes to its log."""
        self._record = record
        waiting, self._unlogged = self._unlogged, []
        for type_, data in waiting:
            record(type_, **data)

    async def show_stopped(self) -> None:
        self._record = None

    def log_event(self, type_: str, **data: Any) -> None:
        """Into the show's log (kept until the show's log exists, when the show has not started yet)."""
        if self._record is not None:
            self._record(type_, **data)
        else:
            self._unlogged.append((type_, data))

    @property
    def target_label(self) -> str:
        if self.rehearsal:
            return translate("WeChatLive", "Mini-program live room {room} · rehearsal (彩排)").format(
                room=self.room_id)
        return translate("WeChatLive", "Mini-program live room {room}").format(room=self.room_id)

    def spec(self) -> dict[str, Any]:
        return {"kind": "miniprogram", "room_id": self.room_id, "rehearsal": self.rehearsal,
                "label": self.target_label}

    def supports(self, action: RoomAction) -> bool:
        return action in self.SUPPORTED

    async def preflight(self) -> str | None:
        """None when the room is live; otherwise what is wrong, in plain words."""
        try:
            room = await self.client.room(self.room_id)
        except WeChatError as e:
            return str(e)
        if room.is_live:
            return None
        return translate("WeChatLive", "The live room {room} is {status}: press 开始直播 in the anchor app or "
                                       "the live console first.").format(room=self.room_id,
                                                                        status=room.status_text)

    async def perform(self, request: RoomRequest) -> RoomResult:
        if not self.supports(request.action):
            # No API: a step for the assistant, in the same result (and in the pad's checklist),
            # naming the room's goods id when the plan's product was matched to one by name.
            step = await self.checklist.perform(replace(request, goods_id=self._goods(request)))
            return RoomResult(self.name, Outcome.MANUAL, step.message, next_step=step.next_step)
        try:
            message = await self._do(request)
        except WeChatUnreachable as e:
            return RoomResult(self.name, Outcome.FAILED, str(e), e.code, e.next_step or NEXT_RETRY)
        except WeChatError as e:
            return RoomResult(self.name, Outcome.REFUSED, str(e), e.code, e.next_step)
        return RoomResult(self.name, Outcome.DONE, message)

    def _goods(self, request: RoomRequest) -> str | None:
        product = str(request.details.get("product", "") or "")
        return request.goods_id or self.goods_ids.get(product)

    async def _do(self, request: RoomRequest) -> str:
        title = request.title or str(request.goods_id or "")
        if request.action is RoomAction.SUBSCRIBER_PUSH:
            count = await self.client.notify_subscribers(self.room_id)
            return translate("WeChatLive", "{count} subscribers notified.").format(count=count)
        goods_id = _goods_id(self._goods(request))
        if request.action is RoomAction.PUSH_GOODS:
            await self.client.push_goods(self.room_id, goods_id)
            return translate("WeChatLive", "“{title}” is on screen in the room.").format(title=title)
        if request.action is RoomAction.ADD_GOODS:
            await self.client.add_goods(self.room_id, [goods_id])
            return translate("WeChatLive", "“{title}” was added to the room.").format(title=title)
        on_sale = request.action is RoomAction.GOODS_ON_SALE
        await self.client.set_on_sale(self.room_id, goods_id, on_sale)
        if on_sale:
            return translate("WeChatLive", "“{title}” is on sale.").format(title=title)
        return translate("WeChatLive", "“{title}” is off sale.").format(title=title)

    async def close(self) -> None:
        if self.matching is not None:
            self.matching.cancel()
        if self._owns_client:
            await self.client.close()


class _Checklist(ManualRoom):
    """The mini-program room's manual steps; its stock step says exactly where to do it: the live
    API has no stock call (the room shows the stock the merchant's own mini-program reports), so it
    is changed in that mini-program's merchant back end, for this product and goods id."""

    def instruction(self, request: RoomRequest) -> str:
        if request.action is not RoomAction.STOCK:
            return super().instruction(request)
        goods_id = request.goods_id or translate("WeChatLive", "none in the plan")
        stock = request.details.get("stock")
        text = translate("WeChatLive", "Change the stock (库存) of “{title}” (goods_id {goods_id}) in your own "
                                       "mini-program's merchant back end (商家后台): mini-program live has no stock "
                                       "call, and the room shows the stock your mini-program reports.").format(
            title=request.title, goods_id=goods_id)
        if isinstance(stock, int):
            text += " " + translate("WeChatLive", "The plan says {stock}.").format(stock=stock)
        return text


def _goods_id(value: str | None) -> int:
    if not value:
        raise WeChatError(translate("WeChatLive", "This product has no mini-program goods id, and no goods of "
                                    "the room has its name. Add its goods id to the show plan (check the plan "
                                    "against the room in the live-room panel)."))
    try:
        return int(str(value).strip())
    except ValueError:
        raise WeChatError(translate("WeChatLive", "“{id}” is not a mini-program goods id (a number). Check the "
                                    "product's goods id in the show plan.").format(id=value)) from None
