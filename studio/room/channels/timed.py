"""Timed messages (定时发言) for a Channels live: the account's own lines, posted in the comment box
every N minutes while the show runs — "关注主播，整点抽奖" and the like.

Kept per account in the settings (``TimedMessage`` rows), posted through the room like any comment
(so a changed console turns each into a checklist step with its reason, never a silent failure),
and each post is written to the show log (``timed_message``) for the review. One failed post never
stops the others or the schedule.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.room.base import RoomAction, RoomRequest, RoomResult
from studio.tasks import spawn

log = logging.getLogger(__name__)
MIN_EVERY_MINUTES = 1.0  # the console's comment box is for people: not more often than a minute
TEXT_MAX = 200


@dataclass(frozen=True)
class TimedMessage:
    text: str
    every_minutes: float
    pin: bool = False

    @classmethod
    def from_settings(cls, raw: Any) -> TimedMessage | None:
        """A row from the settings file, or None when it is not a usable one (a bad row is skipped)."""
        if not isinstance(raw, dict):
            return None
        text = raw.get("text")
        every = raw.get("every_minutes")
        if not isinstance(text, str) or not text.strip() or len(text) > TEXT_MAX:
            return None
        if isinstance(every, bool) or not isinstance(every, int | float) or not math.isfinite(every):
            return None
        return cls(text.strip(), max(MIN_EVERY_MINUTES, float(every)), bool(raw.get("pin", False)))

    def as_settings(self) -> dict[str, Any]:
        return {"text": self.text, "every_minutes": self.every_minutes, "pin": self.pin}


_LINE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:分钟|分|min|m)?\s+(?:(上墙|pin)\s+)?(\S.*?)\s*$", re.IGNORECASE)


def parse_lines(text: str) -> tuple[list[TimedMessage], list[int]]:
    """The panel's text box: one message a line, "10 关注主播不迷路" or "15 上墙 整点抽奖" (pinned).
    Returns the messages and the 1-based numbers of the lines that are not in that form."""
    messages: list[TimedMessage] = []
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        message = TimedMessage.from_settings(
            {"text": match.group(3), "every_minutes": float(match.group(1)), "pin": bool(match.group(2))}
        ) if match else None
        if message is None:
            bad.append(number)
        else:
            messages.append(message)
    return messages, bad


def format_lines(messages: list[TimedMessage] | tuple[TimedMessage, ...]) -> str:
    return "\n".join(f"{m.every_minutes:g} {'上墙 ' if m.pin else ''}{m.text}" for m in messages)


class TimedMessages:
    """``TimedMessages(perform, messages, sink)``; ``start()`` / ``stop()``; ``tick()`` does one beat
    (tests call it with an injected clock). The first post of each line comes one interval in."""

    def __init__(self, perform: Callable[[RoomRequest], Any], messages: list[TimedMessage],
                 sink: Callable[..., Any] | None = None, clock: Callable[[], float] = time.time,
                 beat_seconds: float = 5.0) -> None:
        self._perform = perform
        self.messages = list(messages)
        self.sink = sink
        self._clock = clock
        self._beat = beat_seconds
        started = clock()
        self._due = [started + m.every_minutes * 60 for m in self.messages]
        self._task: asyncio.Task[None] | None = None

    async def tick(self) -> list[RoomResult]:
        now = self._clock()
        results = []
        for i, message in enumerate(self.messages):
            if now < self._due[i]:
                continue
            self._due[i] = now + message.every_minutes * 60
            request = RoomRequest(RoomAction.ANNOUNCEMENT, title=message.text,
                                  details={"pin": message.pin, "timed": True})
            try:
                result: RoomResult = await self._perform(request)
            except Exception:  # one bad post must not end the schedule for the rest of the show
                log.exception("timed message failed")
                continue
            results.append(result)
            if self.sink is not None:
                self.sink("timed_message", text=message.text, pin=message.pin, outcome=result.outcome.value,
                          message=result.message)
        return results

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = spawn(self._loop(), name="channels-timed-messages")

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self._beat)
            await self.tick()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
