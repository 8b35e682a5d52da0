"""The live-room panel's room calls, made through the running show so the show log has them all.

The panel (``ui.panels.room``) never calls the WeChat client: every button goes through the
``RoomDesk`` the composition root (``studio.core``) builds over the panel's model. While a show
runs, a call with an effect in the room (上屏, 上架/下架, adding goods, 推送本场直播) is written
ahead exactly like the pad's (``ShowActions.logged_call``: ``action_intent`` → the call →
``room_call`` with outcome and latency, and ``action_result``, source ``room_panel``), and the
rundown counts what the room took (a push of a plan product counts for the push rules); a call
that changes nothing (rooms, goods library, push address, the plan↔room match) is one
``room_call`` with its latency. With no show running nothing is logged, and each answer says so
(``DeskAnswer.logged``), so the panel can tell the host.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from studio.errors import UserError
from studio.i18n import translate
from studio.room.base import Outcome, RoomAction, RoomRequest
from studio.show.results import ActionKind, action_source

if TYPE_CHECKING:
    from studio.room.matching import GoodsMatch
    from studio.room.settings import RoomConnection
    from studio.room.wechat import Goods, Room
    from studio.show.actions import ShowActions

T = TypeVar("T")
SOURCE = "room_panel"


@dataclass(frozen=True)
class DeskAnswer(Generic[T]):
    value: T
    logged: bool  # written to the running show's log (False: no show was running)


class RoomDesk:
    """``RoomDesk(connection, show_actions=lambda: None)``: ``show_actions()`` is the running
    show's ``ShowActions`` (None when no show runs or it has ended). Every method raises the
    client's ``WeChatError`` (plain words, ``next_step``) after logging it."""

    def __init__(self, connection: RoomConnection,
                 show_actions: Callable[[], ShowActions | None] = lambda: None) -> None:
        self.connection = connection
        self.model = connection.model
        self._show_actions = show_actions

    @property
    def show_actions(self) -> ShowActions | None:
        """The running show's actions, or None: then nothing is logged."""
        actions = self._show_actions()
        if actions is None or actions.rundown.ended:
            return None
        return actions

    @property
    def logging(self) -> bool:
        return self.show_actions is not None

    @property
    def target_name(self) -> str:
        room_id = self.model.room_id
        return translate("RoomDesk", "Mini-program live room {room} (live-room panel)").format(
            room="?" if room_id is None else room_id)

    # --- calls that change nothing ---------------------------------------------------------

    async def refresh_rooms(self) -> DeskAnswer[list[Room]]:
        return await self._read("list_rooms", self.model.refresh_rooms)

    async def load_library(self) -> DeskAnswer[list[Goods]]:
        return await self._read("approved_goods", self.model.load_library)

    async def fetch_push_url(self) -> DeskAnswer[str]:
        """The room's push address (a secret: it is never logged, only that it was fetched)."""
        return await self._read("push_url", self.model.fetch_push_url)

    async def match_plan(self, products: list[Any]) -> DeskAnswer[GoodsMatch]:
        """The plan's products against the room's goods and the goods library."""
        return await self._read("match_goods", lambda: self.connection.targets.match_plan(products))

    # --- calls with an effect in the room ----------------------------------------------------

    async def push_goods(self, goods_id: int) -> DeskAnswer[None]:
        """商品上屏 of one of the room's goods."""
        return await self._write(ActionKind.PUSH_PRODUCT, RoomAction.PUSH_GOODS, [goods_id],
                                 lambda: self.model.push_goods(goods_id))

    async def set_on_sale(self, goods_id: int, on_sale: bool) -> DeskAnswer[None]:
        """上架 / 下架."""
        kind = ActionKind.GOODS_ON_SALE if on_sale else ActionKind.GOODS_OFF_SALE
        action = RoomAction.GOODS_ON_SALE if on_sale else RoomAction.GOODS_OFF_SALE
        return await self._write(kind, action, [goods_id], lambda: self.model.set_on_sale(goods_id, on_sale))

    async def add_goods(self, goods_ids: Sequence[int]) -> DeskAnswer[None]:
        """导入商品: approved goods onto the show's room's shelf (one intent for the batch)."""
        ids = list(goods_ids)
        return await self._write(ActionKind.ADD_GOODS, RoomAction.ADD_GOODS, ids,
                                 lambda: self.model.add_goods(ids))

    async def notify_subscribers(self) -> DeskAnswer[int]:
        """推送本场直播 (once a day): the number of subscribers told."""
        return await self._write(ActionKind.SUBSCRIBER_PUSH, RoomAction.SUBSCRIBER_PUSH, [],
                                 self.model.notify_subscribers)

    # --- internals ---------------------------------------------------------------------------

    async def _read(self, action: str, call: Callable[[], Awaitable[T]]) -> DeskAnswer[T]:
        actions = self.show_actions
        if actions is None:
            return DeskAnswer(await call(), False)
        token = action_source.set((SOURCE, ""))
        try:
            value = await actions.logged_read(action, call, target=self.target_name, room_id=self.model.room_id)
        finally:
            action_source.reset(token)
        return DeskAnswer(value, True)

    async def _write(self, kind: ActionKind, room_action: RoomAction, goods_ids: list[int],
                     call: Callable[[], Awaitable[T]]) -> DeskAnswer[T]:
        actions = self.show_actions
        if actions is None:
            return DeskAnswer(await call(), False)
        ref, title, in_plan = self._about(actions, goods_ids)
        request = RoomRequest(room_action, goods_id=str(goods_ids[0]) if len(goods_ids) == 1 else None,
                              title=title, details={"goods_ids": goods_ids, "room_id": self.model.room_id})
        # A push of goods the plan does not know is logged, but is no plan product's push.
        effect = in_plan or kind is not ActionKind.PUSH_PRODUCT
        token = action_source.set((SOURCE, ""))
        try:
            value = await actions.logged_call(kind, ref, title, request, call, target=self.target_name,
                                              outcome_of=_outcome_of, effect=effect)
        finally:
            action_source.reset(token)
        return DeskAnswer(value, True)

    def _about(self, actions: ShowActions, goods_ids: list[int]) -> tuple[str, str, bool]:
        """(ref, title, a plan product?) for the show log: the plan's product when it has these
        goods, else the goods' own name and id."""
        if not goods_ids:
            return "", str(actions.plan.show.title), True
        wanted = {str(g) for g in goods_ids}
        products = [p for p in actions.plan.products if str(p.goods_id or "") in wanted]
        names = {g.goods_id: g.name for g in (*self.model.goods, *self.model.library)}
        if len(goods_ids) == 1:
            if products:
                return str(products[0].id), str(products[0].name), True
            return str(goods_ids[0]), names.get(goods_ids[0], str(goods_ids[0])), False
        return ",".join(sorted(wanted)), ", ".join(names.get(g, str(g)) for g in goods_ids), False


def _outcome_of(error: UserError) -> Outcome:
    """The room said no (refused) or could not be reached (failed)."""
    from studio.room.wechat.errors import WeChatUnreachable

    return Outcome.FAILED if isinstance(error, WeChatUnreachable) else Outcome.REFUSED
