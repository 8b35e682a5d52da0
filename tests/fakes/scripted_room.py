"""A scripted live room for the pad's unit tests: answers what the test queued, per action, and
raises on any action it was not told about (a fake never invents an answer)."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult


class ScriptedRoom(LiveRoom):
    """``answer(action, outcome, message, code=None, next_step=None, times=1)`` queues answers;
    an action with no queued answer uses its ``default`` if one was set, else raises.
    ``delay`` seconds before every answer (a slow room); ``hang`` never answers."""

    def __init__(self, name: str = "Scripted room", *, preflight: str | None = None) -> None:
        self.name = name
        self.requests: list[RoomRequest] = []
        self.delay = 0.0
        self.hang = False
        self.timeout = 5.0
        self.retry_after_seconds = 0.05
        self._preflight = preflight
        self._queue: dict[RoomAction, list[RoomResult]] = defaultdict(list)
        self._default: dict[RoomAction, RoomResult] = {}

    @property
    def target_label(self) -> str:
        return f"{self.name} · scripted"

    def spec(self) -> dict[str, Any]:
        return {"kind": "scripted", "label": self.target_label}

    def answer(self, action: RoomAction, outcome: Outcome = Outcome.DONE, message: str = "", *,
               code: int | None = None, next_step: str | None = None, times: int = 1) -> None:
        for _ in range(times):
            self._queue[action].append(RoomResult(self.name, outcome, message, code, next_step))

    def default(self, action: RoomAction, outcome: Outcome = Outcome.DONE, message: str = "") -> None:
        self._default[action] = RoomResult(self.name, outcome, message)

    def supports(self, action: RoomAction) -> bool:
        return action in self._queue or action in self._default

    async def preflight(self) -> str | None:
        return self._preflight

    async def perform(self, request: RoomRequest) -> RoomResult:
        self.requests.append(request)
        if self.hang:
            await asyncio.Event().wait()
        if self.delay:
            await asyncio.sleep(self.delay)
        queued = self._queue.get(request.action)
        if queued:
            return queued.pop(0)
        if request.action in self._default:
            return self._default[request.action]
        raise AssertionError(f"ScriptedRoom was not told how to answer {request.action}")

    def actions(self) -> list[RoomAction]:
        return [r.action for r in self.requests]
