"""A live room that answers with a chosen outcome, for the show's unit tests (the real rooms:
the WeChat emulator and the manual checklist, tested on their own).
"""

from __future__ import annotations

import asyncio

from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult


class FakeRoom(LiveRoom):
    """Answers with a chosen outcome; ``hang`` makes it never answer (a dead network)."""

    def __init__(self, outcome: Outcome = Outcome.DONE, message: str = "") -> None:
        self.name = "Fake room"
        self.outcome = outcome
        self.message = message
        self.hang = False
        self.requests: list[RoomRequest] = []

    def supports(self, action: RoomAction) -> bool:
        return True

    async def perform(self, request: RoomRequest) -> RoomResult:
        self.requests.append(request)
        if self.hang:
            await asyncio.Event().wait()
        return RoomResult(self.name, self.outcome, self.message)
