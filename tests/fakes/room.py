"""A live room that answers every action with one outcome, for the show's unit tests (the real
rooms: the WeChat emulator and the manual checklist, tested on their own).

It is ``ScriptedRoom`` (tests/fakes/scripted_room.py) with the same default answer for every
action; ``outcome``/``message`` may be changed between presses, ``hang`` never answers (a dead
network). Timeouts and labels are those of a plain ``LiveRoom``; ``on_perform(request)`` runs as
each call starts (to see what had happened by then).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult
from tests.fakes.scripted_room import ScriptedRoom


class FakeRoom(ScriptedRoom):
    def __init__(self, outcome: Outcome = Outcome.DONE, message: str = "") -> None:
        super().__init__("Fake room")
        self.timeout = LiveRoom.timeout
        del self.retry_after_seconds  # a plain LiveRoom has none: the show uses its own retry pause
        self._outcome, self._message = outcome, message
        self.on_perform: Callable[[RoomRequest], None] | None = None  # runs as each call starts
        self._answer_everything()

    async def perform(self, request: RoomRequest) -> RoomResult:
        if self.on_perform is not None:
            self.on_perform(request)
        return await super().perform(request)

    @property
    def outcome(self) -> Outcome:
        return self._outcome

    @outcome.setter
    def outcome(self, outcome: Outcome) -> None:
        self._outcome = outcome
        self._answer_everything()

    @property
    def message(self) -> str:
        return self._message

    @message.setter
    def message(self, message: str) -> None:
        self._message = message
        self._answer_everything()

    @property
    def target_label(self) -> str:
        return self.name

    def spec(self) -> dict[str, Any]:
        return LiveRoom.spec(self)

    def _answer_everything(self) -> None:
        for action in RoomAction:
            self.default(action, self._outcome, self._message)


class FakeRoomModel:
    """Stands in for ``studio.room.wechat.WeChatRoomModel`` (what the live-room panel's desk calls):
    records each call in ``calls``; ``fail_next(error)`` makes the next call raise it; ``gate`` (an
    ``asyncio.Event``) holds every call until set; ``on_call(name)`` runs as each call starts.
    Anything else is an AttributeError."""

    def __init__(self, room_id: int | None = 1001, goods: tuple[Any, ...] = (), library: list[Any] | None = None,
                 subscribers: int = 3) -> None:
        self.room_id = room_id
        self.goods = goods
        self.library = list(library or [])
        self.calls: list[tuple[Any, ...]] = []
        self.subscribers = subscribers
        self.gate: Any = None
        self.on_call: Any = None
        self._errors: list[Exception] = []

    def fail_next(self, error: Exception) -> None:
        self._errors.append(error)

    async def _call(self, *call: Any) -> None:
        if self.on_call is not None:
            self.on_call(call[0])
        self.calls.append(call)
        if self.gate is not None:
            await self.gate.wait()
        if self._errors:
            raise self._errors.pop(0)

    async def refresh_rooms(self) -> list[Any]:
        await self._call("refresh_rooms")
        return []

    async def load_library(self) -> list[Any]:
        await self._call("load_library")
        return self.library

    async def fetch_push_url(self) -> str:
        await self._call("fetch_push_url")
        return "rtmp://push.example/live/1001?txSecret=s3cr3t&txTime=1"

    async def push_goods(self, goods_id: int) -> None:
        await self._call("push_goods", goods_id)

    async def set_on_sale(self, goods_id: int, on_sale: bool) -> None:
        await self._call("set_on_sale", goods_id, on_sale)

    async def add_goods(self, goods_ids: list[int]) -> None:
        await self._call("add_goods", list(goods_ids))

    async def notify_subscribers(self) -> int:
        await self._call("notify_subscribers")
        return self.subscribers


class FakeRoomConnection:
    """Stands in for ``studio.room.settings.RoomConnection`` where only its model is used."""

    def __init__(self, model: FakeRoomModel) -> None:
        self.model = model


class NoCallsClient:
    """A WeChat client for a room that must not call it: any use at all raises."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the WeChat client was used ({name}) where no call was expected")
