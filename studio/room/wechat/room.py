"""The mini-program live room as the show's live-room target (``studio.room.base.LiveRoom``)."""

from __future__ import annotations

from studio.i18n import translate
from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult
from studio.room.wechat.client import WeChatLiveClient
from studio.room.wechat.errors import NEXT_RETRY, WeChatError, WeChatUnreachable


class WeChatLiveRoom(LiveRoom):
    """The mini-program live room as a target: goods push and sale flags and subscriber notice by
    API; coupons, lotteries and announcements have no server API and stay manual steps."""

    SUPPORTED = frozenset({RoomAction.PUSH_GOODS, RoomAction.GOODS_ON_SALE, RoomAction.GOODS_OFF_SALE,
                           RoomAction.SUBSCRIBER_PUSH})

    def __init__(self, client: WeChatLiveClient, room_id: int, name: str = "", *,
                 owns_client: bool = True) -> None:
        self.client = client
        self.room_id = room_id
        self._owns_client = owns_client
        self.name = name or translate("WeChatLive", "Mini-program live room {room}").format(room=room_id)

    def supports(self, action: RoomAction) -> bool:
        return action in self.SUPPORTED

    async def perform(self, request: RoomRequest) -> RoomResult:
        if not self.supports(request.action):
            return RoomResult(self.name, Outcome.MANUAL, translate(
                "WeChatLive", "The mini-program live API cannot do this: do it in the anchor app or the live "
                "console (直播控制台), then tick it off."))
        try:
            message = await self._do(request)
        except WeChatUnreachable as e:
            return RoomResult(self.name, Outcome.FAILED, str(e), e.code, e.next_step or NEXT_RETRY)
        except WeChatError as e:
            return RoomResult(self.name, Outcome.REFUSED, str(e), e.code, e.next_step)
        return RoomResult(self.name, Outcome.DONE, message)

    async def _do(self, request: RoomRequest) -> str:
        title = request.title or str(request.goods_id or "")
        if request.action is RoomAction.SUBSCRIBER_PUSH:
            count = await self.client.notify_subscribers(self.room_id)
            return translate("WeChatLive", "{count} subscribers notified.").format(count=count)
        goods_id = _goods_id(request.goods_id)
        if request.action is RoomAction.PUSH_GOODS:
            await self.client.push_goods(self.room_id, goods_id)
            return translate("WeChatLive", "“{title}” is on screen in the room.").format(title=title)
        on_sale = request.action is RoomAction.GOODS_ON_SALE
        await self.client.set_on_sale(self.room_id, goods_id, on_sale)
        if on_sale:
            return translate("WeChatLive", "“{title}” is on sale.").format(title=title)
        return translate("WeChatLive", "“{title}” is off sale.").format(title=title)

    async def close(self) -> None:
        if self._owns_client:
            await self.client.close()


def _goods_id(value: str | None) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise WeChatError(translate("WeChatLive", "“{id}” is not a mini-program goods id (a number). Check the "
                                    "product's goods id in the show plan.").format(id=value)) from None
