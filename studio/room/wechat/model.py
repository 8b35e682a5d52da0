"""The model the live-room panel shows: rooms, the show's room, its goods and the goods library."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from studio.events import Signal
from studio.i18n import translate
from studio.room.wechat.client import WeChatLiveClient
from studio.room.wechat.errors import NEXT_PICK_ROOM, WeChatError
from studio.room.wechat.models import Goods, PlanProduct, Room, goods_to_plan_products
from studio.room.wechat.room import WeChatLiveRoom


class WeChatRoomModel:
    """Rooms, the show's room, its goods and the goods library, for the panel; emits ``changed``.

    It is handed a ready client by ``studio.room.settings.RoomConnection`` (which knows the
    settings, the keyring and rehearsal); every method runs on the loop and never blocks it.
    """

    def __init__(self, client_factory: Callable[[], Awaitable[WeChatLiveClient]]) -> None:
        self._client_factory = client_factory
        self._client: WeChatLiveClient | None = None
        self.changed = Signal("WeChatRoomModel.changed")
        self.busy = Signal("WeChatRoomModel.busy")  # (bool): a request is under way
        self.rooms: list[Room] = []
        self.room_id: int | None = None
        self.library: list[Goods] = []
        self.sale_state: dict[tuple[int, int], bool] = {}  # what this console last set (the API has no read)
        self.pending = 0

    async def client(self) -> WeChatLiveClient:
        if self._client is None:
            self._client = await self._client_factory()
        return self._client

    async def reset_client(self) -> None:
        """Settings changed: the next call builds a new client (new base URL, token source)."""
        old, self._client = self._client, None
        if old is not None:
            await old.close()

    @property
    def room(self) -> Room | None:
        return next((r for r in self.rooms if r.room_id == self.room_id), None)

    @property
    def goods(self) -> tuple[Goods, ...]:
        room = self.room
        return room.goods if room else ()

    def plan_products(self) -> list[PlanProduct]:
        return goods_to_plan_products(self.goods)

    def on_sale(self, goods_id: int) -> bool | None:
        if self.room_id is None:
            return None
        return self.sale_state.get((self.room_id, goods_id))

    async def _run(self, coro: Callable[[WeChatLiveClient], Awaitable[Any]]) -> Any:
        self.pending += 1
        self.busy.emit(True)
        try:
            return await coro(await self.client())
        finally:
            self.pending -= 1
            self.busy.emit(self.pending > 0)

    def _need_room(self) -> int:
        if self.room_id is None:
            raise WeChatError(translate("WeChatLive", "Pick the show's live room first."),
                              next_step=NEXT_PICK_ROOM)
        return self.room_id

    async def refresh_rooms(self) -> list[Room]:
        self.rooms = await self._run(lambda c: c.rooms())
        self.changed.emit()
        return self.rooms

    def select_room(self, room_id: int | None) -> None:
        self.room_id = room_id
        self.changed.emit()

    async def fetch_push_url(self) -> str:
        room_id = self._need_room()
        url: str = await self._run(lambda c: c.push_url(room_id))
        return url

    async def load_library(self) -> list[Goods]:
        self.library = await self._run(lambda c: c.approved_goods())
        self.changed.emit()
        return self.library

    async def add_goods(self, goods_ids: Sequence[int]) -> None:
        room_id = self._need_room()
        await self._run(lambda c: c.add_goods(room_id, goods_ids))
        await self.refresh_rooms()

    async def set_on_sale(self, goods_id: int, on_sale: bool) -> None:
        room_id = self._need_room()
        await self._run(lambda c: c.set_on_sale(room_id, goods_id, on_sale))
        self.sale_state[(room_id, goods_id)] = on_sale
        self.changed.emit()

    async def push_goods(self, goods_id: int) -> None:
        room_id = self._need_room()
        await self._run(lambda c: c.push_goods(room_id, goods_id))
        self.sale_state[(room_id, goods_id)] = True  # a push only succeeds for goods on sale

    async def notify_subscribers(self) -> int:
        room_id = self._need_room()
        count: int = await self._run(lambda c: c.notify_subscribers(room_id))
        return count

    async def live_room(self) -> WeChatLiveRoom:
        """The target for the show's one-click actions, bound to the picked room."""
        room_id = self._need_room()
        room = self.room
        return WeChatLiveRoom(await self.client(), room_id, room.name if room else "", owns_client=False)

    async def close(self) -> None:
        await self.reset_client()
