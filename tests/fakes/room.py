"""A live room that answers every action with one outcome, for the show's unit tests (the real
rooms: the WeChat emulator and the manual checklist, tested on their own).

It is ``ScriptedRoom`` (tests/fakes/scripted_room.py) with the same default answer for every
action; ``outcome``/``message`` may be changed between presses, ``hang`` never answers (a dead
network). Timeouts and labels are those of a plain ``LiveRoom``.
"""

from __future__ import annotations

from typing import Any

from studio.room.base import LiveRoom, Outcome, RoomAction
from tests.fakes.scripted_room import ScriptedRoom


class FakeRoom(ScriptedRoom):
    def __init__(self, outcome: Outcome = Outcome.DONE, message: str = "") -> None:
        super().__init__("Fake room")
        self.timeout = LiveRoom.timeout
        del self.retry_after_seconds  # a plain LiveRoom has none: the show uses its own retry pause
        self._outcome, self._message = outcome, message
        self._answer_everything()

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
